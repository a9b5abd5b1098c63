/**
 * The record of what this add-in changed, kept IN the workbook so clear works after save and reopen.
 *
 * Where: `Office.context.document.settings` (the add-in's own property bag inside the file).
 * - It exists on every Excel that runs add-ins (Excel 2013+, all ExcelApi levels down to 1.1), while
 *   CustomXmlParts need ExcelApi 1.5 and a very hidden sheet would change the workbook's structure
 *   (fails on structure-protected workbooks, shows up in the CLI's sheet list, in VBA, in links).
 * - It is saved with the document exactly when the marks are: if the clerk closes without saving,
 *   both the marks and the record vanish together.
 * - It is private to this add-in, so nothing else edits it.
 * Size: cells are stored as vertical runs grouped by previous fill, so 10,000 flagged cells in a
 * table are a few kilobytes; a record over RECORD_MAX_CHARS is refused before anything is painted.
 */
import type { Severity } from '../core/report';

export const RECORD_KEY = 'budgetCheck.marks';
/** Far below the settings bag's practical limits (~2 MB), so other settings never crowd it out. */
export const RECORD_MAX_CHARS = 1_000_000;

export type NotesMode = 'notes' | 'comments' | 'none';

export interface SheetRecord {
  /** Worksheet id: stable across renames and across save and reopen. */
  id: string;
  /** Name at marking time; a fallback if the id is not found. */
  name: string;
  /** Which note mechanism wrote the notes (a later Excel may lack it; then the notes stay recorded). */
  mode: NotesMode;
  /** Cells we painted, per severity (compressed runs); the painted colour is MARK_FILLS[severity]. */
  painted: Partial<Record<Severity, string>>;
  /** The same cells grouped by their fill before we painted (fill key → compressed runs). */
  prev: Record<string, string>;
  /** Cells where we wrote a note, a comment or a reply. */
  notes: string;
}

export interface MarkRecord {
  v: 1;
  sheets: SheetRecord[];
}

/** The part of Office.Settings the gateway uses; the real one and the tests' fake both fit. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: AsyncOutcome) => void): void;
  /** Picks up a record written by another runtime of this add-in (ribbon command vs task pane). */
  refreshAsync?(callback?: (result: AsyncOutcome) => void): void;
}

export interface AsyncOutcome {
  status: string;
  error?: { message: string };
}

function isSheetRecord(v: unknown): v is SheetRecord {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SheetRecord>;
  return (
    typeof s.id === 'string' &&
    typeof s.name === 'string' &&
    typeof s.prev === 'object' &&
    typeof s.painted === 'object'
  );
}

export function parseRecord(raw: unknown): MarkRecord {
  let v: unknown = raw;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return { v: 1, sheets: [] };
    }
  }
  if (typeof v !== 'object' || v === null || !Array.isArray((v as MarkRecord).sheets)) return { v: 1, sheets: [] };
  return {
    v: 1,
    sheets: (v as MarkRecord).sheets
      .filter(isSheetRecord)
      .map((s) => ({ ...s, mode: s.mode ?? 'none', notes: s.notes ?? '' })),
  };
}

/** Stored as one JSON string so the bag never holds a half-written object. */
export function serialiseRecord(r: MarkRecord): string {
  return JSON.stringify(r);
}

export class RecordStore {
  constructor(private readonly settings: DocumentSettings) {}

  async read(): Promise<MarkRecord> {
    const refresh = this.settings.refreshAsync;
    if (refresh) {
      await new Promise<void>((resolve) => {
        try {
          refresh.call(this.settings, () => resolve());
        } catch {
          resolve();
        }
      });
    }
    return parseRecord(this.settings.get(RECORD_KEY));
  }

  async write(r: MarkRecord): Promise<void> {
    if (r.sheets.length === 0) this.settings.remove(RECORD_KEY);
    else this.settings.set(RECORD_KEY, serialiseRecord(r));
    await new Promise<void>((resolve, reject) => {
      this.settings.saveAsync((res) => {
        if (res && res.status === 'failed') reject(new Error(res.error?.message ?? 'settings.saveAsync failed'));
        else resolve();
      });
    });
  }
}
