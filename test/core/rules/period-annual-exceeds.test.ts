/** P2 period-annual-exceeds: an annual count above the period count. */
import { byRule, expectOne, findings, keys, oneProject, withItem4 } from './helpers';

describe('period-annual-exceeds', () => {
  it('reports 年度 ≥24次 against 实施周期 ≥12次, quoting both', () => {
    const grid = oneProject(withItem4('1-产出指标', '11-数量指标', '巡查批次', '≥12次', '≥24次'));
    const f = expectOne(grid, {
      rule: 'period-annual-exceeds',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'exceeds',
      data: { ordinal: 4, name: '巡查批次', period: '≥12次', annual: '≥24次' },
    });
    expect(f.actual).toBe('≥12次 / ≥24次');
    expect(keys(findings(grid))).toEqual(['period-annual-exceeds@G4#4:warning']);
  });

  it('accepts equal values (recurring projects), rates, and upper bounds', () => {
    expect(
      byRule(oneProject(withItem4('1-产出指标', '11-数量指标', '巡查批次', '≥12次')), 'period-annual-exceeds'),
    ).toEqual([]);
    expect(
      byRule(
        oneProject(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '≥90%', '≥95%')),
        'period-annual-exceeds',
      ),
    ).toEqual([]);
    expect(
      byRule(
        oneProject(withItem4('4-成本指标', '41-经济成本指标', '维修单价', '≤500元', '≤800元')),
        'period-annual-exceeds',
      ),
    ).toEqual([]);
  });
});
