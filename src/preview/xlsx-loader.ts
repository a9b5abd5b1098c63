/**
 * .xlsx bytes → preview sheets, in the browser, through the same reader as the CLI (src/xlsx), so
 * the preview hands the core exactly what `budget-check` would. The preview's entry imports this
 * module lazily: the reader is fetched only when a workbook is opened.
 */
import { readWorkbook, XlsxReadError, type SheetRead } from '../xlsx';
import { newSheet, addr, type PreviewCell, type PreviewSheet } from './preview-workbook';

export class XlsxLoadError extends Error {
  constructor(
    readonly reason: 'not-xlsx' | 'xls' | 'corrupt' | 'empty' | 'too-large',
    detail: string,
  ) {
    super(detail);
    this.name = 'XlsxLoadError';
  }
}

/** Column widths are in characters of the default font; Excel draws ~7px per character. */
function widthPx(chars: number): number {
  return Math.max(24, Math.round(chars * 7 + 5));
}

export async function loadXlsx(data: ArrayBuffer | Uint8Array): Promise<PreviewSheet[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let read: SheetRead[];
  try {
    read = readWorkbook(bytes, { presentation: true });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw new XlsxLoadError('corrupt', e instanceof Error ? e.message : String(e));
    const reason =
      e.reason === 'ole'
        ? 'xls'
        : e.reason === 'not-zip'
          ? 'not-xlsx'
          : e.reason === 'too-large'
            ? 'too-large'
            : 'corrupt';
    throw new XlsxLoadError(reason, e.message);
  }
  const sheets = read.filter((s) => s.state !== 'veryHidden').map(toSheet);
  if (sheets.length === 0) throw new XlsxLoadError('empty', 'no worksheets');
  return sheets;
}

function toSheet(s: SheetRead): PreviewSheet {
  const { grid } = s;
  const sheet = newSheet(grid.sheet);
  grid.cells.forEach((row, ri) => {
    row?.forEach((c, ci) => {
      if (!c) return;
      const pc: PreviewCell = { value: c.value };
      if (c.text !== undefined) pc.text = c.text;
      if (c.indent) pc.indent = c.indent;
      if (c.numberFormat) pc.numberFormat = c.numberFormat;
      sheet.cells.set(addr(grid.top + ri, grid.left + ci), pc);
    });
  });
  const p = s.presentation;
  if (!p) return sheet;
  for (const [a, look] of p.looks) {
    const pc = sheet.cells.get(a) ?? { value: null };
    Object.assign(pc, look);
    sheet.cells.set(a, pc);
  }
  for (const [col, w] of p.colWidths) sheet.colWidths.set(col, widthPx(w));
  sheet.merges = p.merges.slice();
  return sheet;
}
