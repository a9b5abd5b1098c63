/**
 * The likely wrong cell (src/core/rules/sums.ts): one wrong figure breaks every sum it is in by the
 * same amount; the cell whose every sum is broken by that one δ, and that sits in no sum that holds,
 * is named with the value the other figures imply.
 */
import { byRule, findings, keys, tableGrid } from './helpers';

describe('likely wrong cell', () => {
  // 口岸车检场水电费: 42.00 typed as 24.00 in 财政拨款. Its row sum (42.00 ≠ 24.00) and the unit's
  // 财政拨款 column (63.60 ≠ 21.60 + 24.00) both break by 18.00; C5 is in both, B5 and C3 each sit in
  // a sum that still holds (the unit's 总计 column, 合计's 财政拨款 column).
  const typo = tableGrid({
    projects: [
      { name: '机构运行辅助经费', amounts: ['21.60', '21.60', null, null] },
      { name: '口岸车检场水电费', amounts: ['42.00', '24.00', null, null] },
    ],
    total: ['63.60', '63.60', null, null],
    unit: ['63.60', '63.60', null, null],
  });

  it('a 财政拨款 typo breaks the project’s row sum and its unit’s 财政拨款 column; both name that cell', () => {
    expect(keys(findings(typo))).toEqual(['amount-column-sum@C3#-:error', 'amount-row-sum@B5#-:error']);
    const [row] = byRule(typo, 'amount-row-sum');
    const [column] = byRule(typo, 'amount-column-sum');
    for (const f of [row, column]) {
      expect(f.message).toContain('最可能填错的是 C5（口岸车检场水电费的财政拨款）：现为 24.00，按其他数字应为 42.00');
      expect(f.related).toContain('C5');
      expect(new Set(f.related).size).toBe(f.related!.length);
    }
    expect(row.message).toContain('“口岸车检场水电费”的总计为 42.00 万元，但 财政拨款 24.00');
    expect(column.message).toContain('“财政拨款”为 63.60 万元，所属各项目之和为 45.60 万元（21.60 + 24.00），相差 +18.00 万元');
    const [en] = byRule(typo, 'amount-row-sum', 'en-US');
    expect(en.message).toContain('The cell most likely wrong is C5');
    expect(en.message).toContain('the other figures say 42.00');
  });

  it('a wrong 合计 总计 names the 合计 cell itself in both its row and its column finding', () => {
    const grid = tableGrid({
      projects: [
        { name: '机构运行辅助经费', amounts: ['21.60', '21.60', null, null] },
        { name: '口岸车检场水电费', amounts: ['42.00', '42.00', null, null] },
      ],
      total: ['63.70', '63.60', null, null],
    });
    const fs = findings(grid);
    expect(keys(fs)).toEqual(['amount-column-sum@B2#-:error', 'amount-row-sum@B2#-:error']);
    for (const f of fs) {
      expect(f.message).toContain('最可能填错的是 B2（合计的总计）：现为 63.70，按其他数字应为 63.60');
      expect(f.related).not.toContain('B2');
    }
  });

  it('names no cell when no single figure explains the broken sums', () => {
    // Two independent slips of different sizes in one column: no one cell fits both.
    const grid = tableGrid({
      projects: [{ amounts: ['10.00', '10.00', null, null] }, { amounts: ['20.00', '20.00', null, null] }],
      total: ['31.00', '30.00', null, null],
      unit: ['30.50', '30.00', null, null],
    });
    for (const f of findings(grid)) expect(f.message).not.toContain('最可能填错');
  });
});
