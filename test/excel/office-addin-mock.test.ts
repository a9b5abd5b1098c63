/**
 * Smoke tests of the real entry point (`createExcelWorkbook` → `Excel.run`, `Office.context`) with
 * office-addin-mock. The mock records nothing and shares one range object for every address, so
 * these only check that the real wiring runs end to end on the ExcelApi 1.1 path; behaviour is
 * tested against the recorded fake in the other files.
 */
import { OfficeMockObject } from 'office-addin-mock';

// The shared stub of office-addin-manifest is empty; the mock reads OfficeApp to tell Outlook apart.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));
import { MARK_FILLS } from '../../src/core/marks';
import { createExcelWorkbook } from '../../src/excel';
import { finding, report } from './helpers';
import { marksPlan } from '../../src/core/marks';

interface Globals {
  Excel?: unknown;
  Office?: unknown;
}
const g = globalThis as unknown as Globals;

function install(): { selected: string[]; activated: string[]; saved: () => Record<string, unknown> } {
  const selected: string[] = [];
  const activated: string[] = [];
  let bag: Record<string, unknown> = {};
  let persisted: Record<string, unknown> = {};
  const range = {
    address: 'Sheet1!A1:B2',
    rowCount: 2,
    columnCount: 2,
    values: [
      ['项目名称', '合计'],
      ['  项目1', 100],
    ],
    text: [
      ['项目名称', '合计'],
      ['  项目1', '100'],
    ],
    numberFormat: [
      ['General', 'General'],
      ['General', '0'],
    ],
    format: {
      fill: {
        color: '#FFFFFF',
        clear: function (this: { color: string }) {
          this.color = '#FFFFFF';
        },
      },
    },
    select: function () {
      selected.push('select');
    },
  };
  const sheet = {
    name: 'Sheet1',
    id: '{sheet-1}',
    range,
    getUsedRange: function (this: { range: unknown }) {
      return this.range;
    },
    getRange: function (this: { range: unknown }, address: string) {
      selected.push(address);
      return this.range;
    },
    activate: function () {
      activated.push('Sheet1');
    },
  };
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheet,
          getActiveWorksheet: function (this: { sheet: unknown }) {
            return this.sheet;
          },
          getItem: function (this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  });
  g.Excel = excel;
  g.Office = {
    AsyncResultStatus: { Succeeded: 0, Failed: 1 },
    context: {
      displayLanguage: 'zh-CN',
      requirements: { isSetSupported: () => false },
      document: {
        settings: {
          get: (k: string) => bag[k] ?? null,
          set: (k: string, v: unknown) => (bag[k] = v),
          remove: (k: string) => delete bag[k],
          saveAsync: (cb?: (r: { status: number }) => void) => {
            persisted = JSON.parse(JSON.stringify(bag)) as Record<string, unknown>;
            cb?.({ status: 0 });
          },
          refreshAsync: (cb?: (r: { status: number }) => void) => {
            bag = JSON.parse(JSON.stringify(persisted)) as Record<string, unknown>;
            cb?.({ status: 0 });
          },
        },
      },
    },
  };
  return { selected, activated, saved: () => persisted };
}

describe('office-addin-mock: the real Excel.run path', () => {
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  test('read returns the used range as a grid', async () => {
    install();
    const grid = await createExcelWorkbook().readActiveSheet();
    expect(grid.sheet).toBe('Sheet1');
    expect(grid.cells[1][0]).toMatchObject({ value: '  项目1' });
    expect(grid.cells[1][1]).toMatchObject({ value: 100, numberFormat: '0' });
  });

  test('mark paints and records; clear restores and forgets', async () => {
    const env = install();
    const wb = createExcelWorkbook();
    const plan = marksPlan([report([finding('B2', 'error', '合计不符')], 'Sheet1')], 'Sheet1');
    const r = await wb.applyMarks(plan);
    expect(r.cells).toBe(1);
    const excel = g.Excel as { context: { workbook: { worksheets: { sheet: { range: { format: { fill: { color: string } } } } } } } };
    expect(excel.context.workbook.worksheets.sheet.range.format.fill.color).toBe(MARK_FILLS.error);
    expect(await wb.hasMarks()).toBe(true);
    expect(Object.keys(env.saved())).toHaveLength(1);
    await wb.clearMarks();
    expect(excel.context.workbook.worksheets.sheet.range.format.fill.color).toBe('#FFFFFF');
    expect(await wb.hasMarks()).toBe(false);
  });

  test('select activates the sheet and selects the cell', async () => {
    const env = install();
    await createExcelWorkbook().select('Sheet1', 'B2');
    expect(env.activated).toEqual(['Sheet1']);
    expect(env.selected).toEqual(['B2', 'select']);
  });
});
