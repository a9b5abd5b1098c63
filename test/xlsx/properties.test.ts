/**
 * The reader is total: on any bytes it returns sheets or throws an XlsxReadError with a reason —
 * never anything else (no TypeError, no RangeError, no stack overflow).
 */
import fc from 'fast-check';
import { readFileSync } from 'fs';
import * as path from 'path';
import { strToU8 } from 'fflate';
import { readWorkbook, XlsxReadError, type SheetRead } from '../../src/xlsx';
import { zlibInflate } from '../../src/cli/read-xlsx';
import { buildXlsx } from '../helpers/xlsx-build';

/** What one read gives: its sheets, or the reason it refused. */
function outcome(bytes: Uint8Array, presentation: boolean, inflate?: typeof zlibInflate): SheetRead[] | string {
  try {
    return readWorkbook(bytes, { presentation, inflate });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return e.reason;
  }
}

/** Total with fflate's inflater (the preview) and with Node's zlib (the CLI), and both agree. */
function total(bytes: Uint8Array, presentation = false): void {
  expect(outcome(bytes, presentation, zlibInflate)).toEqual(outcome(bytes, presentation));
}

const sample = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'examples', 'sample.xlsx')));

test('random bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => total(b)),
    { numRuns: 300 },
  );
});

test('random bytes after a zip signature', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
      const bytes = new Uint8Array(b.length + 4);
      bytes.set([0x50, 0x4b, 0x03, 0x04]);
      bytes.set(b, 4);
      total(bytes);
    }),
    { numRuns: 300 },
  );
});

test('the sample with bytes overwritten or cut', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      fc.nat(sample.length),
      (edits, cut) => {
        const b = sample.slice(0, Math.max(cut, 30));
        for (const [at, v] of edits) if (at < b.length) b[at] = v;
        total(b, true);
      },
    ),
    { numRuns: 200 },
  );
});

const fragment = fc.constantFrom(
  '<row>',
  '</row>',
  '<row r="3">',
  '<row r="0">',
  '<row r="x">',
  '<c>',
  '<c r="B2">',
  '<c r="ZZZZ1">',
  '<c r="A0">',
  '<c t="s">',
  '<c t="d">',
  '<c t="b">',
  '<c t="e">',
  '<c t="inlineStr">',
  '<c s="999">',
  '</c>',
  '<v>',
  '</v>',
  '<v>1e999</v>',
  '<v>-0</v>',
  '<v>12</v>',
  '<v>abc</v>',
  '<f>A1</f>',
  '<is><t>x</t></is>',
  '<is><r><t>a</t></r><rPh><t>b</t></rPh></is>',
  '</sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="B:B"/><mergeCell ref="??"/></mergeCells><sheetData>',
  '&amp;',
  '_x001B_',
  '文字',
);

test('sheet XML made of random fragments', () => {
  fc.assert(
    fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
      total(buildXlsx([{ name: 'S', xml: parts.join('') }], { sharedStrings: ['a'] }), true);
    }),
    { numRuns: 150 },
  );
});

test('hostile relationship targets and parts stay inside the package', () => {
  const bytes = buildXlsx([{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }], {
    parts: {
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="../../../../etc/passwd"/><Relationship Id="rS" Type="x/sharedStrings" Target="http://example.org/x" TargetMode="External"/></Relationships>',
      ),
    },
  });
  expect(readWorkbook(bytes)).toEqual([]);
});
