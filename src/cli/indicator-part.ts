/**
 * The 指标明细 sheet (core indicatorSheet) as SpreadsheetML: a worksheet part with inline strings,
 * a frozen header, column widths, in-workbook links back to each indicator cell, and an Excel table
 * part over the rows. Text over Excel's 32,767-character cell limit is cut with a marker.
 */
import { address, columnName } from '../core/grid';
import type { IndicatorSheet, SheetValue } from '../core/indicator-sheet';
import type { Locale } from '../core/messages/locale';
import { NS_MAIN, NS_REL, escapeAttr, ooxmlText } from './ooxml';

/** Excel refuses a cell holding more characters than this. */
export const EXCEL_MAX_CELL_CHARS = 32767;

const CUT_MARKER: Record<Locale, string> = { 'zh-CN': '…（已截断）', 'en-US': '… (cut)' };

/** The text cut to Excel's cell limit, ending with a marker when it was cut. */
export function fitCell(text: string, locale: Locale): string {
  if (text.length <= EXCEL_MAX_CELL_CHARS) return text;
  const marker = CUT_MARKER[locale];
  let head = text.slice(0, EXCEL_MAX_CELL_CHARS - marker.length);
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return head + marker;
}

/** Display width of a text: CJK characters count double; the longest line counts. */
function displayWidth(v: SheetValue): number {
  if (v === null) return 0;
  let best = 0;
  for (const line of String(v).split('\n')) {
    let w = 0;
    for (const ch of line) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
    if (w > best) best = w;
  }
  return best;
}

/** `'O''Brien'!$G$6`: a sheet-qualified reference Excel accepts for any sheet name. */
export function sheetRef(sheet: string, cell: string): string {
  const abs = cell.replace(/^([A-Z]+)(\d+)$/i, '$$$1$$$2');
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

function cellXml(ref: string, v: SheetValue, locale: Locale): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : '';
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${ooxmlText(fitCell(v, locale))}</t></is></c>`;
}

export interface IndicatorParts {
  sheetXml: string;
  /** The table part, or null when there are no rows (a header row only, as before). */
  tableXml: string | null;
}

/**
 * `tableRelId` is the sheet's relationship to the table part; `tableId` and `tableName` are unique
 * in the workbook.
 */
export function indicatorParts(sheet: IndicatorSheet, locale: Locale, table: { relId: string; id: number; name: string }): IndicatorParts {
  const cols = sheet.header.length;
  const sourceCol = 1; // 来源单元格
  const findingsCol = cols - 1;
  const rows: string[] = [];
  const head = sheet.header.map((h, c) => cellXml(address(1, c + 1), h, locale)).join('');
  rows.push(`<row r="1">${head}</row>`);
  const links: string[] = [];
  const widths = sheet.header.map((h) => displayWidth(h) + 4); // room for the filter button
  sheet.rows.forEach((r, i) => {
    const rowNo = i + 2;
    let cells = '';
    r.forEach((v, c) => {
      cells += cellXml(address(rowNo, c + 1), v, locale);
      const w = displayWidth(v) + 2;
      if (w > widths[c]) widths[c] = w;
    });
    rows.push(`<row r="${rowNo}">${cells}</row>`);
    const src = sheet.sources[i];
    links.push(`<hyperlink ref="${address(rowNo, sourceCol + 1)}" location="${escapeAttr(sheetRef(src.sheet, src.cell))}"/>`);
  });
  const colXml = widths
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${Math.min(Math.max(w, 6), c === findingsCol ? 80 : 50)}" customWidth="1"/>`)
    .join('');
  const last = `${columnName(cols)}${sheet.rows.length + 1}`;
  const hasTable = sheet.rows.length > 0;
  const sheetXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${colXml}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (hasTable ? `<tableParts count="1"><tablePart r:id="${table.relId}"/></tableParts>` : '') +
    '</worksheet>';
  const tableXml = hasTable
    ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<table xmlns="${NS_MAIN}" id="${table.id}" name="${table.name}" displayName="${table.name}" ref="A1:${last}" totalsRowShown="0">` +
      `<autoFilter ref="A1:${last}"/>` +
      `<tableColumns count="${cols}">${sheet.header.map((h, c) => `<tableColumn id="${c + 1}" name="${escapeAttr(h)}"/>`).join('')}</tableColumns>` +
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
      '</table>'
    : null;
  return { sheetXml, tableXml };
}
