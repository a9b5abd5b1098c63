/**
 * The V4 fix where the comparator has a column of its own, applied and undone through the browser
 * preview's workbook (the same `setCellText` the pane calls): only the comparator cell changes.
 */
import { checkSheet } from '../../src/core/check';
import { address } from '../../src/core/grid';
import { PreviewWorkbook, displayText, newSheet } from '../../src/preview/preview-workbook';

const ROWS: (string | null)[][] = [
  ['项目名称', '农民职业技能培训', null, null, null, null],
  ['年度资金总额', '500', '财政拨款', '450', '其他资金', '50'],
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
  ['产出指标', '数量指标', '培训人次', '≥', '1200', '人次'],
  ['产出指标', '质量指标', '验收合格率', '≧', '95', '%'],
  ['效益指标', '社会效益指标', '技能水平', '定性', '显著提高', null],
  ['满意度指标', '服务对象满意度指标', '学员满意度', '>=', '90', '%'],
];

function workbook(): PreviewWorkbook {
  const sheet = newSheet('表1');
  ROWS.forEach((r, i) => r.forEach((v, j) => v !== null && sheet.cells.set(address(i + 1, j + 1), { value: v })));
  return new PreviewWorkbook([sheet]);
}

async function v4(wb: PreviewWorkbook) {
  const [t] = checkSheet(await wb.readActiveSheet()).tables;
  return t.findings.filter((f) => f.rule === 'value-comparator-form');
}

function texts(wb: PreviewWorkbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const [a, c] of wb.sheets[0].cells) out.set(a, displayText(c));
  return out;
}

describe('a split-comparator fix in the preview', () => {
  it('rewrites the comparator cell alone, and undo puts it back', async () => {
    const wb = workbook();
    const found = await v4(wb);
    expect(found.map((f) => [f.cell, f.fix])).toEqual([
      ['E5', { cell: 'D5', before: '≧', text: '≥' }],
      ['E7', { cell: 'D7', before: '>=', text: '≥' }],
    ]);
    const before = texts(wb);
    const fix = found[0].fix!;
    await wb.setCellText('表1', fix.cell, fix.text, fix.before);
    const after = texts(wb);
    for (const [a, t] of before) expect([a, after.get(a)]).toEqual([a, a === 'D5' ? '≥' : t]);
    expect((await v4(wb)).map((f) => f.cell)).toEqual(['E7']);
    await wb.setCellText('表1', fix.cell, fix.before, fix.text);
    expect(texts(wb)).toEqual(before);
    expect((await v4(wb)).map((f) => f.cell)).toEqual(['E5', 'E7']);
  });
});
