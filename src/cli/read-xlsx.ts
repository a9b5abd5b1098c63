/**
 * The CLI's side of reading: bytes → grids through the shared reader (src/xlsx). The annotated copy
 * (`--out`) patches the original bytes (annotate.ts) and needs no workbook model.
 */
import { rowEntries, rowNumbers, type Grid } from '../core/grid';
import { readWorkbook } from '../xlsx';

export { XlsxReadError } from '../xlsx';
export { formatDate } from '../xlsx/dates';

/** One grid per worksheet, in workbook order (hidden sheets included, as Excel's object model has them). */
export function readGrids(data: Uint8Array): Grid[] {
  return readWorkbook(data).map((s) => s.grid);
}

export async function readXlsx(data: Uint8Array): Promise<{ grids: Grid[] }> {
  return { grids: readGrids(data) };
}

/** Whether a grid holds at least one non-blank value (holes of a sparse grid are skipped). */
export function gridHasData(grid: Grid): boolean {
  for (const row of rowNumbers(grid)) {
    for (const [, c] of rowEntries(grid, row)) {
      if (c.value !== null && !(typeof c.value === 'string' && c.value.trim() === '')) return true;
    }
  }
  return false;
}
