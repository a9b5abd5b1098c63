/**
 * 已确认 in Excel: acceptances are kept in the add-in's document settings next to the marks record,
 * survive save and reopen, and a re-check leaves the accepted finding unmarked. Also the gateway's
 * look at the other sheets (sheetHeads) and the switch to one (activateSheet).
 */
import { runCheck } from '../../src/app/actions';
import { accept } from '../../src/core/acceptances';
import { ACCEPTANCES_KEY, withAcceptances } from '../../src/excel/acceptances';
import { FakeWorkbook } from './fake-excel';
import { gateway, makeWorkbook, SHEET } from './helpers';

const excel = (wb: FakeWorkbook) => withAcceptances(gateway(wb), wb.settings);

describe('acceptances in Excel', () => {
  test('accepted, saved, reopened: the finding is accepted and its cell no longer marked', async () => {
    const wb = makeWorkbook('1.18', 10);
    const first = await runCheck(excel(wb), 'zh-CN');
    if (first.kind !== 'ok') throw new Error('no table in the fake workbook');
    const t = first.tables[0];
    const fi = t.findings.findIndex((f) => t.findings.filter((g) => g.cell === f.cell).length === 1);
    expect(fi).toBeGreaterThanOrEqual(0);
    const f = t.findings[fi];
    expect(first.plan.marks.some((m) => m.cell === f.cell)).toBe(true);

    await excel(wb).writeAcceptances([
      accept(t.sheet, f, first.hashes[f.cell], '本项目确实如此', new Date('2026-11-30T08:00:00Z')),
    ]);
    expect(typeof wb.docSettings[ACCEPTANCES_KEY]).toBe('string');
    const reopened = FakeWorkbook.reopen(wb.serialise());
    const again = await runCheck(excel(reopened), 'zh-CN');
    if (again.kind !== 'ok') throw new Error('no table after reopening');
    expect(again.accepted[0][fi]).toEqual({ reason: '本项目确实如此', at: '2026-11-30T08:00:00.000Z' });
    expect(again.plan.marks.some((m) => m.cell === f.cell)).toBe(false);
    expect(again.plan.marks.length).toBe(first.plan.marks.length - 1);
  });

  test('an empty list removes the setting', async () => {
    const wb = makeWorkbook('1.18', 3);
    const gw = excel(wb);
    await gw.writeAcceptances([
      { sheet: SHEET, cell: 'G4', rule: 'r', indicator: null, hash: 'h', reason: '', at: 'x' },
    ]);
    expect(await gw.readAcceptances()).toHaveLength(1);
    await gw.writeAcceptances([]);
    expect(wb.docSettings[ACCEPTANCES_KEY]).toBeUndefined();
    expect(await gw.readAcceptances()).toEqual([]);
  });

  test('sheetHeads reads the first rows of the other sheets; activateSheet switches', async () => {
    const wb = makeWorkbook('1.18', 3);
    wb.addSheet({ name: '说明', rows: [['填表说明'], ['第二行']] });
    const gw = gateway(wb);
    const heads = await gw.sheetHeads(1, SHEET);
    expect(heads.map((h) => h.sheet)).not.toContain(SHEET);
    const notes = heads.find((h) => h.sheet === '说明');
    expect(notes?.cells).toHaveLength(1);
    expect(notes?.cells[0][0]?.value).toBe('填表说明');
    await gw.activateSheet('说明');
    expect((await gw.readActiveSheet()).sheet).toBe('说明');
  });
});
