/**
 * The pane's DOM, drawn from its state (pane-state.ts). `render(state)` compares with the state it
 * drew last and redraws only the parts whose inputs changed, so a progress tick never rebuilds the
 * list. Long lists are drawn in slices between frames. All workbook text goes in as textContent.
 */
import type { Locale } from '../core/messages/locale';
import { SEVERITIES, type Finding, type Severity } from '../core/report';
import { clear, el, setAttrs } from './dom';
import {
  activeIndex,
  hasFindingsView,
  severityCounts,
  summaryCounts,
  tablesOf,
  visibleEntries,
  visibleGroups,
  FILTER_KEYS,
  type AppliedFix,
  type Entry,
  type FilterKey,
  type PaneState,
} from './pane-state';
import { MAX_REASON_CHARS } from '../core/acceptances';
import { formatAmount } from './amount-format';
import type { PaneStrings, SummaryCounts } from './strings';

/** Options drawn at once; the rest follow in slices of this size, one per macrotask. */
export const LIST_SLICE = 60;

export interface ViewCallbacks {
  undoFix(a: AppliedFix): void;
  accept(e: Entry, reason: string): void;
  unaccept(e: Entry): void;
  applyFix(e: Entry): void;
  locate(e: Entry): void;
  switchAndCheck(sheet: string): void;
}

export type PaneView = ReturnType<typeof createPaneView>;

export function createPaneView(root: HTMLElement, t: PaneStrings, locale: Locale, cb: ViewCallbacks) {
  const doc = root.ownerDocument;
  let uid = 0;
  const idBase = `bc${Math.random().toString(36).slice(2, 8)}`;
  const newId = (): string => `${idBase}-${++uid}`;
  const button = (label: string, className: string, attrs: Record<string, string> = {}): HTMLButtonElement =>
    el(doc, 'button', { className, text: label, attrs: { type: 'button', ...attrs } });
  const dot = (s: Severity): HTMLElement =>
    el(doc, 'span', { className: `bc-dot bc-sev-${s}`, attrs: { 'aria-hidden': 'true' } });

  const pane = el(doc, 'div', { className: 'bc-pane', attrs: { lang: locale, 'data-bc-pane': '' } });
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
  const toolbar = el(
    doc,
    'div',
    { className: 'bc-toolbar', attrs: { role: 'group', 'aria-label': t.toolbarLabel } },
    checkBtn,
    writeBtn,
    clearBtn,
  );

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
  const progressLive = el(doc, 'div', {
    className: 'bc-visually-hidden',
    attrs: { 'aria-live': 'polite', role: 'status' },
  });
  const alertBox = el(doc, 'div', {
    className: 'bc-message',
    attrs: { role: 'alert', hidden: true, 'data-role': 'alert' },
  });
  const statusBox = el(doc, 'div', {
    className: 'bc-message',
    attrs: { role: 'status', 'aria-live': 'polite', hidden: true, 'data-role': 'status' },
  });
  const summaryEl = el(doc, 'div', {
    className: 'bc-summary',
    attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-role': 'summary' },
  });
  const fixesEl = el(doc, 'div', {
    className: 'bc-fixes',
    attrs: { role: 'group', 'aria-label': t.appliedFixesLabel, 'data-role': 'fixes' },
  });

  const filterBtns = {} as Record<FilterKey, HTMLButtonElement>;
  const filtersEl = el(doc, 'div', {
    className: 'bc-filters',
    attrs: { role: 'group', 'aria-label': t.filtersLabel, hidden: true },
  });
  for (const s of FILTER_KEYS) {
    filterBtns[s] = button('', 'bc-button bc-small bc-toggle', { 'data-filter': s, 'aria-pressed': 'true' });
    filtersEl.appendChild(filterBtns[s]);
  }
  const prevBtn = button(t.previous, 'bc-button bc-small', {
    'data-action': 'previous',
    'aria-keyshortcuts': 'Shift+F8 Alt+ArrowUp',
  });
  const nextBtn = button(t.next, 'bc-button bc-small', {
    'data-action': 'next',
    'aria-keyshortcuts': 'F8 Alt+ArrowDown',
  });
  const positionEl = el(doc, 'span', { className: 'bc-nav-position', attrs: { 'data-role': 'position' } });
  const navEl = el(
    doc,
    'div',
    { className: 'bc-nav', attrs: { role: 'group', 'aria-label': t.navLabel, hidden: true } },
    prevBtn,
    nextBtn,
    positionEl,
  );
  const detailEl = el(doc, 'section', {
    className: 'bc-detail',
    attrs: { 'aria-label': t.detailLabel, hidden: true, 'data-role': 'detail' },
  });
  const emptyEl = el(doc, 'div', { className: 'bc-empty', attrs: { 'data-role': 'empty' } });
  const listEl = el(doc, 'div', {
    className: 'bc-list',
    attrs: { role: 'listbox', 'aria-label': t.listLabel, 'data-role': 'list' },
  });
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
  pane.append(
    header,
    toolbar,
    progressBox,
    progressLive,
    alertBox,
    statusBox,
    summaryEl,
    fixesEl,
    filtersEl,
    navEl,
    detailEl,
    emptyEl,
    listEl,
    shortcutsEl,
  );
  clear(root);
  root.appendChild(pane);

  let drawn: PaneState | null = null;
  /** The list items not drawn yet (group heads and options), and the timer drawing them. */
  /** The list still to draw: a group's head (its element made when drawn), then its entries. */
  let pending: ({ group: Entry['group']; count: number } | Entry)[] = [];
  let groupEl: HTMLElement | null = null;
  /** The drawn options by key, and the ones marked selected / tab stop: active changes touch two. */
  let optionByKey = new Map<string, HTMLElement>();
  let selectedEl: HTMLElement | null = null;
  let tabStopEl: HTMLElement | null = null;
  let pendingAt = 0;
  let sliceTimer: ReturnType<typeof setTimeout> | null = null;

  function render(s: PaneState): void {
    const prev = drawn;
    drawn = s;
    if (!prev || prev.busy !== s.busy || prev.progress !== s.progress) renderBusy(s);
    if (!prev || prev.message !== s.message || prev.busy !== s.busy) renderMessage(s, prev?.message !== s.message);
    if (!prev || prev.outcome !== s.outcome) summaryEl.textContent = hasFindingsView(s) ? t.summary(openCounts(s)) : '';
    if (!prev || prev.applied !== s.applied || prev.busy !== s.busy) renderFixes(s);
    const listChanged = !prev || prev.groups !== s.groups || prev.filters !== s.filters || prev.outcome !== s.outcome;
    if (listChanged) {
      renderFilters(s);
      renderList(s);
    }
    if (listChanged || prev.activeKey !== s.activeKey || prev.busy !== s.busy) renderActive(s);
  }

  function renderBusy(s: PaneState): void {
    for (const b of pane.querySelectorAll('button')) b.disabled = s.busy;
    setAttrs(listEl, { 'aria-busy': s.busy ? 'true' : null });
    progressBox.hidden = !s.busy;
    const p = s.progress;
    if (!s.busy || !p) {
      progressLabel.textContent = '';
      progressLive.textContent = '';
      return;
    }
    progressLabel.textContent = p.label;
    if (p.total > 0) {
      const pct = Math.min(100, Math.round((p.done / p.total) * 100));
      progressBox.classList.remove('bc-indeterminate');
      progressFill.style.width = `${pct}%`;
      setAttrs(progressBar, { 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct });
    } else {
      progressBox.classList.add('bc-indeterminate');
      progressFill.style.width = '';
      setAttrs(progressBar, { 'aria-valuemin': null, 'aria-valuemax': null, 'aria-valuenow': null });
    }
    // Announce the phase, not every percent.
    const phase = p.label.replace(/[\d/ ]+$/, '');
    if (progressLive.textContent !== phase) progressLive.textContent = phase;
  }

  function renderMessage(s: PaneState, changed: boolean): void {
    const m = s.message;
    const isAlert = m !== null && (m.kind === 'error' || m.kind === 'warning');
    alertBox.hidden = !isAlert;
    statusBox.hidden = m === null || isAlert;
    const target = isAlert ? alertBox : statusBox;
    clear(isAlert ? statusBox : alertBox);
    clear(target);
    if (!m) return;
    target.className = `bc-message ${isAlert ? 'bc-error' : m.kind === 'success' ? 'bc-success' : 'bc-notice'}`;
    target.setAttribute('data-kind', m.kind);
    target.appendChild(el(doc, 'span', { text: m.text }));
    if (m.sheet !== undefined) {
      const go = button(t.switchAndCheck(m.sheet), 'bc-button bc-small', {
        'data-action': 'switch-sheet',
        'data-sheet': m.sheet,
      });
      go.disabled = s.busy;
      const sheet = m.sheet;
      go.addEventListener('click', () => cb.switchAndCheck(sheet));
      target.appendChild(go);
    }
    // A confirmation below the fold is no confirmation: bring it into view when it is new.
    if (changed) target.scrollIntoView?.({ block: 'nearest' });
  }

  function renderFixes(s: PaneState): void {
    clear(fixesEl);
    for (const a of s.applied) {
      const undo = button(t.undoFix, 'bc-button bc-small', {
        'data-action': 'undo-fix',
        'aria-label': t.undoFixLabel(a.fix.cell),
      });
      undo.disabled = s.busy;
      undo.addEventListener('click', () => cb.undoFix(a));
      fixesEl.appendChild(
        el(
          doc,
          'div',
          { className: 'bc-fix-row', attrs: { 'data-cell': a.fix.cell } },
          el(doc, 'span', { text: t.fixedCell(a.fix.cell) }),
          undo,
        ),
      );
    }
  }

  function renderFilters(s: PaneState): void {
    const counts = severityCounts(s);
    for (const sev of SEVERITIES) {
      const b = filterBtns[sev];
      clear(b);
      b.append(dot(sev), doc.createTextNode(t.severityCount(sev, counts[sev])));
      setAttrs(b, { 'aria-pressed': s.filters[sev] ? 'true' : 'false', title: t.filterToggle(sev, s.filters[sev]) });
    }
    const acc = filterBtns.accepted;
    acc.textContent = t.acceptedCount(counts.accepted);
    setAttrs(acc, {
      'aria-pressed': s.filters.accepted ? 'true' : 'false',
      title: t.acceptedFilterToggle(s.filters.accepted),
    });
    // Only once something was accepted: most sheets never need it.
    acc.hidden = counts.accepted === 0;
    // Before a check, after "no table" and after clearing there is nothing to filter or step through.
    filtersEl.hidden = !hasFindingsView(s);
    navEl.hidden = filtersEl.hidden;
  }

  function renderList(s: PaneState): void {
    const focusWasInList = listEl.contains(doc.activeElement);
    if (sliceTimer !== null) clearTimeout(sliceTimer);
    sliceTimer = null;
    clear(listEl);
    const vis = visibleEntries(s);
    if (s.phase === 'unchecked') emptyEl.textContent = t.notCheckedYet;
    else if (s.phase === 'cleared' && s.outcome === null) emptyEl.textContent = t.clearedHint;
    else if (!s.outcome || s.outcome.kind === 'no-table') emptyEl.textContent = '';
    else if (s.groups.length === 0) emptyEl.textContent = t.noFindings;
    else if (vis.length === 0) emptyEl.textContent = t.nothingVisible;
    else emptyEl.textContent = '';

    pending = [];
    pendingAt = 0;
    groupEl = null;
    optionByKey = new Map();
    selectedEl = null;
    tabStopEl = null;
    // Only data here: 10,000 projects make thousands of groups, built as they are drawn.
    for (const { group, entries } of visibleGroups(s)) {
      pending.push({ group, count: entries.length });
      for (const e of entries) pending.push(e);
    }
    drawMore(LIST_SLICE);
    listEl.hidden = vis.length === 0;
    if (focusWasInList) focusActive();
  }

  /** Draws up to `n` more options; schedules the rest so a long list never blocks a frame. */
  function drawMore(n: number): void {
    let drawnNow = 0;
    while (pendingAt < pending.length && drawnNow < n) {
      const item = pending[pendingAt++];
      if (!('key' in item)) {
        groupEl = groupFor(item.group, item.count);
        listEl.appendChild(groupEl);
      } else if (groupEl) {
        const o = optionFor(item);
        optionByKey.set(item.key, o);
        groupEl.appendChild(o);
        drawnNow++;
      }
    }
    if (drawn) markActive(drawn);
    if (pendingAt < pending.length && sliceTimer === null) {
      sliceTimer = setTimeout(() => {
        sliceTimer = null;
        drawMore(LIST_SLICE);
      }, 0);
    }
  }

  function groupFor(group: Entry['group'], count: number): HTMLElement {
    const headId = newId();
    const head = el(
      doc,
      'div',
      { className: 'bc-group-head', attrs: { id: headId, role: 'presentation' } },
      el(doc, 'span', { text: group.secondary ? `${group.label}（${group.secondary}）` : group.label }),
      el(doc, 'span', { className: 'bc-group-count', text: t.groupCount(count) }),
    );
    return el(doc, 'div', { attrs: { role: 'group', 'aria-labelledby': headId, 'data-group': group.label } }, head);
  }

  /** Draws every option up to the one with `key` now (the keyboard or F8 went past the drawn part). */
  function ensureDrawn(key: string | null): void {
    if (key === null || pendingAt >= pending.length) return;
    let i = pendingAt;
    while (i < pending.length) {
      const item = pending[i];
      if ('key' in item && item.key === key) break;
      i++;
    }
    if (i < pending.length) drawMore(i - pendingAt + 1);
  }

  function optionFor(e: Entry): HTMLElement {
    const f = e.finding;
    const label =
      t.findingLabel(t.severity[f.severity], f.cell, f.message) +
      (f.fix ? `（${t.fixable}）` : '') +
      (e.accepted ? `（${t.accepted}）` : '');
    return el(
      doc,
      'div',
      {
        className: e.accepted ? 'bc-option bc-accepted' : 'bc-option',
        attrs: {
          role: 'option',
          id: `${idBase}-opt-${e.key.replace(':', '-')}`,
          'aria-selected': 'false',
          'aria-label': label,
          // The rule id is for whoever asks the maintainers; the clerk reads the message.
          title: `${t.detailRule}：${f.rule}`,
          tabindex: '-1',
          'data-key': e.key,
          'data-cell': f.cell,
          'data-severity': f.severity,
          'data-rule': f.rule,
          'data-accepted': e.accepted ? 'true' : null,
        },
      },
      dot(f.severity),
      el(doc, 'span', { className: 'bc-cell', text: f.cell }),
      el(doc, 'span', { className: 'bc-option-message', text: f.message }),
      e.accepted ? el(doc, 'span', { className: 'bc-badge bc-badge-accepted', text: t.accepted }) : null,
      f.fix && !e.accepted ? el(doc, 'span', { className: 'bc-badge', text: t.fixable }) : null,
    );
  }

  /**
   * Roving tabindex: exactly one option (the current one, else the first) is a tab stop. Options are
   * drawn unselected with tabindex -1, so only the two marked before and the two marked now change.
   */
  function markActive(s: PaneState): void {
    const on = s.activeKey === null ? undefined : optionByKey.get(s.activeKey);
    if (selectedEl !== (on ?? null)) {
      selectedEl?.setAttribute('aria-selected', 'false');
      on?.setAttribute('aria-selected', 'true');
      selectedEl = on ?? null;
    }
    const stop = on ?? (listEl.querySelector<HTMLElement>('[role="option"]') || null);
    if (tabStopEl !== stop) {
      if (tabStopEl) tabStopEl.tabIndex = -1;
      stop?.setAttribute('tabindex', '0');
      tabStopEl = stop;
    }
  }

  function renderActive(s: PaneState): void {
    ensureDrawn(s.activeKey);
    markActive(s);
    const vis = visibleEntries(s);
    const i = activeIndex(s, vis);
    positionEl.textContent =
      vis.length === 0 ? t.positionNone : i < 0 ? t.positionTotal(vis.length) : t.position(i + 1, vis.length);
    prevBtn.disabled = s.busy || vis.length === 0;
    nextBtn.disabled = prevBtn.disabled;
    renderDetail(i >= 0 ? vis[i] : null, s.busy);
  }

  function renderDetail(e: Entry | null, busy: boolean): void {
    clear(detailEl);
    detailEl.hidden = e === null;
    if (!e) return;
    const f = e.finding;
    const head = el(
      doc,
      'div',
      { className: 'bc-detail-head' },
      dot(f.severity),
      el(doc, 'h2', { text: `${t.severity[f.severity]} · ${f.cell}` }),
    );
    const rows: [string, string][] = [[t.detailProject, f.project ?? e.group.label]];
    if (f.indicator !== null) rows.push([t.detailCell, `${f.cell} · ${t.detailIndicator(f.indicator)}`]);
    if (f.expected !== undefined) rows.push([t.detailExpected, shown(f, f.expected)]);
    if (f.actual !== undefined) rows.push([t.detailActual, shown(f, f.actual)]);
    if (f.fix) rows.push([t.fixPreview, f.fix.text]);
    if (e.accepted) rows.push([t.accepted, t.acceptedOn(e.accepted.reason, e.accepted.at)]);
    rows.push([t.detailMore, `${t.detailRule} ${f.rule}`]);
    const dl = el(doc, 'dl');
    for (const [k, v] of rows) dl.append(el(doc, 'dt', { text: k }), el(doc, 'dd', { text: v }));
    dl.lastElementChild?.classList.add('bc-more');
    const locate = button(t.locate, 'bc-button bc-small', { 'data-action': 'locate' });
    locate.disabled = busy;
    locate.addEventListener('click', () => cb.locate(e));
    const actionsEl = el(doc, 'div', { className: 'bc-detail-actions' }, locate);
    if (f.fix && !e.accepted) {
      const apply = button(t.applyFix, 'bc-button bc-small bc-primary', {
        'data-action': 'apply-fix',
        'aria-label': t.applyFixLabel(f.fix.cell),
      });
      apply.disabled = busy;
      apply.addEventListener('click', () => cb.applyFix(e));
      actionsEl.appendChild(apply);
    }
    detailEl.append(
      head,
      el(doc, 'p', { className: 'bc-detail-message', text: f.message }),
      dl,
      actionsEl,
      acceptForm(e, busy),
    );
  }

  /** 已确认 with an optional reason; or, once accepted, the way back. */
  function acceptForm(e: Entry, busy: boolean): HTMLElement {
    const box = el(doc, 'div', { className: 'bc-accept' });
    if (e.accepted) {
      const undo = button(t.unaccept, 'bc-button bc-small', {
        'data-action': 'unaccept',
        'aria-label': t.unacceptLabel(e.finding.cell),
      });
      undo.disabled = busy;
      undo.addEventListener('click', () => cb.unaccept(e));
      box.appendChild(undo);
      return box;
    }
    const reason = el(doc, 'input', {
      className: 'bc-input',
      attrs: {
        type: 'text',
        maxlength: MAX_REASON_CHARS,
        placeholder: t.acceptReason,
        'aria-label': t.acceptReason,
        'data-role': 'accept-reason',
      },
    });
    reason.disabled = busy;
    const go = button(t.accept, 'bc-button bc-small', {
      'data-action': 'accept',
      'aria-label': t.acceptLabel(e.finding.cell),
    });
    go.disabled = busy;
    go.addEventListener('click', () => cb.accept(e, reason.value));
    reason.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') cb.accept(e, reason.value);
    });
    box.append(reason, go);
    return box;
  }

  function focusActive(): void {
    ensureDrawn(drawn?.activeKey ?? null);
    const key = drawn?.activeKey;
    const o = (key ? optionByKey.get(key) : undefined) ?? listEl.querySelector<HTMLElement>('[role="option"]');
    if (o) {
      o.focus();
      o.scrollIntoView?.({ block: 'nearest' });
    }
  }

  function scrollToActive(): void {
    const key = drawn?.activeKey;
    if (key) optionByKey.get(key)?.scrollIntoView?.({ block: 'nearest' });
  }

  function destroy(): void {
    if (sliceTimer !== null) clearTimeout(sliceTimer);
    sliceTimer = null;
    clear(root);
  }

  return {
    pane,
    buttons: { check: checkBtn, write: writeBtn, clear: clearBtn, prev: prevBtn, next: nextBtn },
    filterBtns,
    listEl,
    summaryEl,
    render,
    focusActive,
    scrollToActive,
    destroy,
  };
}

/** The summary's counts leave the accepted findings out, as the filters and the marks do. */
function openCounts(s: PaneState): SummaryCounts {
  const c = severityCounts(s);
  return { ...summaryCounts(tablesOf(s)), errors: c.error, warnings: c.warning, infos: c.info };
}

/** Amount figures read like the sheet shows them: with thousands separators. */
function shown(f: Finding, text: string): string {
  return f.rule.startsWith('amount') ? formatAmount(text) : text;
}
