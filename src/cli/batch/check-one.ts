/**
 * One workbook checked exactly as `budget-check FILE --format json` checks it (same reader, same
 * reasons, same exit status): the batch runs the CLI's own main per file, in a worker or inline.
 */
import { main } from '../main';

export interface CheckRequest {
  file: string;
  locale: string;
  sheets: readonly string[];
}

export interface FileResult {
  file: string;
  /** The file's exit status: 0, 1 or 2. */
  code: number;
  /** The JSON report, when the file could be checked. */
  report?: string;
  /** The one-line reason, when it could not. */
  error?: string;
}

export async function checkOne(req: CheckRequest): Promise<FileResult> {
  let stdout = '';
  let stderr = '';
  const argv = ['--format', 'json', '--lang', req.locale];
  for (const s of req.sheets) argv.push('--sheet', s);
  // `--` keeps a file named like an option a file.
  argv.push('--', req.file);
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  const result: FileResult = { file: req.file, code };
  if (stdout.trim()) result.report = stdout;
  if (stderr.trim()) result.error = stderr.trim().replace(/^budget-check:\s*/, '');
  return result;
}
