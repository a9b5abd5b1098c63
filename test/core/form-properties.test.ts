/**
 * Properties of the grid readers (forms, flat lists) on arbitrary grids: they never throw, always
 * finish, and what they report stays inside the sheet — on random mixes of real labels, grid headers,
 * values and noise, with holes (missing rows and cells), at any offset.
 *
 * `FP_RUNS=20000 npx jest test/core/form-properties.test.ts` searches longer than the suite does.
 */
import fc from 'fast-check';
import { checkSheet } from '../../src/core/check';
import { type CellValue, type Grid, parseAddress } from '../../src/core/grid';
import { level1CodeByName, level2CodeByName } from '../../src/core/indicators/level-names';
import { parseAmountText } from '../../src/core/amounts';
import { readAmountText, readTableAmount } from '../../src/core/table/amount-text';
import { fieldOf, gridRoleOf, labelKey } from '../../src/core/table/layouts/labels';
import { FAMILIES } from '../fixtures/forms/families';
import { UNKNOWN_FORMS } from '../fixtures/forms/unknown-forms';

/** The published families and the unknown-province forms (label-value cells, side-by-side blocks). */
const FORMS = [...FAMILIES, ...UNKNOWN_FORMS];

/** Every text cell of the family fixtures, plus noise that looks like labels. */
const WORDS = [
  ...new Set(FORMS.flatMap((f) => f.rows.flat()).filter((v): v is string => typeof v === 'string')),
  '项目名称',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '得分',
  '实际完成值',
  '其中:',
  '小计',
  '年度资金总额:16',
  '总额10606.7522万元',
  '854万854万(…)',
  '定性',
  '百分比',
  '═95%',
  '≧',
  '绩\n效\n指\n标',
  '#VALUE!',
  '',
  ' ',
  '表',
  '项　目　名　称：某项目',
  '其中：财政拨款：200万元',
  '考核指标',
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.constant(null),
  fc.constant({ error: '#N/A' }),
  fc.boolean(),
);

const grid: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.array(
      fc.option(fc.array(fc.option(cellValue, { nil: undefined }), { maxLength: 10 }), { nil: undefined }),
      { maxLength: 30 },
    ),
    top: fc.integer({ min: 1, max: 500 }),
    left: fc.integer({ min: 1, max: 30 }),
  })
  .map(({ rows, top, left }) => ({
    sheet: 'S',
    top,
    left,
    cells: rows.map((r) =>
      r === undefined ? (undefined as never) : r.map((v) => (v === undefined || v === null ? null : { value: v })),
    ),
  }));

/** A family's sheet with random cells blanked or replaced: real structure, damaged. */
const damaged: fc.Arbitrary<Grid> = fc
  .tuple(fc.constantFrom(...FORMS), fc.array(fc.tuple(fc.nat(40), fc.nat(12), cellValue), { maxLength: 12 }))
  .map(([f, edits]) => {
    const rows = f.rows.map((r) => [...r]);
    for (const [r, c, v] of edits) if (rows[r % rows.length]) rows[r % rows.length][c % 12] = v;
    return {
      sheet: f.sheet,
      top: 1,
      left: 1,
      cells: rows.map((r) => r.map((v) => (v === null || v === undefined ? null : { value: v }))),
    };
  });

function inside(g: Grid, a1: string): boolean {
  const p = parseAddress(a1);
  if (!p) return false;
  const bottom = g.top + g.cells.length - 1;
  return p.row >= g.top && p.row <= bottom && p.col >= g.left;
}

describe('grid readers on arbitrary grids', () => {
  it('never throw; every indicator, finding and fix points inside the sheet', () => {
    fc.assert(
      fc.property(fc.oneof(grid, damaged), (g) => {
        const { tables, rejected } = checkSheet(g);
        for (const t of tables) {
          for (const i of t.indicators) expect(inside(g, i.cell)).toBe(true);
          for (const f of t.findings) {
            expect(inside(g, f.cell)).toBe(true);
            if (f.fix) expect(inside(g, f.fix.cell)).toBe(true);
          }
        }
        for (const r of rejected) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: Number(process.env.FP_RUNS ?? 400) },
    );
  });

  it('a form with no 项目名称, placed right of column A: project findings point inside it (found at FP_RUNS=30000)', () => {
    const g: Grid = {
      sheet: 'S',
      top: 1,
      left: 2,
      cells: [
        [{ value: '一级指标' }, { value: '指标值(长期)' }, { value: '绩效指标值' }],
        [null, null, { value: '[042]六安市金安区体育局' }],
      ],
    };
    const cells = checkSheet(g).tables.flatMap((t) => t.findings.map((f) => f.cell));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect([c, inside(g, c)]).toEqual([c, true]);
  });

  it('label, level and amount helpers are total on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...WORDS)), (s) => {
        const k = labelKey(s);
        expect(typeof k).toBe('string');
        fieldOf(k);
        gridRoleOf(k);
        const c1 = level1CodeByName(s);
        expect(c1 === null || ['1', '2', '3', '4'].includes(c1)).toBe(true);
        const c2 = level2CodeByName(s, c1);
        expect(c2 === null || /^[1-4][1-4]$/.test(c2)).toBe(true);
        const a = readAmountText(s);
        if (a.read.ok) expect(Number.isSafeInteger(a.read.amount.cents)).toBe(true);
        // In either table unit, strictly or not: a safe amount, or a reason (a unit is converted, never thrown on).
        for (const unit of ['万元', '元'] as const) {
          for (const mode of ['strict', 'lenient'] as const) {
            const r = readTableAmount({ value: `${s}${unit === '元' ? '万' : '元'}` }, unit, mode);
            if (!r.ok) {
              expect(r.reason).toBe('not-number');
              continue;
            }
            expect(Number.isSafeInteger(r.amount.cents)).toBe(true);
            if (!r.converted) continue;
            // Converted from the unit that was added, and the amount is its exact figure rounded to the cent.
            expect(r.converted.from).toBe(unit === '元' ? '万元' : '元');
            const exact = parseAmountText(r.converted.exact.replace(/,/g, ''));
            expect(exact.ok && exact.amount.cents).toBe(r.amount.cents);
          }
        }
      }),
      { numRuns: Number(process.env.FP_RUNS ?? 1000) },
    );
  });

  it('converts a figure with a unit by exactly 10,000, rounding 元 → 万元 once to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(0, 1, 2), (cents, places) => {
        const figure = (cents / 100).toFixed(places);
        const written = parseAmountText(figure);
        if (!written.ok) throw new Error(`${figure} should read`);
        const c = written.amount.cents;
        for (const mode of ['strict', 'lenient'] as const) {
          const up = readTableAmount({ value: `${figure}万` }, '元', mode);
          // `+ 0`: `-0` and `0` are the same amount.
          expect(up.ok && up.amount.cents + 0).toBe(c * 10_000 + 0);
          const down = readTableAmount({ value: `${figure}元` }, '万元', mode);
          // Half a cent of a 万元 rounds away from zero, as every figure with more than two decimals does.
          expect(down.ok && down.amount.cents + 0).toBe(Math.sign(c) * Math.round(Math.abs(c) / 10_000) + 0);
        }
      }),
      { numRuns: Number(process.env.FP_RUNS ?? 500) },
    );
  });

  it('finishes quickly on a long row of label-like text', () => {
    const row: CellValue[] = Array.from({ length: 2000 }, (_, i) => WORDS[i % WORDS.length]);
    const g: Grid = {
      sheet: 'S',
      top: 1,
      left: 1,
      cells: [
        row.map((v) => (v === null ? null : { value: v })),
        ...Array.from({ length: 50 }, () => row.map((v) => (v === null ? null : { value: v }))),
      ],
    };
    expect(() => checkSheet(g)).not.toThrow();
  });
});
