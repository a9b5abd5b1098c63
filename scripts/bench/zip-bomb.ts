/**
 * Zip bombs for the hostile bench (issue 12): the sample workbook with
 *
 * - `media`: one unused part, xl/media/image1.png, of 2 GB of zeros deflated to ~2 MB. The check
 *   never reads it, so it must never be inflated: a normal check, and `--out` copies it compressed;
 * - `sheet`: its sheet XML padded to 2 GB (whitespace inside sheetData), also ~2 MB. The check must
 *   read that part, so the bounded unzip (src/xlsx/unzip.ts) must refuse it before memory grows;
 * - `sheet-lying`: the same, with headers that claim the sheet's original 3.5 KB: the refusal cannot
 *   come from the declared size, only from counting the inflated bytes as they stream.
 *
 * Both are written by streaming deflate (the 2 GB never exist in memory) into a package put together
 * with the repository's own zip container code, so every header, size and CRC is right.
 */
import { once } from 'events';
import * as fs from 'fs';
import * as path from 'path';
import { crc32, createDeflateRaw } from 'zlib';
import { readZip, writeZip, type ZipEntry } from '../../src/cli/zip-package';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'examples', 'sample.xlsx');

/** Inflated size of the bomb part: 2 GB (under 4 GiB, so no zip64 is needed). */
export const BOMB_BYTES = 2_000_000_000;
const CHUNK = 1 << 20;

/** `head`, then `fill` bytes of `pad`, then `tail`, deflated as one stream: the entry and its CRC. */
async function deflatedEntry(name: string, head: string, pad: number, fill: number, tail: string): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await once(deflate, 'drain');
  };
  await write(Buffer.from(head, 'utf8'));
  const block = Buffer.alloc(CHUNK, pad);
  for (let left = fill; left > 0; left -= CHUNK) await write(left >= CHUNK ? block : block.subarray(0, left));
  await write(Buffer.from(tail, 'utf8'));
  deflate.end();
  await done;
  const source = new Uint8Array(Buffer.concat(out));
  return {
    name,
    method: 8,
    flags: 0,
    time: 0,
    date: (45 << 9) | (1 << 5) | 1, // 2025-01-01, as the sample's entries
    crc: crc >>> 0,
    compressedSize: source.length,
    size,
    dataStart: 0,
    source,
  };
}

export type BombKind = 'media' | 'sheet' | 'sheet-lying';

/** The bomb workbook of that kind in `dir`: its path and size. */
export async function writeBomb(dir: string, kind: BombKind): Promise<{ file: string; bytes: number }> {
  const entries = readZip(new Uint8Array(fs.readFileSync(SAMPLE)));
  let out: ZipEntry[];
  if (kind === 'media') {
    out = [...entries, await deflatedEntry('xl/media/image1.png', '', 0, BOMB_BYTES, '')];
  } else {
    const sheet = entries.findIndex((e) => e.name === 'xl/worksheets/sheet1.xml');
    if (sheet < 0) throw new Error('examples/sample.xlsx has no xl/worksheets/sheet1.xml');
    const head =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const bomb = await deflatedEntry(entries[sheet].name, head, 0x20, BOMB_BYTES, '</sheetData></worksheet>');
    // A lying header keeps the original size (and CRC: nothing gets to check it).
    const lie = kind === 'sheet-lying' ? { size: entries[sheet].size, crc: entries[sheet].crc } : {};
    out = entries.map((e, i) => (i === sheet ? { ...bomb, ...lie } : e));
  }
  const bytes = writeZip(out);
  const file = path.join(dir, `zip-bomb-${kind}.xlsx`);
  fs.writeFileSync(file, bytes);
  return { file, bytes: bytes.length };
}
