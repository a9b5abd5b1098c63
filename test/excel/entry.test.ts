/**
 * The real entry point, `createExcelWorkbook()`: `Excel.run(batch)` with no session, as the pane
 * calls it, `Office.context.requirements`, `.platform`, `.displayLanguage` and the document
 * settings. Microsoft's client library sends its requests to the wire host through its own
 * session override (`OfficeExtension.SessionBase._overrideSession`); only `Office.context` is stubbed.
 */
import { MARK_FILLS, marksPlan } from '../../src/core/marks';
import { createExcelWorkbook } from '../../src/excel';
import { FakeWorkbook } from './fake-excel';
import { finding, report } from './helpers';
import { loadClient } from './wire/client';
import { useNotesClient } from './wire/notes-client';

interface Globals {
  Office: unknown;
}
const g = globalThis as unknown as Globals;

/** The pane's environment over `wb`: Office.context as Office.js gives it, Excel.run to the host. */
function install(wb: FakeWorkbook, platform: string): void {
  const { OfficeExtension: OE } = loadClient();
  useNotesClient(wb.clientNotes);
  (OE as unknown as { SessionBase: { _overrideSession: unknown } }).SessionBase._overrideSession = wb.host.session();
  g.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    context: {
      displayLanguage: 'zh-CN',
      platform,
      requirements: { isSetSupported: wb.isSetSupported },
      document: { settings: wb.settings },
    },
  };
}

afterEach(() => {
  const { OfficeExtension: OE } = loadClient();
  (OE as unknown as { SessionBase: { _overrideSession: unknown } }).SessionBase._overrideSession = null;
});

describe.each([
  ['1.1', 'PC'],
  ['1.18', 'OfficeOnline'],
])('createExcelWorkbook at ExcelApi %s on %s', (level, platform) => {
  test('reads, marks, records and clears through Excel.run(batch)', async () => {
    const wb = new FakeWorkbook(level, [
      {
        name: 'Sheet1',
        rows: [
          ['项目名称', '合计'],
          ['  项目1', 100],
        ],
      },
    ]);
    wb.web = platform === 'OfficeOnline';
    install(wb, platform);
    const before = wb.snapshot();
    const gw = createExcelWorkbook();
    const grid = await gw.readActiveSheet();
    expect(grid.sheet).toBe('Sheet1');
    expect(grid.cells[1][0]).toMatchObject({ value: '  项目1' });
    expect(grid.cells[1][1]).toMatchObject({ value: 100 });
    const r = await gw.applyMarks(marksPlan([report([finding('B2', 'error', '合计不符')], 'Sheet1')], 'Sheet1'));
    expect(r.cells).toBe(1);
    expect(wb.cell('Sheet1', 'B2').fill.color).toBe(MARK_FILLS.error);
    expect(await gw.hasMarks()).toBe(true);
    await gw.clearMarks();
    expect(wb.snapshot()).toEqual(before);
    expect(await gw.hasMarks()).toBe(false);
    expect(wb.requests.length).toBeGreaterThan(0);
  });

  test('select activates the sheet and selects the cell', async () => {
    const wb = new FakeWorkbook(level, [
      { name: 'Sheet1', rows: [['a']] },
      { name: 'Sheet2', rows: [['b']] },
    ]);
    wb.activeId = wb.sheet('Sheet2').id;
    install(wb, platform);
    await createExcelWorkbook().select('Sheet1', 'B2');
    expect(wb.activeId).toBe(wb.sheet('Sheet1').id);
    expect(wb.selection).toEqual({ sheetId: wb.sheet('Sheet1').id, address: 'B2' });
  });
});
