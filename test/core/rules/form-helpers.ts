/**
 * Tiny forms for the grid rules' tests: a name, amount fields, then an indicator grid. Cells are
 * written as a clerk would; nothing here computes an expected answer.
 */
import { checkSheet } from '../../../src/core/check';
import { type CellValue, gridFromValues } from '../../../src/core/grid';
import type { Finding } from '../../../src/core/report';

const n = null;

/** A valid 产出 / 效益 / 满意度 set (rows 5–7 of `form()`), as [一级, 二级, 三级, 指标值]. */
export const VALID_ROWS: CellValue[][] = [
  ['产出指标', '数量指标', '培训人次', '≥1200人次'],
  ['效益指标', '社会效益指标', '技能水平', '显著提高'],
  ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
];

/**
 * Rows 1–3: name and amounts (`年度资金总额 | 财政拨款 | 其他资金` by default); row 4: the grid header
 * `一级指标 | 二级指标 | 三级指标 | 指标值` (+ `header` extra columns); rows 5…: `rows`.
 */
export function form(rows: CellValue[][], opts: { amounts?: CellValue[]; header?: string[] } = {}): CellValue[][] {
  return [
    ['项目名称', '农民职业技能培训', n, n, n, n],
    opts.amounts ?? ['年度资金总额', '500', '财政拨款', '450', '其他资金', '50'],
    [n, n, n, n, n, n],
    ['一级指标', '二级指标', '三级指标', '指标值', ...(opts.header ?? [])],
    ...rows,
  ];
}

export function formFindings(rows: CellValue[][], rule?: string): Finding[] {
  const { tables } = checkSheet(gridFromValues('Sheet1', rows));
  const all = tables.flatMap((t) => t.findings);
  return rule ? all.filter((f) => f.rule === rule) : all;
}
