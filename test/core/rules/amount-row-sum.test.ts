/** A2 amount-row-sum: 总计 = 财政拨款 + 财政专户拨款 + 其他资金 on every row, within rounding. */
import { expectOne, findings, keys, tableGrid } from './helpers';

describe('amount-row-sum', () => {
  it('reports a project whose 总计 is not the sum of its sources, naming total, sum, parts and difference', () => {
    const grid = tableGrid({
      projects: [{ name: '车检场口岸单位经费', amounts: ['1152.00', '1100.00', '40.00', '2.00'] }],
      total: ['1142.00', '1100.00', '40.00', '2.00'],
      unit: ['1142.00', '1100.00', '40.00', '2.00'],
    });
    const f = expectOne(grid, {
      rule: 'amount-row-sum',
      severity: 'error',
      cell: 'B4',
      indicator: null,
      project: '车检场口岸单位经费',
      messageId: 'mismatch',
      data: {
        row: { name: '车检场口岸单位经费', kind: 'project' },
        unit: '万元',
        total: 115200,
        sum: 114200,
        diff: 1000,
        parts: [
          { role: 'fiscal', cents: 110000 },
          { role: 'specialAccount', cents: 4000 },
          { role: 'other', cents: 200 },
        ],
      },
    });
    expect(f.expected).toBe('1142.00');
    expect(f.actual).toBe('1152.00');
    expect(f.related).toEqual(['C4', 'D4', 'E4']);
    // The unit's 总计 (1,142.00) against the project's (1,152.00) breaks too: a second, honest finding.
    expect(keys(findings(grid))).toEqual(['amount-column-sum@B3#-:error', 'amount-row-sum@B4#-:error']);
  });

  it('a 0.01 gap over three two-decimal parts is info (tolerance ½·0.01·4 = 0.02), under the same rule id', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['10.01', '5.00', '3.00', '2.00'] }],
      total: ['10.01', '5.00', '3.00', '2.00'],
      unit: ['10.01', '5.00', '3.00', '2.00'],
    });
    const fs = findings(grid);
    expect(keys(fs)).toEqual(['amount-row-sum@B2#-:info', 'amount-row-sum@B3#-:info', 'amount-row-sum@B4#-:info']);
    expect(fs[2].messageId).toBe('rounding');
    expect(fs[2].data).toMatchObject({ diff: 1, tolerance: 2 });
  });

  it('a 0.10 gap on the same row is an error', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['10.10', '5.00', '3.00', '2.00'] }],
      total: ['10.10', '5.00', '3.00', '2.00'],
      unit: ['10.10', '5.00', '3.00', '2.00'],
    });
    expect(keys(findings(grid))).toEqual([
      'amount-row-sum@B2#-:error',
      'amount-row-sum@B3#-:error',
      'amount-row-sum@B4#-:error',
    ]);
  });

  it('numbers stored in General are exact to the cent: 100 against 99 is an error, not a rounding gap', () => {
    const grid = tableGrid({
      projects: [{ amounts: [100, 99, null, null] }],
      total: [100, 99, null, null],
      unit: [100, 99, null, null],
    });
    expect(keys(findings(grid))).toEqual([
      'amount-row-sum@B2#-:error',
      'amount-row-sum@B3#-:error',
      'amount-row-sum@B4#-:error',
    ]);
  });

  it('accepts rows that add up, blank sources counting as 0', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['21.60', '21.60', null, null] }, { amounts: ['10.00', '4.00', '3.50', '2.50'] }],
    });
    expect(findings(grid)).toEqual([]);
  });
});
