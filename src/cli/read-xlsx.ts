/**
 * .xlsx → one Grid per sheet, through ExcelJS. Values as Excel holds them (formula cells give their
 * cached result, merged areas hold the value in the master cell only), indent and number format
 * from the cell's style.
 */
import ExcelJS from 'exceljs';
import { gridFromEntries, rowEntries, rowNumbers, type Cell, type CellValue, type Grid } from '../core/grid';

/** Why a buffer could not be opened as a workbook. */
export class WorkbookReadError extends Error {
  constructor(
    readonly reason: 'not-zip' | 'ole' | 'corrupt',
    detail: string,
  ) {
    super(detail);
    this.name = 'WorkbookReadError';
  }
}

/** An OLE compound file: an old .xls, or an .xlsx with an open password (Excel encrypts into OLE). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  if (data.length >= 8 && OLE_SIGNATURE.every((b, i) => data[i] === b)) {
    throw new WorkbookReadError('ole', 'OLE compound file');
  }
  // Every .xlsx is a zip: anything else is refused before ExcelJS gives a cryptic error.
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    throw new WorkbookReadError('not-zip', 'not a zip archive');
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError('corrupt', e instanceof Error ? e.message : String(e));
  }
  return wb;
}

export async function readXlsx(data: Buffer): Promise<{ workbook: ExcelJS.Workbook; grids: Grid[] }> {
  const workbook = await loadWorkbook(data);
  return { workbook, grids: workbookGrids(workbook) };
}

export function workbookGrids(wb: ExcelJS.Workbook): Grid[] {
  return wb.worksheets.map((ws) => worksheetGrid(ws));
}

/** Whether a grid holds at least one non-blank value. */
export function gridHasData(grid: Grid): boolean {
  for (const row of rowNumbers(grid)) {
    for (const [, c] of rowEntries(grid, row)) {
      if (c.value !== null && !(typeof c.value === 'string' && c.value.trim() === '')) return true;
    }
  }
  return false;
}

/** A sparse grid (absent rows and cells are holes), so a stray far cell costs one entry. */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const entries: [number, number, Cell][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (xc, colNumber) => {
      // A merged area's other cells report the master's value in ExcelJS; in Excel they are blank.
      if (xc.type === ExcelJS.ValueType.Merge) return;
      const cell = toCell(xc);
      if (cell) entries.push([rowNumber, colNumber, cell]);
    });
  });
  return gridFromEntries(ws.name, entries);
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

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as Excel would show it under the cell's format: the common date/time codes, quoted and
 * escaped literals; without a date format, the Chinese default short date `2026/1/5`. ExcelJS gives
 * dates at UTC, so the UTC fields are the cell's fields.
 */
export function formatDate(d: Date, fmt: string | undefined): string {
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  // Built-in formats 14 and 22 follow the system's short date; ExcelJS names them in US order.
  const code = fmt === 'mm-dd-yy' || fmt === 'm/d/yy h:mm' ? '' : (fmt ?? '').split(';')[0];
  if (!/[yd]/i.test(code.replace(/"[^"]*"|\\./g, '')) && !/[hs]/i.test(code.replace(/"[^"]*"|\\./g, ''))) {
    const date = `${y}/${mo}/${day}`;
    return h || mi || s ? `${date} ${h}:${pad2(mi)}` : date;
  }
  const ampm = /AM\/PM|A\/P|上午\/下午/i.test(code);
  let out = '';
  let lastWasHour = false;
  const re = /"([^"]*)"|\\(.)|\[[^\]]*\]|(AM\/PM|A\/P)|(y+|m+|d+|h+|s+|a{3,4})|(.)/gi;
  const tokens: RegExpExecArray[] = [];
  for (let m = re.exec(code); m; m = re.exec(code)) tokens.push(m);
  tokens.forEach((m, idx) => {
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) out += m[2];
    else if (m[3] !== undefined) out += h < 12 ? (m[3].length > 3 ? 'AM' : 'A') : m[3].length > 3 ? 'PM' : 'P';
    else if (m[4] !== undefined) {
      const t = m[4].toLowerCase();
      const c = t[0];
      if (c === 'y') out += t.length <= 2 ? pad2(y % 100) : String(y);
      else if (c === 'd') out += t.length === 1 ? String(day) : t.length === 2 ? pad2(day) : String(day);
      else if (c === 'h') {
        const hh = ampm ? h % 12 || 12 : h;
        out += t.length === 1 ? String(hh) : pad2(hh);
      } else if (c === 's') out += t.length === 1 ? String(s) : pad2(s);
      else if (c === 'a') out += t.length === 4 ? `星期${WEEKDAYS[d.getUTCDay()]}` : WEEKDAYS[d.getUTCDay()];
      else {
        // `m` is minutes right after an hour or right before seconds, else the month.
        const next = tokens.slice(idx + 1).find((n) => n[4] !== undefined);
        const minutes = lastWasHour || (next !== undefined && next[4].toLowerCase().startsWith('s'));
        if (minutes) out += t.length === 1 ? String(mi) : pad2(mi);
        else if (t.length >= 3) out += MONTHS[mo - 1];
        else out += t.length === 1 ? String(mo) : pad2(mo);
      }
      lastWasHour = c === 'h';
      return;
    } else if (m[5] !== undefined) out += m[5];
  });
  return out;
}
