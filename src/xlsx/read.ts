/**
 * .xlsx / .xlsm bytes → one Grid per worksheet, in the browser as in Node (no Node built-ins
 * here). Only the workbook, relationships, shared strings, styles, worksheets and (for the
 * preview) notes are inflated; media, drawings and the rest stay compressed. Values as Excel holds
 * them: formula cells give their cached result (none cached: an error value, never 0), dates
 * become their display text, a merged area keeps its value in the master cell only.
 */
import type { Cell, CellValue, Grid } from '../core/grid';
import { formatDate, serialToDate } from './dates';
import { XlsxReadError } from './errors';
import { builtInFormat, isDateFormat } from './number-formats';
import {
  CommentsHandler,
  RelsHandler,
  SharedStringsHandler,
  StylesHandler,
  WorkbookHandler,
  type Relationship,
} from './parts';
import { CellType, SheetHandler, type Range, type RawCell } from './sheet-part';
import { DEFAULT_LIMITS, unzipParts, type UnzipLimits, type WholeInflate } from './unzip';
import { unescapeOoxml, xmlSink, type XmlHandler } from './xml';

export interface ReadOptions {
  /** Also read what the preview draws: fills, fonts, alignment, widths, merges, notes. */
  presentation?: boolean;
  limits?: UnzipLimits;
  /** The host's own inflater for parts that fit in memory whole (the CLI: Node's zlib). */
  inflate?: WholeInflate;
}

/** How a cell looks, for the preview. Colours are `#RRGGBB`. */
export interface CellLook {
  fill?: string;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  note?: string;
}

export interface SheetPresentation {
  /** By address (`B3`): every cell with a look, blank or not. */
  looks: Map<string, CellLook>;
  /** Column widths in characters of the default font, by column number. */
  colWidths: Map<number, number>;
  /** Merged areas clipped to the data, as `A1:G1`. */
  merges: string[];
}

export interface SheetRead {
  grid: Grid;
  state: 'visible' | 'hidden' | 'veryHidden';
  presentation?: SheetPresentation;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Parts no check or preview reads: never inflated. */
const SKIPPED =
  /^(xl\/(media|drawings|charts|chartsheets|theme|printerSettings|pivotCache|pivotTables|externalLinks|embeddings|activeX|ctrlProps|diagrams|slicers|slicerCaches|timelines|timelineCaches|threadedComments|persons|richData|queryTables|tables|customXml)\/|customXml\/|docProps\/)/i;

export function isOle(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== OLE[i]) return false;
  return true;
}

type Part = RelsHandler | WorkbookHandler | SharedStringsHandler | StylesHandler | SheetHandler | CommentsHandler;

export function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): SheetRead[] {
  if (isOle(bytes)) throw new XlsxReadError('ole', 'OLE compound file');
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new XlsxReadError('not-zip', 'not a zip archive');
  const presentation = options.presentation === true;
  const parts = new Map<string, Part>();
  const ended = new Set<string>();
  let foreign: 'ods' | 'numbers' | undefined;

  unzipParts(
    bytes,
    (rawName) => {
      const name = normalisePath(rawName);
      if (name === 'mimetype' || name === 'content.xml') foreign = 'ods';
      if (/^index\/.*\.iwa$/i.test(name)) foreign = 'numbers';
      if (!/\.(xml|rels)$/i.test(name) || SKIPPED.test(name)) return undefined;
      if (!presentation && /(^|\/)comments\d*\.xml$/i.test(name)) return undefined;
      const sink = xmlSink((root): XmlHandler | undefined => {
        const h = handlerFor(root, presentation);
        if (h) parts.set(name.toLowerCase(), h);
        return h;
      });
      return {
        data: (chunk) => sink.data(chunk),
        end: () => {
          sink.end();
          ended.add(name.toLowerCase());
        },
      };
    },
    options.limits ?? DEFAULT_LIMITS,
    options.inflate,
  );

  const partOf = <T extends Part>(name: string, kind: new (...a: never[]) => T): T | undefined => {
    const key = name.toLowerCase();
    const p = parts.get(key);
    return p instanceof kind && ended.has(key) ? p : undefined;
  };

  // The workbook part is where the package's root relationships say, else the usual place.
  const rootRels = partOf('_rels/.rels', RelsHandler);
  const officeDoc = rootRels?.rels.find((r) => /\/officeDocument$/.test(r.type));
  const wbName = officeDoc ? resolveTarget('', officeDoc.target) : 'xl/workbook.xml';
  const wb = partOf(wbName, WorkbookHandler) ?? findPart(parts, ended, WorkbookHandler);
  if (!wb) {
    if (foreign) throw new XlsxReadError(foreign, `an ${foreign} package`);
    throw new XlsxReadError('corrupt', 'no workbook part');
  }
  const wbPath = wb === partOf(wbName, WorkbookHandler) ? wbName : keyOf(parts, wb);
  const wbRels = partOf(relsPathOf(wbPath), RelsHandler)?.rels ?? [];
  const target = (rels: Relationship[], type: RegExp): string | undefined => {
    const r = rels.find((x) => type.test(x.type) && !x.external);
    return r ? resolveTarget(wbPath, r.target) : undefined;
  };
  const sstPath = target(wbRels, /\/sharedStrings$/);
  const stylesPath = target(wbRels, /\/styles$/);
  const sst = (sstPath && partOf(sstPath, SharedStringsHandler)) || findPart(parts, ended, SharedStringsHandler);
  const styles = (stylesPath && partOf(stylesPath, StylesHandler)) || findPart(parts, ended, StylesHandler);
  const ctx: Context = {
    strings: sst?.strings ?? [],
    styles,
    date1904: wb.date1904,
    presentation,
    dateFormats: new Map(),
  };

  const out: SheetRead[] = [];
  for (const entry of wb.sheets) {
    const rel = wbRels.find((r) => r.id === entry.relId && !r.external);
    if (!rel) continue;
    const path = resolveTarget(wbPath, rel.target);
    const sheet = partOf(path, SheetHandler);
    // A chartsheet or dialog sheet has no cells: like Excel's own object model, it is no worksheet.
    if (!sheet) continue;
    let notes: Map<string, string> | undefined;
    if (presentation) {
      const sheetRels = partOf(relsPathOf(path), RelsHandler)?.rels ?? [];
      const commentsRel = sheetRels.find((r) => /\/comments$/.test(r.type) && !r.external);
      if (commentsRel) notes = partOf(resolveTarget(path, commentsRel.target), CommentsHandler)?.notes;
    }
    out.push(assembleSheet(entry.name, entry.state, sheet, ctx, notes));
  }
  return out;
}

function handlerFor(root: string, presentation: boolean): Part | undefined {
  switch (root) {
    case 'Relationships':
      return new RelsHandler();
    case 'workbook':
      return new WorkbookHandler();
    case 'sst':
      return new SharedStringsHandler();
    case 'styleSheet':
      return new StylesHandler();
    case 'worksheet':
      return new SheetHandler(presentation);
    case 'comments':
      return presentation ? new CommentsHandler() : undefined;
    default:
      return undefined;
  }
}

function findPart<T extends Part>(
  parts: Map<string, Part>,
  ended: Set<string>,
  kind: new (...a: never[]) => T,
): T | undefined {
  for (const [k, p] of parts) if (p instanceof kind && ended.has(k)) return p;
  return undefined;
}

function keyOf(parts: Map<string, Part>, part: Part): string {
  for (const [k, p] of parts) if (p === part) return k;
  return '';
}

/** Zip names use `/`; some writers add a leading slash or use `\`. */
function normalisePath(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target, relative to its source part's folder unless it starts with `/`. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

interface Context {
  strings: string[];
  styles: StylesHandler | undefined;
  date1904: boolean;
  presentation: boolean;
  /** isDateFormat by format code: a sheet has a handful of codes and thousands of numbers. */
  dateFormats: Map<string, boolean>;
}

/** Index of the first element ≥ x in an ascending array. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function byColumn(a: RawCell, b: RawCell): number {
  return a.col - b.col;
}

/**
 * Rows in ascending order, each row's cells by column. Writers emit them sorted; only a file that
 * repeats or reorders rows pays for merging and sorting.
 */
function orderedRows(sheet: SheetHandler): { rowNums: number[]; rows: RawCell[][] } {
  const { rowNums, rowCells } = sheet;
  let sorted = true;
  for (let i = 1; i < rowNums.length && sorted; i++) if (rowNums[i] <= rowNums[i - 1]) sorted = false;
  if (sorted) return { rowNums, rows: rowCells };
  const byRow = new Map<number, RawCell[]>();
  for (let i = 0; i < rowNums.length; i++) {
    const line = byRow.get(rowNums[i]);
    if (line) for (const c of rowCells[i]) line.push(c);
    else byRow.set(rowNums[i], rowCells[i]);
  }
  const nums: number[] = [];
  for (const r of byRow.keys()) nums.push(r);
  nums.sort((a, b) => a - b);
  const rows: RawCell[][] = [];
  for (const r of nums) rows.push(byRow.get(r) ?? []);
  return { rowNums: nums, rows };
}

function assembleSheet(
  name: string,
  state: SheetRead['state'],
  sheet: SheetHandler,
  ctx: Context,
  notes: Map<string, string> | undefined,
): SheetRead {
  const { rowNums, rows } = orderedRows(sheet);
  let maxCol = 0;
  for (const cells of rows) {
    for (let i = 1; i < cells.length; i++) {
      if (cells[i].col <= cells[i - 1].col) {
        cells.sort(byColumn);
        break;
      }
    }
    if (cells.length && cells[cells.length - 1].col > maxCol) maxCol = cells[cells.length - 1].col;
  }
  const maxRow = rowNums.length ? rowNums[rowNums.length - 1] : 0;
  const merges = clipMerges(sheet.merges, maxRow, maxCol);
  hideMergedCells(merges, rowNums, rows);

  const cells: Grid['cells'] = [];
  const looks = new Map<string, CellLook>();
  for (let i = 0; i < rowNums.length; i++) {
    const r = rowNums[i];
    let line: (Cell | null)[] | undefined;
    for (const raw of rows[i]) {
      if (raw.merged) continue;
      if (ctx.presentation) {
        const look = lookOf(raw, ctx, notes, r);
        if (look) looks.set(`${columnLetters(raw.col)}${r}`, look);
      }
      const cell = toCell(raw, ctx);
      if (!cell) continue;
      if (!line) {
        line = [];
        placeRow(cells, r, line);
      }
      placeCell(line, raw.col, cell);
    }
  }
  if (notes) {
    // A note on a cell with no <c> element still shows.
    for (const [ref, note] of notes) if (!looks.has(ref)) looks.set(ref, { note });
  }
  const grid: Grid = { sheet: name, top: 1, left: 1, cells };
  if (!ctx.presentation) return { grid, state };
  const colWidths = new Map<number, number>();
  const widest = Math.max(maxCol, 1);
  for (const [min, max, width] of sheet.cols)
    for (let c = min; c <= Math.min(max, widest); c++) colWidths.set(c, width);
  const mergeRefs = merges.map((m) => `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`);
  return { grid, state, presentation: { looks, colWidths, merges: mergeRefs } };
}

/** Small gaps are filled (packed arrays stay fast); a far-away row or column leaves a hole instead. */
const FILL_GAP = 1024;

function placeRow(cells: Grid['cells'], row: number, line: (Cell | null)[]): void {
  if (row - 1 - cells.length <= FILL_GAP) while (cells.length < row - 1) cells.push([]);
  cells[row - 1] = line;
}

function placeCell(line: (Cell | null)[], col: number, cell: Cell): void {
  if (col - 1 - line.length <= FILL_GAP) while (line.length < col - 1) line.push(null);
  line[col - 1] = cell;
}

/** Merged areas cut to the used range: a merge over the whole sheet costs no more than the data. */
function clipMerges(merges: Range[], maxRow: number, maxCol: number): Range[] {
  const out: Range[] = [];
  for (const m of merges) {
    if (m.top > maxRow || m.left > maxCol) continue;
    const clipped = { top: m.top, left: m.left, bottom: Math.min(m.bottom, maxRow), right: Math.min(m.right, maxCol) };
    if (clipped.bottom > clipped.top || clipped.right > clipped.left) out.push(clipped);
  }
  return out;
}

/** Marks every cell under a merge except its master: walks only the rows and cells that exist. */
function hideMergedCells(merges: Range[], rowNums: number[], rows: RawCell[][]): void {
  for (const m of merges) {
    for (let i = lowerBound(rowNums, m.top); i < rowNums.length && rowNums[i] <= m.bottom; i++) {
      const r = rowNums[i];
      const cells = rows[i];
      for (let j = lowerBoundCells(cells, m.left); j < cells.length && cells[j].col <= m.right; j++) {
        if (r !== m.top || cells[j].col !== m.left) cells[j].merged = true;
      }
    }
  }
}

function lowerBoundCells(cells: RawCell[], col: number): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cells[mid].col < col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function formatOf(style: number, ctx: Context): string | undefined {
  const xf = ctx.styles?.xfs[style];
  if (!xf || !xf.numFmtId) return undefined;
  return ctx.styles?.numFmts.get(xf.numFmtId) ?? builtInFormat(xf.numFmtId);
}

const UNCOMPUTED: CellValue = { error: '#未计算' };

function valueOf(raw: RawCell, ctx: Context, fmt: string | undefined): CellValue {
  const v = raw.value;
  // A formula with no cached result (written by a script or some exporters): unreadable, so the
  // A1 rule reports it, rather than a blank that would read as 0 and break the sums.
  if (v === undefined) return raw.formula ? UNCOMPUTED : null;
  switch (raw.type) {
    case CellType.Shared: {
      const s = ctx.strings[Number(v)];
      return s === undefined ? null : s;
    }
    case CellType.String:
    case CellType.Inline:
      return unescapeOoxml(v);
    case CellType.Bool:
      return v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case CellType.Error:
      return { error: v };
    case CellType.Date: {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(d.getTime()) ? v : formatDate(d, fmt);
    }
    default: {
      if (v.trim() === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return { error: '#VALUE!' };
      return isDate(fmt, ctx) ? formatDate(serialToDate(n, ctx.date1904), fmt) : n;
    }
  }
}

function isDate(fmt: string | undefined, ctx: Context): boolean {
  if (!fmt) return false;
  let date = ctx.dateFormats.get(fmt);
  if (date === undefined) ctx.dateFormats.set(fmt, (date = isDateFormat(fmt)));
  return date;
}

function toCell(raw: RawCell, ctx: Context): Cell | null {
  const fmt = formatOf(raw.style, ctx);
  const value = valueOf(raw, ctx, fmt);
  if (value === null) return null;
  const cell: Cell = { value };
  const indent = ctx.styles?.xfs[raw.style]?.indent;
  if (indent) cell.indent = indent;
  if (fmt && fmt !== 'General' && typeof value === 'number') cell.numberFormat = fmt;
  return cell;
}

function css(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9a-f]{6,8}$/i.test(argb)) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

function lookOf(raw: RawCell, ctx: Context, notes: Map<string, string> | undefined, row: number): CellLook | undefined {
  const look: CellLook = {};
  const xf = ctx.styles?.xfs[raw.style];
  if (xf) {
    const fill = css(ctx.styles?.fills[xf.fillId]);
    if (fill) look.fill = fill;
    const font = ctx.styles?.fonts[xf.fontId];
    if (font?.bold) look.bold = true;
    const color = css(font?.color);
    if (color && color !== '#000000') look.color = color;
    const h = xf.horizontal;
    const align =
      h === 'center' || h === 'centerContinuous'
        ? 'center'
        : h === 'right'
          ? 'right'
          : h === 'left'
            ? 'left'
            : undefined;
    if (align) look.align = align;
  }
  const note = notes?.get(`${columnLetters(raw.col)}${row}`);
  if (note !== undefined) look.note = note;
  return Object.keys(look).length ? look : undefined;
}
