/**
 * The one entry point of the core: grid → the tables found on it, each with rows, parsed
 * indicators and findings (docs/report-format.md).
 */
import { type Grid, address, columnName } from './grid';
import { formatCents } from './amounts';
import type { Locale } from './messages/locale';
import { buildModel, type TableModel } from './model';
import type { TargetValue } from './indicators/value';
import { AMOUNT_ROLES, type AmountStrings, type ColumnRole, type Finding, type IndicatorJson, type Report, type ReportRow, type TableReport, type TargetValueJson } from './report';
import { RULES, type Rule } from './rules';
import { toFinding, type FindingInput } from './rules/rule';
import { type Table, readTable, type TableRow } from './table/classify';
import { locateHeader } from './table/locate';

export interface CheckOptions {
  locale?: Locale;
  /** Rules to run (default: all). The benchmark passes [] to time parsing alone. */
  rules?: readonly Rule[];
}

/** Every table on the sheet, top to bottom; none when the sheet holds no 绩效目标表. */
export function check(grid: Grid, options: CheckOptions = {}): TableReport[] {
  const locale = options.locale ?? 'zh-CN';
  const rules = options.rules ?? RULES;
  const out: TableReport[] = [];
  let from = grid.top;
  let aboveFrom = grid.top;
  for (;;) {
    const header = locateHeader(grid, from, aboveFrom);
    if (!header) break;
    const table = readTable(grid, header);
    const model = buildModel(grid, table);
    out.push(toReport(model, rules, locale));
    from = Math.max(table.bottom, header.bottom) + 1;
    aboveFrom = from;
  }
  return out;
}

/** Every sheet of a workbook; a sheet without a table contributes nothing. */
export function checkWorkbook(grids: readonly Grid[], options: CheckOptions & { file?: string } = {}): Report {
  const tables: TableReport[] = [];
  for (const g of grids) for (const t of check(g, options)) tables.push(t);
  return options.file === undefined ? { tables } : { file: options.file, tables };
}

function runRules(model: TableModel, rules: readonly Rule[], locale: Locale): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const report = (f: FindingInput) => findings.push(toFinding(rule, f, locale));
    rule.check({ model, unit: model.table.header.unit, report });
  }
  // Stable order a clerk can follow: down the sheet, then by item, then most severe first.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.row - b.f.row || (a.f.indicator ?? 0) - (b.f.indicator ?? 0) || rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

function toReport(model: TableModel, rules: readonly Rule[], locale: Locale): TableReport {
  const { table } = model;
  const findings = runRules(model, rules, locale);
  const indicators: IndicatorJson[] = [];
  for (const p of model.projects) {
    const cell = p.indicatorCell ?? address(p.row.row, table.left);
    for (const it of p.parsed.items) {
      indicators.push({
        project: p.row.name,
        row: p.row.row,
        cell,
        ordinal: it.ordinal,
        // The parser's level objects are shared and frozen {code, name}: exactly the report's shape.
        level1: it.level1,
        level2: it.level2,
        name: it.name,
        period: valueJson(it.period),
        annual: valueJson(it.annual),
      });
    }
  }
  return {
    sheet: table.sheet,
    range: `${address(table.header.top, table.left)}:${address(Math.max(table.bottom, table.header.bottom), table.right)}`,
    unit: table.header.unit,
    columns: columnLetters(table),
    summary: {
      projects: model.projects.length,
      indicators: indicators.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    },
    rows: table.rows.map(rowJson),
    indicators,
    findings,
  };
}

const COLUMN_ORDER: ColumnRole[] = ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators'];

function columnLetters(table: Table): TableReport['columns'] {
  const out: TableReport['columns'] = {};
  for (const role of COLUMN_ORDER) {
    const c = table.columns[role];
    if (c !== undefined) out[role] = columnName(c);
  }
  return out;
}

function amountsJson(row: TableRow): AmountStrings {
  const out = {} as AmountStrings;
  for (const role of AMOUNT_ROLES) {
    const r = row.amounts[role];
    // Unreadable amounts are findings; the report shows them as 0.00 (they take no part in sums).
    out[role] = formatCents(r.ok ? r.amount.cents : 0);
  }
  return out;
}

function rowJson(row: TableRow): ReportRow {
  switch (row.kind) {
    case 'continuation':
      return { row: row.row, kind: 'continuation', of: row.of ?? undefined };
    case 'project':
      return { row: row.row, kind: 'project', name: row.name, unit: row.unit, amounts: amountsJson(row) };
    default:
      return { row: row.row, kind: row.kind, name: row.name, amounts: amountsJson(row) };
  }
}

function valueJson(v: TargetValue | null): TargetValueJson | null {
  if (!v) return null;
  return { raw: v.raw, comparator: v.comparator, value: v.value, unit: v.unit, text: v.text };
}
