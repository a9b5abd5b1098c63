/**
 * What Excel refuses, through Microsoft's client library on the wire host: a cell being edited
 * (InvalidOperationInCellEditMode), a thread on a cell holding a legacy note (whatever the code),
 * a used range over 5 million cells (`values: null`).
 */
import { cellText, columnNumber } from '../../src/core/grid';
import { indicatorSheet } from '../../src/core/indicator-sheet';
import { marksPlan } from '../../src/core/marks';
import { FakeWorkbook } from './fake-excel';
import {
  addUserState,
  finding,
  gateway,
  HOSTS,
  hostWorkbook,
  makeWorkbook,
  report,
  SHEET,
  userStatePlan,
} from './helpers';

const EDIT_CHECK = '请先按 Enter 或 Esc 结束单元格编辑，再点一键校验';

describe.each(HOSTS)('cell-edit mode at ExcelApi $label', (h) => {
  test('from the start: a clear Chinese message for each button, nothing changed', async () => {
    const wb = hostWorkbook(h);
    addUserState(wb);
    const before = wb.snapshot();
    const gw = gateway(wb);
    wb.cellEdit = true;
    await expect(gw.readActiveSheet()).rejects.toThrow(EDIT_CHECK);
    await expect(gw.applyMarks(userStatePlan())).rejects.toThrow(EDIT_CHECK);
    await expect(gw.writeIndicatorSheet(indicatorSheet([report([])]))).rejects.toThrow(
      '请先按 Enter 或 Esc 结束单元格编辑，再点生成指标明细表',
    );
    expect(wb.snapshot()).toEqual(before);
    wb.cellEdit = false;
    expect(await gw.hasMarks()).toBe(false);
  });

  test('begun after the reads (typing during the check): nothing half-written, no record left', async () => {
    const wb = hostWorkbook(h);
    addUserState(wb);
    const before = wb.snapshot();
    const gw = gateway(wb);
    const saves = wb.settings.saves;
    // The record is saved just before the first write: the clerk starts typing right then.
    wb.beforeRequest = () => {
      if (wb.settings.saves > saves) wb.cellEdit = true;
    };
    await expect(gw.applyMarks(userStatePlan())).rejects.toThrow(EDIT_CHECK);
    wb.beforeRequest = null;
    wb.cellEdit = false;
    expect(wb.snapshot()).toEqual(before);
    expect(await gw.hasMarks()).toBe(false);
  });

  test('during clear: 清除标记 named, the marks still there and still clearable', async () => {
    const wb = hostWorkbook(h);
    addUserState(wb);
    const before = wb.snapshot();
    const gw = gateway(wb);
    await gw.applyMarks(userStatePlan());
    wb.cellEdit = true;
    await expect(gw.clearMarks()).rejects.toThrow('请先按 Enter 或 Esc 结束单元格编辑，再点清除标记');
    wb.cellEdit = false;
    expect(await gw.hasMarks()).toBe(true);
    await gw.clearMarks();
    expect(wb.snapshot()).toEqual(before);
  });
});

describe.each(['InvalidArgument', 'InvalidOperation', 'GeneralException', 'NotImplemented'])(
  'comments mode: a thread refused with %s',
  (code) => {
    test('cells holding a legacy note are found and skipped, the others marked; clear restores', async () => {
      const wb = makeWorkbook('1.14');
      wb.conflictCode = code;
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
      await gw.clearMarks();
      expect(wb.snapshot()).toEqual(before);
    });
  },
);

describe('a used range over 5 million cells (values: null)', () => {
  test('read in blocks instead of a TypeError', async () => {
    const wb = new FakeWorkbook('1.18', [
      {
        name: '表',
        rows: [
          ['项目名称', '合计'],
          ['项目1', 100],
        ],
      },
    ]);
    // A stray value far away: the used range is 2,600 columns × 2,000 rows = 5.2 million cells.
    wb.cell('表', 'CVZ2000').value = 'x';
    // Issue 12: the stray value no longer makes the sheet too large; only the two filled places are fetched.
    const g = await gateway(wb).readActiveSheet();
    expect(cellText(g.cells[2000 - g.top]?.[columnNumber('CVZ') - g.left])).toBe('x');
    expect(cellText(g.cells[2 - g.top]?.[2 - g.left])).toBe('100');
    expect(wb.maxResponseBytes).toBeLessThan(60_000);
  });
});
