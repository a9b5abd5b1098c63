/**
 * The report of `check(grid)`: the shapes of docs/report-format.md (a stable contract: add fields,
 * never rename), plus a few internal fields the hosts use (fixes, spans) that the JSON writer keeps.
 */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Comparator = '≥' | '≤' | '>' | '<' | '=';

export type ColumnRole =
  | 'name'
  | 'total'
  | 'fiscal'
  | 'specialAccount'
  | 'other'
  | 'goal'
  | 'indicators'
  // Grid layouts (forms, flat lists): the indicator grid's columns.
  | 'level1'
  | 'level2'
  | 'level3'
  | 'comparator'
  | 'value'
  | 'valueUnit'
  | 'period'
  | 'weight';
export const AMOUNT_ROLES = ['total', 'fiscal', 'specialAccount', 'other'] as const;
export type AmountRole = (typeof AMOUNT_ROLES)[number];

/** Amount strings with exactly two decimals, e.g. `"1648.49"`; blank cells are `"0.00"`. */
export type AmountStrings = Record<AmountRole, string> & {
  /** 上年结转, where a form lists it. */
  carryover?: string;
};

export type Layout = 'list' | 'list-rows' | 'form';

export type RowKind = 'total' | 'unit' | 'project' | 'continuation';

export interface ReportRow {
  row: number;
  kind: RowKind;
  name?: string;
  /** For project rows: the unit row above it. */
  unit?: string | null;
  amounts?: AmountStrings;
  /** For continuation rows: the project row whose text this row continues. */
  of?: number;
}

export interface TargetValueJson {
  raw: string;
  comparator: Comparator | null;
  value: number | null;
  unit: string | null;
  text: string | null;
}

export interface LevelJson {
  code: string;
  name: string;
}

/** A level where the layout writes names without codes (`code: null`), or no level at all (L6). */
export interface WrittenLevelJson {
  code: string | null;
  name: string | null;
}

export interface IndicatorJson {
  project: string;
  row: number;
  cell: string;
  ordinal: number;
  level1: LevelJson | WrittenLevelJson | null;
  level2: LevelJson | WrittenLevelJson | null;
  name: string;
  period: TargetValueJson | null;
  annual: TargetValueJson | null;
  /** 权重 / 分值, where the layout has such a column. */
  weight?: number | null;
}

/** A mechanical correction: replacing the cell's whole text with `text` fixes the finding. */
export interface Fix {
  cell: string;
  /** The cell's text now, so a host can refuse to apply a fix to a cell that changed since. */
  before: string;
  text: string;
}

export interface Finding {
  rule: string;
  /** Version of the rule that produced the finding (docs/rules.md). */
  ruleVersion?: number;
  severity: Severity;
  cell: string;
  row: number;
  project: string | null;
  indicator: number | null;
  message: string;
  expected?: string;
  actual?: string;
  /** Further cells involved (the parts of a sum), for hosts that want to show them. */
  related?: string[];
  fix?: Fix;
  /** Internal (never in the JSON): which of the rule's messages this is, and the values it names. */
  messageId?: string;
  data?: unknown;
}

/** Most severe first: the one rank every host sorts and filters by. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * The one order of findings, in the core and every host: down the sheet, left to right, then for
 * one cell the most severe first (a clerk fixes a cell's errors before reading its warnings), then
 * by item (the project's own findings before its items'). Ties keep the order the rules reported
 * them in (Array.prototype.sort is stable).
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.row - b.row ||
    compareColumns(a.cell, b.cell) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.indicator ?? 0) - (b.indicator ?? 0)
  );
}

/** Column order of two A1 addresses on the same row: `B4` < `G4` < `AA4`. */
function compareColumns(a: string, b: string): number {
  const la = columnLength(a);
  const lb = columnLength(b);
  if (la !== lb) return la - lb;
  for (let i = 0; i < la; i++) if (a[i] !== b[i]) return a.charCodeAt(i) - b.charCodeAt(i);
  return 0;
}

function columnLength(a1: string): number {
  let n = 0;
  while (n < a1.length && a1.charCodeAt(n) >= 65 && a1.charCodeAt(n) <= 90) n++;
  return n;
}

export interface TableSummary {
  projects: number;
  indicators: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface TableReport {
  /** Absent in reports of older versions: read as `list`. */
  layout?: Layout;
  title?: string | null;
  sheet: string;
  range: string;
  unit: '万元' | '元';
  columns: Partial<Record<ColumnRole, string>>;
  summary: TableSummary;
  rows: ReportRow[];
  indicators: IndicatorJson[];
  findings: Finding[];
}

export type RejectedKind = 'self-evaluation' | 'department' | 'unknown';

/** A table recognised but not checked: not a project target table. */
export interface RejectedTable {
  sheet: string;
  range: string;
  kind: RejectedKind;
  /** One line in Chinese: what the table is, and what the checker checks instead. */
  reason: string;
}

export interface Report {
  file?: string;
  tables: TableReport[];
  rejected?: RejectedTable[];
}
