/**
 * Forms of several projects standing side by side on the same rows (a sheet laid out as two or more
 * columns of copies of one form). Read row by row they would merge into one block, one project's
 * grid taken for another's long-term set; instead each column band is read as a sheet of its own
 * (same sheet name and cell addresses). A row writing the same project-name label twice or more
 * marks where the bands start; each band ends at the last empty column before the next one. Only the
 * rows of those forms are split: a full-width form or a list elsewhere on the sheet is read whole.
 */
import { type Grid, rowEntries, rowNumbers } from '../grid';
import { fieldOf, labelKey } from './layouts/labels';
import type { RowTexts } from './readers/row-texts';

/** Columns of a row's project-name labels when one wording repeats (side-by-side copies), else null. */
export function repeatedNameColumns(row: RowTexts): number[] | null {
  let first: string | null = null;
  let cols: number[] | null = null;
  for (let i = 0; i < row.texts.length; i++) {
    const k = labelKey(row.texts[i]);
    const f = fieldOf(k);
    if (!f || f.field !== 'name') continue;
    if (first === null) {
      first = k;
      cols = [row.cols[i]];
    } else if (k === first && cols) cols.push(row.cols[i]);
  }
  return cols && cols.length > 1 ? cols : null;
}

/** The column ranges [from, to] of the bands starting at `starts` (ascending, two or more). */
export function bandRanges(grid: Grid, starts: readonly number[]): [number, number][] {
  const used = new Set<number>();
  let right = grid.left;
  for (const r of rowNumbers(grid))
    for (const [c, cell] of rowEntries(grid, r)) {
      if (cell.value === null || cell.value === '') continue;
      used.add(c);
      if (c > right) right = c;
    }
  const out: [number, number][] = [];
  let from = grid.left;
  for (let i = 1; i < starts.length; i++) {
    // The band before the next start ends at the last empty column ahead of that start (a form may
    // have a vertical label left of its name column); no empty column: right before the start.
    let end = starts[i] - 1;
    for (let c = starts[i] - 1; c > starts[i - 1]; c--)
      if (!used.has(c)) {
        end = c;
        break;
      }
    out.push([from, end]);
    from = end + 1;
  }
  out.push([from, Math.max(right, from)]);
  return out;
}

/** The grid's columns `from`…`to` as a grid of their own, at the same addresses. */
export function bandGrid(grid: Grid, from: number, to: number): Grid {
  const a = Math.max(0, from - grid.left);
  const b = to - grid.left + 1;
  // `map` keeps the holes of a sparse grid as holes.
  return { sheet: grid.sheet, top: grid.top, left: grid.left + a, cells: grid.cells.map((r) => r?.slice(a, b)) };
}

/** The grid's rows `top`…`bottom` as a grid of their own, at the same addresses. */
export function rowsGrid(grid: Grid, top: number, bottom: number): Grid {
  const a = Math.max(0, top - grid.top);
  // `slice` keeps the holes of a sparse grid as holes.
  return { sheet: grid.sheet, top: grid.top + a, left: grid.left, cells: grid.cells.slice(a, bottom - grid.top + 1) };
}
