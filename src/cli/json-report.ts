/**
 * The JSON report of docs/report-format.md. Keys are written in the order of the doc whatever order
 * the core built its objects in (scripts diff these outputs); fields the doc does not list (a
 * finding's `fix`, `related`) follow the listed ones, since the contract only ever adds fields.
 *
 * Each shape is built as an object literal in the doc's order (a report of 10,000 projects has some
 * 300,000 objects: generic key-by-key copying cost more than the check itself). A listed key whose
 * value is `undefined` is left out by JSON.stringify, as the doc wants for optional fields; keys the
 * doc always writes get `null` instead.
 */
import type {
  AmountStrings,
  Finding,
  Fix,
  IndicatorJson,
  LevelJson,
  RejectedTable,
  Report,
  ReportRow,
  TableReport,
  TableSummary,
  TargetValueJson,
  WrittenLevelJson,
} from '../core/report';
import { MappedArray, writeJson } from './json-stream';

// A table's rows, indicators and findings are converted as they are written (json-stream.ts).
type Json = string | number | boolean | null | Json[] | JsonObject | MappedArray<never, Json>;
/** `undefined` values are left out of the text, as JSON.stringify does. */
type JsonObject = { [key: string]: Json | undefined };

type Fields = Record<string, unknown>;

/** Any value from the core: primitives as they are, objects with their keys in their own order. */
function toJson(v: unknown): Json {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') return rest({}, v, NONE);
  return null;
}

/** A listed key the doc may leave out: absent stays absent. */
const opt = (v: unknown): Json | undefined => (v === undefined ? undefined : toJson(v));
/** A listed key the doc always writes: absent is `null`. */
const req = (v: unknown): Json => (v === undefined ? null : toJson(v));

/** Adds, after the listed keys already in `out`, the fields of `src` the doc does not list. */
function rest(out: JsonObject, src: object, listed: ReadonlySet<string>): JsonObject {
  const fields = src as Fields;
  for (const k of Object.keys(fields)) {
    if (listed.has(k)) continue;
    const v = fields[k];
    if (v !== undefined) out[k] = toJson(v);
  }
  return out;
}

const NONE: ReadonlySet<string> = new Set();
const keys = (...k: string[]): ReadonlySet<string> => new Set(k);
const REPORT_KEYS = keys('file', 'tables', 'rejected');
const TABLE_KEYS = keys(
  'layout',
  'title',
  'sheet',
  'range',
  'unit',
  'columns',
  'summary',
  'rows',
  'indicators',
  'findings',
);
const COLUMN_KEYS = keys(
  'name',
  'total',
  'fiscal',
  'specialAccount',
  'other',
  'goal',
  'indicators',
  'level1',
  'level2',
  'level3',
  'comparator',
  'value',
  'valueUnit',
  'period',
  'weight',
);
const SUMMARY_KEYS = keys('projects', 'indicators', 'errors', 'warnings', 'infos');
const ROW_KEYS = keys('row', 'kind', 'name', 'unit', 'amounts', 'of');
const AMOUNT_KEYS = keys('total', 'fiscal', 'specialAccount', 'other', 'carryover');
const INDICATOR_KEYS = keys(
  'project',
  'row',
  'cell',
  'ordinal',
  'level1',
  'level2',
  'name',
  'period',
  'annual',
  'weight',
);
const REJECTED_KEYS = keys('sheet', 'range', 'kind', 'reason');
const LEVEL_KEYS = keys('code', 'name');
const VALUE_KEYS = keys('raw', 'comparator', 'value', 'unit', 'text');
const FINDING_KEYS = keys('rule', 'severity', 'cell', 'row', 'project', 'indicator', 'message', 'expected', 'actual');
const FIX_KEYS = keys('cell', 'before', 'text');
/** The finding's internal fields (which message, with what values) are for hosts and tests, not the report. */
// A fixed list of key names, never data-sized.
// eslint-disable-next-line no-restricted-syntax
const FINDING_SKIP = keys(...FINDING_KEYS, 'messageId', 'data');

function amountsJson(a: AmountStrings): JsonObject {
  const o: JsonObject = {
    total: opt(a.total),
    fiscal: opt(a.fiscal),
    specialAccount: opt(a.specialAccount),
    other: opt(a.other),
    carryover: opt(a.carryover),
  };
  return rest(o, a, AMOUNT_KEYS);
}

function rowJson(r: ReportRow): JsonObject {
  const o: JsonObject = {
    row: opt(r.row),
    kind: opt(r.kind),
    name: opt(r.name),
    unit: opt(r.unit),
    amounts: r.amounts ? amountsJson(r.amounts) : opt(r.amounts),
    of: opt(r.of),
  };
  return rest(o, r, ROW_KEYS);
}

function levelJson(l: LevelJson | WrittenLevelJson | null): Json {
  // `code: null` is written: forms name their levels without codes.
  return l ? rest({ code: req(l.code), name: req(l.name) }, l, LEVEL_KEYS) : null;
}

function valueJson(v: TargetValueJson | null): Json {
  if (!v) return null;
  return rest(
    { raw: req(v.raw), comparator: req(v.comparator), value: req(v.value), unit: req(v.unit), text: req(v.text) },
    v,
    VALUE_KEYS,
  );
}

function indicatorJson(i: IndicatorJson): JsonObject {
  const o: JsonObject = {
    project: req(i.project),
    row: req(i.row),
    cell: req(i.cell),
    ordinal: req(i.ordinal),
    level1: levelJson(i.level1),
    level2: levelJson(i.level2),
    name: req(i.name),
    period: valueJson(i.period),
    annual: valueJson(i.annual),
    weight: opt(i.weight),
  };
  return rest(o, i, INDICATOR_KEYS);
}

function fixJson(f: Fix): JsonObject {
  return rest({ cell: opt(f.cell), before: opt(f.before), text: opt(f.text) }, f, FIX_KEYS);
}

function findingJson(f: Finding): JsonObject {
  const o: JsonObject = {
    rule: req(f.rule),
    severity: req(f.severity),
    cell: req(f.cell),
    row: req(f.row),
    project: req(f.project),
    indicator: req(f.indicator),
    message: req(f.message),
    expected: req(f.expected),
    actual: req(f.actual),
  };
  rest(o, f, FINDING_SKIP);
  // In its place among the unlisted fields, with its own keys in the doc's order.
  if (f.fix) o.fix = fixJson(f.fix);
  return o;
}

function columnsJson(c: TableReport['columns']): JsonObject {
  const o: JsonObject = {
    name: opt(c.name),
    total: opt(c.total),
    fiscal: opt(c.fiscal),
    specialAccount: opt(c.specialAccount),
    other: opt(c.other),
    goal: opt(c.goal),
    indicators: opt(c.indicators),
    level1: opt(c.level1),
    level2: opt(c.level2),
    level3: opt(c.level3),
    comparator: opt(c.comparator),
    value: opt(c.value),
    valueUnit: opt(c.valueUnit),
    period: opt(c.period),
    weight: opt(c.weight),
  };
  return rest(o, c, COLUMN_KEYS);
}

function summaryJson(s: TableSummary): JsonObject {
  const o: JsonObject = {
    projects: opt(s.projects),
    indicators: opt(s.indicators),
    errors: opt(s.errors),
    warnings: opt(s.warnings),
    infos: opt(s.infos),
  };
  return rest(o, s, SUMMARY_KEYS);
}

export function tableJson(t: TableReport): JsonObject {
  const o: JsonObject = {
    layout: opt(t.layout),
    title: opt(t.title),
    sheet: req(t.sheet),
    range: req(t.range),
    unit: req(t.unit),
    columns: columnsJson(t.columns),
    summary: summaryJson(t.summary),
    rows: mapped(t.rows, rowJson),
    indicators: mapped(t.indicators, indicatorJson),
    findings: mapped(t.findings, findingJson),
  };
  return rest(o, t, TABLE_KEYS);
}

function rejectedJson(x: RejectedTable): JsonObject {
  return rest({ sheet: req(x.sheet), range: req(x.range), kind: req(x.kind), reason: req(x.reason) }, x, REJECTED_KEYS);
}

export function reportJson(r: Report & { file: string }): JsonObject {
  const o: JsonObject = {
    file: opt(r.file),
    tables: r.tables.map(tableJson),
    rejected: r.rejected ? r.rejected.map(rejectedJson) : undefined,
  };
  return rest(o, r, REPORT_KEYS);
}

/** The entry for a file that could not be used, in the array printed for several files. */
export function unusableJson(file: string, error: string): JsonObject {
  return { file, error, tables: [] };
}

function mapped<T>(items: readonly T[], map: (item: T) => Json): Json {
  return new MappedArray(items, map) as unknown as MappedArray<never, Json>;
}

/** The report's text at once (small reports, tests); the CLI writes it in pieces with `writeReport`. */
export function stringify(v: Json): string {
  return JSON.stringify(v, null, 2);
}

/** Writes the text of `stringify(v)` through `write` in chunks, never holding it whole. */
export function writeReport(v: Json, write: (s: string) => void): void {
  writeJson(v, write);
}

export type { Json, JsonObject };
