/**
 * Tiny tables for rule tests: a header row, 合计, one unit, a project or two. Amounts are exact
 * strings (`'21.60'`); 合计 and the unit row are the sums of the projects unless given.
 */
import { check } from '../../../src/core/check';
import { type CellValue, gridFromValues, type Grid } from '../../../src/core/grid';
import type { Locale } from '../../../src/core/messages/locale';
import type { Finding, Fix, Severity, TableReport } from '../../../src/core/report';

export const HEADER = [
  '项目名称（资金使用单位）',
  '总计',
  '财政拨款',
  '财政专户拨款',
  '其他资金',
  '绩效目标',
  '绩效指标',
];
export const UNIT = '广州市花都区口岸服务保障中心';
export const GOAL = '通过开展车检场配套设施维修维护工作，加强口岸车检场安全稳定高效运行。';

/** One item as a clerk writes it: `1、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:≥12次。` */
export function item(
  ordinal: number,
  l1: string,
  l2: string,
  name: string,
  period: string,
  annual: string = period,
): string {
  return `${ordinal}、${l1}；${l2}；${name}；实施周期指标值:${period}；年度指标值:${annual}。`;
}

/** A valid output, benefit and satisfaction item (ordinals 1–3). */
export const OUTPUT_ITEM = item(1, '1-产出指标', '11-数量指标', '巡查次数', '≥12次');
export const BENEFIT_ITEM = item(2, '2-效益指标', '22-社会效益', '安全事故发生次数', '0次');
export const SATISFACTION_ITEM = item(3, '3-满意度指标', '31-服务对象满意度', '口岸查验单位对保障工作的满意度', '≥95%');
/** A complete, valid 绩效指标 cell: nothing to report. */
export const VALID_INDICATORS = OUTPUT_ITEM + BENEFIT_ITEM + SATISFACTION_ITEM;

/** The three valid items, with `extra` appended as item 4. */
export function withItem4(l1: string, l2: string, name: string, period: string, annual: string = period): string {
  return VALID_INDICATORS + item(4, l1, l2, name, period, annual);
}

/** Amount cells as written: a string like `'21.60'` becomes a number; anything else is kept as is. */
export type AmountInput = string | number | null;
/** 总计, 财政拨款, 财政专户拨款, 其他资金. */
export type Amounts = [AmountInput, AmountInput, AmountInput, AmountInput];

export interface ProjectSpec {
  name?: string;
  /** 总计, 财政拨款, 财政专户拨款, 其他资金 (default: `'10.00', '10.00', null, null`). */
  amounts?: Amounts;
  goal?: string | null;
  indicators?: string | null;
  /** Rows to put under this project (page-break continuation rows): only the 绩效指标 text. */
  continuation?: string[];
}

export interface TableSpec {
  projects: ProjectSpec[];
  /** Override the 合计 / unit row amounts (default: column sums of the projects). */
  total?: Amounts;
  unit?: Amounts;
}

function cents(a: AmountInput): number {
  if (a === null) return 0;
  const s = String(a);
  if (!/^\d+(\.\d+)?$/.test(s)) return 0;
  const [i, f = ''] = s.split('.');
  return Number(i) * 100 + Number((f + '00').slice(0, 2));
}

function fmt(c: number): string {
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

/** Amounts go in as text (`'21.60'` keeps its two decimals, `'abc'` stays unreadable); numbers as numbers. */
function cellOf(a: AmountInput): CellValue {
  return a;
}

/** Rows: 1 header, 2 合计, 3 unit, 4… projects (and their continuation rows). */
export function tableGrid(spec: TableSpec): Grid {
  const amounts = spec.projects.map((p): Amounts => p.amounts ?? ['10.00', '10.00', null, null]);
  const sums = [0, 1, 2, 3].map((k) => amounts.reduce((s, a) => s + cents(a[k]), 0));
  const summed = sums.map((c, k) => (k >= 2 && c === 0 ? null : fmt(c))) as Amounts;
  const rows: CellValue[][] = [HEADER];
  rows.push(['合计', ...(spec.total ?? summed).map(cellOf), null, null]);
  rows.push([UNIT, ...(spec.unit ?? summed).map(cellOf), null, null]);
  spec.projects.forEach((p, i) => {
    const goal = p.goal === undefined ? GOAL : p.goal;
    const ind = p.indicators === undefined ? VALID_INDICATORS : p.indicators;
    rows.push([p.name ?? `项目${i + 1}`, ...amounts[i].map(cellOf), goal, ind]);
    for (const c of p.continuation ?? []) rows.push([null, null, null, null, null, null, c]);
  });
  return gridFromValues('Sheet1', rows);
}

/** A table with one project whose 绩效指标 cell is `indicators`. */
export function oneProject(indicators: string | null, extra: Partial<ProjectSpec> = {}): Grid {
  return tableGrid({ projects: [{ name: '口岸车检场配套设施维修维护', ...extra, indicators }] });
}

export function report(grid: Grid, locale: Locale = 'zh-CN'): TableReport {
  const tables = check(grid, { locale });
  if (tables.length !== 1) throw new Error(`expected one table, found ${tables.length}`);
  return tables[0];
}

export function findings(grid: Grid, locale: Locale = 'zh-CN'): Finding[] {
  return report(grid, locale).findings;
}

export function byRule(grid: Grid, rule: string, locale: Locale = 'zh-CN'): Finding[] {
  return findings(grid, locale).filter((f) => f.rule === rule);
}

/** `rule@cell#ordinal:severity`, sorted: a compact picture of everything a grid reports. */
export function keys(fs: Finding[]): string[] {
  return fs.map((f) => `${f.rule}@${f.cell}#${f.indicator ?? '-'}:${f.severity}`).sort();
}

/** Replaces the text of one cell (A1 address, sheet starting at A1) and returns a new grid. */
export function withCellText(grid: Grid, a1: string, text: string): Grid {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const col = m[1].charCodeAt(0) - 64;
  const row = Number(m[2]);
  const cells = grid.cells.map((r) => r.map((c) => (c ? { ...c } : c)));
  cells[row - grid.top][col - grid.left] = { value: text };
  return { ...grid, cells };
}

export interface Expected {
  rule: string;
  severity: Severity;
  cell: string;
  indicator: number | null;
  project?: string | null;
  /** Which of the rule's messages (its defineMessages block); the wording is test/core/rules/messages.test.ts's. */
  messageId?: string;
  /** The values the message names (a partial match: list the ones the test is about). */
  data?: Record<string, unknown>;
}

/** The one finding of `rule` on the grid, checked against `want`. */
export function expectOne(grid: Grid, want: Expected, locale: Locale = 'zh-CN'): Finding {
  const got = byRule(grid, want.rule, locale);
  expect(got).toHaveLength(1);
  const f = got[0];
  expect({ rule: f.rule, severity: f.severity, cell: f.cell, indicator: f.indicator }).toEqual({
    rule: want.rule,
    severity: want.severity,
    cell: want.cell,
    indicator: want.indicator,
  });
  if (want.project !== undefined) expect(f.project).toBe(want.project);
  if (want.messageId !== undefined) expect(f.messageId).toBe(want.messageId);
  if (want.data !== undefined) expect(f.data).toMatchObject(want.data);
  return f;
}

/** The grid after a host applies `fix` (refusing it when the cell changed since). */
export function applyFix(grid: Grid, fix: Fix): Grid {
  const m = /^([A-Z]+)(\d+)$/.exec(fix.cell);
  if (!m) throw new Error(fix.cell);
  const col = m[1].charCodeAt(0) - 64;
  const row = Number(m[2]);
  const current = grid.cells[row - grid.top]?.[col - grid.left]?.value;
  expect(current).toBe(fix.before);
  return withCellText(grid, fix.cell, fix.text);
}
