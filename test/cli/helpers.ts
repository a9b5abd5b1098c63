import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** main() in-process with captured output. */
export async function run(argv: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** The bundled CLI that bin/budget-check.js runs (webpack.cli.config.js). */
export const BUNDLE = path.join(ROOT, 'build', 'bundle', 'budget-check.js');

/**
 * Builds the CLI as `npm run build:cli` does (tsc, then the bundle). A type error elsewhere (core
 * work in progress) still emits JavaScript and a bundle, so the status is not what decides; the
 * bundle and its worker script are.
 */
export function buildCli(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js')], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(BUNDLE) || !existsSync(path.join(path.dirname(BUNDLE), 'worker.js')))
    throw new Error(`the CLI bundle was not built: ${r.stderr}`);
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'budget-check-cli-'));
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The fill colour of a solid-filled cell (ARGB), or undefined. */
export function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill;
  if (!f || f.type !== 'pattern' || f.pattern !== 'solid') return undefined;
  return f.fgColor?.argb;
}

export function noteOf(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

/** A stderr that is one line of text and carries no stack trace. */
export function expectOneLineNoStack(stderr: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |\bat .*\.(js|ts):\d+|Error:/);
}
