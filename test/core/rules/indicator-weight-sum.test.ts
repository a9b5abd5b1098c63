/** Weights of a project sum to 100, or to 90 where 预算执行率 is not listed. */
import { VALID_ROWS, form, formFindings } from './form-helpers';

const weighted = (w: (string | null)[], extra: (string | null)[][] = []) =>
  form([...VALID_ROWS.map((r, i) => [...r, w[i]]), ...extra], { header: ['分值'] });

describe('indicator-weight-sum', () => {
  it('reports weights that sum to neither 100 nor 90, at the first weight', () => {
    const f = formFindings(weighted(['30', '30', '20']), 'indicator-weight-sum');
    expect(f.map((x) => [x.cell, x.severity, x.actual])).toEqual([['E5', 'warning', '80']]);
    expect(f[0].message).toBe('项目“农民职业技能培训”的指标权重合计为 80，应为 100（未列预算执行率时为 90）。');
  });

  it('wants 100 once 预算执行率 is listed', () => {
    const f = formFindings(
      weighted(['30', '30', '30'], [['产出指标', '成本指标', '预算执行率', '≥90%', '5']]),
      'indicator-weight-sum',
    );
    expect(f.map((x) => x.actual)).toEqual(['95']);
  });

  it('accepts 100, and 90 without 预算执行率; no weight column, no finding', () => {
    expect(formFindings(weighted(['40', '40', '20']), 'indicator-weight-sum')).toEqual([]);
    expect(formFindings(weighted(['40', '30', '20']), 'indicator-weight-sum')).toEqual([]);
    expect(formFindings(form(VALID_ROWS), 'indicator-weight-sum')).toEqual([]);
  });
});
