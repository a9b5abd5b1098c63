import * as os from 'os';
import * as path from 'path';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { cellAt, cellText, rowEntries, rowNumbers, type Grid } from '../../src/core/grid';
import { formatDate, gridHasData, readXlsx } from '../../src/cli/read-xlsx';

async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = await wb.xlsx.writeBuffer();
  return (await readXlsx(Buffer.from(buf as ArrayBuffer))).grids;
}

describe('readXlsx', () => {
  let g: Grid;
  beforeAll(async () => {
    [g] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('预算表');
      ws.getCell('A1').value = '合计';
      ws.getCell('B1').value = 1648.49;
      ws.getCell('B1').numFmt = '#,##0.00';
      ws.getCell('C1').value = '1,648.49';
      ws.getCell('A2').value = { richText: [{ text: '机构运行', font: { bold: true } }, { text: '辅助经费' }] };
      ws.getCell('A2').alignment = { indent: 2 };
      ws.getCell('B2').value = { formula: 'C2+D2', result: 21.6 };
      ws.getCell('C2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('D2').value = { error: '#VALUE!' };
      ws.getCell('E2').value = true;
      ws.getCell('F2').value = { formula: 'TODAY()' }; // no cached result
      ws.getCell('A3').value = new Date(Date.UTC(2026, 0, 5));
      ws.getCell('B3').value = new Date(Date.UTC(2026, 6, 1));
      ws.getCell('B3').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('C3').value = { text: '链接文字', hyperlink: 'https://example.org' };
      ws.getCell('D3').value = { formula: 'A1', result: '合计' };
      ws.mergeCells('A5:C6');
      ws.getCell('A5').value = '资金来源';
      ws.getCell('E7').value = '  缩进的项目';
    });
  });

  test('sheet name, top/left = 1', () => {
    expect(g.sheet).toBe('预算表');
    expect([g.top, g.left]).toEqual([1, 1]);
    expect(g.cells).toHaveLength(7);
  });

  test('numbers keep their number format; text amounts stay text', () => {
    expect(cellAt(g, 1, 2)).toEqual({ value: 1648.49, numberFormat: '#,##0.00' });
    expect(cellAt(g, 1, 3)).toEqual({ value: '1,648.49' });
    expect(cellAt(g, 1, 1)).toEqual({ value: '合计' });
  });

  test('rich text is joined, indent comes from the alignment', () => {
    expect(cellAt(g, 2, 1)).toEqual({ value: '机构运行辅助经费', indent: 2 });
  });

  test('formulas give their cached result; errors are error values', () => {
    expect(cellAt(g, 2, 2)?.value).toBe(21.6);
    expect(cellAt(g, 2, 3)?.value).toEqual({ error: '#DIV/0!' });
    expect(cellAt(g, 2, 4)?.value).toEqual({ error: '#VALUE!' });
    expect(cellAt(g, 2, 5)?.value).toBe(true);
    // No cached result (a file written by a script): unreadable, not a blank that would read as 0.
    expect(cellAt(g, 2, 6)?.value).toEqual({ error: '#未计算' });
    expect(cellAt(g, 3, 4)?.value).toBe('合计');
  });

  test('dates become their display text', () => {
    expect(cellText(cellAt(g, 3, 1))).toBe('2026/1/5');
    expect(cellAt(g, 3, 2)?.value).toBe('2026年7月1日');
  });

  test('hyperlinks read as their text', () => {
    expect(cellAt(g, 3, 3)?.value).toBe('链接文字');
  });

  test('a merged area holds its value in the master cell only', () => {
    expect(cellAt(g, 5, 1)?.value).toBe('资金来源');
    expect(cellAt(g, 5, 2)).toBeUndefined();
    expect(cellAt(g, 6, 1)).toBeUndefined();
    expect(cellAt(g, 6, 3)).toBeUndefined();
  });

  test('blank rows and gaps hold no cells (a sparse grid); leading spaces are kept', () => {
    expect(rowEntries(g, 4)).toEqual([]);
    expect(rowNumbers(g)).not.toContain(4);
    expect(rowEntries(g, 7)[0][0]).toBe(5);
    expect(cellAt(g, 7, 5)?.value).toBe('  缩进的项目');
  });

  test('gridHasData', async () => {
    const grids = await roundTrip((wb) => {
      wb.addWorksheet('空');
      wb.addWorksheet('有').getCell('C3').value = 'x';
    });
    expect(grids.map(gridHasData)).toEqual([false, true]);
  });
});

describe('formatDate', () => {
  const d = new Date(Date.UTC(2026, 6, 1, 14, 5, 9));
  test.each([
    [undefined, '2026/7/1 14:05'],
    ['yyyy-mm-dd', '2026-07-01'],
    ['yyyy/m/d h:mm', '2026/7/1 14:05'],
    ['[$-804]yyyy"年"m"月"d"日"', '2026年7月1日'],
    ['yyyy.mm', '2026.07'],
    ['hh:mm:ss', '14:05:09'],
    ['h:mm AM/PM', '2:05 PM'],
    ['yyyy年m月d日 aaaa', '2026年7月1日 星期三'],
  ])('%s → %s', (fmt, text) => {
    expect(formatDate(d, fmt)).toBe(text);
  });
});

test('10,000 rows are read in a few seconds', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标']);
  for (let i = 0; i < 10_000; i++) {
    ws.addRow([
      `项目${i}`,
      10.5,
      10.5,
      null,
      null,
      '目标',
      '1、1-产出指标；11-数量指标；人数；实施周期指标值:≥4人；年度指标值:≥4人。',
    ]);
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'budget-check-read-')), 'big.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const t0 = Date.now();
  const { grids } = await readXlsx(readFileSync(file));
  const ms = Date.now() - t0;
  expect(grids[0].cells).toHaveLength(10_001);
  expect(cellAt(grids[0], 10_001, 1)?.value).toBe('项目9999');
  expect(ms).toBeLessThan(15_000);
});
