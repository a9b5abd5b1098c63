/**
 * The CLI end to end on real .xlsx files: the bundled CLI (build/bundle, made by scripts/build-cli.js) run as
 * a child process, `node bin/budget-check.js FILE > /dev/null` (the default text report) and with
 * `--format json` (the full report: 41 MB for 10,000 projects), against a bare read of
 * the same file by the same reader (scripts/bench/bare-read.js: ExcelJS loads it and walks the
 * cells). Both run with scripts/bench/rss-hook.js preloaded, which records peak resident memory.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { buildCleanExport, scaledReference, toXlsxBuffer } from '../make-fixtures';

const ROOT = path.resolve(__dirname, '../..');
const HOOK = path.join(__dirname, 'rss-hook.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-JS preload that also exports its reader
const { readUsage } = require('./rss-hook') as {
  readUsage: (file: string) => { maxRssKb: number; userUs: number; systemUs: number };
};
const BARE = path.join(__dirname, 'bare-read.js');
const FLOOR = path.join(__dirname, 'bare-floor.js');
/**
 * The CLI as it was before src/xlsx (ExcelJS reader), for the "≤ 0.6× today's CLI" ratio: a
 * directory holding that version's compiled `build/cli/main.js` (see docs/performance.md).
 */
const BASELINE = process.env.BENCH_BASELINE_CLI;
const CLI = path.join(ROOT, 'bin', 'budget-check.js');
const REFERENCE_PROJECTS = 9;

export interface BenchFile {
  projects: number;
  file: string;
  bytes: number;
}

/** The clean-export layout of ~`n` projects (the reference table repeated) for each size, as .xlsx. */
export async function writeWorkbooks(sizes: readonly number[], dir: string): Promise<BenchFile[]> {
  const out: BenchFile[] = [];
  for (const n of sizes) {
    const t = scaledReference(Math.max(1, Math.round(n / REFERENCE_PROJECTS)));
    const buf = await toXlsxBuffer(buildCleanExport(t));
    const file = path.join(dir, `clean-export-${n}.xlsx`);
    fs.writeFileSync(file, buf);
    out.push({ projects: t.projects.length, file, bytes: buf.length });
  }
  return out;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'budget-check-bench-'));
}

/** `npm run build:cli` (tsc into build/, then the bundle bin/ runs), without npm's own start-up. */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ChildRun {
  ms: number;
  maxRssKb: number;
  cpuMs: number;
}

/** One child process with stdout to /dev/null: wall time, peak RSS, CPU time. */
export function runChild(args: readonly string[], okCodes: readonly number[] = [0]): ChildRun {
  const rssFile = path.join(os.tmpdir(), `budget-check-bench-rss-${process.pid}.json`);
  fs.rmSync(rssFile, { force: true });
  const devNull = fs.openSync(os.devNull, 'w');
  try {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--require', HOOK, ...args], {
      cwd: ROOT,
      stdio: ['ignore', devNull, 'pipe'],
      env: { ...process.env, BENCH_RSS_OUT: rssFile },
      maxBuffer: 16 * 1024 * 1024,
    });
    const ms = performance.now() - t;
    if (r.error) throw r.error;
    if (r.status === null || !okCodes.includes(r.status)) {
      throw new Error(`${path.basename(args[0])} exited ${r.status ?? r.signal}: ${r.stderr.toString().slice(0, 500)}`);
    }
    const u = readUsage(rssFile);
    return { ms, maxRssKb: u.maxRssKb, cpuMs: (u.userUs + u.systemUs) / 1000 };
  } finally {
    fs.closeSync(devNull);
    fs.rmSync(rssFile, { force: true });
  }
}

export interface CliRow {
  projects: number;
  fileBytes: number;
  runs: number;
  /** `--format json`. */
  cliMs: number;
  bareMs: number;
  ratio: number;
  /** The default text report. */
  textMs: number;
  textRatio: number;
  cliCpuMs: number;
  bareCpuMs: number;
  cliMaxRssMb: number;
  bareMaxRssMb: number;
  /** fflate + saxes over the same parts, no grid, no core (scripts/bench/bare-floor.js). */
  floorMs: number;
  textOverFloor: number;
  jsonOverFloor: number;
  /** The pre-src/xlsx CLI (BENCH_BASELINE_CLI), when given. */
  baselineTextMs?: number;
  baselineJsonMs?: number;
  /** Every run, for test-output/bench.json. */
  cli: ChildRun[];
  text: ChildRun[];
  bare: ChildRun[];
  floor: ChildRun[];
}

const med = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Median of `runs` runs of each after one warm-up of each (page cache, compiled-code cache). The CLI
 * and the bare read alternate, so a noisy moment hits both alike.
 */
export function benchCli(files: readonly BenchFile[], runs: number): CliRow[] {
  const rows: CliRow[] = [];
  for (const f of files) {
    const cliArgs = [CLI, f.file, '--format', 'json'];
    const textArgs = [CLI, f.file];
    const bareArgs = [BARE, f.file];
    const floorArgs = [FLOOR, f.file];
    const launcher = BASELINE ? path.join(os.tmpdir(), `budget-check-baseline-${process.pid}.js`) : '';
    if (BASELINE)
      fs.writeFileSync(
        launcher,
        `require(${JSON.stringify(path.resolve(BASELINE, 'build', 'cli', 'main.js'))}).main(process.argv.slice(2)).then((c) => { process.exitCode = c; });\n`,
      );
    // Exit 1 is "the table has errors": a normal outcome of a check.
    runChild(cliArgs, [0, 1]);
    runChild(textArgs, [0, 1]);
    runChild(bareArgs);
    runChild(floorArgs);
    const cli: ChildRun[] = [];
    const text: ChildRun[] = [];
    const bare: ChildRun[] = [];
    const floor: ChildRun[] = [];
    const baseText: ChildRun[] = [];
    const baseJson: ChildRun[] = [];
    for (let i = 0; i < runs; i++) {
      cli.push(runChild(cliArgs, [0, 1]));
      text.push(runChild(textArgs, [0, 1]));
      bare.push(runChild(bareArgs));
      floor.push(runChild(floorArgs));
      if (BASELINE) {
        baseText.push(runChild([launcher, f.file], [0, 1]));
        baseJson.push(runChild([launcher, f.file, '--format', 'json'], [0, 1]));
      }
    }
    if (BASELINE) fs.rmSync(launcher, { force: true });
    const floorMs = med(floor.map((r) => r.ms));
    const cliMs = med(cli.map((r) => r.ms));
    const bareMs = med(bare.map((r) => r.ms));
    const textMs = med(text.map((r) => r.ms));
    rows.push({
      projects: f.projects,
      fileBytes: f.bytes,
      runs,
      cliMs,
      bareMs,
      ratio: cliMs / bareMs,
      textMs,
      textRatio: textMs / bareMs,
      cliCpuMs: med(cli.map((r) => r.cpuMs)),
      bareCpuMs: med(bare.map((r) => r.cpuMs)),
      cliMaxRssMb: med(cli.map((r) => r.maxRssKb)) / 1024,
      bareMaxRssMb: med(bare.map((r) => r.maxRssKb)) / 1024,
      floorMs,
      textOverFloor: textMs / floorMs,
      jsonOverFloor: cliMs / floorMs,
      ...(BASELINE
        ? { baselineTextMs: med(baseText.map((r) => r.ms)), baselineJsonMs: med(baseJson.map((r) => r.ms)) }
        : {}),
      cli,
      text,
      bare,
      floor,
    });
  }
  return rows;
}

const n0 = (x: number): string => Math.round(x).toLocaleString('en-US');

export function cliTable(rows: CliRow[]): string {
  const base = rows.some((r) => r.baselineTextMs !== undefined);
  const lines = [
    `| projects | .xlsx size | bare floor read, fflate + saxes (ms) | bare ExcelJS read (ms) | CLI, text report (ms) | text / floor | CLI \`--format json\` (ms) | json / floor |${base ? ' previous CLI text / json (ms) | text / previous | json / previous |' : ''}`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|${base ? '---:|---:|---:|' : ''}`,
  ];
  for (const r of rows) {
    const b =
      r.baselineTextMs !== undefined && r.baselineJsonMs !== undefined
        ? ` ${n0(r.baselineTextMs)} / ${n0(r.baselineJsonMs)} | ${(r.textMs / r.baselineTextMs).toFixed(2)}× | ${(r.cliMs / r.baselineJsonMs).toFixed(2)}× |`
        : '';
    lines.push(
      `| ${n0(r.projects)} | ${(r.fileBytes / 1024).toFixed(0)} KB | ${n0(r.floorMs)} | ${n0(r.bareMs)} | ${n0(r.textMs)} | ${r.textOverFloor.toFixed(2)}× | ${n0(r.cliMs)} | ${r.jsonOverFloor.toFixed(2)}× |${b}`,
    );
  }
  return lines.join('\n');
}

export function memoryTable(rows: CliRow[]): string {
  const lines = [
    '| projects | CLI peak RSS (MB) | bare read peak RSS (MB) | CLI − bare (MB) |',
    '|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${n0(r.projects)} | ${r.cliMaxRssMb.toFixed(0)} | ${r.bareMaxRssMb.toFixed(0)} | ${(r.cliMaxRssMb - r.bareMaxRssMb).toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

const PHASES = path.join(__dirname, 'cli-phases.js');
export const PHASE_NAMES = ['startup', 'load', 'grids', 'check', 'json', 'write'] as const;
export type Phase = (typeof PHASE_NAMES)[number];

export interface PhaseRow {
  projects: number;
  /** Median ms of each phase in one process (scripts/bench/cli-phases.js). */
  ms: Record<Phase, number>;
  /** Median ms of the bare floor's own work (bare-floor.js --time): inflate + tokenize, no grid. */
  floorMs: number;
  outputBytes: number;
}

/** Where the CLI's time goes for each file: median over `runs` child runs of each phase. */
export function benchPhases(files: readonly BenchFile[], runs: number): PhaseRow[] {
  return files.map((f) => {
    const samples: (Record<Phase, number> & { outputBytes: number })[] = [];
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, [PHASES, f.file], { cwd: ROOT, maxBuffer: 1024 * 1024 }).toString();
      samples.push(JSON.parse(out) as Record<Phase, number> & { outputBytes: number });
      const bare = execFileSync(process.execPath, [FLOOR, f.file, '--time'], { cwd: ROOT }).toString();
      floor.push((JSON.parse(bare) as { ms: number }).ms);
    }
    const ms = Object.fromEntries(PHASE_NAMES.map((p) => [p, med(samples.map((s) => s[p]))])) as Record<Phase, number>;
    return { projects: f.projects, ms, floorMs: med(floor), outputBytes: samples[0].outputBytes };
  });
}

export function phaseTable(rows: PhaseRow[]): string {
  const lines = [
    '| projects | start-up + require (ms) | read file (ms) | unzip + XML → grid (ms) | bare floor: unzip + XML only (ms) | grid / floor | core check (ms) | JSON report (ms) | write (ms) | JSON output |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const m = r.ms;
    lines.push(
      `| ${n0(r.projects)} | ${n0(m.startup)} | ${n0(m.load)} | ${n0(m.grids)} | ${n0(r.floorMs)} | ${(m.grids / r.floorMs).toFixed(2)}× | ${n0(m.check)} | ${n0(m.json)} | ${n0(m.write)} | ${(r.outputBytes / 1e6).toFixed(1)} MB |`,
    );
  }
  return lines.join('\n');
}
