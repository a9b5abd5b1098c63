import { MARK_FILLS, NOTE_HEADER } from '../../src/core/marks';
import { HostError } from '../../src/host/workbook';
import { RECORD_KEY } from '../../src/excel';
import { FakeWorkbook } from './fake-excel';
import { addUserState, gateway, HOSTS, hostWorkbook, makeWorkbook, SHEET, userStatePlan } from './helpers';

describe.each(HOSTS)('marks at ExcelApi $label', (h) => {
  test('check → mark → clear leaves every cell, note and comment exactly as before', async () => {
    const wb = hostWorkbook(h);
    addUserState(wb);
    const before = wb.snapshot();
    const gw = gateway(wb);
    await gw.readActiveSheet();
    const result = await gw.applyMarks(userStatePlan());
    expect(result.cells).toBe(7);
    expect(wb.cell(SHEET, 'B3').fill.color).toBe(MARK_FILLS.error);
    expect(wb.cell(SHEET, 'E6').fill.color).toBe(MARK_FILLS.info);
    expect(wb.cell(SHEET, 'A10').fill.color).toBe(MARK_FILLS.warning);
    expect(wb.snapshot()).not.toEqual(before);
    expect(await gw.hasMarks()).toBe(true);

    await gw.clearMarks();
    expect(wb.snapshot()).toEqual(before);
    expect(await gw.hasMarks()).toBe(false);
    expect(wb.docSettings[RECORD_KEY]).toBeUndefined();
  });

  test('the same after save, close and reopen between mark and clear', async () => {
    const wb = hostWorkbook(h);
    addUserState(wb);
    const before = wb.snapshot();
    await gateway(wb).applyMarks(userStatePlan());
    const reopened = FakeWorkbook.reopen(wb.serialise(), h.level, h.clientNotes);
    reopened.web = h.web;
    const gw2 = gateway(reopened);
    expect(await gw2.hasMarks()).toBe(true);
    await gw2.clearMarks();
    expect(reopened.snapshot()).toEqual(before);
    expect(await gw2.hasMarks()).toBe(false);
  });

  test('marking twice, then clear, still restores the original state', async () => {
    const wb = hostWorkbook(h);
    addUserState(wb);
    const before = wb.snapshot();
    const gw = gateway(wb);
    await gw.applyMarks(userStatePlan());
    const second = userStatePlan();
    second.marks = second.marks.filter((m) => m.cell !== 'B3' && m.cell !== 'C4');
    second.addressChunks.error = second.addressChunks.error.map((c) => c.replace('B3,', '').replace('B3', ''));
    second.addressChunks.warning = second.addressChunks.warning.map((c) => c.replace('C4,', ''));
    await gw.applyMarks(second);
    // Cells no longer flagged are back to the user's own fill and note at once.
    expect(wb.cell(SHEET, 'B3').fill.color).toBe('#FFFF00');
    expect(wb.sheet(SHEET).notes.get('C4')).toBe('我的批注：请复核');
    await gw.clearMarks();
    expect(wb.snapshot()).toEqual(before);
  });

  test('a fill the clerk changed after marking is kept by clear', async () => {
    const wb = hostWorkbook(h);
    const gw = gateway(wb);
    await gw.applyMarks(userStatePlan());
    wb.cell(SHEET, 'F9').fill = { ...wb.cell(SHEET, 'F9').fill, color: '#00FF00', pattern: 'Solid' };
    await gw.clearMarks();
    expect(wb.cell(SHEET, 'F9').fill.color).toBe('#00FF00');
    expect(wb.cell(SHEET, 'B3').fill.pattern).toBe('None');
  });

  test('a protected sheet is refused before anything changes', async () => {
    const wb = hostWorkbook(h, 10, { protected: true });
    addUserState(wb);
    const before = wb.snapshot();
    const gw = gateway(wb);
    await expect(gw.applyMarks(userStatePlan())).rejects.toMatchObject({ code: 'protected' });
    await expect(gw.applyMarks(userStatePlan())).rejects.toBeInstanceOf(HostError);
    expect(wb.snapshot()).toEqual(before);
    expect(await gw.hasMarks()).toBe(false);
  });
});

describe('notes and comments by API level', () => {
  test('1.18 with a client that has notes: one note per flagged cell; the user note and the user thread are skipped and counted', async () => {
    const wb = makeWorkbook('1.18', 10, { clientNotes: true });
    addUserState(wb);
    const gw = gateway(wb);
    expect((await gw.capabilities()).notes).toBe('notes');
    const r = await gw.applyMarks(userStatePlan());
    // C4 holds the user's note, D5 the user's thread (a cell cannot hold a note and a thread).
    expect(r).toMatchObject({ cells: 7, notes: 5, skippedNotes: 2 });
    const notes = wb.sheet(SHEET).notes;
    expect(notes.get('C4')).toBe('我的批注：请复核');
    expect(notes.has('D5')).toBe(false);
    expect(notes.get('F9')).toMatch(new RegExp(`^${NOTE_HEADER['zh-CN']}\\n错误：指标值缺少单位\\n提示：`));
    expect(wb.sheet(SHEET).comments).toHaveLength(1);
  });

  test('notes need BOTH the host (ExcelApi 1.18) and the page client library (the registry copy has none)', async () => {
    // Microsoft 365 with the registry's client: before the fix, ws.notes was undefined (TypeError).
    const m365 = makeWorkbook('1.18');
    addUserState(m365);
    const before = m365.snapshot();
    const gw = gateway(m365);
    expect((await gw.capabilities()).notes).toBe('comments');
    const r = await gw.applyMarks(userStatePlan());
    expect(r).toMatchObject({ cells: 7, notes: 6, skippedNotes: 1 });
    expect(m365.sheet(SHEET).notes.size).toBe(1);
    await gw.clearMarks();
    expect(m365.snapshot()).toEqual(before);
    // A client with notes on a host below 1.18: comments too.
    expect((await gateway(makeWorkbook('1.17', 10, { clientNotes: true })).capabilities()).notes).toBe('comments');
    expect((await gateway(makeWorkbook('1.18', 10, { clientNotes: true })).capabilities()).notes).toBe('notes');
  });

  test('without 1.18, threaded comments; the user thread gets a reply, deleted alone on clear', async () => {
    const wb = makeWorkbook('1.14');
    addUserState(wb);
    const gw = gateway(wb);
    expect((await gw.capabilities()).notes).toBe('comments');
    const r = await gw.applyMarks(userStatePlan());
    // C4 holds the user's legacy note, invisible before 1.18: its thread is refused, fill only.
    expect(r).toMatchObject({ cells: 7, notes: 6, skippedNotes: 1 });
    expect(wb.cell(SHEET, 'C4').fill.color).toBe(MARK_FILLS.warning);
    const comments = wb.sheet(SHEET).comments;
    const user = comments.find((c) => c.cell === 'D5');
    expect(user?.content).toBe('请核对其他资金');
    expect(user?.replies.map((x) => x.content)).toEqual(['已核对', expect.stringContaining(NOTE_HEADER['zh-CN'])]);
    expect(comments.filter((c) => c.content.startsWith(NOTE_HEADER['zh-CN']))).toHaveLength(5);
    expect(comments.some((c) => c.cell === 'C4')).toBe(false);
    expect(wb.sheet(SHEET).notes.get('C4')).toBe('我的批注：请复核');
    await gw.clearMarks();
    expect(wb.sheet(SHEET).comments).toEqual([
      { id: 'u1', cell: 'D5', content: '请核对其他资金', replies: [{ id: 'u2', content: '已核对' }] },
    ]);
  });

  test('a reply the user added to our comment keeps the thread alive', async () => {
    const wb = makeWorkbook('1.14');
    const gw = gateway(wb);
    await gw.applyMarks(userStatePlan());
    const ours = wb.sheet(SHEET).comments.find((c) => c.cell === 'B3');
    ours?.replies.push({ id: 'x', content: '这里是按新口径填的' });
    await gw.clearMarks();
    expect(wb.sheet(SHEET).comments.find((c) => c.cell === 'B3')?.replies).toEqual([
      { id: 'x', content: '这里是按新口径填的' },
    ]);
  });

  test('without 1.10, fills only', async () => {
    const wb = makeWorkbook('1.9');
    const gw = gateway(wb);
    expect((await gw.capabilities()).notes).toBe('none');
    const r = await gw.applyMarks(userStatePlan());
    expect(r).toMatchObject({ cells: 7, notes: 0 });
    expect(wb.cell(SHEET, 'F9').fill.color).toBe(MARK_FILLS.error);
  });

  test('notes written on Microsoft 365 stay recorded when cleared on Excel 2021, and go on a later clear', async () => {
    const wb = makeWorkbook('1.18', 10, { clientNotes: true });
    addUserState(wb);
    const before = wb.snapshot();
    await gateway(wb).applyMarks(userStatePlan());
    const at2021 = FakeWorkbook.reopen(wb.serialise(), '1.14');
    await gateway(at2021).clearMarks();
    expect(at2021.cell(SHEET, 'B3').fill.color).toBe('#FFFF00');
    expect(at2021.sheet(SHEET).notes.size).toBeGreaterThan(1);
    expect(await gateway(at2021).hasMarks()).toBe(true);
    const back = FakeWorkbook.reopen(at2021.serialise(), '1.18', true);
    await gateway(back).clearMarks();
    expect(back.snapshot()).toEqual(before);
  });

  test('English locale: English protected message and English note header', async () => {
    const wb = makeWorkbook('1.18', 10, { protected: true });
    await expect(gateway(wb, 'en-US').applyMarks(userStatePlan('en-US'))).rejects.toThrow(/The sheet is protected/);
    const zh = makeWorkbook('1.18', 10, { protected: true });
    await expect(gateway(zh).applyMarks(userStatePlan())).rejects.toThrow(
      '工作表受保护，无法标记。请先撤销工作表保护（审阅 › 撤销工作表保护）后再校验。',
    );
  });

  test('a marked sheet deleted before clear does not stop clearing the others', async () => {
    const wb = makeWorkbook('1.18');
    const gw = gateway(wb);
    await gw.applyMarks(userStatePlan());
    wb.sheets = wb.sheets.filter((s) => s.name !== SHEET);
    await expect(gw.clearMarks()).resolves.toBeUndefined();
    expect(await gw.hasMarks()).toBe(false);
  });

  test('a renamed sheet is still cleared (found by id)', async () => {
    const wb = makeWorkbook('1.18', 10, { clientNotes: true });
    addUserState(wb);
    const gw = gateway(wb);
    await gw.applyMarks(userStatePlan());
    wb.sheet(SHEET).name = '改名后';
    await gw.clearMarks();
    expect(wb.sheet('改名后').notes.size).toBe(1);
    expect(wb.cell('改名后', 'B3').fill.color).toBe('#FFFF00');
  });
});
