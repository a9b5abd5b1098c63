/**
 * The 指标明细 sheet (core indicatorSheet) as SpreadsheetML: a worksheet part with inline strings,
 * a bold frozen header, column widths, long text wrapped, in-workbook links back to each indicator
 * cell, and an Excel table part (with its autofilter) over the rows. Text over Excel's 32,767-character
 * cell limit is cut with a marker. The styles it names are added by indicator-styles.ts.
 */
import { columnName } from '../core/grid';
import type { IndicatorRows, SheetValue } from '../core/indicator-sheet';
import type { Locale } from '../core/messages/locale';
import type { IndicatorStyles } from './indicator-styles';
import { NS_MAIN, NS_REL, escapeAttr, ooxmlText } from './ooxml';
import { Utf8Chunks } from './utf8-chunks';

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

/** Widths are capped at 80; counting further changes nothing. */
const WIDTH_CAP = 80;

/** Display width of a text: CJK characters count double; the longest line counts (up to the cap). */
function displayWidth(v: SheetValue): number {
  if (v === null) return 0;
  const s = typeof v === 'string' ? v : String(v);
  let best = 0;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      w = 0;
      continue;
    }
    // U+1100 and up count double (CJK and full-width); a surrogate pair's low half adds nothing.
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += c >= 0x1100 ? 2 : 1;
    if (w > best) best = w;
    if (best > WIDTH_CAP) return best;
  }
  return best;
}

const CELL = /^([A-Z]+)(\d+)$/i;

/** `G6` → `$G$6` (nothing in it to escape); anything else as it is, escaped for an attribute. */
function absoluteAttr(cell: string): string {
  const m = CELL.exec(cell);
  return m ? `$${m[1]}$${m[2]}` : escapeAttr(cell);
}

/**
 * Columns whose text runs long, by position in indicator-sheet.ts's header (not by title, so renaming
 * a title keeps them wrapped): 项目, 三级指标, 实施周期·文字, 年度·文字; and 问题, always the last.
 */
const LONG_TEXT_COLUMNS: ReadonlySet<number> = new Set([0, 5, 9, 13]);

const EDGE_SPACE = /^\s|\s$|[\n\r\t]/;

/**
 * One column's cell markup around the row number and value: `<c r="` + letters, then the row, then
 * the tail for a number or for a text (`s` is a style index from indicator-styles.ts; absent: the
 * workbook's default). Built once per column, not per cell.
 */
interface ColumnMarkup {
  open: string;
  numberTail: string;
  textTail: string;
}

function columnMarkup(letters: string, s: number | undefined): ColumnMarkup {
  const style = s === undefined ? '' : ` s="${s}"`;
  return { open: `<c r="${letters}`, numberTail: `"${style}><v>`, textTail: `"${style} t="inlineStr"><is><t` };
}

/** One cell: nothing for an empty value or a number Excel cannot hold. */
function cellXml(m: ColumnMarkup, row: string, v: SheetValue, locale: Locale): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `${m.open}${row}${m.numberTail}${v}</v></c>` : '';
  // `xml:space` only where whitespace at an end or a line break must survive: 21 bytes of a million cells.
  const space = EDGE_SPACE.test(v) ? ' xml:space="preserve">' : '>';
  return `${m.open}${row}${m.textTail}${space}${ooxmlText(fitCell(v, locale))}</t></is></c>`;
}

/**
 * `location` of each row's link, `'O''Brien'!$G$6`: a sheet-qualified reference Excel accepts for
 * any sheet name. The quoted name is escaped once per sheet, not per row.
 */
function linkLocations(): (sheet: string, cell: string) => string {
  const prefixes = new Map<string, string>();
  return (sheet, cell) => {
    let prefix = prefixes.get(sheet);
    if (prefix === undefined) {
      prefix = escapeAttr(`'${sheet.replace(/'/g, "''")}'!`);
      prefixes.set(sheet, prefix);
    }
    return prefix + absoluteAttr(cell);
  };
}

/**
 * The 指标明细 sheet part as UTF-8 XML in ~1 MB chunks, for the caller to deflate while the next is
 * built: for 40,000 projects the part is ~140 MB, never held whole. `table.relId` is the sheet's
 * relationship to the table part.
 */
export function* indicatorSheetXml(
  sheet: IndicatorRows,
  locale: Locale,
  table: { relId: string },
  styles?: IndicatorStyles,
): Generator<Uint8Array, void, undefined> {
  const cols = sheet.header.length;
  const sourceCol = 1; // 来源单元格
  const findingsCol = cols - 1;
  // Column widths first: <cols> comes before the data.
  const widths = sheet.header.map((h) => displayWidth(h) + 4); // room for the filter button
  for (const r of sheet.rows()) {
    for (let c = 0; c < r.length; c++) {
      const w = displayWidth(r[c]) + 2;
      if (w > widths[c]) widths[c] = w;
    }
  }
  const colXml = widths
    .map(
      (w, c) =>
        `<col min="${c + 1}" max="${c + 1}" width="${Math.min(Math.max(w, 6), c === findingsCol ? 80 : 50)}" customWidth="1"/>`,
    )
    .join('');
  const last = lastCell(sheet);
  const out = new Utf8Chunks();
  out.text(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<dimension ref="A1:${last}"/>` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${colXml}</cols><sheetData>`,
  );
  const markup = (c: number, s: number | undefined): ColumnMarkup => columnMarkup(columnName(c + 1), s);
  let header = '<row r="1">';
  for (let c = 0; c < cols; c++) header += cellXml(markup(c, styles?.header), '1', sheet.header[c], locale);
  out.text(`${header}</row>`);
  // Per column: the style of its data cells.
  const columns = sheet.header.map((_h, c) =>
    markup(
      c,
      !styles
        ? undefined
        : c === sourceCol
          ? styles.link
          : c === findingsCol || LONG_TEXT_COLUMNS.has(c)
            ? styles.wrap
            : undefined,
    ),
  );
  let i = 0;
  for (const r of sheet.rows()) {
    const row = String(i + 2);
    i++;
    let xml = `<row r="${row}">`;
    for (let c = 0; c < r.length; c++) xml += cellXml(columns[c] ?? markup(c, undefined), row, r[c], locale);
    out.text(`${xml}</row>`);
    if (out.filled) yield* out.take();
  }
  out.text('</sheetData>');
  if (sheet.count > 0) {
    const location = linkLocations();
    const sourceLetters = columnName(sourceCol + 1);
    out.text('<hyperlinks>');
    let at = 2;
    for (const src of sheet.sources()) {
      out.text(`<hyperlink ref="${sourceLetters}${at++}" location="${location(src.sheet, src.cell)}"/>`);
      if (out.filled) yield* out.take();
    }
    out.text('</hyperlinks>');
  }
  out.text('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (sheet.count > 0) out.text(`<tableParts count="1"><tablePart r:id="${table.relId}"/></tableParts>`);
  out.text('</worksheet>');
  yield* out.end();
}

/** The sheet's last cell: the table and the sheet's dimension end there. */
function lastCell(sheet: IndicatorRows): string {
  return `${columnName(sheet.header.length)}${sheet.count + 1}`;
}

/**
 * The table part over the sheet (`table.id` and `table.name` unique in the workbook), or null when
 * there are no rows (a header row only, as before).
 */
export function indicatorTableXml(sheet: IndicatorRows, table: { id: number; name: string }): string | null {
  if (sheet.count === 0) return null;
  const last = lastCell(sheet);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${NS_MAIN}" id="${table.id}" name="${table.name}" displayName="${table.name}" ref="A1:${last}" totalsRowShown="0">` +
    `<autoFilter ref="A1:${last}"/>` +
    `<tableColumns count="${sheet.header.length}">${sheet.header.map((h, c) => `<tableColumn id="${c + 1}" name="${escapeAttr(h)}"/>`).join('')}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    '</table>'
  );
}
