/**
 * `npm run bench`: speed and size figures, printed as Markdown tables, written to docs/performance.md
 * (full runs only) and, as raw numbers, to test-output/bench.json. Timings are medians of several
 * runs after a warm-up; nothing here is a pass/fail test.
 *
 *   npm run bench               100, 1,000 and 10,000 projects (a few minutes)
 *   npm run bench -- --quick    100 and 1,000 projects, fewer runs; does not touch docs/
 *   npm run bench -- --core     the core table only
 *   npm run bench -- --hostile  the hostile-input figures only (far cell, 250,000 projects, --out, zip bombs)
 *   npm run bench -- --hostile zip-bomb   one of them (far-cell, many-projects, out, zip-bomb)
 *
 * Sections: core (in process), CLI end to end (scripts/bench/cli.ts), the Excel path through
 * Microsoft's client library on the wire host (scripts/bench/excel.ts), the task pane's bundles and first render
 * (scripts/bench/pane.ts), memory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as zlib from 'node:zlib';
import { buildCleanExport, scaledReference, sheetToGrid } from './make-fixtures';
import { check } from '../src/core/check';
import { marksPlan } from '../src/core/marks';
import type { Grid } from '../src/core/grid';
import { benchBatch, batchTable, type BatchRow } from './bench/batch';
import {
  benchCli,
  benchPhases,
  buildCli,
  cliTable,
  memoryTable,
  phaseTable,
  tempDir,
  writeWorkbooks,
  type BenchFile,
  type CliRow,
  type PhaseRow,
} from './bench/cli';
import { benchExcel, CONFIGS, excelTable, WEB_LIMIT, type ExcelRow } from './bench/excel';
import { benchPaneTasks, paneTasksTable, type TaskRow } from './bench/pane-tasks';
import {
  BENCH_DIST,
  benchRender,
  buildBundles,
  bundleTable,
  CHROMIUM,
  renderTable,
  type BundleRow,
  type RenderFigures,
} from './bench/pane';
import { benchForms, FORM_BLOCKS, formGoal, formTable, type FormRow } from './bench/forms';
import { HOSTILE_CASES, benchHostile, hostileGoals, hostileTable, type HostileCase } from './bench/hostile';

export const SIZES = [100, 1000, 10000];
const REFERENCE_PROJECTS = 9;

/** A grid of about `projects` projects: the reference table's 9 projects repeated. */
export function benchGrid(projects: number): Grid {
  const copies = Math.max(1, Math.round(projects / REFERENCE_PROJECTS));
  const fw = buildCleanExport(scaledReference(copies));
  return sheetToGrid(fw.sheets[0]);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** `global.gc` when node runs with --expose-gc (npm run bench does): each run starts on a clean heap. */
const collect = (globalThis as { gc?: () => void }).gc;

export function time(fn: () => void, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Without this, a run pays for the garbage its predecessors left, and medians swing by ±30%.
    collect?.();
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return median(t);
}

export interface CoreRow {
  projects: number;
  indicators: number;
  parseMs: number;
  checkMs: number;
  marksMs: number;
  findings: number;
  indicatorsPerSecond: number;
}

export function benchCore(sizes = SIZES, quick = false): CoreRow[] {
  const rows: CoreRow[] = [];
  for (const n of sizes) {
    const grid = benchGrid(n);
    const runs = quick ? 5 : n >= 10000 ? 11 : 15;
    const parsed = check(grid, { rules: [] })[0];
    const full = check(grid)[0];
    const parseMs = time(() => check(grid, { rules: [] }), runs, 2);
    const checkMs = time(() => check(grid), runs, 2);
    const marksMs = time(() => marksPlan([full], grid.sheet), runs, 2);
    rows.push({
      projects: parsed.summary.projects,
      indicators: parsed.summary.indicators,
      parseMs,
      checkMs,
      marksMs,
      findings: full.findings.length,
      indicatorsPerSecond: Math.round(full.summary.indicators / (checkMs / 1000)),
    });
  }
  return rows;
}

const f1 = (x: number) => x.toFixed(1);

export function coreTable(rows: CoreRow[]): string {
  const lines = [
    '| projects | indicators | parse (ms) | full check (ms) | check / parse | marks plan (ms) | findings | indicators/s |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.projects.toLocaleString('en-US')} | ${r.indicators.toLocaleString('en-US')} | ${f1(r.parseMs)} | ${f1(r.checkMs)} | ${(r.checkMs / r.parseMs).toFixed(2)}× | ${f1(r.marksMs)} | ${r.findings} | ${r.indicatorsPerSecond.toLocaleString('en-US')} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The whole run
// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(__dirname, '..');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const RAW = path.join(ROOT, 'test-output', 'bench.json');

/** Goals of the issue "Measure speed and size, publish the figures". */
export const GOALS = {
  cliOverBareRead: 1.5,
  cliOverPrevious: 0.6,
  batchFilesPerSecond: 40,
  batchMaxRssMb: 300,
  previewGzipBytes: 80 * 1024,
  checkSyncs: 3,
  maxPayloadBytes: 4 * 1024 * 1024,
  taskpaneGzipBytes: 300 * 1024,
  firstRenderMs: 500,
};

interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  loadAverageAtStart: number[];
}

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function command(args: readonly string[]): string {
  const rest = args.length ? ` -- ${args.join(' ')}` : '';
  return process.env.npm_lifecycle_event === 'bench'
    ? `npm run bench${rest}`
    : `npx ts-node --transpile-only scripts/bench.ts${args.length ? ` ${args.join(' ')}` : ''}`;
}

interface Section<T> {
  title: string;
  data?: T;
  table?: string;
  note?: string;
  error?: string;
  seconds: number;
}

/** Runs one section; a failure is reported in its place and the others still run. */
async function section<T>(
  title: string,
  fn: () => Promise<{ data: T; table: string; note?: string }>,
): Promise<Section<T>> {
  const t = performance.now();
  console.error(`bench: ${title}…`);
  try {
    const r = await fn();
    const s: Section<T> = { title, ...r, seconds: (performance.now() - t) / 1000 };
    console.log(`## ${title}\n\n${r.table}\n${r.note ? `\n${r.note}\n` : ''}`);
    return s;
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    console.log(`## ${title}\n\nFAILED: ${error}\n`);
    return { title, error, seconds: (performance.now() - t) / 1000 };
  }
}

type Goal = { goal: string; met: boolean | null; detail: string };

function goals(r: {
  batch?: BatchRow[];
  cli?: CliRow[];
  phases?: PhaseRow[];
  excel?: ExcelRow[];
  bundles?: BundleRow[];
  render?: RenderFigures | null;
  renderSkipped?: string;
}): Goal[] {
  const out: Goal[] = [];
  const ms = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ms`;
  if (r.cli) out.push(...readerGoals(r.cli));
  if (r.batch) out.push(...batchGoals(r.batch));
  if (r.cli && process.env.BENCH_OLD_CLI_GOAL) {
    // The goal is judged on the default invocation (the text report); the JSON report is shown beside it.
    const worst = r.cli.reduce((a, b) => (b.textRatio > a.textRatio ? b : a));
    const met = r.cli.every((x) => x.textRatio <= GOALS.cliOverBareRead);
    let detail =
      r.cli
        .map(
          (x) =>
            `${x.projects.toLocaleString('en-US')} projects: ${x.textRatio.toFixed(2)}× (with --format json ${x.ratio.toFixed(2)}×)`,
        )
        .join(', ') + '.';
    const ph = r.phases?.find((p) => p.projects === worst.projects);
    if (ph) {
      const m = ph.ms;
      const jsonMs = m.json + m.write;
      detail +=
        ` On ${worst.projects.toLocaleString('en-US')} projects the bare read takes ${ms(worst.bareMs)}; in one process the CLI adds the core` +
        ` check (${ms(m.check)}) and cells → grid (${ms(m.grids)}); --format json adds ${ms(jsonMs)} more to build and write` +
        ` ${(ph.outputBytes / 1e6).toFixed(0)} MB of JSON (every row, indicator and finding, as report-format.md asks).` +
        (met
          ? ''
          : ' What limits it is the core check (src/core): its time is spread over the indicator parser and the rules, each' +
            ' walking every indicator, with garbage collection a large share; there is no single hot spot left.');
    }
    out.push({ goal: `CLI ≤ ${GOALS.cliOverBareRead}× a bare ExcelJS read of the same file`, met, detail });
  }
  if (r.excel) {
    for (const host of ['desktop', 'web'] as const) {
      const rows = r.excel.filter((x) => x.host === host);
      if (rows.length === 0) continue;
      const bad = rows.filter((x) => x.check.syncs > GOALS.checkSyncs);
      const sizes = new Set(rows.map((x) => x.projects));
      const constant = [...new Set(rows.map((x) => x.level))].every(
        (lv) => new Set(rows.filter((x) => x.level === lv).map((x) => x.check.syncs)).size === 1,
      );
      const maxReq = Math.max(...rows.flatMap((x) => [x.check.maxRequest, x.recheck.maxRequest, x.clear.maxRequest]));
      // Desktop has no payload cap: the gateway sends one block there whatever its size.
      const met = bad.length === 0 && constant && (host === 'desktop' || maxReq <= GOALS.maxPayloadBytes);
      const levels = [...new Set(rows.map((x) => x.level))];
      let detail =
        `${[...sizes].map((n) => n.toLocaleString('en-US')).join(' / ')} projects: check syncs ` +
        `${levels
          .map(
            (lv) =>
              `${lv}: ${rows
                .filter((x) => x.level === lv)
                .map((x) => x.check.syncs)
                .join(' / ')}`,
          )
          .join('; ')}; largest request ${(maxReq / 1e6).toFixed(2)} MB.`;
      if (!met && bad.length) {
        const b = bad.reduce((x, y) => (y.check.syncs > x.check.syncs ? y : x));
        const desk = r.excel.find((x) => x.host === 'desktop' && x.projects === b.projects && x.level === b.level);
        detail +=
          ` Missed at ${b.projects.toLocaleString('en-US')} projects: the sheet's values + number formats come to` +
          ` ${desk ? `${(desk.read.maxResponse / 1e6).toFixed(1)} MB` : 'more than 5 MB'} of response, more than Excel on the web returns in one` +
          ` sync, so the gateway reads row blocks: ${b.read.syncs} read syncs at ${b.level}, ${b.read.refused} of them refused as over 5 MB.`;
        if (b.read.refused > 1) {
          detail +=
            ' The refusals come from src/excel/read-sheet.ts sizing blocks by JSON *characters* (BLOCK_BYTES = 3,000,000, bytes per cell' +
            ' measured with JSON.stringify(…).length) while the text is Chinese, 3 bytes per character in UTF-8: a "3 MB" block is' +
            ' 6–9 MB on the wire, is refused, and the estimate is doubled until it fits. Counting UTF-8 bytes there would leave' +
            ' only the unavoidable block reads.';
        }
      }
      out.push({
        goal: `Excel ${host}: ≤ ${GOALS.checkSyncs} round trips per check, constant in size${host === 'web' ? '; no request above 4 MB' : ''}`,
        met,
        detail,
      });
    }
  }
  if (r.bundles) {
    const tp = r.bundles.find((b) => b.entry === 'taskpane');
    if (tp) {
      out.push({
        goal: 'task pane bundle ≤ 300 KB gzipped (own code, Office.js excluded)',
        met: tp.gzipBytes <= GOALS.taskpaneGzipBytes,
        detail: `taskpane ${(tp.gzipBytes / 1024).toFixed(1)} KB gzipped (${(tp.bytes / 1024).toFixed(1)} KB minified); ${tp.vendorModules.length} modules from node_modules.`,
      });
    }
  }
  const preview = r.bundles?.find((b) => b.entry === 'preview');
  if (preview) {
    const reader = readerChunkGzip();
    out.push({
      goal: `preview bundle ≤ ${GOALS.previewGzipBytes / 1024} KB gzipped before a workbook is opened`,
      met: preview.gzipBytes <= GOALS.previewGzipBytes,
      detail: `preview ${(preview.gzipBytes / 1024).toFixed(1)} KB gzipped (${preview.vendorModules.length} modules from node_modules); the reader chunk fetched when a workbook is opened: ${reader === null ? 'not found' : `${(reader / 1024).toFixed(1)} KB gzipped`}.`,
    });
  }
  if (r.render) {
    out.push({
      goal: 'task pane first render < 500 ms in headless Chromium',
      met: r.render.paneMs < GOALS.firstRenderMs,
      detail: `pane button + summary in the DOM after ${ms(r.render.paneMs)} (first frame after it ${ms(r.render.frameMs)}), median of ${r.render.loads} loads.`,
    });
  } else if (r.renderSkipped) {
    out.push({
      goal: 'task pane first render < 500 ms in headless Chromium',
      met: null,
      detail: `not measured: ${r.renderSkipped}`,
    });
  }
  return out;
}

const CLI_SIZES = [100, 3000, 10000];

/** The reader's acceptance: CLI against the bare floor read and against the previous (ExcelJS) CLI. */
function readerGoals(rows: CliRow[]): Goal[] {
  const big = rows.reduce((a, b) => (b.projects > a.projects ? b : a));
  const n = big.projects.toLocaleString('en-US');
  const out: Goal[] = [
    {
      goal: `CLI ≤ ${GOALS.cliOverBareRead}× the bare floor read (fflate + saxes, no core) on ${n} projects, text and JSON`,
      met: big.textOverFloor <= GOALS.cliOverBareRead && big.jsonOverFloor <= GOALS.cliOverBareRead,
      detail: `text ${big.textOverFloor.toFixed(2)}×, json ${big.jsonOverFloor.toFixed(2)}× (floor ${Math.round(big.floorMs)} ms, text ${Math.round(big.textMs)} ms, json ${Math.round(big.cliMs)} ms; the bare ExcelJS read takes ${Math.round(big.bareMs)} ms).`,
    },
  ];
  if (big.baselineTextMs !== undefined && big.baselineJsonMs !== undefined) {
    const t = big.textMs / big.baselineTextMs;
    const j = big.cliMs / big.baselineJsonMs;
    out.push({
      goal: `CLI ≤ ${GOALS.cliOverPrevious}× the previous (ExcelJS) CLI on ${n} projects`,
      met: t <= GOALS.cliOverPrevious && j <= GOALS.cliOverPrevious,
      detail: `text ${t.toFixed(2)}× (${Math.round(big.baselineTextMs)} → ${Math.round(big.textMs)} ms), json ${j.toFixed(2)}× (${Math.round(big.baselineJsonMs)} → ${Math.round(big.cliMs)} ms).`,
    });
  }
  return out;
}

function batchGoals(rows: BatchRow[]): Goal[] {
  // The goal is about sample-sized files (issue 11): RSS bounded whatever the count. The large files'
  // row is reported beside it; its memory follows the size of each file, not their number.
  const samples = rows.filter((r) => r.label.includes('sample'));
  const most = samples[samples.length - 1];
  const maxRss = samples.reduce((m, r) => (r.maxRssMb > m ? r.maxRssMb : m), 0);
  return [
    {
      goal: `batch ≥ ${GOALS.batchFilesPerSecond} sample-sized files/s on ${os.cpus().length} cores, RSS ≤ ${GOALS.batchMaxRssMb} MB whatever the count`,
      met: most.filesPerSecond >= GOALS.batchFilesPerSecond && maxRss <= GOALS.batchMaxRssMb,
      detail:
        rows
          .map((r) => `${r.label}: ${r.filesPerSecond.toFixed(1)} files/s, peak RSS ${r.maxRssMb.toFixed(0)} MB`)
          .join('; ') + '.',
    },
  ];
}

/** Gzipped size of the preview's lazily loaded reader chunk in the bench build, or null. */
function readerChunkGzip(): number | null {
  const f = path.join(BENCH_DIST, 'xlsx-reader.js');
  return fs.existsSync(f) ? zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length : null;
}

function goalsMarkdown(g: Goal[]): string {
  return g
    .map((x) => `- **${x.met === null ? 'not measured' : x.met ? 'met' : 'MISSED'}** — ${x.goal}. ${x.detail}`)
    .join('\n');
}

const PANE_TASKS_TITLE = 'Task pane main thread (headless Chromium)';
const PANE_TASKS_NOTE =
  'scripts/bench/pane-tasks.ts: the real pane over the preview workbook with a generated table (every third project a fixable `>=`), the core in ' +
  'its worker. Long Tasks API entries from the click until the pane is idle (tasks under 50 ms are not reported: "< 50"). Goals: no task over 100 ms; progress painted within 200 ms.';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.includes('--core');
  if (args.includes('--pane-tasks')) {
    // Only the pane's main-thread figures (docs/performance.md is left alone).
    await buildBundles();
    console.log(`## ${PANE_TASKS_TITLE}\n\n${paneTasksTable(await benchPaneTasks())}\n\n${PANE_TASKS_NOTE}`);
    return;
  }
  // The reader's sections only (CLI, batch, preview bundle), raw figures only: `-- --reader`.
  const readerOnly = args.includes('--reader');
  const sizes = quick ? SIZES.filter((n) => n <= 1000) : SIZES;
  const started = new Date();
  const m = machine();
  const t0 = performance.now();
  const head = `# budget-check benchmark — ${started.toISOString()} — Node ${process.version}${quick ? ' — quick' : ''}\n`;
  console.log(head);

  // Issue 12's figures: the far cell, 250,000 projects, --out on 40,000 (`--hostile` runs only these).
  const named = args[args.indexOf('--hostile') + 1];
  const hostileCase = HOSTILE_CASES.find((c) => c === named) as HostileCase | undefined;
  if (args.includes('--hostile') && named !== undefined && !named.startsWith('--') && !hostileCase)
    throw new Error(`--hostile ${named}: no such case (${HOSTILE_CASES.join(', ')})`);
  const hostileSection = () =>
    section('Hostile input (child processes, one run each)', async () => {
      buildCli();
      const rows = await benchHostile(hostileCase);
      return {
        data: rows,
        table: hostileTable(rows),
        note: 'scripts/bench/hostile.ts: peak RSS by scripts/bench/rss-hook.js; a case still running after BENCH_CASE_MINUTES (default 10) minutes is stopped and reported so.',
      };
    });
  if (args.includes('--hostile')) {
    await hostileSection();
    return;
  }

  const skip = <T>(title: string): Section<T> => ({ title, error: 'skipped (--reader)', seconds: 0 });
  const core = readerOnly
    ? skip<CoreRow[]>('Core (in process, median of runs after warm-up)')
    : await section('Core (in process, median of runs after warm-up)', async () => {
        const rows = benchCore(sizes, quick);
        return { data: rows, table: coreTable(rows) };
      });
  let formRows: FormRow[] | undefined;
  const forms = readerOnly
    ? skip<FormRow[]>('Core on stacked forms (in process, median)')
    : await section('Core on stacked forms (in process, median)', async () => {
        formRows = benchForms(time, quick ? FORM_BLOCKS.slice(0, 1) : FORM_BLOCKS, quick);
        return {
          data: formRows,
          table: formTable(formRows),
          note: 'The 金安 form (layouts.md L3, 8 indicators) repeated one below another on one sheet; each block is its own table.',
        };
      });
  if (only) {
    console.log(`## Goals\n\n${goalsMarkdown([formGoal(formRows)])}`);
    return;
  }

  const dir = tempDir();
  let cliRows: CliRow[] | undefined;
  let cliFiles: BenchFile[] | undefined;
  let batch: Section<BatchRow[]> | undefined;
  let phaseRows: PhaseRow[] | undefined;
  let cli: Section<CliRow[]>;
  let phases: Section<PhaseRow[]>;
  try {
    cli = await section('CLI end to end (child processes, median)', async () => {
      buildCli();
      const files = await writeWorkbooks(quick ? CLI_SIZES.slice(0, 1) : CLI_SIZES, dir);
      cliFiles = files;
      const runs = quick ? 3 : 5;
      cliRows = benchCli(files, runs);
      phaseRows = benchPhases(files, quick ? 1 : 3);
      return {
        data: cliRows,
        table: cliTable(cliRows),
        note:
          `\`node bin/budget-check.js FILE > /dev/null\` and \`… --format json\` (the one-file bundle \`npm run build:cli\` makes) against ` +
          '`node scripts/bench/bare-floor.js FILE` (fflate + saxes over the same parts, nothing built) and ' +
          '`node scripts/bench/bare-read.js FILE` (ExcelJS `workbook.xlsx.readFile` + walking every cell); previous CLI: the ' +
          'compiled CLI of the checkout named by BENCH_BASELINE_CLI, run the same way; wall time of the whole ' +
          `process, median of ${runs} runs each after one warm-up, alternating. Workbooks: the clean-export layout of the reference table repeated.`,
      };
    });
    phases = await section('Where the CLI spends its time (one process, median)', async () => {
      if (!phaseRows) throw new Error('no CLI figures');
      return {
        data: phaseRows,
        table: phaseTable(phaseRows),
        note:
          "scripts/bench/cli-phases.js: the CLI's own calls, timed one by one. Bare floor: `scripts/bench/bare-floor.js FILE --time`, " +
          'the same work timed the same way (after start-up and reading the file) in its own process, alternating with the CLI phases.',
      };
    });
    batch = await section('Batch review (worker threads, one child process)', async () => {
      const large = cliFiles?.find((f) => f.projects >= 2000) ?? cliFiles?.[cliFiles.length - 1];
      const sample = path.join(ROOT, 'examples', 'sample.xlsx');
      // Two counts of the same file: memory must not follow the count.
      const rows = (quick ? [100] : [100, 1000]).map((n) => benchBatch(`${n} × sample.xlsx`, sample, n, dir));
      if (large && !quick)
        rows.push(benchBatch(`50 × ${large.projects.toLocaleString('en-US')} projects`, large.file, 50, dir));
      return {
        data: rows,
        table: batchTable(rows),
        note: `\`node bin/budget-check.js DIR --summary S.xlsx\` on ${os.cpus().length} cores (one worker thread each), text output to /dev/null; peak RSS of the whole process, workers included (scripts/bench/batch.ts). One run each.`,
      };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const excel = readerOnly
    ? skip<ExcelRow[]>("Excel path (Microsoft's client library on the wire host: gateway + core + marks plan)")
    : await section(
        "Excel path (Microsoft's client library on the wire host: gateway + core + marks plan)",
        async () => {
          const grids = sizes.map((n) => {
            const grid = benchGrid(n);
            const projects = check(grid, { rules: [] })[0]?.summary.projects ?? n;
            return { projects, grid };
          });
          const rows = await benchExcel(grids, quick ? CONFIGS.slice(0, 2) : CONFIGS);
          return {
            data: rows,
            table: excelTable(rows),
            note:
              "One check = read the active sheet + apply the marks plan of the core's findings; re-check = the same over the first check's marks; clear removes them; " +
              'indicator sheet = (re)write it. Round trips are "syncs + cleanup": the gateway\'s context.sync() calls plus the cleanup request the client sends at the end of Excel.run. ' +
              `Sizes are the exact serialized requests and responses of Microsoft's Excel client library (@microsoft/office-js), UTF-8 bytes; "web" refuses any over ${WEB_LIMIT.toLocaleString('en-US')} bytes, ` +
              'as Excel on the web does, and "refused" counts those (the gateway then retried smaller). "registry" is the client on npm (no notes API: comments); "notes" a client with notes, as on Microsoft\'s CDN.',
          };
        },
      );

  const bundles = await section('Task pane bundles (webpack production, own code only)', async () => {
    const b = await buildBundles();
    return {
      data: b.rows,
      table: bundleTable(b.rows),
      note: `webpack.config.js in production mode limited to these entries, no copy plugin (${(b.ms / 1000).toFixed(0)} s). Office.js is an external loaded by a <script> tag and not counted.`,
    };
  });

  let renderSkipped: string | undefined;
  let render: Section<RenderFigures> | undefined;
  if (readerOnly) renderSkipped = '--reader';
  else if (bundles.error) renderSkipped = 'the bundle build failed';
  else if (!fs.existsSync(CHROMIUM)) {
    renderSkipped = `chromium not found at ${CHROMIUM} (Debian: apt-get install -y chromium, or set CHROMIUM_PATH)`;
    console.log(`## Task pane first render\n\nSKIPPED: ${renderSkipped}\n`);
  } else {
    render = await section('Task pane first render (headless Chromium)', async () => {
      const loads = quick ? 3 : 7;
      const r = await benchRender(loads);
      return {
        data: r,
        table: renderTable(r),
        note:
          "test-output/bench-dist/pane.html mounts the real pane (src/taskpane/pane.ts) over the preview's in-memory workbook and built-in sample " +
          '(scripts/bench/pane-page.ts, same webpack production build), served from 127.0.0.1 uncached. Times from navigation start, median of ' +
          `${loads} loads in fresh browser contexts after one warm-up. Office.js's own load (CDN) is not included. First contentful paint is the "正在加载…" placeholder.`,
      };
    });
  }

  let tasks: Section<TaskRow[]> | undefined;
  if (render) {
    tasks = await section(PANE_TASKS_TITLE, async () => {
      const rows = await benchPaneTasks();
      return { data: rows, table: paneTasksTable(rows), note: PANE_TASKS_NOTE };
    });
  }

  const memory = await section('Memory (CLI peak resident set, maxRSS)', async () => {
    if (!cliRows) throw new Error('no CLI figures');
    return {
      data: cliRows.map((r) => ({ projects: r.projects, cliMaxRssMb: r.cliMaxRssMb, bareMaxRssMb: r.bareMaxRssMb })),
      table: memoryTable(cliRows),
      note: '`process.resourceUsage().maxRSS` at exit, recorded by scripts/bench/rss-hook.js preloaded with `node --require`; median of the runs above.',
    };
  });

  const hostile = await hostileSection();

  const g = goals({
    batch: batch?.data,
    cli: cliRows,
    phases: phaseRows,
    excel: excel.data,
    bundles: bundles.data,
    render: render?.data ?? null,
    renderSkipped,
  });
  g.push(formGoal(formRows));
  for (const x of hostileGoals(hostile.data)) g.push(x);
  const goalsText = goalsMarkdown(g);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`## Goals\n\n${goalsText}\n\nTotal ${seconds.toFixed(0)} s.`);

  const sections = [
    core,
    forms,
    cli,
    phases,
    ...(batch ? [batch] : []),
    excel,
    bundles,
    ...(render ? [render] : []),
    ...(tasks ? [tasks] : []),
    memory,
    hostile,
  ];
  fs.mkdirSync(path.dirname(RAW), { recursive: true });
  fs.writeFileSync(
    RAW,
    `${JSON.stringify({ date: started.toISOString(), command: command(args), quick, machine: m, seconds, goals: g, renderSkipped, sections: Object.fromEntries(sections.map((s) => [s.title, { data: s.data, error: s.error, seconds: s.seconds }])) }, null, 2)}\n`,
  );
  if (quick || readerOnly) {
    console.error(
      `bench: raw figures in ${path.relative(ROOT, RAW)}; --quick and --reader leave docs/performance.md alone.`,
    );
    return;
  }
  const body = sections
    .map((s) => `## ${s.title}\n\n${s.error ? `FAILED: ${s.error}` : `${s.table}${s.note ? `\n\n${s.note}` : ''}`}`)
    .concat(renderSkipped && !bundles.error ? [`## Task pane first render\n\nSKIPPED: ${renderSkipped}`] : [])
    .join('\n\n');
  const doc = [
    '# Performance',
    '',
    `Latest figures of \`${command(args)}\` (scripts/bench.ts), ${started.toISOString().slice(0, 10)} (${started.toISOString()}), in ${seconds.toFixed(0)} s.`,
    'Regenerate them with that command on a quiet machine; this file is overwritten by it.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory, Node ${m.node}, ${m.os}; load average at start ${m.loadAverageAtStart.join(' / ')}.`,
    '',
    '## Goals',
    '',
    goalsText,
    '',
    body,
    '',
    'Raw numbers of the same run: test-output/bench.json (not committed).',
    '',
  ].join('\n');
  fs.writeFileSync(DOC, doc);
  console.error(`bench: wrote ${path.relative(ROOT, DOC)} and ${path.relative(ROOT, RAW)}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
