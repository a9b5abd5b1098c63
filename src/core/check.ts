/**
 * The one entry point of the core: grid → the tables found on it, each with rows, parsed
 * indicators and findings (docs/report-format.md).
 */
import { type Grid, address, columnName } from './grid';
import { formatCents } from './amounts';
import type { Locale } from './messages/locale';
import type { TableModel } from './model';
import { targetValueJson } from './indicators/value';
import {
  AMOUNT_ROLES,
  compareFindings,
  type AmountStrings,
  type ColumnRole,
  type Finding,
  type IndicatorJson,
  type RejectedTable,
  type Report,
  type ReportRow,
  type TableReport,
} from './report';
import { RULES, type Rule } from './rules';
import { toFinding, type FindingInput } from './rules/rule';
import type { Table, TableRow } from './table/classify';
import { findTables } from './table/find';
import { ruleApplies } from './table/layout-rules';
import type { IndicatorSource, ParsedIndicator } from './indicators/parse';

export interface CheckOptions {
  locale?: Locale;
  /** Rules to run (default: all). The benchmark passes [] to time parsing alone. */
  rules?: readonly Rule[];
}

/** Every table on the sheet, top to bottom; none when the sheet holds no 绩效目标表. */
export function check(grid: Grid, options: CheckOptions = {}): TableReport[] {
  return checkSheet(grid, options).tables;
}

/** The sheet's tables, and those recognised but not checked (self-evaluation, department tables). */
export function checkSheet(
  grid: Grid,
  options: CheckOptions = {},
): { tables: TableReport[]; rejected: RejectedTable[] } {
  const locale = options.locale ?? 'zh-CN';
  const rules = options.rules ?? RULES;
  const found = findTables(grid);
  const tables: TableReport[] = [];
  for (const m of found.models) tables.push(toReport(m, rules, locale));
  return { tables, rejected: found.rejected };
}

/**
 * Every sheet of a workbook; a sheet without a table contributes nothing. `rejected` is present
 * when some table was recognised and not checked (hosts name it when nothing else was found).
 */
export function checkWorkbook(grids: readonly Grid[], options: CheckOptions & { file?: string } = {}): Report {
  const tables: TableReport[] = [];
  const rejected: RejectedTable[] = [];
  for (const g of grids) {
    const r = checkSheet(g, options);
    for (const t of r.tables) tables.push(t);
    for (const x of r.rejected) rejected.push(x);
  }
  const report: Report = options.file === undefined ? { tables } : { file: options.file, tables };
  if (rejected.length) report.rejected = rejected;
  return report;
}

function runRules(model: TableModel, rules: readonly Rule[], locale: Locale): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!ruleApplies(rule.id, model)) continue;
    const report = (f: FindingInput) => findings.push(toFinding(rule, f, locale));
    rule.check({ model, unit: model.table.header.unit, report });
  }
  return findings.sort(compareFindings);
}

function toReport(model: TableModel, rules: readonly Rule[], locale: Locale): TableReport {
  const { table } = model;
  const findings = runRules(model, rules, locale);
  const indicators: IndicatorJson[] = [];
  for (const p of model.projects) {
    const cell = p.indicatorCell ?? address(p.row.row, table.left);
    for (const it of p.parsed.items) {
      const src = it.source;
      if (src) {
        indicators.push(gridIndicatorJson(p.row.name, it, src, model.hasLevels !== false));
        continue;
      }
      indicators.push({
        project: p.row.name,
        row: p.row.row,
        cell,
        ordinal: it.ordinal,
        // The parser's level objects are shared and frozen {code, name}: exactly the report's shape.
        level1: it.level1,
        level2: it.level2,
        name: it.name,
        period: targetValueJson(it.period),
        annual: targetValueJson(it.annual),
      });
    }
  }
  const grid = model.layout !== undefined && model.layout !== 'list';
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    // Every table says its layout and title (a list read by an older caller has no layout: a list).
    layout: model.layout ?? 'list',
    title: model.title ?? null,
    sheet: table.sheet,
    range: `${address(table.header.top, table.left)}:${address(Math.max(table.bottom, table.header.bottom), table.right)}`,
    unit: table.header.unit,
    columns: grid ? gridColumnLetters(table) : columnLetters(table),
    summary: {
      projects: model.projects.length,
      indicators: indicators.length,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
    },
    rows: withCarryover(table.rows, model),
    indicators,
    findings,
  };
}

const COLUMN_ORDER: ColumnRole[] = ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators'];

const GRID_COLUMN_ORDER: ColumnRole[] = [
  ...COLUMN_ORDER,
  'level1',
  'level2',
  'level3',
  'comparator',
  'value',
  'valueUnit',
  'period',
  'weight',
];

function gridColumnLetters(table: Table): TableReport['columns'] {
  const out: TableReport['columns'] = {};
  for (const role of GRID_COLUMN_ORDER) {
    const c = table.columns[role];
    if (c !== undefined) out[role] = columnName(c);
  }
  return out;
}

/** A form's 上年结转, where it lists one, beside the other amounts of its project row. */
/** The rows as JSON; a form's project row also says its 上年结转 (carryover) where the form lists one. */
function withCarryover(rows: readonly TableRow[], model: TableModel): ReportRow[] {
  // Only forms have a carryover: index their projects by row once (a find per row is quadratic).
  const carried = new Map<number, string>();
  for (const p of model.projects) {
    const carry = p.extra?.amounts?.carryover;
    if (carry) carried.set(p.row.row, formatCents(carry.read.ok ? carry.read.amount.cents : 0));
  }
  return rows.map((row) => {
    const r = rowJson(row);
    const carryover = r.kind === 'project' && r.amounts ? carried.get(r.row) : undefined;
    return carryover === undefined ? r : { ...r, amounts: { ...r.amounts!, carryover } };
  });
}

/**
 * A level as a grid row wrote it, `{code: null, name}`: one shared, frozen object per name (every
 * form repeats the same few names; 10,000 forms made 160,000 equal objects). Bounded.
 */
const writtenLevels = new Map<string | null, Readonly<{ code: null; name: string | null }>>();
const MAX_WRITTEN_LEVELS = 5000;

function writtenLevel(name: string | null): { code: null; name: string | null } {
  let level = writtenLevels.get(name);
  if (!level) {
    level = Object.freeze({ code: null, name });
    if (writtenLevels.size < MAX_WRITTEN_LEVELS) writtenLevels.set(name, level);
  }
  return level as { code: null; name: string | null };
}

/** An indicator read from a grid row: its own cell and row, levels as written (no codes), its weight. */
function gridIndicatorJson(
  project: string,
  it: ParsedIndicator,
  src: IndicatorSource,
  hasLevels: boolean,
): IndicatorJson {
  const out: IndicatorJson = {
    project,
    row: src.row,
    cell: src.cell,
    ordinal: it.ordinal,
    level1: hasLevels ? (src.level1Written === null ? null : writtenLevel(src.level1Written)) : writtenLevel(null),
    level2: hasLevels ? (src.level2Written === null ? null : writtenLevel(src.level2Written)) : writtenLevel(null),
    name: it.name,
    period: targetValueJson(it.period),
    annual: targetValueJson(it.annual),
  };
  if (src.weight !== undefined) out.weight = src.weight;
  return out;
}

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
