/**
 * The likely wrong cell (src/core/rules/sums.ts): one wrong figure breaks every sum it is in by the
 * same amount; the cell whose every sum is broken by that one δ, and that sits in no sum that holds,
 * is named with the value the other figures imply.
 */
import { check } from '../../../src/core/check';
import { marksPlan } from '../../../src/core/marks';
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
    expect(keys(findings(typo))).toEqual([
      'amount-column-sum@C3#-:error',
      'amount-row-sum@B5#-:error',
      'amount-row-sum@C5#-:error',
    ]);
    const [row] = byRule(typo, 'amount-row-sum');
    const [column] = byRule(typo, 'amount-column-sum');
    for (const f of [row, column]) {
      expect(f.data).toMatchObject({
        culprit: { cell: 'C5', row: { name: '口岸车检场水电费' }, role: 'fiscal', cents: 2400, expectedCents: 4200 },
      });
      expect(f.related).toContain('C5');
      expect(new Set(f.related).size).toBe(f.related!.length);
    }
    expect(row.data).toMatchObject({
      row: { name: '口岸车检场水电费' },
      total: 4200,
      parts: [{ role: 'fiscal', cents: 2400 }, { cents: 0 }, { cents: 0 }],
    });
    expect(column.data).toMatchObject({
      role: 'fiscal',
      total: 6360,
      sum: 4560,
      diff: 1800,
      parts: [{ cents: 2160 }, { cents: 2400 }],
    });
  });

  it('expected / actual describe the finding’s own cell: the sums’ totals are not told to change', () => {
    const [row] = byRule(typo, 'amount-row-sum');
    const [column] = byRule(typo, 'amount-column-sum');
    // B5 (42.00) and C3 (63.60) are right; writing the sums into them would add two errors.
    for (const f of [row, column]) {
      expect(f.cell).not.toBe('C5');
      expect(f.expected).toBeUndefined();
      expect(f.actual).toBeUndefined();
    }
  });

  it('the likely wrong cell gets its own finding, once, with its value and the value the other figures imply', () => {
    const own = findings(typo).filter((f) => f.cell === 'C5');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      rule: 'amount-row-sum',
      severity: 'error',
      row: 5,
      project: '口岸车检场水电费',
      indicator: null,
      expected: '42.00',
      actual: '24.00',
      related: ['B5', 'C3'],
      messageId: 'culprit',
      data: { culprit: { cell: 'C5', cents: 2400, expectedCents: 4200 }, sums: ['B5', 'C3'] },
    });
    // So every host marks it: the marks plan has a mark on C5.
    expect(marksPlan(check(typo), 'Sheet1').marks.map((m) => m.cell)).toContain('C5');
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
      expect(f.data).toMatchObject({
        culprit: { cell: 'B2', row: { kind: 'total' }, role: 'total', cents: 6370, expectedCents: 6360, isTotal: true },
      });
      expect(f.related).not.toContain('B2');
      // The finding sits on the wrong cell itself: its expected / actual are that cell's.
      expect([f.expected, f.actual]).toEqual(['63.60', '63.70']);
    }
  });

  it('names no cell when no single figure explains the broken sums', () => {
    // Two independent slips of different sizes in one column: no one cell fits both.
    const grid = tableGrid({
      projects: [{ amounts: ['10.00', '10.00', null, null] }, { amounts: ['20.00', '20.00', null, null] }],
      total: ['31.00', '30.00', null, null],
      unit: ['30.50', '30.00', null, null],
    });
    for (const f of findings(grid)) expect(f.data).toMatchObject({ culprit: null });
  });
});
