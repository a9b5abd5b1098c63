/** V5 value-no-unit: a number with no unit, and none in the name. */
import { byRule, expectOne, findings, keys, oneProject, withItem4 } from './helpers';

describe('value-no-unit', () => {
  it('reports `≥5` on 验收合格项目数', () => {
    const grid = oneProject(withItem4('1-产出指标', '11-数量指标', '验收合格项目数', '≥5'));
    expectOne(grid, {
      rule: 'value-no-unit',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'noUnit',
      data: {
        ordinal: 4,
        name: '验收合格项目数',
        values: [
          { which: 'period', raw: '≥5' },
          { which: 'annual', raw: '≥5' },
        ],
      },
    });
    expect(keys(findings(grid))).toEqual(['value-no-unit@G4#4:warning']);
  });

  it('accepts a unit taken from the name’s brackets: 招商活动的参加人数（人）≥25', () => {
    const grid = oneProject(withItem4('1-产出指标', '11-数量指标', '招商活动的参加人数（人）', '≥25'));
    expect(byRule(grid, 'value-no-unit')).toEqual([]);
    expect(findings(grid)).toEqual([]);
  });
});
