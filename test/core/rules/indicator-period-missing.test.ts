/** S7 indicator-period-missing: the 实施周期指标值 is normally stated too. */
import { VALID_INDICATORS, byRule, expectOne, findings, keys, oneProject } from './helpers';

describe('indicator-period-missing', () => {
  it('reports an item with only the 年度指标值, as a warning', () => {
    const grid = oneProject(`${VALID_INDICATORS}4、1-产出指标；11-数量指标；验收合格项目数；年度指标值:≥5个。`);
    expectOne(grid, {
      rule: 'indicator-period-missing',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'missing',
      data: { ordinal: 4, name: '验收合格项目数' },
    });
    expect(keys(findings(grid))).toEqual(['indicator-period-missing@G4#4:warning']);
  });

  it('accepts items with both values', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'indicator-period-missing')).toEqual([]);
  });
});
