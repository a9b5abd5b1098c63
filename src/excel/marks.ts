/**
 * Applying and clearing marks. Both follow the same shape: ONE sync reads the state of every cell
 * involved (protection, fills, notes; comments need one more for their locations), the record is
 * saved, then ONE sync writes everything. Nothing is written before protection is known, so a
 * protected sheet is refused with the workbook untouched.
 */
import { MARK_FILLS, type CellMark, type MarksPlan } from '../core/marks';
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
import type { ExcelRun } from './read-sheet';
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
        ws.load('id,name');
        const protection = api.v1_2 ? ws.protection.load('protected') : null;
        const olds = record.sheets.filter((s) => s.name === plan.sheet);

        // --- read: sync 1 (and, for comments, sync 2) ---
        const readState = (entries: readonly SheetRecord[]) => {
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
            fills: queueFillReads(ws, [...cells], api),
            notes: mode === 'notes' ? queueNoteReads(ws, [...noteCells]) : null,
          };
        };
        let state = readState(olds);
        const threadList = mode === 'comments' ? queueThreadList(ws) : null;
        await ctx.sync();
        if (protection?.protected) throw hostError(this.locale, 'protected');

        // A renamed sheet is found by its id; its old cells need one more read (rare, and constant).
        const renamed = record.sheets.filter((s) => s.id === ws.id && s.name !== plan.sheet);
        if (renamed.length > 0) {
          olds.push(...renamed);
          state = readState(olds);
          await ctx.sync();
        }
        const fillsNow = state.fills();
        const notesNow: Map<string, NoteNow> = state.notes ? state.notes() : new Map();
        const threads: Thread[] = threadList ? (await readThreads(ctx, [threadList]))[0] : [];
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
        const noteOps: (() => void)[] = [];
        if (mode === 'notes' && state.notes) {
          for (const cell of oldNotes) {
            const n = notesNow.get(cell);
            if (!targets.has(cell) && n && isOurText(n.content)) noteOps.push(() => n.note.delete());
          }
          for (const cell of targets.keys()) {
            const n = notesNow.get(cell);
            if (!n || n.content === null) noteOps.push(() => void ws.notes.add(cell, note(cell)));
            else if (isOurText(n.content)) noteOps.push(() => (n.note.content = note(cell)));
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
                noteOps.push(() => (t.comment.content = note(target)));
                covered.add(target);
              } else if (!foreignReplies) noteOps.push(() => t.comment.delete());
              // Our thread that the user answered stays: deleting it would delete their replies.
              for (const r of t.replies) if (isOurText(r.content)) noteOps.push(() => r.reply.delete());
              continue;
            }
            // The user's own thread: never touched; our words go in a reply we can later delete alone.
            const ours = t.replies.filter((r) => isOurText(r.content));
            ours.forEach((r, i) => {
              if (i === 0 && target) noteOps.push(() => (r.reply.content = note(target)));
              else noteOps.push(() => r.reply.delete());
            });
            if (target && ours.length === 0) noteOps.push(() => void t.comment.replies.add(note(target)));
            if (target) covered.add(target);
          }
          for (const cell of targets.keys()) {
            if (!covered.has(cell)) noteOps.push(() => void ws.comments.add(qualified(ws.name, cell), note(cell)));
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

        // --- write: one sync. Fill writes go first, so on ExcelApi 1.1 (no protection property) a
        // protected sheet fails at the first operation, before anything has changed. ---
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
        for (const op of noteOps) op();
        await ctx.sync();
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
      const sheets = [...byId.entries()].map(([id, es]) => {
        const ws = ctx.workbook.worksheets.getItem(id);
        const maps = recordMaps(es);
        const noteCells = [...new Set(flatCells(es.filter((e) => e.mode === 'notes').map((e) => e.notes)))];
        const hasComments = es.some((e) => e.mode === 'comments' && e.notes);
        return {
          ws,
          maps,
          protection: api.v1_2 ? ws.protection.load('protected') : null,
          fills: queueFillReads(ws, [...maps.painted.keys()], api),
          notes: api.v1_18 && noteCells.length ? queueNoteReads(ws, noteCells) : null,
          threads: api.v1_10 && hasComments ? queueThreadList(ws) : null,
        };
      });
      await ctx.sync();
      if (sheets.some((s) => s.protection?.protected)) throw hostError(this.locale, 'protected');
      const withThreads = sheets.filter((s) => s.threads !== null);
      const threads = withThreads.length ? await readThreads(ctx, withThreads.map((s) => s.threads as Excel.CommentCollection)) : [];

      for (const s of sheets) {
        const now = s.fills();
        const groups = new Map<string, string[]>();
        for (const [cell, paint] of s.maps.painted) {
          const f = now.get(cell);
          // Where the clerk refilled a marked cell since, their fill wins: we only undo our own.
          if (f && isOurFill(f, paint)) groupPush(groups, s.maps.prev.get(cell) ?? NO_FILL, cell);
        }
        queueRestores(s.ws, groups, api);
      }
      for (const s of sheets) {
        if (!s.notes) continue;
        for (const n of s.notes().values()) if (n.content !== null && isOurText(n.content)) n.note.delete();
      }
      for (const list of threads) {
        for (const t of list) {
          if (isOurText(t.content) && t.replies.every((r) => isOurText(r.content))) {
            t.comment.delete();
            continue;
          }
          for (const r of t.replies) if (isOurText(r.content)) r.reply.delete();
        }
      }
      await ctx.sync();
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
