/** S3 / S4 by name on grids: an unknown 一级, a 二级 under the wrong 一级; unclear 二级 left alone. */
import { VALID_ROWS, form, formFindings } from './form-helpers';

describe('indicator-level-name', () => {
  it('reports a 二级 that belongs to another 一级, once per written 二级 cell', () => {
    const rows = form([
      ...VALID_ROWS,
      ['效益指标', '数量指标', '受训人数', '≥300人'],
      [null, null, '结业人数', '≥280人'],
    ]);
    const f = formFindings(rows, 'indicator-level-name');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', cell: 'B8', actual: '效益指标；数量指标' });
    expect(f[0].message).toBe(
      '二级指标“数量指标”属于产出指标，不应列在一级指标“效益指标”下（第 4 条指标“受训人数”）。',
    );
  });

  it('reports a 一级 that is none of the four, at the target', () => {
    const f = formFindings(
      form([...VALID_ROWS, ['管理指标', '制度建设', '制度完善率', '100%']]),
      'indicator-level-name',
    );
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['D8', 'error']]);
    expect(f[0].message).toContain('一级指标“管理指标”不是产出指标、效益指标、满意度指标或成本指标');
  });

  it('accepts older names, score suffixes and 二级 whose family the words do not tell', () => {
    const rows = form([
      ['项目完成\n指标', '产出数量指标', '培训人次', '≥1200人次'],
      ['效果指标(30分)', '社会效益', '技能水平', '显著提高'],
      [null, '综合效益', '带动就业', '有效带动'],
      ['满意度指标', '满意度指标', '学员满意度', '≥90%'],
    ]);
    expect(formFindings(rows, 'indicator-level-name')).toEqual([]);
    expect(formFindings(rows).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
