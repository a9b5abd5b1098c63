/**
 * Every table on a sheet, whatever its layout: lists (the reference table), flat lists of indicator
 * rows, and forms, top to bottom; plus the tables recognised as not being project target tables.
 */
import { type Grid, rowIndexFrom, rowNumbers } from '../grid';
import { buildModel, type TableModel } from '../model';
import type { RejectedTable } from '../report';
import { readTable } from './classify';
import { locateHeader } from './locate';
import { type FormBlock, FormScanner, blockRange, fieldAreaWords, titleOf } from './readers/form';
import { formModel } from './readers/form-model';
import { listRowsHeaderFrom, readListRows } from './readers/list-rows';
import { gridHeaderFrom } from './readers/indicator-grid';
import { rowTexts } from './readers/row-texts';
import { rejectionOf } from './reject';
import { bandGrid, bandRanges, regionRows, repeatedNameColumns, rowsGrid } from './bands';
import { address } from '../grid';

export interface SheetTables {
  /**
   * The tables top to bottom, each built when the iteration reaches it: a caller that turns each into
   * its report and drops it keeps one form's model alive at a time, not 10,000 (they would all
   * survive into the old generation and make every garbage collection of the check slower).
   */
  models: Iterable<TableModel>;
  rejected: RejectedTable[];
}

/** A list's title: a title line among the three non-empty rows above its header (not above `from`). */
function titleAbove(grid: Grid, top: number, from: number): string | null {
  const rows = rowNumbers(grid);
  for (let i = rowIndexFrom(grid, top) - 1, n = 0; i >= 0 && n < 3 && rows[i] >= from; i--, n++) {
    const t = titleOf(grid, rows[i]);
    if (t) return t;
  }
  return null;
}

function listTables(grid: Grid): TableModel[] {
  const out: TableModel[] = [];
  let from = grid.top;
  let aboveFrom = grid.top;
  for (;;) {
    const header = locateHeader(grid, from, aboveFrom);
    if (!header) break;
    const table = readTable(grid, header);
    const model = buildModel(grid, table);
    model.layout = 'list';
    model.title = titleAbove(grid, header.top, aboveFrom);
    out.push(model);
    from = Math.max(table.bottom, header.bottom) + 1;
    aboveFrom = from;
  }
  return out;
}

export function findTables(grid: Grid): SheetTables {
  return findIn(grid, false);
}

function findIn(grid: Grid, banded: boolean): SheetTables {
  const models = listTables(grid);
  const rejected: RejectedTable[] = [];
  const spans: [number, number][] = models.map((m) => [
    m.table.header.top,
    Math.max(m.table.bottom, m.table.header.bottom),
  ]);
  const taken = (r: number) => {
    for (const [a, b] of spans) if (r >= a && r <= b) return true;
    return false;
  };
  const rows = rowNumbers(grid);
  const forms = new FormScanner(grid);
  // One pass: each row's texts are computed once and asked every question (flat-list header? grid
  // header? title? name label? signature?).
  let skipTo = 0;
  // Side-by-side copies of a form: the rows repeating the project-name label, and the columns where
  // each copy's label stands.
  const repeated: { row: number; cols: number[] }[] = [];
  // First rows of the lists and flat lists: the rows of side-by-side forms above one end there at
  // the latest.
  const listTops = models.map((m) => m.table.header.top);
  for (const r of rows) {
    if (r <= skipTo) continue;
    if (taken(r)) {
      forms.close();
      continue;
    }
    const texts = rowTexts(grid, r);
    // A row of blank cells (a space typed far below) reads like an absent row: it must not stretch
    // a form's range down to it.
    if (texts.cols.length === 0) continue;
    const names = banded ? null : repeatedNameColumns(texts);
    if (names) repeated.push({ row: r, cols: names });
    const header = gridHeaderFrom(grid, r, texts);
    const list = header ? listRowsHeaderFrom(texts, header) : null;
    if (!list) {
      forms.feed(r, texts, header);
      continue;
    }
    forms.close();
    listTops.push(r);
    const model = readListRows(grid, list, r, rows);
    const t = model.table;
    skipTo = Math.max(t.bottom, list.grid.bottom);
    const range = `${address(r, t.left)}:${address(skipTo, t.right)}`;
    const rejection = rejectionOf(model.title ?? null, [], list.grid.result && list.grid.score);
    if (rejection) rejected.push({ sheet: grid.sheet, range, kind: rejection.kind, reason: rejection.reason });
    else models.push(model);
  }
  forms.close();

  const blocks: (FormBlock | BandRegion | null)[] = [];
  let k = 0;
  let l = 0;
  if (repeated.length) listTops.sort((a, b) => a - b);
  for (let i = 0; i < forms.blocks.length; i++) {
    const block = forms.blocks[i];
    // Read row by row, side-by-side copies merge into one block: its rows are the region read band
    // by band, with the columns of its own repeated name row. The rest of the sheet (a full-width
    // form or a list above or below) stays unsplit.
    while (k < repeated.length && repeated[k].row < block.top) k++;
    if (k < repeated.length && repeated[k].row <= block.bottom) {
      while (l < listTops.length && listTops[l] <= block.bottom) l++;
      const next = Math.min(forms.blocks[i + 1]?.top ?? Infinity, listTops[l] ?? Infinity);
      const [top, bottom] = regionRows(grid, block, next - 1);
      const region = bandTables(grid, top, bottom, repeated[k].cols);
      for (const x of region.rejected) rejected.push(x);
      blocks.push({ top, models: region.models });
      continue;
    }
    const rejection = rejectionOf(
      block.title,
      fieldAreaWords(block),
      block.grids.some((g) => g.header.result && g.header.score),
    );
    if (rejection) {
      rejected.push({ sheet: grid.sheet, range: blockRange(block), kind: rejection.kind, reason: rejection.reason });
      continue;
    }
    blocks.push(block);
  }
  forms.blocks.length = 0;
  models.sort((a, b) => a.table.header.top - b.table.header.top);
  return { models: inOrder(grid, models, blocks), rejected };
}

/** The rows of side-by-side forms, read band by band: their tables top to bottom, then left to right. */
interface BandRegion {
  top: number;
  models: TableModel[];
}

/** List models (built) and form blocks (built here, one at a time) merged top to bottom. */
function* inOrder(grid: Grid, models: TableModel[], blocks: (FormBlock | BandRegion | null)[]): Generator<TableModel> {
  let m = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    while (m < models.length && models[m].table.header.top < block.top) yield models[m++];
    // Let the block go once its model is built: the model is all that is read from here on.
    blocks[b] = null;
    if ('models' in block) for (const x of block.models) yield x;
    else yield formModel(grid, block);
  }
  while (m < models.length) yield models[m++];
}

/**
 * Rows `top`…`bottom` of side-by-side forms, each band (from the name columns `starts`, ascending)
 * read as a sheet of its own; tables top to bottom, then left to right.
 */
function bandTables(
  grid: Grid,
  top: number,
  bottom: number,
  starts: number[],
): { models: TableModel[]; rejected: RejectedTable[] } {
  const models: TableModel[] = [];
  const rejected: RejectedTable[] = [];
  const region = rowsGrid(grid, top, bottom);
  for (const [from, to] of bandRanges(region, starts)) {
    const found = findIn(bandGrid(region, from, to), true);
    for (const m of found.models) models.push(m);
    for (const x of found.rejected) rejected.push(x);
  }
  models.sort((a, b) => a.table.header.top - b.table.header.top || a.table.left - b.table.left);
  return { models, rejected };
}
