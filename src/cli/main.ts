/**
 * budget-check <file.xlsx>... [--sheet NAME] [--format text|json] [--lang zh-CN|en-US] [--out ANNOTATED.xlsx]
 *
 * Exit status 0: no error finding; 1: at least one error finding; 2: the input cannot be used, with
 * a one-line reason on stderr and never a stack trace (every failure is caught here).
 */
import { promises as fsp, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../core/check';
import type { Grid } from '../core/grid';
import type { Locale } from '../core/messages/locale';
import type { Report } from '../core/report';
import { isOpenError, markAccepted, readWorkbookAcceptances } from './acceptances';
import { parseArgs, preferredLocale, type CliOptions } from './args';
import { reportJson, unusableJson, writeReport, type Json } from './json-report';
import { cliMessages, type CliMessages } from './messages';
import { anyDirectory } from './batch/files';
import { openGrids, UnreadableWorkbook } from './open-workbook';
import { childAvailable, heapCapFor, runCapped } from './memory-cap';
import { processIo, safeIo } from './output';
import { gridHasData } from './read-xlsx';
import { writeReportText } from './text-report';

export interface Writable {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

/** A failure with a message for the clerk: the input (or an argument) cannot be used. */
export class UnusableInput extends Error {}

/** First line of an unexpected error, short: stderr gets one line and never a stack. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split(/\r?\n/)[0].trim() || (e instanceof Error ? e.name : 'error');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function version(): string {
  try {
    // src/cli/main.ts, build/cli/main.js and the bundle build/bundle/budget-check.js all sit two
    // levels below the package root.
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function readInput(file: string, msg: CliMessages): Promise<Buffer> {
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) throw new UnusableInput(msg.notAFile(file));
    return await fsp.readFile(file);
  } catch (e) {
    if (e instanceof UnusableInput) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UnusableInput(msg.missingFile(file));
    if (code === 'EISDIR') throw new UnusableInput(msg.notAFile(file));
    throw new UnusableInput(msg.unreadable(file, code ?? oneLine(e)));
  }
}

async function openWorkbook(file: string, msg: CliMessages): Promise<{ data: Buffer; grids: Grid[] }> {
  const data = await readInput(file, msg);
  try {
    return { data, grids: await openGrids(file, data, msg) };
  } catch (e) {
    throw e instanceof UnreadableWorkbook ? new UnusableInput(e.message) : e;
  }
}

/** `--sheet` names, matched exactly, else ignoring case and surrounding spaces (as Excel does). */
function selectSheets(grids: Grid[], names: readonly string[], file: string, msg: CliMessages): Grid[] {
  if (names.length === 0) return grids;
  const norm = (s: string): string => s.trim().toLowerCase();
  const picked: Grid[] = [];
  for (const name of names) {
    const g = grids.find((x) => x.sheet === name) ?? grids.find((x) => norm(x.sheet) === norm(name));
    if (!g)
      throw new UnusableInput(
        msg.sheetMissing(
          file,
          name,
          grids.map((x) => x.sheet),
        ),
      );
    if (!picked.includes(g)) picked.push(g);
  }
  return picked;
}

function listForMessage(names: readonly string[]): string[] {
  return names.length <= 6 ? [...names] : [...names.slice(0, 5), `…（${names.length}）`];
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export interface FileOutcome {
  file: string;
  status: number;
  report?: Report & { file: string };
  error?: string;
  annotated?: { out: string; cells: number; indicatorRows: number };
}

/** One file checked (the batch's workers call this too); throws UnusableInput with the reason. */
export async function checkFile(file: string, o: CliOptions): Promise<FileOutcome> {
  const msg = cliMessages(o.locale);
  const { data, grids: all } = await openWorkbook(file, msg);
  if (all.length === 0 || !all.some(gridHasData)) throw new UnusableInput(msg.emptyWorkbook(file));
  const grids = selectSheets(all, o.sheets, file, msg);
  const { tables, rejected } = checkWorkbook(grids, { file, locale: o.locale });
  if (tables.length === 0) {
    throw new UnusableInput(
      rejected?.length
        ? msg.onlyRejected(file, rejected)
        : msg.noTable(file, listForMessage(grids.map((g) => g.sheet))),
    );
  }
  // What the clerk accepted in Excel (已确认) is reported as such and does not fail the run.
  markAccepted(tables, grids, readWorkbookAcceptances(data));
  const report = rejected?.length ? { file, tables, rejected } : { file, tables };
  const status = tables.some((t) => t.findings.some(isOpenError)) ? EXIT_ERRORS : EXIT_OK;
  const outcome: FileOutcome = { file, status, report };
  if (o.out !== undefined) {
    // The copy is the original package patched: every part the marks do not need stays as it was.
    // Only --out needs the annotation modules: loaded here, so a plain check never evaluates them.
    const { AnnotateError, annotatePackage } = await import('./annotate');
    let marks: Awaited<ReturnType<typeof annotatePackage>>['result'];
    try {
      const annotated = await annotatePackage(data, tables, o.locale);
      marks = annotated.result;
      await fsp.writeFile(o.out, annotated.bytes);
    } catch (e) {
      if (e instanceof AnnotateError) throw new UnusableInput(msg.outUnpatchable(o.out));
      const code = (e as NodeJS.ErrnoException).code;
      throw new UnusableInput(msg.outWriteFailed(o.out, code ?? oneLine(e)));
    }
    outcome.annotated = { out: o.out, cells: marks.cells, indicatorRows: marks.indicatorRows };
  }
  return outcome;
}

/**
 * `rawIo` is given by tests and the batch; without it the run is the process's own, and a large
 * workbook is checked in a child process with a capped heap (memory-cap.ts).
 */
export async function main(argv: string[], rawIo?: CliIo): Promise<number> {
  const io = safeIo(rawIo ?? processIo());
  let locale: Locale = preferredLocale(argv);
  const fail = (message: string): number => {
    io.stderr.write(`budget-check: ${message.replace(/\s*\r?\n\s*/g, ' ')}\n`);
    return EXIT_UNUSABLE;
  };
  try {
    const parsed = parseArgs(argv);
    if (!parsed.ok) return fail(parsed.message);
    const o = parsed.options;
    locale = o.locale;
    const msg = cliMessages(locale);
    if (o.help) {
      io.stdout.write(`${msg.usage}\n`);
      return EXIT_OK;
    }
    if (o.version) {
      io.stdout.write(`budget-check ${version()}\n`);
      return EXIT_OK;
    }
    if (o.out !== undefined && sameFile(o.out, o.files[0])) return fail(msg.outIsInput(o.out));
    if (o.summary !== undefined && o.files.some((f) => sameFile(o.summary as string, f)))
      return fail(msg.outIsInput(o.summary));
    if (o.summary !== undefined || (o.out === undefined && (await anyDirectory(o.files)))) {
      const { runBatch } = await import('./batch/run');
      return await runBatch(o, io);
    }
    if (rawIo === undefined && childAvailable()) {
      const cap = await heapCapFor(o.files);
      const status = cap === null ? null : await runCapped(argv, cap, o.files.join(', '), io.stderr, msg);
      if (status !== null) return status;
    }

    const outcomes: FileOutcome[] = [];
    for (const file of o.files) {
      let outcome: FileOutcome;
      try {
        outcome = await checkFile(file, o);
      } catch (e) {
        const message = e instanceof UnusableInput ? e.message : msg.internal(oneLine(e));
        fail(message);
        outcome = { file, status: EXIT_UNUSABLE, error: message };
      }
      outcomes.push(outcome);
      if (o.format === 'text' && outcome.report) {
        if (outcomes.some((x) => x !== outcome && x.report)) io.stdout.write('\n');
        writeReportText(outcome.report, locale, (text) => io.stdout.write(text));
        if (outcome.annotated) {
          const a = outcome.annotated;
          io.stdout.write(`\n${msg.annotated(a.out, a.cells, a.indicatorRows)}\n`);
        }
      }
    }
    if (o.format === 'json') {
      const objects: Json[] = outcomes.map((x) =>
        x.report ? reportJson(x.report) : unusableJson(x.file, x.error ?? ''),
      );
      const write = (s: string) => io.stdout.write(s);
      if (o.files.length > 1) writeReport(objects, write);
      else if (outcomes[0].report) writeReport(objects[0], write);
      if (o.files.length > 1 || outcomes[0].report) write('\n');
    }
    let status = EXIT_OK;
    for (const x of outcomes) if (x.status > status) status = x.status;
    return status;
  } catch (e) {
    return fail(cliMessages(locale).internal(oneLine(e)));
  }
}
