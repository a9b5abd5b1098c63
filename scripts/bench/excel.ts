/**
 * The Excel path measured on the wire: Microsoft's Excel client library (@microsoft/office-js)
 * serializes every request, the wire host (test/excel/wire/host.ts) interprets it over an in-memory
 * workbook. The bench grid is loaded into that workbook, read by the real gateway, checked by the
 * real core, its marks plan applied, re-applied and cleared, and the indicator sheet written.
 * Figures are the exact serialized requests and responses: syncs the gateway asked for, the
 * client's cleanup requests at the end of each Excel.run, and the largest request and response in
 * UTF-8 bytes. "web" refuses any over 5 MB, as Excel on the web does.
 */
import type { Grid } from '../../src/core/grid';
import { address } from '../../src/core/grid';
import { check } from '../../src/core/check';
import { indicatorSheet } from '../../src/core/indicator-sheet';
import { marksPlan } from '../../src/core/marks';
import { ExcelWorkbook } from '../../src/excel';
import { FakeWorkbook } from '../../test/excel/fake-excel';
import { WEB_LIMIT } from '../../test/excel/wire/host';
import { useNotesClient } from '../../test/excel/wire/notes-client';

export { WEB_LIMIT };

export interface StepFigures {
  /** Round trips the gateway asked for (context.sync), refused ones included. */
  syncs: number;
  /** The client's cleanup requests (one per Excel.run that kept references). */
  cleanups: number;
  /** Requests Excel on the web refused as too large (the gateway then retried smaller). */
  refused: number;
  /** Largest serialized request / response Excel accepted, UTF-8 bytes. */
  maxRequest: number;
  maxResponse: number;
  ms: number;
}

export interface ExcelRow {
  level: string;
  /** Excel on the web (5 MB cap) or desktop (no cap). */
  host: 'web' | 'desktop';
  /** The page's client library has notes (Microsoft's CDN copy) or not (the registry's). */
  client: 'registry' | 'notes';
  projects: number;
  cells: number;
  marks: number;
  read: StepFigures;
  mark: StepFigures;
  /** read + mark: what one press of 一键校验 costs. */
  check: StepFigures;
  /** A second check over the marks of the first (re-marking, the common case after edits). */
  recheck: StepFigures;
  clear: StepFigures;
  indicatorSheet: StepFigures;
}

export const SHEET = '项目支出绩效目标表';

/** A workbook whose active sheet holds `grid`'s values, display texts, formats and indents. */
export function workbookOf(
  grid: Grid,
  level: string,
  web: boolean,
  clientNotes: boolean,
): { wb: FakeWorkbook; cells: number } {
  const wb = new FakeWorkbook(level, [{ name: SHEET }, { name: 'Sheet2', rows: [['其他']] }]);
  wb.web = web;
  wb.clientNotes = clientNotes;
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

function figures(wb: FakeWorkbook, ms: number): StepFigures {
  const f: StepFigures = { syncs: 0, cleanups: 0, refused: 0, maxRequest: 0, maxResponse: 0, ms };
  for (const r of wb.requests) {
    if (r.cleanup) f.cleanups++;
    else f.syncs++;
    if (r.error && /PayloadSizeLimit/.test(r.error)) f.refused++;
    f.maxRequest = Math.max(f.maxRequest, r.error === 'RequestPayloadSizeLimitExceeded' ? 0 : r.requestBytes);
    f.maxResponse = Math.max(f.maxResponse, r.responseBytes);
  }
  return f;
}

const sum = (a: StepFigures, b: StepFigures): StepFigures => ({
  syncs: a.syncs + b.syncs,
  cleanups: a.cleanups + b.cleanups,
  refused: a.refused + b.refused,
  maxRequest: Math.max(a.maxRequest, b.maxRequest),
  maxResponse: Math.max(a.maxResponse, b.maxResponse),
  ms: a.ms + b.ms,
});

async function step(wb: FakeWorkbook, fn: () => Promise<unknown>): Promise<StepFigures> {
  wb.resetCounters();
  const t = performance.now();
  await fn();
  return figures(wb, performance.now() - t);
}

export async function benchExcelOne(grid: Grid, projects: number, c: ExcelConfig): Promise<ExcelRow> {
  const { wb, cells } = workbookOf(grid, c.level, c.host === 'web', c.client === 'notes');
  useNotesClient(wb.clientNotes);
  const gw = new ExcelWorkbook({
    run: wb.run,
    isSetSupported: wb.isSetSupported,
    settings: wb.settings,
    locale: 'zh-CN',
    web: wb.web,
  });
  let read: Grid | null = null;
  const r = await step(wb, async () => (read = await gw.readActiveSheet()));
  if (!read) throw new Error('no grid read');
  const tables = check(read);
  if (tables.length === 0) throw new Error('the sheet holds no table');
  const plan = marksPlan(tables, SHEET);
  const mark = await step(wb, () => gw.applyMarks(plan));
  const r2 = await step(wb, () => gw.readActiveSheet());
  const remark = await step(wb, () => gw.applyMarks(plan));
  const clear = await step(wb, () => gw.clearMarks());
  const ind = await step(wb, () => gw.writeIndicatorSheet(indicatorSheet(tables)));
  return {
    ...c,
    projects,
    cells,
    marks: plan.marks.length,
    read: r,
    mark,
    check: sum(r, mark),
    recheck: sum(r2, remark),
    clear,
    indicatorSheet: ind,
  };
}

export interface ExcelConfig {
  level: string;
  host: 'web' | 'desktop';
  client: 'registry' | 'notes';
}

/**
 * Microsoft 365 with the registry's client (comments) on the web and desktop, with a notes client on
 * the web, and Excel 2016 (1.1: one read per cell, fills only) on the web.
 */
export const CONFIGS: ExcelConfig[] = [
  { level: '1.18', host: 'web', client: 'registry' },
  { level: '1.18', host: 'desktop', client: 'registry' },
  { level: '1.18', host: 'web', client: 'notes' },
  { level: '1.1', host: 'web', client: 'registry' },
];

export async function benchExcel(grids: { projects: number; grid: Grid }[], configs = CONFIGS): Promise<ExcelRow[]> {
  const rows: ExcelRow[] = [];
  for (const c of configs) for (const g of grids) rows.push(await benchExcelOne(g.grid, g.projects, c));
  return rows;
}

const mb = (n: number): string => (n / 1e6).toFixed(2);
const trips = (s: StepFigures): string => `${s.syncs} + ${s.cleanups}`;

export function excelTable(rows: ExcelRow[]): string {
  const lines = [
    '| ExcelApi | host | client | projects | marked cells | check (syncs + cleanup) | refused | re-check | clear | indicator sheet | max request (MB) | max response (MB) | time check / clear (ms) |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const steps = [r.check, r.recheck, r.clear, r.indicatorSheet];
    let maxReq = 0;
    let maxRes = 0;
    let refused = 0;
    for (const s of steps) {
      maxReq = Math.max(maxReq, s.maxRequest);
      maxRes = Math.max(maxRes, s.maxResponse);
      refused += s.refused;
    }
    lines.push(
      `| ${r.level} | ${r.host} | ${r.client} | ${r.projects.toLocaleString('en-US')} | ${r.marks.toLocaleString('en-US')} | ${trips(r.check)} | ${refused} | ${trips(r.recheck)} | ${trips(r.clear)} | ${trips(r.indicatorSheet)} | ${mb(maxReq)} | ${mb(maxRes)} | ${r.check.ms.toFixed(0)} / ${r.clear.ms.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}
