/**
 * The progress line on a terminal: files done / total, errors so far, time left. Nothing is
 * written when stderr is not a terminal (a log file or a pipe gets no control characters).
 */
import type { Locale } from '../../core/messages/locale';

export interface TtyWritable {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class Progress {
  private done = 0;
  private errors = 0;
  private readonly started = Date.now();
  private last = 0;

  constructor(
    private readonly out: TtyWritable,
    private readonly total: number,
    private readonly locale: Locale,
  ) {}

  get active(): boolean {
    return this.out.isTTY === true && this.total > 1;
  }

  tick(code: number): void {
    this.done++;
    if (code !== 0) this.errors++;
    const now = Date.now();
    // A redraw per file would flood a slow terminal on a thousand small files.
    if (!this.active || (now - this.last < 100 && this.done < this.total)) return;
    this.last = now;
    this.out.write(`\r${this.line(now)}\u001b[K`);
  }

  finish(): void {
    if (this.active) this.out.write('\r\u001b[K');
  }

  line(now = Date.now()): string {
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const left = this.done ? ((now - this.started) / this.done) * (this.total - this.done) : 0;
    const secs = Math.ceil(left / 1000);
    return this.locale === 'en-US'
      ? `${bar} ${this.done}/${this.total} · ${this.errors} with errors or unusable · ~${secs} s left`
      : `${bar} ${this.done}/${this.total} · 有错误或无法使用 ${this.errors} 个 · 预计还需 ${secs} 秒`;
  }
}
