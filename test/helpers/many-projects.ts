/**
 * A generated flat table of N projects, one row each with one indicator: the smallest table shape
 * that still exercises every per-project path (sums, indicators, findings), for size tests.
 */
import { gridFromValues, type CellValue, type Grid } from '../../src/core/grid';

export const HEADER = [
  '项目名称（资金使用单位）',
  '总计',
  '财政拨款',
  '财政专户拨款',
  '其他资金',
  '绩效目标',
  '绩效指标',
];
export const INDICATOR = '1、1-产出指标；11-数量指标；发放编外人员工资人数；实施周期指标值:≥4人；年度指标值:≥4人。';

/** `projects` rows under a 合计 and a unit row; every 1,000th project gets a wrong amount (an error). */
export function manyProjectsRows(projects: number, withErrors = true): CellValue[][] {
  const rows: CellValue[][] = [HEADER];
  let total = 0;
  const body: CellValue[][] = [];
  for (let i = 0; i < projects; i++) {
    const amount = 1 + (i % 97);
    total += amount;
    const fiscal = withErrors && i % 1000 === 999 ? amount + 1 : amount;
    body.push([`项目${i + 1}`, amount, fiscal, null, null, `目标${i + 1}`, INDICATOR]);
  }
  rows.push(['合计', total, total, null, null, null, null]);
  rows.push(['某单位', total, total, null, null, null, null]);
  for (const r of body) rows.push(r);
  return rows;
}

export function manyProjectsGrid(projects: number, withErrors = true): Grid {
  return gridFromValues('Sheet1', manyProjectsRows(projects, withErrors));
}
