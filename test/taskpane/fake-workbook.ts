/**
 * An in-memory Workbook for the pane's tests: cells as text per sheet, and a log of every call.
 */
import { parseAddress, type Cell, type Grid } from '../../src/core/grid';
import type { Acceptance } from '../../src/core/acceptances';
import type { IndicatorSheet } from '../../src/core/indicator-sheet';
import type { MarksPlan } from '../../src/core/marks';
import { HostError, type HostCapabilities, type MarkResult, type Workbook } from '../../src/host/workbook';

export class FakeWorkbook implements Workbook {
  readonly sheets = new Map<string, Map<string, string>>();
  active: string;
  selections: { sheet: string; cell: string }[] = [];
  setTextCalls: { sheet: string; cell: string; text: string; expected: string }[] = [];
  plans: MarksPlan[] = [];
  clearCount = 0;
  written: IndicatorSheet[] = [];
  marked = false;
  caps: HostCapabilities = { notes: 'notes', indents: true, indicatorSheet: true };
  /** Set to make the next readActiveSheet wait until released. */
  gate: Promise<void> | null = null;
  failNext: Error | null = null;

  constructor(sheet = 'Sheet1', cells: Record<string, string> = {}) {
    this.active = sheet;
    this.sheets.set(sheet, new Map(Object.entries(cells)));
  }

  text(cell: string, sheet = this.active): string {
    return this.sheets.get(sheet)?.get(cell) ?? '';
  }

  async capabilities(): Promise<HostCapabilities> {
    return this.caps;
  }

  async readActiveSheet(onProgress?: (done: number, total: number) => void): Promise<Grid> {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      throw e;
    }
    onProgress?.(0, 2);
    if (this.gate) await this.gate;
    onProgress?.(1, 2);
    const grid = this.gridOf(this.active);
    onProgress?.(2, 2);
    return grid;
  }

  private gridOf(sheet: string): Grid {
    const cells = this.sheets.get(sheet) ?? new Map<string, string>();
    let rows = 0;
    let cols = 0;
    for (const a of cells.keys()) {
      const p = parseAddress(a);
      if (p) {
        rows = Math.max(rows, p.row);
        cols = Math.max(cols, p.col);
      }
    }
    const grid: (Cell | null)[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
    for (const [a, v] of cells) {
      const p = parseAddress(a);
      if (p) grid[p.row - 1][p.col - 1] = { value: v };
    }
    return { sheet, top: 1, left: 1, cells: grid };
  }

  async sheetHeads(rows: number, except: string): Promise<Grid[]> {
    const out: Grid[] = [];
    for (const name of this.sheets.keys()) {
      if (name === except) continue;
      const g = this.gridOf(name);
      out.push({ ...g, cells: g.cells.slice(0, rows) });
    }
    return out;
  }

  async activateSheet(sheet: string): Promise<void> {
    if (!this.sheets.has(sheet)) throw new HostError('no-sheet', `找不到工作表“${sheet}”。`);
    this.active = sheet;
  }

  async applyMarks(plan: MarksPlan): Promise<MarkResult> {
    this.plans.push(plan);
    this.marked = plan.marks.length > 0;
    return { cells: plan.marks.length, notes: plan.marks.length };
  }

  async clearMarks(): Promise<void> {
    this.clearCount++;
    this.marked = false;
  }

  async hasMarks(): Promise<boolean> {
    return this.marked;
  }

  /** The findings accepted (已确认) in this workbook, as Excel keeps them in its document settings. */
  acceptances: Acceptance[] = [];

  async readAcceptances(): Promise<Acceptance[]> {
    return this.acceptances.map((a) => ({ ...a }));
  }

  async writeAcceptances(list: readonly Acceptance[]): Promise<void> {
    this.acceptances = list.map((a) => ({ ...a }));
  }

  async writeIndicatorSheet(sheet: IndicatorSheet): Promise<void> {
    this.written.push(sheet);
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.selections.push({ sheet, cell });
  }

  async setCellText(sheet: string, cell: string, text: string, expected: string): Promise<void> {
    this.setTextCalls.push({ sheet, cell, text, expected });
    const cells = this.sheets.get(sheet);
    if (!cells) throw new HostError('no-sheet', `找不到工作表“${sheet}”。`);
    if ((cells.get(cell) ?? '') !== expected)
      throw new HostError('changed', `单元格 ${cell} 的内容已被修改，未做更改。`);
    cells.set(cell, text);
  }
}
