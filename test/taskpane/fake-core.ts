/**
 * A stand-in for core.check() with a handful of rules keyed to cell text, so the pane's tests do not
 * depend on the real rules (written in parallel) and a fix really makes its finding go away.
 */
import { cellAt, cellText, lastRow, type Grid } from '../../src/core/grid';
import type { Finding, TableReport } from '../../src/core/report';

export function fakeCheck(grid: Grid): TableReport[] {
  const text = (row: number, col: number): string => cellText(cellAt(grid, row, col));
  if (text(1, 1) !== '项目名称') return [];
  const findings: Finding[] = [];
  if (text(2, 2) !== '30.00') {
    findings.push({
      rule: 'amount-column-sum',
      severity: 'error',
      cell: 'B2',
      row: 2,
      project: null,
      indicator: null,
      message: `合计“总计”为 ${text(2, 2)}，各单位之和为 30.00`,
      expected: '30.00',
      actual: text(2, 2),
    });
  }
  findings.push({
    rule: 'amount-rounding',
    severity: 'info',
    cell: 'C3',
    row: 3,
    project: null,
    indicator: null,
    message: '差 0.01 万元，可能为四舍五入',
  });
  let projects = 0;
  let indicators = 0;
  const rows: TableReport['rows'] = [
    { row: 2, kind: 'total', name: '合计' },
    { row: 3, kind: 'unit', name: text(3, 1) },
  ];
  for (let r = 4; r <= lastRow(grid); r++) {
    const name = text(r, 1).trim();
    if (!name) continue;
    projects++;
    rows.push({ row: r, kind: 'project', name, unit: text(3, 1) });
    const g = text(r, 7);
    indicators += (g.match(/\d+、/g) ?? []).length;
    if (text(r, 5) === 'abc') {
      findings.push({
        rule: 'amount-not-number',
        severity: 'error',
        cell: `E${r}`,
        row: r,
        project: name,
        indicator: null,
        message: `“其他资金”不是数字：${text(r, 5)}`,
      });
    }
    if (g.includes('>=')) {
      findings.push({
        rule: 'value-comparator',
        severity: 'warning',
        cell: `G${r}`,
        row: r,
        project: name,
        indicator: 1,
        message: '比较符“>=”应写作“≥”',
        fix: { cell: `G${r}`, before: g, text: g.split('>=').join('≥') },
      });
    }
    if (g.includes('**')) {
      findings.push({
        rule: 'value-placeholder',
        severity: 'error',
        cell: `G${r}`,
        row: r,
        project: name,
        indicator: 2,
        message: `指标值中还有模板占位符：${g}`,
      });
    }
  }
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  return [
    {
      sheet: grid.sheet,
      range: `A1:G${lastRow(grid)}`,
      unit: '万元',
      columns: { name: 'A', total: 'B', fiscal: 'C', specialAccount: 'D', other: 'E', goal: 'F', indicators: 'G' },
      summary: { projects, indicators, errors: count('error'), warnings: count('warning'), infos: count('info') },
      rows,
      indicators: [],
      findings,
    },
  ];
}

/** A small sheet with one finding of each kind. */
export function sampleCells(): Record<string, string> {
  return {
    A1: '项目名称',
    B1: '总计',
    G1: '绩效指标',
    A2: '合计',
    B2: '31.00',
    A3: '某某中心',
    B3: '30.00',
    A4: '机构运行经费',
    B4: '10.00',
    G4: '1、1-产出指标；11-数量指标；人数；实施周期指标值:>=4人；年度指标值:>=4人。',
    A5: '设备购置',
    B5: '20.00',
    E5: 'abc',
    G5: '1、1-产出指标；11-数量指标；台数；实施周期指标值:≥1台；年度指标值:≥1台。2、…:≥**',
  };
}
