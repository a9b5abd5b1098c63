/**
 * The launcher runs the bundled CLI (webpack.cli.config.js): --version, a check, a batch on worker
 * threads and the memory-capped child all work through bin/budget-check.js, and a plain check
 * evaluates none of the code only --out, a batch or an .xls needs.
 *
 * What ran is read from V8's own coverage (NODE_V8_COVERAGE, the mechanism c8 uses): every script a
 * process (or worker thread) compiled, with a call count for every function — in the bundle, each
 * module is one function (webpack's "module factory"), run the first time the module is required.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { BUNDLE, buildCli, expectOneLineNoStack, FIXTURES, readBook, ROOT, tempDir } from './helpers';

const BIN = path.join(ROOT, 'bin', 'budget-check.js');
const WORKER = path.join(path.dirname(BUNDLE), 'worker.js');
const CLEAN = path.join(FIXTURES, 'clean-export.xlsx');

interface ScriptCoverage {
  url: string;
  functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[];
}

interface Traced {
  status: number | null;
  stdout: string;
  stderr: string;
  /** One entry per process or worker thread: the scripts it compiled. */
  processes: ScriptCoverage[][];
}

/** bin/budget-check.js in a child process, with V8 coverage written to a fresh folder. */
function traced(args: string[], env: Record<string, string> = {}): Traced {
  const covDir = path.join(tempDir(), 'coverage');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tempDir(),
    encoding: 'utf8',
    env: { ...process.env, NODE_V8_COVERAGE: covDir, ...env },
  });
  const processes = existsSync(covDir)
    ? readdirSync(covDir).map(
        (f) => (JSON.parse(readFileSync(path.join(covDir, f), 'utf8')) as { result: ScriptCoverage[] }).result,
      )
    : [];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, processes };
}

const fileOf = (url: string): string => (url.startsWith('file://') ? new URL(url).pathname : url);

/** Whether the module `id` (as webpack names it) was evaluated in this process's `bundle`. */
function evaluated(scripts: ScriptCoverage[], bundle: string, id: string): boolean {
  const source = readFileSync(bundle, 'utf8');
  const marker = `/***/ ${JSON.stringify(id)}`;
  const at = source.indexOf(marker);
  if (at < 0) throw new Error(`${id} is not in ${bundle}`);
  const script = scripts.find((s) => fileOf(s.url) === bundle);
  if (!script) throw new Error(`${bundle} did not run`);
  // The factory is the first function after the module's marker comment.
  let factory: { startOffset: number; count: number } | undefined;
  for (const f of script.functions) {
    const r = f.ranges[0];
    if (r.startOffset > at && (!factory || r.startOffset < factory.startOffset)) factory = r;
  }
  if (!factory || factory.startOffset > at + marker.length + 200) throw new Error(`no module function for ${id}`);
  return factory.count > 0;
}

/** Modules a plain check must not evaluate: --out's, the batch's, the .xls reader's, both packages. */
const NOT_ON_A_PLAIN_CHECK = [
  './build/cli/annotate.js',
  './build/cli/annotate-cells.js',
  './build/cli/annotate-notes.js',
  './build/cli/indicator-part.js',
  './build/cli/indicator-styles.js',
  './build/cli/ooxml.js',
  './build/cli/utf8-chunks.js',
  './build/cli/batch/run.js',
  './build/cli/batch/pool.js',
  './build/cli/batch/summary.js',
  './build/cli/read-xls.js',
  'exceljs',
  '@e965/xlsx',
  // Node's own module, loaded only to start the memory-capped child.
  'child_process',
];

beforeAll(() => {
  buildCli();
}, 180_000);

test('--version through the bundle prints package.json’s version', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const r = traced(['--version']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(`budget-check ${pkg.version}\n`);
});

describe('a plain check', () => {
  let text: Traced;
  let json: Traced;
  beforeAll(() => {
    text = traced([CLEAN]);
    json = traced([CLEAN, '--format', 'json']);
  });

  test('runs from the one bundled file: no other file of the project is loaded', () => {
    for (const r of [text, json]) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.processes).toHaveLength(1);
      const ours = r.processes[0]
        .map((s) => fileOf(s.url))
        .filter((f) => f.startsWith(ROOT))
        .sort();
      expect(ours).toEqual([BIN, BUNDLE].sort());
    }
    expect(text.stdout).toMatch(/^9 个项目/m);
    expect(JSON.parse(json.stdout).tables[0].summary.projects).toBe(9);
  });

  test('evaluates neither ExcelJS, @e965/xlsx, nor the --out, batch and .xls modules', () => {
    for (const r of [text, json]) {
      const scripts = r.processes[0];
      expect(scripts.some((s) => /node_modules[\\/](exceljs|@e965)[\\/]/.test(fileOf(s.url)))).toBe(false);
      for (const id of NOT_ON_A_PLAIN_CHECK) expect([id, evaluated(scripts, BUNDLE, id)]).toEqual([id, false]);
      // What a check does need ran (the measure can see an evaluated module).
      expect(evaluated(scripts, BUNDLE, './build/cli/read-xlsx.js')).toBe(true);
      expect(evaluated(scripts, BUNDLE, './build/core/check.js')).toBe(true);
    }
  });
});

test('--out evaluates the annotate modules from the bundle and writes the copy', () => {
  const out = path.join(tempDir(), 'annotated.xlsx');
  const r = traced([path.join(FIXTURES, 'defects.xlsx'), '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1);
  expect(existsSync(out)).toBe(true);
  expect(evaluated(r.processes[0], BUNDLE, './build/cli/annotate.js')).toBe(true);
  expect(evaluated(r.processes[0], BUNDLE, 'exceljs')).toBe(false);
});

test('--summary on two files: worker threads run build/bundle/worker.js, ExcelJS loads for the summary', async () => {
  const dir = tempDir();
  const a = path.join(dir, 'a', 'clean-export.xlsx');
  const b = path.join(dir, 'b', 'defects.xlsx');
  mkdirSync(path.dirname(a));
  mkdirSync(path.dirname(b));
  copyFileSync(CLEAN, a);
  copyFileSync(path.join(FIXTURES, 'defects.xlsx'), b);
  const summary = path.join(dir, 'summary.xlsx');
  const r = traced([a, b, '--summary', summary, '--jobs', '2']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(1); // defects.xlsx has errors
  const workers = r.processes.filter((scripts) => scripts.some((s) => fileOf(s.url) === WORKER));
  expect(workers).toHaveLength(2);
  const main = r.processes.filter((scripts) => scripts.some((s) => fileOf(s.url) === BUNDLE));
  expect(main).toHaveLength(1);
  expect(evaluated(main[0], BUNDLE, 'exceljs')).toBe(true);
  const book = await readBook(summary);
  const files = book.worksheets[0]
    .getColumn(1)
    .values.filter((v): v is string => typeof v === 'string')
    .join('\n');
  expect(files).toContain('clean-export.xlsx');
  expect(files).toContain('defects.xlsx');
});

test('the memory-capped child process runs the bundle too, with the same report', () => {
  const inProcess = traced([CLEAN, '--format', 'json'], { BUDGET_CHECK_CAPPED: '1' });
  const capped = traced([CLEAN, '--format', 'json'], { BUDGET_CHECK_HEAP_MB: '200' });
  expect(capped.stderr).toBe('');
  expect(capped.status).toBe(0);
  expect(capped.stdout).toBe(inProcess.stdout);
  const ranBundle = (r: Traced) =>
    r.processes.filter((scripts) => scripts.some((s) => fileOf(s.url) === BUNDLE)).length;
  expect(ranBundle(inProcess)).toBe(1);
  expect(ranBundle(capped)).toBe(2); // the parent and its capped child
  expect(capped.processes.some((scripts) => evaluated(scripts, BUNDLE, 'child_process'))).toBe(true);
});

test('the launcher without a build says how to build, in one line, exit 2', () => {
  const unbuilt = tempDir();
  mkdirSync(path.join(unbuilt, 'bin'));
  copyFileSync(BIN, path.join(unbuilt, 'bin', 'budget-check.js'));
  const r = spawnSync(process.execPath, [path.join(unbuilt, 'bin', 'budget-check.js'), CLEAN], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expectOneLineNoStack(r.stderr);
  expect(r.stderr).toMatch(/^budget-check: 尚未构建：请先在项目目录运行 npm run build:cli/);
});
