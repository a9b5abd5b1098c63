/**
 * The indicator grid shared by forms and flat lists: its header (one row, or two where a sub-header
 * splits the value column into last year's actual and this year's plan), one or two indicator sets
 * side by side (long-term | annual), and its rows with 一级 / 二级 carried down merged or blank cells.
 */
import { type Grid, address, cellAt, cellText, rowEntries } from '../../grid';
import { type RowTexts, rowTexts } from './row-texts';
import { ANNUAL_SET, PERIOD_SET, type GridRole, gridRoleOf, labelKey } from '../layouts/labels';

export type SetKind = 'annual' | 'period';

/** One indicator set: its 二级, 三级 and value columns. */
export interface ValueSet {
  kind: SetKind;
  level2?: number;
  level3?: number;
  value?: number;
}

export interface GridHeader {
  top: number;
  /** Last header row (the sub-header when there is one). */
  bottom: number;
  level1?: number;
  comparator?: number;
  valueUnit?: number;
  weight?: number;
  /** Annual set last: the one indicators are read from. */
  sets: ValueSet[];
  /** A self-evaluation's columns: outcome and score. */
  result: boolean;
  score: boolean;
  left: number;
  right: number;
}

function rolesOfRow(row: RowTexts): Map<number, GridRole> {
  const out = new Map<number, GridRole>();
  const { cols, texts } = row;
  for (let i = 0; i < cols.length; i++) {
    const role = gridRoleOf(labelKey(texts[i]));
    if (role) out.set(cols[i], role);
  }
  return out;
}

/** Which set a column's header names, from its own words (`指标值(长期)`, `三级指标(年度)`). */
function setWords(grid: Grid, row: number, col: number | undefined): SetKind | null {
  if (col === undefined) return null;
  const t = labelKey(cellText(cellAt(grid, row, col)));
  if (PERIOD_SET.test(t)) return 'period';
  if (/年度|当年|本年/.test(t)) return 'annual';
  return null;
}

/** A header names 指标 somewhere: rows without it skip the label matching (most rows are data). */
function mayBeHeader(row: RowTexts): boolean {
  const { texts } = row;
  if (texts.length < 3) return false;
  for (const t of texts) if (t.length <= 40 && /指[标標]|目标值|实现值|计划水平/.test(t)) return true;
  return false;
}

/** The grid header at `row`, or null: a target value column and a 三级 (or 二级) column at least. */
export function gridHeaderAt(grid: Grid, row: number): GridHeader | null {
  return gridHeaderFrom(grid, row, rowTexts(grid, row));
}

/** `gridHeaderAt` for a row whose texts the caller already has. */
export function gridHeaderFrom(grid: Grid, row: number, texts: RowTexts): GridHeader | null {
  return mayBeHeader(texts) ? readGridHeader(grid, row, texts) : null;
}

function unnamedIndicatorColumn(
  row: RowTexts,
  roles: ReadonlyMap<number, GridRole>,
  after: number,
  before: number,
): number | undefined {
  for (let i = 0; i < row.cols.length; i++) {
    const c = row.cols[i];
    if (c <= after || c >= before || roles.has(c)) continue;
    return /指标|名称|内容/.test(row.texts[i]) ? c : undefined;
  }
  return undefined;
}

function readGridHeader(grid: Grid, row: number, texts: RowTexts): GridHeader | null {
  const roles = rolesOfRow(texts);
  if (roles.size < 3) return null;
  const cols = (role: GridRole) => {
    const out: number[] = [];
    for (const [c, r] of roles) if (r === role) out.push(c);
    return out;
  };
  let values = cols('value');
  let level2s = cols('level2');
  let level3s = cols('level3');
  let level1: number | undefined = cols('level1')[0];
  if (!values.length && !cols('result').length) return null;
  if (!level3s.length && !level2s.length && level1 === undefined) return null;
  // A 三级 column under a title no list knows (`考核指标`, `绩效指标名称`): the first column right of 二级
  // whose title has no role and names an indicator; else the 鄂州 reading below would shift the levels.
  if (!level3s.length && level2s.length && values.length) {
    const named = unnamedIndicatorColumn(texts, roles, level2s[0], values[0]);
    if (named !== undefined) level3s = [named];
  }
  // 鄂州: the column headed 一级 holds 二级 names and the one headed 二级 the indicator.
  if (!level3s.length && level2s.length && level1 !== undefined) {
    level3s = level2s;
    level2s = [level1];
    level1 = undefined;
  }
  let bottom = row;
  // A sub-header under the value column: `上年度实际水平 | 本年度计划水平` — the plan is the target.
  const below = rolesOfRow(rowTexts(grid, row + 1));
  const subValues: number[] = [];
  let subNever = false;
  for (const [c, r] of below) {
    if (r === 'value') subValues.push(c);
    if (r === 'never') subNever = true;
  }
  if (subValues.length && (subNever || subValues.length === values.length)) {
    values = subValues;
    bottom = row + 1;
  }
  const first = (list: number[], before: number, after: number) => {
    let best: number | undefined;
    for (const c of list) if (c < before && c > after && (best === undefined || c > best)) best = c;
    return best;
  };
  const sets: ValueSet[] = [];
  let prev = 0;
  // One set: its columns in whatever order the form puts them. Two sets: each value column takes
  // the 二级 / 三级 columns just left of it (the long-term set, then the annual one).
  if (values.length === 1) sets.push({ kind: 'annual', level2: level2s[0], level3: level3s[0], value: values[0] });
  else
    for (const v of values) {
      const level3 = first(level3s, v, prev);
      const level2 = first(level2s, level3 ?? v, prev);
      sets.push({ kind: 'annual', level2, level3: level3 ?? (sets.length ? undefined : level3s[0]), value: v });
      prev = v;
    }
  if (!sets.length) sets.push({ kind: 'annual', level2: level2s[0], level3: level3s[0] });
  if (sets.length > 1) {
    // Long-term and annual side by side: the words say which, else the left set is the long-term one.
    sets.forEach((s, i) => {
      const said = setWords(grid, row, s.value) ?? setWords(grid, row, s.level3) ?? setWords(grid, row, s.level2);
      s.kind = said ?? (i === sets.length - 1 ? 'annual' : 'period');
    });
    sets.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'annual' ? 1 : -1));
  }
  const all = [...roles.keys()];
  let left = all[0];
  let right = all[0];
  for (const c of all) {
    if (c < left) left = c;
    if (c > right) right = c;
  }
  return {
    top: row,
    bottom,
    level1,
    comparator: cols('comparator')[0],
    valueUnit: cols('valueUnit')[0],
    weight: cols('weight')[0],
    sets,
    result: cols('result').length > 0,
    score: cols('score').length > 0,
    left,
    right,
  };
}

/**
 * Whether a single-set grid holds the long-term (长期 / 中期 / 实施期) or the annual targets: the words
 * beside the grid header (`长期绩效指标`, `本年度 绩效指标`) or on the row above it; annual by default.
 */
export function gridKind(grid: Grid, header: GridHeader): SetKind {
  for (const row of [header.top, header.top - 1]) {
    for (const [, cell] of rowEntries(grid, row)) {
      const k = labelKey(cellText(cell));
      if (!k || k.length > 12 || gridRoleOf(k)) continue;
      if (ANNUAL_SET.test(k)) return 'annual';
      if (PERIOD_SET.test(k)) return 'period';
    }
  }
  return 'annual';
}

export interface CellText {
  /** Trimmed. */
  text: string;
  cell: string;
  /** The cell's whole text, as a fix must find it. */
  full: string;
}

/** One grid row, texts trimmed, 一级 / 二级 already carried down. */
export interface GridRow {
  row: number;
  level1: CellText | null;
  /** Per set, in `header.sets` order. */
  sets: { level2: CellText | null; level2Written: boolean; name: CellText | null; value: CellText | null }[];
  comparator: CellText | null;
  valueUnit: CellText | null;
  weight: CellText | null;
}

function at(grid: Grid, row: number, col: number | undefined): CellText | null {
  if (col === undefined) return null;
  const full = cellText(cellAt(grid, row, col));
  const text = full.trim();
  return text ? { text, cell: address(row, col), full } : null;
}

/**
 * Rows of a grid. `rows` are the sheet's non-empty row numbers below the header, up to the grid's
 * end. 一级 and 二级 carry down (merged cells arrive as blanks below the value); a new 一级 resets 二级.
 */
export function readGridRows(grid: Grid, header: GridHeader, rows: readonly number[]): GridRow[] {
  const out: GridRow[] = [];
  let level1: CellText | null = null;
  const level2: (CellText | null)[] = header.sets.map(() => null);
  for (const r of rows) {
    const l1 = at(grid, r, header.level1);
    if (l1) {
      if (!level1 || l1.text !== level1.text) level2.fill(null);
      level1 = l1;
    }
    const sets = header.sets.map((s, i) => {
      const l2 = at(grid, r, s.level2);
      if (l2) level2[i] = l2;
      return {
        level2: level2[i],
        level2Written: l2 !== null,
        name: at(grid, r, s.level3),
        value: at(grid, r, s.value),
      };
    });
    out.push({
      row: r,
      level1,
      sets,
      comparator: at(grid, r, header.comparator),
      valueUnit: at(grid, r, header.valueUnit),
      weight: at(grid, r, header.weight),
    });
  }
  return out;
}
