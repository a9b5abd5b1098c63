/**
 * An in-memory workbook for the browser preview: the same `Workbook` the Excel gateway implements,
 * over plain sheets of cells with fills and notes. Marks are recorded before they are painted, so
 * clearMarks restores exactly what applyMarks changed and nothing else.
 */
import { address, cellText, columnNumber, parseAddress, type Cell, type CellValue, type Grid } from '../core/grid';
import type { Acceptance } from '../core/acceptances';
import type { IndicatorSheet } from '../core/indicator-sheet';
import { MARK_FILLS, type MarksPlan } from '../core/marks';
import type { Locale } from '../core/messages/locale';
import { HostError, type HostCapabilities, type MarkResult, type Workbook } from '../host/workbook';
import { formatNumber } from './number-format';

export interface PreviewCell {
  value: CellValue;
  /** Display text when the source had one (else derived from value and numberFormat). */
  text?: string;
  indent?: number;
  numberFormat?: string;
  /** Background colour `#RRGGBB`, or absent for none. */
  fill?: string;
  /** Cell note (comment) text, or absent for none. */
  note?: string;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  /** For the indicator sheet: a link to a source cell. */
  link?: { sheet: string; cell: string };
}

export interface PreviewSheet {
  name: string;
  cells: Map<string, PreviewCell>;
  /** Column widths in pixels, by column number (1-based); missing → default. */
  colWidths: Map<number, number>;
  /** Merged areas such as `A1:G1`. */
  merges: string[];
  /** The last row and column in use, when whoever built the sheet knows it (else the view scans). */
  extent?: { rows: number; cols: number };
}

export type PreviewChange = 'cells' | 'sheets' | 'active' | 'selection';

/** What a cell looked like before we painted it; `existed: false` means we created the cell. */
interface Original {
  existed: boolean;
  fill?: string;
  note?: string;
}

const MSG: Record<
  Locale,
  { noSheet: (s: string) => string; changed: (c: string) => string; badCell: (c: string) => string }
> = {
  'zh-CN': {
    noSheet: (s) => `找不到工作表“${s}”，它可能已被删除或改名。请重新校验。`,
    changed: (c) => `单元格 ${c} 的内容已被修改，为免覆盖，本次未做更改。请重新校验后再试。`,
    badCell: (c) => `单元格地址“${c}”无效。`,
  },
  'en-US': {
    noSheet: (s) => `The sheet “${s}” was not found; it may have been deleted or renamed. Please check again.`,
    changed: (c) => `Cell ${c} was edited since the check, so nothing was changed. Please check again first.`,
    badCell: (c) => `“${c}” is not a cell address.`,
  },
};

export function newSheet(name: string): PreviewSheet {
  return { name, cells: new Map(), colWidths: new Map(), merges: [] };
}

/** The text a cell shows, as Excel would show it. */
export function displayText(c: PreviewCell | undefined): string {
  if (!c) return '';
  if (c.text !== undefined) return c.text;
  if (typeof c.value === 'number') return formatNumber(c.value, c.numberFormat);
  return cellText({ value: c.value });
}

/** Longest stretch the preview's read runs before it yields to the page. */
const SLICE_MS = 30;
const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class PreviewWorkbook implements Workbook {
  readonly sheets: PreviewSheet[];
  activeSheet: string;
  selection: { sheet: string; cell: string } | null = null;
  /** Pause per block while reading, so the pane's progress can be seen (demo and tests). */
  readDelayMs = 0;
  private readonly originals = new Map<string, Map<string, Original>>();
  private readonly listeners = new Set<(change: PreviewChange) => void>();

  constructor(
    sheets: PreviewSheet[],
    private readonly locale: Locale = 'zh-CN',
  ) {
    if (sheets.length === 0) sheets = [newSheet('Sheet1')];
    this.sheets = sheets;
    this.activeSheet = sheets[0].name;
  }

  onChange(fn: (change: PreviewChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(change: PreviewChange): void {
    for (const fn of this.listeners) fn(change);
  }

  sheet(name: string): PreviewSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private requireSheet(name: string): PreviewSheet {
    const s = this.sheet(name);
    if (!s) throw new HostError('no-sheet', MSG[this.locale].noSheet(name));
    return s;
  }

  private requireCell(a1: string): string {
    const p = parseAddress(a1);
    if (!p || p.col === 0 || p.row === 0) throw new HostError('failed', MSG[this.locale].badCell(a1));
    return a1.replace(/\$/g, '').toUpperCase();
  }

  /** Switches sheets the way a click on a sheet tab does. */
  activate(name: string): void {
    this.requireSheet(name);
    if (this.activeSheet === name) return;
    this.activeSheet = name;
    this.emit('active');
  }

  /** Selects a cell the way a click on the grid does. */
  selectLocal(sheet: string, cell: string): void {
    this.selection = { sheet, cell };
    this.emit('selection');
  }

  async capabilities(): Promise<HostCapabilities> {
    return { notes: 'notes', indents: true, indicatorSheet: true };
  }

  async readActiveSheet(onProgress?: (done: number, total: number) => void): Promise<Grid> {
    const sheet = this.requireSheet(this.activeSheet);
    let maxRow = 0;
    let maxCol = 0;
    let minRow = Infinity;
    let minCol = Infinity;
    for (const [a, c] of sheet.cells) {
      if (c.value === null && c.text === undefined && !c.indent) continue;
      const p = parseAddress(a);
      if (!p) continue;
      maxRow = Math.max(maxRow, p.row);
      maxCol = Math.max(maxCol, p.col);
      minRow = Math.min(minRow, p.row);
      minCol = Math.min(minCol, p.col);
    }
    if (maxRow === 0) return { sheet: sheet.name, top: 1, left: 1, cells: [] };
    const rows: (Cell | null)[][] = [];
    const total = maxRow - minRow + 1;
    const BLOCK = 200;
    let sliceStart = now();
    for (let r = minRow; r <= maxRow; r++) {
      const row: (Cell | null)[] = [];
      for (let col = minCol; col <= maxCol; col++) row.push(this.gridCell(sheet, r, col));
      rows.push(row);
      const done = r - minRow + 1;
      if (done % BLOCK === 0 || done === total) onProgress?.(done, total);
      // The clock is read every 50 rows so that a slow machine still yields close to SLICE_MS.
      if (done % BLOCK === 0 || done === total || (this.readDelayMs === 0 && done % 50 === 0)) {
        if (this.readDelayMs > 0) await new Promise((res) => setTimeout(res, this.readDelayMs));
        else if (now() - sliceStart > SLICE_MS) {
          // Let the page paint the progress and take clicks, as Excel's own reads (round trips) do.
          await new Promise((res) => setTimeout(res, 0));
          sliceStart = now();
        }
      }
    }
    return { sheet: sheet.name, top: minRow, left: minCol, cells: rows };
  }

  async sheetHeads(rows: number, except: string): Promise<Grid[]> {
    const out: Grid[] = [];
    for (const sheet of this.sheets) {
      if (sheet.name === except) continue;
      let maxCol = 0;
      let minRow = Infinity;
      for (const [a, c] of sheet.cells) {
        if (c.value === null) continue;
        const p = parseAddress(a);
        if (!p) continue;
        if (p.col > maxCol) maxCol = p.col;
        if (p.row < minRow) minRow = p.row;
      }
      const cells: (Cell | null)[][] = [];
      if (maxCol > 0) {
        for (let r = minRow; r < minRow + rows; r++) {
          const row: (Cell | null)[] = [];
          for (let col = 1; col <= maxCol; col++) row.push(this.gridCell(sheet, r, col));
          cells.push(row);
        }
      }
      out.push({ sheet: sheet.name, top: maxCol > 0 ? minRow : 1, left: 1, cells });
    }
    return out;
  }

  async activateSheet(name: string): Promise<void> {
    this.activate(name);
  }

  private gridCell(sheet: PreviewSheet, row: number, col: number): Cell | null {
    const c = sheet.cells.get(addr(row, col));
    if (!c || (c.value === null && !c.indent)) return null;
    const cell: Cell = { value: c.value, text: displayText(c) };
    if (c.indent) cell.indent = c.indent;
    if (c.numberFormat) cell.numberFormat = c.numberFormat;
    return cell;
  }

  async applyMarks(plan: MarksPlan): Promise<MarkResult> {
    const sheet = this.requireSheet(plan.sheet);
    this.restore(plan.sheet);
    const record = new Map<string, Original>();
    let notes = 0;
    for (const m of plan.marks) {
      const cell = this.requireCell(m.cell);
      const existing = sheet.cells.get(cell);
      if (!record.has(cell)) {
        record.set(cell, existing ? { existed: true, fill: existing.fill, note: existing.note } : { existed: false });
      }
      const target = existing ?? { value: null };
      target.fill = MARK_FILLS[m.severity];
      if (m.note) {
        target.note = m.note;
        notes++;
      }
      sheet.cells.set(cell, target);
    }
    if (record.size > 0) this.originals.set(plan.sheet, record);
    this.emit('cells');
    return { cells: record.size, notes };
  }

  /** Puts back what painting changed on one sheet. */
  private restore(sheetName: string): void {
    const record = this.originals.get(sheetName);
    const sheet = this.sheet(sheetName);
    this.originals.delete(sheetName);
    if (!record || !sheet) return;
    for (const [a, o] of record) {
      const c = sheet.cells.get(a);
      if (!c) continue;
      if (!o.existed && c.value === null && c.text === undefined) {
        sheet.cells.delete(a);
        continue;
      }
      if (o.fill === undefined) delete c.fill;
      else c.fill = o.fill;
      if (o.note === undefined) delete c.note;
      else c.note = o.note;
    }
  }

  async clearMarks(): Promise<void> {
    for (const name of [...this.originals.keys()]) this.restore(name);
    this.emit('cells');
  }

  async hasMarks(): Promise<boolean> {
    return this.originals.size > 0;
  }

  /** The findings accepted (已确认) in this workbook, as Excel keeps them in its document settings. */
  acceptances: Acceptance[] = [];

  async readAcceptances(): Promise<Acceptance[]> {
    return this.acceptances.map((a) => ({ ...a }));
  }

  async writeAcceptances(list: readonly Acceptance[]): Promise<void> {
    this.acceptances = list.map((a) => ({ ...a }));
  }

  async writeIndicatorSheet(ind: IndicatorSheet): Promise<void> {
    const at = this.sheets.findIndex((s) => s.name === ind.name);
    if (at >= 0) {
      this.originals.delete(ind.name);
      this.sheets.splice(at, 1);
    }
    const sheet = newSheet(ind.name);
    sheet.extent = { rows: ind.rows.length + 1, cols: ind.header.length };
    let sliceStart = now();
    ind.header.forEach((h, i) => {
      sheet.cells.set(addr(1, i + 1), { value: h, bold: true, fill: '#4472C4', color: '#FFFFFF' });
    });
    for (let r = 0; r < ind.rows.length; r++) {
      ind.rows[r].forEach((v, i) => {
        if (v === null || v === '') return;
        const cell: PreviewCell = { value: v };
        if (r % 2 === 1) cell.fill = '#D9E1F2';
        sheet.cells.set(addr(r + 2, i + 1), cell);
      });
      const src = ind.sources[r];
      const linkCell = sheet.cells.get(addr(r + 2, 2));
      if (src && linkCell) {
        linkCell.link = { sheet: src.sheet, cell: src.cell };
        linkCell.color = '#0563C1';
      }
      // 40,000 indicators are half a million cells: build them in slices, as Excel's own writes are.
      // Look at the clock often enough that a slower machine still yields within the slice.
      if (r % 50 === 49 && now() - sliceStart > SLICE_MS) {
        await new Promise((res) => setTimeout(res, 0));
        sliceStart = now();
      }
    }
    const widths = [180, 130, 48, 110, 110, 220, 70, 70, 70, 90, 70, 70, 70, 90, 260];
    widths.forEach((w, i) => sheet.colWidths.set(i + 1, w));
    this.sheets.push(sheet);
    this.activeSheet = sheet.name;
    this.selection = { sheet: sheet.name, cell: 'A1' };
    this.emit('sheets');
  }

  async select(sheetName: string, cell: string): Promise<void> {
    this.requireSheet(sheetName);
    const a = this.requireCell(cell);
    this.activeSheet = sheetName;
    this.selection = { sheet: sheetName, cell: a };
    this.emit('selection');
  }

  async setCellText(sheetName: string, cell: string, text: string, expected: string): Promise<void> {
    const sheet = this.requireSheet(sheetName);
    const a = this.requireCell(cell);
    const c = sheet.cells.get(a);
    if (displayText(c) !== expected) throw new HostError('changed', MSG[this.locale].changed(a));
    if (c) {
      c.value = text === '' ? null : text;
      delete c.text;
    } else {
      sheet.cells.set(a, { value: text });
    }
    this.emit('cells');
  }
}

export const addr = address;

/** `A1:G3` → its corners, or null. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) return null;
  const a = { row: Number(m[2]), col: columnNumber(m[1]) };
  const b = m[3] ? { row: Number(m[4]), col: columnNumber(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
