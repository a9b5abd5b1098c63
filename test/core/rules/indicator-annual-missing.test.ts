/** S7 indicator-annual-missing: every item states its 年度指标值. */
import { VALID_INDICATORS, byRule, expectOne, findings, keys, oneProject } from './helpers';

describe('indicator-annual-missing', () => {
  it('reports an item without the 年度指标值 field', () => {
    const grid = oneProject(`${VALID_INDICATORS}4、1-产出指标；11-数量指标；验收合格项目数；实施周期指标值:≥5个。`);
    expectOne(grid, {
      rule: 'indicator-annual-missing',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'noKeyword',
      data: { ordinal: 4, name: '验收合格项目数' },
    });
    expect(keys(findings(grid))).toEqual(['indicator-annual-missing@G4#4:error']);
  });

  it('reports an empty 年度指标值', () => {
    const grid = oneProject(
      `${VALID_INDICATORS}4、1-产出指标；11-数量指标；验收合格项目数；实施周期指标值:≥5个；年度指标值:。`,
    );
    expectOne(grid, {
      rule: 'indicator-annual-missing',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'empty',
      data: { ordinal: 4, name: '验收合格项目数' },
    });
  });

  it('accepts items with an annual value', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'indicator-annual-missing')).toEqual([]);
  });
});
