/** V7 value-cost-lower-bound: a cost indicator (14, 4x) with ≥. */
import { byRule, expectOne, findings, oneProject, withItem4 } from './helpers';

describe('value-cost-lower-bound', () => {
  it('reports `≥500元` on a 41 cost', () => {
    expectOne(oneProject(withItem4('4-成本指标', '41-经济成本指标', '车检场设施维修单价', '≥500元')), {
      rule: 'value-cost-lower-bound',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'lowerBound',
      data: {
        ordinal: 4,
        name: '车检场设施维修单价',
        values: [
          { which: 'period', raw: '≥500元' },
          { which: 'annual', raw: '≥500元' },
        ],
      },
    });
  });

  it('reports a 14-成本指标 under 产出 too', () => {
    expectOne(oneProject(withItem4('1-产出指标', '14-成本指标', '人均培训成本', '≥800元/人')), {
      rule: 'value-cost-lower-bound',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
    });
  });

  it('accepts `≤500元`', () => {
    const grid = oneProject(withItem4('4-成本指标', '41-经济成本指标', '车检场设施维修单价', '≤500元'));
    expect(byRule(grid, 'value-cost-lower-bound')).toEqual([]);
    expect(findings(grid)).toEqual([]);
  });
});
