/**
 * Zip bombs: a part the check never reads is never inflated, and a part it reads is stopped as
 * soon as it passes the caps — before memory grows.
 */
import { readWorkbook, XlsxReadError } from '../../src/xlsx';
import { buildXlsx } from '../helpers/xlsx-build';

const MB = 1024 * 1024;

/** Bytes that deflate ~1000:1: a valid XML prefix, then spaces. */
function padded(prefix: string, size: number, suffix = ''): Uint8Array {
  const out = new Uint8Array(size).fill(0x20);
  out.set(new TextEncoder().encode(prefix));
  out.set(new TextEncoder().encode(suffix), size - suffix.length);
  return out;
}

const sheet = { name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' };

test('an unused media part is never inflated, whatever it declares', () => {
  const bytes = buildXlsx([sheet], { parts: { 'xl/media/image1.png': [new Uint8Array(200 * MB), { level: 1 }] } });
  expect(bytes.length).toBeLessThan(MB);
  const rss = process.memoryUsage().rss;
  const [s] = readWorkbook(bytes);
  expect(s.grid.cells[0]?.[0]?.value).toBe(1);
  expect(process.memoryUsage().rss - rss).toBeLessThan(100 * MB);
});

test('a read part past the ratio cap is refused as too large, before it is all inflated', () => {
  const bytes = buildXlsx([sheet], {
    parts: {
      'xl/worksheets/sheet1.xml': [
        padded('<worksheet><sheetData>', 120 * MB, '</sheetData></worksheet>'),
        { level: 6 },
      ],
    },
  });
  expect(bytes.length).toBeLessThan(2 * MB);
  const rss = process.memoryUsage().rss;
  let reason = '';
  try {
    readWorkbook(bytes);
  } catch (e) {
    reason = e instanceof XlsxReadError ? e.reason : String(e);
  }
  expect(reason).toBe('too-large');
  expect(process.memoryUsage().rss - rss).toBeLessThan(100 * MB);
});

test('the total cap holds whatever the ratio', () => {
  const bytes = buildXlsx([sheet], {
    parts: { 'xl/sharedStrings.xml': [padded('<sst>', 4 * MB, '</sst>'), { level: 0 }] },
  });
  const limits = { maxTotal: 2 * MB, maxRatio: 1e9, ratioFloor: 0 };
  expect(() => readWorkbook(bytes, { limits })).toThrow(XlsxReadError);
  expect(readWorkbook(bytes).length).toBe(1);
});

test('one run of padding longer than any cell text is refused, even where the ratio allows it', () => {
  // 40 MB of spaces between two tags: under this test's caps, so only the run limit can stop it.
  const bytes = buildXlsx([sheet], {
    parts: {
      'xl/worksheets/sheet1.xml': [padded('<worksheet><sheetData>', 40 * MB, '</sheetData></worksheet>'), { level: 6 }],
    },
  });
  const limits = { maxTotal: 640 * MB, maxRatio: 1e9, ratioFloor: 0 };
  let reason = '';
  try {
    readWorkbook(bytes, { limits });
  } catch (e) {
    reason = e instanceof XlsxReadError ? e.reason : String(e);
  }
  // Without the run limit this reads (the caps allow 40 MB); the memory it saves is a bench figure
  // (docs/performance.md, zip bomb with lying headers), too noisy to assert in a shared jest process.
  expect(reason).toBe('too-large');
  // Real parts hold many short runs: a sheet of 20,000 cells reads.
  const rows = Array.from({ length: 20000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
  expect(readWorkbook(buildXlsx([{ name: 'S', xml: rows.join('\n') }]), { limits })[0].grid.cells.length).toBe(20000);
});
