/**
 * (Re)creating the indicator sheet: one sync to find the previous sheet and table, then the writes
 * (delete the old sheet, values, formats, links, table, widths) in blocks of at most BLOCK_BYTES of
 * request, one sync each, each operation sized as measured (op-bytes.ts); a sheet that fits in one
 * block keeps a single write sync, and a block Excel refuses as too large is sent again in halves.
 */
import type { IndicatorSheet, SheetValue } from '../core/indicator-sheet';
import { columnName } from '../core/grid';
import type { ApiLevel } from './api-level';
import { qualified } from './addresses';
import type { ExcelRun } from './read-sheet';
import { WriteBlocks } from './blocks';
import { opSize } from './op-bytes';

/** Cells per row group: Office.js sends a larger values write in slices of this size anyway. */
const ROWS_CELLS = 1500;

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
    // Collections only: no property is ever loaded through a null object (getItemOrNullObject's
    // result), and finding the table's sheet costs no extra round trip.
    sheets.load('items/name');
    const tables = ctx.workbook.tables.load(api.v1_2 ? 'items/name,items/worksheet/name' : 'items/name');
    await ctx.sync();
    const oldSheet = sheets.items.find((w) => w.name === sheet.name) ?? null;
    const named = tables.items.find((t) => t.name === sheet.tableName) ?? null;
    // A table of that name on another sheet is the clerk's copy (a renamed old sheet): leave it.
    // Before 1.2 a table cannot tell its sheet; the old sheet's table goes with it.
    const tableTaken = named !== null && (api.v1_2 ? named.worksheet.name !== sheet.name : !oldSheet);
    const width = sheet.header.length;
    const lastCol = columnName(width);
    const n = sheet.rows.length;
    const links = sheet.sources.length === n && n > 0 && width > SOURCE_COL;
    const formulaLinks = links && !api.v1_7;
    const linkCol = columnName(SOURCE_COL + 1);
    const blocks = new WriteBlocks(ctx, api.blockBytes);

    // The sheet itself goes in the first block: a block refused as too large is sent again from its
    // first operation, which must then create the sheet again (a new proxy for the later ones).
    let ws = null as unknown as Excel.Worksheet;
    await blocks.add(opSize('tableAdd', sheet.name), () => {
      oldSheet?.delete();
      ws = sheets.add(sheet.name);
    });

    // Rows in groups the client would not slice further (it splits writes over 1,500 cells), each
    // group one operation sized in UTF-8 bytes: 50,000 rows of Chinese text are well over 5 MB.
    const groupRows = Math.max(1, Math.floor(ROWS_CELLS / width));
    for (let start = -1; start < n; start += groupRows) {
      const end = Math.min(n, start + groupRows);
      const values: (string | number)[][] = [];
      const formats: string[][] = [];
      for (let i = start; i < end; i++) {
        values.push(i < 0 ? sheet.header.map(literal) : sheet.rows[i].map(literal));
        formats.push(i < 0 ? sheet.header.map(() => '@') : sheet.rows[i].map((v, c) => formatOf(v, c, formulaLinks)));
      }
      const address = `A${start + 2}:${lastCol}${end + 1}`;
      await blocks.add(opSize('rowsWrite', address, formats, values), () => {
        const range = ws.getRange(address).untrack();
        range.numberFormat = formats;
        range.values = values;
      });
      if (!links) continue;
      for (let i = Math.max(0, start); i < end; i++) {
        const s = sheet.sources[i];
        const cell = `${linkCol}${i + 2}`;
        if (api.v1_7) {
          const h = { documentReference: qualified(s.sheet, s.cell), textToDisplay: `${s.sheet}!${s.cell}` };
          await blocks.add(opSize('linkWrite', cell, h), () => {
            ws.getRange(cell).untrack().hyperlink = h;
          });
        } else {
          const f = `=HYPERLINK(${excelString(`#${qualified(s.sheet, s.cell)}`)},${excelString(`${s.sheet}!${s.cell}`)})`;
          await blocks.add(opSize('linkWrite', cell, f), () => {
            ws.getRange(cell).untrack().formulas = [[f]];
          });
        }
      }
    }
    // The table and widths go with the last block: a table that fits in one block keeps one write sync.
    const tableAddress = qualified(sheet.name, `A1:${lastCol}${Math.max(n + 1, 2)}`);
    await blocks.add(opSize('tableAdd', tableAddress, true, sheet.tableName), () => {
      const table = ws.tables.add(tableAddress, true);
      if (!tableTaken) table.name = sheet.tableName;
      if (api.v1_2)
        ws.getRange(`A1:${lastCol}${n + 1}`)
          .untrack()
          .format.autofitColumns();
    });
    await blocks.flush();
  });
}
