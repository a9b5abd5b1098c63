/**
 * `--out`: the marks the add-in makes in Excel, applied to an ExcelJS workbook in memory — a fill by
 * severity and one note per flagged cell (core marksPlan), and the 指标明细 sheet (core
 * indicatorSheet) as an Excel table with links back to the source cells.
 */
import ExcelJS from 'exceljs';
import { MARK_FILLS, NOTE_HEADER, marksPlan } from '../core/marks';
import { indicatorSheet, type IndicatorSheet } from '../core/indicator-sheet';
import type { Locale } from '../core/messages/locale';
import type { TableReport } from '../core/report';

export interface AnnotateResult {
  cells: number;
  notes: number;
  indicatorRows: number;
}

/** `#FFD6D6` → ExcelJS's `FFFFC7CE` (alpha first). */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Plain text of a note as ExcelJS holds it: a string, or rich-text runs. */
export function noteText(note: string | ExcelJS.Comment | undefined | null): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/**
 * The user's note with ours after a blank line. A note of an earlier run of this tool (recognised by
 * NOTE_HEADER) is replaced rather than stacked.
 */
function mergeNote(existing: string | ExcelJS.Comment | undefined | null, ours: string): string | ExcelJS.Comment {
  const text = noteText(existing);
  if (!existing || text.trim() === '') return ours;
  const headers = Object.values(NOTE_HEADER);
  let at = Infinity;
  for (const h of headers) {
    const i = text.indexOf(h);
    if (i >= 0 && i < at) at = i;
  }
  if (at !== Infinity) {
    const user = text.slice(0, at).trimEnd();
    return user ? `${user}\n\n${ours}` : ours;
  }
  if (typeof existing === 'string') return `${existing}\n\n${ours}`;
  // Keep the user's runs (author in bold, etc.) and add ours as a plain run.
  return { ...existing, texts: [...(existing.texts ?? []), { text: `\n\n${ours}` }] };
}

/** `'O''Brien'!$G$6`: a sheet-qualified reference Excel accepts for any sheet name. */
function sheetRef(sheet: string, cell: string): string {
  const abs = cell.replace(/^([A-Z]+)(\d+)$/i, '$$$1$$$2');
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

export function applyMarks(wb: ExcelJS.Workbook, tables: readonly TableReport[], locale: Locale): { cells: number; notes: number } {
  let cells = 0;
  let notes = 0;
  const sheets = [...new Set(tables.map((t) => t.sheet))];
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    const plan = marksPlan(tables, name, locale);
    for (const m of plan.marks) {
      const cell = ws.getCell(m.cell);
      const fill: ExcelJS.Fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: argb(MARK_FILLS[m.severity]) },
      };
      // ExcelJS shares one style object between all cells of the same style: assigning a new style
      // object (rather than `cell.fill = …`) keeps the fill on this cell only. Font is left as is.
      cell.style = { ...cell.style, fill };
      cells++;
      if (m.note) {
        cell.note = mergeNote(cell.note, m.note);
        notes++;
      }
    }
  }
  return { cells, notes };
}

/** Display width of a text: CJK characters count double; the longest line counts. */
function displayWidth(v: unknown): number {
  if (v === null || v === undefined) return 0;
  let best = 0;
  for (const line of String(v).split('\n')) {
    let w = 0;
    for (const ch of line) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
    if (w > best) best = w;
  }
  return best;
}

function uniqueTableName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set<string>();
  for (const ws of wb.worksheets) {
    // ExcelJS's typings say tuples; at run time getTables() returns the Table objects.
    for (const t of ws.getTables() as unknown as { name?: string }[]) {
      if (t?.name) taken.add(t.name.toLowerCase());
    }
  }
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}${i}`;
  return name;
}

export function writeIndicatorSheet(wb: ExcelJS.Workbook, sheet: IndicatorSheet): number {
  const old = wb.getWorksheet(sheet.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  const sourceCol = 1; // 来源单元格
  const findingsCol = sheet.header.length - 1;
  const rows = sheet.rows.map((r, i) => {
    const src = sheet.sources[i];
    const row: ExcelJS.CellValue[] = r.slice();
    // `$` in the target keeps ExcelJS from writing it as a `location` plus an external target,
    // which Excel reads as a broken link; `#…` as the target alone is an in-workbook link.
    row[sourceCol] = { text: String(r[sourceCol] ?? ''), hyperlink: `#${sheetRef(src.sheet, src.cell)}` };
    return row;
  });
  if (rows.length > 0) {
    ws.addTable({
      name: uniqueTableName(wb, sheet.tableName),
      ref: 'A1',
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: sheet.header.map((name) => ({ name, filterButton: true })),
      rows,
    });
  } else {
    ws.addRow(sheet.header);
    ws.getRow(1).font = { bold: true };
  }
  sheet.header.forEach((h, c) => {
    let w = displayWidth(h) + 4; // room for the filter button
    for (const r of sheet.rows) w = Math.max(w, displayWidth(r[c]) + 2);
    const col = ws.getColumn(c + 1);
    col.width = Math.min(Math.max(w, 6), c === findingsCol ? 80 : 50);
  });
  for (let r = 2; r <= rows.length + 1; r++) {
    const link = ws.getCell(r, sourceCol + 1);
    link.style = { ...link.style, font: { color: { theme: 10 }, underline: true } };
    const f = ws.getCell(r, findingsCol + 1);
    if (f.value !== null) f.style = { ...f.style, alignment: { wrapText: true, vertical: 'top' } };
  }
  return rows.length;
}

export function annotateWorkbook(wb: ExcelJS.Workbook, tables: readonly TableReport[], locale: Locale): AnnotateResult {
  const { cells, notes } = applyMarks(wb, tables, locale);
  const indicatorRows = writeIndicatorSheet(wb, indicatorSheet(tables, locale));
  return { cells, notes, indicatorRows };
}
