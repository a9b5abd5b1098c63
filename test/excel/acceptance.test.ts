/**
 * Issue 10's acceptance, on the wire host with Microsoft 365 (ExcelApi 1.18) and the registry's
 * client library (no notes API, so comments), at 9,999 projects: 一键校验, a second check, 清除标记
 * and the indicator sheet. The clerk's values, fills, notes and comments are as before after clear,
 * and on Excel on the web no request goes over 5 MB and none is refused as too large; responses
 * Excel refuses as too large (reads of unknown size) are counted and retried smaller.
 */
import { check } from '../../src/core/check';
import { indicatorSheet } from '../../src/core/indicator-sheet';
import { marksPlan } from '../../src/core/marks';
import type { Finding } from '../../src/core/report';
import { buildCleanExport, scaledReference, sheetToGrid } from '../../scripts/make-fixtures';
import { SHEET, workbookOf } from '../../scripts/bench/excel';
import { gateway } from './helpers';
import { WEB_LIMIT } from './wire/host';

const PROJECTS = 9_999;
const LONG = '该项目绩效指标的指标值与年度目标不一致，请核对指标名称、比较符、数值和计量单位是否按填报说明填写。';

test('ExcelApi 1.18, registry client, web, 9,999 projects: check, re-check, clear, indicator sheet', async () => {
  const grid = sheetToGrid(buildCleanExport(scaledReference(PROJECTS / 9)).sheets[0]);
  grid.sheet = SHEET;
  const { wb } = workbookOf(grid, '1.18', true, false);
  // The clerk's own state on cells the check will flag: a fill, a legacy note, a thread with a reply.
  const top = grid.top;
  const cellB = (r: number): string => `B${top + r}`;
  wb.cell(SHEET, cellB(3)).fill = { ...wb.cell(SHEET, cellB(3)).fill, color: '#FFFF00', pattern: 'Solid' };
  wb.sheet(SHEET).notes.set(cellB(4), '我的批注：请复核');
  wb.sheet(SHEET).comments.push({
    id: 'u1',
    cell: cellB(5),
    content: '请核对',
    replies: [{ id: 'u2', content: '已核对' }],
  });
  const before = wb.snapshot();
  const gw = gateway(wb);
  expect((await gw.capabilities()).notes).toBe('comments');

  const read = await gw.readActiveSheet();
  const tables = check(read);
  expect(tables.length).toBeGreaterThan(0);
  // One long finding per row of column B on top of the core's own: thousands of long threads.
  const extra: Finding[] = [];
  for (let r = 2; r < read.cells.length; r++)
    extra.push({
      rule: 'acceptance',
      severity: r % 2 ? 'error' : 'warning',
      cell: cellB(r + 1),
      row: top + r,
      project: null,
      indicator: null,
      message: `${LONG}${LONG}`,
    });
  const plan = marksPlan([{ ...tables[0], findings: [...tables[0].findings, ...extra] }, ...tables.slice(1)], SHEET);
  expect(plan.marks.length).toBeGreaterThan(PROJECTS);

  const steps: Record<string, { requests: number; maxRequest: number; maxResponse: number; refusedResponses: number }> =
    {};
  const measure = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    wb.resetCounters();
    await fn();
    let maxRequest = 0;
    let maxResponse = 0;
    let refusedResponses = 0;
    for (const r of wb.requests) {
      expect(r.error).not.toBe('RequestPayloadSizeLimitExceeded');
      maxRequest = Math.max(maxRequest, r.requestBytes);
      maxResponse = Math.max(maxResponse, r.responseBytes);
      if (r.error === 'ResponsePayloadSizeLimitExceeded') refusedResponses++;
    }
    steps[name] = { requests: wb.requests.length, maxRequest, maxResponse, refusedResponses };
    expect(maxRequest).toBeLessThanOrEqual(WEB_LIMIT);
    expect(maxResponse).toBeLessThanOrEqual(WEB_LIMIT);
  };
  await measure('check (mark)', () => gw.applyMarks(plan));
  await measure('re-check read', () => gw.readActiveSheet());
  await measure('re-check mark', () => gw.applyMarks(plan));
  await measure('clear', () => gw.clearMarks());
  expect(wb.snapshot()).toEqual(before);
  expect(await gw.hasMarks()).toBe(false);
  await measure('indicator sheet', () => gw.writeIndicatorSheet(indicatorSheet(tables)));
  console.log(JSON.stringify(steps, null, 1));
}, 300_000);
