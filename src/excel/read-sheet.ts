/**
 * Reading the active sheet into a Grid. Normal sheets are read in ONE round trip: the used range's
 * address, values, text and number formats (plus indent levels on ExcelApi 1.9) are loaded
 * together, without a separate "how big is it?" trip. Only when Excel refuses that as too large
 * (Excel on the web caps a response at 5 MB; any Excel answers `values: null` past 5 million cells)
 * do we learn the used range, find the rectangles in it that hold values (sparse-read.ts: a value
 * typed far from the table must not make us fetch the box between) and read those in blocks, each
 * sized from the bytes per cell actually measured so far, reporting progress per block.
 */
import type { Cell, CellValue, Grid } from '../core/grid';
import type { ApiLevel } from './api-level';
import { parseRangeAddress, type Rect } from './addresses';
import { cellCount, findDataRects, rangeText, sparseGrid } from './sparse-read';

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Target size of one block's response: under the web's 5 MB with room for JSON overhead. */
export const BLOCK_BYTES = 3_000_000;
/** A budget table is never near this; reading more would freeze Excel for minutes. */
export const MAX_CELLS = 2_000_000;
/**
 * First guess of UTF-8 bytes per cell (values + text + format + indent as JSON) before anything is
 * measured. Conservative: a 绩效 table mixes short amounts with long Chinese text (3 bytes a
 * character); a refused block costs a round trip, a small first block only a few rows. Later blocks
 * are sized from what was measured.
 */
const FIRST_GUESS_BYTES_PER_CELL = 600;

const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|TIMEOUT!|EXTERNAL!)$/;

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === 'ResponsePayloadSizeLimitExceeded' ||
    code === 'RequestPayloadSizeLimitExceeded' ||
    code === 'RangeExceedsLimit'
  );
}

interface Block {
  values: unknown[][];
  numberFormat: string[][];
  indents: number[][] | null;
}

/**
 * Error values come back from `values` as their display strings; telling them from typed text would
 * need `valueTypes` (one more string per cell). Only the fixed set of Excel error literals is taken
 * as an error: a clerk does not type `#DIV/0!` as a label.
 */
function toCell(v: unknown, fmt: string | undefined, indent: number | undefined): Cell | null {
  let value: CellValue;
  if (v === '' || v === null || v === undefined) value = null;
  else if (typeof v === 'string' && ERROR_VALUE.test(v)) value = { error: v };
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') value = v;
  else value = String(v);
  if (value === null) return null;
  const cell: Cell = { value };
  if (fmt && fmt !== 'General') cell.numberFormat = fmt;
  if (indent) cell.indent = indent;
  return cell;
}

function appendRows(rows: (Cell | null)[][], b: Block): void {
  for (let r = 0; r < b.values.length; r++) {
    const vr = b.values[r] ?? [];
    const out: (Cell | null)[] = [];
    for (let c = 0; c < vr.length; c++) {
      out.push(toCell(vr[c], b.numberFormat[r]?.[c], b.indents?.[r]?.[c]));
    }
    rows.push(out);
  }
}

/**
 * Values and number formats, not `text`: the core reads numbers from their value and format, and a
 * text cell's `text` is its value again — loading it doubled every long 绩效指标 text in the
 * response (21 MB instead of 11 MB for 10,000 projects), and Excel on the web caps a response at 5 MB.
 */
function queueBlock(range: Excel.Range, api: ApiLevel): () => Block {
  range.load(['values', 'numberFormat']);
  const props = api.v1_9 ? range.getCellProperties({ format: { indentLevel: true } }) : null;
  return () => ({
    values: range.values,
    numberFormat: range.numberFormat as string[][],
    indents: props ? props.value.map((row) => row.map((p) => p.format?.indentLevel ?? 0)) : null,
  });
}

function usedRangeOf(ws: Excel.Worksheet, api: ApiLevel): Excel.Range {
  // valuesOnly (1.2) ignores cells that only carry formatting, e.g. a fill dragged down to row 60000.
  return api.v1_2 ? ws.getUsedRange(true) : ws.getUsedRange();
}

export async function readActiveSheet(
  run: ExcelRun,
  api: ApiLevel,
  onProgress?: (done: number, total: number) => void,
): Promise<Grid> {
  try {
    const whole = await run(async (ctx): Promise<Grid | null> => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      const used = usedRangeOf(ws, api);
      used.load(['address', 'rowCount', 'columnCount']);
      const block = queueBlock(used, api);
      await ctx.sync();
      // Over 5 million cells Excel answers `values: null` (documented since 2026): too large for one
      // read, exactly like a refused response.
      if (used.values === null) return null;
      const rect = parseRangeAddress(used.address) ?? { top: 1, left: 1, bottom: 1, right: 1 };
      const cells: (Cell | null)[][] = [];
      appendRows(cells, block());
      onProgress?.(used.rowCount, used.rowCount);
      return { sheet: ws.name, top: rect.top, left: rect.left, cells };
    });
    if (whole !== null) return whole;
  } catch (e) {
    if (!isPayloadError(e)) throw e;
  }
  return readInBlocks(run, api, onProgress);
}

export class TooLargeError extends Error {
  constructor(readonly cells: number) {
    super(`used range of ${cells} cells`);
  }
}

/** One slice of a data rectangle queued in a fetch sync. */
interface Slice {
  rect: Rect;
  read: () => Block;
}

/**
 * Too large for one read: find the rectangles that hold values (see sparse-read.ts), then fetch
 * them in blocks of about BLOCK_BYTES of response, each sized from the bytes per cell measured so
 * far; small rectangles share a block, a tall one is cut into row slices. Progress counts rows.
 */
async function readInBlocks(
  run: ExcelRun,
  api: ApiLevel,
  onProgress?: (done: number, total: number) => void,
): Promise<Grid> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.load('name');
    const used = usedRangeOf(ws, api);
    used.load(['address', 'rowCount', 'columnCount']);
    await ctx.sync();
    const whole = parseRangeAddress(used.address) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    const rects = await findDataRects(ctx, ws, whole, api);
    if (rects === null) throw new TooLargeError(used.rowCount * used.columnCount);
    let total = 0;
    let rows = 0;
    for (const r of rects) {
      total += cellCount(r);
      rows += r.bottom - r.top + 1;
    }
    if (total > MAX_CELLS) throw new TooLargeError(total);
    const entries: [number, number, Cell][] = [];
    const queue: Rect[] = rects.slice();
    let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
    let done = 0;
    let retries = 0;
    onProgress?.(0, rows);
    while (queue.length > 0) {
      const slices = takeSlices(ws, queue, bytesPerCell, api);
      try {
        await ctx.sync();
      } catch (e) {
        // Denser than measured (long texts further down): double the estimate and retry, a few times.
        const oneRow = slices.length === 1 && slices[0].rect.top === slices[0].rect.bottom;
        if (!isPayloadError(e) || oneRow || ++retries > 6) throw e;
        for (let i = slices.length - 1; i >= 0; i--) queue.unshift(slices[i].rect);
        bytesPerCell *= 2;
        continue;
      }
      let cells = 0;
      let bytes = 0;
      for (const { rect, read } of slices) {
        const b = read();
        appendEntries(entries, rect, b);
        cells += cellCount(rect);
        // Bytes, not characters: the 5 MB limit counts UTF-8, and Chinese text is 3 bytes a character.
        bytes += utf8Length(JSON.stringify([b.values, b.numberFormat, b.indents]));
        done += rect.bottom - rect.top + 1;
      }
      bytesPerCell = Math.max(8, (bytes / cells) * 1.5);
      onProgress?.(done, rows);
    }
    return sparseGrid(ws.name, rects, entries);
  });
}

/**
 * Queues the next fetch sync: whole rectangles while they fit BLOCK_BYTES, then the rows of the
 * next one that fit (at least one row); the rest stays at the front of the queue.
 */
function takeSlices(ws: Excel.Worksheet, queue: Rect[], bytesPerCell: number, api: ApiLevel): Slice[] {
  const slices: Slice[] = [];
  let budget = BLOCK_BYTES;
  while (queue.length > 0) {
    const r = queue[0];
    const cols = r.right - r.left + 1;
    const rowsFit = Math.floor(budget / (cols * bytesPerCell));
    const rows = r.bottom - r.top + 1;
    if (rowsFit <= 0 && slices.length > 0) break;
    const take = Math.max(1, Math.min(rows, rowsFit));
    const rect = { ...r, bottom: r.top + take - 1 };
    slices.push({ rect, read: queueBlock(ws.getRange(rangeText(rect)).untrack(), api) });
    budget -= take * cols * bytesPerCell;
    if (take < rows) {
      queue[0] = { ...r, top: r.top + take };
      break;
    }
    queue.shift();
  }
  return slices;
}

function appendEntries(entries: [number, number, Cell][], rect: Rect, b: Block): void {
  for (let r = 0; r < b.values.length; r++) {
    const vr = b.values[r] ?? [];
    for (let c = 0; c < vr.length; c++) {
      const cell = toCell(vr[c], b.numberFormat[r]?.[c], b.indents?.[r]?.[c]);
      if (cell) entries.push([rect.top + r, rect.left + c, cell]);
    }
  }
}

/** UTF-8 length of a string without encoding it (a block's JSON can be megabytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}
