/** S3 indicator-level1: a known 一级 code whose name agrees with it. */
import {
  BENEFIT_ITEM,
  OUTPUT_ITEM,
  SATISFACTION_ITEM,
  VALID_INDICATORS,
  byRule,
  expectOne,
  findings,
  keys,
  oneProject,
  withItem4,
} from './helpers';

describe('indicator-level1', () => {
  it('reports `1-效益指标`: code 1 is 产出, 效益 is code 2', () => {
    const grid = oneProject(withItem4('1-效益指标', '12-质量指标', '项目验收合格率', '≥90%'));
    const f = expectOne(grid, {
      rule: 'indicator-level1',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'nameMismatch',
      data: { ordinal: 4, written: '1-效益指标', code: '1', codeMeans: '产出指标', name: '效益指标', nameCode: '2' },
    });
    expect(f.expected).toBe('1-产出指标');
    expect(keys(findings(grid))).toEqual(['indicator-level1@G4#4:error']);
  });

  it('reports `1-效益指标；22-社会效益` once: the 二级 and the coverage follow the name', () => {
    const grid = oneProject(OUTPUT_ITEM + BENEFIT_ITEM.replace('2-效益指标', '1-效益指标') + SATISFACTION_ITEM);
    expect(keys(findings(grid))).toEqual(['indicator-level1@G4#2:error']);
  });

  it('reports an unknown 一级 code, listing the known ones', () => {
    const grid = oneProject(withItem4('5-管理指标', '41-经济成本指标', '制度健全性', '健全'));
    expectOne(grid, {
      rule: 'indicator-level1',
      severity: 'error',
      cell: 'G4',
      indicator: 4,
      messageId: 'unknown',
      data: { ordinal: 4, written: '5-管理指标' },
    });
  });

  it('accepts the four 一级 with or without the 指标 suffix', () => {
    const grid = oneProject(
      VALID_INDICATORS + '4、4-成本；41-经济成本指标；维修单价；实施周期指标值:≤500元；年度指标值:≤500元。',
    );
    expect(byRule(grid, 'indicator-level1')).toEqual([]);
    expect(findings(grid)).toEqual([]);
  });
});
