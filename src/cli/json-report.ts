/**
 * The JSON report of docs/report-format.md. Keys are written in the order of the doc whatever order
 * the core built its objects in (scripts diff these outputs); fields the doc does not list (a
 * finding's `fix`, `related`) follow the listed ones, since the contract only ever adds fields.
 */
import type { Finding, IndicatorJson, Report, ReportRow, TableReport, TargetValueJson } from '../core/report';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** `keys` first, in that order; `always` keys are written as null when absent; then the rest. */
function ordered(obj: object, keys: readonly string[], always: readonly string[] = []): JsonObject {
  const src = obj as Record<string, unknown>;
  const out: JsonObject = {};
  for (const k of keys) {
    const v = src[k];
    if (v !== undefined) out[k] = toJson(v);
    else if (always.includes(k)) out[k] = null;
  }
  for (const k of Object.keys(src)) {
    if (!(k in out) && src[k] !== undefined && !keys.includes(k)) out[k] = toJson(src[k]);
  }
  return out;
}

function toJson(v: unknown): Json {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') return ordered(v as object, []);
  return null;
}

const TABLE_KEYS = ['sheet', 'range', 'unit', 'columns', 'summary', 'rows', 'indicators', 'findings'];
const COLUMN_KEYS = ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators'];
const SUMMARY_KEYS = ['projects', 'indicators', 'errors', 'warnings', 'infos'];
const ROW_KEYS = ['row', 'kind', 'name', 'unit', 'amounts', 'of'];
const AMOUNT_KEYS = ['total', 'fiscal', 'specialAccount', 'other'];
const INDICATOR_KEYS = ['project', 'row', 'cell', 'ordinal', 'level1', 'level2', 'name', 'period', 'annual'];
const LEVEL_KEYS = ['code', 'name'];
const VALUE_KEYS = ['raw', 'comparator', 'value', 'unit', 'text'];
const FINDING_KEYS = ['rule', 'severity', 'cell', 'row', 'project', 'indicator', 'message', 'expected', 'actual'];
const FIX_KEYS = ['cell', 'before', 'text'];

function rowJson(r: ReportRow): JsonObject {
  const o = ordered(r, ROW_KEYS);
  if (r.amounts) o.amounts = ordered(r.amounts, AMOUNT_KEYS);
  return o;
}

function valueJson(v: TargetValueJson | null): Json {
  return v ? ordered(v, VALUE_KEYS, VALUE_KEYS) : null;
}

function indicatorJson(i: IndicatorJson): JsonObject {
  const o = ordered(i, INDICATOR_KEYS, INDICATOR_KEYS);
  o.level1 = i.level1 ? ordered(i.level1, LEVEL_KEYS) : null;
  o.level2 = i.level2 ? ordered(i.level2, LEVEL_KEYS) : null;
  o.period = valueJson(i.period);
  o.annual = valueJson(i.annual);
  return o;
}

function findingJson(f: Finding): JsonObject {
  const o = ordered(f, FINDING_KEYS, FINDING_KEYS);
  if (f.fix) o.fix = ordered(f.fix, FIX_KEYS);
  return o;
}

export function tableJson(t: TableReport): JsonObject {
  const o = ordered(t, TABLE_KEYS, TABLE_KEYS);
  o.columns = ordered(t.columns, COLUMN_KEYS);
  o.summary = ordered(t.summary, SUMMARY_KEYS);
  o.rows = t.rows.map(rowJson);
  o.indicators = t.indicators.map(indicatorJson);
  o.findings = t.findings.map(findingJson);
  return o;
}

export function reportJson(r: Report & { file: string }): JsonObject {
  const o = ordered(r, ['file', 'tables']);
  o.tables = r.tables.map(tableJson);
  return o;
}

/** The entry for a file that could not be used, in the array printed for several files. */
export function unusableJson(file: string, error: string): JsonObject {
  return { file, error, tables: [] };
}

export function stringify(v: Json): string {
  return JSON.stringify(v, null, 2);
}

export type { Json, JsonObject };
