/**
 * Queued reads and writes of the per-cell state that marking touches: fills, notes, comments.
 * Each `queue*` only queues proxies and returns a getter to call after the caller's ONE sync, so
 * a whole action stays at a constant number of round trips whatever the number of cells.
 */
import { chunkAddresses, NOTE_HEADER } from '../core/marks';
import type { ApiLevel } from './api-level';
import { compressCells, normaliseCell, rectAddress, rectsOf } from './addresses';
import type { FillState } from './fills';
import { readSplitting } from './blocks';

export function isOurText(content: string | null | undefined): boolean {
  if (typeof content !== 'string') return false;
  return Object.values(NOTE_HEADER).some((h) => content.startsWith(h));
}

const FILL_PROPS = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };

/** Current fill of each cell. 1.9: one getCellProperties per vertical run; before: one load per cell. */
export function queueFillReads(ws: Excel.Worksheet, cells: readonly string[], api: ApiLevel): () => Map<string, FillState> {
  if (cells.length === 0) return () => new Map();
  if (api.v1_9) {
    const reads = rectsOf(compressCells(cells)).map((rect) => ({
      rect,
      props: ws.getRange(rectAddress(rect)).getCellProperties({ format: { fill: FILL_PROPS } }),
    }));
    return () => {
      const out = new Map<string, FillState>();
      for (const { rect, props } of reads) {
        props.value.forEach((row, i) =>
          row.forEach((p, j) => {
            const f = p.format?.fill ?? {};
            out.set(rectAddress({ top: rect.top + i, bottom: rect.top + i, left: rect.left + j, right: rect.left + j }), {
              color: f.color ?? null,
              pattern: f.pattern ?? 'None',
              patternColor: f.patternColor,
              tintAndShade: f.tintAndShade,
              patternTintAndShade: f.patternTintAndShade,
            });
          }),
        );
      }
      return out;
    };
  }
  const reads = cells.map((cell) => {
    const fill = ws.getRange(cell).format.fill;
    fill.load('color');
    return { cell, fill };
  });
  return () => new Map(reads.map(({ cell, fill }) => [cell, { color: fill.color }]));
}

function applyFill(fill: Excel.RangeFill, state: FillState | null, api: ApiLevel): void {
  if (state === null) {
    fill.clear();
    return;
  }
  if (api.v1_9 && state.pattern) fill.pattern = state.pattern as Excel.FillPattern;
  if (state.color) fill.color = state.color;
  if (api.v1_9) {
    if (state.patternColor) fill.patternColor = state.patternColor;
    if (state.tintAndShade) fill.tintAndShade = state.tintAndShade;
    if (state.patternTintAndShade) fill.patternTintAndShade = state.patternTintAndShade;
  }
}

/**
 * One fill for many cells. 1.9: `getRanges` over address chunks under the 8,192-character cut-off.
 * Before 1.9: one `getRange` per vertical run (no multi-area ranges there), all in the same batch.
 */
export function queueFillWrite(ws: Excel.Worksheet, cells: readonly string[], state: FillState | null, api: ApiLevel): void {
  if (cells.length === 0) return;
  const runs = compressCells(cells).split(',');
  if (api.v1_9) {
    for (const chunk of chunkAddresses(runs)) applyFill(ws.getRanges(chunk).format.fill, state, api);
  } else {
    for (const run of runs) applyFill(ws.getRange(run).format.fill, state, api);
  }
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
  return () => new Map(reads.map(({ cell, note }) => [cell, { note, content: note.isNullObject ? null : note.content }]));
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
export async function readThreads(ctx: Excel.RequestContext, lists: readonly Excel.CommentCollection[], details = true): Promise<Thread[][]> {
  const all: { list: number; comment: Excel.Comment }[] = [];
  lists.forEach((l, list) => l.items.forEach((comment) => all.push({ list, comment })));
  const read = await readSplitting(ctx, all, (slice) => {
    const pending = slice.map(({ list, comment }) => {
      const loc = comment.getLocation();
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
  });
  const out: Thread[][] = lists.map(() => []);
  for (const r of read) out[r.list].push(r.thread);
  return out;
}

/** Notes of many cells: one read with the rest if it fits, else (long notes on the web) in parts. */
export async function readNotesSplitting(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
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
  );
  return new Map(list);
}
