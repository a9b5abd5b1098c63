/** S4 indicator-level2: a known 二级, under its 一级, with a matching name. */
import { VALID_INDICATORS, byRule, expectOne, findings, keys, oneProject, withItem4 } from './helpers';

describe('indicator-level2', () => {
  it('reports `2-效益指标；12-质量指标`: 12 belongs under 1', () => {
    const grid = oneProject(withItem4('2-效益指标', '12-质量指标', '项目验收合格率', '≥90%'));
    expectOne(grid, {
      rule: 'indicator-level2',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'notUnder',
      data: { ordinal: 4, written: '12-质量指标', level1: '2-效益指标', level1Code: '2' },
    });
    expect(keys(findings(grid))).toEqual(['indicator-level2@G4#4:error']);
  });

  it('reports a code and name that disagree (`12-数量指标`)', () => {
    const f = expectOne(oneProject(withItem4('1-产出指标', '12-数量指标', '验收合格项目数', '≥5个')), {
      rule: 'indicator-level2',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'nameMismatch',
      data: { ordinal: 4, written: '12-数量指标', code: '12', codeMeans: '质量指标', name: '数量指标', nameCode: '11' },
    });
    expect(f.expected).toBe('12-质量指标');
  });

  it('reports a missing 二级', () => {
    const grid = oneProject(`${VALID_INDICATORS}4、1-产出指标；验收合格项目数；实施周期指标值:≥5个；年度指标值:≥5个。`);
    expectOne(grid, {
      rule: 'indicator-level2',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'missing',
      data: { ordinal: 4, level1: '1-产出指标' },
    });
  });

  it('accepts 二级 names with or without 指标 and the known variants', () => {
    const grid = oneProject(withItem4('1-产出指标', '13-进度指标', '项目完成时间', '2026.07-2027.01'));
    expect(byRule(grid, 'indicator-level2')).toEqual([]);
    expect(findings(grid)).toEqual([]);
  });
});
