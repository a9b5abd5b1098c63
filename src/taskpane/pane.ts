/**
 * The task pane: check button, progress, summary, findings grouped by project, severity filters,
 * previous/next, one-click fixes with undo, the indicator sheet and clearing marks.
 *
 * This file wires three parts together: the state (pane-state.ts, plain data and transitions), the
 * view (pane-view.ts, drawn from the state) and the actions (pane-actions.ts, the workbook calls).
 * It talks only to the `Workbook` interface, never to Office.js, so the browser preview mounts the
 * very same pane over its in-memory workbook.
 */
import type { Locale } from '../core/messages/locale';
import type { Workbook } from '../host/workbook';
import { defaultCore, type CoreRunner } from '../app/core-runner';
import { LAST_RESULT_KEY, parseLastResult, type LastResult } from '../commands/summary';
import { createPaneActions, DEFAULT_ACTIONS, type PaneActions, type PaneStore } from './pane-actions';
import {
  activated,
  activeIndex,
  entryByKey,
  FILTER_KEYS,
  filterToggled,
  initialState,
  keyTarget,
  visibleEntries,
  withMessage,
  type ListKey,
} from './pane-state';
import { snapshotOf, type PaneSnapshot } from './pane-snapshot';
import { createPaneView } from './pane-view';
import { strings } from './strings';
import { injectPaneStyles } from './styles';

export { groupFindings, summaryCounts } from './pane-state';
export type { PaneActions } from './pane-actions';
export type { PaneFindingView, PaneSnapshot } from './pane-snapshot';

/** localStorage key the ribbon's commands write after they ran in their own runtime. */
export { LAST_RESULT_KEY };

/** A stored command result younger than this, found when the pane opens, is acted on. */
const FRESH_RESULT_MS = 2 * 60 * 1000;

/** EdgeHTML (Excel 2019's webview) may report the old key names `Down`, `Up`, `Spacebar`. */
const OLD_KEY_NAMES: Record<string, string> = { Down: 'ArrowDown', Up: 'ArrowUp' };
const LIST_KEYS = new Set<string>(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

function keyName(ev: KeyboardEvent): string {
  return OLD_KEY_NAMES[ev.key] ?? ev.key;
}

export interface PaneOptions {
  /** Replaces the shared actions (tests, or a host that wants to wrap them). */
  actions?: Partial<PaneActions>;
  /**
   * Window whose localStorage carries the ribbon commands' results (`storage` events, and a fresh
   * result when the pane opens); defaults to the root's window; null: ignore the commands.
   */
  storageWindow?: Window | null;
  /** Where the core runs: by default a Web Worker (check-worker.js), in place where there is none. */
  core?: CoreRunner;
}

export interface PaneHandle {
  /** Same as pressing 一键校验. */
  check(): Promise<void>;
  writeIndicators(): Promise<void>;
  clearMarks(): Promise<void>;
  next(): Promise<void>;
  previous(): Promise<void>;
  snapshot(): PaneSnapshot;
  /** Removes listeners and the pane's DOM. */
  destroy(): void;
}

export function mountPane(
  root: HTMLElement,
  workbook: Workbook,
  locale: Locale,
  options: PaneOptions = {},
): PaneHandle {
  const doc = root.ownerDocument;
  const t = strings(locale);
  injectPaneStyles(doc);

  let state = initialState();
  let destroyed = false;
  const store: PaneStore = {
    get: () => state,
    set: (s) => {
      state = s;
      if (!destroyed) view.render(s);
    },
    destroyed: () => destroyed,
  };
  const view = createPaneView(root, t, locale, {
    undoFix: (a) => void act.undoFix(a),
    accept: (e, reason) => void act.accept(e, reason),
    unaccept: (e) => void act.unaccept(e),
    applyFix: (e) => void act.applyFix(e),
    locate: (e) => void act.select(e),
    switchAndCheck: (sheet) => void act.switchAndCheck(sheet),
  });
  const act = createPaneActions(
    store,
    workbook,
    locale,
    t,
    { ...DEFAULT_ACTIONS, ...options.actions },
    {
      keepFocus() {
        const focused =
          doc.activeElement instanceof HTMLElement && view.pane.contains(doc.activeElement) ? doc.activeElement : null;
        const onOption = focused?.getAttribute('role') === 'option';
        return () => {
          if (onOption) view.focusActive();
          else if (focused && focused.isConnected && !(focused as HTMLButtonElement).disabled) focused.focus();
        };
      },
    },
    options.core ?? defaultCore(),
  );
  const { pane, listEl } = view;

  function setActive(key: string | null, focus: boolean): void {
    store.set(activated(state, key));
    if (focus) view.focusActive();
    else view.scrollToActive();
  }

  async function step(delta: 1 | -1): Promise<void> {
    const focusInList = listEl.contains(doc.activeElement);
    const target = await act.step(delta);
    if (target && focusInList) view.focusActive();
    else if (target) view.scrollToActive();
  }

  // ---- events -----------------------------------------------------------------------------------
  view.buttons.check.addEventListener('click', () => void act.check());
  view.buttons.write.addEventListener('click', () => void act.writeIndicators());
  view.buttons.clear.addEventListener('click', () => void act.clearMarks());
  view.buttons.prev.addEventListener('click', () => void step(-1));
  view.buttons.next.addEventListener('click', () => void step(1));
  for (const s of FILTER_KEYS) view.filterBtns[s].addEventListener('click', () => store.set(filterToggled(state, s)));

  listEl.addEventListener('click', (ev) => {
    const opt = (ev.target as Element | null)?.closest<HTMLElement>('[role="option"]');
    const e = entryByKey(state, opt?.dataset.key);
    if (!e) return;
    setActive(e.key, true);
    void act.select(e);
  });

  // Tabbing into the list lands on an option: that option becomes the current one (no sheet jump).
  // Not on a mouse press: re-rendering the detail card then would move the option from under the
  // pointer before the click completes; the click handler does it instead.
  let pointerDown = false;
  listEl.addEventListener('mousedown', () => {
    pointerDown = true;
    setTimeout(() => (pointerDown = false), 0);
  });
  listEl.addEventListener('focusin', (ev) => {
    if (pointerDown) return;
    const key = (ev.target as HTMLElement | null)?.dataset?.key;
    if (key && key !== state.activeKey && entryByKey(state, key)) setActive(key, false);
  });

  listEl.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const key = keyName(ev);
    if (LIST_KEYS.has(key)) {
      const target = keyTarget(state, key as ListKey);
      if (!target) return;
      ev.preventDefault();
      setActive(target.key, true);
      return;
    }
    if (key !== 'Enter' && key !== ' ' && key !== 'Spacebar') return;
    ev.preventDefault();
    const vis = visibleEntries(state);
    const i = activeIndex(state, vis);
    const e = i >= 0 ? vis[i] : entryByKey(state, (ev.target as HTMLElement).dataset?.key);
    if (e) {
      setActive(e.key, true);
      void act.select(e);
    }
  });

  function onPaneKey(ev: KeyboardEvent): void {
    const key = keyName(ev);
    const isNext = (key === 'F8' && !ev.shiftKey) || (ev.altKey && key === 'ArrowDown');
    const isPrev = (key === 'F8' && ev.shiftKey) || (ev.altKey && key === 'ArrowUp');
    if (!isNext && !isPrev) return;
    ev.preventDefault();
    ev.stopPropagation();
    void step(isNext ? 1 : -1);
  }
  pane.addEventListener('keydown', onPaneKey);

  const storageWindow = options.storageWindow === undefined ? doc.defaultView : options.storageWindow;
  /** The ribbon ran a command in its own runtime: refresh to match what it did to the workbook. */
  function onCommandResult(r: LastResult): void {
    if (destroyed) return;
    if (r.kind === 'ok' || r.kind === 'no-table') {
      act.recheckSoon();
      return;
    }
    if (state.busy) return;
    store.set(
      withMessage(
        state,
        r.kind === 'cleared' ? { kind: 'success', text: t.marksCleared } : { kind: 'error', text: r.message },
      ),
    );
  }
  function onStorage(ev: StorageEvent): void {
    if (ev.key !== LAST_RESULT_KEY) return;
    const r = parseLastResult(ev.newValue);
    if (r) onCommandResult(r);
  }
  storageWindow?.addEventListener('storage', onStorage);

  view.render(state);

  // Opened (显示面板) right after a ribbon 一键校验: show that check.
  let pendingInitial: LastResult | null = null;
  try {
    const r = parseLastResult(storageWindow?.localStorage.getItem(LAST_RESULT_KEY));
    if (r && Date.now() - Date.parse(r.at) < FRESH_RESULT_MS) pendingInitial = r;
  } catch {
    // localStorage disabled by policy
  }
  if (pendingInitial) onCommandResult(pendingInitial);

  // Marks left from an earlier session (saved with the workbook): say how to remove them.
  workbook
    .hasMarks()
    .then((has) => {
      if (has && !destroyed && state.phase === 'unchecked' && !state.message && !state.busy) {
        store.set(withMessage(state, { kind: 'notice', text: t.marksLeftOver }));
      }
    })
    .catch(() => undefined);

  return {
    check: act.check,
    writeIndicators: act.writeIndicators,
    clearMarks: act.clearMarks,
    next: () => step(1),
    previous: () => step(-1),
    snapshot: () => snapshotOf(state, view.summaryEl.textContent ?? ''),
    destroy(): void {
      destroyed = true;
      storageWindow?.removeEventListener('storage', onStorage);
      pane.removeEventListener('keydown', onPaneKey);
      view.destroy();
    },
  };
}
