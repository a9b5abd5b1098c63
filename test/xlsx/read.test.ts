/**
 * The reader on what ExcelJS cannot make or refuses: valid OOXML written by other tools, dates
 * under the Chinese built-in formats, sheets at Excel's limits, hostile packages.
 */
import { strToU8, zipSync } from 'fflate';
import { cellAt, cellText } from '../../src/core/grid';
import { readWorkbook, XlsxReadError, type XlsxFailure } from '../../src/xlsx';
import { excelJsGrids } from '../helpers/exceljs-grid';
import { buildXlsx, stylesXml } from '../helpers/xlsx-build';

function failure(f: () => unknown): XlsxFailure | 'none' {
  try {
    f();
    return 'none';
  } catch (e) {
    if (e instanceof XlsxReadError) return e.reason;
    throw e;
  }
}

describe('valid OOXML that ExcelJS refuses or misreads', () => {
  const rowsWithoutR = buildXlsx([
    {
      name: 'S',
      xml: '<row><c t="inlineStr"><is><t>项目名称</t></is></c><c><v>1</v></c></row><row><c r="B2"><v>2</v></c></row>',
    },
  ]);

  test('rows and cells without r= follow the previous one', async () => {
    await expect(excelJsGrids(rowsWithoutR)).rejects.toThrow();
    const [s] = readWorkbook(rowsWithoutR);
    expect(cellAt(s.grid, 1, 1)?.value).toBe('项目名称');
    expect(cellAt(s.grid, 1, 2)?.value).toBe(1);
    expect(cellAt(s.grid, 2, 2)?.value).toBe(2);
  });

  test('prefixed SpreadsheetML elements (x:c) read like plain ones', () => {
    const bytes = buildXlsx([{ name: 'S', xml: '' }], {
      parts: {
        'xl/worksheets/sheet1.xml': strToU8(
          '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="3"><x:c r="C3" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>',
        ),
      },
      sharedStrings: ['合计'],
    });
    expect(cellAt(readWorkbook(bytes)[0].grid, 3, 3)?.value).toBe('合计');
  });

  test('rich text shared strings are joined without their phonetic guides', () => {
    const bytes = buildXlsx([{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], {
      parts: {
        'xl/sharedStrings.xml': strToU8(
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>机构</t></r><r><t xml:space="preserve">运行 </t></r><rPh sb="0" eb="1"><t>jigou</t></rPh></si></sst>',
        ),
      },
    });
    expect(cellAt(readWorkbook(bytes)[0].grid, 1, 1)?.value).toBe('机构运行 ');
  });

  test('OOXML escapes (_x001B_) are decoded, so the output layer sees the real character', () => {
    const bytes = buildXlsx([
      { name: 'S', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>a_x001B_b</t></is></c></row>' },
    ]);
    expect(cellAt(readWorkbook(bytes)[0].grid, 1, 1)?.value).toBe('a\u001bb');
  });
});

describe('dates are text, never amounts', () => {
  const xfs: [number, number?][] = [[31], [57], [22], [14], [4], [164], [0, 2]];
  const styles = stylesXml(xfs, { 164: '0.00_ "万元"' });
  const serial = 46027; // 2026-01-05
  const row = xfs.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>${serial}</v></c>`).join('');
  const bytes = buildXlsx(
    [{ name: 'S', xml: `<row r="1">${row}</row><row r="2"><c r="A2" t="d"><v>2026-01-05T00:00:00</v></c></row>` }],
    { styles },
  );
  const [s] = readWorkbook(bytes);

  test('Chinese built-in date formats 27–36 and 50–58 give their date text', () => {
    expect(cellAt(s.grid, 1, 1)?.value).toBe('2026年1月5日');
    expect(cellAt(s.grid, 1, 2)?.value).toBe('2026年1月');
  });

  test('id 22 is the short date and time, id 14 the short date', () => {
    expect(cellAt(s.grid, 1, 3)?.value).toBe('2026/1/5 0:00');
    expect(cellAt(s.grid, 1, 4)?.value).toBe('2026/1/5');
  });

  test('number formats stay numbers with their code; indent comes from the style', () => {
    expect(cellAt(s.grid, 1, 5)).toEqual({ value: serial, numberFormat: '#,##0.00' });
    expect(cellAt(s.grid, 1, 6)).toEqual({ value: serial, numberFormat: '0.00_ "万元"' });
    expect(cellAt(s.grid, 1, 7)).toEqual({ value: serial, indent: 2 });
  });

  test('a t="d" cell is its date text, not its year', () => {
    expect(cellText(cellAt(s.grid, 2, 1))).toBe('2026/1/5');
  });
});

describe('formulas', () => {
  const bytes = buildXlsx([
    {
      name: 'S',
      xml: '<row r="1"><c r="A1"><f>B1+C1</f><v>21.6</v></c><c r="B1"><f>TODAY()</f></c><c r="C1" t="str"><f>A2</f><v>合计</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="b"><v>1</v></c></row>',
    },
  ]);
  const [s] = readWorkbook(bytes);
  test('cached results are the values; an uncomputed formula is unreadable, not 0', () => {
    expect(cellAt(s.grid, 1, 1)?.value).toBe(21.6);
    expect(cellAt(s.grid, 1, 2)?.value).toEqual({ error: '#未计算' });
    expect(cellAt(s.grid, 1, 3)?.value).toBe('合计');
    expect(cellAt(s.grid, 1, 4)?.value).toEqual({ error: '#DIV/0!' });
    expect(cellAt(s.grid, 1, 5)?.value).toBe(true);
  });
});

describe("Excel's limits and far-away cells", () => {
  test('a cell at XFD1048576 is read without allocating the box', () => {
    const bytes = buildXlsx([
      {
        name: 'S',
        xml: '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t> </t></is></c></row>',
      },
    ]);
    const [s] = readWorkbook(bytes);
    expect(cellAt(s.grid, 1048576, 16384)?.value).toBe(' ');
    expect(s.grid.cells.length).toBe(1048576);
    let present = 0;
    s.grid.cells.forEach((r) => r?.forEach((c) => (present += c ? 1 : 0)));
    expect(present).toBe(2);
    expect(Object.keys(s.grid.cells).length).toBe(2);
  });

  test.each([
    ['<row r="1048577"><c><v>1</v></c></row>'],
    ['<row r="2147483647"><c r="A2147483647"><v>1</v></c></row>'],
    ['<row r="1"><c r="XFE1"><v>1</v></c></row>'],
  ])('%s is refused', (xml) => {
    expect(failure(() => readWorkbook(buildXlsx([{ name: 'S', xml }])))).toBe('beyond-limits');
  });

  test('a merge over the whole sheet is clipped to the data and costs nothing', () => {
    const bytes = buildXlsx(
      [
        {
          name: 'S',
          xml: '<row r="1"><c r="H1"><v>1</v></c><c r="I1"><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="H1:XFD1048576"/></mergeCells><sheetData>',
        },
      ],
      {},
    );
    const t0 = Date.now();
    const [s] = readWorkbook(bytes, { presentation: true });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(cellAt(s.grid, 1, 8)?.value).toBe(1);
    expect(cellAt(s.grid, 1, 9)).toBeUndefined();
    expect(s.presentation?.merges).toEqual(['H1:I1']);
  });

  test.each([100_000, 1_048_576])('a %d-row sheet reads without a stack overflow', (rows) => {
    const parts: string[] = [];
    for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const [s] = readWorkbook(buildXlsx([{ name: 'S', xml: parts.join('') }]));
    expect(s.grid.cells.length).toBe(rows);
    expect(cellAt(s.grid, rows, 1)?.value).toBe(rows);
  });
});

describe('not a workbook, or not one we read', () => {
  test.each([
    ['empty', new Uint8Array(0), 'not-zip'],
    ['text', strToU8('项目名称,总计'), 'not-zip'],
    [
      'OLE (.xls, .et, encrypted .xlsx)',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'ole',
    ],
    ['a zip with no workbook', zipSync({ 'a.txt': strToU8('x') }), 'corrupt'],
    [
      'an .ods',
      zipSync({
        mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
        'content.xml': strToU8('<office:document-content/>'),
      }),
      'ods',
    ],
    ['a .numbers', zipSync({ 'Index/Document.iwa': new Uint8Array(10) }), 'numbers'],
    ['truncated', buildXlsx([{ name: 'S', xml: '' }]).subarray(0, 300), 'corrupt'],
  ])('%s', (_, bytes, reason) => {
    expect(failure(() => readWorkbook(bytes as Uint8Array))).toBe(reason);
  });

  test('a DOCTYPE (entity expansion) is refused as corrupt', () => {
    const bytes = buildXlsx([{ name: 'S', xml: '' }], {
      parts: {
        'xl/sharedStrings.xml': strToU8(
          '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst><si><t>&a;</t></si></sst>',
        ),
      },
    });
    expect(failure(() => readWorkbook(bytes))).toBe('corrupt');
  });

  test('malformed XML in a sheet is corrupt, not a crash', () => {
    const bytes = buildXlsx([{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</c></row>' }]);
    expect(failure(() => readWorkbook(bytes))).toBe('corrupt');
  });
});
