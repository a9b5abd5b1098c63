/**
 * What the CLI writes can never be turned against the reader, and a reader that goes away early
 * never turns into a crash.
 *
 * - Cell text reaches stdout and stderr (project names, sheet names, file names). C0 and C1 controls
 *   (ESC retitles a terminal or hides lines, CR overwrites a line) and bidi overrides (which reorder
 *   what is shown) are written as `\u001b`-style escapes. In JSON that is the standard escape, so the
 *   same pass keeps JSON output valid and makes it escape what JSON.stringify leaves raw (C1, bidi).
 *   Line feeds and tabs stay: they are the report's own layout, and JSON.stringify already escapes
 *   those inside strings.
 * - A closed pipe (`budget-check big.xlsx | head`) or any other stdout error: later writes are
 *   dropped and the run ends with its own exit status, with no stack trace.
 */
import type { CliIo, Writable } from './main';

/** C0 but tab and line feed, DEL and C1, the bidi embeddings / overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A writer that escapes control characters before they reach the stream. */
export function safeWriter(w: Writable): Writable {
  return { write: (text: string) => w.write(escapeControls(text)) };
}

export function safeIo(io: CliIo): CliIo {
  return { stdout: safeWriter(io.stdout), stderr: safeWriter(io.stderr) };
}

interface NodeStream {
  write(text: string): boolean;
  on(event: 'error', listener: (e: Error) => void): unknown;
}

/**
 * A process stream that swallows its errors: after the first one (EPIPE when the reader closed the
 * pipe, EIO, ENOSPC…), writes are dropped. The exit status stays the run's own.
 */
export function quietStream(stream: NodeStream): Writable & { failed(): boolean } {
  let broken = false;
  stream.on('error', () => {
    broken = true;
  });
  return {
    write(text: string) {
      if (broken) return false;
      try {
        return stream.write(text);
      } catch {
        broken = true;
        return false;
      }
    },
    failed: () => broken,
  };
}

/** The process's stdout and stderr, each ending quietly on error. */
export function processIo(proc: { stdout: NodeStream; stderr: NodeStream } = process): CliIo {
  return { stdout: quietStream(proc.stdout), stderr: quietStream(proc.stderr) };
}
