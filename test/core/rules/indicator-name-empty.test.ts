/** S5 indicator-name-empty: every item names its 三级 indicator. */
import { VALID_INDICATORS, byRule, expectOne, oneProject, withItem4 } from './helpers';

describe('indicator-name-empty', () => {
  it('reports an item with nothing between the 二级 and 实施周期指标值', () => {
    expectOne(oneProject(withItem4('1-产出指标', '11-数量指标', '', '≥5个')), {
      rule: 'indicator-name-empty',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'empty',
      data: { ordinal: 4 },
    });
  });

  it('accepts named items', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'indicator-name-empty')).toEqual([]);
  });
});
