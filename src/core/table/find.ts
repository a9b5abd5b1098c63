/**
 * Every table on a sheet, whatever its layout: lists (the reference table), flat lists of indicator
 * rows, and forms, top to bottom; plus the tables recognised as not being project target tables.
 */
import { type Grid, rowNumbers } from '../grid';
import { buildModel, type TableModel } from '../model';
import type { RejectedTable } from '../report';
import { readTable } from './classify';
import { locateHeader } from './locate';
import { blockRange, fieldAreaWords, findFormBlocks } from './readers/form';
import { formModel } from './readers/form-model';
import { listRowsHeaderAt, readListRows } from './readers/list-rows';
import { rejectionOf } from './reject';
import { address } from '../grid';

export interface SheetTables {
  models: TableModel[];
  rejected: RejectedTable[];
}

function listTables(grid: Grid): TableModel[] {
  const out: TableModel[] = [];
  let from = grid.top;
  let aboveFrom = grid.top;
  for (;;) {
    const header = locateHeader(grid, from, aboveFrom);
    if (!header) break;
    const table = readTable(grid, header);
    out.push(buildModel(grid, table));
    from = Math.max(table.bottom, header.bottom) + 1;
    aboveFrom = from;
  }
  return out;
}

export function findTables(grid: Grid): SheetTables {
  const models = listTables(grid);
  const rejected: RejectedTable[] = [];
  const spans: [number, number][] = models.map((m) => [m.table.header.top, Math.max(m.table.bottom, m.table.header.bottom)]);
  const taken = (r: number) => {
    for (const [a, b] of spans) if (r >= a && r <= b) return true;
    return false;
  };
  const rows = rowNumbers(grid);

  for (const r of rows) {
    if (taken(r)) continue;
    const h = listRowsHeaderAt(grid, r);
    if (!h) continue;
    const model = readListRows(grid, h, r, rows);
    spans.push([r, Math.max(model.table.bottom, h.grid.bottom)]);
    const t = model.table;
    const range = `${address(r, t.left)}:${address(Math.max(t.bottom, h.grid.bottom), t.right)}`;
    const rejection = rejectionOf(model.title ?? null, [], h.grid.result && h.grid.score);
    if (rejection) rejected.push({ sheet: grid.sheet, range, kind: rejection.kind, reason: rejection.reason });
    else models.push(model);
  }

  for (const block of findFormBlocks(grid, rows, taken)) {
    const rejection = rejectionOf(block.title, fieldAreaWords(grid, block), block.grids.some((g) => g.header.result && g.header.score));
    if (rejection) {
      rejected.push({ sheet: grid.sheet, range: blockRange(block), kind: rejection.kind, reason: rejection.reason });
      continue;
    }
    models.push(formModel(grid, block));
  }
  models.sort((a, b) => a.table.header.top - b.table.header.top);
  return { models, rejected };
}
