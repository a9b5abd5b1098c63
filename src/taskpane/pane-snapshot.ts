/**
 * A plain-data picture of the pane, for tests and the preview's test hooks.
 */
import type { Severity } from '../core/report';
import {
  activeIndex,
  hasFindingsView,
  summaryCounts,
  tablesOf,
  visibleEntries,
  visibleGroups,
  type FilterKey,
  type MessageKind,
  type PaneState,
  type Phase,
} from './pane-state';
import type { SummaryCounts } from './strings';

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
  accepted: boolean;
}

/** A plain-data picture of the pane, for tests and the preview's test hooks. */
export interface PaneSnapshot {
  phase: Phase;
  busy: boolean;
  outcome: 'none' | 'no-table' | 'ok';
  summary: string;
  counts: SummaryCounts | null;
  message: { kind: MessageKind; text: string } | null;
  filters: Record<FilterKey, boolean>;
  groups: { label: string; count: number }[];
  visible: PaneFindingView[];
  /** Index of the current finding in `visible`, or -1. */
  active: number;
  appliedFixes: { sheet: string; cell: string; before: string; text: string }[];
}

export function snapshotOf(s: PaneState, summary: string): PaneSnapshot {
  const vis = visibleEntries(s);
  return {
    phase: s.phase,
    busy: s.busy,
    outcome: s.outcome ? s.outcome.kind : 'none',
    summary,
    counts: hasFindingsView(s) ? summaryCounts(tablesOf(s)) : null,
    message: s.message ? { kind: s.message.kind, text: s.message.text } : null,
    filters: { ...s.filters },
    groups: visibleGroups(s).map(({ group, entries }) => ({ label: group.label, count: entries.length })),
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
      accepted: e.accepted !== null,
    })),
    active: activeIndex(s, vis),
    appliedFixes: s.applied.map((a) => ({ sheet: a.sheet, cell: a.fix.cell, before: a.fix.before, text: a.fix.text })),
  };
}
