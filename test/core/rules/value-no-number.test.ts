/** V2 value-no-number: a comparator with no number. */
import { VALID_INDICATORS, byRule, expectOne, findings, keys, oneProject, withItem4 } from './helpers';

describe('value-no-number', () => {
  it('reports an annual `≥` with nothing after it', () => {
    const grid = oneProject(withItem4('1-产出指标', '11-数量指标', '组织参加或举办共建活动数', '≥1次', '≥'));
    const f = expectOne(grid, {
      rule: 'value-no-number',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'noNumber',
      data: { ordinal: 4, name: '组织参加或举办共建活动数', values: [{ which: 'annual', raw: '≥' }] },
    });
    expect(f.actual).toBe('≥');
    expect(keys(findings(grid))).toEqual(['value-no-number@G4#4:error']);
  });

  it('reports `≥%` on both values once', () => {
    expectOne(oneProject(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '≥%')), {
      rule: 'value-no-number',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'noNumber',
      data: {
        values: [
          { which: 'period', raw: '≥%' },
          { which: 'annual', raw: '≥%' },
        ],
      },
    });
  });

  it('accepts a comparator with its number', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'value-no-number')).toEqual([]);
  });
});
