/**
 * Reading the active sheet into a Grid. Normal sheets are read in ONE round trip: the used range's
 * address, values, text and number formats (plus indent levels on ExcelApi 1.9) are loaded
 * together, without a separate "how big is it?" trip. Only when Excel refuses that as too large
 * (Excel on the web caps a response at 5 MB) do we learn the size and read row blocks, each sized
 * from the bytes per cell actually measured so far, reporting progress per block.
 */
import type { Cell, CellValue, Grid } from '../core/grid';
import { columnName } from '../core/grid';
import type { ApiLevel } from './api-level';
import { parseRangeAddress } from './addresses';

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

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|TIMEOUT!|EXTERNAL!)$/;

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
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
    const rows = used.rowCount;
    const cols = Math.max(1, used.columnCount);
    if (rows * cols > MAX_CELLS) throw new TooLargeError(rows * cols);
    const rect = parseRangeAddress(used.address) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    const cells: (Cell | null)[][] = [];
    let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
    let done = 0;
    let retries = 0;
    onProgress?.(0, rows);
    while (done < rows) {
      const take = Math.max(1, Math.min(rows - done, Math.floor(BLOCK_BYTES / (cols * bytesPerCell))));
      const top = rect.top + done;
      const address = `${columnName(rect.left)}${top}:${columnName(rect.left + cols - 1)}${top + take - 1}`;
      const range = ws.getRange(address).untrack();
      const block = queueBlock(range, api);
      try {
        await ctx.sync();
      } catch (e) {
        // Denser than measured (long texts further down): halve the estimate and retry, a few times.
        if (!isPayloadError(e) || take === 1 || ++retries > 6) throw e;
        bytesPerCell *= 2;
        continue;
      }
      const b = block();
      appendRows(cells, b);
      // Bytes, not characters: the 5 MB limit counts UTF-8, and Chinese text is 3 bytes a character.
      const measured = utf8Length(JSON.stringify([b.values, b.numberFormat, b.indents])) / (take * cols);
      bytesPerCell = Math.max(8, measured * 1.5);
      done += take;
      onProgress?.(done, rows);
    }
    return { sheet: ws.name, top: rect.top, left: rect.left, cells };
  });
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
