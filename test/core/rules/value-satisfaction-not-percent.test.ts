/** V6 value-satisfaction-not-percent: a 31 satisfaction indicator is a percentage. */
import { VALID_INDICATORS, byRule, expectOne, oneProject, withItem4 } from './helpers';

describe('value-satisfaction-not-percent', () => {
  it('reports `满意` on 就餐人员满意度', () => {
    expectOne(oneProject(withItem4('3-满意度指标', '31-服务对象满意度', '就餐人员满意度', '满意')), {
      rule: 'value-satisfaction-not-percent',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'notPercent',
      data: {
        ordinal: 4,
        name: '就餐人员满意度',
        values: [
          { which: 'period', raw: '满意' },
          { which: 'annual', raw: '满意' },
        ],
      },
    });
  });

  it('leaves placeholders to value-placeholder', () => {
    expect(
      byRule(
        oneProject(withItem4('3-满意度指标', '31-服务对象满意度', '就餐人员满意度', '≥**%')),
        'value-satisfaction-not-percent',
      ),
    ).toEqual([]);
  });

  it('accepts ≥95%', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'value-satisfaction-not-percent')).toEqual([]);
  });
});
