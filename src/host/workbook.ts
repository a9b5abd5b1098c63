/**
 * What the task pane needs from a workbook. The Excel gateway (src/excel) and the browser preview
 * (src/preview) both implement it, so the pane's code is the same in Excel and in the preview.
 */
import type { Grid } from '../core/grid';
import type { MarksPlan } from '../core/marks';
import type { IndicatorSheet } from '../core/indicator-sheet';
import type { Acceptance } from '../core/acceptances';

export interface HostCapabilities {
  /** Threaded notes API (ExcelApi 1.18) or legacy comments (1.10), else fills only. */
  notes: 'notes' | 'comments' | 'none';
  /** Indent levels can be read (ExcelApi 1.9 `getCellProperties`). */
  indents: boolean;
  /** Tables, hyperlinks and the rest needed for the indicator sheet. */
  indicatorSheet: boolean;
}

export interface MarkResult {
  /** Cells filled, and notes written. */
  cells: number;
  notes: number;
}

/** A host error with a message meant for the clerk (already in their language). */
export class HostError extends Error {
  constructor(
    readonly code: 'protected' | 'no-sheet' | 'too-large' | 'changed' | 'unsupported' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** Where the findings a clerk accepted (已确认) are kept: in the workbook, saved with it. */
export interface AcceptanceStorage {
  /** The stored acceptances; an empty list when there are none or they cannot be read. */
  readAcceptances(): Promise<Acceptance[]>;
  /** Replaces the stored list (kept with the document, like the marks record). */
  writeAcceptances(list: readonly Acceptance[]): Promise<void>;
}

export type Workbook = SheetWorkbook & AcceptanceStorage;

/** Everything but the acceptances (the Excel gateway; src/excel/acceptances.ts adds those). */
export interface SheetWorkbook {
  capabilities(): Promise<HostCapabilities>;
  /** The active sheet's used range as a grid (one read round trip, in blocks if huge). */
  readActiveSheet(onProgress?: (done: number, total: number) => void): Promise<Grid>;
  /** Paints the plan; clears this add-in's previous marks on that sheet first. */
  applyMarks(plan: MarksPlan): Promise<MarkResult>;
  /** Restores every fill, note and comment this add-in changed, in every sheet; nothing else. */
  clearMarks(): Promise<void>;
  /** Whether marks from an earlier check are on the workbook (also after save and reopen). */
  hasMarks(): Promise<boolean>;
  /** (Re)creates the indicator sheet as an Excel table with links back to the source cells. */
  writeIndicatorSheet(sheet: IndicatorSheet): Promise<void>;
  /**
   * The first `rows` rows of every sheet's used range except `except`, in tab order: enough to see
   * where a table's header is when the active sheet has none.
   */
  sheetHeads(rows: number, except: string): Promise<Grid[]>;
  /** Makes the sheet the active one, as a click on its tab does. */
  activateSheet(sheet: string): Promise<void>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
  /** Sets a cell's text (applying a fix, or undoing one); refuses when the cell no longer reads `expected`. */
  setCellText(sheet: string, cell: string, text: string, expected: string): Promise<void>;
}
