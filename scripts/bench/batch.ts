/**
 * Batch review throughput: `budget-check DIR --summary S.xlsx` (the bundle, worker threads, one per
 * core) over many copies of a workbook, as one child process: files per second and the peak
 * resident memory of the whole process (workers included: they are threads of it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { runChild, type ChildRun } from './cli';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'bin', 'budget-check.js');

export interface BatchRow {
  label: string;
  files: number;
  fileBytes: number;
  ms: number;
  filesPerSecond: number;
  maxRssMb: number;
  run: ChildRun;
}

/** `count` copies of `source` under `dir` (in sub-folders of 100, as a department's tree would be). */
export function copies(source: string, count: number, dir: string): void {
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `unit-${Math.floor(i / 100)}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.copyFileSync(source, path.join(sub, `submission-${i}.xlsx`));
  }
}

export function benchBatch(label: string, source: string, count: number, work: string): BatchRow {
  const dir = path.join(work, label.replace(/\W+/g, '-'));
  copies(source, count, dir);
  const summary = path.join(work, `${path.basename(dir)}-summary.xlsx`);
  const run = runChild([CLI, dir, '--summary', summary], [0, 1, 2]);
  return {
    label,
    files: count,
    fileBytes: fs.statSync(source).size,
    ms: run.ms,
    filesPerSecond: count / (run.ms / 1000),
    maxRssMb: run.maxRssKb / 1024,
    run,
  };
}

export function batchTable(rows: BatchRow[]): string {
  const lines = ['| files | each | wall time (s) | files / s | peak RSS (MB) |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${(r.fileBytes / 1024).toFixed(0)} KB | ${(r.ms / 1000).toFixed(1)} | ${r.filesPerSecond.toFixed(1)} | ${r.maxRssMb.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}
