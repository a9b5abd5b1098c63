import { createHash } from 'crypto';
import { mkdtempSync, readFileSync } from 'fs';
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
