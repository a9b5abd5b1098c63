/**
 * `npm run bench`: speed and size figures, printed as a Markdown table and written to
 * test-output/bench.json. Timings are medians of several runs after a warm-up; nothing here is a
 * pass/fail test (docs/performance.md keeps the latest figures).
 */
import { performance } from 'node:perf_hooks';
import { buildCleanExport, scaledReference, sheetToGrid } from './make-fixtures';
import { check } from '../src/core/check';
import { marksPlan } from '../src/core/marks';
import type { Grid } from '../src/core/grid';

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

export function time(fn: () => void, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
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

export function benchCore(sizes = SIZES): CoreRow[] {
  const rows: CoreRow[] = [];
  for (const n of sizes) {
    const grid = benchGrid(n);
    const runs = n >= 10000 ? 7 : 15;
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

async function main(): Promise<void> {
  const only = process.argv.includes('--core');
  console.log(`# budget-check benchmark — ${new Date().toISOString()} — Node ${process.version}\n`);
  console.log('## Core (median of runs after warm-up)\n');
  const core = benchCore();
  console.log(coreTable(core));
  if (only) return;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
