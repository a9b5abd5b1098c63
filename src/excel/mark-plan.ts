/**
 * The "decide" half of applying marks: given what the sheet holds now and what the record says we
 * did before, which fills to restore or paint and which note/comment operations to queue. Nothing
 * here talks to Excel except through the closures it queues, so each step reads as a plan.
 */
import { MARK_FILLS, type CellMark } from '../core/marks';
import { SEVERITIES, type Severity } from '../core/report';
import { expandCells } from './addresses';
import { isOurText, type NoteNow, type Thread } from './cell-state';
import { fillKey, isOurFill, NO_FILL, type FillState } from './fills';
import { opSize } from './op-bytes';
import type { SheetRecord } from './record';

/** Appends `item` to the list under `key`, creating the list on first use. */
export function groupPush<K, V>(m: Map<K, V[]>, key: K, item: V): void {
  const l = m.get(key);
  if (l) l.push(item);
  else m.set(key, [item]);
}

/** Every cell of several compressed lists (no `flatMap`: the pane targets ES2017 webviews). */
export function flatCells(lists: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lists) for (const c of expandCells(l)) out.push(c);
  return out;
}

export interface RecordMaps {
  /** Cell → the colour we painted it. */
  painted: Map<string, string>;
  /** Cell → the fill key it had before we painted it. */
  prev: Map<string, string>;
  /** Cells where we wrote a note or comment. */
  notes: Set<string>;
}

/** The cells one or more record entries list, as maps keyed by cell. */
export function recordMaps(entries: readonly SheetRecord[]): RecordMaps {
  const painted = new Map<string, string>();
  const prev = new Map<string, string>();
  const notes = new Set<string>();
  for (const e of entries) {
    for (const s of SEVERITIES) for (const c of expandCells(e.painted[s] ?? '')) painted.set(c, MARK_FILLS[s]);
    for (const [key, list] of Object.entries(e.prev)) for (const c of expandCells(list)) prev.set(c, key);
    for (const c of expandCells(e.notes)) notes.add(c);
  }
  return { painted, prev, notes };
}

/** Fill key → cells to put back to it, for every painted cell still wearing exactly our colour. */
export function restoreGroups(
  maps: RecordMaps,
  fillsNow: ReadonlyMap<string, FillState>,
  keep: (cell: string) => boolean = () => false,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [cell, paint] of maps.painted) {
    if (keep(cell)) continue;
    const now = fillsNow.get(cell);
    // Where the clerk refilled a marked cell since, their fill wins: we only undo our own.
    if (now && isOurFill(now, paint)) groupPush(groups, maps.prev.get(cell) ?? NO_FILL, cell);
  }
  return groups;
}

export interface FillPlan {
  /** Previous fill key → unmarked cells to restore to it. */
  restores: Map<string, string[]>;
  /** Previous fill key → marked cells that had it (recorded, for clear). */
  prevGroups: Map<string, string[]>;
  /** Severity → cells to paint its colour. */
  bySeverity: Map<Severity, string[]>;
}

/** Contract: restores cells no longer marked, paints every target, remembers each target's fill before us. */
export function planFills(
  targets: ReadonlyMap<string, CellMark>,
  maps: RecordMaps,
  fillsNow: ReadonlyMap<string, FillState>,
): FillPlan {
  const restores = restoreGroups(maps, fillsNow, (cell) => targets.has(cell));
  const prevGroups = new Map<string, string[]>();
  const bySeverity = new Map<Severity, string[]>();
  for (const [cell, m] of targets) {
    const now: FillState = fillsNow.get(cell) ?? { color: null };
    const paint = maps.painted.get(cell);
    // Re-marking our own mark: the fill to come back to is still the one from before the first check.
    const key = paint !== undefined && isOurFill(now, paint) ? (maps.prev.get(cell) ?? NO_FILL) : fillKey(now);
    groupPush(prevGroups, key, cell);
    groupPush(bySeverity, m.severity, cell);
  }
  return { restores, prevGroups, bySeverity };
}

/** One queued note or comment operation with its estimated request size, for the write blocks. */
export interface NoteOp {
  bytes: number;
  run: () => void;
}

export interface NotePlan {
  ops: NoteOp[];
  /** Cells that will carry our text (recorded as `notes`). */
  noteCells: string[];
  written: number;
  /** Cells left with a fill only: the user's own note, or a thread where a note cannot go. */
  skipped: number;
  /** Comments mode: cells needing a new thread, queued last (they are the operations that may fail). */
  adds: string[];
  /** Comments mode: our threads deleted, to count the sheet's threads after the write. */
  threadDeletes: number;
}

const emptyPlan = (): NotePlan => ({ ops: [], noteCells: [], written: 0, skipped: 0, adds: [], threadDeletes: 0 });

/** Contract: deletes our notes on unmarked cells, writes ours on targets, never touches the user's notes. */
export function planNoteOps(
  ws: Excel.Worksheet,
  targets: ReadonlyMap<string, CellMark>,
  oldNotes: ReadonlySet<string>,
  notesNow: ReadonlyMap<string, NoteNow>,
  threads: readonly Thread[],
): NotePlan {
  const p = emptyPlan();
  const note = (cell: string): string => targets.get(cell)?.note ?? '';
  const op = (bytes: number, run: () => void): void => void p.ops.push({ bytes, run });
  // A cell holding a threaded comment cannot take a note (notes.add would fail the batch).
  const threadCells = new Set(threads.map((t) => t.cell));
  for (const cell of oldNotes) {
    const n = notesNow.get(cell);
    if (!targets.has(cell) && n && isOurText(n.content)) op(opSize('noteDelete'), () => n.note.delete());
  }
  for (const cell of targets.keys()) {
    const n = notesNow.get(cell);
    if (threadCells.has(cell)) {
      p.skipped++;
      continue;
    }
    if (!n || n.content === null) op(opSize('noteAdd', cell, note(cell)), () => void ws.notes.add(cell, note(cell)));
    else if (isOurText(n.content)) op(opSize('noteUpdate', note(cell)), () => (n.note.content = note(cell)));
    else {
      p.skipped++;
      continue;
    }
    p.written++;
    p.noteCells.push(cell);
  }
  return p;
}

/** Contract: our threads follow the targets; the user's threads get our words only as a reply we own. */
export function planCommentOps(targets: ReadonlyMap<string, CellMark>, threads: readonly Thread[]): NotePlan {
  const p = emptyPlan();
  const note = (cell: string): string => targets.get(cell)?.note ?? '';
  const op = (bytes: number, run: () => void): void => void p.ops.push({ bytes, run });
  const covered = new Set<string>();
  for (const t of threads) {
    const target = t.cell !== null && targets.has(t.cell) ? t.cell : null;
    const foreignReplies = t.replies.some((r) => !isOurText(r.content));
    if (isOurText(t.content)) {
      if (target) {
        op(opSize('commentUpdate', note(target)), () => (t.comment.content = note(target)));
        covered.add(target);
      } else if (!foreignReplies) {
        op(opSize('commentDelete'), () => t.comment.delete());
        p.threadDeletes++;
      }
      // Our thread that the user answered stays: deleting it would delete their replies.
      for (const r of t.replies) if (isOurText(r.content)) op(opSize('replyDelete'), () => r.reply.delete());
      continue;
    }
    // The user's own thread: never touched; our words go in a reply we can later delete alone.
    const ours = t.replies.filter((r) => isOurText(r.content));
    ours.forEach((r, i) => {
      if (i === 0 && target) op(opSize('replyUpdate', note(target)), () => (r.reply.content = note(target)));
      else op(opSize('replyDelete'), () => r.reply.delete());
    });
    if (target && ours.length === 0)
      op(opSize('replyAdd', note(target)), () => void t.comment.replies.add(note(target)));
    if (target) covered.add(target);
  }
  for (const cell of targets.keys()) {
    if (!covered.has(cell)) p.adds.push(cell);
    p.written++;
    p.noteCells.push(cell);
  }
  return p;
}

/** Contract: no notes mechanism on this Excel, so nothing to queue. */
export function planNoNotes(): NotePlan {
  return emptyPlan();
}
