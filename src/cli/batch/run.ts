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
    waiting.set(
      index,
      o.format === 'json'
        ? (r.json ?? JSON.stringify({ file: r.file, error: r.error ?? '', tables: [] }))
        : lineFor(r, msg),
    );
    if (!waiting.has(nextOut)) return;
    if (progress.active) io.stderr.write('\r\u001b[K');
    for (let line = waiting.get(nextOut); line !== undefined; line = waiting.get(nextOut)) {
      waiting.delete(nextOut++);
      io.stdout.write(`${line}\n`);
    }
    if (progress.active && nextOut < files.length) io.stderr.write(progress.line());
  };
  const jobs = o.jobs ?? Math.max(1, availableParallelism());
  await checkAll(
    files,
    {
      jobs,
      locale: o.locale,
      sheets: o.sheets,
      json: o.format === 'json',
      crashed: (f, why) => msg.internal(`${f}: ${why}`),
    },
    onResult,
  );
  progress.finish();
  if (summary && o.summary) {
    try {
      await summary.write(o.summary, o.locale);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr.write(
        `budget-check: ${msg.outWriteFailed(o.summary, code ?? (e instanceof Error ? e.message : String(e)))}\n`,
      );
      return 2;
    }
    if (o.format === 'text') io.stdout.write(`${msg.batchSummaryWritten(o.summary, files.length)}\n`);
  }
  return worst;
}

function lineFor(r: FileResult, msg: ReturnType<typeof cliMessages>): string {
  if (!r.tables) return msg.batchFailed(r.file, r.error ?? '');
  let errors = 0;
  let warnings = 0;
  for (const t of r.tables) {
    errors += t.errors;
    warnings += t.warnings;
  }
  return msg.batchLine(r.file, r.tables.length, errors, warnings);
}
