/**
 * --out fails cleanly now that the copy is deflated asynchronously: a part that cannot be read back,
 * or a deflate that fails on the thread pool, ends with exit 2 and the one Chinese line that says
 * so — no stack trace, and no file (not even a partial one) under the output name.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { readZip, writeZip } from '../../src/cli/zip-package';
import { expectOneLineNoStack, FIXTURES, run, tempDir } from './helpers';

const dir = tempDir();
const defects = path.join(FIXTURES, 'defects.xlsx');

// zlib's deflateRaw, failing on demand the way the thread pool reports a failure: in the callback.
let mockDeflateFails = false;
let mockDeflateCalls = 0;
jest.mock('zlib', () => {
  const real = jest.requireActual<typeof import('zlib')>('zlib');
  return {
    ...real,
    deflateRaw: (buf: Uint8Array, o: object, cb: (e: Error | null, r: Buffer) => void) => {
      mockDeflateCalls++;
      if (!mockDeflateFails) return real.deflateRaw(buf, o, cb);
      setImmediate(() => cb(new Error('deflate failed'), Buffer.alloc(0)));
    },
  };
});

afterEach(() => {
  mockDeflateFails = false;
});

test('a part whose header understates its size: exit 2, 无法生成标注副本, no copy', async () => {
  // The check does not read [Content_Types].xml; the copy must patch it.
  const entries = readZip(new Uint8Array(readFileSync(defects)));
  const lying = path.join(dir, 'lying.xlsx');
  writeFileSync(lying, writeZip(entries.map((e) => (e.name === '[Content_Types].xml' ? { ...e, size: 10 } : e))));
  const out = path.join(dir, 'lying-out.xlsx');
  const r = await run([lying, '--out', out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^budget-check: 无法生成标注副本：.*lying-out\.xlsx\n$/);
  expectOneLineNoStack(r.stderr);
  expect(existsSync(out)).toBe(false);
});

test('a deflate failing on the thread pool: exit 2, 无法生成标注副本, no copy', async () => {
  mockDeflateFails = true;
  const out = path.join(dir, 'failed-out.xlsx');
  const r = await run([defects, '--out', out]);
  expect(mockDeflateCalls).toBeGreaterThan(0);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^budget-check: 无法生成标注副本：.*failed-out\.xlsx\n$/);
  expectOneLineNoStack(r.stderr);
  expect(existsSync(out)).toBe(false);
});

test('the same workbook, deflating normally, gets its copy', async () => {
  const out = path.join(dir, 'ok-out.xlsx');
  const r = await run([defects, '--out', out]);
  expect(r.code).toBe(1);
  expect(readZip(new Uint8Array(readFileSync(out))).length).toBeGreaterThan(0);
});
