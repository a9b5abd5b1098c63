/**
 * The committed fixture workbooks keep the layout promises each one is meant to exercise, and they
 * are exactly what scripts/make-fixtures.ts generates from test/fixtures/reference.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { REFERENCE, goalText, indicatorText, joinLines } from './fixtures/reference';
import {
  FIXTURE_TARGETS,
  LAYOUT_NAMES,
  buildLayouts,
  scaledReference,
  sheetToGrid,
  toXlsxBuffer,
  type FixtureWorkbook,
  type LayoutName,
} from '../scripts/make-fixtures';
import { cellAt, cellText } from '../src/core/grid';

const ROOT = path.resolve(__dirname, '..');
const P = REFERENCE.projects;

async function open(layout: LayoutName): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(ROOT, FIXTURE_TARGETS[layout]));
  return wb;
}

/** A cell's value as written (null for blank). */
function val(ws: ExcelJS.Worksheet, a1: string): ExcelJS.CellValue {
  const v = ws.getCell(a1).value;
  return v === undefined ? null : v;
}

/** The filled cells of a row, as A1 addresses. */
function filled(ws: ExcelJS.Worksheet, row: number): string[] {
  const out: string[] = [];
  ws.getRow(row).eachCell({ includeEmpty: false }, (c) => {
    if (c.value !== null && c.value !== undefined && c.value !== '') out.push(c.address);
  });
  return out;
}

function str(ws: ExcelJS.Worksheet, a1: string): string {
  const v = val(ws, a1);
  if (typeof v !== 'string') throw new Error(`${ws.name}!${a1} is not text: ${JSON.stringify(v)}`);
  return v;
}

const ITEM_START = /(\d+)、\d-/g;
const countItems = (s: string): number => [...s.replace(/\n/g, '').matchAll(ITEM_START)].length;

describe('clean-export.xlsx (budget-system export)', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const wb = await open('clean-export');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Sheet1']);
    ws = wb.worksheets[0];
  });

  it('has the one-line header on row 1 and 12 rows in all', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getRow(1).getCell(c).value)).toEqual([...REFERENCE.columnTitles]);
    expect(ws.rowCount).toBe(12);
    expect(val(ws, 'A2')).toBe('合计');
    expect(val(ws, 'A3')).toBe(REFERENCE.unitName);
  });

  it('has amounts as numbers formatted #,##0.00, special/other blank', () => {
    expect(val(ws, 'B2')).toBe(1648.49);
    expect(val(ws, 'C3')).toBe(1648.49);
    for (let r = 2; r <= 12; r++) {
      for (const c of ['B', 'C']) {
        expect(typeof val(ws, `${c}${r}`)).toBe('number');
        expect(ws.getCell(`${c}${r}`).numFmt).toBe('#,##0.00');
      }
      expect(val(ws, `D${r}`)).toBeNull();
      expect(val(ws, `E${r}`)).toBeNull();
    }
  });

  it('indents project names by cell format, without leading spaces', () => {
    P.forEach((p, i) => {
      const a = `A${4 + i}`;
      expect(val(ws, a)).toBe(p.name);
      expect(ws.getCell(a).alignment?.indent).toBe(1);
      expect(val(ws, `B${4 + i}`)).toBe(Number(p.amounts.total));
    });
    expect(ws.getCell('A2').alignment?.indent).toBeUndefined();
    expect(ws.getCell('A3').alignment?.indent).toBeUndefined();
  });

  it('has goal and indicator text on one line, 43 items in all', () => {
    let items = 0;
    P.forEach((p, i) => {
      expect(str(ws, `F${4 + i}`)).toBe(goalText(p));
      expect(str(ws, `G${4 + i}`)).toBe(indicatorText(p));
      expect(str(ws, `G${4 + i}`)).not.toContain('\n');
      items += countItems(str(ws, `G${4 + i}`));
    });
    expect(items).toBe(43);
  });
});

describe('pdf-conversion.xlsx (PDF-to-Excel conversion)', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const wb = await open('pdf-conversion');
    expect(wb.worksheets).toHaveLength(1);
    ws = wb.worksheets[0];
  });
  // project index → sheet row
  const rowOf = [6, 8, 10, 11, 13, 15, 16, 17, 18];

  it('has the title, the unit line and a wrapped header', () => {
    expect(val(ws, 'A1')).toBe(REFERENCE.title);
    expect(val(ws, 'A2')).toBe('单位名称：广州市花都区口岸服务保障中心 单位：万元');
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getRow(3).getCell(c).value)).toEqual([
      '项目名称（资金使用单位）',
      '总计',
      '财政拨款',
      '财政专\n户拨款',
      '其他\n资金',
      '绩效目标',
      '绩效指标',
    ]);
    expect(ws.getCell('D3').alignment?.wrapText).toBe(true);
    expect(ws.rowCount).toBe(18);
  });

  it('has amounts as text with thousands separators, special/other blank', () => {
    expect(val(ws, 'A4')).toBe('合计');
    expect(val(ws, 'B4')).toBe('1,648.49');
    expect(val(ws, 'C5')).toBe('1,648.49');
    expect(val(ws, 'B8')).toBe('1,152.00');
    for (const r of [4, 5, ...rowOf]) {
      for (const c of ['B', 'C']) expect(str(ws, `${c}${r}`)).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
      expect(val(ws, `D${r}`)).toBeNull();
      expect(val(ws, `E${r}`)).toBeNull();
    }
  });

  it('indents project names with four leading spaces, not by format; project 5 name breaks', () => {
    P.forEach((p, i) => {
      const a = `A${rowOf[i]}`;
      expect(str(ws, a).startsWith('    ')).toBe(true);
      expect(str(ws, a).slice(4).replace(/\n/g, '')).toBe(p.name);
      expect(ws.getCell(a).alignment?.indent).toBeUndefined();
    });
    expect(val(ws, 'A13')).toBe('    口岸车检场配套设施维修维\n护');
    expect(str(ws, 'A4').startsWith(' ')).toBe(false);
    expect(str(ws, 'A5').startsWith(' ')).toBe(false);
  });

  it('breaks goal and indicator cells with \\n exactly where the PDF breaks them (wrap on)', () => {
    for (const r of rowOf) {
      expect(str(ws, `G${r}`)).toContain('\n');
      expect(ws.getCell(`G${r}`).alignment?.wrapText).toBe(true);
      expect(ws.getCell(`F${r}`).alignment?.wrapText).toBe(true);
    }
    expect(str(ws, 'G6').split('\n')).toEqual(P[0].indicatorLines.slice(0, -1));
    expect(str(ws, 'G10').split('\n')).toEqual(P[2].indicatorLines);
    expect(str(ws, 'F10').split('\n')).toEqual(P[2].goalLines);
  });

  it('has page-break continuation rows 7 (G: "。"), 9 (F: rest of goal), 14 (G: rest of indicators)', () => {
    expect(filled(ws, 7)).toEqual(['G7']);
    expect(val(ws, 'G7')).toBe('。');
    expect(filled(ws, 9)).toEqual(['F9']);
    expect(val(ws, 'F9')).toBe('出口企业满意，助力花都外贸持续健\n康发展。');
    expect(filled(ws, 14)).toEqual(['G14']);
    expect(val(ws, 'G14')).toBe('、4-成本指标；41-经济成本指标；成本控制率；实施周期指标值:≥\n90%；年度指标值:≥90%。');
    expect(str(ws, 'G13').endsWith('6')).toBe(true);
    expect(filled(ws, 12)).toEqual([]);
  });

  it("gives back each project's lines, and its text when a row and its continuation are joined", () => {
    const cont: Record<number, number> = { 0: 7, 1: 9, 4: 14 };
    let items = 0;
    P.forEach((p, i) => {
      const r = rowOf[i];
      const c = cont[i];
      const lines = (col: string): string[] => [
        ...str(ws, `${col}${r}`).split('\n'),
        ...(c && val(ws, `${col}${c}`) ? str(ws, `${col}${c}`).split('\n') : []),
      ];
      expect(lines('F')).toEqual(p.goalLines);
      expect(lines('G')).toEqual(p.indicatorLines);
      expect(joinLines(lines('F'))).toBe(goalText(p));
      expect(joinLines(lines('G'))).toBe(indicatorText(p));
      items += countItems(joinLines(lines('G')));
    });
    expect(items).toBe(43);
  });
});

describe('hand-made.xlsx (hand-made book)', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    wb = await open('hand-made');
    ws = wb.getWorksheet('绩效目标表')!;
  });
  const firstProjectRow = 8;

  it('has two sheets: instructions without a table first, then the table', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['填表说明', '绩效目标表']);
    const info = wb.worksheets[0];
    expect(info.rowCount).toBeGreaterThanOrEqual(3);
    expect(info.columnCount).toBe(1);
    info.eachRow((row) => row.eachCell((c) => expect(String(c.value)).not.toMatch(/^(合计|总计)$/)));
  });

  it('starts the table in column B; column A is empty', () => {
    for (let r = 1; r <= ws.rowCount; r++) expect(val(ws, `A${r}`)).toBeNull();
    expect(val(ws, 'B1')).toBe(REFERENCE.title);
    expect(str(ws, 'B2')).toContain(REFERENCE.unitName);
    expect(filled(ws, 3)).toEqual(['H3']);
    expect(val(ws, 'H3')).toBe('单位：万元');
  });

  it('has a grouped two-row header with merged cells (rows 4-5)', () => {
    const merges = ws.model.merges;
    for (const m of ['B4:B5', 'C4:C5', 'D4:F4', 'G4:G5', 'H4:H5']) expect(merges).toContain(m);
    expect(val(ws, 'B4')).toBe('项目名称');
    expect(val(ws, 'C4')).toBe('总计');
    expect(val(ws, 'D4')).toBe('资金来源');
    expect(val(ws, 'G4')).toBe('绩效目标');
    expect(val(ws, 'H4')).toBe('绩效指标');
    expect(['D5', 'E5', 'F5'].map((a) => val(ws, a))).toEqual(['财政拨款', '财政专户拨款', '其他资金']);
    expect(ws.getCell('B5').isMerged).toBe(true);
    expect(ws.getCell('E4').isMerged).toBe(true);
  });

  it('has amounts as numbers formatted 0.00; special/other 0 on some rows, blank on others', () => {
    expect(val(ws, 'B6')).toBe('合计');
    expect(val(ws, 'B7')).toBe(REFERENCE.unitName);
    expect(val(ws, 'C6')).toBe(1648.49);
    let zeros = 0;
    let blanks = 0;
    for (let r = 6; r < firstProjectRow + P.length; r++) {
      for (const c of ['C', 'D']) {
        expect(typeof val(ws, `${c}${r}`)).toBe('number');
        expect(ws.getCell(`${c}${r}`).numFmt).toBe('0.00');
      }
      for (const c of ['E', 'F']) {
        const v = val(ws, `${c}${r}`);
        if (v === 0) zeros++;
        else if (v === null) blanks++;
        else throw new Error(`${c}${r}: ${String(v)}`);
      }
    }
    expect(zeros).toBeGreaterThan(0);
    expect(blanks).toBeGreaterThan(0);
  });

  it('has project names with no indentation and single-line texts', () => {
    P.forEach((p, i) => {
      const r = firstProjectRow + i;
      expect(val(ws, `B${r}`)).toBe(p.name);
      expect(ws.getCell(`B${r}`).alignment?.indent).toBeUndefined();
      expect(val(ws, `G${r}`)).toBe(goalText(p));
      expect(val(ws, `H${r}`)).toBe(indicatorText(p));
    });
  });

  it('has notes under the table after a blank row', () => {
    expect(filled(ws, 17)).toEqual([]);
    expect(val(ws, 'B18')).toBe('注：本表金额单位为万元。');
    expect(val(ws, 'B19')).toBe('填表人：张三 审核人：李四');
    expect(ws.rowCount).toBe(19);
  });
});

describe('examples/sample.xlsx (browser preview sample)', () => {
  it('is the clean-export table on a sheet named 绩效目标表', async () => {
    const wb = await open('sample');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['绩效目标表']);
    const ws = wb.worksheets[0];
    expect(val(ws, 'A1')).toBe('项目名称（资金使用单位）');
    expect(val(ws, 'A2')).toBe('合计');
    expect(val(ws, 'A4')).toBe(P[0].name);
    expect(ws.getCell('A4').alignment?.indent).toBe(1);
    expect(val(ws, 'G12')).toBe(indicatorText(P[8]));
  });
});

describe('the fixtures are what scripts/make-fixtures.ts generates (run `npm run fixtures`)', () => {
  const built = buildLayouts();

  /** Every cell the builder writes, and nothing else, is in the file (merged non-master cells skipped). */
  async function contentMatches(fw: FixtureWorkbook, wb: ExcelJS.Workbook): Promise<void> {
    expect(wb.worksheets.map((s) => s.name)).toEqual(fw.sheets.map((s) => s.name));
    for (const s of fw.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      expect(ws.model.merges.slice().sort()).toEqual(s.merges.slice().sort());
      const want: Record<string, unknown> = {};
      s.rows.forEach((r, ri) =>
        r.forEach((c, ci) => {
          if (c && c.value !== null) want[ws.getCell(ri + 1, ci + 1).address] = c.value;
        }),
      );
      const got: Record<string, unknown> = {};
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.isMerged && c.master.address !== c.address) return;
          if (c.value !== null && c.value !== undefined) got[c.address] = c.value;
        }),
      );
      expect(got).toEqual(want);
    }
  }

  it.each(LAYOUT_NAMES.map((n) => [n]))('%s: committed content equals the builder output', async (n) => {
    await contentMatches(built[n], await open(n));
  });

  it.each(LAYOUT_NAMES.map((n) => [n]))('%s: bytes are deterministic and equal the committed file', async (n) => {
    const a = await toXlsxBuffer(built[n]);
    const b = await toXlsxBuffer(buildLayouts()[n]);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(fs.readFileSync(path.join(ROOT, FIXTURE_TARGETS[n])))).toBe(true);
  });

  it('records the layout facts the files follow', () => {
    const pdf = built['pdf-conversion'].sheets[0].table!;
    expect(pdf.headerRows).toEqual([3]);
    expect(pdf.firstDataRow).toBe(4);
    expect(pdf.projectRows).toEqual([6, 8, 10, 11, 13, 15, 16, 17, 18]);
    expect(pdf.continuationRows).toEqual([
      { row: 7, of: 6, column: 'indicators' },
      { row: 9, of: 8, column: 'goal' },
      { row: 14, of: 13, column: 'indicators' },
    ]);
    const hand = built['hand-made'].sheets[1].table!;
    expect(hand.headerRows).toEqual([4, 5]);
    expect(hand.columns).toEqual({
      name: 'B',
      total: 'C',
      fiscal: 'D',
      specialAccount: 'E',
      other: 'F',
      goal: 'G',
      indicators: 'H',
    });
    expect(hand.projectRows[0]).toBe(8);
    expect(hand.lastDataRow).toBe(16);
    const clean = built['clean-export'].sheets[0].table!;
    expect(clean.projectRows).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('sheetToGrid and scaledReference (for tests and the benchmark)', () => {
  it('gives the used range with display text, indent and number format', () => {
    const clean = sheetToGrid(buildLayouts()['clean-export'].sheets[0]);
    expect([clean.top, clean.left]).toEqual([1, 1]);
    expect(cellAt(clean, 2, 2)).toEqual({ value: 1648.49, text: '1,648.49', numberFormat: '#,##0.00' });
    expect(cellAt(clean, 4, 1)?.indent).toBe(1);
    const hand = sheetToGrid(buildLayouts()['hand-made'].sheets[1]);
    expect([hand.top, hand.left]).toEqual([1, 2]);
    expect(cellText(cellAt(hand, 4, 4))).toBe('资金来源');
    expect(cellText(cellAt(hand, 4, 5))).toBe('');
    expect(cellText(cellAt(hand, 8, 5))).toBe('0.00');
  });

  it('scales the reference table with exact sums', () => {
    const t = scaledReference(3);
    expect(t.projects).toHaveLength(27);
    expect(t.totalAmounts.total).toBe('4945.47');
    expect(t.unitAmounts.fiscal).toBe('4945.47');
    expect(t.projects[9].name).toBe(`${P[0].name}（2）`);
    expect(joinLines(t.projects[13].nameLines)).toBe(t.projects[13].name);
    expect(buildLayouts(t)['pdf-conversion'].sheets[0].table!.projectRows).toHaveLength(27);
  });
});
