/**
 * Text written straight into UTF-8 byte chunks, for parts too large to build as strings: the
 * 指标明细 sheet of 40,000 projects is ~140 MB of XML in a million small pieces; joining them into
 * ~1 MB strings, flattening those and encoding them with TextEncoder took 3× what one native write
 * per row takes, and most of the garbage collector's time. Bytes are what TextEncoder gives.
 */
export class Utf8Chunks {
  private buf: Buffer;
  private at = 0;
  private readonly full: Uint8Array[] = [];

  constructor(private readonly chunkSize = 1 << 20) {
    this.buf = Buffer.allocUnsafe(chunkSize);
  }

  /**
   * Appends `s` as UTF-8 (a lone surrogate becomes U+FFFD, as TextEncoder writes it). Callers pass
   * pieces of a few hundred characters (a row): one native write each, and no long string is built.
   */
  text(s: string): void {
    // A UTF-16 unit is at most 3 bytes (a pair: 4 bytes for 2 units).
    if (this.at + 3 * s.length > this.buf.length) {
      this.flush();
      if (3 * s.length > this.buf.length) {
        this.full.push(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /** Whether a chunk is full and waiting to be taken. */
  get filled(): boolean {
    return this.full.length > 0;
  }

  /** Chunks filled so far, taken: each is handed out once and never written again. */
  take(): Uint8Array[] {
    return this.full.splice(0);
  }

  /** Every chunk still held, the partly filled one included. */
  end(): Uint8Array[] {
    this.flush();
    return this.take();
  }

  private flush(): void {
    if (this.at === 0) return;
    this.full.push(this.buf.subarray(0, this.at));
    // Only the written part of each buffer is handed out: never uninitialised bytes.
    this.buf = Buffer.allocUnsafe(this.chunkSize);
    this.at = 0;
  }
}
