/**
 * Row classification below the header: `合计`, unit rows, project rows, and continuation rows left
 * by PDF page breaks (only the rest of the previous project's 绩效目标 / 绩效指标 text, such as a
 * lone `。` or `、4-成本指标；…`), whose text is joined to the project above. Notes under the table
 * (`注：…`, `填表人：…`) end it; a header repeated after a page break is skipped.
 */
import { type Cell, type Grid, address, cellAt, cellText, rowEntries, rowIndexFrom, rowNumbers } from '../grid';
import { type AmountRead, readAmount } from '../amounts';
import { namedUnit, readTableAmount } from './amount-text';
import { joinLines } from '../indicators/normalise';
import { isBlankText } from '../text';
import { AMOUNT_ROLES, type AmountRole, type RowKind } from '../report';
import { type Columns, type LocatedHeader, headerAt, isNameTitle } from './locate';
import { titleIn } from './readers/form';
import { rowTexts } from './readers/row-texts';

export interface TableRow {
  row: number;
  kind: RowKind;
  /** Name as shown, line breaks and indentation removed. */
  name: string;
  indent: number;
  amounts: Record<AmountRole, AmountRead>;
  amountCells: Record<AmountRole, string | null>;
  /** Own cell text of 绩效目标 / 绩效指标 (as written). */
  goal: string;
  indicators: string;
  /** For projects: the text including continuation rows, joined with line breaks. */
  goalFull: string;
  indicatorsFull: string;
  /** For projects: the unit row above; for continuation rows: the project row continued. */
  unit: string | null;
  of: number | null;
}

export interface Table {
  sheet: string;
  header: LocatedHeader;
  /** Last row that belongs to the table. */
  bottom: number;
  rows: TableRow[];
  columns: Columns;
  /** Leftmost and rightmost role columns. */
  left: number;
  right: number;
}

const NOTE = /^(注|备注|说明|填表|制表|审核|单位负责人|财务负责人|负责人|联系人|联系电话|数据来源)/;
/** A note written as a label (`注：`, `填表人：`, `注1:`): ends the table even on a row with figures. */
const NOTE_LABEL =
  /^(注|备注|说明|填表|制表|审核|单位负责人|财务负责人|负责人|联系人|联系电话|数据来源)[人\d０-９\s]*[:：]/;
const TOTAL_NAME = /^(合计|总计)$/;

/** Indent level from the cell format, else from leading spaces (a PDF converter's indentation). */
export function indentOf(cell: Cell | null | undefined): number {
  const fmt = cell?.indent ?? 0;
  if (fmt > 0) return fmt;
  const text = cellText(cell);
  const m = /^[ \u00a0\u3000\t]+/.exec(text);
  if (!m) return 0;
  let width = 0;
  for (const ch of m[0]) width += ch === '\u3000' ? 2 : ch === '\t' ? 4 : 1;
  return Math.max(1, Math.round(width / 2));
}

const BLANK: AmountRead = readAmount(null);

function textOf(grid: Grid, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(grid, row, col));
}

export function readTable(grid: Grid, located: LocatedHeader): Table {
  let header = located;
  const cols = header.columns;
  // With no stated unit, the cells decide: if every amount names 元 (and none is a bare figure or
  // names 万), the table is in 元; otherwise 万元 and the cells naming 元 are converted.
  let cellUnit: '元' | 'mixed' | null = header.unitUnstated ? null : 'mixed';
  const roleCols = Object.values(cols).filter((c): c is number => c !== undefined);
  let left = Infinity;
  let right = -Infinity;
  for (const c of roleCols) {
    if (c < left) left = c;
    if (c > right) right = c;
  }
  // Only present rows: an absent one reads as a blank row, which the loop skips anyway, and a value
  // typed at row 1,048,576 must not cost a million blank rows.
  const present = rowNumbers(grid);

  const rows: TableRow[] = [];
  let bottom = header.bottom;
  for (let i = rowIndexFrom(grid, header.bottom + 1); i < present.length; i++) {
    const r = present[i];
    const name = joinLines(textOf(grid, r, cols.name)).text.trim();
    const goal = textOf(grid, r, cols.goal);
    const indicators = textOf(grid, r, cols.indicators);
    const amounts = {} as Record<AmountRole, AmountRead>;
    const amountCells = {} as Record<AmountRole, string | null>;
    let hasAmounts = false;
    for (const role of AMOUNT_ROLES) {
      const c = cols[role];
      amountCells[role] = c === undefined ? null : address(r, c);
      // `120000元` in a 万元 table reads as 12.00 (amount-unit-converted says so).
      const cell = c === undefined ? undefined : cellAt(grid, r, c);
      const read = c === undefined ? BLANK : readTableAmount(cell, header.unit, 'strict');
      amounts[role] = read;
      if (cellUnit !== 'mixed' && c !== undefined) {
        const u = namedUnit(cell);
        if (u === '元') cellUnit = '元';
        else if (u !== null) cellUnit = 'mixed';
      }
      if (!read.ok || !read.amount.blank) hasAmounts = true;
    }
    // Only a row with no figures and no targets can be a note (`注：…`): its first text is read then,
    // not on every project row.
    const bare = !hasAmounts && !goal.trim() && !indicators.trim();
    const firstText = bare ? firstNonEmpty(grid, r) : '';
    if (!name && bare) {
      if (firstText && NOTE.test(firstText.trim())) break;
      continue; // blank row (or debris outside the table's columns)
    }
    // A project may be named 审核服务经费 or 注册登记经费: only a label, or a row with nothing but the
    // note, ends the table.
    if (NOTE_LABEL.test(name) || (firstText && NOTE.test(firstText.trim()) && bare)) break;
    // A title line with a header just below it (`…项目支出绩效目标表` over its own column titles) starts
    // the next table on the sheet: this one ends above it. (A header repeated without a title is a
    // PDF page break, below.) Only a row with no figures and no targets can be a title.
    if (bare && titleIn(rowTexts(grid, r)) && headerBelow(grid, i)) break;
    // A header repeated at the top of a new PDF page: skip it and its second row. Only a row whose
    // name cell reads like the name column's title can be one (keeps the scan of data rows cheap).
    const repeated = isNameTitle(name) ? headerAt(grid, r) : null;
    if (repeated) {
      bottom = repeated.bottom;
      i = rowIndexFrom(grid, repeated.bottom + 1) - 1;
      continue;
    }
    rows.push({
      row: r,
      kind: 'project',
      name,
      indent: cols.name === undefined ? 0 : indentOf(cellAt(grid, r, cols.name)),
      amounts,
      amountCells,
      goal,
      indicators,
      goalFull: goal,
      indicatorsFull: indicators,
      unit: null,
      of: null,
    });
    bottom = r;
  }
  if (cellUnit === '元') {
    header = { ...header, unit: '元' };
    for (const row of rows)
      for (const role of AMOUNT_ROLES) {
        const c = cols[role];
        if (c !== undefined) row.amounts[role] = readTableAmount(cellAt(grid, row.row, c), '元', 'strict');
      }
  }
  classify(rows);
  return { sheet: grid.sheet, header, bottom, rows, columns: cols, left, right };
}

function firstNonEmpty(grid: Grid, row: number): string {
  for (const [, cell] of rowEntries(grid, row)) {
    const t = cellText(cell);
    if (t.trim()) return t;
  }
  return '';
}

function hasAmount(r: TableRow): boolean {
  return AMOUNT_ROLES.some(
    (role) => !r.amounts[role].ok || !(r.amounts[role] as { amount: { blank: boolean } }).amount.blank,
  );
}

function classify(rows: TableRow[]): void {
  const named = rows.filter((r) => r.name && !TOTAL_NAME.test(r.name.replace(/[\s\u3000]/g, '')));
  let baseIndent = named.length ? Infinity : 0;
  for (const r of named) if (r.indent < baseIndent) baseIndent = r.indent;
  const indented = named.some((r) => r.indent > baseIndent);

  let unit: string | null = null;
  let project: TableRow | null = null;
  for (const r of rows) {
    const texts = !isBlankText(r.goal) || !isBlankText(r.indicators);
    const amounts = hasAmount(r);
    if (TOTAL_NAME.test(r.name.replace(/[\s\u3000]/g, ''))) {
      r.kind = 'total';
      project = null;
    } else if (!r.name && !amounts && project) {
      r.kind = 'continuation';
      r.of = project.row;
      project.goalFull = joinText(project.goalFull, r.goal);
      project.indicatorsFull = joinText(project.indicatorsFull, r.indicators);
    } else if (r.name && !amounts && !texts && project && (!indented || r.indent > baseIndent)) {
      // The rest of a long project name wrapped onto the next PDF page.
      r.kind = 'continuation';
      r.of = project.row;
      project.name += r.name;
    } else if (indented ? r.indent <= baseIndent && !texts : !texts) {
      r.kind = 'unit';
      unit = r.name;
      project = null;
    } else {
      r.kind = 'project';
      r.unit = unit;
      project = r;
    }
  }
  if (!indented) adoptTrailingUnits(rows);
}

/**
 * In a flat table (no indentation), a row without texts reads as a unit row; but one that follows
 * projects and has no project of its own before the next unit or 合计 is a project whose 绩效目标 and
 * 绩效指标 are not filled in yet (S9 and the empty-indicator rule report it), not a unit.
 */
function adoptTrailingUnits(rows: TableRow[]): void {
  const main = rows.filter((r) => r.kind !== 'continuation');
  for (let i = 1; i < main.length; i++) {
    const r = main[i];
    const prev = main[i - 1];
    if (r.kind !== 'unit' || prev.kind !== 'project' || prev.unit === null) continue;
    const next = main[i + 1];
    if (next && next.kind === 'project') continue;
    r.kind = 'project';
    r.unit = prev.unit;
  }
}

/** Page-break text joins like a line break: the parser removes it with no separator. */
function joinText(a: string, b: string): string {
  if (!b.trim()) return a;
  if (!a) return b;
  return `${a}\n${b}`;
}

/** A header within the next three present rows after `rows[i]` (a title may have a unit line under it). */
function headerBelow(grid: Grid, i: number): boolean {
  const rows = rowNumbers(grid);
  for (let k = i + 1; k < rows.length && k <= i + 3; k++) if (headerAt(grid, rows[k])) return true;
  return false;
}
