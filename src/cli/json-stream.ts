/**
 * The JSON report written in pieces. A 250,000-project report as one `JSON.stringify` string is
 * 425 million characters (850 MB of memory) on top of a full copy of the report in JSON shape; here
 * rows, indicators and findings are converted and written a batch at a time when their turn comes,
 * so memory holds one batch and a buffer. The text is exactly `JSON.stringify(value, null, 2)`.
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

/** At most this many characters gathered before a write: few calls to the stream, bounded memory. */
const CHUNK = 1 << 20;
/** A piece this long (a batch of elements) is written alone rather than copied into the buffer. */
const LARGE = 1 << 12;

/** Below this depth objects and arrays are walked here; deeper ones are one native stringify each. */
const WALK_DEPTH = 6;

class Sink {
  private buf = '';
  constructor(private readonly write: (s: string) => void) {}

  /**
   * A piece that would take the buffer past CHUNK goes out with the next write, so chunks stay under
   * CHUNK. A large piece (a batch of elements) goes out alone, as it is: joined to the buffer it would
   * be copied once more when the stream flattens the joined string (~15 % of the writing time).
   */
  put(s: string): void {
    if (this.buf.length + s.length > CHUNK) this.flush();
    if (s.length >= LARGE) {
      this.flush();
      this.write(s);
      return;
    }
    this.buf += s;
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
  if (leaves) {
    emitLeaves(length, at, pad, out);
    return;
  }
  const inner = `${pad}  `;
  for (let i = 0; i < length; i++) {
    out.put(i === 0 ? `[\n${inner}` : `,\n${inner}`);
    if (!emit(at(i), inner, depth + 1, out)) out.put('null');
  }
  out.put(`\n${pad}]`);
}

/**
 * Elements of a mapped array stringified per native call: enough to amortise the call, and few
 * enough that the batch's text (64 indicators: some 28,000 characters) stays a young-generation
 * string the scavenger frees cheaply; 512 made large-object strings and cost ~5 % more CPU end to end.
 */
export const BATCH = 64;

/**
 * A mapped array's elements (a row, an indicator, a finding: small), BATCH at a time in one native
 * call. The batch is wrapped in as many one-element arrays as `pad` has levels, so JSON.stringify
 * already writes its elements at the indentation they have in the whole text; the wrappers' known
 * prefix and suffix are cut off. Per-element calls with a re-indenting replace cost twice as much.
 * Elements JSON.stringify leaves out (undefined, functions) become `null` there, as in any array.
 *
 * Each batch's cut is one piece of the final text, separators included: the first keeps the
 * array's opening bracket, the last its closing one, and a batch after the first starts with a
 * placeholder `0` element whose cut leaves exactly the comma and line break before the next element.
 */
function emitLeaves(length: number, at: (i: number) => unknown, pad: string, out: Sink): void {
  const levels = pad.length / 2;
  let wrapHead = 0;
  let wrapTail = 0;
  for (let j = 0; j < levels; j++) {
    wrapHead += 2 + 2 * (j + 1); // `[\n` and the next level's indentation
    wrapTail += 2 + 2 * j; // `\n`, this level's indentation and `]`
  }
  const open = `[\n${pad}  `.length;
  const close = `\n${pad}]`.length;
  const batch: unknown[] = [];
  for (let start = 0; start < length; start += BATCH) {
    const end = Math.min(length, start + BATCH);
    batch.length = 0;
    if (start > 0) batch.push(0);
    for (let i = start; i < end; i++) batch.push(at(i));
    let wrapped: unknown = batch;
    for (let j = 0; j < levels; j++) wrapped = [wrapped];
    const s = JSON.stringify(wrapped, null, 2);
    const from = wrapHead + (start > 0 ? open + 1 : 0);
    const to = s.length - wrapTail - (end < length ? close : 0);
    out.put(s.slice(from, to));
  }
}

/** Writes `JSON.stringify(value, null, 2)` through `write` in chunks of at most about a million characters. */
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
