/** A value's own unit against the unit column: `28.8万元` under `%`. */
import { formFindings } from './form-helpers';

const grid = (value: string, unit: string | null) => [
  ['项目名称', '乡村振兴', '当年预算', '300', null, null],
  ['一级指标', '二级指标', '三级指标', '指标值类型', '目标值', '度量单位'],
  ['产出指标', '数量指标', '建设项目', '≥', '3', '个'],
  ['效益指标', '经济效益指标', '带动增收', '≥', value, unit],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%'],
];

describe('value-unit-mismatch', () => {
  it('reports `28.8万元` with unit `%`', () => {
    const f = formFindings(grid('28.8万元', '%'), 'value-unit-mismatch');
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['E4', 'warning']]);
    expect(f[0].message).toBe('第 2 条指标“带动增收”的指标值带单位“万元”，与计量单位“%”不符，请核对。');
  });

  it('accepts the same unit twice, 百分比 for %, and a bare number', () => {
    expect(formFindings(grid('28.8万元', '万元'), 'value-unit-mismatch')).toEqual([]);
    expect(formFindings(grid('95%', '百分比'), 'value-unit-mismatch')).toEqual([]);
    expect(formFindings(grid('28.8', '万元'), 'value-unit-mismatch')).toEqual([]);
  });
});
