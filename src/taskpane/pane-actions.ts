/**
 * What the pane's buttons and keys do to the workbook: each action runs the shared app actions
 * through the `Workbook` interface and moves the pane's state (pane-state.ts) through its
 * transitions. No DOM here; the view follows the state.
 */
import { runCheck as defaultRunCheck, writeIndicators as defaultWriteIndicators } from '../app/actions';
import type { Locale } from '../core/messages/locale';
import type { CoreRunner } from '../app/core-runner';
import { accept as acceptFinding, sameFinding } from '../core/acceptances';
import { HostError, type Workbook } from '../host/workbook';
import {
  activated,
  checked,
  cleared,
  finished,
  fixApplied,
  fixDropped,
  progressed,
  recheckAfterUndo,
  started,
  stepTarget,
  tablesOf,
  visibleEntries,
  withMessage,
  type AppliedFix,
  type Entry,
  type PaneState,
} from './pane-state';
import type { PaneStrings } from './strings';

export interface PaneActions {
  runCheck: typeof defaultRunCheck;
  writeIndicators: typeof defaultWriteIndicators;
}

export const DEFAULT_ACTIONS: PaneActions = { runCheck: defaultRunCheck, writeIndicators: defaultWriteIndicators };

export interface PaneStore {
  get(): PaneState;
  set(s: PaneState): void;
  /** True once the pane is gone: late results are dropped. */
  destroyed(): boolean;
}

/** Hooks into the view that the actions need around a busy spell. */
export interface BusyHooks {
  /** Called before the pane goes busy; the returned function runs when it is idle again. */
  keepFocus(): () => void;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function errorText(e: unknown, t: PaneStrings): string {
  // HostError messages are written for the clerk; anything else is a bug and gets a calm sentence.
  if (e instanceof HostError && e.message) return e.message;
  return t.genericError;
}

export function createPaneActions(
  store: PaneStore,
  workbook: Workbook,
  locale: Locale,
  t: PaneStrings,
  actions: PaneActions,
  hooks: BusyHooks,
  core: CoreRunner,
) {
  let rerunRequested = false;
  const update = (f: (s: PaneState) => PaneState): void => store.set(f(store.get()));

  async function whileBusy(label: string, fn: () => Promise<void>): Promise<void> {
    if (store.destroyed() || store.get().busy) return;
    const restoreFocus = hooks.keepFocus();
    update((s) => started(s, label));
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof HostError)) console.error(e);
      update((s) => withMessage(s, { kind: 'error', text: errorText(e, t) }));
    } finally {
      if (!store.destroyed()) {
        update(finished);
        restoreFocus();
      }
    }
    if (rerunRequested && !store.destroyed()) {
      rerunRequested = false;
      await check();
    }
  }

  async function checkNow(keepPosition: boolean): Promise<void> {
    const onProgress = (done: number, total: number): void => {
      if (store.destroyed()) return;
      const label = total > 0 && done >= total ? t.checking : total > 0 ? t.reading(done, total) : t.readingUnknown;
      update((s) => progressed(s, { label, done, total }));
    };
    const result = await actions.runCheck(workbook, locale, onProgress, core);
    // Painting the marks and drawing the findings: separate tasks, so neither adds to the other.
    await nextTask();
    if (store.destroyed()) return;
    update((s) => checked(s, result, t.tableLevel, keepPosition));
    if (result.kind === 'no-table') {
      // Information, not an error: the clerk is on the wrong sheet, or the sheet has no table.
      const text = result.tableSheet ? t.tableElsewhere(result.sheet, result.tableSheet) : t.noTable(result.sheet);
      update((s) => withMessage(s, { kind: 'notice', text, sheet: result.tableSheet }));
    } else if (result.marked.cells > 0)
      update((s) => withMessage(s, { kind: 'notice', text: t.marked(result.marked.cells) }));
    else update((s) => withMessage(s, { kind: 'success', text: t.noFindings }));
  }

  function check(): Promise<void> {
    return whileBusy(t.readingUnknown, () => checkNow(false));
  }

  /** The 「切换到…并校验」 button of the no-table message. */
  function switchAndCheck(sheet: string): Promise<void> {
    return whileBusy(t.readingUnknown, async () => {
      await workbook.activateSheet(sheet);
      await checkNow(false);
    });
  }

  function writeIndicators(): Promise<void> {
    return whileBusy(t.writing, async () => {
      const caps = await workbook.capabilities();
      if (!caps.indicatorSheet) {
        update((s) => withMessage(s, { kind: 'error', text: t.indicatorSheetUnsupported }));
        return;
      }
      if (tablesOf(store.get()).length === 0) await checkNow(false);
      const current = tablesOf(store.get());
      if (current.length === 0) return;
      update((s) => progressed(s, { label: t.writing, done: 0, total: 0 }));
      // The shared action writes nothing when there is no indicator to list (and says 0).
      const n = await actions.writeIndicators(workbook, current, locale, core);
      if (n === 0) update((s) => withMessage(s, { kind: 'warning', text: t.noIndicators }));
      else update((s) => withMessage(s, { kind: 'success', text: t.indicatorsWritten(n) }));
    });
  }

  function clearMarks(): Promise<void> {
    return whileBusy(t.clearing, async () => {
      await workbook.clearMarks();
      update((s) => withMessage(cleared(s), { kind: 'success', text: t.marksCleared }));
    });
  }

  async function select(e: Entry): Promise<void> {
    if (store.get().busy) return;
    try {
      await workbook.select(e.sheet, e.finding.cell);
    } catch (err) {
      if (!(err instanceof HostError)) console.error(err);
      update((s) => withMessage(s, { kind: 'error', text: errorText(err, t) }));
    }
  }

  /** After a fix or an undo the current finding moved: select its cell so pane and sheet agree. */
  async function selectActive(): Promise<void> {
    const s = store.get();
    const e = visibleEntries(s).find((x) => x.key === s.activeKey);
    if (e) await workbook.select(e.sheet, e.finding.cell);
  }

  async function applyFix(e: Entry): Promise<void> {
    const fix = e.finding.fix;
    if (!fix) return;
    await whileBusy(t.applying, async () => {
      await workbook.setCellText(e.sheet, fix.cell, fix.text, fix.before);
      update((s) => fixApplied(s, e.sheet, fix));
      await checkNow(true);
      update((s) => withMessage(s, { kind: 'success', text: t.fixApplied(fix.cell) }));
      await selectActive();
    });
  }

  async function undoFix(a: AppliedFix): Promise<void> {
    await whileBusy(t.undoing, async () => {
      try {
        await workbook.setCellText(a.sheet, a.fix.cell, a.fix.before, a.fix.text);
      } catch (err) {
        // The cell was edited since: this undo can never succeed, so drop it with the host's reason.
        if (err instanceof HostError && err.code === 'changed') update((s) => fixDropped(s, a));
        throw err;
      }
      const recheck = recheckAfterUndo(store.get());
      update((s) => fixDropped(s, a));
      // After 清除标记 the clerk asked for a clean sheet: undoing a fix must not paint marks again.
      if (recheck) await checkNow(true);
      update((s) => withMessage(s, { kind: 'success', text: t.fixUndone(a.fix.cell) }));
      if (recheck) await selectActive();
    });
  }

  /** 已确认: kept in the workbook, then a re-check shows the finding greyed and takes its mark off. */
  async function accept(e: Entry, reason: string): Promise<void> {
    await whileBusy(t.accepting, async () => {
      const list = (await workbook.readAcceptances()).filter((a) => !sameFinding(a, e.sheet, e.finding));
      list.push(acceptFinding(e.sheet, e.finding, e.hash, reason, new Date()));
      await workbook.writeAcceptances(list);
      await checkNow(true);
      update((s) => withMessage(s, { kind: 'success', text: t.acceptDone(e.finding.cell) }));
    });
  }

  async function unaccept(e: Entry): Promise<void> {
    await whileBusy(t.accepting, async () => {
      const list = await workbook.readAcceptances();
      await workbook.writeAcceptances(list.filter((a) => !sameFinding(a, e.sheet, e.finding)));
      await checkNow(true);
      update((s) => withMessage(s, { kind: 'success', text: t.unacceptDone(e.finding.cell) }));
    });
  }

  async function step(delta: 1 | -1): Promise<Entry | null> {
    const s = store.get();
    if (s.busy) return null;
    const target = stepTarget(s, delta);
    if (!target) return null;
    update((x) => activated(x, target.key));
    await select(target);
    return target;
  }

  /** The ribbon ran a check in its own runtime: re-check here (the stored record holds only counts). */
  function recheckSoon(): void {
    if (store.get().busy) rerunRequested = true;
    else void check();
  }

  return {
    check,
    switchAndCheck,
    writeIndicators,
    clearMarks,
    select,
    applyFix,
    undoFix,
    accept,
    unaccept,
    step,
    recheckSoon,
  };
}

export type PaneActionSet = ReturnType<typeof createPaneActions>;
