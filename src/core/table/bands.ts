/**
 * Forms of several projects standing side by side on the same rows (a sheet laid out as two or more
 * columns of copies of one form). Read row by row they would merge into one block, one project's
 * grid taken for another's long-term set; instead each column band is read as a sheet of its own
 * (same sheet name and cell addresses). A row writing the same project-name label twice or more
 * marks where the bands start; each band ends at the last empty column before the next one. Only the
 * rows of those forms are split: a full-width form or a list elsewhere on the sheet is read whole.
 */
import { type Grid, rowEntries, rowIndexFrom, rowNumbers } from '../grid';
import { fieldOf, labelKey } from './layouts/labels';
import { FORM_GAP, type FormBlock } from './readers/form';
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

/**
 * The rows `[top, bottom]` of side-by-side forms, from the one block they make when read row by row
 * (its title to the end of its grids). Read that way, a copy's field rows above its name label count
 * as the block's fields without moving its top, and once one copy's grid is over (its amounts written
 * below it) a longer copy's last indicator rows count as fields without moving its bottom: the rows
 * go up to the block's first field row and on down while rows follow within FORM_GAP, short of
 * `limit` (the row above the next table).
 */
export function regionRows(grid: Grid, block: FormBlock, limit: number): [number, number] {
  let top = block.top;
  for (const r of block.fieldRows) if (r < top) top = r;
  let bottom = block.bottom;
  const rows = rowNumbers(grid);
  for (let i = rowIndexFrom(grid, bottom + 1); i < rows.length; i++) {
    if (rows[i] > limit || rows[i] - bottom > FORM_GAP + 1) break;
    bottom = rows[i];
  }
  return [top, bottom];
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
