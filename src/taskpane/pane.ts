/**
 * The task pane: check button, progress, summary, findings grouped by project, severity filters,
 * previous/next, one-click fixes with undo, the indicator sheet and clearing marks.
 *
 * It talks only to the `Workbook` interface, never to Office.js, so the browser preview mounts the
 * very same pane over its in-memory workbook. All workbook text is rendered with textContent.
 */
import {
  runCheck as defaultRunCheck,
  writeIndicators as defaultWriteIndicators,
  type CheckOutcome,
} from '../app/actions';
import type { Locale } from '../core/messages/locale';
import { SEVERITIES, type Finding, type Fix, type Severity, type TableReport } from '../core/report';
import { HostError, type Workbook } from '../host/workbook';
import { clear, el, setAttrs } from './dom';
import { strings, type PaneStrings, type SummaryCounts } from './strings';
import { injectPaneStyles } from './styles';

import { LAST_RESULT_KEY, parseLastResult, type LastResult } from '../commands/summary';

/** localStorage key the ribbon's commands write after they ran in their own runtime. */
export { LAST_RESULT_KEY };

/** A stored command result younger than this, found when the pane opens, is acted on. */
const FRESH_RESULT_MS = 2 * 60 * 1000;

/** EdgeHTML (Excel 2019's webview) may report the old key names `Down`, `Up`, `Spacebar`. */
const OLD_KEY_NAMES: Record<string, string> = { Down: 'ArrowDown', Up: 'ArrowUp' };

function keyName(ev: KeyboardEvent): string {
  return OLD_KEY_NAMES[ev.key] ?? ev.key;
}

export interface PaneActions {
  runCheck: typeof defaultRunCheck;
  writeIndicators: typeof defaultWriteIndicators;
}

export interface PaneOptions {
  /** Replaces the shared actions (tests, or a host that wants to wrap them). */
  actions?: Partial<PaneActions>;
  /**
   * Window whose localStorage carries the ribbon commands' results (`storage` events, and a fresh
   * result when the pane opens); defaults to the root's window; null: ignore the commands.
   */
  storageWindow?: Window | null;
}

export interface PaneFindingView {
  key: string;
  sheet: string;
  cell: string;
  rule: string;
  severity: Severity;
  project: string | null;
  group: string;
  message: string;
  fixable: boolean;
}

/** A plain-data picture of the pane, for tests and the preview's test hooks. */
export interface PaneSnapshot {
  busy: boolean;
  outcome: 'none' | 'no-table' | 'ok';
  summary: string;
  counts: SummaryCounts | null;
  message: { kind: MessageKind; text: string } | null;
  filters: Record<Severity, boolean>;
  groups: { label: string; count: number }[];
  visible: PaneFindingView[];
  /** Index of the current finding in `visible`, or -1. */
  active: number;
  appliedFixes: { sheet: string; cell: string; before: string; text: string }[];
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

type MessageKind = 'error' | 'warning' | 'success' | 'notice';

interface Entry {
  key: string;
  sheet: string;
  finding: Finding;
  group: Group;
}

interface Group {
  key: string;
  label: string;
  secondary: string | null;
  entries: Entry[];
}

interface AppliedFix {
  sheet: string;
  fix: Fix;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function errorText(e: unknown, t: PaneStrings): string {
  // HostError messages are written for the clerk; anything else is a bug and gets a calm sentence.
  if (e instanceof HostError && e.message) return e.message;
  return t.genericError;
}

export function summaryCounts(tables: readonly TableReport[]): SummaryCounts {
  const c: SummaryCounts = { projects: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 };
  for (const t of tables) {
    c.projects += t.summary.projects;
    c.indicators += t.summary.indicators;
    c.errors += t.summary.errors;
    c.warnings += t.summary.warnings;
    c.infos += t.summary.infos;
  }
  return c;
}

/** Findings grouped per table: amounts on 合计/unit rows first, then projects in sheet order. */
export function groupFindings(tables: readonly TableReport[], tableLevelLabel: string): Group[] {
  const groups: Group[] = [];
  tables.forEach((t, ti) => {
    const secondary = tables.length > 1 ? `${t.sheet}!${t.range}` : null;
    const projectRow = new Map<string, number>();
    for (const r of t.rows) if (r.kind === 'project' && r.name && !projectRow.has(r.name)) projectRow.set(r.name, r.row);
    const byKey = new Map<string, Group>();
    const order: { group: Group; row: number; tableLevel: boolean }[] = [];
    t.findings.forEach((f, fi) => {
      const tableLevel = f.project === null || f.project === '';
      const gk = tableLevel ? `${ti}:table` : `${ti}:p:${f.project}`;
      let g = byKey.get(gk);
      if (!g) {
        g = { key: gk, label: tableLevel ? tableLevelLabel : (f.project as string), secondary, entries: [] };
        byKey.set(gk, g);
        order.push({ group: g, row: tableLevel ? -1 : (projectRow.get(f.project as string) ?? f.row), tableLevel });
      }
      g.entries.push({ key: `${ti}:${fi}`, sheet: t.sheet, finding: f, group: g });
    });
    for (const o of order) if (!o.tableLevel) for (const e of o.group.entries) if (e.finding.row < o.row) o.row = e.finding.row;
    order.sort((a, b) => a.row - b.row);
    for (const { group } of order) {
      group.entries.sort(
        (a, b) =>
          a.finding.row - b.finding.row ||
          RANK[a.finding.severity] - RANK[b.finding.severity] ||
          (a.finding.indicator ?? 0) - (b.finding.indicator ?? 0),
      );
      groups.push(group);
    }
  });
  return groups;
}

export function mountPane(root: HTMLElement, workbook: Workbook, locale: Locale, options: PaneOptions = {}): PaneHandle {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const t = strings(locale);
  const actions: PaneActions = {
    runCheck: options.actions?.runCheck ?? defaultRunCheck,
    writeIndicators: options.actions?.writeIndicators ?? defaultWriteIndicators,
  };
  injectPaneStyles(doc);

  // ---- state -------------------------------------------------------------------------------
  let busy = false;
  let rerunRequested = false;
  let progress: { label: string; done: number; total: number } | null = null;
  let outcome: CheckOutcome | null = null;
  let groups: Group[] = [];
  let message: { kind: MessageKind; text: string } | null = null;
  const filters: Record<Severity, boolean> = { error: true, warning: true, info: true };
  let activeKey: string | null = null;
  const applied: AppliedFix[] = [];
  let destroyed = false;
  let uid = 0;
  const idBase = `bc${Math.random().toString(36).slice(2, 8)}`;
  const newId = (): string => `${idBase}-${++uid}`;

  // ---- static DOM ---------------------------------------------------------------------------
  clear(root);
  const pane = el(doc, 'div', { className: 'bc-pane', attrs: { lang: locale, 'data-bc-pane': '' } });
  root.appendChild(pane);

  const header = el(
    doc,
    'header',
    {},
    el(doc, 'h1', { text: t.title }),
    el(doc, 'p', { className: 'bc-subtitle', text: t.subtitle }),
  );

  const checkBtn = button(t.check, 'bc-button bc-primary', { 'data-action': 'check', title: t.checkHint });
  const writeBtn = button(t.writeIndicators, 'bc-button', { 'data-action': 'write-indicators' });
  const clearBtn = button(t.clearMarks, 'bc-button', { 'data-action': 'clear-marks' });
  // A group, not an ARIA toolbar: three buttons are simpler as plain tab stops than a roving toolbar.
  const toolbar = el(doc, 'div', { className: 'bc-toolbar', attrs: { role: 'group', 'aria-label': t.toolbarLabel } }, checkBtn, writeBtn, clearBtn);

  const progressLabel = el(doc, 'div', { className: 'bc-progress-label', attrs: { id: newId() } });
  const progressFill = el(doc, 'div', { className: 'bc-progress-fill' });
  const progressBar = el(
    doc,
    'div',
    { className: 'bc-progress-track', attrs: { role: 'progressbar', 'aria-labelledby': progressLabel.id } },
    progressFill,
  );
  const progressBox = el(
    doc,
    'div',
    { className: 'bc-progress bc-indeterminate', attrs: { hidden: true, 'data-role': 'progress' } },
    progressLabel,
    progressBar,
  );
  // Live regions exist from the start (empty) so screen readers pick up later changes.
  const progressLive = el(doc, 'div', { className: 'bc-visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });

  const alertBox = el(doc, 'div', { className: 'bc-message', attrs: { role: 'alert', hidden: true, 'data-role': 'alert' } });
  const statusBox = el(doc, 'div', {
    className: 'bc-message',
    attrs: { role: 'status', 'aria-live': 'polite', hidden: true, 'data-role': 'status' },
  });
  const summaryEl = el(doc, 'div', {
    className: 'bc-summary',
    attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-role': 'summary' },
  });
  const fixesEl = el(doc, 'div', { className: 'bc-fixes', attrs: { role: 'group', 'aria-label': t.appliedFixesLabel, 'data-role': 'fixes' } });

  const filterBtns = {} as Record<Severity, HTMLButtonElement>;
  const filtersEl = el(doc, 'div', { className: 'bc-filters', attrs: { role: 'group', 'aria-label': t.filtersLabel } });
  for (const s of SEVERITIES) {
    const b = button('', 'bc-button bc-small bc-toggle', { 'data-filter': s, 'aria-pressed': 'true' });
    filterBtns[s] = b;
    filtersEl.appendChild(b);
  }

  const prevBtn = button(t.previous, 'bc-button bc-small', { 'data-action': 'previous', 'aria-keyshortcuts': 'Shift+F8 Alt+ArrowUp' });
  const nextBtn = button(t.next, 'bc-button bc-small', { 'data-action': 'next', 'aria-keyshortcuts': 'F8 Alt+ArrowDown' });
  const positionEl = el(doc, 'span', { className: 'bc-nav-position', attrs: { 'data-role': 'position' } });
  const navEl = el(doc, 'div', { className: 'bc-nav', attrs: { role: 'group', 'aria-label': t.navLabel } }, prevBtn, nextBtn, positionEl);

  const detailEl = el(doc, 'section', { className: 'bc-detail', attrs: { 'aria-label': t.detailLabel, hidden: true, 'data-role': 'detail' } });
  const emptyEl = el(doc, 'div', { className: 'bc-empty', attrs: { 'data-role': 'empty' } });
  const listEl = el(doc, 'div', { className: 'bc-list', attrs: { role: 'listbox', 'aria-label': t.listLabel, 'data-role': 'list' } });

  const shortcutRows = t.shortcuts.map(([k, d]) =>
    el(doc, 'tr', {}, el(doc, 'td', {}, el(doc, 'kbd', { text: k })), el(doc, 'td', { text: d })),
  );
  const shortcutsEl = el(
    doc,
    'details',
    { className: 'bc-shortcuts' },
    el(doc, 'summary', { text: t.shortcutsTitle }),
    // The fixed list of keyboard shortcuts, never data-sized.
    // eslint-disable-next-line no-restricted-syntax
    el(doc, 'table', {}, el(doc, 'tbody', {}, ...shortcutRows)),
  );

  pane.append(header, toolbar, progressBox, progressLive, alertBox, statusBox, summaryEl, fixesEl, filtersEl, navEl, detailEl, emptyEl, listEl, shortcutsEl);

  function button(label: string, className: string, attrs: Record<string, string> = {}): HTMLButtonElement {
    return el(doc, 'button', { className, text: label, attrs: { type: 'button', ...attrs } });
  }

  // ---- derived --------------------------------------------------------------------------------
  function visibleEntries(): Entry[] {
    const out: Entry[] = [];
    for (const g of groups) for (const e of g.entries) if (filters[e.finding.severity]) out.push(e);
    return out;
  }

  function activeIndex(vis: Entry[] = visibleEntries()): number {
    return activeKey === null ? -1 : vis.findIndex((e) => e.key === activeKey);
  }

  function tables(): TableReport[] {
    return outcome && outcome.kind === 'ok' ? outcome.tables : [];
  }

  // ---- rendering ------------------------------------------------------------------------------
  function renderAll(): void {
    renderBusy();
    renderMessage();
    renderSummary();
    renderFixes();
    renderFilters();
    renderList();
    renderActive();
  }

  function renderBusy(): void {
    for (const b of pane.querySelectorAll('button')) b.disabled = busy;
    setAttrs(listEl, { 'aria-busy': busy ? 'true' : null });
    progressBox.hidden = !busy;
    if (!busy || !progress) {
      progressLabel.textContent = '';
      progressLive.textContent = '';
      return;
    }
    progressLabel.textContent = progress.label;
    if (progress.total > 0) {
      const pct = Math.min(100, Math.round((progress.done / progress.total) * 100));
      progressBox.classList.remove('bc-indeterminate');
      progressFill.style.width = `${pct}%`;
      setAttrs(progressBar, { 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct });
    } else {
      progressBox.classList.add('bc-indeterminate');
      progressFill.style.width = '';
      setAttrs(progressBar, { 'aria-valuemin': null, 'aria-valuemax': null, 'aria-valuenow': null });
    }
    // Announce the phase, not every percent.
    if (progressLive.textContent !== progress.label.replace(/[\d/ ]+$/, '')) {
      progressLive.textContent = progress.label.replace(/[\d/ ]+$/, '');
    }
  }

  function renderMessage(): void {
    const isAlert = message !== null && (message.kind === 'error' || message.kind === 'warning');
    alertBox.hidden = !isAlert;
    statusBox.hidden = message === null || isAlert;
    const target = isAlert ? alertBox : statusBox;
    const other = isAlert ? statusBox : alertBox;
    other.textContent = '';
    if (message) {
      target.textContent = message.text;
      target.className = `bc-message ${message.kind === 'error' || message.kind === 'warning' ? 'bc-error' : message.kind === 'success' ? 'bc-success' : 'bc-notice'}`;
      target.setAttribute('data-kind', message.kind);
    } else {
      target.textContent = '';
    }
  }

  function renderSummary(): void {
    summaryEl.textContent = outcome && outcome.kind === 'ok' ? t.summary(summaryCounts(outcome.tables)) : '';
  }

  function renderFixes(): void {
    clear(fixesEl);
    for (const a of applied) {
      const undo = button(t.undoFix, 'bc-button bc-small', { 'data-action': 'undo-fix', 'aria-label': t.undoFixLabel(a.fix.cell) });
      undo.disabled = busy;
      undo.addEventListener('click', () => void undoFix(a));
      fixesEl.appendChild(
        el(doc, 'div', { className: 'bc-fix-row', attrs: { 'data-cell': a.fix.cell } }, el(doc, 'span', { text: t.fixedCell(a.fix.cell) }), undo),
      );
    }
  }

  function renderFilters(): void {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const g of groups) for (const e of g.entries) counts[e.finding.severity]++;
    for (const s of SEVERITIES) {
      const b = filterBtns[s];
      clear(b);
      b.append(el(doc, 'span', { className: `bc-dot bc-sev-${s}`, attrs: { 'aria-hidden': 'true' } }), doc.createTextNode(t.severityCount(s, counts[s])));
      setAttrs(b, { 'aria-pressed': filters[s] ? 'true' : 'false', title: t.filterToggle(s, filters[s]) });
    }
    filtersEl.hidden = !(outcome && outcome.kind === 'ok');
    navEl.hidden = filtersEl.hidden;
  }

  function renderList(): void {
    const focusWasInList = listEl.contains(doc.activeElement);
    clear(listEl);
    const vis = visibleEntries();
    if (activeKey !== null && !vis.some((e) => e.key === activeKey)) activeKey = null;
    if (!outcome) emptyEl.textContent = t.notCheckedYet;
    else if (outcome.kind === 'no-table') emptyEl.textContent = '';
    else if (groups.length === 0) emptyEl.textContent = t.noFindings;
    else if (vis.length === 0) emptyEl.textContent = t.nothingVisible;
    else emptyEl.textContent = '';

    for (const g of groups) {
      const entries = g.entries.filter((e) => filters[e.finding.severity]);
      if (entries.length === 0) continue;
      const headId = newId();
      const head = el(
        doc,
        'div',
        { className: 'bc-group-head', attrs: { id: headId, role: 'presentation' } },
        el(doc, 'span', { text: g.secondary ? `${g.label}（${g.secondary}）` : g.label }),
        el(doc, 'span', { className: 'bc-group-count', text: t.groupCount(entries.length) }),
      );
      const groupEl = el(doc, 'div', { attrs: { role: 'group', 'aria-labelledby': headId, 'data-group': g.label } }, head);
      for (const e of entries) groupEl.appendChild(optionFor(e));
      listEl.appendChild(groupEl);
    }
    listEl.hidden = vis.length === 0;
    if (focusWasInList) focusActiveOption();
  }

  function optionFor(e: Entry): HTMLElement {
    const f = e.finding;
    const label = t.findingLabel(t.severity[f.severity], f.cell, f.message) + (f.fix ? `（${t.fixable}）` : '');
    const opt = el(
      doc,
      'div',
      {
        className: 'bc-option',
        attrs: {
          role: 'option',
          id: `${idBase}-opt-${e.key.replace(':', '-')}`,
          'aria-selected': 'false',
          'aria-label': label,
          tabindex: '-1',
          'data-key': e.key,
          'data-cell': f.cell,
          'data-severity': f.severity,
          'data-rule': f.rule,
        },
      },
      el(doc, 'span', { className: `bc-dot bc-sev-${f.severity}`, attrs: { 'aria-hidden': 'true' } }),
      el(doc, 'span', { className: 'bc-cell', text: f.cell }),
      el(doc, 'span', { className: 'bc-rule', text: f.rule }),
      el(doc, 'span', { className: 'bc-option-message', text: f.message }),
      f.fix ? el(doc, 'span', { className: 'bc-badge', text: t.fixable }) : null,
    );
    return opt;
  }

  function optionEls(): HTMLElement[] {
    return [...listEl.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  /** Roving tabindex: exactly one option (the current one, else the first) is a tab stop. */
  function renderActive(): void {
    const opts = optionEls();
    let tabStop: HTMLElement | undefined;
    for (const o of opts) {
      const on = o.dataset.key === activeKey;
      o.setAttribute('aria-selected', on ? 'true' : 'false');
      o.tabIndex = -1;
      if (on) tabStop = o;
    }
    (tabStop ?? opts[0])?.setAttribute('tabindex', '0');

    const vis = visibleEntries();
    const i = activeIndex(vis);
    positionEl.textContent = vis.length === 0 ? t.positionNone : i < 0 ? t.positionTotal(vis.length) : t.position(i + 1, vis.length);
    const navDisabled = busy || vis.length === 0;
    prevBtn.disabled = navDisabled;
    nextBtn.disabled = navDisabled;
    renderDetail(i >= 0 ? vis[i] : null);
  }

  function renderDetail(e: Entry | null): void {
    clear(detailEl);
    detailEl.hidden = e === null;
    if (!e) return;
    const f = e.finding;
    const head = el(
      doc,
      'div',
      { className: 'bc-detail-head' },
      el(doc, 'span', { className: `bc-dot bc-sev-${f.severity}`, attrs: { 'aria-hidden': 'true' } }),
      el(doc, 'h2', { text: `${t.severity[f.severity]} · ${f.cell}` }),
      el(doc, 'span', { className: 'bc-rule', text: f.rule }),
    );
    const rows: [string, string][] = [];
    rows.push([t.detailProject, f.project ?? e.group.label]);
    if (f.indicator !== null) rows.push([t.detailCell, `${f.cell} · ${t.detailIndicator(f.indicator)}`]);
    if (f.expected !== undefined) rows.push([t.detailExpected, f.expected]);
    if (f.actual !== undefined) rows.push([t.detailActual, f.actual]);
    if (f.fix) rows.push([t.fixPreview, f.fix.text]);
    const dl = el(doc, 'dl');
    for (const [k, v] of rows) dl.append(el(doc, 'dt', { text: k }), el(doc, 'dd', { text: v }));
    const locate = button(t.locate, 'bc-button bc-small', { 'data-action': 'locate' });
    locate.disabled = busy;
    locate.addEventListener('click', () => void selectEntry(e));
    const actionsEl = el(doc, 'div', { className: 'bc-detail-actions' }, locate);
    if (f.fix) {
      const apply = button(t.applyFix, 'bc-button bc-small bc-primary', { 'data-action': 'apply-fix', 'aria-label': t.applyFixLabel(f.fix.cell) });
      apply.disabled = busy;
      apply.addEventListener('click', () => void applyFix(e));
      actionsEl.appendChild(apply);
    }
    detailEl.append(head, el(doc, 'p', { className: 'bc-detail-message', text: f.message }), dl, actionsEl);
  }

  function focusActiveOption(): void {
    const opts = optionEls();
    const o = opts.find((x) => x.dataset.key === activeKey) ?? opts[0];
    if (o) {
      o.focus();
      o.scrollIntoView?.({ block: 'nearest' });
    }
  }

  // ---- actions ----------------------------------------------------------------------------------
  async function whileBusy(label: string, fn: () => Promise<void>): Promise<void> {
    if (destroyed) return;
    if (busy) return;
    const focused = doc.activeElement instanceof HTMLElement && pane.contains(doc.activeElement) ? doc.activeElement : null;
    const focusedOption = focused?.getAttribute('role') === 'option';
    busy = true;
    progress = { label, done: 0, total: 0 };
    message = null;
    renderAll();
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof HostError)) console.error(e);
      message = { kind: 'error', text: errorText(e, t) };
    } finally {
      busy = false;
      progress = null;
      if (!destroyed) {
        renderAll();
        if (focusedOption) focusActiveOption();
        else if (focused && focused.isConnected && !(focused as HTMLButtonElement).disabled) focused.focus();
      }
    }
    if (rerunRequested && !destroyed) {
      rerunRequested = false;
      await doCheck();
    }
  }

  async function checkNow(keepPosition: boolean): Promise<void> {
    const before = keepPosition ? Math.max(0, activeIndex()) : -1;
    const result = await actions.runCheck(workbook, locale, (done, total) => {
      if (!progress || destroyed) return;
      progress = { label: total > 0 && done >= total ? t.checking : total > 0 ? t.reading(done, total) : t.readingUnknown, done, total };
      renderBusy();
    });
    outcome = result;
    groups = result.kind === 'ok' ? groupFindings(result.tables, t.tableLevel) : [];
    activeKey = null;
    if (keepPosition) {
      // After a fix the fixed finding is gone: stay at the same place in the list.
      const vis = visibleEntries();
      if (vis.length > 0) activeKey = vis[Math.min(before, vis.length - 1)].key;
    }
    if (result.kind === 'no-table') message = { kind: 'warning', text: t.noTable(result.sheet) };
    else if (result.marked.cells > 0) message = { kind: 'notice', text: t.marked(result.marked.cells) };
    else message = { kind: 'success', text: t.noFindings };
  }

  function doCheck(): Promise<void> {
    return whileBusy(t.readingUnknown, () => checkNow(false));
  }

  function doWriteIndicators(): Promise<void> {
    return whileBusy(t.writing, async () => {
      const caps = await workbook.capabilities();
      if (!caps.indicatorSheet) {
        message = { kind: 'error', text: t.indicatorSheetUnsupported };
        return;
      }
      if (tables().length === 0) await checkNow(false);
      const current = tables();
      if (current.length === 0) return;
      if (current.every((tb) => tb.indicators.length === 0)) {
        message = { kind: 'warning', text: t.noIndicators };
        return;
      }
      if (progress) progress = { label: t.writing, done: 0, total: 0 };
      renderBusy();
      const n = await actions.writeIndicators(workbook, current, locale);
      message = { kind: 'success', text: t.indicatorsWritten(n) };
    });
  }

  function doClearMarks(): Promise<void> {
    return whileBusy(t.clearing, async () => {
      await workbook.clearMarks();
      message = { kind: 'success', text: t.marksCleared };
    });
  }

  async function applyFix(e: Entry): Promise<void> {
    const fix = e.finding.fix;
    if (!fix) return;
    await whileBusy(t.applying, async () => {
      await workbook.setCellText(e.sheet, fix.cell, fix.text, fix.before);
      applied.push({ sheet: e.sheet, fix });
      await checkNow(true);
      message = { kind: 'success', text: t.fixApplied(fix.cell) };
    });
  }

  async function undoFix(a: AppliedFix): Promise<void> {
    await whileBusy(t.undoing, async () => {
      try {
        await workbook.setCellText(a.sheet, a.fix.cell, a.fix.before, a.fix.text);
      } catch (err) {
        // The cell was edited since: this undo can never succeed, so drop it with the host's reason.
        if (err instanceof HostError && err.code === 'changed') applied.splice(applied.indexOf(a), 1);
        throw err;
      }
      applied.splice(applied.indexOf(a), 1);
      await checkNow(true);
      message = { kind: 'success', text: t.fixUndone(a.fix.cell) };
    });
  }

  async function selectEntry(e: Entry): Promise<void> {
    if (busy) return;
    try {
      await workbook.select(e.sheet, e.finding.cell);
    } catch (err) {
      if (!(err instanceof HostError)) console.error(err);
      message = { kind: 'error', text: errorText(err, t) };
      renderMessage();
    }
  }

  function setActive(key: string | null, focus: boolean): void {
    activeKey = key;
    renderActive();
    if (focus) focusActiveOption();
    else if (key) optionEls().find((o) => o.dataset.key === key)?.scrollIntoView?.({ block: 'nearest' });
  }

  async function step(delta: 1 | -1): Promise<void> {
    if (busy) return;
    const vis = visibleEntries();
    if (vis.length === 0) return;
    const i = activeIndex(vis);
    const j = i < 0 ? (delta === 1 ? 0 : vis.length - 1) : (i + delta + vis.length) % vis.length;
    setActive(vis[j].key, listEl.contains(doc.activeElement));
    await selectEntry(vis[j]);
  }

  // ---- events -----------------------------------------------------------------------------------
  checkBtn.addEventListener('click', () => void doCheck());
  writeBtn.addEventListener('click', () => void doWriteIndicators());
  clearBtn.addEventListener('click', () => void doClearMarks());
  prevBtn.addEventListener('click', () => void step(-1));
  nextBtn.addEventListener('click', () => void step(1));
  for (const s of SEVERITIES) {
    filterBtns[s].addEventListener('click', () => {
      filters[s] = !filters[s];
      renderFilters();
      renderList();
      renderActive();
    });
  }

  function entryByKey(key: string | undefined): Entry | undefined {
    if (!key) return undefined;
    for (const g of groups) for (const e of g.entries) if (e.key === key) return e;
    return undefined;
  }

  listEl.addEventListener('click', (ev) => {
    const opt = (ev.target as Element | null)?.closest<HTMLElement>('[role="option"]');
    const e = entryByKey(opt?.dataset.key);
    if (!e) return;
    setActive(e.key, true);
    void selectEntry(e);
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
    if (key && key !== activeKey && entryByKey(key)) setActive(key, false);
  });

  listEl.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const vis = visibleEntries();
    if (vis.length === 0) return;
    const i = activeIndex(vis);
    let j: number | null = null;
    switch (keyName(ev)) {
      case 'ArrowDown':
        j = i < 0 ? 0 : Math.min(vis.length - 1, i + 1);
        break;
      case 'ArrowUp':
        j = i < 0 ? 0 : Math.max(0, i - 1);
        break;
      case 'Home':
        j = 0;
        break;
      case 'End':
        j = vis.length - 1;
        break;
      case 'PageDown':
        j = Math.min(vis.length - 1, Math.max(0, i) + 10);
        break;
      case 'PageUp':
        j = Math.max(0, i - 10);
        break;
      case 'Enter':
      case ' ':
      case 'Spacebar': {
        ev.preventDefault();
        const e = i >= 0 ? vis[i] : entryByKey((ev.target as HTMLElement).dataset?.key);
        if (e) {
          setActive(e.key, true);
          void selectEntry(e);
        }
        return;
      }
      default:
        return;
    }
    ev.preventDefault();
    setActive(vis[j].key, true);
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

  const storageWindow = options.storageWindow === undefined ? win : options.storageWindow;
  /** The ribbon ran a command in its own runtime: refresh to match what it did to the workbook. */
  function onCommandResult(r: LastResult): void {
    if (destroyed) return;
    if (r.kind === 'ok' || r.kind === 'no-table') {
      // The stored record holds only counts; re-checking gives the full list (and the same marks).
      if (busy) rerunRequested = true;
      else void doCheck();
      return;
    }
    if (busy) return;
    message = r.kind === 'cleared' ? { kind: 'success', text: t.marksCleared } : { kind: 'error', text: r.message };
    renderMessage();
  }
  function onStorage(ev: StorageEvent): void {
    if (ev.key !== LAST_RESULT_KEY) return;
    const r = parseLastResult(ev.newValue);
    if (r) onCommandResult(r);
  }
  storageWindow?.addEventListener('storage', onStorage);

  renderAll();

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
      if (has && !destroyed && !outcome && !message && !busy) {
        message = { kind: 'notice', text: t.marksLeftOver };
        renderMessage();
      }
    })
    .catch(() => undefined);

  function snapshot(): PaneSnapshot {
    const vis = visibleEntries();
    return {
      busy,
      outcome: outcome ? outcome.kind : 'none',
      summary: summaryEl.textContent ?? '',
      counts: outcome && outcome.kind === 'ok' ? summaryCounts(outcome.tables) : null,
      message: message ? { ...message } : null,
      filters: { ...filters },
      groups: groups
        .map((g) => ({ label: g.label, count: g.entries.filter((e) => filters[e.finding.severity]).length }))
        .filter((g) => g.count > 0),
      visible: vis.map((e) => ({
        key: e.key,
        sheet: e.sheet,
        cell: e.finding.cell,
        rule: e.finding.rule,
        severity: e.finding.severity,
        project: e.finding.project,
        group: e.group.label,
        message: e.finding.message,
        fixable: e.finding.fix !== undefined,
      })),
      active: activeIndex(vis),
      appliedFixes: applied.map((a) => ({ sheet: a.sheet, cell: a.fix.cell, before: a.fix.before, text: a.fix.text })),
    };
  }

  return {
    check: doCheck,
    writeIndicators: doWriteIndicators,
    clearMarks: doClearMarks,
    next: () => step(1),
    previous: () => step(-1),
    snapshot,
    destroy(): void {
      destroyed = true;
      storageWindow?.removeEventListener('storage', onStorage);
      pane.removeEventListener('keydown', onPaneKey);
      clear(root);
    },
  };
}
