/** V1 value-placeholder: a template placeholder left in a target. */
import { byRule, expectOne, findings, keys, oneProject, withItem4 } from './helpers';

describe('value-placeholder', () => {
  it('reports `≥**个月` once for the item, quoting it', () => {
    const grid = oneProject(withItem4('1-产出指标', '11-数量指标', '供水保障月数', '≥**个月'));
    const f = expectOne(grid, {
      rule: 'value-placeholder',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'placeholder',
      data: {
        ordinal: 4,
        name: '供水保障月数',
        values: [
          { which: 'period', raw: '≥**个月' },
          { which: 'annual', raw: '≥**个月' },
        ],
      },
    });
    expect(f.actual).toBe('≥**个月 / ≥**个月');
    expect(keys(findings(grid))).toEqual(['value-placeholder@G4#4:error']);
  });

  it('reports `XX%` in the annual value only', () => {
    expectOne(oneProject(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '≥90%', 'XX%')), {
      rule: 'value-placeholder',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'placeholder',
      data: { values: [{ which: 'annual', raw: 'XX%' }] },
    });
  });

  it('accepts filled-in values', () => {
    const grid = oneProject(withItem4('1-产出指标', '11-数量指标', '供水保障月数', '12个月'));
    expect(byRule(grid, 'value-placeholder')).toEqual([]);
    expect(findings(grid)).toEqual([]);
  });
});
