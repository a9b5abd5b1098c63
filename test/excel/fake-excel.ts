/**
 * The in-memory workbook BEHIND the wire: sheets, cells, fills, notes, threaded comments, tables and
 * the add-in's document settings, with snapshots and save/reopen. Tests never hand the gateway an
 * object-model fake: `run` is Microsoft's real Excel client library (`Excel.run`) talking to
 * `WireHost` (./wire/host.ts), which interprets the serialized requests over this document.
 */
import type { DocumentSettings, AsyncOutcome } from '../../src/excel/record';
import { columnName } from '../../src/core/grid';
import { parseRangeAddress, type Rect } from '../../src/excel/addresses';
import { WireHost, WEB_LIMIT, type RequestRecord } from './wire/host';
import { useNotesClient } from './wire/notes-client';
import { loadClient } from './wire/client';

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: FakeFill = {
  color: '#FFFFFF',
  pattern: 'None',
  patternColor: '#000000',
  tintAndShade: 0,
  patternTintAndShade: 0,
};

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  /** Display text when it differs from the value (number formats); else derived. */
  text?: string;
  numberFormat: string;
  indent: number;
  fill: FakeFill;
  hyperlink?: { documentReference?: string; textToDisplay?: string; address?: string };
}

export interface FakeComment {
  id: string;
  cell: string;
  content: string;
  replies: { id: string; content: string }[];
}

export interface FakeSheet {
  id: string;
  name: string;
  protected: boolean;
  cells: Map<string, FakeCell>;
  notes: Map<string, string>;
  comments: FakeComment[];
  tables: { name: string; address: string }[];
  autofit: boolean;
}

export type SyncRecord = RequestRecord;

export const key = (row: number, col: number): string => `${row},${col}`;
export const blankCell = (): FakeCell => ({ value: '', numberFormat: 'General', indent: 0, fill: { ...NO_FILL } });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function cellText(c: FakeCell): string {
  if (c.text !== undefined) return c.text;
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return String(c.value);
}

export function isDefault(c: FakeCell): boolean {
  return (
    c.value === '' &&
    c.formula === undefined &&
    c.numberFormat === 'General' &&
    c.indent === 0 &&
    JSON.stringify(c.fill) === JSON.stringify(NO_FILL) &&
    c.hyperlink === undefined
  );
}

export function versionLE(a: string, b: string): boolean {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && (a2 ?? 0) <= (b2 ?? 0));
}

export function cellsOf(rects: readonly Rect[]): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const r of rects)
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** Excel's rule: bare only for plain names that cannot be read as a cell reference (`AB12`, `R1C1`). */
export function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*)?(C\d*)?$/i.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function rectText(r: Rect): string {
  const a = `${columnName(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnName(r.right)}${r.bottom}`;
}

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

export class FakeSettings implements DocumentSettings {
  bag: Record<string, unknown>;
  saves = 0;
  constructor(private readonly wb: FakeWorkbook) {
    this.bag = clone(wb.docSettings);
  }
  get(name: string): unknown {
    return name in this.bag ? clone(this.bag[name]) : null;
  }
  set(name: string, value: unknown): void {
    this.bag[name] = clone(value);
  }
  remove(name: string): void {
    delete this.bag[name];
  }
  saveAsync(callback?: (result: AsyncOutcome) => void): void {
    this.saves++;
    this.wb.docSettings = clone(this.bag);
    setTimeout(() => callback?.({ status: 'succeeded' }), 0);
  }
  refreshAsync(callback?: (result: AsyncOutcome) => void): void {
    this.bag = clone(this.wb.docSettings);
    setTimeout(() => callback?.({ status: 'succeeded' }), 0);
  }
}

export interface SheetInit {
  name: string;
  rows?: (string | number | boolean | null)[][];
  top?: number;
  left?: number;
  protected?: boolean;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeId = '';
  selection: { sheetId: string; address: string } | null = null;
  docSettings: Record<string, unknown> = {};
  /** Highest ExcelApi version this fake Excel supports. */
  level: string;
  /** Every request the client sent (cleanup requests included), with its serialized sizes. */
  requests: SyncRecord[] = [];
  /** Excel on the web refuses requests/responses over 5 MB; the default is desktop (no limit). */
  payloadLimit = Number.POSITIVE_INFINITY;
  /** The page runs a client library WITH the notes API (the CDN's); default: the registry's, without. */
  clientNotes = false;
  /** A cell is being edited: Excel refuses every request (InvalidOperationInCellEditMode). */
  cellEdit = false;
  /**
   * The code Excel gives a thread added on a cell that holds a note (not documented; unverified in
   * real Excel): the gateway must not depend on it.
   */
  conflictCode = 'InvalidArgument';
  /** Called before each request is interpreted (e.g. to start cell-edit mode mid-action). */
  beforeRequest: ((index: number) => void) | null = null;
  nextId = 1;
  readonly settings: FakeSettings;
  readonly host: WireHost = new WireHost(this);

  constructor(level = '1.18', sheets: SheetInit[] = []) {
    this.level = level;
    for (const s of sheets) this.addSheet(s);
    this.settings = new FakeSettings(this);
  }

  addSheet(init: SheetInit): FakeSheet {
    const sheet: FakeSheet = {
      id: `{${String(this.nextId++).padStart(8, '0')}-0001-0000-0000-000000000000}`,
      name: init.name,
      protected: init.protected ?? false,
      cells: new Map(),
      notes: new Map(),
      comments: [],
      tables: [],
      autofit: false,
    };
    const top = init.top ?? 1;
    const left = init.left ?? 1;
    (init.rows ?? []).forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        sheet.cells.set(key(top + i, left + j), { ...blankCell(), value: v });
      }),
    );
    this.sheets.push(sheet);
    if (!this.activeId) this.activeId = sheet.id;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, a1: string): FakeCell {
    const r = parseRangeAddress(a1);
    if (!r) throw new Error(a1);
    const s = this.sheet(sheet);
    let c = s.cells.get(key(r.top, r.left));
    if (!c) s.cells.set(key(r.top, r.left), (c = blankCell()));
    return c;
  }

  supports(v: string): boolean {
    return versionLE(v, this.level);
  }

  readonly isSetSupported = (name: string, minVersion?: string): boolean =>
    name === 'ExcelApi' && this.supports(minVersion ?? '1.1');

  /** Excel on the web: the 5 MB cap on every serialized request and response. */
  get web(): boolean {
    return this.payloadLimit !== Number.POSITIVE_INFINITY;
  }
  set web(on: boolean) {
    this.payloadLimit = on ? WEB_LIMIT : Number.POSITIVE_INFINITY;
  }

  /** `Excel.run` of Microsoft's client library, its requests answered by this workbook's host. */
  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    useNotesClient(this.clientNotes);
    const { Excel: X } = loadClient();
    // The client asks Office.context.requirements too (it slices large writes only from ExcelApi 1.3).
    // The library's own `Office` stub has a read-only context: the pane's Office.js would replace it.
    (globalThis as unknown as { Office: unknown }).Office = {
      context: { requirements: { isSetSupported: this.isSetSupported } },
    };
    return X.run(
      this.host.session() as unknown as Excel.RequestContext,
      batch as (ctx: Excel.RequestContext) => Promise<T>,
    );
  };

  /** Round trips the gateway asked for (`context.sync()`), without the client's cleanup requests. */
  get syncs(): number {
    let n = 0;
    for (const r of this.requests) if (!r.cleanup) n++;
    return n;
  }
  get maxRequestBytes(): number {
    let m = 0;
    for (const r of this.requests) m = Math.max(m, r.requestBytes);
    return m;
  }
  get maxResponseBytes(): number {
    let m = 0;
    for (const r of this.requests) m = Math.max(m, r.responseBytes);
    return m;
  }

  resetCounters(): void {
    this.requests = [];
  }

  /** Every visible thing about the workbook, for before/after comparisons. */
  snapshot(): unknown {
    return clone(this.snapshotLive());
  }

  private snapshotLive(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells.entries()].filter(([, c]) => !isDefault(c)).sort(([a], [b]) => (a < b ? -1 : 1)),
      notes: [...s.notes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      comments: s.comments.map((c) => ({ cell: c.cell, content: c.content, replies: c.replies.map((r) => r.content) })),
      tables: s.tables,
    }));
  }

  /** The file as saved: cells, fills, notes, comments and the persisted settings (not unsaved ones). */
  serialise(): string {
    return JSON.stringify({
      level: this.level,
      activeId: this.activeId,
      nextId: this.nextId,
      docSettings: this.docSettings,
      sheets: this.sheets.map((s) => ({ ...s, cells: [...s.cells.entries()], notes: [...s.notes.entries()] })),
    });
  }

  /** The same file opened in another Excel (level) with another client library (`clientNotes`). */
  static reopen(file: string, level?: string, clientNotes = false): FakeWorkbook {
    const d = JSON.parse(file) as {
      level: string;
      activeId: string;
      nextId: number;
      docSettings: Record<string, unknown>;
      sheets: (Omit<FakeSheet, 'cells' | 'notes'> & { cells: [string, FakeCell][]; notes: [string, string][] })[];
    };
    const wb = new FakeWorkbook(level ?? d.level);
    wb.sheets = d.sheets.map((s) => ({ ...s, cells: new Map(s.cells), notes: new Map(s.notes) }));
    wb.activeId = d.activeId;
    wb.nextId = d.nextId;
    wb.docSettings = d.docSettings;
    wb.clientNotes = clientNotes;
    (wb as { settings: FakeSettings }).settings = new FakeSettings(wb);
    return wb;
  }
}

// ---------------------------------------------------------------------------------------------
// Cell access shared with the wire host
// ---------------------------------------------------------------------------------------------

export function getCell(sheet: FakeSheet, row: number, col: number): FakeCell {
  return sheet.cells.get(key(row, col)) ?? blankCell();
}

/** Changes one cell; a cell back to its defaults is dropped, so snapshots compare equal. */
export function putCell(sheet: FakeSheet, row: number, col: number, change: (c: FakeCell) => void): void {
  const c = sheet.cells.get(key(row, col)) ?? blankCell();
  change(c);
  if (isDefault(c)) sheet.cells.delete(key(row, col));
  else sheet.cells.set(key(row, col), c);
}

/** What Excel stores when `values` is written: a leading quote keeps text, `=` makes a formula. */
export function assignValue(c: FakeCell, v: unknown): void {
  delete c.text;
  delete c.formula;
  if (typeof v === 'string' && v.startsWith("'")) c.value = v.slice(1);
  else if (typeof v === 'string' && v.startsWith('=') && c.numberFormat !== '@') assignFormula(c, v);
  else if (typeof v === 'string' && c.numberFormat !== '@' && /^-?\d+(\.\d+)?$/.test(v)) c.value = Number(v);
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') c.value = v;
  else c.value = v === null || v === undefined ? '' : String(v);
}

export function assignFormula(c: FakeCell, f: string): void {
  delete c.text;
  c.formula = f;
  const m = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(f);
  c.value = m ? m[2].replace(/""/g, '"') : f;
}
