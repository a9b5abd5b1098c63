/**
 * (Re)creating the indicator sheet: one sync to find the previous sheet and table, one sync to
 * delete them and write the new sheet (values as one block, table, formats, links, widths).
 */
import type { IndicatorSheet, SheetValue } from '../core/indicator-sheet';
import { columnName } from '../core/grid';
import type { ApiLevel } from './api-level';
import { qualified } from './addresses';
import type { ExcelRun } from './read-sheet';

/** Column of `来源单元格` in IndicatorSheet rows (fixed by src/core/indicator-sheet.ts). */
const SOURCE_COL = 1;

/**
 * Cell text is untrusted: a string starting with `=` written through `values` would become a
 * formula. The quote prefix keeps it text, exactly as typing `'=` does in Excel.
 */
export function literal(v: SheetValue): string | number {
  if (v === null) return '';
  if (typeof v === 'string' && /^[=]/.test(v)) return `'${v}`;
  return v;
}

function formatOf(v: SheetValue, col: number, hyperlinkFormulas: boolean): string {
  if (typeof v === 'number') return Number.isInteger(v) ? '0' : '0.00##';
  // Text format keeps "001" or "85%" as the clerk wrote them; the formula column must stay General.
  if (col === SOURCE_COL && hyperlinkFormulas) return 'General';
  return typeof v === 'string' ? '@' : 'General';
}

const excelString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export async function writeIndicatorSheet(run: ExcelRun, api: ApiLevel, sheet: IndicatorSheet): Promise<void> {
  await run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    let oldSheet: Excel.Worksheet | null = null;
    let tableTaken = false;
    if (api.v1_4) {
      const ws = sheets.getItemOrNullObject(sheet.name);
      ws.load('name');
      const t = ctx.workbook.tables.getItemOrNullObject(sheet.tableName);
      t.load('name');
      const tws = t.worksheet;
      tws.load('name');
      await ctx.sync();
      oldSheet = ws.isNullObject ? null : ws;
      // A table of that name on another sheet is the clerk's copy (a renamed old sheet): leave it.
      tableTaken = !t.isNullObject && tws.name !== sheet.name;
    } else {
      sheets.load('items/name');
      const tables = ctx.workbook.tables.load('items/name');
      await ctx.sync();
      oldSheet = sheets.items.find((w) => w.name === sheet.name) ?? null;
      tableTaken = tables.items.some((t) => t.name === sheet.tableName);
      if (tableTaken && oldSheet) {
        // Before 1.4 we cannot ask a table for its sheet cheaply; the old sheet's table goes with it.
        tableTaken = false;
      }
    }
    oldSheet?.delete();
    const ws = sheets.add(sheet.name);
    const width = sheet.header.length;
    const lastCol = columnName(width);
    const n = sheet.rows.length;
    const full = ws.getRange(`A1:${lastCol}${n + 1}`);
    const links = sheet.sources.length === n && n > 0 && width > SOURCE_COL;
    const formulaLinks = links && !api.v1_7;
    full.numberFormat = [
      sheet.header.map(() => '@'),
      ...sheet.rows.map((r) => r.map((v, c) => formatOf(v, c, formulaLinks))),
    ];
    full.values = [sheet.header.map(literal), ...sheet.rows.map((r) => r.map(literal))];
    const table = ws.tables.add(`A1:${lastCol}${Math.max(n + 1, 2)}`, true);
    if (!tableTaken) table.name = sheet.tableName;
    if (links) {
      const col = columnName(SOURCE_COL + 1);
      if (api.v1_7) {
        sheet.sources.forEach((s, i) => {
          ws.getRange(`${col}${i + 2}`).hyperlink = {
            documentReference: qualified(s.sheet, s.cell),
            textToDisplay: `${s.sheet}!${s.cell}`,
          };
        });
      } else {
        ws.getRange(`${col}2:${col}${n + 1}`).formulas = sheet.sources.map((s) => [
          `=HYPERLINK(${excelString(`#${qualified(s.sheet, s.cell)}`)},${excelString(`${s.sheet}!${s.cell}`)})`,
        ]);
      }
    }
    if (api.v1_2) full.format.autofitColumns();
    await ctx.sync();
  });
}
