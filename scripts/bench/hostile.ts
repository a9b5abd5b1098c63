/**
 * Hostile-input figures (issue 12), each a child process with peak RSS from rss-hook.js:
 *
 * - far cell: the 9-project reference table plus one space at XFD1048576, through the CLI;
 * - 250,000 projects: the core check plus the text and JSON reports, in one process
 *   (scripts/bench/many-projects.ts, a generated grid: one indicator per project);
 * - --out on 40,000 projects: the CLI with and without --out on the same workbook.
 * - zip bombs (scripts/bench/zip-bomb.ts): a 2 GB unused part (a normal check, and --out), and sheet
 *   XML inflating to 2 GB (refused): time to the exit, peak RSS, exit code and the stderr line.
 *
 *   npm run bench -- --hostile              every case
 *   npm run bench -- --hostile zip-bomb     one case alone: far-cell | many-projects | out | zip-bomb
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { manyProjectsXlsx } from './many-projects-xlsx';
import { tempDir, writeWorkbooks, type ChildRun } from './cli';
import { BOMB_BYTES, writeBomb } from './zip-bomb';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'bin', 'budget-check.js');
const MANY = path.join(__dirname, 'many-projects.ts');
const TS_NODE = ['-r', 'ts-node/register/transpile-only'];
const HOOK = path.join(__dirname, 'rss-hook.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-JS preload that also exports its reader
const { readUsage } = require('./rss-hook') as {
  readUsage: (file: string) => { maxRssKb: number; userUs: number; systemUs: number };
};
/** A case that runs longer is reported as such rather than holding the bench for hours. */
const CASE_TIMEOUT_MS = Number(process.env.BENCH_CASE_MINUTES ?? 10) * 60_000;

export interface HostileRow {
  case: string;
  ms: number | null;
  maxRssMb: number | null;
  note: string;
}

function row(name: string, r: ChildRun | Error, note = ''): HostileRow {
  if (r instanceof Error)
    return { case: name, ms: null, maxRssMb: null, note: `failed: ${r.message.split('\n')[0].slice(0, 160)}` };
  return { case: name, ms: r.ms, maxRssMb: r.maxRssKb / 1024, note };
}

/** A child's run with its exit status and the first line it wrote to stderr. */
type Exited = ChildRun & { status: number; stderr: string };

/** One child process (stdout to /dev/null) with wall time, peak RSS and CPU, or the reason it failed. */
function attempt(args: readonly string[], ok: readonly number[] = [0, 1]): Exited | Error {
  const rssFile = path.join(os.tmpdir(), `budget-check-hostile-rss-${process.pid}.json`);
  fs.rmSync(rssFile, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', HOOK, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, BENCH_RSS_OUT: rssFile },
    timeout: CASE_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const ms = performance.now() - t;
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')
    return new Error(`still running after ${CASE_TIMEOUT_MS / 60_000} min, stopped`);
  if (r.error) return r.error;
  if (r.status === null || !ok.includes(r.status))
    return new Error(`exit ${r.status ?? r.signal}: ${r.stderr.toString().trim().slice(0, 200)}`);
  try {
    const u = readUsage(rssFile);
    const stderr = r.stderr.toString().split('\n')[0].trim();
    return { ms, maxRssKb: u.maxRssKb, cpuMs: (u.userUs + u.systemUs) / 1000, status: r.status, stderr };
  } finally {
    fs.rmSync(rssFile, { force: true });
  }
}

/** The reference table (9 projects) with one space at XFD1048576. */
async function farCellWorkbook(dir: string): Promise<string> {
  const [small] = await writeWorkbooks([9], dir);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(small.file);
  wb.worksheets[0].getCell('XFD1048576').value = ' ';
  const file = path.join(dir, 'far-cell.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

export const HOSTILE_CASES = ['far-cell', 'many-projects', 'out', 'zip-bomb'] as const;
export type HostileCase = (typeof HOSTILE_CASES)[number];

/** `exit 2 · 文件解压后过大…` — what the clerk sees, beside the figures. */
function exitNote(r: Exited | Error, extra = ''): string {
  if (r instanceof Error) return '';
  return `exit ${r.status}${r.stderr ? ` · “${r.stderr.slice(0, 120)}”` : ' · no stderr'}${extra}`;
}

/** The two zip bombs through the CLI (and --out on the unused-part one). */
async function zipBombRows(dir: string): Promise<HostileRow[]> {
  const rows: HostileRow[] = [];
  const gb = (BOMB_BYTES / 1e9).toFixed(0);
  const media = await writeBomb(dir, 'media');
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const check = attempt([CLI, media.file], [0, 1, 2]);
  rows.push(
    row(
      `zip bomb: ${mb(media.bytes)} MB file, unused xl/media part of ${gb} GB, CLI text`,
      check,
      exitNote(check, ' — the part is never inflated: the check runs as on the sample'),
    ),
  );
  const out = path.join(dir, 'zip-bomb-annotated.xlsx');
  const annotated = attempt([CLI, media.file, '--out', out], [0, 1, 2]);
  rows.push(
    row(
      `zip bomb: the same file, CLI text --out`,
      annotated,
      exitNote(
        annotated,
        fs.existsSync(out) ? ` — copy ${mb(fs.statSync(out).size)} MB: the part copied compressed, byte for byte` : '',
      ),
    ),
  );
  const sheet = await writeBomb(dir, 'sheet');
  const refused = attempt([CLI, sheet.file], [0, 1, 2]);
  rows.push(
    row(
      `zip bomb: ${mb(sheet.bytes)} MB file, sheet XML inflating to ${gb} GB, CLI text`,
      refused,
      exitNote(refused, ' — refused on the declared size, before inflating (src/xlsx/unzip.ts)'),
    ),
  );
  const lying = await writeBomb(dir, 'sheet-lying');
  const counted = attempt([CLI, lying.file], [0, 1, 2]);
  rows.push(
    row(
      `zip bomb: the same, its headers claiming 3.5 KB for the sheet, CLI text`,
      counted,
      exitNote(counted, ' — refused by counting the inflated bytes as they stream, not by the claimed size'),
    ),
  );
  return rows;
}

export async function benchHostile(only?: HostileCase): Promise<HostileRow[]> {
  const dir = tempDir();
  const rows: HostileRow[] = [];
  const runs = (c: HostileCase) => only === undefined || only === c;
  try {
    if (runs('zip-bomb')) rows.push(...(await zipBombRows(dir)));
    if (runs('far-cell')) {
      const far = await farCellWorkbook(dir);
      rows.push(row('far cell (9 projects + XFD1048576), CLI text', attempt([CLI, far])));
    }
    if (runs('many-projects')) {
      rows.push(
        row(
          '250,000 projects, core + text report',
          attempt([...TS_NODE, MANY, '250000', 'text']),
          'generated grid, one indicator per project',
        ),
      );
      rows.push(
        row(
          '250,000 projects, core + JSON report',
          attempt([...TS_NODE, MANY, '250000', 'json']),
          'same grid; same error findings, so the same exit status',
        ),
      );
      // The same table as a workbook through the CLI: reader + core + report, as a clerk runs it.
      const file = path.join(dir, 'many-250000.xlsx');
      fs.writeFileSync(file, manyProjectsXlsx(250000));
      const size = `${(fs.statSync(file).size / 1e6).toFixed(1)} MB workbook`;
      const text = attempt([CLI, file]);
      rows.push(row('250,000 projects, CLI text', text, `${size}; ${exitNote(text)}`));
      const json = attempt([CLI, '--format', 'json', file]);
      rows.push(row('250,000 projects, CLI --format json', json, `${size}; ${exitNote(json)} (written in pieces)`));
    }
    if (runs('out')) {
      const [big] = await writeWorkbooks([40000], dir);
      const plain = attempt([CLI, big.file]);
      rows.push(
        row(
          `${big.projects.toLocaleString('en-US')} projects, CLI text`,
          plain,
          `${(big.bytes / 1e6).toFixed(1)} MB workbook`,
        ),
      );
      const out = path.join(dir, 'annotated.xlsx');
      const annotated = attempt([CLI, big.file, '--out', out]);
      const ratio =
        !(plain instanceof Error) && !(annotated instanceof Error)
          ? ` — ${(annotated.ms / plain.ms).toFixed(2)}× the time, ${(annotated.maxRssKb / plain.maxRssKb).toFixed(2)}× the memory of the plain check`
          : '';
      rows.push(
        row(
          `${big.projects.toLocaleString('en-US')} projects, CLI text --out`,
          annotated,
          `copy ${fs.existsSync(out) ? (fs.statSync(out).size / 1e6).toFixed(1) : '?'} MB${ratio}`,
        ),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function hostileTable(rows: readonly HostileRow[]): string {
  const f = (x: number | null, d = 0): string =>
    x === null ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: d });
  return [
    '| case | wall time (ms) | peak RSS (MB) | note |',
    '|---|---:|---:|---|',
    ...rows.map((r) => `| ${r.case} | ${f(r.ms)} | ${f(r.maxRssMb)} | ${r.note} |`),
  ].join('\n');
}

/** Issue 12's goals, judged on the rows above: memory of the largest cases, and --out against the plain check. */
export function hostileGoals(
  rows: readonly HostileRow[] | undefined,
): { goal: string; met: boolean | null; detail: string }[] {
  const find = (prefix: string) => rows?.find((r) => r.case.startsWith(prefix) && r.maxRssMb !== null);
  const big = ['250,000 projects, CLI text', '250,000 projects, CLI --format json'].map(find);
  const memory = {
    goal: 'any workbook ≤ 1 GB resident (250,000 projects through the CLI, text and JSON)',
    met: big.every((r) => r) ? big.every((r) => r!.maxRssMb! <= 1024) : null,
    detail: big.every((r) => r)
      ? `text ${Math.round(big[0]!.maxRssMb!)} MB, JSON ${Math.round(big[1]!.maxRssMb!)} MB (the CLI and its capped child process, peaks summed).`
      : 'not measured.',
  };
  const plain = rows?.find((r) => /projects, CLI text$/.test(r.case) && !r.case.startsWith('250,000'));
  const out = rows?.find((r) => r.case.endsWith('CLI text --out') && !r.case.startsWith('zip bomb'));
  const ok = plain?.ms && out?.ms && plain.maxRssMb && out.maxRssMb;
  const t = ok ? out!.ms! / plain!.ms! : 0;
  const m = ok ? out!.maxRssMb! / plain!.maxRssMb! : 0;
  const annotated = {
    goal: '--out ≤ 2× the plain check’s time and memory (40,000 projects)',
    met: ok ? t <= 2 && m <= 2 : null,
    detail: ok ? `${t.toFixed(2)}× the time, ${m.toFixed(2)}× the memory.` : 'not measured.',
  };
  return [memory, annotated];
}
