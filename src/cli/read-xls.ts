/**
 * Legacy BIFF .xls (budget systems still export it) → grids, through SheetJS's maintained
 * community build (@e965/xlsx), loaded only when an .xls is opened. Same grid rules as the .xlsx
 * reader: cached formula results, dates as their text, merged areas blank but for the master.
 * Its limits: no indent level (BIFF keeps it in XF records SheetJS does not expose), so indented
 * project names are recognised by their leading spaces or not at all; no uncomputed formulas (BIFF
 * always caches a result).
 */
import type { Cell, CellValue, Grid } from '../core/grid';
import { formatDate, serialToDate } from '../xlsx/dates';
import { XlsxReadError } from '../xlsx/errors';
import { isDateFormat } from '../xlsx/number-formats';

interface XlsCell {
  t: 'n' | 's' | 'b' | 'e' | 'd' | 'z';
  v?: unknown;
  w?: string;
  z?: string | number;
}

export async function readXlsGrids(data: Uint8Array): Promise<Grid[]> {
  const XLSX = await import('@e965/xlsx');
  let wb: ReturnType<typeof XLSX.read>;
  try {
    wb = XLSX.read(data, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
    });
  } catch (e) {
    throw new XlsxReadError('corrupt', e instanceof Error ? e.message : String(e));
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const grids: Grid[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as unknown as {
      '!data'?: (XlsCell | undefined)[][];
      '!merges'?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
    };
    const rows = ws['!data'] ?? [];
    const hidden = new Set<string>();
    for (const m of ws['!merges'] ?? []) {
      // Only cells that exist can be hidden: walk the rows present, not the merge's box.
      for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) {
        const line = rows[r];
        if (!line) continue;
        for (let c = m.s.c; c <= m.e.c && c < line.length; c++)
          if ((r !== m.s.r || c !== m.s.c) && line[c]) hidden.add(`${r},${c}`);
      }
    }
    const cells: Grid['cells'] = [];
    rows.forEach((line, r) => {
      let out: (Cell | null)[] | undefined;
      line?.forEach((xc, c) => {
        if (!xc || hidden.has(`${r},${c}`)) return;
        const cell = toCell(xc, date1904);
        if (!cell) return;
        if (!out) {
          out = [];
          while (cells.length < r) cells.push([]);
          cells[r] = out;
        }
        while (out.length < c) out.push(null);
        out[c] = cell;
      });
    });
    grids.push({ sheet: name, top: 1, left: 1, cells });
  }
  return grids;
}

function toCell(xc: XlsCell, date1904: boolean): Cell | null {
  const fmt = typeof xc.z === 'string' ? xc.z : undefined;
  let value: CellValue = null;
  switch (xc.t) {
    case 'n':
      if (typeof xc.v !== 'number' || !Number.isFinite(xc.v)) return null;
      value = isDateFormat(fmt) ? formatDate(serialToDate(xc.v, date1904), fmt) : xc.v;
      break;
    case 's':
      value = typeof xc.v === 'string' ? xc.v : String(xc.v ?? '');
      break;
    case 'b':
      value = xc.v === true;
      break;
    case 'e':
      value = { error: xc.w ?? '#N/A' };
      break;
    case 'd':
      value = xc.v instanceof Date ? formatDate(xc.v, fmt) : String(xc.v ?? '');
      break;
    default:
      return null;
  }
  if (value === '') return null;
  const cell: Cell = { value };
  if (fmt && fmt !== 'General' && typeof value === 'number') cell.numberFormat = fmt;
  return cell;
}
