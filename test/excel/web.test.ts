/**
 * Excel on the web refuses any request or response over 5 MB. Thousands of long notes, comments or
 * indicator rows must go in blocks; small tables keep their round trips (see syncs.test.ts).
 */
import { marksPlan } from '../../src/core/marks';
import type { Finding } from '../../src/core/report';
import { WEB_LIMIT } from './wire/host';
import { finding, gateway, makeWorkbook, report, SHEET } from './helpers';

const LIMIT = WEB_LIMIT;
const LONG = '该项目绩效指标的指标值与年度目标不一致，请核对指标名称、比较符、数值和计量单位是否按填报说明填写。';

function longPlan(n: number) {
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++)
    findings.push(finding(`D${i + 3}`, i % 2 ? 'error' : 'warning', `第${i + 1}行：${LONG}${LONG}${LONG}`));
  return marksPlan([report(findings)], SHEET);
}

describe.each([
  ['1.18', 'notes'],
  ['1.14', 'comments'],
] as const)('ExcelApi %s on the web: 10,000 long %s', (level, kind) => {
  test('mark writes in blocks under 5 MB, every note present; re-mark and clear restore exactly', async () => {
    const n = 10_000;
    const wb = makeWorkbook(level, n, { web: true, clientNotes: kind === 'notes' });
    const before = wb.snapshot();
    const gw = gateway(wb);
    const plan = longPlan(n);
    wb.resetCounters();
    const r = await gw.applyMarks(plan);
    const markSyncs = wb.syncs;
    // No write was refused (they are sized before sending); several blocks, but a bounded few.
    expect(wb.maxRequestBytes).toBeLessThanOrEqual(LIMIT);
    expect(markSyncs).toBeGreaterThan(2);
    expect(markSyncs).toBeLessThanOrEqual(8);
    expect(r).toMatchObject({ cells: n, notes: n, skippedNotes: 0 });
    const s = wb.sheet(SHEET);
    for (const m of plan.marks) {
      const text = kind === 'notes' ? s.notes.get(m.cell) : s.comments.find((c) => c.cell === m.cell)?.content;
      expect(text).toBe(m.note);
    }

    // Marking again reads 10,000 long notes back (about 7 MB): refused whole, read again in halves.
    wb.resetCounters();
    await gw.applyMarks(plan);
    expect(wb.maxRequestBytes).toBeLessThanOrEqual(LIMIT);
    expect(wb.syncs).toBeLessThanOrEqual(12);
    expect(kind === 'notes' ? s.notes.size : wb.sheet(SHEET).comments.length).toBe(n);

    wb.resetCounters();
    await gw.clearMarks();
    expect(wb.maxRequestBytes).toBeLessThanOrEqual(LIMIT);
    expect(wb.syncs).toBeLessThanOrEqual(8);
    expect(wb.snapshot()).toEqual(before);
    expect(await gw.hasMarks()).toBe(false);
  }, 60_000);
});

describe('a cell holds a note or a threaded comment, never both', () => {
  test('notes mode: a cell with the user thread gets a fill only; the thread is untouched; clear restores', async () => {
    const wb = makeWorkbook('1.18', 10, { clientNotes: true });
    wb.sheet(SHEET).comments.push({
      id: 'u1',
      cell: 'C4',
      content: '用户的讨论',
      replies: [{ id: 'u2', content: '回复' }],
    });
    const before = wb.snapshot();
    const gw = gateway(wb);
    const plan = marksPlan(
      [report([finding('C4', 'error', '财政拨款为负'), finding('B3', 'warning', '合计不符')])],
      SHEET,
    );
    wb.resetCounters();
    const r = await gw.applyMarks(plan);
    // read + thread locations + write.
    expect(wb.syncs).toBe(3);
    expect(r).toMatchObject({ cells: 2, notes: 1, skippedNotes: 1 });
    expect(wb.cell(SHEET, 'C4').fill.color).toBe('#FFD6D6');
    expect(wb.sheet(SHEET).notes.has('C4')).toBe(false);
    expect(wb.sheet(SHEET).notes.has('B3')).toBe(true);
    expect(wb.sheet(SHEET).comments).toEqual([
      { id: 'u1', cell: 'C4', content: '用户的讨论', replies: [{ id: 'u2', content: '回复' }] },
    ]);
    await gw.clearMarks();
    expect(wb.snapshot()).toEqual(before);
  });

  test('comments mode (no notes API): cells holding a legacy note are found by the refused thread, others marked', async () => {
    const wb = makeWorkbook('1.14');
    wb.sheet(SHEET).notes.set('C4', '用户批注一');
    wb.sheet(SHEET).notes.set('C7', '用户批注二');
    const before = wb.snapshot();
    const gw = gateway(wb);
    const plan = marksPlan(
      [report(['B3', 'C4', 'C5', 'C6', 'C7', 'C8'].map((c) => finding(c, 'error', '有误')))],
      SHEET,
    );
    const r = await gw.applyMarks(plan);
    expect(r).toMatchObject({ cells: 6, notes: 4, skippedNotes: 2 });
    expect(
      wb
        .sheet(SHEET)
        .comments.map((c) => c.cell)
        .sort(),
    ).toEqual(['B3', 'C5', 'C6', 'C8']);
    expect(wb.cell(SHEET, 'C7').fill.color).toBe('#FFD6D6');
    await gw.clearMarks();
    expect(wb.snapshot()).toEqual(before);
  });

  test('the host refuses a note on a threaded cell and a thread on a noted cell', async () => {
    const wb = makeWorkbook('1.18', 10, { clientNotes: true });
    wb.sheet(SHEET).comments.push({ id: 'u1', cell: 'C4', content: 'x', replies: [] });
    wb.sheet(SHEET).notes.set('C5', 'y');
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).notes.add('C4', 'z');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).comments.add(`'${SHEET}'!C5`, 'z');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
