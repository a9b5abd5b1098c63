/**
 * The new reader gives the grids the ExcelJS reader gave, on every fixture and the sample: the
 * core sees the same cells whichever reader ran.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../../src/core/grid';
import { readWorkbook } from '../../src/xlsx';
import { excelJsGrids } from '../helpers/exceljs-grid';

/** Every non-empty cell as [row, col, cell], in order: holes, nulls and padding do not count. */
function cellsOf(g: Grid): [number, number, Cell][] {
  const out: [number, number, Cell][] = [];
  g.cells.forEach((row, i) =>
    row?.forEach((c, j) => {
      if (c) out.push([g.top + i, g.left + j, c]);
    }),
  );
  return out;
}

const root = path.join(__dirname, '..', '..');
const files = [
  ...readdirSync(path.join(root, 'test', 'fixtures'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join('test', 'fixtures', f)),
  path.join('examples', 'sample.xlsx'),
];

test.each(files)('%s: same grids as ExcelJS', async (file) => {
  const bytes = readFileSync(path.join(root, file));
  const ours = readWorkbook(bytes);
  const theirs = await excelJsGrids(bytes);
  expect(ours.map((s) => s.grid.sheet)).toEqual(theirs.map((g) => g.sheet));
  ours.forEach((s, i) => {
    expect(cellsOf(s.grid)).toEqual(cellsOf(theirs[i]));
    expect(s.grid.cells.length).toBe(theirs[i].cells.length);
  });
});

test('a workbook ExcelJS writes with every kind of value reads the same', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算表');
  ws.getCell('A1').value = '合计';
  ws.getCell('B1').value = 1648.49;
  ws.getCell('B1').numFmt = '#,##0.00';
  ws.getCell('A2').value = { richText: [{ text: '机构运行', font: { bold: true } }, { text: '辅助经费' }] };
  ws.getCell('A2').alignment = { indent: 2 };
  ws.getCell('B2').value = { formula: 'C2+D2', result: 21.6 };
  ws.getCell('C2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('D2').value = { error: '#VALUE!' };
  ws.getCell('E2').value = true;
  ws.getCell('F2').value = { formula: 'TODAY()' };
  ws.getCell('A3').value = new Date(Date.UTC(2026, 0, 5));
  ws.getCell('B3').value = new Date(Date.UTC(2026, 6, 1));
  ws.getCell('B3').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('C3').value = { text: '链接文字', hyperlink: 'https://example.org' };
  ws.getCell('D3').value = { formula: 'A1', result: '合计' };
  ws.mergeCells('A5:C6');
  ws.getCell('A5').value = '资金来源';
  ws.getCell('E7').value = '  缩进的项目';
  ws.getCell('F8').value = 'ESC\u001b';
  wb.addWorksheet('空');
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const ours = readWorkbook(bytes);
  const theirs = await excelJsGrids(bytes);
  expect(ours.map((s) => s.grid.sheet)).toEqual(['预算表', '空']);
  expect(cellsOf(ours[0].grid)).toEqual(cellsOf(theirs[0]));
  expect(cellsOf(ours[0].grid).length).toBe(15);
  expect(cellsOf(ours[1].grid)).toEqual([]);
});
