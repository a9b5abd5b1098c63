/**
 * Each kind of unusable file gets its own reason (exit 2, one line): a zip bomb is "too large",
 * not "not a workbook"; an .ods, .numbers or .et is named. Legacy .xls is read.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { cellText } from '../../src/core/grid';
import { readXlsGrids } from '../../src/cli/read-xls';
import { readWorkbook } from '../../src/xlsx';
import { buildXlsx } from '../helpers/xlsx-build';
import { expectOneLineNoStack, ROOT, run, tempDir } from './helpers';

const dir = tempDir();
function file(name: string, bytes: Uint8Array): string {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

test('a zip bomb: exit 2, "文件解压后过大，疑似压缩炸弹"', async () => {
  const spaces = new Uint8Array(40 * 1024 * 1024).fill(0x20);
  spaces.set(strToU8('<worksheet><sheetData>'));
  const f = file('bomb.xlsx', buildXlsx([{ name: 'S', xml: '' }], { parts: { 'xl/worksheets/sheet1.xml': spaces } }));
  const r = await run([f]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('文件解压后过大，疑似压缩炸弹');
  expectOneLineNoStack(r.stderr);
});

test.each([
  [
    'book.ods',
    zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }),
    'OpenDocument',
  ],
  ['book.numbers', zipSync({ 'Index/Document.iwa': new Uint8Array(8) }), 'Apple Numbers'],
  ['book.et', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'WPS'],
  ['far.xlsx', buildXlsx([{ name: 'S', xml: '<row r="1048577"><c><v>1</v></c></row>' }]), '超出 Excel 的范围'],
])('%s has its own reason', async (name, bytes, words) => {
  const r = await run([file(name, bytes)]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(words);
  expect(r.stderr).not.toContain('不是有效的 Excel 工作簿（.xlsx）：');
  expectOneLineNoStack(r.stderr);
});

describe('legacy .xls', () => {
  const sample = readFileSync(path.join(ROOT, 'examples', 'sample.xlsx'));
  // The sample saved as BIFF8 by SheetJS, as a budget system's export would be.
  const xls = XLSX.write(XLSX.read(sample, { type: 'buffer', cellStyles: true }), {
    bookType: 'biff8',
    type: 'buffer',
  }) as Buffer;

  test('reads the same values as the .xlsx (indent aside)', async () => {
    const fromXls = await readXlsGrids(new Uint8Array(xls));
    const fromXlsx = readWorkbook(sample);
    expect(fromXls.map((g) => g.sheet)).toEqual(fromXlsx.map((s) => s.grid.sheet));
    // SheetJS's BIFF8 *writer* cuts strings at 255 characters (BIFF8 itself holds 32,767): compare
    // what the fixture can carry.
    const texts = (g: (typeof fromXls)[number]): string[][] =>
      g.cells.map((row) => (row ?? []).map((c) => cellText(c).slice(0, 255)));
    expect(texts(fromXls[0])).toEqual(texts(fromXlsx[0].grid));
  });

  test('the CLI checks an .xls', async () => {
    const r = await run([file('sample.xls', new Uint8Array(xls)), '--format', 'json']);
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout) as { tables: { summary: { projects: number } }[] };
    expect(report.tables.length).toBeGreaterThan(0);
  });

  test('a broken .xls is "not a workbook", exit 2', async () => {
    const r = await run([file('broken.xls', strToU8('not really an xls'))]);
    expect(r.code).toBe(2);
    expectOneLineNoStack(r.stderr);
  });
});
