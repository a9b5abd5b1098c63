/**
 * The --out patcher on arbitrary input never fails any other way than with its own clear error:
 * readZip on any bytes returns entries or throws ZipPackageError; annotatePackage on any mutation
 * of a real package returns a copy or throws AnnotateError (main turns that into exit 2); the XML
 * patchers on any text return text.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { AnnotateError, annotatePackage } from '../../src/cli/annotate';
import { patchSheetCells } from '../../src/cli/annotate-cells';
import { commentPlainText, patchComments } from '../../src/cli/annotate-notes';
import { readZip, ZipPackageError } from '../../src/cli/zip-package';
import type { TableReport } from '../../src/core/report';
import { FIXTURES } from './helpers';

const base = new Uint8Array(readFileSync(path.join(FIXTURES, 'defects.xlsx')));
const table = {
  sheet: 'Sheet1',
  findings: [
    { cell: 'B2', severity: 'error', message: '合计\u001b不符', rule: 'x', row: 2, project: null, indicator: null },
  ],
  indicators: [],
} as unknown as TableReport;

test('readZip: entries or ZipPackageError, on any bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      try {
        readZip(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(ZipPackageError);
      }
    }),
    { numRuns: 300 },
  );
});

test('annotatePackage: a copy or AnnotateError, on any byte mutation of a real package', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 6,
      }),
      async (edits) => {
        const bytes = new Uint8Array(base);
        for (const [at, v] of edits) bytes[at] = v;
        try {
          const r = await annotatePackage(bytes, [table], 'zh-CN');
          expect(readZip(r.bytes).length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(AnnotateError);
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('the XML patchers return text on any text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('A1', 'B2', 'XFD1048576'), (xml, ref) => {
      expect(typeof patchSheetCells(`<sheetData>${xml}</sheetData>`, new Map([[ref, 1]]))).toBe('string');
      expect(typeof patchSheetCells(xml, new Map([[ref, 1]]))).toBe('string');
      expect(typeof patchComments(`<comments>${xml}</comments>`, new Map([[ref, '注']])).xml).toBe('string');
      expect(typeof commentPlainText(xml)).toBe('string');
    }),
    { numRuns: 300 },
  );
});
