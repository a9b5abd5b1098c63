/**
 * Test helper: an ExcelJS worksheet → the core's Grid, the way a host hands it over (value, display
 * text, indent from alignment.indent, number format from numFmt; the non-master cells of a merged
 * area blank; the used range as the grid's extent). Kept independent of src/cli on purpose.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Grid } from '../../src/core/grid';

export async function readWorkbookGrids(file: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map(worksheetToGrid);
}

function toValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'error' in v) return { error: String(v.error) };
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v)
    return toValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  return null;
}

/** The text Excel shows for a number under the formats the fixtures use. */
function displayNumber(n: number, fmt: string | undefined): string {
  const m = fmt ? /0(?:\.(0+))?/.exec(fmt) : null;
  if (!fmt || !m) return String(n);
  const fixed = n.toFixed(m[1] ? m[1].length : 0);
  if (!fmt.includes(',')) return fixed;
  const [i, f] = fixed.split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return f === undefined ? grouped : `${grouped}.${f}`;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const found: { row: number; col: number; cell: Cell }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (xc, c) => {
      // Excel shows a merged area's value in its master cell only.
      if (xc.isMerged && xc.master.address !== xc.address) return;
      const value = toValue(xc.value);
      const indent = xc.alignment?.indent;
      if (value === null) return;
      const cell: Cell = { value };
      const fmt = xc.numFmt;
      if (typeof value === 'number') cell.text = displayNumber(value, fmt);
      else if (typeof value === 'string') cell.text = value;
      if (indent) cell.indent = indent;
      if (fmt) cell.numberFormat = fmt;
      found.push({ row: r, col: c, cell });
    });
  });
  if (found.length === 0) return { sheet: ws.name, top: 1, left: 1, cells: [] };
  const top = Math.min(...found.map((f) => f.row));
  const left = Math.min(...found.map((f) => f.col));
  const bottom = Math.max(...found.map((f) => f.row));
  const cells: (Cell | null)[][] = [];
  for (let r = top; r <= bottom; r++) cells.push([]);
  for (const f of found) {
    const line = cells[f.row - top];
    while (line.length < f.col - left) line.push(null);
    line[f.col - left] = f.cell;
  }
  return { sheet: ws.name, top, left, cells };
}
