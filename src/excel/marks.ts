/**
 * Applying and clearing marks. Both follow the same shape: ONE sync reads the state of every cell
 * involved (protection, fills, notes; threads need one more for their locations, only when the sheet
 * has any), the record is saved, then the writes go in blocks of at most BLOCK_BYTES of request, one
 * sync each — a single block unless thousands of long notes would take a request past Excel on the
 * web's 5 MB. Reads too large for one response (long notes or comments, on the web) are asked again
 * in halves. Nothing is written before protection is known, so a protected sheet is refused with the
 * workbook untouched.
 */
import { MARK_FILLS, type CellMark, type MarksPlan } from '../core/marks';
import { SEVERITIES, type Severity } from '../core/report';
import type { Locale } from '../core/messages/locale';
import type { MarkResult } from '../host/workbook';
import { HostError } from '../host/workbook';
import type { ApiLevel } from './api-level';
import { compressCells, normaliseCell, qualified } from './addresses';
import { WriteBlocks } from './blocks';
import {
  isOurText,
  fillWriteOps,
  queueFillReads,
  queueNoteReads,
  queueThreadList,
  fillReadBytes,
  noteReadBytes,
  readFillsSplitting,
  readNotesSplitting,
  readThreads,
  type NoteNow,
  type Thread,
  type WriteOp,
} from './cell-state';
import { parseFillKey, type FillState } from './fills';
import {
  flatCells,
  groupPush,
  planCommentOps,
  planFills,
  planNoNotes,
  planNoteOps,
  recordMaps,
  restoreGroups,
  type FillPlan,
  type NotePlan,
  type RecordMaps,
} from './mark-plan';
import { cellEditError, CELL_EDIT, hostError, type Action } from './messages';
import { opSize } from './op-bytes';
import { isPayloadError, type ExcelRun } from './read-sheet';
import {
  RECORD_MAX_CHARS,
  serialiseRecord,
  type MarkRecord,
  type NotesMode,
  type RecordStore,
  type SheetRecord,
} from './record';

export interface ExcelMarkResult extends MarkResult {
  /** Cells that already had the user's own note: we never overwrite it, so they got a fill only. */
  skippedNotes: number;
}

export function notesMode(api: ApiLevel): NotesMode {
  return api.notes ? 'notes' : api.v1_10 ? 'comments' : 'none';
}

function canUse(mode: NotesMode, api: ApiLevel): boolean {
  return mode === 'notes' ? api.notes : mode === 'comments' ? api.v1_10 : true;
}

function errorCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/** Restoring each group's previous fill (only cells whose fill is still the one we painted). */
function restoreOps(ws: Excel.Worksheet, groups: Map<string, string[]>, api: ApiLevel): WriteOp[] {
  const out: WriteOp[] = [];
  for (const [key, cells] of groups) for (const op of fillWriteOps(ws, cells, parseFillKey(key), api)) out.push(op);
  return out;
}

/** Painting each severity's colour. 1.9: the plan's chunks, with pattern and tint so clear knows it. */
function paintOps(ws: Excel.Worksheet, plan: MarksPlan, bySeverity: Map<Severity, string[]>, api: ApiLevel): WriteOp[] {
  const out: WriteOp[] = [];
  for (const s of SEVERITIES) {
    const cells = bySeverity.get(s);
    if (!cells) continue;
    if (!api.v1_9) {
      for (const op of fillWriteOps(ws, cells, { color: MARK_FILLS[s] }, api)) out.push(op);
      continue;
    }
    // The plan's chunks are already under the address limit; use them as they are. Pattern and tint
    // are set too, so the cell shows exactly the colour clear will look for.
    for (const chunk of plan.addressChunks[s]) {
      out.push({
        bytes: opSize('fillAreas', chunk, 'Solid', MARK_FILLS[s], 0),
        queue: () => {
          const f = ws.getRanges(chunk).untrack().format.fill;
          f.pattern = 'Solid';
          f.color = MARK_FILLS[s];
          f.tintAndShade = 0;
        },
      });
    }
  }
  return out;
}

/** Entries whose notes a lesser Excel cannot remove stay in the record, without their fills. */
function residual(e: SheetRecord, api: ApiLevel): SheetRecord | null {
  return e.notes && e.mode !== 'none' && !canUse(e.mode, api) ? { ...e, painted: {}, prev: {} } : null;
}

/** The plan's marks by normalised cell (a mark on an unreadable address is dropped). */
function targetsOf(plan: MarksPlan): Map<string, CellMark> {
  const targets = new Map<string, CellMark>();
  for (const m of plan.marks) {
    const cell = normaliseCell(m.cell);
    if (cell) targets.set(cell, m);
  }
  return targets;
}

/** What apply knows about the sheet after its read syncs. */
interface SheetState {
  /** The record entries for this sheet (by name, and by id when it was renamed). */
  olds: SheetRecord[];
  maps: RecordMaps;
  fillsNow: Map<string, FillState>;
  notesNow: Map<string, NoteNow>;
  threads: Thread[];
}

/** How far apply got, so a failure knows whether to put the record back. */
interface Progress {
  saved: MarkRecord | null;
  blocks: WriteBlocks | null;
}

export class Marker {
  constructor(
    private readonly run: ExcelRun,
    private readonly api: ApiLevel,
    private readonly store: RecordStore,
    private readonly locale: Locale,
  ) {}

  /** Read, decide, record, write: the record is saved before the first write, and put back if nothing was written. */
  async apply(plan: MarksPlan): Promise<ExcelMarkResult> {
    const mode = notesMode(this.api);
    const record = await this.store.read();
    const targets = targetsOf(plan);
    const progress: Progress = { saved: null, blocks: null };
    try {
      return await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(plan.sheet);
        const state = await this.readState(ctx, ws, plan.sheet, record, targets);
        const fills = planFills(targets, state.maps, state.fillsNow);
        const notes =
          mode === 'notes'
            ? planNoteOps(ws, targets, state.maps.notes, state.notesNow, state.threads)
            : mode === 'comments'
              ? planCommentOps(targets, state.threads)
              : planNoNotes();
        progress.saved = await this.saveRecord(ws, record, state.olds, targets, fills, notes);
        return this.writeBlocks(ctx, ws, plan, targets, fills, notes, state.threads, progress);
      });
    } catch (e) {
      await this.rollback(e, record, plan.sheet, progress);
      throw this.translate(e, plan.sheet, 'check');
    }
  }

  /**
   * Contract: protection, fills, notes and threads of every cell involved, in ONE sync (threads: one
   * more for their locations, only when the sheet has any); a protected sheet throws before any write.
   */
  private async readState(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    sheet: string,
    record: MarkRecord,
    targets: ReadonlyMap<string, CellMark>,
  ): Promise<SheetState> {
    const api = this.api;
    const mode = notesMode(api);
    const olds = record.sheets.filter((s) => s.name === sheet);
    const cellsOf = (entries: readonly SheetRecord[]) => {
      const maps = recordMaps(entries);
      const cells = new Set<string>(maps.painted.keys());
      // Notes written by another mechanism (marked on another Excel) are left to clear, see below.
      const noteCells = new Set<string>(flatCells(entries.filter((e) => e.mode === mode).map((e) => e.notes)));
      for (const c of targets.keys()) {
        cells.add(c);
        noteCells.add(c);
      }
      return { maps, cells: [...cells], noteCells: [...noteCells] };
    };
    const queueReads = (entries: readonly SheetRecord[], withNotes: boolean, withFills: boolean) => {
      ws.load('id,name');
      const { maps, cells, noteCells } = cellsOf(entries);
      return {
        maps,
        cells,
        noteCells,
        protection: api.v1_2 ? ws.protection.load('protected') : null,
        // Notes mode (1.18 includes 1.10) needs them too: a cell with a thread cannot take a note.
        threadList: mode !== 'none' ? queueThreadList(ws) : null,
        fills: withFills ? queueFillReads(ws, cells, api) : null,
        notes: mode === 'notes' && withNotes ? queueNoteReads(ws, noteCells) : null,
      };
    };
    /**
     * One sync. When the reads would make a request over BLOCK_BYTES (thousands of cells before
     * 1.9, one read each), or long notes make the response too large (web): the sheet first, then
     * fills and notes in parts.
     */
    const readAll = async (entries: readonly SheetRecord[]) => {
      const { cells, noteCells } = cellsOf(entries);
      const small = fillReadBytes(cells, api) + (mode === 'notes' ? noteReadBytes(noteCells) : 0) <= api.blockBytes;
      if (small) {
        const first = queueReads(entries, true, true);
        try {
          await ctx.sync();
          return {
            ...first,
            fillsNow: first.fills ? first.fills() : new Map<string, FillState>(),
            notesNow: first.notes ? first.notes() : new Map<string, NoteNow>(),
          };
        } catch (e) {
          if (!isPayloadError(e) || !first.notes) throw e;
        }
      }
      const rest = queueReads(entries, false, false);
      await ctx.sync();
      if (rest.protection?.protected) throw hostError(this.locale, 'protected');
      const fillsNow = await readFillsSplitting(ctx, ws, rest.cells, api);
      const notesNow =
        mode === 'notes' ? await readNotesSplitting(ctx, ws, api, rest.noteCells, !small) : new Map<string, NoteNow>();
      return { ...rest, fillsNow, notesNow };
    };
    let state = await readAll(olds);
    if (state.protection?.protected) throw hostError(this.locale, 'protected');

    // A renamed sheet is found by its id; its old cells need one more read (rare, and constant).
    const renamed = record.sheets.filter((s) => s.id === ws.id && s.name !== sheet);
    if (renamed.length > 0) {
      for (const s of renamed) olds.push(s);
      state = await readAll(olds);
    }
    const threadList = state.threadList;
    const hasThreads = threadList !== null && threadList.items.length > 0;
    const threads: Thread[] = hasThreads ? (await readThreads(ctx, [threadList], api, mode === 'comments'))[0] : [];
    return { olds, maps: state.maps, fillsNow: state.fillsNow, notesNow: state.notesNow, threads };
  }

  /**
   * Contract: the record of this check replaces the sheet's old entries and is saved before any
   * write, so a failure can never leave marks nobody remembers; too large a record throws.
   */
  private async saveRecord(
    ws: Excel.Worksheet,
    record: MarkRecord,
    olds: readonly SheetRecord[],
    targets: ReadonlyMap<string, CellMark>,
    fills: FillPlan,
    notes: NotePlan,
  ): Promise<MarkRecord> {
    const mode = notesMode(this.api);
    const entry: SheetRecord = {
      id: ws.id,
      name: ws.name,
      mode,
      painted: {},
      prev: {},
      notes: compressCells(notes.noteCells),
    };
    for (const [s, cells] of fills.bySeverity) entry.painted[s] = compressCells(cells);
    for (const [k, cells] of fills.prevGroups) entry.prev[k] = compressCells(cells);
    const keep = record.sheets.filter((s) => !olds.includes(s));
    // Notes another Excel wrote with another mechanism stay recorded (fills only dropped) for clear.
    const leftovers = olds.filter((o) => o.notes && o.mode !== mode).map((o) => ({ ...o, painted: {}, prev: {} }));
    const next: MarkRecord = {
      v: 1,
      sheets: [...keep, ...leftovers, ...(targets.size > 0 || entry.notes ? [entry] : [])],
    };
    if (serialiseRecord(next).length > RECORD_MAX_CHARS) throw hostError(this.locale, 'too-large', `${targets.size}`);
    await this.store.write(next);
    return next;
  }

  /**
   * Contract: fills, then notes, then new threads, in blocks of at most BLOCK_BYTES of request, one
   * sync each; a sheet that fits in one block (every desktop case we measured, and the web up to a
   * few thousand long notes) keeps ONE write sync. Fill writes go first, so on ExcelApi 1.1 (no
   * protection property) a protected sheet fails at the first operation, before anything has changed.
   */
  private async writeBlocks(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    plan: MarksPlan,
    targets: ReadonlyMap<string, CellMark>,
    fills: FillPlan,
    notes: NotePlan,
    threads: readonly Thread[],
    progress: Progress,
  ): Promise<ExcelMarkResult> {
    const api = this.api;
    const blocks = new WriteBlocks(ctx, api.blockBytes);
    progress.blocks = blocks;
    for (const op of restoreOps(ws, fills.restores, api)) await blocks.add(op.bytes, op.queue);
    for (const op of paintOps(ws, plan, fills.bySeverity, api)) await blocks.add(op.bytes, op.queue);
    for (const o of notes.ops) await blocks.add(o.bytes, o.run);
    const note = (cell: string): string => targets.get(cell)?.note ?? '';
    const refused = await this.addThreads(ctx, ws, blocks, notes.adds, note, threads.length - notes.threadDeletes);
    return { cells: targets.size, notes: notes.written - refused, skippedNotes: notes.skipped + refused };
  }

  /**
   * Contract: after a failed apply that saved its record, the record is put back when nothing was
   * written; otherwise both records are kept (clear only restores cells still wearing our fill).
   */
  private async rollback(e: unknown, record: MarkRecord, sheet: string, progress: Progress): Promise<void> {
    const saved = progress.saved;
    if (saved === null) return;
    // 1.1 protection (AccessDenied at the first write), or a cell being edited before any write
    // went through (Excel refuses the whole request): nothing changed.
    const untouched =
      errorCode(e) === 'AccessDenied' || (errorCode(e) === CELL_EDIT && (progress.blocks?.accepted ?? 0) === 0);
    const rollback: MarkRecord = untouched
      ? record
      : { v: 1, sheets: [...saved.sheets, ...record.sheets.filter((s) => s.name === sheet)] };
    await this.store.write(rollback).catch(() => undefined);
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
          await blocks.add(opSize('commentAdd', address, note(cell)), () => void ws.comments.add(address, note(cell)));
        }
        await blocks.flush();
        return refused;
      } catch (e) {
        // Whatever code Excel gives the refusal (it is not documented), the count below tells
        // whether one refused thread explains it. A cell being edited refuses everything: stop.
        if (i === start || errorCode(e) === CELL_EDIT) throw e;
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
      if (errorCode(e) !== 'ItemNotFound') throw this.translate(e, '', 'clear');
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
        throw this.translate(e2, '', 'clear');
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
      for (const e of entries) groupPush(byId, e.id, e);
      const queueReads = (withNotes: boolean, withFills: boolean) =>
        [...byId.entries()].map(([id, es]) => {
          const ws = ctx.workbook.worksheets.getItem(id);
          const maps = recordMaps(es);
          const noteCells = [...new Set(flatCells(es.filter((e) => e.mode === 'notes').map((e) => e.notes)))];
          const hasComments = es.some((e) => e.mode === 'comments' && e.notes);
          return {
            ws,
            maps,
            protection: api.v1_2 ? ws.protection.load('protected') : null,
            fills: withFills ? queueFillReads(ws, [...maps.painted.keys()], api) : null,
            noteCells,
            notes: api.notes && withNotes && noteCells.length ? queueNoteReads(ws, noteCells) : null,
            threads: api.v1_10 && hasComments ? queueThreadList(ws) : null,
          };
        });
      // One sync. When the reads would make a request over BLOCK_BYTES, or our long notes make the
      // response too large (web): the sheets first, then fills and notes in parts.
      let estimate = 0;
      for (const es of byId.values()) {
        const maps = recordMaps(es);
        estimate += fillReadBytes([...maps.painted.keys()], api);
        if (api.notes) estimate += noteReadBytes(flatCells(es.filter((e) => e.mode === 'notes').map((e) => e.notes)));
      }
      let whole = estimate <= api.blockBytes;
      let sheets = queueReads(whole, whole);
      let fillsNow: Map<string, FillState>[] = [];
      let notesNow: Map<string, NoteNow>[] = [];
      let refused = false;
      if (whole) {
        try {
          await ctx.sync();
          fillsNow = sheets.map((s) => (s.fills ? s.fills() : new Map<string, FillState>()));
          notesNow = sheets.map((s) => (s.notes ? s.notes() : new Map<string, NoteNow>()));
        } catch (e) {
          if (!isPayloadError(e) || !sheets.some((s) => s.notes)) throw e;
          whole = false;
          refused = true;
          sheets = queueReads(false, false);
        }
      }
      if (!whole) {
        await ctx.sync();
        fillsNow = [];
        notesNow = [];
        for (const s of sheets) {
          fillsNow.push(await readFillsSplitting(ctx, s.ws, [...s.maps.painted.keys()], api));
          // One sheet's notes already refused whole: start with the halves.
          notesNow.push(
            api.notes && s.noteCells.length
              ? await readNotesSplitting(ctx, s.ws, api, s.noteCells, !(refused && sheets.length === 1))
              : new Map(),
          );
        }
      }
      if (sheets.some((s) => s.protection?.protected)) throw hostError(this.locale, 'protected');
      const withThreads = sheets.filter((s) => s.threads !== null);
      const threads = withThreads.length
        ? await readThreads(
            ctx,
            withThreads.map((s) => s.threads as Excel.CommentCollection),
            api,
          )
        : [];

      // Writes in blocks of at most BLOCK_BYTES (deleting notes and threads carries no text, so a
      // clear is one block except on enormous sheets).
      const blocks = new WriteBlocks(ctx, api.blockBytes);
      for (const [i, s] of sheets.entries()) {
        for (const op of restoreOps(s.ws, restoreGroups(s.maps, fillsNow[i]), api))
          await blocks.add(op.bytes, op.queue);
      }
      for (const notes of notesNow) {
        for (const n of notes.values())
          if (n.content !== null && isOurText(n.content)) await blocks.add(opSize('noteDelete'), () => n.note.delete());
      }
      for (const list of threads) {
        for (const t of list) {
          if (isOurText(t.content) && t.replies.every((r) => isOurText(r.content))) {
            await blocks.add(opSize('commentDelete'), () => t.comment.delete());
            continue;
          }
          for (const r of t.replies)
            if (isOurText(r.content)) await blocks.add(opSize('replyDelete'), () => r.reply.delete());
        }
      }
      await blocks.flush();
    });
  }

  private translate(e: unknown, sheet: string, action: Action): Error {
    if (e instanceof HostError) return e;
    const code = errorCode(e);
    if (code === CELL_EDIT) return cellEditError(this.locale, action);
    if (code === 'AccessDenied') return hostError(this.locale, 'protected');
    if (code === 'ItemNotFound') return hostError(this.locale, 'no-sheet', sheet);
    return hostError(this.locale, 'failed', e instanceof Error ? e.message : String(e));
  }
}
