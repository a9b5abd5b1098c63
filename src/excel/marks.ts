/**
 * Applying and clearing marks. Both follow the same shape: ONE sync reads the state of every cell
 * involved (protection, fills, notes; threads need one more for their locations, only when the sheet
 * has any), the record is saved, then the writes go in blocks of at most BLOCK_BYTES of request, one
 * sync each — a single block unless thousands of long notes would take a request past Excel on the
 * web's 5 MB. Reads too large for one response (long notes or comments, on the web) are asked again
 * in halves. Nothing is written before protection is known, so a protected sheet is refused with the
 * workbook untouched.
 */
import { chunkAddresses, MARK_FILLS, type CellMark, type MarksPlan } from '../core/marks';
import { SEVERITIES, type Severity } from '../core/report';
import type { Locale } from '../core/messages/locale';
import type { MarkResult } from '../host/workbook';
import { HostError } from '../host/workbook';
import type { ApiLevel } from './api-level';
import { compressCells, expandCells, normaliseCell, qualified } from './addresses';
import {
  isOurText,
  queueFillReads,
  queueFillWrite,
  queueNoteReads,
  queueThreadList,
  readNotesSplitting,
  readThreads,
  type NoteNow,
  type Thread,
} from './cell-state';
import { fillKey, isOurFill, NO_FILL, parseFillKey, type FillState } from './fills';
import { hostError } from './messages';

/** Every cell of several compressed lists (no `flatMap`: the pane targets ES2017 webviews). */
function flatCells(lists: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lists) for (const c of expandCells(l)) out.push(c);
  return out;
}
import { isPayloadError, type ExcelRun } from './read-sheet';
import { opBytes, WriteBlocks } from './blocks';
import { RECORD_MAX_CHARS, serialiseRecord, type MarkRecord, type NotesMode, type RecordStore, type SheetRecord } from './record';

export interface ExcelMarkResult extends MarkResult {
  /** Cells that already had the user's own note: we never overwrite it, so they got a fill only. */
  skippedNotes: number;
}

export function notesMode(api: ApiLevel): NotesMode {
  return api.v1_18 ? 'notes' : api.v1_10 ? 'comments' : 'none';
}

function canUse(mode: NotesMode, api: ApiLevel): boolean {
  return mode === 'notes' ? api.v1_18 : mode === 'comments' ? api.v1_10 : true;
}

function errorCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/** Cell → painted colour and cell → previous fill key, from one or more record entries. */
function recordMaps(entries: readonly SheetRecord[]): { painted: Map<string, string>; prev: Map<string, string>; notes: Set<string> } {
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

function groupPush(m: Map<string, string[]>, key: string, cell: string): void {
  const l = m.get(key);
  if (l) l.push(cell);
  else m.set(key, [cell]);
}

/** Estimated request size of one fill written over `cells` (addresses only, no per-cell data). */
function fillWriteBytes(cells: readonly string[], api: ApiLevel): number {
  const runs = compressCells(cells).split(',');
  return api.v1_9 ? opBytes(5 * chunkAddresses(runs).length, runs) : opBytes(2 * runs.length, runs);
}

/** Queues restoring each group's previous fill (only cells whose fill is still the one we painted). */
function queueRestores(ws: Excel.Worksheet, groups: Map<string, string[]>, api: ApiLevel): void {
  for (const [key, cells] of groups) queueFillWrite(ws, cells, parseFillKey(key), api);
}

/** Entries whose notes a lesser Excel cannot remove stay in the record, without their fills. */
function residual(e: SheetRecord, api: ApiLevel): SheetRecord | null {
  return e.notes && e.mode !== 'none' && !canUse(e.mode, api) ? { ...e, painted: {}, prev: {} } : null;
}

export class Marker {
  constructor(
    private readonly run: ExcelRun,
    private readonly api: ApiLevel,
    private readonly store: RecordStore,
    private readonly locale: Locale,
  ) {}

  async apply(plan: MarksPlan): Promise<ExcelMarkResult> {
    const api = this.api;
    const mode = notesMode(api);
    const record = await this.store.read();
    const targets = new Map<string, CellMark>();
    for (const m of plan.marks) {
      const cell = normaliseCell(m.cell);
      if (cell) targets.set(cell, m);
    }
    const note = (cell: string): string => targets.get(cell)?.note ?? '';

    const progress: { saved: MarkRecord | null } = { saved: null };
    try {
      return await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(plan.sheet);
        const olds = record.sheets.filter((s) => s.name === plan.sheet);

        // --- read: sync 1 (threads: one more for their locations, only when the sheet has any) ---
        const readState = (entries: readonly SheetRecord[], withNotes: boolean) => {
          ws.load('id,name');
          const maps = recordMaps(entries);
          const cells = new Set<string>(maps.painted.keys());
          // Notes written by another mechanism (marked on another Excel) are left to clear, see below.
          const noteCells = new Set<string>(flatCells(entries.filter((e) => e.mode === mode).map((e) => e.notes)));
          for (const c of targets.keys()) {
            cells.add(c);
            noteCells.add(c);
          }
          return {
            maps,
            noteCells: [...noteCells],
            protection: api.v1_2 ? ws.protection.load('protected') : null,
            // Notes mode (1.18 includes 1.10) needs them too: a cell with a thread cannot take a note.
            threadList: mode !== 'none' ? queueThreadList(ws) : null,
            fills: queueFillReads(ws, [...cells], api),
            notes: mode === 'notes' && withNotes ? queueNoteReads(ws, [...noteCells]) : null,
          };
        };
        /** One sync; when long notes make the response too large (web), the notes again in parts. */
        const readAll = async (entries: readonly SheetRecord[]) => {
          const first = readState(entries, true);
          try {
            await ctx.sync();
            return { ...first, notesNow: first.notes ? first.notes() : new Map<string, NoteNow>() };
          } catch (e) {
            if (!isPayloadError(e) || !first.notes) throw e;
          }
          const rest = readState(entries, false);
          await ctx.sync();
          if (rest.protection?.protected) throw hostError(this.locale, 'protected');
          return { ...rest, notesNow: await readNotesSplitting(ctx, ws, rest.noteCells, false) };
        };
        let state = await readAll(olds);
        if (state.protection?.protected) throw hostError(this.locale, 'protected');

        // A renamed sheet is found by its id; its old cells need one more read (rare, and constant).
        const renamed = record.sheets.filter((s) => s.id === ws.id && s.name !== plan.sheet);
        if (renamed.length > 0) {
          for (const s of renamed) olds.push(s);
          state = await readAll(olds);
        }
        const fillsNow = state.fills();
        const notesNow = state.notesNow;
        const threadList = state.threadList;
        const hasThreads = threadList !== null && threadList.items.length > 0;
        const threads: Thread[] = hasThreads ? (await readThreads(ctx, [threadList], mode === 'comments'))[0] : [];
        const { painted: oldPainted, prev: oldPrev, notes: oldNotes } = state.maps;

        // --- decide ---
        const restores = new Map<string, string[]>();
        for (const [cell, paint] of oldPainted) {
          if (targets.has(cell)) continue;
          const now = fillsNow.get(cell);
          if (now && isOurFill(now, paint)) groupPush(restores, oldPrev.get(cell) ?? NO_FILL, cell);
        }
        const prevGroups = new Map<string, string[]>();
        const bySeverity = new Map<Severity, string[]>();
        for (const [cell, m] of targets) {
          const now: FillState = fillsNow.get(cell) ?? { color: null };
          const paint = oldPainted.get(cell);
          // Re-marking our own mark: the fill to come back to is still the one from before the first check.
          const key = paint !== undefined && isOurFill(now, paint) ? (oldPrev.get(cell) ?? NO_FILL) : fillKey(now);
          groupPush(prevGroups, key, cell);
          const l = bySeverity.get(m.severity);
          if (l) l.push(cell);
          else bySeverity.set(m.severity, [cell]);
        }

        const noteCells: string[] = [];
        let written = 0;
        let skipped = 0;
        // Each queued note operation with its estimated request size, for the write blocks.
        const noteOps: { bytes: number; run: () => void }[] = [];
        const op = (bytes: number, run: () => void): void => void noteOps.push({ bytes, run });
        // New comment threads go last: in comments mode they are the operations that may fail (below).
        const adds: string[] = [];
        let threadDeletes = 0;
        if (mode === 'notes') {
          // A cell holding a threaded comment cannot take a note (notes.add would fail the batch).
          const threadCells = new Set(threads.map((t) => t.cell));
          for (const cell of oldNotes) {
            const n = notesNow.get(cell);
            if (!targets.has(cell) && n && isOurText(n.content)) op(opBytes(1), () => n.note.delete());
          }
          for (const cell of targets.keys()) {
            const n = notesNow.get(cell);
            if (threadCells.has(cell)) {
              skipped++;
              continue;
            }
            if (!n || n.content === null) op(opBytes(1, cell, note(cell)), () => void ws.notes.add(cell, note(cell)));
            else if (isOurText(n.content)) op(opBytes(1, note(cell)), () => (n.note.content = note(cell)));
            else {
              skipped++;
              continue;
            }
            written++;
            noteCells.push(cell);
          }
        } else if (mode === 'comments') {
          const covered = new Set<string>();
          for (const t of threads) {
            const target = t.cell !== null && targets.has(t.cell) ? t.cell : null;
            const foreignReplies = t.replies.some((r) => !isOurText(r.content));
            if (isOurText(t.content)) {
              if (target) {
                op(opBytes(1, note(target)), () => (t.comment.content = note(target)));
                covered.add(target);
              } else if (!foreignReplies) {
                op(opBytes(1), () => t.comment.delete());
                threadDeletes++;
              }
              // Our thread that the user answered stays: deleting it would delete their replies.
              for (const r of t.replies) if (isOurText(r.content)) op(opBytes(1), () => r.reply.delete());
              continue;
            }
            // The user's own thread: never touched; our words go in a reply we can later delete alone.
            const ours = t.replies.filter((r) => isOurText(r.content));
            ours.forEach((r, i) => {
              if (i === 0 && target) op(opBytes(1, note(target)), () => (r.reply.content = note(target)));
              else op(opBytes(1), () => r.reply.delete());
            });
            if (target && ours.length === 0) op(opBytes(1, note(target)), () => void t.comment.replies.add(note(target)));
            if (target) covered.add(target);
          }
          for (const cell of targets.keys()) {
            if (!covered.has(cell)) adds.push(cell);
            written++;
            noteCells.push(cell);
          }
        }

        // --- record, saved before the write so a failure can never leave marks nobody remembers ---
        const entry: SheetRecord = {
          id: ws.id,
          name: ws.name,
          mode,
          painted: {},
          prev: {},
          notes: compressCells(noteCells),
        };
        for (const [s, cells] of bySeverity) entry.painted[s] = compressCells(cells);
        for (const [k, cells] of prevGroups) entry.prev[k] = compressCells(cells);
        const keep = record.sheets.filter((s) => !olds.includes(s));
        // Notes another Excel wrote with another mechanism stay recorded (fills only dropped) for clear.
        const leftovers = olds.filter((o) => o.notes && o.mode !== mode).map((o) => ({ ...o, painted: {}, prev: {} }));
        const next: MarkRecord = { v: 1, sheets: [...keep, ...leftovers, ...(targets.size > 0 || entry.notes ? [entry] : [])] };
        if (serialiseRecord(next).length > RECORD_MAX_CHARS) throw hostError(this.locale, 'too-large', `${targets.size}`);
        await this.store.write(next);
        progress.saved = next;

        // --- write: in blocks of at most BLOCK_BYTES of request, one sync each; a sheet that fits
        // in one block (every desktop case we measured, and the web up to a few thousand long notes)
        // keeps ONE write sync. Fill writes go first, so on ExcelApi 1.1 (no protection property) a
        // protected sheet fails at the first operation, before anything has changed. ---
        const blocks = new WriteBlocks(ctx);
        let fillBytes = 0;
        for (const cells of restores.values()) fillBytes += fillWriteBytes(cells, api);
        for (const cells of bySeverity.values()) fillBytes += fillWriteBytes(cells, api);
        await blocks.add(fillBytes, () => {
          queueRestores(ws, restores, api);
          for (const s of SEVERITIES) {
            const cells = bySeverity.get(s);
            if (!cells) continue;
            if (api.v1_9) {
              // The plan's chunks are already under the address limit; use them as they are. Pattern
              // and tint are set too, so the cell shows exactly the colour clear will look for.
              for (const chunk of plan.addressChunks[s]) {
                const f = ws.getRanges(chunk).format.fill;
                f.pattern = 'Solid';
                f.color = MARK_FILLS[s];
                f.tintAndShade = 0;
              }
            } else queueFillWrite(ws, cells, { color: MARK_FILLS[s] }, api);
          }
        });
        for (const o of noteOps) await blocks.add(o.bytes, o.run);
        const refused = await this.addThreads(ctx, ws, blocks, adds, note, threads.length - threadDeletes);
        skipped += refused;
        written -= refused;
        return { cells: targets.size, notes: written, skippedNotes: skipped };
      });
    } catch (e) {
      const saved = progress.saved;
      if (saved !== null) {
        // 1.1 protection (AccessDenied at the first write): nothing changed, put the record back.
        // Any other failure: keep both records; clear only restores cells still wearing our fill.
        const rollback: MarkRecord =
          errorCode(e) === 'AccessDenied' ? record : { v: 1, sheets: [...saved.sheets, ...record.sheets.filter((s) => s.name === plan.sheet)] };
        await this.store.write(rollback).catch(() => undefined);
      }
      throw this.translate(e, plan.sheet);
    }
  }

  /**
   * New comment threads, queued after everything else and sent with the last write block. Before
   * ExcelApi 1.18 a legacy note cannot be seen, and a cell holding one refuses a thread, which drops
   * the rest of that batch. A sync of their own would cost every check a round trip, so they stay in
   * the write blocks; only when one is refused do we count the sheet's threads (one sync): the
   * operations before the refused one were applied in order, so the count names the cell that
   * refused. It is skipped (fill only, counted in skippedNotes) and the rest is sent again. Two
   * syncs per such cell, none in the common case. The record still lists the skipped cell among
   * `notes`; that is harmless, clear looks at comment texts, not at that list.
   */
  private async addThreads(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    blocks: WriteBlocks,
    adds: readonly string[],
    note: (cell: string) => string,
    base: number,
  ): Promise<number> {
    let refused = 0;
    let start = 0;
    let createdBefore = 0;
    let i = 0;
    for (;;) {
      try {
        for (; i < adds.length; i++) {
          const cell = adds[i];
          const address = qualified(ws.name, cell);
          await blocks.add(opBytes(1, address, note(cell)), () => void ws.comments.add(address, note(cell)));
        }
        await blocks.flush();
        return refused;
      } catch (e) {
        const code = errorCode(e);
        if (i === start || (code !== 'InvalidArgument' && code !== 'GeneralException')) throw e;
        const count = ws.comments.getCount();
        await ctx.sync();
        const created = count.value - base;
        const culprit = start + (created - createdBefore);
        // Not explained by one refused thread (the failure was elsewhere): give up as before.
        if (culprit < start || culprit >= i) throw e;
        refused++;
        createdBefore = created;
        start = i = culprit + 1;
      }
    }
  }

  async clear(): Promise<void> {
    const record = await this.store.read();
    if (record.sheets.length === 0) return;
    let entries = record.sheets;
    try {
      await this.clearEntries(entries);
    } catch (e) {
      if (errorCode(e) !== 'ItemNotFound') throw this.translate(e, '');
      // A marked sheet was deleted (its marks went with it): find which, and clear the rest.
      const ids = await this.run(async (ctx) => {
        const list = ctx.workbook.worksheets.load('items/id');
        await ctx.sync();
        return new Set(list.items.map((w) => w.id));
      });
      entries = entries.filter((s) => ids.has(s.id));
      try {
        await this.clearEntries(entries);
      } catch (e2) {
        throw this.translate(e2, '');
      }
    }
    const left = entries.map((e) => residual(e, this.api)).filter((e): e is SheetRecord => e !== null);
    await this.store.write({ v: 1, sheets: left });
  }

  private async clearEntries(entries: readonly SheetRecord[]): Promise<void> {
    if (entries.length === 0) return;
    const api = this.api;
    await this.run(async (ctx) => {
      // One sheet may have several entries (renamed between checks): group them by id.
      const byId = new Map<string, SheetRecord[]>();
      for (const e of entries) {
        const l = byId.get(e.id);
        if (l) l.push(e);
        else byId.set(e.id, [e]);
      }
      const queueReads = (withNotes: boolean) => [...byId.entries()].map(([id, es]) => {
        const ws = ctx.workbook.worksheets.getItem(id);
        const maps = recordMaps(es);
        const noteCells = [...new Set(flatCells(es.filter((e) => e.mode === 'notes').map((e) => e.notes)))];
        const hasComments = es.some((e) => e.mode === 'comments' && e.notes);
        return {
          ws,
          maps,
          protection: api.v1_2 ? ws.protection.load('protected') : null,
          fills: queueFillReads(ws, [...maps.painted.keys()], api),
          noteCells,
          notes: api.v1_18 && withNotes && noteCells.length ? queueNoteReads(ws, noteCells) : null,
          threads: api.v1_10 && hasComments ? queueThreadList(ws) : null,
        };
      });
      // One sync; when our long notes make the response too large (web), the notes again in parts.
      let sheets = queueReads(true);
      let notesNow: Map<string, NoteNow>[];
      try {
        await ctx.sync();
        notesNow = sheets.map((s) => (s.notes ? s.notes() : new Map<string, NoteNow>()));
      } catch (e) {
        if (!isPayloadError(e) || !sheets.some((s) => s.notes)) throw e;
        sheets = queueReads(false);
        await ctx.sync();
        notesNow = [];
        for (const s of sheets) notesNow.push(api.v1_18 && s.noteCells.length ? await readNotesSplitting(ctx, s.ws, s.noteCells, sheets.length > 1) : new Map());
      }
      if (sheets.some((s) => s.protection?.protected)) throw hostError(this.locale, 'protected');
      const withThreads = sheets.filter((s) => s.threads !== null);
      const threads = withThreads.length ? await readThreads(ctx, withThreads.map((s) => s.threads as Excel.CommentCollection)) : [];

      // Writes in blocks of at most BLOCK_BYTES (deleting notes and threads carries no text, so a
      // clear is one block except on enormous sheets).
      const blocks = new WriteBlocks(ctx);
      for (const s of sheets) {
        const now = s.fills();
        const groups = new Map<string, string[]>();
        for (const [cell, paint] of s.maps.painted) {
          const f = now.get(cell);
          // Where the clerk refilled a marked cell since, their fill wins: we only undo our own.
          if (f && isOurFill(f, paint)) groupPush(groups, s.maps.prev.get(cell) ?? NO_FILL, cell);
        }
        let bytes = 0;
        for (const cells of groups.values()) bytes += fillWriteBytes(cells, api);
        await blocks.add(bytes, () => queueRestores(s.ws, groups, api));
      }
      for (const notes of notesNow) {
        for (const n of notes.values()) if (n.content !== null && isOurText(n.content)) await blocks.add(opBytes(1), () => n.note.delete());
      }
      for (const list of threads) {
        for (const t of list) {
          if (isOurText(t.content) && t.replies.every((r) => isOurText(r.content))) {
            await blocks.add(opBytes(1), () => t.comment.delete());
            continue;
          }
          for (const r of t.replies) if (isOurText(r.content)) await blocks.add(opBytes(1), () => r.reply.delete());
        }
      }
      await blocks.flush();
    });
  }

  private translate(e: unknown, sheet: string): Error {
    if (e instanceof HostError) return e;
    const code = errorCode(e);
    if (code === 'AccessDenied') return hostError(this.locale, 'protected');
    if (code === 'ItemNotFound') return hostError(this.locale, 'no-sheet', sheet);
    return hostError(this.locale, 'failed', e instanceof Error ? e.message : String(e));
  }
}
