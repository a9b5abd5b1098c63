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

/** One sheet's used range. `cells[0][0]` is the cell at (`top`, `left`), both 1-based. */
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

export function lastRow(grid: Grid): number {
  return grid.top + grid.cells.length - 1;
}

const widths = new WeakMap<Grid['cells'], number>();

/** Rightmost used column; computed once per grid (the locator asks for every row). */
export function lastColumn(grid: Grid): number {
  let w = widths.get(grid.cells);
  if (w === undefined) {
    w = 0;
    for (const r of grid.cells) if (r && r.length > w) w = r.length;
    widths.set(grid.cells, w);
  }
  return grid.left + w - 1;
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
 * Sheet row numbers that hold at least one cell, ascending. Scans go through this and
 * `rowEntries` so that their cost follows the non-empty cells, never the used range's box.
 */
export function rowNumbers(grid: Grid): number[] {
  const rows: number[] = [];
  grid.cells.forEach((r, i) => {
    if (r && r.some((c) => c !== null && c !== undefined)) rows.push(grid.top + i);
  });
  return rows;
}

/** The cells present in one sheet row, as `[column, cell]` in ascending column order. */
export function rowEntries(grid: Grid, row: number): [number, Cell][] {
  const r = grid.cells[row - grid.top];
  const out: [number, Cell][] = [];
  if (!r) return out;
  r.forEach((c, i) => {
    if (c) out.push([grid.left + i, c]);
  });
  return out;
}
