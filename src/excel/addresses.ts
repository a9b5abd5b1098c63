/**
 * A1 address helpers for the Excel gateway: sheet-qualified addresses, used-range parsing, and a
 * compact form of cell lists (vertical runs such as `G6:G40`), which keeps the persisted mark record
 * small and lets one range call cover a run of flagged cells in a column.
 */
import { columnName, columnNumber } from '../core/grid';

/**
 * `Sheet1` stays bare; anything else is quoted the way Excel writes it (`'预算 表'!A1`, `'O''Neil'!A1`),
 * including names that read as a cell reference (`'AB12'!A1`, `'R1C1'!A1`, `'C'!A1`).
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*)?(C\d*)?$/i.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `Sheet1!B2:H40`, `'预算 表'!A1` or `B2:H40` → rectangle; the sheet part is everything up to the last `!`. */
export function parseRangeAddress(address: string): Rect | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(local);
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function rectAddress(r: Rect): string {
  const a = `${columnName(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnName(r.right)}${r.bottom}`;
}

/** Normalises `$G$6` / `g6` to `G6`; null when not a single cell. */
export function normaliseCell(a1: string): string | null {
  const r = parseRangeAddress(a1);
  return r && r.top === r.bottom && r.left === r.right ? rectAddress(r) : null;
}

/**
 * Cells → comma-separated vertical runs (`G6:G9,H6`). Flagged cells of a budget table sit in a few
 * columns, so 10,000 cells usually compress to a few hundred runs.
 */
export function compressCells(cells: Iterable<string>): string {
  const byCol = new Map<number, Set<number>>();
  for (const c of cells) {
    const r = parseRangeAddress(c);
    if (!r) continue;
    for (let col = r.left; col <= r.right; col++) {
      let rows = byCol.get(col);
      if (!rows) byCol.set(col, (rows = new Set()));
      for (let row = r.top; row <= r.bottom; row++) rows.add(row);
    }
  }
  const out: string[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...(byCol.get(col) ?? [])].sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const row = rows[i];
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      out.push(rectAddress({ top: start, bottom: prev, left: col, right: col }));
      start = row;
      prev = row;
    }
  }
  return out.join(',');
}

/** The rectangles of a compressed list. */
export function rectsOf(list: string): Rect[] {
  if (!list) return [];
  const out: Rect[] = [];
  for (const part of list.split(',')) {
    const r = parseRangeAddress(part);
    if (r) out.push(r);
  }
  return out;
}

/** Every single cell of a compressed list. */
export function expandCells(list: string): string[] {
  const out: string[] = [];
  for (const r of rectsOf(list)) {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) out.push(`${columnName(col)}${row}`);
    }
  }
  return out;
}
