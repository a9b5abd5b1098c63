import { cellText } from '../../src/core/grid';
import { HostError } from '../../src/host/workbook';
import { ExcelWorkbook } from '../../src/excel';
import { utf8Length } from '../../src/excel/read-sheet';
import { FakeWorkbook } from './fake-excel';
import { gateway, makeWorkbook, SHEET } from './helpers';

describe('readActiveSheet', () => {
  test('1.9: values, number formats, indents, errors and blanks in one round trip (no text: it repeats the values)', async () => {
    const wb = new FakeWorkbook('1.9', [
      {
        name: '表',
        rows: [
          [null, '标题'],
          ['  项目', 12.5],
          [true, null],
        ],
        top: 3,
        left: 2,
      },
    ]);
    Object.assign(wb.cell('表', 'B4'), { indent: 2 });
    Object.assign(wb.cell('表', 'C4'), { numberFormat: '#,##0.00', text: '12.50' });
    Object.assign(wb.cell('表', 'C5'), { value: '#DIV/0!' });
    wb.resetCounters();
    const g = await gateway(wb).readActiveSheet();
    expect(wb.syncs).toBe(1);
    expect(g).toMatchObject({ sheet: '表', top: 3, left: 2 });
    expect(g.cells[0][0]).toBeNull();
    expect(g.cells[0][1]).toMatchObject({ value: '标题' });
    expect(g.cells[1][0]).toMatchObject({ value: '  项目', indent: 2 });
    expect(g.cells[1][1]).toEqual({ value: 12.5, numberFormat: '#,##0.00' });
    expect(g.cells[2][0]).toEqual({ value: true });
    expect(g.cells[2][1]).toMatchObject({ value: { error: '#DIV/0!' } });
  });

  test('without 1.9: no indents, leading spaces still there', async () => {
    for (const level of ['1.7', '1.1']) {
      const wb = makeWorkbook(level);
      wb.cell(SHEET, 'A3').indent = 1;
      const g = await gateway(wb).readActiveSheet();
      expect(cellText(g.cells[2][0])).toBe('  项目1');
      expect(g.cells[2][0]?.indent).toBeUndefined();
      expect((await gateway(wb).capabilities()).indents).toBe(false);
    }
  });

  test('an empty sheet reads as one blank cell', async () => {
    const wb = new FakeWorkbook('1.18', [{ name: '空' }]);
    const g = await gateway(wb).readActiveSheet();
    expect(g).toEqual({ sheet: '空', top: 1, left: 1, cells: [[null]] });
  });

  test('over the web 5 MB cap: reads in measured row blocks, with progress, every request under the cap', async () => {
    const rows: string[][] = [];
    for (let i = 0; i < 30_000; i++)
      rows.push([`项目${i}`, '这是一段相当长的年度绩效目标说明文字，用来把单元格撑大'.repeat(2), `≥${i}%`]);
    const wb = new FakeWorkbook('1.18', [{ name: '大表', rows }]);
    wb.web = true;
    const progress: [number, number][] = [];
    const g = await gateway(wb).readActiveSheet((d, t) => progress.push([d, t]));
    expect(g.cells).toHaveLength(30_000);
    expect(cellText(g.cells[29_999][2])).toBe('≥29999%');
    expect(progress[progress.length - 1]).toEqual([30_000, 30_000]);
    expect(wb.requests[0].error).toBe('ResponsePayloadSizeLimitExceeded');
    expect(wb.maxResponseBytes).toBeLessThanOrEqual(wb.payloadLimit);
    console.log(
      `blocked read: ${wb.syncs} syncs (1 refused, 1 size probe, ${wb.syncs - 2} blocks) for ${((wb.requests[0].refusedBytes ?? 0) / 1e6).toFixed(1)} MB`,
    );
    expect(wb.syncs).toBeLessThan(12);
  });
});

describe('block sizes count UTF-8 bytes', () => {
  test('a sheet of long Chinese text: only the first whole-sheet read is refused, no block is', async () => {
    const text = '通过开展口岸广域网运营、维护服务，提高查验单位监管现场视频监控数据传输能力，加强监管力度。';
    const rows: string[][] = [];
    for (let i = 0; i < 12_000; i++) rows.push([`项目${i}`, text.repeat(2), text.repeat(3)]);
    const wb = new FakeWorkbook('1.18', [{ name: '大表', rows }]);
    wb.web = true;
    const g = await gateway(wb).readActiveSheet();
    expect(g.cells).toHaveLength(12_000);
    const refused = wb.requests.filter((r) => r.error !== undefined);
    expect(refused).toHaveLength(1);
    expect(wb.requests[0]).toBe(refused[0]);
  });

  test('utf8Length counts bytes as UTF-8 does', () => {
    for (const s of ['', 'abc', '财政拨款', '≥90%', 'é', '𠮷', '1、1-产出指标；'])
      expect(utf8Length(s)).toBe(Buffer.byteLength(s));
  });
});

describe('construction and capabilities', () => {
  test('never throws without any requirement set, or when the predicate throws', async () => {
    const wb = makeWorkbook('1.1');
    const none = new ExcelWorkbook({
      run: wb.run,
      isSetSupported: () => false,
      settings: wb.settings,
      locale: 'zh-CN',
    });
    expect(await none.capabilities()).toEqual({ notes: 'none', indents: false, indicatorSheet: true });
    const throwing = new ExcelWorkbook({
      run: wb.run,
      isSetSupported: () => {
        throw new Error('Office not ready');
      },
      settings: wb.settings,
      locale: 'en-US',
    });
    expect((await throwing.capabilities()).notes).toBe('none');
    expect(await throwing.hasMarks()).toBe(false);
  });
});

describe('select and setCellText', () => {
  test('select activates the sheet, then selects the cell', async () => {
    const wb = makeWorkbook('1.1');
    wb.activeId = wb.sheet('Sheet2').id;
    await gateway(wb).select(SHEET, 'D7');
    expect(wb.activeId).toBe(wb.sheet(SHEET).id);
    expect(wb.selection).toEqual({ sheetId: wb.sheet(SHEET).id, address: 'D7' });
    await expect(gateway(wb).select('没有这张表', 'A1')).rejects.toMatchObject({ code: 'no-sheet' });
  });

  test('setCellText writes when the cell still reads as expected, and refuses when it changed', async () => {
    const wb = makeWorkbook('1.18');
    const gw = gateway(wb);
    wb.resetCounters();
    await gw.setCellText(SHEET, 'F3', '≥1%', '≥1%');
    await gw.setCellText(SHEET, 'E3', '完成全部任务', '完成任务1');
    expect(wb.syncs).toBe(4);
    expect(wb.cell(SHEET, 'E3').value).toBe('完成全部任务');
    const err = await gw.setCellText(SHEET, 'E3', 'x', '完成任务1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: 'changed' });
    expect(wb.cell(SHEET, 'E3').value).toBe('完成全部任务');
  });

  test('setCellText never turns text into a formula', async () => {
    const wb = makeWorkbook('1.18');
    await gateway(wb).setCellText(SHEET, 'E3', '=1+1', '完成任务1');
    expect(wb.cell(SHEET, 'E3')).toMatchObject({ value: '=1+1' });
    expect(wb.cell(SHEET, 'E3').formula).toBeUndefined();
  });

  test('setCellText on a protected sheet is a protected HostError', async () => {
    const wb = makeWorkbook('1.18', 10, { protected: true });
    await expect(gateway(wb).setCellText(SHEET, 'E3', 'x', '完成任务1')).rejects.toMatchObject({ code: 'protected' });
  });
});
