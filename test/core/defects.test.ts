/**
 * The DEFECTS fixture (scripts/make-defects.ts): the reference table in the clean-export layout, three
 * more projects, and a dozen planted defects. Every finding the checker reports on it is listed here
 * with the reason it is right; anything else — in particular any other error — fails the test.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { check } from '../../src/core/check';
import type { Finding, TableReport } from '../../src/core/report';
import { DEFECTS, DEFECTS_TARGET, buildDefects } from '../../scripts/make-defects';
import { toXlsxBuffer } from '../../scripts/make-fixtures';
import { readWorkbookGrids } from './xlsx-grid';

const FILE = path.resolve(__dirname, '..', '..', DEFECTS_TARGET);

type Key = { cell: string; rule: string; severity: Finding['severity']; indicator: number | null };

/** Every finding expected on defects.xlsx, and why. Rows: 2 合计, 3 unit, 4–15 projects. */
const EXPECTED: (Key & { why: string })[] = [
  // wrong-total — 合计 总计 B2 reads 1,715.99; 财政拨款 C2 and the unit's 总计 B3 both say 1,751.99.
  {
    cell: 'B2',
    rule: 'amount-row-sum',
    severity: 'error',
    indicator: null,
    why: '合计 row: 1,715.99 ≠ 财政拨款 1,751.99 + 0 + 0, off by 36.00 (tolerance 0.01)',
  },
  {
    cell: 'B2',
    rule: 'amount-column-sum',
    severity: 'error',
    indicator: null,
    why: '合计 总计 1,715.99 ≠ the one unit’s 总计 1,751.99; the same cell, a second equation',
  },
  // fiscal-typo — 口岸车检场水电费 (row 9) 财政拨款 42.00 typed 24.00: two equations break by 18.00.
  {
    cell: 'C3',
    rule: 'amount-column-sum',
    severity: 'error',
    indicator: null,
    why: 'the unit’s 财政拨款 1,751.99 ≠ Σ projects 1,733.99 (the typo is one of the parts); names C9 → 42.00',
  },
  {
    cell: 'B9',
    rule: 'amount-row-sum',
    severity: 'error',
    indicator: null,
    why: 'row 9: 总计 42.00 ≠ 财政拨款 24.00; the finding sits on the 总计 cell and names C9 → 42.00',
  },
  {
    cell: 'C9',
    rule: 'amount-row-sum',
    severity: 'error',
    indicator: null,
    why: 'the typo itself: C9 explains both broken sums, so it gets its own finding (expected 42.00, actual 24.00) and a mark',
  },
  // amount-abc — 口岸广域网运作经费（备用线路） (row 14) 财政专户拨款 `abc`.
  {
    cell: 'D14',
    rule: 'amount-not-number',
    severity: 'error',
    indicator: null,
    why: '`abc` is not an amount. Row 14’s own sum and the unit’s 财政专户拨款 column are left unverified (the sums skip unreadable terms by design), so no sum finding follows from it',
  },
  // level1-mismatch — row 4 item 2 `1-效益指标；11-数量指标`: code 1 is 产出; 11 sits under code 1, so no 二级 finding; the project keeps 产出 and 效益 items.
  {
    cell: 'G4',
    rule: 'indicator-level1',
    severity: 'error',
    indicator: 2,
    why: '一级 code 1 and name 效益指标 disagree',
  },
  // ordinal-gap — row 5 items 1–7 then 9.
  {
    cell: 'G5',
    rule: 'indicator-ordinal',
    severity: 'warning',
    indicator: 9,
    why: 'number 8 is missing; reported at the item numbered 9',
  },
  // satisfaction-120 — row 6 item 5 `120%` on 行政相对人对港口查验单位满意度 (both values: one finding per item).
  {
    cell: 'G6',
    rule: 'value-percent-over-100',
    severity: 'error',
    indicator: 5,
    why: 'a satisfaction (name ends in 度) above 100%',
  },
  // placeholder — row 7 item 2 `≥**` (both values: one finding). Not a no-unit / no-number finding: it is a placeholder.
  { cell: 'G7', rule: 'value-placeholder', severity: 'error', indicator: 2, why: 'template placeholder ** left in' },
  // annual-exceeds — row 8 item 1 巡查次数 ≥12次 / ≥24次.
  {
    cell: 'G8',
    rule: 'period-annual-exceeds',
    severity: 'warning',
    indicator: 1,
    why: 'a count with ≥: the annual 24 exceeds the period 12',
  },
  // unit-mismatch — row 10 item 2 组织卫生知识培训数 1次 / 1个 (different units, so P2 does not compare the numbers).
  { cell: 'G10', rule: 'period-annual-mismatch', severity: 'warning', indicator: 2, why: '次 against 个' },
  // annual-missing — row 11 item 2 without 年度指标值 (P1/P2 need both values and stay silent).
  {
    cell: 'G11',
    rule: 'indicator-annual-missing',
    severity: 'error',
    indicator: 2,
    why: 'the 年度指标值 field is absent',
  },
  // comparator-no-number — row 12 item 2 annual `≥` (P1/P2 skip a value without a number).
  { cell: 'G12', rule: 'value-no-number', severity: 'error', indicator: 2, why: 'a ≥ with nothing to compare' },
  // level2-wrong-parent — row 13 item 3 `2-效益指标；12-质量指标`; the project still has 效益 (code 2), so no coverage finding.
  {
    cell: 'G13',
    rule: 'indicator-level2',
    severity: 'error',
    indicator: 3,
    why: '二级 12 belongs under 一级 1, not 2',
  },
  // Baseline: the reference table’s own warnings (a real published table: warnings, never errors).
  {
    cell: 'G4',
    rule: 'project-no-satisfaction',
    severity: 'warning',
    indicator: null,
    why: 'reference: 机构运行辅助经费 has no 满意度 indicator',
  },
  {
    cell: 'G7',
    rule: 'project-no-satisfaction',
    severity: 'warning',
    indicator: null,
    why: 'reference: 花都海关招商引资工作经费 has no 满意度 indicator',
  },
  {
    cell: 'G8',
    rule: 'value-cost-lower-bound',
    severity: 'warning',
    indicator: 6,
    why: 'reference: 成本控制率 ≥90% under 41-经济成本指标',
  },
];

const key = (f: Key) => `${f.cell} ${f.rule} ${f.severity} #${f.indicator ?? '-'}`;

describe('defects.xlsx', () => {
  let table: TableReport;
  beforeAll(async () => {
    const tables = check((await readWorkbookGrids(FILE))[0]);
    expect(tables).toHaveLength(1);
    table = tables[0];
  });

  it('is what scripts/make-defects.ts builds (regenerate with npx ts-node --transpile-only scripts/make-defects.ts)', async () => {
    const built = await toXlsxBuffer(buildDefects());
    expect(built.equals(readFileSync(FILE))).toBe(true);
  });

  it('reads as one table of 12 projects under one unit', () => {
    expect(table.range).toBe('A1:G15');
    expect(table.summary.projects).toBe(12);
    expect(table.rows.filter((r) => r.kind === 'unit')).toHaveLength(1);
    expect(DEFECTS).toHaveLength(12);
  });

  it('reports exactly the expected findings (cell, rule, severity, ordinal)', () => {
    expect(table.findings.map(key).sort()).toEqual(EXPECTED.map(key).sort());
  });

  it('reports nothing else at error severity: one or two errors per planted error, none on the clean copy', () => {
    const errors = table.findings
      .filter((f) => f.severity === 'error')
      .map(key)
      .sort();
    expect(errors).toEqual(
      EXPECTED.filter((e) => e.severity === 'error')
        .map(key)
        .sort(),
    );
    expect(table.findings.filter((f) => f.row === 15)).toEqual([]);
    expect(table.summary).toMatchObject({ errors: 12, warnings: 6, infos: 0 });
  });

  it('names the likely wrong cell with the value the other figures imply', () => {
    const on = (cell: string, rule: string) => table.findings.find((f) => f.cell === cell && f.rule === rule)!;
    for (const f of [on('B2', 'amount-row-sum'), on('B2', 'amount-column-sum')]) {
      expect(f.message).toContain('最可能填错的是 B2（合计的总计）：现为 1,715.99，按其他数字应为 1,751.99');
    }
    for (const f of [on('B9', 'amount-row-sum'), on('C3', 'amount-column-sum')]) {
      expect(f.message).toContain('最可能填错的是 C9（口岸车检场水电费的财政拨款）：现为 24.00，按其他数字应为 42.00');
    }
    expect(on('C3', 'amount-column-sum').message).toContain('相差 +18.00 万元');
  });

  it('names the offending values in the indicator findings', () => {
    const at = (cell: string, rule: string) => table.findings.find((f) => f.cell === cell && f.rule === rule)!.message;
    expect(at('G4', 'indicator-level1')).toContain('“1-效益指标”');
    expect(at('G5', 'indicator-ordinal')).toContain('缺少第 8 条');
    expect(at('G6', 'value-percent-over-100')).toContain('“120%”');
    expect(at('G7', 'value-placeholder')).toContain('“≥**”');
    expect(at('G8', 'period-annual-exceeds')).toContain('“≥24次”大于实施周期指标值“≥12次”');
    expect(at('G10', 'period-annual-mismatch')).toContain('“1次”与年度指标值“1个”');
    expect(at('G11', 'indicator-annual-missing')).toContain('“跨境电商数据专线保障月数”');
    expect(at('G12', 'value-no-number')).toContain('年度指标值“≥”');
    expect(at('G13', 'indicator-level2')).toContain('“12-质量指标”不属于一级指标“2-效益指标”');
    expect(at('D14', 'amount-not-number')).toContain('“abc”');
  });
});
