/**
 * The task pane's state as plain data, its transitions and its selectors. No DOM and no workbook
 * here: the actions (pane-actions.ts) call the transitions, the view (pane-view.ts) reads the
 * selectors, and the tests drive the whole life cycle without a browser.
 *
 *   unchecked ──check──▶ checked ──apply fix──▶ fixed ──undo last fix──▶ checked
 *        ▲                  │  ▲                  │
 *        │                  │  └──────check───────┤
 *        │                  └──clear──▶ cleared ◀─┘   (findings gone; fixes stay undoable,
 *        └───────────── (mount)              │          undo no longer re-marks the sheet)
 *                                            └──check──▶ checked / fixed
 */
import type { CheckOutcome } from '../app/actions';
import type { AcceptedMark } from '../core/acceptances';
import { compareFindings, type Finding, type Fix, type Severity, type TableReport } from '../core/report';
import type { SummaryCounts } from './strings';

export type Phase = 'unchecked' | 'checked' | 'fixed' | 'cleared';

export type MessageKind = 'error' | 'warning' | 'success' | 'notice';

export interface PaneMessage {
  kind: MessageKind;
  text: string;
  /** A sheet the message offers to switch to (and check there). */
  sheet?: string;
}

export interface Entry {
  key: string;
  sheet: string;
  finding: Finding;
  group: Group;
  /** The clerk's acceptance (已确认) that still holds: shown greyed, not marked on the sheet. */
  accepted: AcceptedMark | null;
  /** Hash of the finding cell's text at this check (what accepting it records). */
  hash: string;
}

/** The severity filters, and one for the accepted findings. */
export type FilterKey = Severity | 'accepted';
export const FILTER_KEYS: readonly FilterKey[] = ['error', 'warning', 'info', 'accepted'];

export interface Group {
  key: string;
  label: string;
  secondary: string | null;
  entries: Entry[];
}

export interface AppliedFix {
  sheet: string;
  fix: Fix;
}

export interface Progress {
  label: string;
  done: number;
  total: number;
}

export interface PaneState {
  readonly phase: Phase;
  readonly busy: boolean;
  readonly progress: Progress | null;
  /** The last check's outcome; null before any check and after clearing. */
  readonly outcome: CheckOutcome | null;
  readonly groups: readonly Group[];
  readonly filters: Readonly<Record<FilterKey, boolean>>;
  readonly activeKey: string | null;
  readonly applied: readonly AppliedFix[];
  readonly message: PaneMessage | null;
}

export function initialState(): PaneState {
  return {
    phase: 'unchecked',
    busy: false,
    progress: null,
    outcome: null,
    groups: [],
    filters: { error: true, warning: true, info: true, accepted: true },
    activeKey: null,
    applied: [],
    message: null,
  };
}

// ---- transitions ---------------------------------------------------------------------------------

/** An action starts: the pane is busy and the previous message goes. */
export function started(s: PaneState, label: string): PaneState {
  return { ...s, busy: true, progress: { label, done: 0, total: 0 }, message: null };
}

export function progressed(s: PaneState, progress: Progress): PaneState {
  return s.busy ? { ...s, progress } : s;
}

export function finished(s: PaneState): PaneState {
  return { ...s, busy: false, progress: null };
}

export function withMessage(s: PaneState, message: PaneMessage | null): PaneState {
  return { ...s, message };
}

/**
 * A check's result. `keepPosition`: after a fix or an undo the list stays at the same place (the
 * fixed finding is gone, so the next one becomes current).
 */
export function checked(s: PaneState, outcome: CheckOutcome, tableLevelLabel: string, keepPosition = false): PaneState {
  const before = keepPosition ? Math.max(0, activeIndex(s)) : -1;
  const groups =
    outcome.kind === 'ok' ? groupFindings(outcome.tables, tableLevelLabel, outcome.accepted, outcome.hashes) : [];
  let next: PaneState = {
    ...s,
    phase: s.applied.length > 0 ? 'fixed' : 'checked',
    outcome,
    groups,
    activeKey: null,
  };
  if (keepPosition) {
    const vis = visibleEntries(next);
    if (vis.length > 0) next = { ...next, activeKey: vis[Math.min(before, vis.length - 1)].key };
  }
  return next;
}

export function fixApplied(s: PaneState, sheet: string, fix: Fix): PaneState {
  return { ...s, phase: 'fixed', applied: [...s.applied, { sheet, fix }] };
}

/** The fix is undone (or can never be undone: the cell changed since). */
export function fixDropped(s: PaneState, a: AppliedFix): PaneState {
  const applied = s.applied.filter((x) => x !== a);
  const phase = s.phase === 'fixed' && applied.length === 0 ? 'checked' : s.phase;
  return { ...s, applied, phase };
}

/** Marks removed: the findings they showed are no longer on the sheet, so the list goes too. */
export function cleared(s: PaneState): PaneState {
  return { ...s, phase: 'cleared', outcome: null, groups: [], activeKey: null };
}

export function filterToggled(s: PaneState, key: FilterKey): PaneState {
  const filters = { ...s.filters, [key]: !s.filters[key] };
  const next = { ...s, filters };
  // The current finding hidden by the filter is no longer current.
  return next.activeKey !== null && !visibleEntries(next).some((e) => e.key === next.activeKey)
    ? { ...next, activeKey: null }
    : next;
}

export function activated(s: PaneState, key: string | null): PaneState {
  return { ...s, activeKey: key };
}

// ---- selectors -----------------------------------------------------------------------------------

export function tablesOf(s: PaneState): TableReport[] {
  return s.outcome && s.outcome.kind === 'ok' ? s.outcome.tables : [];
}

/** Whether a check's findings are on show (filters, navigation and summary have something to say). */
export function hasFindingsView(s: PaneState): boolean {
  return s.outcome !== null && s.outcome.kind === 'ok';
}

/** Whether undoing a fix should check again (and so re-mark): not once the clerk cleared the marks. */
export function recheckAfterUndo(s: PaneState): boolean {
  return s.phase === 'checked' || s.phase === 'fixed';
}

/** An accepted finding is shown under its own filter, whatever its severity. */
export function isShown(s: PaneState, e: Entry): boolean {
  return e.accepted ? s.filters.accepted : s.filters[e.finding.severity];
}

export function visibleEntries(s: PaneState): Entry[] {
  const out: Entry[] = [];
  for (const g of s.groups) for (const e of g.entries) if (isShown(s, e)) out.push(e);
  return out;
}

export function activeIndex(s: PaneState, vis: readonly Entry[] = visibleEntries(s)): number {
  if (s.activeKey === null) return -1;
  for (let i = 0; i < vis.length; i++) if (vis[i].key === s.activeKey) return i;
  return -1;
}

export function activeEntry(s: PaneState): Entry | null {
  const vis = visibleEntries(s);
  const i = activeIndex(s, vis);
  return i < 0 ? null : vis[i];
}

export function entryByKey(s: PaneState, key: string | undefined): Entry | undefined {
  if (!key) return undefined;
  for (const g of s.groups) for (const e of g.entries) if (e.key === key) return e;
  return undefined;
}

/** Findings per severity (accepted ones apart), whatever the filters. */
export function severityCounts(s: PaneState): Record<FilterKey, number> {
  const counts: Record<FilterKey, number> = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const g of s.groups) for (const e of g.entries) counts[e.accepted ? 'accepted' : e.finding.severity]++;
  return counts;
}

/** Groups with at least one visible finding, with those findings. */
export function visibleGroups(s: PaneState): { group: Group; entries: Entry[] }[] {
  const out: { group: Group; entries: Entry[] }[] = [];
  for (const group of s.groups) {
    const entries = group.entries.filter((e) => isShown(s, e));
    if (entries.length > 0) out.push({ group, entries });
  }
  return out;
}

/** Previous / next (F8): wraps around; from no current finding, the first or the last. */
export function stepTarget(s: PaneState, delta: 1 | -1): Entry | null {
  const vis = visibleEntries(s);
  if (vis.length === 0) return null;
  const i = activeIndex(s, vis);
  const j = i < 0 ? (delta === 1 ? 0 : vis.length - 1) : (i + delta + vis.length) % vis.length;
  return vis[j];
}

export type ListKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';

/** The finding a list key moves to: arrows and pages stop at the ends, they do not wrap. */
export function keyTarget(s: PaneState, key: ListKey): Entry | null {
  const vis = visibleEntries(s);
  if (vis.length === 0) return null;
  const i = activeIndex(s, vis);
  const last = vis.length - 1;
  const j: Record<ListKey, number> = {
    ArrowDown: i < 0 ? 0 : Math.min(last, i + 1),
    ArrowUp: i < 0 ? 0 : Math.max(0, i - 1),
    Home: 0,
    End: last,
    PageDown: Math.min(last, Math.max(0, i) + 10),
    PageUp: Math.max(0, i - 10),
  };
  return vis[j[key]];
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
export function groupFindings(
  tables: readonly TableReport[],
  tableLevelLabel: string,
  accepted: readonly (readonly (AcceptedMark | null)[])[] = [],
  hashes: Readonly<Record<string, string>> = {},
): Group[] {
  const groups: Group[] = [];
  tables.forEach((t, ti) => {
    const secondary = tables.length > 1 ? `${t.sheet}!${t.range}` : null;
    const projectRow = new Map<string, number>();
    for (const r of t.rows)
      if (r.kind === 'project' && r.name && !projectRow.has(r.name)) projectRow.set(r.name, r.row);
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
      g.entries.push({
        key: `${ti}:${fi}`,
        sheet: t.sheet,
        finding: f,
        group: g,
        accepted: accepted[ti]?.[fi] ?? null,
        hash: hashes[f.cell] ?? '',
      });
    });
    // A loop, not Math.min(...rows): a group can hold more findings than the stack has room for.
    for (const o of order)
      if (!o.tableLevel) for (const e of o.group.entries) if (e.finding.row < o.row) o.row = e.finding.row;
    order.sort((a, b) => a.row - b.row);
    for (const { group } of order) {
      // The core's one finding order (report.ts), inside each group.
      group.entries.sort((a, b) => compareFindings(a.finding, b.finding));
      groups.push(group);
    }
  });
  return groups;
}
