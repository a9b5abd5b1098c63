/**
 * Queued reads and writes of the per-cell state that marking touches: fills, notes, comments.
 * Each `queue*` only queues proxies and returns a getter to call after the caller's ONE sync, so
 * a whole action stays at a constant number of round trips whatever the number of cells.
 */
import { chunkAddresses, NOTE_HEADER } from '../core/marks';
import type { ApiLevel } from './api-level';
import { compressCells, normaliseCell, rectAddress, rectsOf } from './addresses';
import type { FillState } from './fills';
import { jsonBytes as jsonBytesOf, readSplitting } from './blocks';
import { OP_ENVELOPE, opSize } from './op-bytes';

export function isOurText(content: string | null | undefined): boolean {
  if (typeof content !== 'string') return false;
  return Object.values(NOTE_HEADER).some((h) => content.startsWith(h));
}

const FILL_PROPS = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };

/** Current fill of each cell. 1.9: one getCellProperties per vertical run; before: one load per cell. */
export function queueFillReads(
  ws: Excel.Worksheet,
  cells: readonly string[],
  api: ApiLevel,
): () => Map<string, FillState> {
  if (cells.length === 0) return () => new Map();
  if (api.v1_9) {
    const reads = rectsOf(compressCells(cells)).map((rect) => ({
      rect,
      props: ws
        .getRange(rectAddress(rect))
        .untrack()
        .getCellProperties({ format: { fill: FILL_PROPS } }),
    }));
    return () => {
      const out = new Map<string, FillState>();
      for (const { rect, props } of reads) {
        props.value.forEach((row, i) =>
          row.forEach((p, j) => {
            const f = p.format?.fill ?? {};
            out.set(
              rectAddress({ top: rect.top + i, bottom: rect.top + i, left: rect.left + j, right: rect.left + j }),
              {
                color: f.color ?? null,
                pattern: f.pattern ?? 'None',
                patternColor: f.patternColor,
                tintAndShade: f.tintAndShade,
                patternTintAndShade: f.patternTintAndShade,
              },
            );
          }),
        );
      }
      return out;
    };
  }
  const reads = cells.map((cell) => {
    const fill = ws.getRange(cell).untrack().format.fill;
    fill.load('color');
    return { cell, fill };
  });
  return () => new Map(reads.map(({ cell, fill }) => [cell, { color: fill.color }]));
}

/** The fill properties a state sets, in the order they are written (pattern first: it resets the rest). */
function fillSets(state: FillState, api: ApiLevel): [keyof Excel.RangeFill & string, string | number][] {
  const out: [keyof Excel.RangeFill & string, string | number][] = [];
  if (api.v1_9 && state.pattern) out.push(['pattern', state.pattern]);
  if (state.color) out.push(['color', state.color]);
  if (api.v1_9) {
    if (state.patternColor) out.push(['patternColor', state.patternColor]);
    if (state.tintAndShade) out.push(['tintAndShade', state.tintAndShade]);
    if (state.patternTintAndShade) out.push(['patternTintAndShade', state.patternTintAndShade]);
  }
  return out;
}

function applyFill(fill: Excel.RangeFill, state: FillState | null, api: ApiLevel): void {
  if (state === null) {
    fill.clear();
    return;
  }
  const f = fill as unknown as Record<string, string | number>;
  for (const [k, v] of fillSets(state, api)) f[k] = v;
}

/** One queued write and its request size (see WriteBlocks). */
export interface WriteOp {
  bytes: number;
  queue: () => void;
}

function fillBytes(address: string, state: FillState | null, api: ApiLevel): number {
  if (state === null) return opSize(api.v1_9 ? 'fillAreasClear' : 'fillRunClear', address);
  const sets = fillSets(state, api).map(([, v]) => v);
  // `sets` holds a cell's few fill properties (at most four), never data-sized.
  // eslint-disable-next-line no-restricted-syntax
  if (!api.v1_9) return opSize('fillRunColor', address, ...sets);
  // eslint-disable-next-line no-restricted-syntax
  return opSize('fillAreas', address, ...sets) + Math.max(0, sets.length - 3) * OP_ENVELOPE.fillProp;
}

/**
 * One fill for many cells, as separately sized operations. 1.9: `getRanges` over address chunks
 * under the 8,192-character cut-off. Before 1.9: one `getRange` per vertical run (no multi-area
 * ranges there), each its own operation so a block can be split anywhere.
 */
export function fillWriteOps(
  ws: Excel.Worksheet,
  cells: readonly string[],
  state: FillState | null,
  api: ApiLevel,
): WriteOp[] {
  if (cells.length === 0) return [];
  const runs = compressCells(cells).split(',');
  const targets = api.v1_9 ? chunkAddresses(runs) : runs;
  return targets.map((address) => ({
    bytes: fillBytes(address, state, api),
    queue: () =>
      applyFill(
        api.v1_9 ? ws.getRanges(address).untrack().format.fill : ws.getRange(address).untrack().format.fill,
        state,
        api,
      ),
  }));
}

export interface NoteNow {
  note: Excel.Note;
  content: string | null;
}

/** ExcelApi 1.18 notes, looked up by cell; a null object means "no note there". */
export function queueNoteReads(ws: Excel.Worksheet, cells: readonly string[]): () => Map<string, NoteNow> {
  const reads = cells.map((cell) => {
    const note = ws.notes.getItemOrNullObject(cell);
    note.load('content');
    return { cell, note };
  });
  return () =>
    new Map(reads.map(({ cell, note }) => [cell, { note, content: note.isNullObject ? null : note.content }]));
}

export interface Thread {
  comment: Excel.Comment;
  cell: string | null;
  content: string;
  replies: { reply: Excel.CommentReply; content: string }[];
}

/**
 * First half of reading comments: the sheet's threads, ids only (queue before the caller's first
 * sync). Their texts come with the second half, which can be split when they are too long for one
 * response.
 */
export function queueThreadList(ws: Excel.Worksheet): Excel.CommentCollection {
  const list = ws.comments;
  list.load('items/id');
  return list;
}

/**
 * Second half: where each thread sits and (with `details`) its text and replies. Comments have no
 * address property, only getLocation(), so this needs the list first: one more sync, still
 * independent of the table size, and none when no sheet has threads. Split in parts only when Excel
 * refuses the response as too large (thousands of long threads on the web).
 */
export async function readThreads(
  ctx: Excel.RequestContext,
  lists: readonly Excel.CommentCollection[],
  api: ApiLevel,
  details = true,
): Promise<Thread[][]> {
  const all: { list: number; comment: Excel.Comment }[] = [];
  lists.forEach((l, list) => l.items.forEach((comment) => all.push({ list, comment })));
  const read = await readSplitting(
    ctx,
    all,
    (slice) => {
      const pending = slice.map(({ list, comment }) => {
        const loc = comment.getLocation().untrack();
        loc.load('address');
        if (details) {
          comment.load('content');
          comment.replies.load('items/id,items/content');
        }
        return { list, comment, loc };
      });
      return () =>
        pending.map(({ list, comment, loc }) => ({
          list,
          thread: {
            comment,
            cell: normaliseCell(loc.address),
            content: details ? comment.content : '',
            replies: details ? comment.replies.items.map((reply) => ({ reply, content: reply.content })) : [],
          },
        }));
    },
    true,
    () => OP_ENVELOPE.threadRead,
    api.blockBytes,
  );
  const out: Thread[][] = lists.map(() => []);
  for (const r of read) out[r.list].push(r.thread);
  return out;
}

/** Notes of many cells: one read with the rest if it fits, else (long notes on the web) in parts. */
export async function readNotesSplitting(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  api: ApiLevel,
  cells: readonly string[],
  tryWhole = true,
): Promise<Map<string, NoteNow>> {
  const list = await readSplitting(
    ctx,
    cells,
    (slice) => {
      const get = queueNoteReads(ws, slice);
      return () => [...get().entries()];
    },
    tryWhole,
    (cell) => opSize('noteRead', cell),
    api.blockBytes,
  );
  return new Map(list);
}

/** Request bytes of reading the fills of `cells` (one read per cell before 1.9, per run from 1.9). */
export function fillReadBytes(cells: readonly string[], api: ApiLevel): number {
  if (cells.length === 0) return 0;
  if (!api.v1_9) {
    let n = 0;
    for (const c of cells) n += opSize('fillRead', c);
    return n;
  }
  return rectsOf(compressCells(cells)).length * OP_ENVELOPE.fillPropsRead;
}

/** Request bytes of reading the notes of `cells`. */
export function noteReadBytes(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) n += opSize('noteRead', c);
  return n;
}

/** Fills of many cells in slices under the request cap (a read per cell before 1.9 is ~660 bytes). */
export async function readFillsSplitting(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  cells: readonly string[],
  api: ApiLevel,
): Promise<Map<string, FillState>> {
  const perCell = api.v1_9 ? (c: string) => jsonBytesOf(c) + 40 : (c: string) => opSize('fillRead', c);
  const list = await readSplitting(
    ctx,
    cells,
    (slice) => {
      const get = queueFillReads(ws, slice, api);
      return () => [...get().entries()];
    },
    true,
    perCell,
    api.blockBytes,
  );
  return new Map(list);
}
