/**
 * The CLI's side of reading: bytes → grids through the shared reader (src/xlsx), and — only for
 * `--out`, which writes a copy — the ExcelJS workbook, loaded on demand so that a plain check never
 * pays for its ~650 modules.
 */
import type ExcelJS from 'exceljs';
import type { Grid } from '../core/grid';
import { readWorkbook, type XlsxFailure } from '../xlsx';

export { XlsxReadError } from '../xlsx';
export { formatDate } from '../xlsx/dates';

/** Why a buffer could not be opened as a workbook (ExcelJS, for `--out`). */
export class WorkbookReadError extends Error {
  constructor(
    readonly reason: XlsxFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'WorkbookReadError';
  }
}

/** One grid per worksheet, in workbook order (hidden sheets included, as Excel's object model has them). */
export function readGrids(data: Uint8Array): Grid[] {
  return readWorkbook(data).map((s) => s.grid);
}

export async function readXlsx(data: Uint8Array): Promise<{ grids: Grid[] }> {
  return { grids: readGrids(data) };
}

/** The ExcelJS model of a workbook, for writing the annotated copy. */
export async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const { default: ExcelJSModule } = await import('exceljs');
  const wb = new ExcelJSModule.Workbook();
  try {
    // ExcelJS declares its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError('corrupt', e instanceof Error ? e.message : String(e));
  }
  return wb;
}

/** Whether a grid holds at least one non-blank value (holes of a sparse grid are skipped). */
export function gridHasData(grid: Grid): boolean {
  let found = false;
  grid.cells.some((row) =>
    row?.some((c) => {
      if (c && c.value !== null && !(typeof c.value === 'string' && c.value.trim() === '')) found = true;
      return found;
    }),
  );
  return found;
}
