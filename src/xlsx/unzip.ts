/**
 * Bounded unzip: only the parts the caller wants are inflated, as a stream, and the run stops as
 * soon as the inflated bytes pass a cap (or the ratio to the file's size gives a bomb away), before
 * memory grows. The input is pushed to fflate's streaming `Unzip` in small slices so that one push
 * can inflate at most ~1,000× its size (deflate's ceiling).
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
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
  unzip.register(UnzipInflate);
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
