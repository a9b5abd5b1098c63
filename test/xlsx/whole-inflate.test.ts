/**
 * The CLI inflates parts with Node's zlib in one piece (src/cli/read-xlsx.ts), the preview streams
 * them through fflate: both must read every workbook the same, and the one-piece path must never
 * inflate more than the caps allow or more than an entry declares.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { UnzipInflate } from 'fflate';
import { readWorkbook, XlsxReadError, type SheetRead, type WholeInflate } from '../../src/xlsx';
import { zlibInflate } from '../../src/cli/read-xlsx';
import { buildXlsx } from '../helpers/xlsx-build';

const MB = 1024 * 1024;
const ROOT = path.join(__dirname, '..', '..');

function outcome(bytes: Uint8Array, presentation: boolean, inflate?: WholeInflate): SheetRead[] | string {
  try {
    return readWorkbook(bytes, { presentation, inflate });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return e.reason;
  }
}

/** zlibInflate, counting what it is asked for. */
function spy(): { inflate: WholeInflate; declared: number[] } {
  const declared: number[] = [];
  return {
    declared,
    inflate: (raw, size) => {
      declared.push(size);
      return zlibInflate(raw, size);
    },
  };
}

const workbooks = [
  path.join(ROOT, 'examples', 'sample.xlsx'),
  ...['test/fixtures', 'test/fixtures/forms'].flatMap((d) =>
    readdirSync(path.join(ROOT, d))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(ROOT, d, f)),
  ),
];

test.each(workbooks.map((f) => [path.relative(ROOT, f)]))('%s reads the same through zlib in one piece', (f) => {
  const bytes = new Uint8Array(readFileSync(path.join(ROOT, f)));
  for (const presentation of [false, true]) {
    const s = spy();
    expect(outcome(bytes, presentation, s.inflate)).toEqual(outcome(bytes, presentation));
    expect(s.declared.length).toBeGreaterThan(0);
  }
});

const sheet = {
  name: 'S',
  xml: '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>项目</t></is></c></row>',
};

/** The local header of `name` made to declare `size` uncompressed bytes (what streaming reads). */
function declare(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const want = new TextEncoder().encode(name);
  for (let i = 0; i + 30 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x04034b50) continue;
    const n = view.getUint16(i + 26, true);
    if (n === want.length && want.every((b, k) => out[i + 30 + k] === b)) {
      view.setUint32(i + 22, size, true);
      return out;
    }
  }
  throw new Error(`no local header for ${name}`);
}

test('an entry that inflates past what its header declares is streamed, and reads the same', () => {
  const bytes = declare(buildXlsx([sheet]), 'xl/worksheets/sheet1.xml', 10);
  const s = spy();
  const read = outcome(bytes, false, s.inflate);
  expect(s.declared).toContain(10);
  expect(read).toEqual(outcome(bytes, false));
  expect((read as SheetRead[])[0].grid.cells[0]?.[1]?.value).toBe('项目');
});

test('an entry the caps would stop is never inflated in one piece', () => {
  const padding = new Uint8Array(8 * MB).fill(0x20);
  padding.set(new TextEncoder().encode('<sst>'));
  padding.set(new TextEncoder().encode('</sst>'), padding.length - 6);
  const bytes = buildXlsx([sheet], { parts: { 'xl/sharedStrings.xml': padding } });
  // The declared size passes the total cap (checked before any inflating) but not the ratio to the
  // file's size, which streaming checks as the bytes come.
  const limits = { maxTotal: 640 * MB, maxRatio: 10, ratioFloor: MB };
  const s = spy();
  expect(readWorkbook.bind(null, bytes, { limits, inflate: s.inflate })).toThrow(XlsxReadError);
  expect(s.declared.some((d) => d >= 8 * MB)).toBe(false);
  // …while under the default caps the same part goes in one piece.
  const t = spy();
  expect(outcome(bytes, false, t.inflate)).toEqual(outcome(bytes, false));
  expect(t.declared).toContain(8 * MB);
});

test('entries without sizes in their local header (a data descriptor) stream', async () => {
  const zip = await JSZip.loadAsync(buildXlsx([sheet]));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', streamFiles: true });
  const s = spy();
  expect(outcome(bytes, false, s.inflate)).toEqual(outcome(bytes, false));
  expect(s.declared).toEqual([]);
  expect((outcome(bytes, false) as SheetRead[])[0].grid.cells[0]?.[0]?.value).toBe(1);
});

test('a corrupt deflated part is "corrupt" on both paths', () => {
  const good = buildXlsx([sheet]);
  // Overwrite the start of the sheet's deflate stream with a block type deflate does not have (11).
  const bytes = good.slice();
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 30 < bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x04034b50) continue;
    const n = view.getUint16(i + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(i + 30, i + 30 + n));
    if (name === 'xl/worksheets/sheet1.xml') bytes[i + 30 + n + view.getUint16(i + 28, true)] = 0xff;
  }
  expect(outcome(bytes, false, zlibInflate)).toBe('corrupt');
  expect(outcome(bytes, false)).toBe('corrupt');
});

test('the total cap counts the parts inflated before: a part that would pass it streams', () => {
  const part = (tag: string): Uint8Array => {
    const p = new Uint8Array(1.5 * MB).fill(0x20);
    p.set(new TextEncoder().encode(`<${tag}>`));
    p.set(new TextEncoder().encode(`</${tag}>`), p.length - tag.length - 3);
    return p;
  };
  const bytes = buildXlsx([sheet], {
    parts: { 'xl/sharedStrings.xml': part('sst'), 'xl/styles.xml': part('styleSheet') },
  });
  const limits = { maxTotal: 2 * MB, maxRatio: 1e9, ratioFloor: 0 };
  const s = spy();
  expect(readWorkbook.bind(null, bytes, { limits, inflate: s.inflate })).toThrow(XlsxReadError);
  expect(s.declared.filter((d) => d === 1.5 * MB)).toHaveLength(1);
});

test('a bomb whose header claims a few KB is stopped in slices, never inflated in one piece', () => {
  // 120 MB of spaces deflate to ~120 KB; the header says 3,500 bytes, so zlib gives up at once and
  // the entry streams. Pushed whole to fflate it was inflated in one call (2 GB took 4.9 GB resident).
  const padding = new Uint8Array(120 * MB).fill(0x20);
  padding.set(new TextEncoder().encode('<worksheet><sheetData>'));
  const name = 'xl/worksheets/sheet1.xml';
  const bytes = declare(buildXlsx([sheet], { parts: { [name]: [padding, { level: 6 }] } }), name, 3500);
  const s = spy();
  expect(outcome(bytes, false, s.inflate)).toBe('too-large');
  expect(s.declared).toContain(3500);
  // fflate's inflater got the entry in slices (one push inflates at most ~1,000× its size), as it
  // gets the archive itself: never the whole compressed entry in one push.
  const push = jest.spyOn(UnzipInflate.prototype, 'push');
  try {
    expect(outcome(bytes, false, zlibInflate)).toBe('too-large');
    const largest = push.mock.calls.reduce((m, [chunk]) => Math.max(m, chunk.length), 0);
    expect(push.mock.calls.length).toBeGreaterThan(1);
    expect(largest).toBeLessThanOrEqual(16 * 1024);
  } finally {
    push.mockRestore();
  }
});
