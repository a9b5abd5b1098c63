/**
 * Which runs get a capped child process: large workbooks by their sheets' XML, everything when the
 * user sets a cap, nothing inside the child itself.
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { CAP_ABOVE_XML_BYTES, DEFAULT_HEAP_MB, heapCapFor } from '../../src/cli/memory-cap';
import { buildXlsx } from '../helpers/xlsx-build';
import { ROOT, tempDir } from './helpers';

/** The heap limit of a process started without a cap on a machine with memory to spare. */
const BIG = 4096 * 2 ** 20;
const small = path.join(ROOT, 'test', 'fixtures', 'clean-export.xlsx');

/** A workbook whose one sheet inflates past the threshold (blank rows compress to almost nothing). */
function largeBook(dir: string): string {
  const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>';
  const xml = row + ' '.repeat(CAP_ABOVE_XML_BYTES + 1024);
  const file = path.join(dir, 'large.xlsx');
  writeFileSync(file, buildXlsx([{ name: 'Sheet1', xml }]));
  return file;
}

describe('heapCapFor', () => {
  const dir = tempDir();
  const large = largeBook(dir);

  test('a small workbook is checked in process', async () => {
    expect(await heapCapFor([small], {}, BIG)).toBeNull();
  });

  test('a workbook whose sheets inflate past the threshold gets the default cap', async () => {
    expect(await heapCapFor([large], {}, BIG)).toBe(DEFAULT_HEAP_MB);
    // Several small files do not add up to a large one; a large one among them does.
    expect(await heapCapFor([small, small], {}, BIG)).toBeNull();
    expect(await heapCapFor([small, large], {}, BIG)).toBe(DEFAULT_HEAP_MB);
  });

  test('an explicit cap applies to any workbook; nonsense is ignored', async () => {
    expect(await heapCapFor([small], { BUDGET_CHECK_HEAP_MB: '2000' })).toBe(2000);
    expect(await heapCapFor([small], { BUDGET_CHECK_HEAP_MB: 'lots' })).toBeNull();
    expect(await heapCapFor([small], { BUDGET_CHECK_HEAP_MB: '0' })).toBeNull();
  });

  test('the child never starts another child', async () => {
    expect(await heapCapFor([large], { BUDGET_CHECK_CAPPED: '1' })).toBeNull();
    expect(await heapCapFor([large], { BUDGET_CHECK_CAPPED: '1', BUDGET_CHECK_HEAP_MB: '2000' })).toBeNull();
  });

  test('a process started with a small heap already keeps it', async () => {
    expect(await heapCapFor([large], {}, 512 * 2 ** 20)).toBeNull();
  });

  test('missing and non-zip files are left to the check itself', async () => {
    const text = path.join(dir, 'notes.xlsx');
    writeFileSync(text, '不是工作簿');
    expect(await heapCapFor([path.join(dir, 'nope.xlsx'), text], {}, BIG)).toBeNull();
  });
});
