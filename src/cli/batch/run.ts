/**
 * Batch review: `budget-check DIR_OR_FILES… [--summary summary.xlsx]` checks every workbook
 * found, one per worker thread (one per core), with a progress line on a terminal. Output: with
 * `--format json`, one report per file as JSON Lines (an unusable file is
 * `{"file", "error", "tables": []}`); in text, one line per file. Unusable files never abort the
 * run. Exit status as for a single run: the worst of the files.
 */
import { availableParallelism } from 'os';
import type { CliOptions } from '../args';
import { cliMessages } from '../messages';
import type { FileResult } from './check-one';
import { expandInputs } from './files';
import { checkAll } from './pool';
import { Progress, type TtyWritable } from './progress';
import { Summary } from './summary';

export interface BatchIo {
  stdout: { write(text: string): unknown };
  stderr: TtyWritable;
}

interface TableCounts {
  tables?: { summary?: { errors?: number; warnings?: number } }[];
}

export async function runBatch(o: CliOptions, io: BatchIo): Promise<number> {
  const msg = cliMessages(o.locale);
  const { files } = await expandInputs(o.files, o.summary ? [o.summary] : []);
  if (files.length === 0) {
    io.stderr.write(`budget-check: ${msg.batchNoFiles}\n`);
    return 2;
  }
  const progress = new Progress(io.stderr, files.length, o.locale);
  const summary = o.summary ? new Summary() : null;
  let worst = 0;
  // Results arrive in the order workers finish; output keeps the files' order (a run can be diffed).
  const waiting = new Map<number, string>();
  let nextOut = 0;
  const onResult = (r: FileResult, index: number): void => {
    worst = Math.max(worst, r.code);
    summary?.add(r);
    progress.tick(r.code);
    waiting.set(index, o.format === 'json' ? jsonLine(r) : lineFor(r, msg));
    if (!waiting.has(nextOut)) return;
    if (progress.active) io.stderr.write('\r\u001b[K');
    for (let line = waiting.get(nextOut); line !== undefined; line = waiting.get(nextOut)) {
      waiting.delete(nextOut++);
      io.stdout.write(`${line}\n`);
    }
    if (progress.active && nextOut < files.length) io.stderr.write(progress.line());
  };
  const jobs = o.jobs ?? Math.max(1, availableParallelism());
  await checkAll(files, { jobs, locale: o.locale, sheets: o.sheets, crashed: (f, why) => msg.internal(`${f}: ${why}`) }, onResult);
  progress.finish();
  if (summary && o.summary) {
    try {
      await summary.write(o.summary, o.locale);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr.write(`budget-check: ${msg.outWriteFailed(o.summary, code ?? (e instanceof Error ? e.message : String(e)))}\n`);
      return 2;
    }
    if (o.format === 'text') io.stdout.write(`${msg.batchSummaryWritten(o.summary, files.length)}\n`);
  }
  return worst;
}

/** One report per line (JSON Lines); an unusable file as `{"file", "error", "tables": []}`. */
function jsonLine(r: FileResult): string {
  if (r.report) {
    try {
      return JSON.stringify(JSON.parse(r.report));
    } catch {
      // Falls through to the error object: the line stays valid JSON.
    }
  }
  return JSON.stringify({ file: r.file, error: r.error ?? '', tables: [] });
}

function lineFor(r: FileResult, msg: ReturnType<typeof cliMessages>): string {
  if (!r.report) return msg.batchFailed(r.file, r.error ?? '');
  let errors = 0;
  let warnings = 0;
  let tables = 0;
  try {
    for (const t of (JSON.parse(r.report) as TableCounts).tables ?? []) {
      tables++;
      errors += t.summary?.errors ?? 0;
      warnings += t.summary?.warnings ?? 0;
    }
  } catch {
    // The report is the CLI's own JSON; a parse failure would only lose the counts.
  }
  return msg.batchLine(r.file, tables, errors, warnings);
}
