/**
 * A zip package read by its central directory and rewritten with most entries copied as they are.
 *
 * `--out` must lose nothing and cost little: parts the marks do not touch (charts, drawings, pivots,
 * vbaProject.bin, media…) are copied compressed, byte for byte, never inflated — an unused 2 GB part
 * costs its compressed size. Only the parts we change are inflated and deflated again.
 * fflate has no "copy an entry raw" API, so the container itself is read and written here (the zip
 * format's local headers, central directory and end record); Node's zlib inflates the parts we edit
 * and deflates the ones we write (PartDeflater says why).
 */
import { availableParallelism } from 'os';
import { constants as zlibConstants, crc32, deflateRaw, inflateRawSync } from 'zlib';

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
  // Native inflate: the 9 MB sheet of 40,000 projects took 34 ms, cold fflate 123 ms (its JIT
  // warm-up; --out inflates each part once). The declared size caps the output: a header that
  // understates its part is refused rather than read past.
  let out: Buffer;
  try {
    out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    throw new ZipPackageError(`bad data in ${e.name}: ${(err as Error).message}`);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * A part we write, deflated while it is still being produced: each ~1 MB chunk is deflated on its
 * own on libuv's thread pool (Node's async zlib) once it exists and a slot is free, so the main
 * thread goes on building the next chunk, and the uncompressed part is never held whole (the
 * 指标明细 sheet of 40,000 projects is ~140 MB of XML). Chunks end with a sync flush — byte-aligned,
 * no final bit — so their raw deflate streams concatenate into one (as pigz does); an empty final
 * block ends it. Each chunk starts with an empty dictionary: that copy is 1% larger (13.96 MB, 13.82).
 * Native zlib, not fflate: fflate's JavaScript deflate (and its garbage) made --out 3× the plain check.
 */
export class PartDeflater {
  private readonly compressed: Uint8Array[] = [];
  private readonly inFlight: Promise<void>[] = [];
  private crc = 0;
  private size = 0;
  private failure: Error | undefined;

  constructor(private readonly name: string) {}

  /** Queues a chunk; waits for a free deflate slot (memory stays bounded, the main thread keeps a core). */
  async add(chunk: Uint8Array): Promise<void> {
    if (chunk.length === 0) return;
    if (this.size + chunk.length > 0xffffffff) throw new ZipPackageError(`part too large: ${this.name}`);
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    const index = this.compressed.length;
    this.compressed.push(EMPTY);
    await deflateSlot();
    this.inFlight.push(
      new Promise<void>((resolve) => {
        // Level 3: on the 140 MB 指标明细 XML of 40,000 projects, about half level 6's time for
        // ~15% more bytes — the copy is written once, the time is the clerk's wait.
        deflateRaw(chunk, { level: 3, finishFlush: zlibConstants.Z_SYNC_FLUSH }, (e, out) => {
          freeDeflateSlot();
          if (e) this.failure ??= e;
          else this.compressed[index] = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
          resolve();
        });
      }),
    );
    if (this.failure) throw this.failure;
  }

  /** The entry, once every chunk is deflated; stamped with the time it was written. */
  async entry(): Promise<ZipEntry> {
    await Promise.all(this.inFlight.splice(0));
    if (this.failure) throw this.failure;
    this.compressed.push(FINAL_EMPTY_BLOCK);
    let compressedSize = 0;
    for (const c of this.compressed) compressedSize += c.length;
    const source = new Uint8Array(compressedSize);
    let at = 0;
    for (const c of this.compressed) {
      source.set(c, at);
      at += c.length;
    }
    this.compressed.length = 0;
    const { time, date } = dosNow();
    return {
      name: this.name,
      method: 8,
      flags: 0,
      time,
      date,
      crc: this.crc >>> 0,
      compressedSize,
      size: this.size,
      dataStart: 0,
      source,
    };
  }
}

/**
 * Chunks deflating at once, over all parts: one core fewer than the machine has, so the main thread
 * building the next chunk (the critical path) is not preempted by its own deflates; at least one.
 */
const DEFLATE_SLOTS = Math.max(1, availableParallelism() - 1);
let deflating = 0;
const slotWaiters: (() => void)[] = [];

function deflateSlot(): Promise<void> {
  if (deflating < DEFLATE_SLOTS) {
    deflating++;
    return Promise.resolve();
  }
  return new Promise((resolve) => slotWaiters.push(resolve));
}

/** The slot passes to the next waiter, if any, without being counted free in between. */
function freeDeflateSlot(): void {
  const next = slotWaiters.shift();
  if (next) next();
  else deflating--;
}
/** What the deflaters are fed at a time: big enough that a chunk's fresh dictionary costs little. */
export const DEFLATE_CHUNK = 1 << 20;
const EMPTY = new Uint8Array(0);
/** A final fixed-Huffman block holding only its end code: BFINAL=1, BTYPE=01, code 256 (seven zeros). */
const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** An entry for whole bytes, deflated in chunks on the thread pool. */
export async function deflateEntry(name: string, bytes: Uint8Array): Promise<ZipEntry> {
  const part = new PartDeflater(name);
  for (let at = 0; at < bytes.length; at += DEFLATE_CHUNK) await part.add(bytes.subarray(at, at + DEFLATE_CHUNK));
  return part.entry();
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
