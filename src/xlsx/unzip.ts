/**
 * Bounded unzip: only the parts the caller wants are inflated, as a stream, and the run stops as
 * soon as the inflated bytes pass a cap (or the ratio to the file's size gives a bomb away), before
 * memory grows. The input is pushed to fflate's streaming `Unzip` in small slices so that one push
 * can inflate at most ~1,000× its size (deflate's ceiling).
 */
import {
  Unzip,
  UnzipInflate,
  type AsyncFlateStreamHandler,
  type FlateError,
  type UnzipDecoder,
  type UnzipDecoderConstructor,
  type UnzipFile,
} from 'fflate';
import { XlsxReadError } from './errors';

export interface UnzipLimits {
  /** Cap on the inflated bytes of all wanted parts together. */
  maxTotal: number;
  /** Past `ratioFloor` inflated bytes, refuse when inflated / file size exceeds this. */
  maxRatio: number;
  ratioFloor: number;
}

/**
 * Real workbooks inflate 5–20× (XML compresses well but not endlessly); deflate's ceiling is
 * ~1,000×. 16 MB of XML from a file 100× smaller is a bomb, not a budget table.
 */
export const DEFAULT_LIMITS: UnzipLimits = {
  maxTotal: 640 * 1024 * 1024,
  maxRatio: 100,
  ratioFloor: 16 * 1024 * 1024,
};

/** Receives one part's inflated bytes in order; `end` once the part is complete. */
export interface PartSink {
  data(chunk: Uint8Array): void;
  end(): void;
}

const SLICE = 16 * 1024;

/**
 * Inflates one whole raw-deflate entry whose header declares `declared` bytes, never more; returns
 * undefined when the entry inflates past that claim (the streaming inflater takes it then), throws
 * on corrupt data. A host may have a faster one than fflate's JavaScript: Node's zlib inflated the
 * 2.8 MB of a 9,999-project workbook in 9 ms where cold fflate took 63.
 */
export type WholeInflate = (compressed: Uint8Array, declared: number) => Uint8Array<ArrayBuffer> | undefined;

/**
 * Larger parts always stream, so that memory holds a slice of them, not the whole. 16 MB keeps a
 * 40,000-project sheet (9 MB) whole and streams the shared strings of 250,000 projects (~24 MB):
 * at 32 MB that run peaked at 1,001 / 1,007 MB (text / JSON), at 16 MB 902 / 910 MB.
 */
export const WHOLE_MAX = 16 * 1024 * 1024;

/** What the one-piece inflate hands on at a time: the sinks and the cap see it in steps as before. */
const OUT_SLICE = 256 * 1024;

/**
 * fflate's decoder for deflated entries, with `whole` for every entry whose header gives both sizes
 * and whose declared size `fits` (at most WHOLE_MAX, and within what the caps still allow, so the
 * one-piece path never inflates more than streaming would have been allowed to); the rest, and an
 * entry that inflates past its claim, goes to fflate's streaming inflater. The bytes an entry
 * yields do not depend on the path.
 */
function wholeOrStream(
  whole: WholeInflate,
  fits: (declared: number) => boolean,
  stopped: () => boolean,
): UnzipDecoderConstructor {
  return class WholeOrStream implements UnzipDecoder {
    static compression = 8;
    ondata: AsyncFlateStreamHandler = () => undefined;
    private stream: UnzipDecoder | undefined;
    private readonly raw: Uint8Array | undefined;
    private filled = 0;

    constructor(
      _name: string,
      size?: number,
      private readonly declared?: number,
    ) {
      if (size !== undefined && declared !== undefined && fits(declared)) this.raw = new Uint8Array(size);
      else this.stream = this.streaming();
    }

    push(chunk: Uint8Array, final: boolean): void {
      if (this.stream) return this.stream.push(chunk, final);
      const raw = this.raw as Uint8Array;
      const room = raw.length - this.filled;
      // fflate cuts an entry at its compressed size; more would be a bug upstream, not data.
      raw.set(chunk.length > room ? chunk.subarray(0, room) : chunk, this.filled);
      this.filled += Math.min(chunk.length, room);
      if (final) this.finish(raw.subarray(0, this.filled));
    }

    private finish(raw: Uint8Array): void {
      let out: Uint8Array<ArrayBuffer> | undefined;
      try {
        out = whole(raw, this.declared as number);
      } catch (e) {
        const err = new Error(e instanceof Error ? e.message : String(e)) as FlateError;
        return this.ondata(err, new Uint8Array(0), true);
      }
      if (out === undefined) {
        // An entry that lied about its size is a suspect: streamed in slices, as unzipParts feeds
        // the archive, so one push inflates at most ~1,000× a slice and the caps stop it early.
        const stream = (this.stream = this.streaming());
        let at = 0;
        do {
          const end = Math.min(at + SLICE, raw.length);
          stream.push(raw.subarray(at, end), end === raw.length);
          at = end;
        } while (at < raw.length && !stopped());
        return;
      }
      if (out.length === 0) return this.ondata(null, out, true);
      for (let at = 0; at < out.length && !stopped(); at += OUT_SLICE) {
        const end = Math.min(at + OUT_SLICE, out.length);
        this.ondata(null, out.subarray(at, end), end === out.length);
      }
    }

    private streaming(): UnzipDecoder {
      const s = new UnzipInflate();
      s.ondata = (err, chunk, final) => this.ondata(err, chunk, final);
      return s;
    }
  };
}

export const BOMB_MESSAGE = 'inflated size over the cap';

/**
 * Streams the zip; `open(name)` returns a sink for a wanted part, undefined to skip it (skipped
 * parts are never inflated). Throws XlsxReadError: 'too-large' past the limits, 'corrupt' on a
 * broken archive; errors a sink throws propagate unchanged.
 */
export function unzipParts(
  data: Uint8Array,
  open: (name: string) => PartSink | undefined,
  limits = DEFAULT_LIMITS,
  whole?: WholeInflate,
): void {
  let total = 0;
  let failure: unknown;
  const fail = (e: unknown): void => {
    if (failure === undefined) failure = e;
  };
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure !== undefined) return;
    // A declared size is only a claim (the bytes are counted as they come), but a claim past the
    // cap is refused before anything is inflated.
    if (file.originalSize !== undefined && file.originalSize > limits.maxTotal) {
      const sink = open(file.name);
      if (sink) fail(new XlsxReadError('too-large', BOMB_MESSAGE));
      return;
    }
    const sink = open(file.name);
    if (!sink) return;
    file.ondata = (err, chunk, final) => {
      if (failure !== undefined) return;
      if (err) return fail(new XlsxReadError('corrupt', err.message));
      total += chunk.length;
      if (total > limits.maxTotal || (total > limits.ratioFloor && total > limits.maxRatio * data.length)) {
        return fail(new XlsxReadError('too-large', BOMB_MESSAGE));
      }
      try {
        if (chunk.length) sink.data(chunk);
        if (final) sink.end();
      } catch (e) {
        fail(e);
      }
    };
    file.start();
  });
  const fits = (declared: number): boolean => {
    const after = total + declared;
    return (
      declared <= WHOLE_MAX &&
      after <= limits.maxTotal &&
      (after <= limits.ratioFloor || after <= limits.maxRatio * data.length)
    );
  };
  unzip.register(whole ? wholeOrStream(whole, fits, () => failure !== undefined) : UnzipInflate);
  try {
    for (let at = 0; at < data.length && failure === undefined; at += SLICE) {
      const end = Math.min(at + SLICE, data.length);
      unzip.push(data.subarray(at, end), end === data.length);
    }
  } catch (e) {
    fail(failure ?? new XlsxReadError('corrupt', e instanceof Error ? e.message : String(e)));
  }
  if (failure !== undefined) throw failure;
}
