/**
 * The pane's state machine, driven without a DOM: unchecked → checked → fixed → cleared, and the
 * selectors the view draws from.
 */
import type { CheckOutcome } from '../../src/app/actions';
import type { Finding, TableReport } from '../../src/core/report';
import {
  activated,
  activeEntry,
  checked,
  cleared,
  filterToggled,
  finished,
  fixApplied,
  fixDropped,
  hasFindingsView,
  initialState,
  keyTarget,
  recheckAfterUndo,
  severityCounts,
  started,
  stepTarget,
  visibleEntries,
  visibleGroups,
  type PaneState,
} from '../../src/taskpane/pane-state';
import { formatAmount } from '../../src/taskpane/amount-format';

function finding(
  cell: string,
  severity: Finding['severity'],
  project: string | null,
  extra: Partial<Finding> = {},
): Finding {
  const row = Number(cell.slice(1));
  return { rule: 'r', severity, cell, row, project, indicator: null, message: `${cell} ${severity}`, ...extra };
}

function outcome(findings: Finding[]): CheckOutcome {
  const table: TableReport = {
    sheet: 'S',
    range: 'A1:G9',
    unit: '万元',
    columns: {},
    indicators: [],
    findings,
    rows: [
      { row: 4, kind: 'project', name: '甲' },
      { row: 6, kind: 'project', name: '乙' },
    ],
    summary: { projects: 2, indicators: 0, errors: 0, warnings: 0, infos: 0 },
  };
  return {
    kind: 'ok',
    sheet: 'S',
    tables: [table],
    plan: { sheet: 'S', marks: [], addressChunks: { error: [], warning: [], info: [] } },
    marked: { cells: 0, notes: 0 },
    accepted: [findings.map(() => null)],
    hashes: {},
  };
}

const fix = { cell: 'G4', before: '>=4', text: '≥4' };
const FINDINGS = [
  finding('G6', 'warning', '乙'),
  finding('G4', 'warning', '甲', { fix }),
  finding('E4', 'error', '甲'),
  finding('B2', 'error', null),
  finding('G4', 'error', '甲', { indicator: 2 }),
];

const cellsOf = (s: ReturnType<typeof initialState>): string[] =>
  visibleEntries(s).map((e) => `${e.finding.cell}:${e.finding.severity}`);

describe('pane state', () => {
  test('starts unchecked with nothing to filter or step through', () => {
    const s = initialState();
    expect(s.phase).toBe('unchecked');
    expect(hasFindingsView(s)).toBe(false);
    expect(stepTarget(s, 1)).toBeNull();
  });

  test("a check groups the findings: table level first, then projects by row; in a group the core's one order", () => {
    const s = checked(initialState(), outcome(FINDINGS), '合计及单位行');
    expect(s.phase).toBe('checked');
    expect(visibleGroups(s).map((g) => g.group.label)).toEqual(['合计及单位行', '甲', '乙']);
    // compareFindings: down the sheet, left to right, then a cell's most severe first
    expect(cellsOf(s)).toEqual(['B2:error', 'E4:error', 'G4:error', 'G4:warning', 'G6:warning']);
    expect(severityCounts(s)).toEqual({ error: 3, warning: 2, info: 0, accepted: 0 });
  });

  test('no table: a check outcome with no findings view', () => {
    const s = checked(initialState(), { kind: 'no-table', sheet: '说明', tableSheet: '目标表' }, 'x');
    expect(s.phase).toBe('checked');
    expect(hasFindingsView(s)).toBe(false);
    expect(visibleEntries(s)).toEqual([]);
  });

  test('filters hide findings and drop a hidden current finding', () => {
    let s = checked(initialState(), outcome(FINDINGS), 't');
    s = activated(s, visibleEntries(s)[4].key);
    expect(activeEntry(s)?.finding.cell).toBe('G6');
    s = filterToggled(s, 'warning');
    expect(cellsOf(s)).toEqual(['B2:error', 'E4:error', 'G4:error']);
    expect(s.activeKey).toBeNull();
    expect(visibleGroups(s).map((g) => g.group.label)).toEqual(['t', '甲']);
  });

  test('previous / next wrap around; list keys stop at the ends', () => {
    let s = checked(initialState(), outcome(FINDINGS), 't');
    expect(stepTarget(s, 1)?.finding.cell).toBe('B2');
    expect(stepTarget(s, -1)?.finding.cell).toBe('G6');
    s = activated(s, visibleEntries(s)[4].key);
    expect(stepTarget(s, 1)?.finding.cell).toBe('B2');
    expect(keyTarget(s, 'ArrowDown')?.finding.cell).toBe('G6');
    expect(keyTarget(s, 'Home')?.finding.cell).toBe('B2');
    expect(keyTarget(s, 'PageUp')?.finding.cell).toBe('B2');
  });

  test('apply fix → fixed; the re-check keeps the place in the list; undoing the last fix → checked', () => {
    let s = checked(initialState(), outcome(FINDINGS), 't');
    s = activated(s, visibleEntries(s)[3].key); // G4 warning, the fixable one
    expect(activeEntry(s)?.finding.fix).toBeDefined();
    s = fixApplied(s, 'S', fix);
    expect(s.phase).toBe('fixed');
    s = checked(s, outcome(FINDINGS.filter((f) => !f.fix)), 't', true);
    expect(s.phase).toBe('fixed');
    expect(activeEntry(s)?.finding.cell).toBe('G6'); // the next one took the fixed one's place
    s = fixDropped(s, s.applied[0]);
    expect(s.phase).toBe('checked');
    expect(s.applied).toEqual([]);
  });

  test('clear → cleared: the list goes, fixes stay undoable but undo no longer re-checks', () => {
    let s = checked(initialState(), outcome(FINDINGS), 't');
    s = fixApplied(s, 'S', fix);
    expect(recheckAfterUndo(s)).toBe(true);
    s = cleared(s);
    expect(s.phase).toBe('cleared');
    expect(visibleEntries(s)).toEqual([]);
    expect(hasFindingsView(s)).toBe(false);
    expect(s.applied).toHaveLength(1);
    expect(recheckAfterUndo(s)).toBe(false);
    s = fixDropped(s, s.applied[0]);
    expect(s.phase).toBe('cleared');
    // a new check leaves the cleared state
    s = checked(s, outcome(FINDINGS), 't');
    expect(s.phase).toBe('checked');
  });

  test('busy spells: started clears the message, finished drops the progress', () => {
    let s: PaneState = { ...initialState(), message: { kind: 'success', text: 'x' } };
    s = started(s, '正在读取…');
    expect(s.busy).toBe(true);
    expect(s.message).toBeNull();
    s = finished(s);
    expect(s.busy).toBe(false);
    expect(s.progress).toBeNull();
  });

  test('a group of 200 000 findings is ordered without spreading rows onto the stack', () => {
    const many: Finding[] = [];
    for (let i = 0; i < 200_000; i++) many.push(finding(`G${10 + i}`, 'info', '甲'));
    const s = checked(initialState(), outcome(many), 't');
    expect(visibleEntries(s)).toHaveLength(200_000);
  });
});

describe('amounts in cards', () => {
  test.each([
    ['1648.49', '1,648.49'],
    ['1234567.5', '1,234,567.5'],
    ['-1000.00', '-1,000.00'],
    ['7.05', '7.05'],
    ['abc', 'abc'],
    ['1,648.49', '1,648.49'],
    ['≥95%', '≥95%'],
  ])('%s → %s', (text, shown) => {
    expect(formatAmount(text)).toBe(shown);
  });
});
