/**
 * The Excel path through the recorded fake of the object model (test/excel/fake-excel.ts): the bench
 * grid loaded into a fake sheet, read by the real gateway, checked by the real core, its real marks
 * plan applied and then cleared. Counts context.sync() round trips and the largest request and
 * response per step, against Excel on the web's 5 MB payload cap (enforced on UTF-8 bytes here).
 */
import type { Grid } from '../../src/core/grid';
import { address } from '../../src/core/grid';
import { check } from '../../src/core/check';
import { marksPlan } from '../../src/core/marks';
import { ExcelWorkbook } from '../../src/excel';
import type { ExcelRun } from '../../src/excel/read-sheet';
import { FakeError, FakeWorkbook } from '../../test/excel/fake-excel';

/** Excel on the web refuses a request or response over 5 MB. */
export const WEB_LIMIT = 5_000_000;
/** The goal leaves a margin under it. */
export const GOAL_MAX_PAYLOAD = 4 * 1024 * 1024;

export interface StepFigures {
  syncs: number;
  /** Syncs Excel on the web refused as too large (counted in `syncs`; the gateway then retried smaller). */
  refused: number;
  /** Largest request / response of the step that Excel accepted, UTF-8 bytes of the JSON. */
  maxRequest: number;
  maxResponse: number;
  /** Largest as the fake counts them, refused ones included (JSON characters: a Chinese character counts 1 but is 3 bytes). */
  maxRequestChars: number;
  maxResponseChars: number;
  ms: number;
}

export interface ExcelRow {
  level: string;
  /** Excel on the web (5 MB cap) or desktop (no cap). */
  host: 'web' | 'desktop';
  projects: number;
  cells: number;
  marks: number;
  read: StepFigures;
  mark: StepFigures;
  /** read + mark: what one press of 检查 costs. */
  check: StepFigures;
  /** A second check over the marks of the first (re-marking, the common case after edits). */
  recheck: StepFigures;
  clear: StepFigures;
}

interface Op {
  request: unknown;
  exec: () => unknown;
}

interface Recorder {
  reset(): void;
  figures(ms: number): StepFigures;
}

/**
 * Wraps the fake's `run` so each sync also measures its request and response in UTF-8 bytes and
 * refuses either above WEB_LIMIT, as Excel on the web does. Relies on the fake's queued `ops`.
 */
function webRun(wb: FakeWorkbook, limit: number): { run: ExcelRun; rec: Recorder } {
  let maxReq = 0;
  let maxRes = 0;
  let refused = 0;
  const rec: Recorder = {
    reset() {
      maxReq = 0;
      maxRes = 0;
      refused = 0;
      wb.resetCounters();
    },
    figures: (ms) => ({
      syncs: wb.syncs,
      refused,
      maxRequest: maxReq,
      maxResponse: maxRes,
      maxRequestChars: wb.maxRequestBytes,
      maxResponseChars: wb.maxResponseBytes,
      ms,
    }),
  };
  const run: ExcelRun = (batch) =>
    wb.run((ctx) => {
      const c = ctx as unknown as { ops: Op[]; sync(): Promise<void> };
      const sync = c.sync.bind(c);
      c.sync = async () => {
        const ops = c.ops;
        if (!Array.isArray(ops)) throw new Error('fake-excel changed: FakeContext.ops is gone; update scripts/bench/excel.ts');
        const req = ops.reduce((n, o) => n + 60 + Buffer.byteLength(JSON.stringify(o.request ?? null)), 0);
        let res = 0;
        for (const o of ops) {
          const exec = o.exec;
          o.exec = () => {
            const data = exec();
            if (data !== undefined) res += Buffer.byteLength(JSON.stringify(data));
            return data;
          };
        }
        if (req > limit) {
          refused++;
          // Let the fake count the sync and refuse it, as Excel would.
          const fakeLimit = wb.payloadLimit;
          wb.payloadLimit = -1;
          try {
            await sync();
          } finally {
            wb.payloadLimit = fakeLimit;
          }
        }
        try {
          await sync();
        } catch (e) {
          if (e instanceof FakeError && /PayloadSizeLimit/.test(e.code)) refused++;
          throw e;
        }
        if (res > limit) {
          refused++;
          throw new FakeError('ResponsePayloadSizeLimitExceeded');
        }
        maxReq = Math.max(maxReq, req);
        maxRes = Math.max(maxRes, res);
      };
      return batch(ctx);
    });
  return { run, rec };
}

export const SHEET = '项目支出绩效目标表';

/** A fake workbook whose active sheet holds `grid`'s values, display texts, formats and indents. */
export function fakeOf(grid: Grid, level: string, limit: number): { wb: FakeWorkbook; cells: number } {
  const wb = new FakeWorkbook(level, [{ name: SHEET }, { name: 'Sheet2', rows: [['其他']] }]);
  // The fake counts characters; the byte limit is enforced by webRun.
  wb.payloadLimit = limit;
  let cells = 0;
  grid.cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (!c || c.value === null || typeof c.value === 'object') return;
      const fc = wb.cell(SHEET, address(grid.top + r, grid.left + k));
      fc.value = c.value;
      if (c.text !== undefined) fc.text = c.text;
      if (c.numberFormat) fc.numberFormat = c.numberFormat;
      if (c.indent) fc.indent = c.indent;
      cells++;
    }),
  );
  return { wb, cells };
}

const sum = (a: StepFigures, b: StepFigures): StepFigures => ({
  syncs: a.syncs + b.syncs,
  refused: a.refused + b.refused,
  maxRequest: Math.max(a.maxRequest, b.maxRequest),
  maxResponse: Math.max(a.maxResponse, b.maxResponse),
  maxRequestChars: Math.max(a.maxRequestChars, b.maxRequestChars),
  maxResponseChars: Math.max(a.maxResponseChars, b.maxResponseChars),
  ms: a.ms + b.ms,
});

async function step(rec: Recorder, fn: () => Promise<unknown>): Promise<StepFigures> {
  rec.reset();
  const t = performance.now();
  await fn();
  return rec.figures(performance.now() - t);
}

export async function benchExcelOne(grid: Grid, projects: number, level: string, host: 'web' | 'desktop'): Promise<ExcelRow> {
  const limit = host === 'web' ? WEB_LIMIT : Number.POSITIVE_INFINITY;
  const { wb, cells } = fakeOf(grid, level, limit);
  const { run, rec } = webRun(wb, limit);
  const gw = new ExcelWorkbook({ run, isSetSupported: wb.isSetSupported, settings: wb.settings, locale: 'zh-CN' });
  let read: Grid | null = null;
  const r = await step(rec, async () => (read = await gw.readActiveSheet()));
  if (!read) throw new Error('no grid read');
  const tables = check(read);
  if (tables.length === 0) throw new Error('the fake sheet holds no table');
  const plan = marksPlan(tables, SHEET);
  const mark = await step(rec, () => gw.applyMarks(plan));
  const r2 = await step(rec, () => gw.readActiveSheet());
  const remark = await step(rec, () => gw.applyMarks(plan));
  const clear = await step(rec, () => gw.clearMarks());
  return {
    level,
    host,
    projects,
    cells,
    marks: plan.marks.length,
    read: r,
    mark,
    check: sum(r, mark),
    recheck: sum(r2, remark),
    clear,
  };
}

/** Current Excel on the web and desktop; the threaded-comments level (one more read); the oldest. */
export const CONFIGS: { level: string; host: 'web' | 'desktop' }[] = [
  { level: '1.18', host: 'web' },
  { level: '1.18', host: 'desktop' },
  { level: '1.14', host: 'web' },
  { level: '1.1', host: 'web' },
];

export async function benchExcel(grids: { projects: number; grid: Grid }[], configs = CONFIGS): Promise<ExcelRow[]> {
  const rows: ExcelRow[] = [];
  for (const c of configs) for (const g of grids) rows.push(await benchExcelOne(g.grid, g.projects, c.level, c.host));
  return rows;
}

const mb = (n: number): string => (n / 1e6).toFixed(2);

export function excelTable(rows: ExcelRow[]): string {
  const lines = [
    '| ExcelApi | host | projects | marked cells | check syncs (read + mark) | of them refused | re-check syncs | clear syncs | max request (MB) | max response (MB) | read response (MB) | fake time check / clear (ms) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const steps = [r.check, r.recheck, r.clear];
    const maxReq = Math.max(...steps.map((s) => s.maxRequest));
    const maxRes = Math.max(...steps.map((s) => s.maxResponse));
    lines.push(
      `| ${r.level} | ${r.host} | ${r.projects.toLocaleString('en-US')} | ${r.marks.toLocaleString('en-US')} | ${r.check.syncs} (${r.read.syncs} + ${r.mark.syncs}) | ${r.check.refused} | ${r.recheck.syncs} | ${r.clear.syncs} | ${mb(maxReq)} | ${mb(maxRes)} | ${mb(r.read.maxResponse)} | ${r.check.ms.toFixed(0)} / ${r.clear.ms.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}
