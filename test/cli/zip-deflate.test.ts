/**
 * Parts deflated piece by piece on the thread pool: the pieces' raw deflate streams, each ended with
 * a sync flush, must read back as one stream holding exactly the bytes given, in order, with their CRC.
 */
import { crc32, inflateRawSync } from 'zlib';
import {
  DEFLATE_CHUNK,
  deflateEntry,
  entryData,
  PartDeflater,
  readZip,
  writeZip,
  ZipPackageError,
} from '../../src/cli/zip-package';

/** Bytes that compress like XML but differ everywhere, so a misplaced piece shows. */
function xmlLike(size: number): Uint8Array {
  const text: string[] = [];
  let n = 0;
  for (let i = 0; text.length === 0 || n < size; i++) {
    const row = `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>项目${i * 7919}</t></is></c></row>`;
    text.push(row);
    n += row.length * 2;
  }
  return new TextEncoder().encode(text.join('')).subarray(0, size);
}

test('many pieces, deflated out of order on the pool, read back as the bytes given (zlib and fflate)', async () => {
  const bytes = xmlLike(3 * DEFLATE_CHUNK + 12345);
  const part = new PartDeflater('xl/worksheets/sheet9.xml');
  // Uneven pieces, more than are kept in flight at once.
  for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7 + 3) % 300_000)
    await part.add(bytes.subarray(at, at + step));
  const e = await part.entry();
  expect(e.size).toBe(bytes.length);
  expect(e.crc).toBe(crc32(bytes) >>> 0);
  expect(Buffer.compare(inflateRawSync(e.source), Buffer.from(bytes))).toBe(0);
  const [back] = readZip(writeZip([e]));
  expect(back.name).toBe('xl/worksheets/sheet9.xml');
  expect(Buffer.compare(Buffer.from(entryData(back, bytes.length)), Buffer.from(bytes))).toBe(0);
});

test('an empty part is a valid empty entry', async () => {
  const e = await deflateEntry('empty.xml', new Uint8Array(0));
  expect(e.size).toBe(0);
  expect(e.crc).toBe(0);
  expect(inflateRawSync(e.source).length).toBe(0);
  expect(entryData(readZip(writeZip([e]))[0], 0).length).toBe(0);
});

test('whole bytes split into pieces read back the same', async () => {
  const bytes = xmlLike(2 * DEFLATE_CHUNK + 1);
  const e = await deflateEntry('a.xml', bytes);
  expect(Buffer.compare(inflateRawSync(e.source), Buffer.from(bytes))).toBe(0);
  expect(e.compressedSize).toBeLessThan(bytes.length / 3);
});

test('a part longer than its header says, or not deflate data, is refused, never read past', async () => {
  const bytes = xmlLike(100_000);
  const e = await deflateEntry('xl/worksheets/sheet1.xml', bytes);
  const [lying] = readZip(writeZip([{ ...e, size: 1000 }]));
  expect(() => entryData(lying, 1e9)).toThrow(ZipPackageError);
  const [garbage] = readZip(writeZip([{ ...e, source: Uint8Array.of(0xff, 0xff, 0xff), compressedSize: 3 }]));
  expect(() => entryData(garbage, 1e9)).toThrow(ZipPackageError);
  const [honest] = readZip(writeZip([e]));
  expect(entryData(honest, 1e9).length).toBe(bytes.length);
});
