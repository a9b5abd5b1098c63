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

describe('writeIndicatorSheet on Excel on the web (5 MB request cap)', () => {
  test('50,000 rows of long Chinese text: written in blocks, every row and link present', async () => {
    const wb = makeWorkbook('1.18');
    wb.web = true;
    const long = '项目绩效目标完成情况说明'.repeat(8);
    const r = report([]);
    const n = 50_000;
    r.indicators = [];
    for (let i = 0; i < n; i++)
      r.indicators.push({ ...indicator(i + 3, 1, `${long}${i}`, i % 7 === 0 ? null : 90), project: `${long}项目${i}` });
    const sheet = indicatorSheet([r]);
    wb.resetCounters();
    await gateway(wb).writeIndicatorSheet(sheet);
    expect(wb.maxRequestBytes).toBeLessThanOrEqual(wb.payloadLimit);
    // Read 1 + as many blocks as the bytes need (tens of MB at 3 MB a block), not one per row.
    expect(wb.syncs).toBeGreaterThan(2);
    expect(wb.syncs).toBeLessThan(40);
    expect(wb.sheet(INDICATOR_SHEET_NAME).tables).toEqual([{ name: INDICATOR_TABLE_NAME, address: `A1:O${n + 1}` }]);
    for (const i of [0, 1, 12_345, n - 1]) {
      expect(wb.cell(INDICATOR_SHEET_NAME, `F${i + 2}`).value).toBe(`${long}${i}`);
      expect(wb.cell(INDICATOR_SHEET_NAME, `B${i + 2}`).hyperlink).toEqual({
        documentReference: `'${SHEET}'!F${i + 3}`,
        textToDisplay: `${SHEET}!F${i + 3}`,
      });
    }
    expect(wb.cell(INDICATOR_SHEET_NAME, `A${n + 2}`).value).toBe('');
  });

  test('a table of that name on another sheet is the clerk copy: kept, ours gets a default name', async () => {
    const wb = makeWorkbook('1.18');
    wb.sheet('Sheet2').tables.push({ name: INDICATOR_TABLE_NAME, address: 'A1:B2' });
    await gateway(wb).writeIndicatorSheet(indicatorSheet(tables()));
    expect(wb.sheet('Sheet2').tables).toEqual([{ name: INDICATOR_TABLE_NAME, address: 'A1:B2' }]);
    expect(wb.sheet(INDICATOR_SHEET_NAME).tables).toHaveLength(1);
    expect(wb.sheet(INDICATOR_SHEET_NAME).tables[0].name).not.toBe(INDICATOR_TABLE_NAME);
  });
});
