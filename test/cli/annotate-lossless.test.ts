/**
 * An annotated copy that loses nothing: a workbook holding a chart, a drawing, an image, a pivot
 * table, VBA (.xlsm), threaded comments, a user's notes, data validation, conditional formats and
 * defined names goes through `--out`; every part the marks do not need is byte-identical (even
 * compressed), the parts that change keep what they held, and the marks are there.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readZip } from '../../src/cli/zip-package';
import { NOTE_HEADER } from '../../src/core/marks';
import { FIXTURES, run, sha256, tempDir } from './helpers';
import { partsOf, sheetPartName, text, type Parts } from './package';

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** defects.xlsx (a real table with findings on B2, G4, G5…) with every kind of part added. */
function richWorkbook(): Uint8Array {
  const z: Record<string, Uint8Array> = unzipSync(new Uint8Array(readFileSync(path.join(FIXTURES, 'defects.xlsx'))));
  const s = (name: string): string => strFromU8(z[name]);
  const put = (name: string, content: string | Uint8Array): void => {
    z[name] = typeof content === 'string' ? strToU8(content) : content;
  };
  let sheet = s('xl/worksheets/sheet1.xml');
  sheet = sheet.replace(
    '</sheetData>',
    '</sheetData><conditionalFormatting sqref="B2:B15"><cfRule type="cellIs" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="E2:E15"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
  );
  sheet = sheet.replace('</worksheet>', '<drawing r:id="rId91"/><legacyDrawing r:id="rId92"/></worksheet>');
  put('xl/worksheets/sheet1.xml', sheet);
  put(
    'xl/worksheets/_rels/sheet1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>' +
      '<Relationship Id="rId92" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>' +
      '<Relationship Id="rId93" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' +
      '<Relationship Id="rId94" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>' +
      '<Relationship Id="rId95" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/>' +
      '</Relationships>',
  );
  put(
    'xl/comments1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>王会计</author><author>tc=1</author></authors><commentList>' +
      '<comment ref="A1" authorId="0"><text><r><rPr><b/></rPr><t>王会计:</t></r><r><t xml:space="preserve">\n表头说明</t></r></text></comment>' +
      '<comment ref="G4" authorId="0"><text><r><rPr><b/></rPr><t>王会计:</t></r><r><t xml:space="preserve">\n请复核</t></r></text></comment>' +
      '<comment ref="G5" authorId="1"><text><t>[Threaded comment] 这条指标要改</t></text></comment>' +
      '</commentList></comments>',
  );
  // Excel's VML is in a legacy code page: one byte above 0x7F must come back unchanged.
  put(
    'xl/drawings/vmlDrawing1.vml',
    new Uint8Array([
      ...strToU8(
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><!-- caf',
      ),
      0xe9,
      ...strToU8(
        ' --><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape><v:shape id="_x0000_s1026" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>3</x:Row><x:Column>6</x:Column></x:ClientData></v:shape><v:shape id="_x0000_s1027" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>4</x:Row><x:Column>6</x:Column></x:ClientData></v:shape></xml>',
      ),
    ]),
  );
  put(
    'xl/threadedComments/threadedComment1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="G5" dT="2026-01-05T10:00:00.00" personId="{11111111-1111-1111-1111-111111111111}" id="{22222222-2222-2222-2222-222222222222}"><text>这条指标要改</text></threadedComment></ThreadedComments>',
  );
  put(
    'xl/persons/person.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="王会计" id="{11111111-1111-1111-1111-111111111111}" userId="w" providerId="None"/></personList>',
  );
  put(
    'xl/drawings/drawing1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><!-- a chart and a picture anchored here --></xdr:wsDr>',
  );
  put(
    'xl/drawings/_rels/drawing1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>',
  );
  put(
    'xl/charts/chart1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>',
  );
  const png = new Uint8Array(4096);
  for (let i = 0; i < png.length; i++) png[i] = (i * 7919) & 0xff;
  put('xl/media/image1.png', png);
  put(
    'xl/pivotTables/pivotTable1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="透视表1" cacheId="1"/>',
  );
  put(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  );
  const vba = new Uint8Array(2048);
  for (let i = 0; i < vba.length; i++) vba[i] = (i * 31 + 7) & 0xff;
  put('xl/vbaProject.bin', vba);
  put(
    'xl/workbook.xml',
    s('xl/workbook.xml').replace(
      '</sheets>',
      '</sheets><definedNames><definedName name="预算区域">Sheet1!$A$1:$G$15</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$G$15</definedName></definedNames>',
    ),
  );
  put(
    'xl/_rels/workbook.xml.rels',
    s('xl/_rels/workbook.xml.rels').replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  put(
    '[Content_Types].xml',
    s('[Content_Types].xml')
      .replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')
      .replace(
        '</Types>',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="png" ContentType="image/png"/></Types>',
      ),
  );
  return zipSync(z);
}

/** Parts that carry the marks; everything else must come back byte for byte. */
const MAY_CHANGE = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
  'xl/comments1.xml',
  'xl/drawings/vmlDrawing1.vml',
]);

describe('--out on a workbook with charts, pivots, VBA, threaded comments, notes, validation, formats and names', () => {
  let dir: string;
  let input: string;
  let out: string;
  let before: Parts;
  let after: Parts;
  let code: number;

  beforeAll(async () => {
    dir = tempDir();
    input = path.join(dir, 'rich.xlsm');
    out = path.join(dir, 'rich-annotated.xlsm');
    writeFileSync(input, richWorkbook());
    const hash = sha256(input);
    const r = await run([input, '--out', out, '--format', 'json']);
    code = r.code;
    expect(r.stderr).toBe('');
    expect(sha256(input)).toBe(hash);
    before = partsOf(input);
    after = partsOf(out);
  });

  test('the check ran (errors found) and the copy was written', () => {
    expect(code).toBe(1);
  });

  test('every part the marks do not need is byte-identical, compressed bytes included', () => {
    const raw = (file: string) => new Map(readZip(new Uint8Array(readFileSync(file))).map((e) => [e.name, e]));
    const a = raw(input);
    const b = raw(out);
    const untouched = Object.keys(before).filter((n) => !MAY_CHANGE.has(n));
    expect(untouched).toEqual(
      expect.arrayContaining([
        'xl/vbaProject.bin',
        'xl/charts/chart1.xml',
        'xl/media/image1.png',
        'xl/pivotTables/pivotTable1.xml',
        'xl/threadedComments/threadedComment1.xml',
      ]),
    );
    for (const name of untouched) {
      expect([name, Buffer.from(after[name] ?? []).equals(Buffer.from(before[name]))]).toEqual([name, true]);
      const x = a.get(name)!;
      const y = b.get(name)!;
      const bytes = (e: typeof x) => Buffer.from(e.source.subarray(e.dataStart, e.dataStart + e.compressedSize));
      expect(bytes(y).equals(bytes(x))).toBe(true);
    }
  });

  test('the changed parts keep what they held: validation, formats, drawing, names, VBA content type', () => {
    const sheet = text(after, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain(
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="E2:E15"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
    );
    expect(sheet).toContain('<conditionalFormatting sqref="B2:B15">');
    expect(sheet).toContain('<drawing r:id="rId91"/><legacyDrawing r:id="rId92"/>');
    const wb = text(after, 'xl/workbook.xml');
    expect(wb).toContain(
      '<definedName name="预算区域">Sheet1!$A$1:$G$15</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$G$15</definedName>',
    );
    expect(text(after, '[Content_Types].xml')).toContain('ms-excel.sheet.macroEnabled.main+xml');
    expect(text(after, 'xl/_rels/workbook.xml.rels')).toContain('Target="vbaProject.bin"');
    // The VML keeps its legacy-code-page byte and its shapes; new shapes are appended.
    const vml = after['xl/drawings/vmlDrawing1.vml'];
    const old = before['xl/drawings/vmlDrawing1.vml'];
    expect(
      Buffer.from(vml.subarray(0, old.length - '</xml>'.length)).equals(
        Buffer.from(old.subarray(0, old.length - '</xml>'.length)),
      ),
    ).toBe(true);
  });

  test('marks present: fills on flagged cells, notes merged with the user’s, none over a threaded comment', () => {
    const sheet = text(after, 'xl/worksheets/sheet1.xml');
    const styles = text(after, 'xl/styles.xml');
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g)!;
    const fills = /<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(styles)![1].match(/<fill>[\s\S]*?<\/fill>/g)!;
    const fillOfCell = (ref: string): string | undefined => {
      const c = new RegExp(`<c r="${ref}"[^>]*>`).exec(sheet)![0];
      const s = Number(/\bs="(\d+)"/.exec(c)?.[1] ?? 0);
      const fillId = Number(/fillId="(\d+)"/.exec(xfs[s])?.[1] ?? 0);
      return /fgColor rgb="([0-9A-F]+)"/.exec(fills[fillId])?.[1];
    };
    expect(fillOfCell('B2')).toBe('FFFFD6D6');
    expect(fillOfCell('G4')).toBe('FFFFD6D6');
    expect(fillOfCell('A1')).toBeUndefined();
    const comments = text(after, 'xl/comments1.xml');
    expect(comments).toContain(
      '<comment ref="A1" authorId="0"><text><r><rPr><b/></rPr><t>王会计:</t></r><r><t xml:space="preserve">\n表头说明</t></r></text></comment>',
    );
    expect(comments).toMatch(
      /<comment ref="G4" authorId="0"><text><r><rPr><b\/><\/rPr><t>王会计:<\/t><\/r><r><t xml:space="preserve">\n请复核<\/t><\/r><r><t xml:space="preserve">\n\n【预算绩效表校验】/,
    );
    expect(comments).toContain(
      '<comment ref="G5" authorId="1"><text><t>[Threaded comment] 这条指标要改</t></text></comment>',
    );
    expect(comments).toMatch(
      new RegExp(`<comment ref="B2" authorId="2"><text><r><t xml:space="preserve">${NOTE_HEADER['zh-CN']}`),
    );
    // One VML shape per new note, none for the cells that already had one.
    const shapes = strFromU8(after['xl/drawings/vmlDrawing1.vml']).match(
      /<x:Row>\d+<\/x:Row><x:Column>\d+<\/x:Column>/g,
    )!;
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  test('the indicator sheet is added as a new sheet with its table', () => {
    const part = sheetPartName(after, '指标明细');
    expect(part).not.toBe('xl/worksheets/sheet1.xml');
    expect(text(after, part)).toContain('<tablePart r:id="rId1"/>');
    expect(text(after, '[Content_Types].xml')).toContain(`PartName="/${part}"`);
    expect(text(after, 'xl/workbook.xml')).toContain(`xmlns:r="${NS_R}"`);
  });

  test('a macro-enabled workbook is copied to .xlsm only', async () => {
    const r = await run([input, '--out', path.join(dir, 'as.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out 的文件名应以 \.xlsm 结尾/);
  });

  test('the copy re-checks to the same findings', async () => {
    const a = await run([input, '--format', 'json']);
    const b = await run([out, '--format', 'json', '--sheet', 'Sheet1']);
    const strip = (s: string) => (JSON.parse(s) as { tables: unknown[] }).tables;
    expect(strip(b.stdout)).toEqual(strip(a.stdout));
  });
});
