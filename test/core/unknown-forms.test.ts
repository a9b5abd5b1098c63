/**
 * Issue 9 acceptance, "a clerk's form from a province not in the doc, with the same fields in another
 * order or wording, is read too": the forms of test/fixtures/forms/unknown-forms.ts, each indicator
 * (一级, 二级, 三级, target) and the project's amounts against the hand-written expectation, from the
 * values and from the generated workbook (merged areas as Excel stores them). Look-alikes in the same
 * new wording stay rejected, and a sheet of text is still no table.
 */
import * as path from 'path';
import { checkSheet } from '../../src/core/check';
import { type CellValue, gridFromValues } from '../../src/core/grid';
import type { TableReport } from '../../src/core/report';
import { indicatorTuple } from './indicator-tuple';
import type { FamilyFixture } from '../fixtures/forms/families';
import { UNKNOWN_FORMS } from '../fixtures/forms/unknown-forms';
import { readWorkbookGrids } from './xlsx-grid';

const n = null;

function projectsOf(t: TableReport) {
  return t.rows
    .filter((r) => r.kind === 'project')
    .map((p) => ({
      name: p.name,
      unit: p.unit,
      total: p.amounts?.total,
      fiscal: p.amounts?.fiscal,
      other: p.amounts?.other,
    }));
}

function expectRead(tables: TableReport[], f: FamilyFixture): void {
  expect(tables.map((t) => [t.layout, t.title, t.range])).toEqual(f.tables.map((t) => [t.layout, t.title, t.range]));
  f.tables.forEach((want, k) => {
    expect(tables[k].indicators.map(indicatorTuple)).toEqual(want.indicators);
    expect(projectsOf(tables[k])).toEqual(want.projects);
    expect(tables[k].findings.map((x) => `${x.rule}@${x.cell}`)).toEqual(want.findings);
  });
}

describe.each(UNKNOWN_FORMS.map((f) => [f.id, f] as const))('%s', (_id, f) => {
  it('reads every indicator and the amounts, with no finding', () => {
    const { tables, rejected } = checkSheet(gridFromValues(f.sheet, f.rows));
    expect(rejected).toEqual([]);
    expectRead(tables, f);
  });

  it('reads the same from the generated workbook', async () => {
    const [grid] = await readWorkbookGrids(path.join(__dirname, '..', 'fixtures', 'forms', f.file));
    expectRead(checkSheet(grid).tables, f);
  });

  it('reads it moved down and right, below another sheet’s worth of text', () => {
    const moved = gridFromValues(f.sheet, [['说明：以下为本单位项目绩效目标。'], [], ...f.rows], 4, 3);
    const { tables } = checkSheet(moved);
    expect(tables.map((t) => t.indicators.map((i) => i.name))).toEqual(
      f.tables.map((t) => t.indicators.map((i) => i[3])),
    );
  });
});

describe('look-alikes in the new wordings', () => {
  const u = (k: number) => UNKNOWN_FORMS[k];

  it('two of the new forms stacked are two tables', () => {
    const rows = [...u(0).rows, [], ...u(7).rows];
    const { tables } = checkSheet(gridFromValues('Sheet1', rows));
    expect(tables.map((t) => t.rows[0].name)).toEqual(['乡村道路养护', '残疾人康复救助']);
    expect(tables.map((t) => t.indicators.length)).toEqual([5, 4]);
  });

  it('two different name labels on one row (一级 and 二级项目名称) are one form, not two bands', () => {
    const rows: CellValue[][] = [
      ['一级项目名称', '农业发展', '二级项目名称', '耕地地力保护补贴', n],
      ['资金总额', '50', '财政资金', '50', n],
      ['一级', '二级', '三级', '目标值', n],
      ['产出', '数量', '补贴面积', '≥3万亩', n],
      ['满意度', '服务对象满意度', '农户满意度', '≥90%', n],
    ];
    const { tables } = checkSheet(gridFromValues('Sheet1', rows));
    expect(tables.map((t) => [t.range, t.rows[0].name, t.indicators.length])).toEqual([
      ['A1:D5', '耕地地力保护补贴', 2],
    ]);
  });

  it('side-by-side forms moved down and right keep their addresses', () => {
    const f = UNKNOWN_FORMS.find((x) => x.id.startsWith('U11')) as FamilyFixture;
    const moved = gridFromValues(f.sheet, f.rows, 30, 5);
    expect(checkSheet(moved).tables.map((t) => [t.range, t.indicators[0].cell])).toEqual([
      ['E30:I37', 'H35'],
      ['K30:O37', 'N35'],
    ]);
  });

  it('a 二级 named like an amount label (其他) stays an indicator; only a figure beside it makes an amount row', () => {
    const rows: CellValue[][] = [
      ['项目名称', '农民技能培训', n, n, n, n],
      ['一级指标', '二级指标', '三级指标', '指标值', n, n],
      ['产出指标', '数量指标', '培训人次', '≥100人次', n, n],
      [n, '其他', '培训资料', '1套', n, n],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', n, n],
      ['年度资金总额', '100', '财政拨款', '90', '其他资金', '10'],
    ];
    const [t] = checkSheet(gridFromValues('Sheet1', rows)).tables;
    expect(t.indicators.map((i) => [i.cell, i.level2?.name, i.name])).toEqual([
      ['D3', '数量指标', '培训人次'],
      ['D4', '其他', '培训资料'],
      ['D5', '服务对象满意度指标', '学员满意度'],
    ]);
    expect(t.rows[0].amounts).toMatchObject({ total: '100.00', fiscal: '90.00', other: '10.00' });
    expect(t.range).toBe('A1:F6');
  });

  it('a self-evaluation with 实际完成值 and 得分 is rejected, not checked', () => {
    const rows: CellValue[][] = [
      ['项目名称：', '残疾人康复救助', n, n, n, n],
      ['资金总额', '48', '财政资金', '45', '自筹资金', '3'],
      ['一级', '二级', '指标内容', '年度目标值', '实际完成值', '得分'],
      ['产出', '数量', '救助残疾儿童人数', '≥60人', '62人', '10'],
      ['满意度', '服务对象满意度', '家长满意度', '≥90%', '95%', '10'],
    ];
    const { tables, rejected } = checkSheet(gridFromValues('Sheet1', rows));
    expect(tables).toEqual([]);
    expect(rejected.map((r) => [r.kind, r.range])).toEqual([['self-evaluation', 'A1:F5']]);
  });

  it('a 部门整体 table in the new wording is rejected, not checked', () => {
    const rows: CellValue[][] = [
      ['2025年部门整体支出绩效目标表', n, n, n],
      ['部门名称：', '某县教育局', n, n],
      ['资金总额', '3000', '财政资金', '3000'],
      ['一级', '二级', '三级', '目标值'],
      ['产出', '数量', '保障学校数', '45所'],
    ];
    const { tables, rejected } = checkSheet(gridFromValues('Sheet1', rows));
    expect(tables).toEqual([]);
    expect(rejected.map((r) => r.kind)).toEqual(['department']);
  });

  it('a sheet of text that names fields and levels is no table', () => {
    const rows: CellValue[][] = [
      ['填报说明'],
      ['项目名称：填写项目全称'],
      ['资金总额：按万元填写，保留两位小数'],
      ['一级、二级、三级指标按财政部指标体系填写，目标值应量化'],
      ['财政资金', '自筹资金', '合计'],
      ['一级', '二级', '说明'],
    ];
    const { tables, rejected } = checkSheet(gridFromValues('Sheet1', rows));
    expect(tables).toEqual([]);
    expect(rejected).toEqual([]);
  });
});
