/**
 * The JSON report written in pieces. A 250,000-project report as one `JSON.stringify` string is
 * 425 million characters (850 MB of memory) on top of a full copy of the report in JSON shape; here
 * each row, indicator and finding is converted and written when its turn comes, so memory holds one
 * element and a buffer. The text is exactly `JSON.stringify(value, null, 2)`.
 */

/** An array whose elements are converted only when written (`toJSON` materialises it for JSON.stringify). */
export class MappedArray<T, U> {
  constructor(
    readonly source: readonly T[],
    readonly map: (item: T) => U,
  ) {}

  get length(): number {
    return this.source.length;
  }

  toJSON(): U[] {
    return this.source.map((x) => this.map(x));
  }
}

/** Characters gathered before a write: few calls to the stream, bounded memory. */
const CHUNK = 1 << 20;

/** Below this depth objects and arrays are walked here; deeper ones are one native stringify each. */
const WALK_DEPTH = 6;

class Sink {
  private buf = '';
  constructor(private readonly write: (s: string) => void) {}

  put(s: string): void {
    this.buf += s;
    if (this.buf.length >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.buf) this.write(this.buf);
    this.buf = '';
  }
}

/** A value as JSON.stringify writes it at indentation `pad`, or undefined where it writes nothing. */
function native(v: unknown, pad: string): string | undefined {
  const s = JSON.stringify(v, null, 2) as string | undefined;
  if (s === undefined || !pad || !s.includes('\n')) return s;
  return s.replace(/\n/g, `\n${pad}`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** Writes `v`; returns false when JSON.stringify would leave it out (undefined, functions). */
function emit(v: unknown, pad: string, depth: number, out: Sink): boolean {
  if (v instanceof MappedArray) {
    const m = v as MappedArray<unknown, unknown>;
    emitItems(m.source.length, (i) => m.map(m.source[i]), pad, depth, out, true);
    return true;
  }
  if (depth < WALK_DEPTH && Array.isArray(v)) {
    emitItems(v.length, (i) => v[i], pad, depth, out, false);
    return true;
  }
  if (depth < WALK_DEPTH && isPlainObject(v)) {
    const inner = `${pad}  `;
    let first = true;
    for (const key of Object.keys(v)) {
      const value = v[key];
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      out.put(first ? `{\n${inner}` : `,\n${inner}`);
      out.put(`${JSON.stringify(key)}: `);
      first = false;
      emit(value, inner, depth + 1, out);
    }
    out.put(first ? '{}' : `\n${pad}}`);
    return true;
  }
  const s = native(v, pad);
  if (s === undefined) return false;
  out.put(s);
  return true;
}

function emitItems(
  length: number,
  at: (i: number) => unknown,
  pad: string,
  depth: number,
  out: Sink,
  leaves: boolean,
): void {
  if (length === 0) {
    out.put('[]');
    return;
  }
  const inner = `${pad}  `;
  for (let i = 0; i < length; i++) {
    out.put(i === 0 ? `[\n${inner}` : `,\n${inner}`);
    const item = at(i);
    // Elements of a mapped array are small (a row, an indicator, a finding): one native call each.
    const written = leaves ? writeNative(item, inner, out) : emit(item, inner, depth + 1, out);
    if (!written) out.put('null');
  }
  out.put(`\n${pad}]`);
}

function writeNative(v: unknown, pad: string, out: Sink): boolean {
  const s = native(v, pad);
  if (s === undefined) return false;
  out.put(s);
  return true;
}

/** Writes `JSON.stringify(value, null, 2)` through `write`, in chunks of about a million characters. */
export function writeJson(value: unknown, write: (s: string) => void): void {
  const out = new Sink(write);
  if (!emit(value, '', 0, out)) out.put('null');
  out.flush();
}

/** The whole text at once (tests, small reports). */
export function jsonText(value: unknown): string {
  let s = '';
  writeJson(value, (chunk) => {
    s += chunk;
  });
  return s;
}
