import { indicatorSheet, INDICATOR_SHEET_NAME, INDICATOR_TABLE_NAME } from '../../src/core/indicator-sheet';
import type { IndicatorJson, TableReport } from '../../src/core/report';
import { finding, gateway, makeWorkbook, report, SHEET } from './helpers';

function indicator(row: number, ordinal: number, name: string, value: number | null): IndicatorJson {
  return {
    project: `项目${row}`,
    row,
    cell: `F${row}`,
    ordinal,
    level1: { code: '1', name: '产出指标' },
    level2: { code: '1.1', name: '数量指标' },
    name,
    period: null,
    annual: value === null ? null : { raw: `≥${value}%`, comparator: '≥', value, unit: '%', text: null },
  };
}

function tables(): TableReport[] {
  const r = report([{ ...finding('F4', 'error', '指标值缺少单位'), indicator: 2 }]);
  r.indicators = [indicator(3, 1, '=危险公式', 95), indicator(4, 2, '覆盖率', 87.5), indicator(5, 3, '满意度', null)];
  return [r];
}

describe.each(['1.18', '1.7', '1.1'])('writeIndicatorSheet at ExcelApi %s', (level) => {
  test('twice: one sheet, one table, header + rows, links back to the source cells', async () => {
    const wb = makeWorkbook(level);
    const gw = gateway(wb);
    const sheet = indicatorSheet(tables());
    wb.resetCounters();
    await gw.writeIndicatorSheet(sheet);
    const first = wb.syncs;
    await gw.writeIndicatorSheet(sheet);
    expect(wb.syncs - first).toBe(first);
    expect(first).toBe(2);

    const sheets = wb.sheets.filter((s) => s.name === INDICATOR_SHEET_NAME);
    expect(sheets).toHaveLength(1);
    const all = wb.sheets.flatMap((s) => s.tables);
    expect(all).toEqual([{ name: INDICATOR_TABLE_NAME, address: 'A1:O4' }]);
    expect(wb.cell(INDICATOR_SHEET_NAME, 'A1').value).toBe('项目');
    expect(wb.cell(INDICATOR_SHEET_NAME, 'O1').value).toBe('问题');
    // Untrusted cell text stays text.
    expect(wb.cell(INDICATOR_SHEET_NAME, 'F2')).toMatchObject({ value: '=危险公式' });
    expect(wb.cell(INDICATOR_SHEET_NAME, 'F2').formula).toBeUndefined();
    expect(wb.cell(INDICATOR_SHEET_NAME, 'L3')).toMatchObject({ value: 87.5, numberFormat: '0.00##' });
    expect(wb.cell(INDICATOR_SHEET_NAME, 'O3').value).toBe('指标值缺少单位');
    const link = wb.cell(INDICATOR_SHEET_NAME, 'B3');
    expect(link.value).toBe(`${SHEET}!F4`);
    if (level === '1.1') expect(link.formula).toBe(`=HYPERLINK("#'${SHEET}'!F4","${SHEET}!F4")`);
    else expect(link.hyperlink).toEqual({ documentReference: `'${SHEET}'!F4`, textToDisplay: `${SHEET}!F4` });
    expect(wb.sheet(INDICATOR_SHEET_NAME).autofit).toBe(level !== '1.1');
  });
});
