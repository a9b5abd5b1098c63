/**
 * (Re)creating the indicator sheet: one sync to find the previous sheet and table, then the writes
 * (delete the old sheet, values, formats, links, table, widths) in blocks of at most BLOCK_BYTES of
 * request, one sync each; a sheet that fits in one block keeps a single write sync.
 */
import type { IndicatorSheet, SheetValue } from '../core/indicator-sheet';
import { columnName } from '../core/grid';
import type { ApiLevel } from './api-level';
import { qualified } from './addresses';
import { BLOCK_BYTES, type ExcelRun } from './read-sheet';
import { jsonBytes, OP_BYTES, opBytes, WriteBlocks } from './blocks';

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
    oldSheet?.delete();
    const ws = sheets.add(sheet.name);
    const width = sheet.header.length;
    const lastCol = columnName(width);
    const n = sheet.rows.length;
    const links = sheet.sources.length === n && n > 0 && width > SOURCE_COL;
    const formulaLinks = links && !api.v1_7;
    const linkCol = columnName(SOURCE_COL + 1);
    const blocks = new WriteBlocks(ctx);

    // Row blocks sized in UTF-8 bytes: 50,000 rows of Chinese text are well over the web's 5 MB.
    const header = { values: sheet.header.map(literal), formats: sheet.header.map(() => '@') };
    let block: { top: number; values: (string | number)[][]; formats: string[][]; queueLinks: (() => void)[] } | null = null;
    let blockBytes = 0;
    const queueBlock = (b: NonNullable<typeof block>): void => {
      const range = ws.getRange(`A${b.top}:${lastCol}${b.top + b.values.length - 1}`);
      range.numberFormat = b.formats;
      range.values = b.values;
      for (const q of b.queueLinks) q();
    };
    const emit = async (): Promise<void> => {
      if (!block) return;
      const b = block;
      block = null;
      await blocks.add(blockBytes, () => queueBlock(b));
      blockBytes = 0;
    };
    for (let i = -1; i < n; i++) {
      const row = i < 0 ? header.values : sheet.rows[i].map(literal);
      const formats = i < 0 ? header.formats : sheet.rows[i].map((v, c) => formatOf(v, c, formulaLinks));
      let rowBytes = jsonBytes(row) + jsonBytes(formats);
      let link: (() => void) | null = null;
      if (links && i >= 0) {
        const s = sheet.sources[i];
        const address = `${linkCol}${i + 2}`;
        if (api.v1_7) {
          const h = { documentReference: qualified(s.sheet, s.cell), textToDisplay: `${s.sheet}!${s.cell}` };
          rowBytes += opBytes(2, address, h);
          link = () => {
            ws.getRange(address).hyperlink = h;
          };
        } else {
          const f = `=HYPERLINK(${excelString(`#${qualified(s.sheet, s.cell)}`)},${excelString(`${s.sheet}!${s.cell}`)})`;
          rowBytes += opBytes(2, address, f);
          link = () => {
            ws.getRange(address).formulas = [[f]];
          };
        }
      }
      if (block && blockBytes + rowBytes > BLOCK_BYTES) await emit();
      if (!block) block = { top: i + 2, values: [], formats: [], queueLinks: [] };
      block.values.push(row);
      block.formats.push(formats);
      if (link) block.queueLinks.push(link);
      blockBytes += rowBytes + (block.values.length === 1 ? 2 * OP_BYTES : 0);
    }
    await emit();
    // The table and widths go with the last block: a table that fits in one block keeps one write sync.
    await blocks.add(opBytes(3), () => {
      const full = ws.getRange(`A1:${lastCol}${n + 1}`);
      const table = ws.tables.add(qualified(sheet.name, `A1:${lastCol}${Math.max(n + 1, 2)}`), true);
      if (!tableTaken) table.name = sheet.tableName;
      if (api.v1_2) full.format.autofitColumns();
    });
    await blocks.flush();
  });
}
