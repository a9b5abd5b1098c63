/** A1 amount-negative: budget amounts are never negative. */
import { byRule, expectOne, findings, tableGrid } from './helpers';

describe('amount-negative', () => {
  it('reports a negative 其他资金, naming the amount', () => {
    const grid = tableGrid({
      projects: [{ name: '口岸广域网运作经费', amounts: ['7.50', '9.50', null, '-2.00'] }],
      total: ['7.50', '9.50', null, null],
      unit: ['7.50', '9.50', null, null],
    });
    const f = expectOne(grid, {
      rule: 'amount-negative',
      severity: 'error',
      cell: 'E4',
      indicator: null,
      project: '口岸广域网运作经费',
      messageId: 'negative',
      data: { name: '口岸广域网运作经费', role: 'other', amount: '-2.00' },
    });
    expect(f.actual).toBe('-2.00');
  });

  it('actual is the report amount string (no thousands separator), the message the display form', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['-1648.49', '-1648.49', null, null] }],
      total: ['0.00', '0.00', null, null],
      unit: ['0.00', '0.00', null, null],
    });
    const f = byRule(grid, 'amount-negative')[0];
    expect(f.actual).toBe('-1648.49');
    expect(f.data).toMatchObject({ amount: '-1,648.49' });
  });

  it('reports an accounting-style (2.00) as negative too', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['(2.00)', '(2.00)', null, null] }],
      total: ['0.00', '0.00', null, null],
      unit: ['0.00', '0.00', null, null],
    });
    expect(byRule(grid, 'amount-negative').map((f) => f.cell)).toEqual(['B4', 'C4']);
  });

  it('accepts zero and blank amounts', () => {
    const grid = tableGrid({ projects: [{ amounts: ['0.00', '0.00', null, '0'] }] });
    expect(byRule(grid, 'amount-negative')).toEqual([]);
    expect(findings(grid)).toEqual([]);
  });
});
