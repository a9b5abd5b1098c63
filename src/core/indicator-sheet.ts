/**
 * Report → the rows of the `指标明细` sheet: one row per indicator, written the same way by the
 * Excel gateway, the preview and the CLI's `--out` copy.
 */
import type { Finding, IndicatorJson, TableReport, TargetValueJson } from './report';
import type { Locale } from './messages/locale';

export const INDICATOR_SHEET_NAME = '指标明细';
export const INDICATOR_TABLE_NAME = 'BudgetCheckIndicators';

export type SheetValue = string | number | null;

export interface IndicatorSheet {
  name: string;
  tableName: string;
  header: string[];
  rows: SheetValue[][];
  /** Per row: the source sheet and cell, for a hyperlink back to the indicator cell. */
  sources: { sheet: string; cell: string }[];
}

const HEADER: Record<Locale, string[]> = {
  'zh-CN': [
    '项目',
    '来源单元格',
    '序号',
    '一级指标',
    '二级指标',
    '三级指标',
    '实施周期·比较符',
    '实施周期·数值',
    '实施周期·单位',
    '实施周期·文字',
    '年度·比较符',
    '年度·数值',
    '年度·单位',
    '年度·文字',
    '问题',
  ],
  'en-US': [
    'Project',
    'Source cell',
    'No.',
    'Level 1',
    'Level 2',
    'Level 3',
    'Period comparator',
    'Period value',
    'Period unit',
    'Period text',
    'Annual comparator',
    'Annual value',
    'Annual unit',
    'Annual text',
    'Findings',
  ],
};

function level(l: IndicatorJson['level1']): string {
  if (!l) return '';
  // Forms write level names without codes (`code: null`); L6 writes no level at all.
  if (l.code === null) return l.name ?? '';
  return `${l.code}-${l.name}`;
}

function value(v: TargetValueJson | null): SheetValue[] {
  if (!v) return [null, null, null, null];
  return [v.comparator, v.value, v.unit, v.text];
}

export type SheetSource = IndicatorSheet['sources'][number];

/**
 * The sheet with its rows made as they are read, not held: the CLI's `--out` writes 200,000 rows for
 * 40,000 projects, and holding them all (with their strings) cost memory the check had no use for.
 * `rows()` and `sources()` may each be walked any number of times, in the same order.
 */
export interface IndicatorRows {
  name: string;
  tableName: string;
  header: string[];
  count: number;
  rows(): Iterable<SheetValue[]>;
  sources(): Iterable<SheetSource>;
}

export function indicatorRows(tables: readonly TableReport[], locale: Locale = 'zh-CN'): IndicatorRows {
  let count = 0;
  for (const t of tables) count += t.indicators.length;
  return {
    name: INDICATOR_SHEET_NAME,
    tableName: INDICATOR_TABLE_NAME,
    header: HEADER[locale],
    count,
    rows: () => rowsOf(tables),
    sources: () => sourcesOf(tables),
  };
}

/** The rows held, for the Excel host and the preview, which write them in blocks. */
export function indicatorSheet(tables: readonly TableReport[], locale: Locale = 'zh-CN'): IndicatorSheet {
  const lazy = indicatorRows(tables, locale);
  const rows: SheetValue[][] = [];
  const sources: SheetSource[] = [];
  for (const r of lazy.rows()) rows.push(r);
  for (const s of lazy.sources()) sources.push(s);
  return { name: lazy.name, tableName: lazy.tableName, header: lazy.header, rows, sources };
}

/** A held sheet read through the same interface (what the CLI's part writer takes). */
export function heldRows(sheet: IndicatorSheet): IndicatorRows {
  return { ...sheet, count: sheet.rows.length, rows: () => sheet.rows, sources: () => sheet.sources };
}

function* rowsOf(tables: readonly TableReport[]): Generator<SheetValue[], void, undefined> {
  for (const t of tables) {
    const byItem = new Map<string, Finding[]>();
    for (const f of t.findings) {
      if (f.indicator === null) continue;
      const k = `${f.row}:${f.indicator}`;
      const list = byItem.get(k) ?? [];
      list.push(f);
      byItem.set(k, list);
    }
    for (const ind of t.indicators) {
      const fs = byItem.size ? byItem.get(`${ind.row}:${ind.ordinal}`) : undefined;
      yield [
        ind.project,
        `${t.sheet}!${ind.cell}`,
        ind.ordinal,
        level(ind.level1),
        level(ind.level2),
        ind.name,
        ...value(ind.period),
        ...value(ind.annual),
        fs ? fs.map((f) => f.message).join('\n') || null : null,
      ];
    }
  }
}

function* sourcesOf(tables: readonly TableReport[]): Generator<SheetSource, void, undefined> {
  for (const t of tables) for (const ind of t.indicators) yield { sheet: t.sheet, cell: ind.cell };
}
