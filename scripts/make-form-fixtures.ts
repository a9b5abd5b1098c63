/**
 * Writes one workbook per layout family of docs/layouts.md from test/fixtures/forms/families.ts
 * (the only copy of the data): test/fixtures/forms/<family>.xlsx, and <family>-defects.xlsx where a
 * family has a defects variant. Merged areas are merged in the workbook (the value in the master
 * cell, as Excel stores them). Deterministic bytes, like scripts/make-fixtures.ts. The forms of
 * test/fixtures/forms/unknown-forms.ts (provinces the survey did not cover) go to forms/unknown/.
 *
 *   npx ts-node --transpile-only scripts/make-form-fixtures.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CellValue } from '../src/core/grid';
import { FAMILIES } from '../test/fixtures/forms/families';
import { UNKNOWN_FORMS } from '../test/fixtures/forms/unknown-forms';
import { type FixtureRow, type FixtureWorkbook, toXlsxBuffer } from './make-fixtures';

export const FORM_FIXTURE_DIR = path.join('test', 'fixtures', 'forms');

function fixtureRows(rows: readonly CellValue[][]): FixtureRow[] {
  return rows.map((r) =>
    r.map((v) => {
      if (v === null || v === undefined) return null;
      if (typeof v === 'string' || typeof v === 'number')
        return { value: v, wrap: typeof v === 'string' && v.includes('\n') };
      return { value: String(v) };
    }),
  );
}

/** The workbooks to write: file name → workbook. */
export function formWorkbooks(): Map<string, FixtureWorkbook> {
  const out = new Map<string, FixtureWorkbook>();
  for (const f of [...FAMILIES, ...UNKNOWN_FORMS]) {
    const book = (rows: readonly CellValue[][], merges: string[]): FixtureWorkbook => ({
      // The reference fixtures' layout names do not apply; the field is informational only.
      layout: 'clean-export',
      file: f.file,
      sheets: [{ name: f.sheet, rows: fixtureRows(rows), merges, columnWidths: [] }],
    });
    out.set(f.file, book(f.rows, f.merges));
    if (f.defects) out.set(f.file.replace(/\.xlsx$/, '-defects.xlsx'), book(f.defects.rows, f.defects.merges));
  }
  return out;
}

export async function writeFormFixtures(root: string = path.resolve(__dirname, '..')): Promise<string[]> {
  const dir = path.join(root, FORM_FIXTURE_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, wb] of formWorkbooks()) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, await toXlsxBuffer(wb));
    written.push(target);
  }
  return written;
}

if (require.main === module) {
  writeFormFixtures().then(
    (files) => console.log(files.map((f) => path.relative(process.cwd(), f)).join('\n')),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
