/**
 * Test oracle: the ExcelJS-based reader the CLI used before src/xlsx, kept verbatim (values,
 * indent, number formats, merged areas) so a test can compare the new reader's grids with it.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Grid } from '../../src/core/grid';
import { formatDate } from '../../src/xlsx/dates';

export async function excelJsGrids(data: Uint8Array): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => worksheetGrid(ws));
}

export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: (Cell | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let out: (Cell | null)[] | undefined;
    row.eachCell({ includeEmpty: false }, (xc, colNumber) => {
      // A merged area's other cells report the master's value in ExcelJS; in Excel they are blank.
      if (xc.type === ExcelJS.ValueType.Merge) return;
      const cell = toCell(xc);
      if (!cell) return;
      if (!out) {
        out = [];
        while (cells.length < rowNumber - 1) cells.push([]);
        cells[rowNumber - 1] = out;
      }
      while (out.length < colNumber - 1) out.push(null);
      out[colNumber - 1] = cell;
    });
  });
  for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
  return { sheet: ws.name, top: 1, left: 1, cells };
}

type XValue = ExcelJS.CellValue;

function toCell(xc: ExcelJS.Cell): Cell | null {
  const style = xc.style;
  const fmt = style?.numFmt;
  const raw = xc.value as XValue;
  const { value, text } = convert(raw, fmt);
  const indent = style?.alignment?.indent;
  if (value === null && !indent) return null;
  const cell: Cell = { value };
  if (text !== undefined && text !== value) cell.text = text;
  if (indent) cell.indent = indent;
  if (fmt && fmt !== 'General' && typeof value === 'number') cell.numberFormat = fmt;
  return cell;
}

function convert(v: XValue, fmt: string | undefined): { value: CellValue; text?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) {
    const t = formatDate(v, fmt);
    return { value: t };
  }
  if ('error' in v) return { value: { error: String(v.error) } };
  if ('richText' in v) return { value: v.richText.map((r) => r.text).join('') };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    // A formula with no cached result (files written by scripts or some exporters): an error the
    // A1 rule reports as unreadable, rather than a blank that would read as 0 and break the sums.
    return result === undefined ? { value: { error: '#未计算' } } : convert(result, fmt);
  }
  if ('hyperlink' in v) {
    // ExcelJS keeps a hyperlink's text either plain or as rich text.
    const t = (v as { text?: unknown }).text;
    if (typeof t === 'string') return { value: t };
    if (t && typeof t === 'object' && 'richText' in t) return convert(t as ExcelJS.CellRichTextValue, fmt);
    return { value: null };
  }
  return { value: null };
}
