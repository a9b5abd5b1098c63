/**
 * A zip package read by its central directory and rewritten with most entries copied as they are.
 *
 * `--out` must lose nothing and cost little: parts the marks do not touch (charts, drawings, pivots,
 * vbaProject.bin, media…) are copied compressed, byte for byte, never inflated — an unused 2 GB part
 * costs its compressed size. Only the parts we change are inflated and deflated again.
 * fflate has no "copy an entry raw" API, so the container itself is read and written here (the zip
 * format's local headers, central directory and end record); fflate inflates the parts we edit,
 * Node's zlib deflates the ones we write (deflateEntries says why).
 */
import { crc32, deflateRawSync } from 'zlib';
import { inflateSync } from 'fflate';

export class ZipPackageError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed data starts in the package. */
  dataStart: number;
  /** The package the data lives in. */
  source: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

const utf8 = new TextDecoder('utf-8');
const latin = new TextDecoder('latin1');

/** The entries of a zip package, in central directory order. Throws ZipPackageError on a bad package. */
export function readZip(data: Uint8Array): ZipEntry[] {
  let end = -1;
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) {
    if (u32(data, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipPackageError('no end of central directory');
  const count = u16(data, end + 10);
  const cdSize = u32(data, end + 12);
  const cdOffset = u32(data, end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipPackageError('zip64 packages are not supported');
  if (cdOffset + cdSize > data.length) throw new ZipPackageError('central directory out of range');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || u32(data, p) !== CENTRAL) throw new ZipPackageError('bad central directory entry');
    const flags = u16(data, p + 8);
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    const local = u32(data, p + 42);
    const nameBytes = data.subarray(p + 46, p + 46 + nameLen);
    // Bit 11: the name is UTF-8; otherwise CP437, which for the ASCII names of OOXML parts is latin1.
    const name = (flags & 0x800 ? utf8 : latin).decode(nameBytes);
    if (local + 30 > data.length || u32(data, local) !== LOCAL) throw new ZipPackageError(`bad local header: ${name}`);
    const dataStart = local + 30 + u16(data, local + 26) + u16(data, local + 28);
    const compressedSize = u32(data, p + 20);
    if (dataStart + compressedSize > data.length) throw new ZipPackageError(`entry out of range: ${name}`);
    entries.push({
      name,
      method: u16(data, p + 10),
      flags,
      time: u16(data, p + 12),
      date: u16(data, p + 14),
      crc: u32(data, p + 16),
      compressedSize,
      size: u32(data, p + 24),
      dataStart,
      source: data,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's uncompressed bytes; `limit` caps what a deflated entry may inflate to. */
export function entryData(e: ZipEntry, limit: number): Uint8Array {
  if (e.size > limit) throw new ZipPackageError(`part too large: ${e.name}`);
  const raw = e.source.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new ZipPackageError(`unsupported compression ${e.method}: ${e.name}`);
  // The declared size sizes the output buffer, so a lying header cannot make fflate grow past it.
  const out = inflateSync(raw, { out: new Uint8Array(e.size) });
  return out;
}

/**
 * Entries for new contents. Deflated by Node's native zlib, not fflate: the 指标明细 sheet of 40,000
 * projects is ~100 MB of XML, and fflate's JavaScript deflate (and its garbage) made --out 3× the
 * plain check; native deflate keeps it within the goal. Stored as written, CRC from zlib.crc32.
 */
export function deflateEntries(files: Map<string, Uint8Array>): Map<string, ZipEntry> {
  const out = new Map<string, ZipEntry>();
  // DOS date/time of now: parts we write carry the time they were written.
  const d = new Date();
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  for (const [name, bytes] of files) {
    // Level 3: on the 176 MB 指标明细 XML of 40,000 projects, 0.4 s and 16 MB against level 6's 0.9 s
    // and 14 MB — the copy is written once, the time is the clerk's wait.
    const compressed = deflateRawSync(bytes, { level: 3 });
    const source = new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength);
    out.set(name, {
      name,
      method: 8,
      flags: 0,
      time,
      date,
      crc: crc32(bytes) >>> 0,
      compressedSize: source.length,
      size: bytes.length,
      dataStart: 0,
      source,
    });
  }
  return out;
}

const encoder = new TextEncoder();

/** A package from entries: each entry's compressed bytes copied as they are, headers written afresh. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let size = 22;
  entries.forEach((e, i) => {
    size += 30 + names[i].length + e.compressedSize + 46 + names[i].length;
  });
  if (size > 0xffffffff || entries.length > 0xfffe)
    throw new ZipPackageError('package too large for a zip without zip64');
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  const header = (sig: number, e: ZipEntry, name: Uint8Array, central: boolean, offset: number): void => {
    view.setUint32(p, sig, true);
    let q = p + 4;
    if (central) {
      view.setUint16(q, 20, true); // made by: MS-DOS / zip 2.0
      q += 2;
    }
    view.setUint16(q, 20, true); // version needed
    // Sizes and CRC are in the header, so no data descriptor (bit 3); bit 11: the name is UTF-8.
    view.setUint16(q + 2, (e.flags & ~0x8) | 0x800, true);
    view.setUint16(q + 4, e.method, true);
    view.setUint16(q + 6, e.time, true);
    view.setUint16(q + 8, e.date, true);
    view.setUint32(q + 10, e.crc, true);
    view.setUint32(q + 14, e.compressedSize, true);
    view.setUint32(q + 18, e.size, true);
    view.setUint16(q + 22, name.length, true);
    view.setUint16(q + 24, 0, true); // extra
    q += 26;
    if (central) {
      // comment length, disk, internal and external attributes: zero; then the local header offset.
      view.setUint32(q + 10, offset, true);
      q += 14;
    }
    out.set(name, q);
    p = q + name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(p);
    header(LOCAL, e, names[i], false, 0);
    out.set(e.source.subarray(e.dataStart, e.dataStart + e.compressedSize), p);
    p += e.compressedSize;
  });
  const cdStart = p;
  entries.forEach((e, i) => header(CENTRAL, e, names[i], true, offsets[i]));
  view.setUint32(p, EOCD, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}
