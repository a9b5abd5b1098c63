/** A cost target above the project's budget (converting 元 / 万元); per-unit costs never compared. */
import { VALID_ROWS, form, formFindings } from './form-helpers';

describe('value-cost-over-budget', () => {
  it('reports `≤620万元` on a project of 500 万元', () => {
    const f = formFindings(
      form([...VALID_ROWS, ['成本指标', '经济成本指标', '人工成本', '≤620万元']]),
      'value-cost-over-budget',
    );
    expect(f.map((x) => [x.cell, x.severity, x.actual])).toEqual([['D8', 'warning', '≤620万元']]);
    expect(f[0].message).toBe('第 4 条指标“人工成本”的目标“≤620万元”超过项目预算 500.00万元，请核对金额或单位。');
  });

  it('converts 元 into the table unit', () => {
    const f = formFindings(
      form([...VALID_ROWS, ['产出指标', '成本指标', '项目总成本', '≤6000000元']]),
      'value-cost-over-budget',
    );
    expect(f.map((x) => x.cell)).toEqual(['D8']);
  });

  it('accepts a cost within budget, per-unit costs and lower bounds', () => {
    const rows = form([
      ...VALID_ROWS,
      ['成本指标', '经济成本指标', '项目建设成本', '≤500万元'],
      [null, null, '人工成本', '≤620万/月'],
      [null, null, '补助标准', '1600元/亩'],
      [null, null, '单价', '≤4000000元'],
    ]);
    expect(formFindings(rows, 'value-cost-over-budget')).toEqual([]);
  });
});
