/**
 * A hand-written, recorded fake of the parts of the Excel object model the gateway uses.
 *
 * Faithful where gateway bugs hide:
 * - every proxy call is QUEUED and runs only at `context.sync()`, in order; loaded properties throw
 *   PropertyNotLoaded until the sync that loads them, so reading before sync fails the test;
 * - a failing operation aborts the rest of its batch (earlier operations stay applied), as in Excel;
 * - each sync is counted, with the approximate JSON size of its request and response;
 * - APIs above the fake's ExcelApi level throw ApiNotFound, so degradation paths are really exercised;
 * - protected sheets refuse writes with AccessDenied; settings persist only through saveAsync;
 * - `serialise()` / `FakeWorkbook.reopen()` simulate saving, closing and reopening the file.
 */
import type { DocumentSettings, AsyncOutcome } from '../../src/excel/record';
import { columnName } from '../../src/core/grid';
import { parseRangeAddress, type Rect } from '../../src/excel/addresses';

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: FakeFill = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };

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

export interface SyncRecord {
  ops: number;
  requestBytes: number;
  responseBytes: number;
}

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const key = (row: number, col: number): string => `${row},${col}`;
const blankCell = (): FakeCell => ({ value: '', numberFormat: 'General', indent: 0, fill: { ...NO_FILL } });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function cellText(c: FakeCell): string {
  if (c.text !== undefined) return c.text;
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return String(c.value);
}

function isDefault(c: FakeCell): boolean {
  return (
    c.value === '' &&
    c.formula === undefined &&
    c.numberFormat === 'General' &&
    c.indent === 0 &&
    JSON.stringify(c.fill) === JSON.stringify(NO_FILL) &&
    c.hyperlink === undefined
  );
}

function versionLE(a: string, b: string): boolean {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && (a2 ?? 0) <= (b2 ?? 0));
}

function cellsOf(rects: readonly Rect[]): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const r of rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** Excel's rule: bare only for plain names that cannot be read as a cell reference (`AB12`, `R1C1`). */
function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*)?(C\d*)?$/i.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function rectText(r: Rect): string {
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
  syncs = 0;
  requests: SyncRecord[] = [];
  /** Excel on the web refuses requests/responses over 5 MB; the default fakes desktop (no limit). */
  payloadLimit = Number.POSITIVE_INFINITY;
  nextId = 1;
  readonly settings: FakeSettings;

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

  readonly isSetSupported = (name: string, minVersion?: string): boolean => name === 'ExcelApi' && this.supports(minVersion ?? '1.1');

  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.responseBytes));
  }

  resetCounters(): void {
    this.syncs = 0;
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

  static reopen(file: string, level?: string): FakeWorkbook {
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
    (wb as { settings: FakeSettings }).settings = new FakeSettings(wb);
    return wb;
  }
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies
// ---------------------------------------------------------------------------------------------

interface Op {
  request: unknown;
  exec: () => unknown;
}

class FakeContext {
  private ops: Op[] = [];
  readonly workbook: WorkbookP;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookP(this);
  }

  queue(request: unknown, exec: () => unknown): void {
    this.ops.push({ request, exec });
  }

  need(version: string, what: string): void {
    if (!this.wb.supports(version)) throw new FakeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.wb.syncs++;
    // ~60 bytes of object path and action envelope per operation, plus its arguments, in UTF-8
    // (the 5 MB limit counts bytes; Chinese text is 3 bytes a character).
    const requestBytes = ops.reduce((n, o) => n + 60 + Buffer.byteLength(JSON.stringify(o.request ?? null)), 0);
    const rec: SyncRecord = { ops: ops.length, requestBytes, responseBytes: 0 };
    this.wb.requests.push(rec);
    if (requestBytes > this.wb.payloadLimit) throw new FakeError('RequestPayloadSizeLimitExceeded');
    for (const op of ops) {
      const data = op.exec();
      if (data !== undefined) rec.responseBytes += Buffer.byteLength(JSON.stringify(data));
    }
    if (rec.responseBytes > this.wb.payloadLimit) throw new FakeError('ResponsePayloadSizeLimitExceeded');
    await Promise.resolve();
  }
}

type LoadArg = string | string[] | { select?: string } | undefined;

function loadList(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  const s = Array.isArray(arg) ? arg.join(',') : typeof arg === 'string' ? arg : (arg.select ?? '');
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Base proxy: resolves its target lazily, in queue order; loaded values appear only after sync. */
abstract class P<T> {
  private resolved = false;
  private t: T | null = null;
  protected readonly loaded = new Map<string, unknown>();
  private loadedOnce = false;

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    create?: { method: string; args: unknown[] },
  ) {
    // Creating a proxy is itself an action in the batch (so errors such as ItemNotFound surface in order).
    if (create) ctx.queue(create, () => void this.targetOrNull());
  }

  get context(): FakeContext {
    return this.ctx;
  }

  /** Navigation properties return the same proxy every time, as Office.js does. */
  private readonly nav = new Map<string, unknown>();
  protected cached<V>(name: string, make: () => V): V {
    if (!this.nav.has(name)) this.nav.set(name, make());
    return this.nav.get(name) as V;
  }

  targetOrNull(): T | null {
    if (!this.resolved) {
      this.t = this.resolver();
      this.resolved = true;
    }
    return this.t;
  }

  target(): T {
    const t = this.targetOrNull();
    if (t === null) throw new FakeError('InvalidOperation', 'operation on a null object');
    return t;
  }

  get isNullObject(): boolean {
    if (!this.loadedOnce) throw new FakeError('PropertyNotLoaded', 'isNullObject');
    return this.targetOrNull() === null;
  }

  protected read(_prop: string, _t: T): unknown {
    throw new FakeError('InvalidArgument', `cannot load ${_prop}`);
  }

  load(arg?: LoadArg): this {
    const props = loadList(arg);
    this.ctx.queue({ load: props }, () => {
      this.loadedOnce = true;
      const t = this.targetOrNull();
      if (t === null) return {};
      const data: Record<string, unknown> = {};
      for (const p of props) {
        const v = this.read(p, t);
        this.loaded.set(p, v);
        data[p] = v;
      }
      return data;
    });
    return this;
  }

  protected value<V>(prop: string): V {
    if (!this.loaded.has(prop)) {
      throw new FakeError('PropertyNotLoaded', `The property '${prop}' is not available. Call load and context.sync() first.`);
    }
    return this.loaded.get(prop) as V;
  }

  protected write(request: unknown, apply: (t: T) => void): void {
    this.ctx.queue(request, () => apply(this.target()));
  }
}

class ClientResult<V> {
  private v: V | undefined;
  private ready = false;
  constructor(ctx: FakeContext, request: unknown, compute: () => V) {
    ctx.queue(request, () => {
      this.v = compute();
      this.ready = true;
      return this.v;
    });
  }
  get value(): V {
    if (!this.ready) throw new FakeError('PropertyNotLoaded', 'ClientResult.value read before sync');
    return this.v as V;
  }
}

function guard(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeError('AccessDenied', 'The cell or chart that you are trying to change is protected.');
}

// --- workbook, worksheets ---

class WorkbookP {
  readonly worksheets: WorksheetsP;
  readonly tables: TablesP;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetsP(ctx);
    this.tables = new TablesP(ctx, null);
  }
}

class WorksheetsP extends P<FakeSheet[]> {
  private itemProxies: WorksheetP[] = [];
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.wb.sheets);
  }
  get items(): WorksheetP[] {
    this.value('items');
    return this.itemProxies;
  }
  override load(arg?: LoadArg): this {
    const props = loadList(arg).map((p) => p.replace(/^items\//, ''));
    this.ctx.queue({ load: props }, () => {
      this.itemProxies = this.ctx.wb.sheets.map((s) => {
        const w = new WorksheetP(this.ctx, () => s);
        w.setLoaded(props);
        return w;
      });
      this.loaded.set('items', true);
      return this.ctx.wb.sheets.map((s) => Object.fromEntries(props.map((p) => [p, (s as unknown as Record<string, unknown>)[p]])));
    });
    return this;
  }
  getActiveWorksheet(): WorksheetP {
    return new WorksheetP(this.ctx, () => this.find(this.ctx.wb.activeId), { method: 'getActiveWorksheet', args: [] });
  }
  private find(k: string): FakeSheet | null {
    return this.ctx.wb.sheets.find((s) => s.name === k || s.id === k) ?? null;
  }
  getItem(k: string): WorksheetP {
    return new WorksheetP(
      this.ctx,
      () => {
        const s = this.find(k);
        if (!s) throw new FakeError('ItemNotFound', `worksheet ${k}`);
        return s;
      },
      { method: 'getItem', args: [k] },
    );
  }
  getItemOrNullObject(k: string): WorksheetP {
    this.ctx.need('1.4', 'getItemOrNullObject');
    return new WorksheetP(this.ctx, () => this.find(k), { method: 'getItemOrNullObject', args: [k] });
  }
  add(name: string): WorksheetP {
    return new WorksheetP(
      this.ctx,
      () => {
        if (this.find(name)) throw new FakeError('ItemAlreadyExists', name);
        return this.ctx.wb.addSheet({ name });
      },
      { method: 'add', args: [name] },
    );
  }
}

class WorksheetP extends P<FakeSheet> {
  setLoaded(props: string[]): void {
    const s = this.targetOrNull();
    for (const p of props) this.loaded.set(p, s ? (s as unknown as Record<string, unknown>)[p] : undefined);
  }
  protected override read(prop: string, s: FakeSheet): unknown {
    if (prop === 'name' || prop === 'id') return s[prop];
    return super.read(prop, s);
  }
  get name(): string {
    return this.value('name');
  }
  get id(): string {
    return this.value('id');
  }
  get protection(): ProtectionP {
    this.ctx.need('1.2', 'worksheet.protection');
    return this.cached('protection', () => new ProtectionP(this.ctx, () => this.target()));
  }
  get notes(): NotesP {
    this.ctx.need('1.18', 'worksheet.notes');
    return this.cached('notes', () => new NotesP(this.ctx, () => this.target()));
  }
  get comments(): CommentsP {
    this.ctx.need('1.10', 'worksheet.comments');
    return this.cached('comments', () => new CommentsP(this.ctx, () => this.target()));
  }
  get tables(): TablesP {
    return this.cached('tables', () => new TablesP(this.ctx, this));
  }
  activate(): void {
    this.write({ method: 'activate' }, (s) => {
      this.ctx.wb.activeId = s.id;
    });
  }
  delete(): void {
    this.write({ method: 'delete' }, (s) => {
      this.ctx.wb.sheets = this.ctx.wb.sheets.filter((x) => x !== s);
      if (this.ctx.wb.activeId === s.id) this.ctx.wb.activeId = this.ctx.wb.sheets[0]?.id ?? '';
    });
  }
  getRange(address: string): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const r = parseRangeAddress(address);
        if (!r) throw new FakeError('InvalidArgument', `address ${address}`);
        return { sheet: this.target(), rects: [r] };
      },
      { method: 'getRange', args: [address] },
    );
  }
  getRanges(address: string): RangeAreasP {
    this.ctx.need('1.9', 'getRanges');
    return new RangeAreasP(
      this.ctx,
      () => {
        if (address.length > 8192) throw new FakeError('InvalidArgument', 'address over 8192 characters');
        const rects = address.split(',').map((a) => parseRangeAddress(a));
        if (rects.some((r) => r === null)) throw new FakeError('InvalidArgument', address);
        return { sheet: this.target(), rects: rects as Rect[] };
      },
      { method: 'getRanges', args: [address] },
    );
  }
  getUsedRange(valuesOnly?: boolean): RangeP {
    if (valuesOnly !== undefined) this.ctx.need('1.2', 'getUsedRange(valuesOnly)');
    return new RangeP(
      this.ctx,
      () => {
        const s = this.target();
        let top = Infinity;
        let left = Infinity;
        let bottom = 0;
        let right = 0;
        for (const [k, c] of s.cells) {
          const used = valuesOnly ? c.value !== '' || c.formula !== undefined : !isDefault(c);
          if (!used) continue;
          const [row, col] = k.split(',').map(Number);
          top = Math.min(top, row);
          left = Math.min(left, col);
          bottom = Math.max(bottom, row);
          right = Math.max(right, col);
        }
        const rect = bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
        return { sheet: s, rects: [rect] };
      },
      { method: 'getUsedRange', args: [valuesOnly] },
    );
  }
}

class ProtectionP extends P<FakeSheet> {
  protected override read(prop: string, s: FakeSheet): unknown {
    if (prop === 'protected') return s.protected;
    return super.read(prop, s);
  }
  get protected(): boolean {
    return this.value('protected');
  }
}

// --- ranges and fills ---

interface Area {
  sheet: FakeSheet;
  rects: Rect[];
}

function getCell(sheet: FakeSheet, row: number, col: number): FakeCell {
  return sheet.cells.get(key(row, col)) ?? blankCell();
}

function putCell(sheet: FakeSheet, row: number, col: number, change: (c: FakeCell) => void): void {
  const c = sheet.cells.get(key(row, col)) ?? blankCell();
  change(c);
  if (isDefault(c)) sheet.cells.delete(key(row, col));
  else sheet.cells.set(key(row, col), c);
}

function grid<V>(a: Area, f: (c: FakeCell) => V): V[][] {
  const r = a.rects[0];
  const out: V[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: V[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(getCell(a.sheet, row, col)));
    out.push(line);
  }
  return out;
}

function eachIn2d<V>(a: Area, data: V | V[][], f: (c: FakeCell, v: V) => void): void {
  const r = a.rects[0];
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  const is2d = Array.isArray(data);
  if (is2d && (data.length !== rows || data.some((line) => !Array.isArray(line) || line.length !== cols))) {
    throw new FakeError('InvalidArgument', `dimensions ${rows}x${cols} do not match`);
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = is2d ? (data as V[][])[i][j] : (data as V);
      putCell(a.sheet, r.top + i, r.left + j, (c) => f(c, v));
    }
  }
}

function assignValue(c: FakeCell, v: unknown): void {
  delete c.text;
  delete c.formula;
  if (typeof v === 'string' && v.startsWith("'")) c.value = v.slice(1);
  else if (typeof v === 'string' && v.startsWith('=') && c.numberFormat !== '@') assignFormula(c, v);
  else if (typeof v === 'string' && c.numberFormat !== '@' && /^-?\d+(\.\d+)?$/.test(v)) c.value = Number(v);
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') c.value = v;
  else c.value = v === null || v === undefined ? '' : String(v);
}

function assignFormula(c: FakeCell, f: string): void {
  delete c.text;
  c.formula = f;
  const m = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(f);
  c.value = m ? m[2].replace(/""/g, '"') : f;
}

class FillP extends P<Area> {
  protected override read(prop: string, a: Area): unknown {
    if (!['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'].includes(prop)) return super.read(prop, a);
    if (prop !== 'color') this.ctx.need('1.9', `fill.${prop}`);
    const vals = new Set(cellsOf(a.rects).map(({ row, col }) => getCell(a.sheet, row, col).fill[prop as keyof FakeFill]));
    return vals.size === 1 ? [...vals][0] : null;
  }
  get color(): string {
    return this.value('color');
  }
  private setAll(prop: keyof FakeFill, v: string | number): void {
    if (prop !== 'color') this.ctx.need('1.9', `fill.${prop}`);
    this.write({ set: prop, v }, (a) => {
      guard(a.sheet);
      for (const { row, col } of cellsOf(a.rects)) {
        putCell(a.sheet, row, col, (c) => {
          const f = { ...c.fill, [prop]: v } as FakeFill;
          if (prop === 'color' && c.fill.pattern === 'None') f.pattern = 'Solid';
          if (prop === 'pattern' && v === 'None') Object.assign(f, NO_FILL);
          c.fill = f;
        });
      }
    });
  }
  set color(v: string) {
    this.setAll('color', v);
  }
  set pattern(v: string) {
    this.setAll('pattern', v);
  }
  set patternColor(v: string) {
    this.setAll('patternColor', v);
  }
  set tintAndShade(v: number) {
    this.setAll('tintAndShade', v);
  }
  set patternTintAndShade(v: number) {
    this.setAll('patternTintAndShade', v);
  }
  clear(): void {
    this.write({ method: 'fill.clear' }, (a) => {
      guard(a.sheet);
      for (const { row, col } of cellsOf(a.rects)) putCell(a.sheet, row, col, (c) => (c.fill = { ...NO_FILL }));
    });
  }
}

class FormatP {
  private fillP: FillP | null = null;
  constructor(
    private readonly ctx: FakeContext,
    private readonly area: () => Area,
  ) {}
  get fill(): FillP {
    return (this.fillP ??= new FillP(this.ctx, this.area));
  }
  autofitColumns(): void {
    this.ctx.need('1.2', 'autofitColumns');
    this.ctx.queue({ method: 'autofitColumns' }, () => {
      this.area().sheet.autofit = true;
    });
  }
}

class RangeAreasP extends P<Area> {
  get format(): FormatP {
    return this.cached('format', () => new FormatP(this.ctx, () => this.target()));
  }
}

interface CellPropsLoad {
  format?: { fill?: Partial<Record<keyof FakeFill, boolean>>; indentLevel?: boolean };
}

class RangeP extends P<Area> {
  protected override read(prop: string, a: Area): unknown {
    const r = a.rects[0];
    switch (prop) {
      case 'address':
        return `${quote(a.sheet.name)}!${rectText(r)}`;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      case 'values':
        return grid(a, (c) => c.value);
      case 'text':
        return grid(a, cellText);
      case 'numberFormat':
        return grid(a, (c) => c.numberFormat);
      case 'formulas':
        return grid(a, (c) => c.formula ?? c.value);
      default:
        return super.read(prop, a);
    }
  }
  get address(): string {
    return this.value('address');
  }
  get rowCount(): number {
    return this.value('rowCount');
  }
  get columnCount(): number {
    return this.value('columnCount');
  }
  get values(): unknown[][] {
    return this.value('values');
  }
  get text(): string[][] {
    return this.value('text');
  }
  get numberFormat(): unknown[][] {
    return this.value('numberFormat');
  }
  set values(v: unknown) {
    this.write({ set: 'values', v }, (a) => {
      guard(a.sheet);
      eachIn2d(a, v as unknown[][], assignValue);
    });
  }
  set formulas(v: unknown) {
    this.write({ set: 'formulas', v }, (a) => {
      guard(a.sheet);
      eachIn2d(a, v as unknown[][], (c, f) => (typeof f === 'string' && f.startsWith('=') ? assignFormula(c, f) : assignValue(c, f)));
    });
  }
  set numberFormat(v: unknown) {
    this.write({ set: 'numberFormat', v }, (a) => {
      guard(a.sheet);
      eachIn2d(a, v as unknown[][], (c, f) => (c.numberFormat = String(f)));
    });
  }
  set hyperlink(v: { documentReference?: string; textToDisplay?: string; address?: string }) {
    this.ctx.need('1.7', 'range.hyperlink');
    this.write({ set: 'hyperlink', v }, (a) => {
      guard(a.sheet);
      eachIn2d(a, v, (c, h) => {
        c.hyperlink = { ...h };
        if (h.textToDisplay !== undefined) assignValue(c, h.textToDisplay);
      });
    });
  }
  get format(): FormatP {
    return this.cached('format', () => new FormatP(this.ctx, () => this.target()));
  }
  getCellProperties(opts: CellPropsLoad): ClientResult<Record<string, unknown>[][]> {
    this.ctx.need('1.9', 'getCellProperties');
    return new ClientResult(this.ctx, { method: 'getCellProperties', opts }, () => {
      const a = this.target();
      return grid(a, (c) => {
        const format: Record<string, unknown> = {};
        if (opts.format?.indentLevel) format.indentLevel = c.indent;
        if (opts.format?.fill) {
          const fill: Record<string, unknown> = {};
          for (const [k, on] of Object.entries(opts.format.fill)) if (on) fill[k] = c.fill[k as keyof FakeFill];
          format.fill = fill;
        }
        return { format };
      });
    });
  }
  select(): void {
    this.write({ method: 'select' }, (a) => {
      if (a.sheet.id !== this.ctx.wb.activeId) throw new FakeError('InvalidSelection', 'select on an inactive sheet');
      this.ctx.wb.selection = { sheetId: a.sheet.id, address: rectText(a.rects[0]) };
    });
  }
}

// --- notes (1.18) ---

class NotesP extends P<FakeSheet> {
  add(cellAddress: string, content: string): NoteP {
    const cell = cellAddress.slice(cellAddress.lastIndexOf('!') + 1);
    return new NoteP(
      this.ctx,
      () => {
        const s = this.target();
        guard(s);
        if (s.notes.has(cell)) throw new FakeError('InvalidArgument', `a note already exists on ${cell}`);
        // Real Excel: a cell holds a note OR a threaded comment, never both.
        if (s.comments.some((c) => c.cell === cell)) throw new FakeError('InvalidArgument', `a comment thread exists on ${cell}`);
        s.notes.set(cell, content);
        return { sheet: s, cell };
      },
      { method: 'notes.add', args: [cellAddress, content] },
    );
  }
  getItemOrNullObject(cell: string): NoteP {
    return new NoteP(
      this.ctx,
      () => {
        const s = this.target();
        return s.notes.has(cell) ? { sheet: s, cell } : null;
      },
      { method: 'notes.getItemOrNullObject', args: [cell] },
    );
  }
}

class NoteP extends P<{ sheet: FakeSheet; cell: string }> {
  protected override read(prop: string, t: { sheet: FakeSheet; cell: string }): unknown {
    if (prop === 'content') return t.sheet.notes.get(t.cell) ?? '';
    return super.read(prop, t);
  }
  get content(): string {
    return this.value('content');
  }
  set content(v: string) {
    this.write({ set: 'content', v }, (t) => {
      guard(t.sheet);
      t.sheet.notes.set(t.cell, v);
    });
  }
  delete(): void {
    this.write({ method: 'delete' }, (t) => {
      guard(t.sheet);
      t.sheet.notes.delete(t.cell);
    });
  }
}

// --- comments (1.10) ---

class CommentsP extends P<FakeSheet> {
  private itemProxies: CommentP[] = [];
  get items(): CommentP[] {
    this.value('items');
    return this.itemProxies;
  }
  override load(arg?: LoadArg): this {
    const props = loadList(arg).map((p) => p.replace(/^items\//, ''));
    this.ctx.queue({ load: props }, () => {
      const s = this.target();
      this.itemProxies = s.comments.map((c) => {
        const p = new CommentP(this.ctx, () => ({ sheet: s, c }));
        p.setLoaded(props);
        return p;
      });
      this.loaded.set('items', true);
      return s.comments.map((c) => Object.fromEntries(props.map((p) => [p, (c as unknown as Record<string, unknown>)[p]])));
    });
    return this;
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.ctx, { method: 'getCount' }, () => this.target().comments.length);
  }
  add(cellAddress: string, content: string): CommentP {
    return new CommentP(
      this.ctx,
      () => {
        const s = this.target();
        const bang = cellAddress.lastIndexOf('!');
        if (bang < 0) throw new FakeError('InvalidArgument', 'comment address needs the sheet name');
        const sheetPart = cellAddress.slice(0, bang);
        if (sheetPart !== quote(s.name) && sheetPart !== s.name) throw new FakeError('InvalidArgument', `wrong sheet ${sheetPart}`);
        const cell = cellAddress.slice(bang + 1);
        guard(s);
        if (s.comments.some((c) => c.cell === cell)) throw new FakeError('InvalidArgument', `a comment already exists on ${cell}`);
        if (s.notes.has(cell)) throw new FakeError('InvalidArgument', `a note exists on ${cell}`);
        const c: FakeComment = { id: `c${this.ctx.wb.nextId++}`, cell, content, replies: [] };
        s.comments.push(c);
        return { sheet: s, c };
      },
      { method: 'comments.add', args: [cellAddress, content] },
    );
  }
}

class CommentP extends P<{ sheet: FakeSheet; c: FakeComment }> {
  setLoaded(props: string[]): void {
    const t = this.target();
    for (const p of props) this.loaded.set(p, (t.c as unknown as Record<string, unknown>)[p]);
  }
  protected override read(prop: string, t: { sheet: FakeSheet; c: FakeComment }): unknown {
    if (prop === 'content' || prop === 'id') return t.c[prop];
    return super.read(prop, t);
  }
  get id(): string {
    return this.value('id');
  }
  get content(): string {
    return this.value('content');
  }
  set content(v: string) {
    this.write({ set: 'content', v }, (t) => {
      guard(t.sheet);
      t.c.content = v;
    });
  }
  delete(): void {
    this.write({ method: 'delete' }, (t) => {
      guard(t.sheet);
      t.sheet.comments = t.sheet.comments.filter((x) => x !== t.c);
    });
  }
  getLocation(): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const t = this.target();
        return { sheet: t.sheet, rects: [parseRangeAddress(t.c.cell) as Rect] };
      },
      { method: 'getLocation', args: [] },
    );
  }
  get replies(): RepliesP {
    return this.cached('replies', () => new RepliesP(this.ctx, () => this.target()));
  }
}

class RepliesP extends P<{ sheet: FakeSheet; c: FakeComment }> {
  private itemProxies: ReplyP[] = [];
  get items(): ReplyP[] {
    this.value('items');
    return this.itemProxies;
  }
  override load(arg?: LoadArg): this {
    const props = loadList(arg).map((p) => p.replace(/^items\//, ''));
    this.ctx.queue({ load: props }, () => {
      const t = this.target();
      this.itemProxies = t.c.replies.map((r) => {
        const p = new ReplyP(this.ctx, () => ({ ...t, r }));
        p.setLoaded(props);
        return p;
      });
      this.loaded.set('items', true);
      return t.c.replies;
    });
    return this;
  }
  add(content: string): ReplyP {
    return new ReplyP(
      this.ctx,
      () => {
        const t = this.target();
        guard(t.sheet);
        const r = { id: `r${this.ctx.wb.nextId++}`, content };
        t.c.replies.push(r);
        return { ...t, r };
      },
      { method: 'replies.add', args: [content] },
    );
  }
}

class ReplyP extends P<{ sheet: FakeSheet; c: FakeComment; r: { id: string; content: string } }> {
  setLoaded(props: string[]): void {
    const t = this.target();
    for (const p of props) this.loaded.set(p, (t.r as unknown as Record<string, unknown>)[p]);
  }
  get content(): string {
    return this.value('content');
  }
  set content(v: string) {
    this.write({ set: 'content', v }, (t) => {
      guard(t.sheet);
      t.r.content = v;
    });
  }
  delete(): void {
    this.write({ method: 'delete' }, (t) => {
      guard(t.sheet);
      t.c.replies = t.c.replies.filter((x) => x !== t.r);
    });
  }
}

// --- tables ---

interface TableRef {
  sheet: FakeSheet;
  table: { name: string; address: string };
}

class TablesP extends P<TableRef[]> {
  private itemProxies: TableP[] = [];
  constructor(
    ctx: FakeContext,
    private readonly ws: WorksheetP | null,
  ) {
    super(ctx, () => {
      const sheets = ws ? [ws.target()] : ctx.wb.sheets;
      return sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
    });
  }
  get items(): TableP[] {
    this.value('items');
    return this.itemProxies;
  }
  override load(arg?: LoadArg): this {
    const props = loadList(arg).map((p) => p.replace(/^items\//, ''));
    this.ctx.queue({ load: props }, () => {
      const list = this.target();
      this.itemProxies = list.map((t) => {
        const p = new TableP(this.ctx, () => t);
        p.setLoaded();
        // A navigation path in the select (`items/worksheet/name`), as Office.js allows.
        if (props.includes('worksheet/name')) {
          this.ctx.need('1.2', 'table.worksheet');
          p.worksheet.setLoaded(['name']);
        }
        return p;
      });
      this.loaded.set('items', true);
      return list.map((t) => (props.includes('worksheet/name') ? { name: t.table.name, worksheet: { name: t.sheet.name } } : { name: t.table.name }));
    });
    return this;
  }
  getItemOrNullObject(name: string): TableP {
    this.ctx.need('1.4', 'tables.getItemOrNullObject');
    return new TableP(this.ctx, () => this.target().find((t) => t.table.name === name) ?? null, {
      method: 'tables.getItemOrNullObject',
      args: [name],
    });
  }
  add(address: string, hasHeaders: boolean): TableP {
    const ws = this.ws;
    return new TableP(
      this.ctx,
      () => {
        if (!ws) throw new FakeError('InvalidArgument', 'use worksheet.tables.add in this fake');
        const sheet = ws.target();
        guard(sheet);
        // A sheet-qualified address must name this sheet, quoted the way Excel requires.
        const bang = address.lastIndexOf('!');
        const part = address.slice(0, bang);
        if (bang >= 0 && part !== quote(sheet.name) && part !== `'${sheet.name.replace(/'/g, "''")}'`) {
          throw new FakeError('InvalidArgument', `tables.add ${address}`);
        }
        const local = address.slice(bang + 1);
        const all = this.ctx.wb.sheets.flatMap((s) => s.tables.map((t) => t.name));
        let n = 1;
        while (all.includes(`Table${n}`)) n++;
        const table = { name: `Table${n}`, address: hasHeaders ? local : local };
        sheet.tables.push(table);
        return { sheet, table };
      },
      { method: 'tables.add', args: [address, hasHeaders] },
    );
  }
}

class TableP extends P<TableRef> {
  setLoaded(): void {
    this.loaded.set('name', this.target().table.name);
  }
  protected override read(prop: string, t: TableRef): unknown {
    if (prop === 'name') return t.table.name;
    return super.read(prop, t);
  }
  get name(): string {
    return this.value('name');
  }
  set name(v: string) {
    this.write({ set: 'name', v }, (t) => {
      const all = this.ctx.wb.sheets.flatMap((s) => s.tables).filter((x) => x !== t.table);
      if (all.some((x) => x.name === v)) throw new FakeError('ItemAlreadyExists', v);
      t.table.name = v;
    });
  }
  get worksheet(): WorksheetP {
    this.ctx.need('1.2', 'table.worksheet');
    return this.cached('worksheet', () => new WorksheetP(this.ctx, () => this.targetOrNull()?.sheet ?? null));
  }
  delete(): void {
    this.write({ method: 'delete' }, (t) => {
      t.sheet.tables = t.sheet.tables.filter((x) => x !== t.table);
    });
  }
}
