/**
 * .xlsx bytes → preview sheets, in the browser. ExcelJS resolves to its browser build
 * (`exceljs/dist/exceljs.min.js`, through the package's `browser` field), which webpack 5 bundles
 * without Node polyfills. Values go through the CLI's `worksheetGrid`, so the preview hands the core
 * exactly what `budget-check` would; fills, notes, fonts, widths and merges are read here for drawing.
 */
import ExcelJS from 'exceljs';
import { worksheetGrid } from '../cli/read-xlsx';
import { newSheet, addr, type PreviewCell, type PreviewSheet } from './preview-workbook';

export class XlsxLoadError extends Error {
  constructor(
    readonly reason: 'not-xlsx' | 'xls' | 'corrupt' | 'empty',
    detail: string,
  ) {
    super(detail);
    this.name = 'XlsxLoadError';
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function argbToCss(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9a-f]{6,8}$/i.test(argb)) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

function noteText(note: string | ExcelJS.Comment | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const t = (note.texts ?? []).map((r) => r.text).join('');
  return t === '' ? undefined : t;
}

/** ExcelJS column widths are in characters of the default font; Excel draws ~7px per character. */
function widthPx(chars: number): number {
  return Math.max(24, Math.round(chars * 7 + 5));
}

export async function loadXlsx(data: ArrayBuffer | Uint8Array): Promise<PreviewSheet[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length >= 8 && OLE.every((b, i) => bytes[i] === b)) throw new XlsxLoadError('xls', 'OLE compound file');
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XlsxLoadError('not-xlsx', 'not a zip archive');
  const wb = new ExcelJS.Workbook();
  try {
    // The browser build reads an ArrayBuffer; its typings only mention its own Buffer type.
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxLoadError('corrupt', e instanceof Error ? e.message : String(e));
  }
  const sheets = wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map(toSheet);
  if (sheets.length === 0) throw new XlsxLoadError('empty', 'no worksheets');
  return sheets;
}

function toSheet(ws: ExcelJS.Worksheet): PreviewSheet {
  const sheet = newSheet(ws.name);
  const grid = worksheetGrid(ws);
  grid.cells.forEach((row, ri) => {
    row.forEach((c, ci) => {
      if (!c) return;
      const pc: PreviewCell = { value: c.value };
      if (c.text !== undefined) pc.text = c.text;
      if (c.indent) pc.indent = c.indent;
      if (c.numberFormat) pc.numberFormat = c.numberFormat;
      sheet.cells.set(addr(grid.top + ri, grid.left + ci), pc);
    });
  });
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (xc, col) => {
      if (xc.type === ExcelJS.ValueType.Merge) return;
      const a = addr(r, col);
      const fill = xc.fill && xc.fill.type === 'pattern' && xc.fill.pattern === 'solid' ? argbToCss(xc.fill.fgColor?.argb) : undefined;
      const note = noteText(xc.note);
      const bold = xc.font?.bold === true;
      const color = argbToCss(xc.font?.color?.argb);
      const h = xc.alignment?.horizontal;
      const align = h === 'center' || h === 'centerContinuous' ? 'center' : h === 'right' ? 'right' : h === 'left' ? 'left' : undefined;
      if (fill === undefined && note === undefined && !bold && !color && !align && !sheet.cells.has(a)) return;
      const pc = sheet.cells.get(a) ?? { value: null };
      if (fill !== undefined) pc.fill = fill;
      if (note !== undefined) pc.note = note;
      if (bold) pc.bold = true;
      if (color && color !== '#000000') pc.color = color;
      if (align) pc.align = align;
      sheet.cells.set(a, pc);
    });
  });
  const cols = Math.max(ws.columnCount, ws.actualColumnCount);
  for (let i = 1; i <= cols; i++) {
    const w = ws.getColumn(i).width;
    if (typeof w === 'number' && w > 0) sheet.colWidths.set(i, widthPx(w));
  }
  sheet.merges = [...(ws.model.merges ?? [])];
  return sheet;
}
