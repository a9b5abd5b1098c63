/**
 * The 指标明细 sheet of the `--out` copy looks as the ExcelJS writer made it: a bold, frozen header
 * row with an autofilter, column widths, wrapped long-text columns and link-styled source cells.
 * The copy is read back with ExcelJS (a reader of its own, independent of the patching code).
 */
import * as path from 'path';
import { ROOT, readBook, run, tempDir } from './helpers';
import { partsOf, sheetPartName, text } from './package';

describe('--out: the indicator sheet’s look', () => {
  const out = path.join(tempDir(), 'sample-annotated.xlsx');
  let code = -1;

  beforeAll(async () => {
    code = (await run([path.join(ROOT, 'examples', 'sample.xlsx'), '--out', out, '--format', 'json'])).code;
  });

  test('the header row is bold, the long columns wrap, the source cells look like links', async () => {
    expect([0, 1]).toContain(code);
    const wb = await readBook(out);
    const ws = wb.getWorksheet('指标明细');
    if (!ws) throw new Error('no 指标明细 sheet');
    const header = ws.getRow(1).values as (string | undefined)[];
    const col = (name: string) => header.indexOf(name);
    expect(col('问题')).toBeGreaterThan(0);
    for (let c = 1; c < header.length; c++) expect([header[c], ws.getCell(1, c).font?.bold]).toEqual([header[c], true]);
    expect(ws.rowCount).toBeGreaterThan(2);
    for (const name of ['项目', '三级指标', '年度·文字', '问题']) {
      // Every written cell of the column (empty cells are not written).
      let written = 0;
      for (let r = 2; r <= ws.rowCount; r++) {
        const cell = ws.getCell(r, col(name));
        if (cell.value === null) continue;
        written++;
        expect([name, r, cell.alignment?.wrapText, cell.alignment?.vertical]).toEqual([name, r, true, 'top']);
      }
      expect([name, written > 0]).toEqual([name, true]);
    }
    // Short columns keep the default format; the source cell is underlined like a link.
    expect(ws.getCell(2, col('序号')).alignment?.wrapText).toBeUndefined();
    expect(ws.getCell(2, col('来源单元格')).font?.underline).toBe(true);
    expect(ws.getCell(2, col('来源单元格')).font?.bold).toBeUndefined();
    // Widths fit the text: wide for the findings, within the caps.
    const widths = header.slice(1).map((_h, i) => ws.getColumn(i + 1).width ?? 0);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(6);
    expect(ws.getColumn(col('问题')).width).toBeGreaterThan(ws.getColumn(col('序号')).width ?? 0);
  });

  test('the header is frozen and filtered; the checked sheet keeps its own formats', async () => {
    const parts = partsOf(out);
    const xml = text(parts, sheetPartName(parts, '指标明细'));
    expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    const tablePart = Object.keys(parts).find(
      (n) => /^xl\/tables\/table\d+\.xml$/.test(n) && text(parts, n).includes('BudgetCheck'),
    );
    expect(tablePart).toBeDefined();
    expect(text(parts, tablePart!)).toMatch(/<autoFilter ref="A1:O\d+"\/>/);
    const before = await readBook(path.join(ROOT, 'examples', 'sample.xlsx'));
    const after = await readBook(out);
    const s0 = before.worksheets[0];
    const s1 = after.getWorksheet(s0.name)!;
    // A header cell of the checked table is not flagged: its font and alignment are the original's.
    expect(s1.getCell('A1').font).toEqual(s0.getCell('A1').font);
    expect(s1.getCell('A1').alignment).toEqual(s0.getCell('A1').alignment);
  });
});
