/** Template rows left in a grid: a 二级 alone, or 定性 with no words — a warning, never a parse error. */
import { checkSheet } from '../../../src/core/check';
import { gridFromValues } from '../../../src/core/grid';
import { VALID_ROWS, form, formFindings } from './form-helpers';

describe('indicator-template-row', () => {
  it('reports a 二级 with no 三级 and no value at the 二级 cell, and reads no indicator from it', () => {
    const rows = form([...VALID_ROWS, [null, '经济效益指标', null, null]]);
    const f = formFindings(rows, 'indicator-template-row');
    expect(f.map((x) => [x.cell, x.severity, x.message])).toEqual([
      ['B8', 'warning', '第 8 行只有二级指标“经济效益指标”，没有三级指标和指标值：请填写，或删除这一模板行。'],
    ]);
    expect(checkSheet(gridFromValues('S', rows)).tables[0].indicators).toHaveLength(3);
  });

  it('reports 定性 with no words in a comparator column', () => {
    const rows = [
      ['专项资金名称', '临时救助', '当年预算', '229.66', null],
      ['指标', '指标权重', '计量单位', '指标性质', '指标值'],
      ['发放人数', '50', '人', '≥', '80'],
      ['促进社会和谐', '40', null, '定性', null],
    ];
    const f = formFindings(rows, 'indicator-template-row');
    expect(f.map((x) => [x.cell, x.message])).toEqual([
      ['D4', '指标“促进社会和谐”标为定性，但没有写出目标（文字描述）。'],
    ]);
  });

  it('is silent on filled rows and on rows marked not applicable', () => {
    const rows = form([...VALID_ROWS, ['效益指标', '生态效益指标', '本项目不适用此指标', '无']]);
    expect(formFindings(rows, 'indicator-template-row')).toEqual([]);
    expect(formFindings(rows)).toEqual([]);
  });
});
