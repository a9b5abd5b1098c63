/** A1 amount-not-number: an amount cell must hold a number; blank and `-` are 0. */
import { byRule, expectOne, findings, keys, tableGrid } from './helpers';

describe('amount-not-number', () => {
  it('reports `abc` in a project’s 财政拨款 cell, naming the text, and leaves the sums it spoils unverified', () => {
    const grid = tableGrid({
      projects: [
        { name: '机构运行辅助经费', amounts: ['21.60', 'abc', null, null] },
        { name: '口岸车检场水电费', amounts: ['42.00', '42.00', null, null] },
      ],
      total: ['63.60', '63.60', null, null],
      unit: ['63.60', '63.60', null, null],
    });
    const f = expectOne(grid, {
      rule: 'amount-not-number',
      severity: 'error',
      cell: 'C4',
      indicator: null,
      project: '机构运行辅助经费',
      messageId: 'notNumber',
      data: { name: '机构运行辅助经费', role: 'fiscal', text: 'abc' },
    });
    expect(f.actual).toBe('abc');
    // The row sum of row 4 and the unit's 财政拨款 column sum cannot be checked: skipped by design.
    expect(keys(findings(grid))).toEqual(['amount-not-number@C4#-:error']);
  });

  it('reports an error value such as #VALUE!', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['10.00', { error: '#VALUE!' } as never, null, null] }],
      total: ['10.00', '10.00', null, null],
      unit: ['10.00', '10.00', null, null],
    });
    expectOne(grid, {
      rule: 'amount-not-number',
      severity: 'error',
      cell: 'C4',
      indicator: null,
      messageId: 'errorValue',
      data: { text: '#VALUE!' },
    });
  });

  it('accepts text amounts with separators, blanks and `-`', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['1,648.49', '1,648.49', '-', null] }],
      total: ['1648.49', '1648.49', null, null],
      unit: ['1648.49', '1648.49', null, null],
    });
    expect(byRule(grid, 'amount-not-number')).toEqual([]);
    expect(findings(grid)).toEqual([]);
  });
});
