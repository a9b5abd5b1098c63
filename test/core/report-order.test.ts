/** The one order of findings (compareFindings) and the one severity rank, as check() applies them. */
import { check } from '../../src/core/check';
import { marksPlan } from '../../src/core/marks';
import { compareFindings, SEVERITIES, SEVERITY_RANK, type Finding, type Severity } from '../../src/core/report';
import { oneProject, withItem4 } from './rules/helpers';

function finding(row: number, indicator: number | null, severity: Severity, rule = 'r'): Finding {
  return { rule, severity, cell: `G${row}`, row, project: null, indicator, message: '' };
}

describe('compareFindings', () => {
  it('ranks error, warning, info in that order, the order SEVERITIES lists', () => {
    expect([...SEVERITIES].sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])).toEqual(['error', 'warning', 'info']);
  });

  it('orders down the sheet, then left to right, then for one cell errors first, then by item', () => {
    const shuffled = [
      finding(5, null, 'warning'),
      finding(4, 2, 'info'),
      finding(4, 2, 'error'),
      finding(4, 1, 'warning'),
      finding(4, null, 'info'),
      finding(4, 3, 'error'),
      { ...finding(4, null, 'warning'), cell: 'F4' },
      { ...finding(4, null, 'info'), cell: 'AA4' },
      finding(3, 7, 'warning'),
    ];
    const sorted = [...shuffled].sort(compareFindings).map((f) => `${f.cell}#${f.indicator ?? '-'}:${f.severity}`);
    expect(sorted).toEqual([
      'G3#7:warning',
      'F4#-:warning',
      'G4#2:error',
      'G4#3:error',
      'G4#1:warning',
      'G4#-:info',
      'G4#2:info',
      'AA4#-:info',
      'G5#-:warning',
    ]);
  });

  it('keeps the rules’ order for findings it ranks equal', () => {
    const fs = [finding(4, 1, 'error', 'b'), finding(4, 1, 'error', 'a'), finding(4, 1, 'error', 'c')];
    expect([...fs].sort(compareFindings).map((f) => f.rule)).toEqual(['b', 'a', 'c']);
  });

  it('is the order check() reports in', () => {
    // Item 4 breaks several rules at once, of all three severities, next to project-level findings.
    const grid = oneProject(withItem4('1-效益指标', '12-质量指标', '项目验收合格率', '＞＝９０％', 'XX%'));
    const [table] = check(grid);
    expect(table.findings.length).toBeGreaterThan(2);
    expect(new Set(table.findings.map((f) => f.severity)).size).toBeGreaterThan(1);
    expect([...table.findings].sort(compareFindings)).toEqual(table.findings);
  });

  it('is the order of one cell’s note in the marks plan', () => {
    const table = {
      sheet: 'S',
      findings: [
        finding(4, 3, 'warning', 'w3'),
        finding(4, 2, 'info', 'i2'),
        finding(4, 5, 'error', 'e5'),
        finding(4, 1, 'error', 'e1'),
      ],
    } as unknown as Parameters<typeof marksPlan>[0][number];
    const [mark] = marksPlan([table], 'S').marks;
    expect(mark.findings.map((f) => f.rule)).toEqual(['e1', 'e5', 'w3', 'i2']);
  });
});
