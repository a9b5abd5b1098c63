/** P1 period-annual-mismatch: the two values of an item in different units or opposite directions. */
import { byRule, expectOne, findings, keys, oneProject, withItem4 } from './helpers';

describe('period-annual-mismatch', () => {
  it('reports `1次` / `1个`, quoting both', () => {
    const grid = oneProject(withItem4('1-产出指标', '11-数量指标', '组织卫生知识培训数', '1次', '1个'));
    const f = expectOne(grid, {
      rule: 'period-annual-mismatch',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'unit',
      data: { ordinal: 4, name: '组织卫生知识培训数', period: '1次', annual: '1个' },
    });
    expect(f.actual).toBe('1次 / 1个');
    expect(keys(findings(grid))).toEqual(['period-annual-mismatch@G4#4:warning']);
  });

  it('reports opposite comparators', () => {
    expectOne(oneProject(withItem4('1-产出指标', '11-数量指标', '组织卫生知识培训数', '≥1次', '≤1次')), {
      rule: 'period-annual-mismatch',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'direction',
      data: { period: '≥1次', annual: '≤1次' },
    });
  });

  it('accepts `≥4人` / `4人` and a smaller annual share', () => {
    expect(
      byRule(
        oneProject(withItem4('1-产出指标', '11-数量指标', '发放编外人员工资人数', '≥4人', '4人')),
        'period-annual-mismatch',
      ),
    ).toEqual([]);
    expect(findings(oneProject(withItem4('1-产出指标', '11-数量指标', '巡查批次', '≥24次', '≥12次')))).toEqual([]);
  });
});
