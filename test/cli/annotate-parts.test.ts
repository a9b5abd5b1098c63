/**
 * The pieces of the annotated copy on small XML: cells patched in place or inserted in order, styles
 * appended, notes merged, and indicator-sheet text cut at Excel's 32,767-character limit.
 */
import { patchSheetCells, patchStyles, MINIMAL_STYLES } from '../../src/cli/annotate-cells';
import { commentPlainText, emptyComments, patchComments } from '../../src/cli/annotate-notes';
import { EXCEL_MAX_CELL_CHARS, fitCell, indicatorSheetXml, indicatorTableXml } from '../../src/cli/indicator-part';
import { addIndicatorStyles, type IndicatorStyles } from '../../src/cli/indicator-styles';
import { heldRows, indicatorSheet, type IndicatorSheet } from '../../src/core/indicator-sheet';
import type { Locale } from '../../src/core/messages/locale';
import { ooxmlText } from '../../src/cli/ooxml';

const sheet = (data: string) => `<worksheet xmlns="m"><dimension ref="A1:C9"/>${data}<pageMargins/></worksheet>`;

describe('patchSheetCells', () => {
  test('sets s on present cells, inserts absent cells and rows in order, keeps the rest', () => {
    const xml = sheet(
      '<sheetData><row r="2"><c r="A2" s="3" t="s"><v>0</v></c><c r="C2"><v>5</v></c></row><row r="5"><c r="B5"/></row></sheetData>',
    );
    const out = patchSheetCells(
      xml,
      new Map([
        ['A2', 7],
        ['B2', 8],
        ['D2', 9],
        ['A1', 10],
        ['B4', 11],
        ['C9', 12],
      ]),
    );
    expect(out).toBe(
      sheet(
        '<sheetData><row r="1"><c r="A1" s="10"/></row><row r="2"><c r="A2" s="7" t="s"><v>0</v></c><c r="B2" s="8"/><c r="C2"><v>5</v></c><c r="D2" s="9"/></row>' +
          '<row r="4"><c r="B4" s="11"/></row><row r="5"><c r="B5"/></row><row r="9"><c r="C9" s="12"/></row></sheetData>',
      ),
    );
  });

  test('rows and cells without r get one, so positions after an insertion do not shift', () => {
    const xml = sheet('<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData>');
    const out = patchSheetCells(
      xml,
      new Map([
        ['B1', 4],
        ['A2', 5],
      ]),
    );
    expect(out).toBe(
      sheet(
        '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="4"><v>2</v></c></row><row r="2"><c r="A2" s="5"><v>3</v></c></row></sheetData>',
      ),
    );
  });

  test('an empty, self-closed sheetData and prefixed SpreadsheetML', () => {
    expect(patchSheetCells(sheet('<sheetData/>'), new Map([['B3', 1]]))).toBe(
      sheet('<sheetData><row r="3"><c r="B3" s="1"/></row></sheetData>'),
    );
    const x =
      '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(patchSheetCells(x, new Map([['A1', 2]]))).toBe(
      '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" s="2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
  });

  test('a `>` inside an attribute value does not end the tag', () => {
    const xml = sheet('<sheetData><row r="1" x:note="a>b"><c r="A1" x:note="c>d"><v>1</v></c></row></sheetData>');
    expect(patchSheetCells(xml, new Map([['A1', 2]]))).toContain('<c r="A1" x:note="c>d" s="2"><v>1</v></c>');
  });
});

describe('patchStyles', () => {
  test('appends one fill per severity and one xf per (base, severity), counts updated', () => {
    const p = patchStyles(MINIMAL_STYLES, { error: '#FFD6D6', warning: '#FFE9B3', info: '#DDEBFA' }, [
      [0, 'error'],
      [0, 'error'],
      [0, 'info'],
    ]);
    expect(p.xml).toContain('<fills count="5">');
    expect(p.xml).toContain('<cellXfs count="3">');
    expect(p.styleFor(0, 'error')).toBe(1);
    expect(p.styleFor(0, 'info')).toBe(2);
    expect(p.xml).toContain('<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>');
    expect(p.xml).toContain('<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1"/>');
  });

  test('a styles part without <fills> or <cellXfs> gets them in schema order (with its prefix)', () => {
    const bare =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:fonts count="1"><x:font/></x:fonts><x:borders count="1"><x:border/></x:borders>' +
      '<x:cellStyles count="1"><x:cellStyle name="Normal" xfId="0" builtinId="0"/></x:cellStyles>' +
      '<x:dxfs count="0"/></x:styleSheet>';
    const p = patchStyles(bare, { error: '#FFD6D6', warning: '#FFE9B3', info: '#DDEBFA' }, [[0, 'error']]);
    const order = [...p.xml.matchAll(/<x:(\w+) count=/g)].map((m) => m[1]);
    expect(order).toEqual(['fonts', 'fills', 'borders', 'cellXfs', 'cellStyles', 'dxfs']);
    // Excel's two reserved fills come first: ours start at 2.
    expect(p.xml).toContain('<x:fills count="5"><x:fill><x:patternFill patternType="none"/></x:fill>');
    expect(p.xml).toMatch(/<x:cellXfs count="1"><x:xf [^>]*fillId="2"/);
  });
});

describe('patchComments', () => {
  test('a note of an earlier run is replaced, not stacked', () => {
    const first = patchComments(emptyComments(), new Map([['B2', '【预算绩效表校验】\n错误：一']]));
    expect(first.added).toEqual(['B2']);
    const again = patchComments(first.xml, new Map([['B2', '【预算绩效表校验】\n错误：二']]));
    expect(again.added).toEqual([]);
    expect(commentPlainText(again.xml)).toBe('【预算绩效表校验】\n错误：二');
  });

  test('control characters from cell text are written as OOXML escapes and read back', () => {
    const note = '名称\u001b[2J_x0041_';
    const r = patchComments(emptyComments(), new Map([['A1', note]]));
    // eslint-disable-next-line no-control-regex
    expect(r.xml).not.toMatch(/\u001b/);
    expect(commentPlainText(r.xml)).toBe(note);
    expect(ooxmlText('a<b&_x0041_\u0007')).toBe('a&lt;b&amp;_x005F_x0041__x0007_');
  });
});

/** The sheet part's XML, its pieces joined. */
function sheetXml(s: IndicatorSheet, locale: Locale, styles?: IndicatorStyles): string {
  const decoder = new TextDecoder();
  let xml = '';
  for (const chunk of indicatorSheetXml(heldRows(s), locale, { relId: 'rId1' }, styles))
    xml += decoder.decode(chunk, { stream: true });
  return xml + decoder.decode();
}

describe('the indicator sheet', () => {
  test('text over 32,767 characters is cut with a marker; shorter text is kept', () => {
    const long = '长'.repeat(40000);
    const cut = fitCell(long, 'zh-CN');
    expect(cut.length).toBe(EXCEL_MAX_CELL_CHARS);
    expect(cut.endsWith('…（已截断）')).toBe(true);
    expect(fitCell('短', 'zh-CN')).toBe('短');
    // A surrogate pair is not split at the cut.
    const emoji = fitCell('😀'.repeat(20000), 'en-US');
    expect(emoji.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
    expect(/[\uD800-\uDBFF]…/.test(emoji)).toBe(false);
  });

  test('a 40,000-character finding becomes a cell Excel accepts', () => {
    const header = ['项目', '来源单元格', '问题'];
    const one = {
      name: '指标明细',
      tableName: 'T',
      header,
      rows: [['甲', 'S!G4', 'x'.repeat(40000)]],
      sources: [{ sheet: 'S', cell: 'G4' }],
    };
    const xml = sheetXml(one, 'zh-CN');
    const texts = [...xml.matchAll(/<t(?: xml:space="preserve")?>([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(Math.max(...texts.map((t) => t.length))).toBe(EXCEL_MAX_CELL_CHARS);
    expect(xml).toContain(`<hyperlink ref="B2" location="'S'!$G$4"/>`);
    expect(indicatorTableXml(heldRows(one), { id: 1, name: 'T' })).toContain('ref="A1:C2"');
  });

  test('each row links to its source cell: the sheet name quoted and escaped, the cell made absolute', () => {
    const xml = sheetXml(
      {
        name: '指标明细',
        tableName: 'T',
        header: ['项目', '来源单元格', '问题'],
        rows: [
          ['甲', 'x', ''],
          ['乙', 'y', ''],
          ['丙', 'z', ''],
        ],
        sources: [
          { sheet: "O'Brien & <表>", cell: 'G4' },
          { sheet: 'Sheet1', cell: 'aa10' },
          { sheet: "O'Brien & <表>", cell: 'G5' },
        ],
      },
      'zh-CN',
    );
    const links = [...xml.matchAll(/<hyperlink ref="([^"]+)" location="([^"]*)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['B2', "'O''Brien &amp; &lt;表&gt;'!$G$4"],
      ['B3', "'Sheet1'!$aa$10"],
      ['B4', "'O''Brien &amp; &lt;表&gt;'!$G$5"],
    ]);
  });

  test('the long-text columns wrap by position, whatever their titles say', () => {
    const styles = { header: 7, wrap: 8, link: 9 };
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const real = indicatorSheet([], locale).header;
      // Renamed titles (`项目名称`, …) must not turn the wrapping off.
      const header = real.map((h) => `${h}（改）`);
      const row = header.map((_h, c) => (c === 1 ? 'S!G4' : `v${c}`));
      const xml = sheetXml(
        { name: '指标明细', tableName: 'T', header, rows: [row], sources: [{ sheet: 'S', cell: 'G4' }] },
        locale,
        styles,
      );
      const wrapped = [...xml.matchAll(/<c r="([A-Z]+)2" s="8"/g)].map((m) => real[m[1].charCodeAt(0) - 65]);
      expect(wrapped).toEqual(
        locale === 'zh-CN'
          ? ['项目', '三级指标', '实施周期·文字', '年度·文字', '问题']
          : ['Project', 'Level 3', 'Period text', 'Annual text', 'Findings'],
      );
      expect(xml).toContain('<c r="B2" s="9"');
    }
  });

  test('whitespace at an end or a line break is preserved; plain text is written without the marker', () => {
    const xml = sheetXml(
      {
        name: '指标明细',
        tableName: 'T',
        header: ['项目', '来源单元格', '问题'],
        rows: [[' 甲', 'S!G4', '一\n二']],
        sources: [{ sheet: 'S', cell: 'G4' }],
      },
      'zh-CN',
    );
    expect(xml).toContain('<t xml:space="preserve"> 甲</t>');
    expect(xml).toContain('<t xml:space="preserve">一\n二</t>');
    expect(xml).toContain('<t>S!G4</t>');
  });
});

describe('the indicator sheet’s formats in styles.xml', () => {
  const xfsOf = (xml: string) => /<(?:x:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:x:)?cellXfs>/.exec(xml)![1];

  test('bold and link copies of the default font and three formats are appended; earlier indices stay', () => {
    const { xml, styles } = addIndicatorStyles(MINIMAL_STYLES);
    expect(xml).toContain('<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>');
    expect(xml).toContain('<font><b/><sz val="11"/><name val="Calibri"/></font>');
    expect(xml).toContain('<font><u/><color theme="10"/><sz val="11"/><name val="Calibri"/></font>');
    expect(styles).toEqual({ header: 1, wrap: 2, link: 3 });
    const xfs = xfsOf(xml).match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
    expect(xfs[0]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(xfs[styles.header]).toMatch(/fontId="1"/);
    expect(xfs[styles.wrap]).toContain('<alignment vertical="top" wrapText="1"/>');
    expect(xfs[styles.link]).toMatch(/fontId="2"/);
  });

  test('a prefixed part gets prefixed elements; a part without fonts or formats is still written', () => {
    const prefixed = MINIMAL_STYLES.replace(/<(\/?)(\w)/g, '<$1x:$2')
      .replace('<x:?xml', '<?xml')
      .replace('xmlns=', 'xmlns:x=');
    const { xml } = addIndicatorStyles(prefixed);
    expect(xml).toContain('<x:font><x:b/><x:sz val="11"/><x:name val="Calibri"/></x:font>');
    expect(xfsOf(xml)).toContain('<x:alignment vertical="top" wrapText="1"/></x:xf>');
    const bare = addIndicatorStyles('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    expect(bare.styles).toEqual({ header: 1, wrap: 2, link: 3 });
    expect(bare.xml).toMatch(/<cellXfs count="4"><xf numFmtId="0" fontId="0"/);
  });

  test('a missing <fonts> or <cellXfs> is inserted where the schema puts it, before the later children', () => {
    const children = (xml: string) =>
      [...xml.matchAll(/<(?:x:)?(\w+)\b[^>]*?(\/?)>|<\/(?:x:)?(\w+)>/g)].reduce<{ depth: number; names: string[] }>(
        (acc, m) => {
          if (m[3]) acc.depth--;
          else {
            if (acc.depth === 1) acc.names.push(m[1]);
            if (!m[2]) acc.depth++;
          }
          return acc;
        },
        { depth: 0, names: [] },
      ).names;
    const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'extLst'];
    const body =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts>' +
      '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
      '<borders count="1"><border/></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><extLst><ext uri="{x}"><x14:slicerStyles defaultSlicerStyle="S"/></ext></extLst>';
    for (const prefix of ['', 'x:']) {
      const part = `<styleSheet xmlns="m">${body}</styleSheet>`.replace(/<(\/?)(?!x14)(\w+)/g, `<$1${prefix}$2`);
      const { xml, styles } = addIndicatorStyles(part);
      expect(children(xml)).toEqual(order);
      expect(styles).toEqual({ header: 1, wrap: 2, link: 3 });
      expect(xml).toContain(`<${prefix}font><${prefix}b/><${prefix}sz val="11"/>`);
      // Without <cellStyles>, <dxfs> or <extLst> after it, cellXfs still follows cellStyleXfs.
      const short = addIndicatorStyles(part.replace(/<(x:)?cellStyles[\s\S]*(?=<\/(x:)?styleSheet>)/, ''));
      expect(children(short.xml)).toEqual(order.slice(0, 6));
    }
  });
});
