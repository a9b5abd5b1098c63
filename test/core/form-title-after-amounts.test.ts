/**
 * A title line below a form whose amounts are written under its grid starts the next form: it is
 * not the first form's title, and the next form keeps it (found with side-by-side forms, issue 9).
 */
import { checkSheet } from '../../src/core/check';
import { type CellValue, gridFromValues } from '../../src/core/grid';

const n = null;

it('the title after a form’s amounts row belongs to the form below', () => {
  const rows: CellValue[][] = [
    ['项目名称', '林业技术培训', n, n],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '培训人次', '≥100人次'],
    ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
    ['年度资金总额', '100', '财政拨款', '100'],
    [],
    ['项目支出绩效目标表', n, n, n],
    ['项目名称', '城区道路维修', n, n],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '维修里程', '≥12公里'],
  ];
  const { tables } = checkSheet(gridFromValues('Sheet1', rows));
  expect(tables.map((t) => [t.range, t.title, t.rows[0].name])).toEqual([
    ['A1:D5', null, '林业技术培训'],
    ['A7:D10', '项目支出绩效目标表', '城区道路维修'],
  ]);
});
