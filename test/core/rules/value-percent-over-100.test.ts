/** V3 value-percent-over-100: a rate or satisfaction (name ends in 率/度) above 100%. */
import { byRule, expectOne, findings, keys, oneProject, withItem4 } from './helpers';

describe('value-percent-over-100', () => {
  it('reports a satisfaction of 120%', () => {
    const grid = oneProject(withItem4('3-满意度指标', '31-服务对象满意度', '就餐人员满意度', '120%'));
    const f = expectOne(grid, {
      rule: 'value-percent-over-100',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'over100',
      data: {
        ordinal: 4,
        name: '就餐人员满意度',
        values: [
          { which: 'period', raw: '120%' },
          { which: 'annual', raw: '120%' },
        ],
      },
    });
    expect(f.expected).toBe('≤100%');
    expect(keys(findings(grid))).toEqual(['value-percent-over-100@G4#4:error']);
  });

  it('reports a rate (率) too', () => {
    expectOne(oneProject(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '≥105%', '≥100%')), {
      rule: 'value-percent-over-100',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'over100',
      data: { values: [{ which: 'period', raw: '≥105%' }] },
    });
  });

  it('accepts 100% on a rate, and a growth above 100% on a name that is not a rate', () => {
    expect(
      byRule(oneProject(withItem4('1-产出指标', '12-质量指标', '安保工作保障率', '100%')), 'value-percent-over-100'),
    ).toEqual([]);
    expect(
      byRule(oneProject(withItem4('2-效益指标', '21-经济效益', '进出口额同比增长', '≥120%')), 'value-percent-over-100'),
    ).toEqual([]);
  });
});
