/**
 * The plain grid every host turns its sheet into. The core never sees Excel, ExcelJS or the DOM:
 * only this.
 */

/** An error value such as `#VALUE!`, kept apart from text so it is never mistaken for a label. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | CellError | null;

export interface Cell {
  /** The raw value: text, number, boolean, an error, or null for blank. */
  value: CellValue;
  /** The text Excel displays (number format applied). Derived from `value` when a host has none. */
  text?: string;
  /** Indent level from the cell's format (Excel's `indentLevel`); leading spaces are read by the core. */
  indent?: number;
  /** Excel number format code, e.g. `#,##0.00`; used to know how many decimals a figure shows. */
  numberFormat?: string;
}

/**
 * One sheet's used range. `cells[0][0]` is the cell at (`top`, `left`), both 1-based.
 *
 * `cells` may be holey: a host reading a sparse file (a value at XFD1048576 under a small table)
 * leaves absent rows and cells as holes (see `gridFromEntries`), so memory follows the present cells.
 * Scans go through `rowNumbers` / `rowEntries`, whose cost follows the present cells too. A grid is
 * not changed once built (its index is cached).
 */
export interface Grid {
  sheet: string;
  top: number;
  left: number;
  cells: (Cell | null | undefined)[][];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** 1 → A, 27 → AA. */
export function columnName(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 1, AA → 27; 0 for anything that is not a column name. */
export function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) return 0;
    n = n * 26 + (c - 64);
  }
  return n;
}

export function address(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

export function parseAddress(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** The cell at a sheet position (1-based), or undefined outside the used range. */
export function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  const r = grid.cells[row - grid.top];
  if (!r) return undefined;
  return r[col - grid.left] ?? undefined;
}

/** Lowest row holding a cell (`top - 1` when there is none); by present cells. */
export function lastRow(grid: Grid): number {
  const rows = indexOf(grid).rows;
  return rows.length > 0 ? rows[rows.length - 1] : grid.top - 1;
}

/** Rightmost used column; from the cached index, so by present cells. */
export function lastColumn(grid: Grid): number {
  return grid.left + indexOf(grid).width - 1;
}

/** Display text of a cell: the host's text, else the value written out. */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined && cell.text !== null) return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Builds a grid from rows of plain values (tests, the preview, generated benchmarks). */
export function gridFromValues(sheet: string, rows: CellValue[][], top = 1, left = 1): Grid {
  return {
    sheet,
    top,
    left,
    cells: rows.map((r) => r.map((value) => (value === null ? null : { value }))),
  };
}

/**
 * A sparse grid from `[row, column, cell]` entries (1-based, any order): rows and cells absent from
 * the entries are holes, so a far cell costs one entry, not the box between it and the table.
 */
export function gridFromEntries(sheet: string, entries: Iterable<readonly [number, number, Cell]>): Grid {
  const cells: (Cell | null | undefined)[][] = [];
  for (const [row, col, cell] of entries) {
    let r = cells[row - 1];
    if (!r) {
      r = [];
      cells[row - 1] = r;
    }
    r[col - 1] = cell;
  }
  return { sheet, top: 1, left: 1, cells };
}

interface GridIndex {
  /** Sheet row numbers holding at least one cell, ascending. */
  rows: number[];
  /** Columns from `left` to the rightmost present cell (0 when empty). */
  width: number;
}

const indexes = new WeakMap<Grid['cells'], GridIndex>();

/** Below this length a plain loop over every index is cheaper than listing the keys. */
const SHORT_ARRAY = 1024;

/**
 * Calls `visit` with each present index of a possibly holey array, ascending. A short array is
 * walked index by index; a long one through `Object.keys`, which lists an array's own index keys in
 * ascending order and skips holes, so a row with one cell at column 16,384 costs one step.
 */
function forEachPresent<T>(a: readonly T[], visit: (i: number, v: T) => void): void {
  if (a.length <= SHORT_ARRAY) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (v !== undefined) visit(i, v);
    }
    return;
  }
  for (const k of Object.keys(a)) {
    const i = Number(k);
    if (Number.isInteger(i) && i >= 0) visit(i, a[i]);
  }
}

/** Offset past the rightmost present cell of a row (0 when it holds none). */
function rowWidth(r: readonly (Cell | null | undefined)[]): number {
  let w = 0;
  forEachPresent(r, (ci, c) => {
    if (c !== null) w = ci + 1;
  });
  return w;
}

/*
 * The index keeps only the present rows and the width. A row's `[column, cell]` pairs are built when
 * asked, not kept: keeping them (one small array per cell) made a 190,000-row sheet's index cost
 * 0.3–0.6 s and 560,000 long-lived objects, each a burden on every later garbage collection.
 */
function indexOf(grid: Grid): GridIndex {
  let ix = indexes.get(grid.cells);
  if (ix) return ix;
  const rows: number[] = [];
  let width = 0;
  forEachPresent(grid.cells, (ri, r) => {
    if (!Array.isArray(r)) return;
    const w = rowWidth(r);
    if (w === 0) return;
    rows.push(grid.top + ri);
    if (w > width) width = w;
  });
  ix = { rows, width };
  indexes.set(grid.cells, ix);
  return ix;
}

/**
 * Sheet row numbers that hold at least one cell, ascending. Scans go through this and
 * `rowEntries` so that their cost follows the non-empty cells, never the used range's box.
 * The array is shared: do not change it.
 */
export function rowNumbers(grid: Grid): number[] {
  return indexOf(grid).rows;
}

/** The cells present in one sheet row, as `[column, cell]` in ascending column order (a fresh array). */
export function rowEntries(grid: Grid, row: number): [number, Cell][] {
  const out: [number, Cell][] = [];
  const r = grid.cells[row - grid.top];
  if (!Array.isArray(r)) return out;
  forEachPresent(r, (ci, c) => {
    if (c) out.push([grid.left + ci, c]);
  });
  return out;
}

/** Number of present cells (for size limits and benchmarks). */
export function presentCellCount(grid: Grid): number {
  let n = 0;
  for (const row of indexOf(grid).rows) {
    forEachPresent(grid.cells[row - grid.top], (_, c) => {
      if (c !== null) n++;
    });
  }
  return n;
}

/**
 * Index into `rowNumbers(grid)` of the first present row at or below `row` (its length when none):
 * by binary search, so a scan starting below a far row or at the next table costs the rows it
 * visits, not the rows above it.
 */
export function rowIndexFrom(grid: Grid, row: number): number {
  const rows = indexOf(grid).rows;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
