/**
 * The core on stacked forms: N copies of the 金安 form (docs/layouts.md L3, 18 rows, 8 indicators,
 * from test/fixtures/forms/families.ts) one below another on one sheet, each its own table. The
 * issue's goal: 10,000 form blocks checked in under 1 s.
 */
import type { Grid } from '../../src/core/grid';
import { check } from '../../src/core/check';
import { FAMILIES } from '../../test/fixtures/forms/families';

export const FORM_BLOCKS = [1000, 10000];
export const FORM_GOAL_MS = 1000;

export interface FormRow {
  blocks: number;
  rows: number;
  tables: number;
  indicators: number;
  parseMs: number;
  checkMs: number;
}

/** `blocks` L3 forms stacked with a blank row between them. */
export function formGrid(blocks: number): Grid {
  const l3 = FAMILIES.find((f) => f.id === 'L3');
  if (!l3) throw new Error('L3 fixture missing');
  const block = l3.rows.slice(0, 19);
  const cells: Grid['cells'] = [];
  for (let b = 0; b < blocks; b++) {
    for (const r of block) cells.push(r.map((v) => (v === null ? null : { value: v })));
  }
  return { sheet: 'forms', top: 1, left: 1, cells };
}

export function benchForms(
  time: (fn: () => void, runs: number, warmup?: number) => number,
  blocks = FORM_BLOCKS,
  quick = false,
): FormRow[] {
  const out: FormRow[] = [];
  for (const n of blocks) {
    const grid = formGrid(n);
    const tables = check(grid);
    const runs = quick ? 3 : 7;
    out.push({
      blocks: n,
      rows: grid.cells.length,
      tables: tables.length,
      indicators: tables.reduce((s, t) => s + t.summary.indicators, 0),
      parseMs: time(() => check(grid, { rules: [] }), runs, 1),
      checkMs: time(() => check(grid), runs, 1),
    });
  }
  return out;
}

export function formTable(rows: FormRow[]): string {
  const lines = [
    '| form blocks | sheet rows | tables | indicators | read (ms) | full check (ms) |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.blocks.toLocaleString('en-US')} | ${r.rows.toLocaleString('en-US')} | ${r.tables.toLocaleString('en-US')} | ${r.indicators.toLocaleString('en-US')} | ${r.parseMs.toFixed(1)} | ${r.checkMs.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

/** The goal line of docs/performance.md for the forms case. */
export function formGoal(rows: readonly FormRow[] | undefined): { goal: string; met: boolean | null; detail: string } {
  const goal = `core on ${FORM_BLOCKS[FORM_BLOCKS.length - 1].toLocaleString('en-US')} form blocks < ${FORM_GOAL_MS} ms`;
  const r = rows?.find((x) => x.blocks === FORM_BLOCKS[FORM_BLOCKS.length - 1]);
  if (!r) return { goal, met: null, detail: 'not measured (--quick measures 1,000 blocks only).' };
  return {
    goal,
    met: r.checkMs < FORM_GOAL_MS,
    detail: `${r.tables.toLocaleString('en-US')} tables, ${r.indicators.toLocaleString('en-US')} indicators on ${r.rows.toLocaleString('en-US')} rows: full check ${Math.round(r.checkMs)} ms (read alone ${Math.round(r.parseMs)} ms).`,
  };
}
