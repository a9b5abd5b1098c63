/**
 * Draws a PreviewWorkbook the way Excel shows a sheet: name box and formula bar, column letters,
 * row numbers, wrapped cell text, fills, the red note triangle with a hover tooltip, the selected
 * cell's outline, and sheet tabs. All cell text goes in through textContent.
 *
 * Rows are virtual: only a window of WINDOW_ROWS rows is in the DOM, between two spacer rows sized
 * from the rows drawn, so a 10,000-row sheet scrolls to its last row and selecting G3032 shows it.
 */
import { columnName, parseAddress } from '../core/grid';
import { clear, el } from '../taskpane/dom';
import { addr, displayText, parseRange, type PreviewSheet, type PreviewWorkbook } from './preview-workbook';
import type { PreviewStrings } from './strings';

/** Rows in the DOM at a time, and how near its edge the view may scroll before it moves. */
export const WINDOW_ROWS = 120;
const WINDOW_MARGIN = 30;
const DEFAULT_ROW_PX = 22;
const MAX_COLS = 40;
/** Space kept between a tooltip and the edge of the window. */
const TOOLTIP_GAP = 8;
const DEFAULT_COL_PX = 72;
const ROW_HEADER_PX = 40;

export class GridView {
  private wb: PreviewWorkbook | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly nameBox: HTMLElement;
  private readonly formulaText: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly tabs: HTMLElement;
  private readonly tooltip: HTMLElement;
  private drawnSheet: string | null = null;
  private cellEls = new Map<string, HTMLTableCellElement>();
  /** The sheet's extent and the window of rows [start, end) in the DOM. */
  private extent = { rows: 0, cols: 0 };
  private windowRows = { start: 1, end: 1 };
  private rowPx = DEFAULT_ROW_PX;
  private topSpacer: HTMLElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly t: PreviewStrings,
  ) {
    const doc = root.ownerDocument;
    this.nameBox = el(doc, 'div', {
      className: 'pv-namebox',
      attrs: { 'data-role': 'namebox', 'aria-live': 'polite' },
    });
    this.formulaText = el(doc, 'div', { className: 'pv-formula-text', attrs: { 'data-role': 'formula' } });
    const formula = el(
      doc,
      'div',
      { className: 'pv-formula' },
      this.nameBox,
      el(doc, 'div', { className: 'pv-fx', text: 'fx', attrs: { 'aria-hidden': 'true' } }),
      this.formulaText,
    );
    this.notice = el(doc, 'div', { className: 'pv-notice', attrs: { hidden: true } });
    this.scroller = el(doc, 'div', { className: 'pv-scroll', attrs: { tabindex: '0', 'data-role': 'grid-scroll' } });
    this.tabs = el(doc, 'div', { className: 'pv-tabs', attrs: { role: 'tablist', 'aria-label': t.sheetTabs } });
    this.tooltip = el(doc, 'div', {
      className: 'pv-tooltip',
      attrs: { role: 'tooltip', hidden: true, 'data-role': 'tooltip' },
    });
    clear(root);
    root.append(formula, this.notice, this.scroller, this.tabs, this.tooltip);
    this.scroller.addEventListener('click', (ev) => this.onClick(ev));
    this.scroller.addEventListener('mouseover', (ev) => this.onHover(ev));
    this.scroller.addEventListener('mouseleave', () => this.hideTooltip());
    this.scroller.addEventListener('scroll', () => {
      this.hideTooltip();
      this.followScroll();
    });
  }

  setWorkbook(wb: PreviewWorkbook): void {
    this.unsubscribe?.();
    this.wb = wb;
    this.drawnSheet = null;
    this.unsubscribe = wb.onChange((change) => {
      if (change === 'selection' && this.drawnSheet === wb.activeSheet) this.renderSelection();
      else this.render();
    });
    this.render();
  }

  render(): void {
    const wb = this.wb;
    if (!wb) return;
    const sheet = wb.sheet(wb.activeSheet);
    if (!sheet) return;
    const keepScroll =
      this.drawnSheet === sheet.name ? { top: this.scroller.scrollTop, left: this.scroller.scrollLeft } : null;
    this.hideTooltip();
    this.renderTabs(wb);
    const sameSheet = this.drawnSheet === sheet.name;
    this.measureSheet(sheet);
    if (!sameSheet) this.windowRows = { start: 1, end: 1 };
    const start = sameSheet ? this.windowRows.start : 1;
    this.renderSheet(sheet, start);
    this.drawnSheet = sheet.name;
    if (keepScroll) {
      this.scroller.scrollTop = keepScroll.top;
      this.scroller.scrollLeft = keepScroll.left;
    } else {
      this.scroller.scrollTop = 0;
      this.scroller.scrollLeft = 0;
    }
    this.renderSelection();
  }

  private renderTabs(wb: PreviewWorkbook): void {
    const doc = this.root.ownerDocument;
    clear(this.tabs);
    for (const s of wb.sheets) {
      const active = s.name === wb.activeSheet;
      const tab = el(doc, 'button', {
        className: 'pv-tab',
        text: s.name,
        attrs: {
          type: 'button',
          role: 'tab',
          'aria-selected': active ? 'true' : 'false',
          tabindex: active ? '0' : '-1',
          'data-sheet': s.name,
        },
      });
      tab.addEventListener('click', () => wb.activate(s.name));
      tab.addEventListener('keydown', (ev) => {
        if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
        const i = wb.sheets.indexOf(s);
        const next = wb.sheets[(i + (ev.key === 'ArrowRight' ? 1 : wb.sheets.length - 1)) % wb.sheets.length];
        wb.activate(next.name);
        this.tabs.querySelector<HTMLElement>(`[data-sheet="${CSS.escape(next.name)}"]`)?.focus();
      });
      this.tabs.appendChild(tab);
    }
  }

  /** Scanned extents, by sheet and its number of cells (painting marks does not add rows). */
  private scanned = new WeakMap<PreviewSheet, { size: number; rows: number; cols: number }>();

  private usedExtent(sheet: PreviewSheet): { rows: number; cols: number } {
    if (sheet.extent) return sheet.extent;
    const known = this.scanned.get(sheet);
    if (known && known.size === sheet.cells.size) return known;
    let usedRows = 0;
    let usedCols = 0;
    for (const a of sheet.cells.keys()) {
      const p = parseAddress(a);
      if (!p) continue;
      if (p.row > usedRows) usedRows = p.row;
      if (p.col > usedCols) usedCols = p.col;
    }
    this.scanned.set(sheet, { size: sheet.cells.size, rows: usedRows, cols: usedCols });
    return { rows: usedRows, cols: usedCols };
  }

  private measureSheet(sheet: PreviewSheet): void {
    let { rows: usedRows, cols: usedCols } = this.usedExtent(sheet);
    for (const m of sheet.merges) {
      const r = parseRange(m);
      if (r) {
        if (r.bottom > usedRows) usedRows = r.bottom;
        if (r.right > usedCols) usedCols = r.right;
      }
    }
    this.extent = { rows: Math.max(usedRows + 5, 25), cols: Math.min(MAX_COLS, Math.max(usedCols + 2, 10)) };
    this.notice.hidden = usedCols <= MAX_COLS;
    this.notice.textContent = this.notice.hidden ? '' : this.t.truncated(MAX_COLS);
  }

  /** Draws rows [start, start + WINDOW_ROWS) of the sheet, with spacers standing in for the rest. */
  private renderSheet(sheet: PreviewSheet, start: number): void {
    const doc = this.root.ownerDocument;
    const { rows, cols } = this.extent;
    const first = Math.max(1, Math.min(start, rows - WINDOW_ROWS + 1));
    const end = Math.min(rows + 1, first + WINDOW_ROWS);
    this.windowRows = { start: first, end };

    // Merged areas clipped to the window: the first drawn cell of an area spans, the others are not drawn.
    const spans = new Map<string, { master: string; rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      const r = parseRange(m);
      if (!r) continue;
      const top = Math.max(r.top, first);
      const bottom = Math.min(r.bottom, end - 1);
      if (top > bottom) continue;
      spans.set(addr(top, r.left), { master: addr(r.top, r.left), rows: bottom - top + 1, cols: r.right - r.left + 1 });
      for (let y = top; y <= bottom; y++)
        for (let x = r.left; x <= r.right; x++) if (y !== top || x !== r.left) covered.add(addr(y, x));
    }

    let tableWidth = ROW_HEADER_PX;
    const colgroup = el(doc, 'colgroup', {}, el(doc, 'col', { attrs: { style: `width:${ROW_HEADER_PX}px` } }));
    const headRow = el(doc, 'tr', {}, el(doc, 'th', { className: 'pv-corner', attrs: { 'aria-hidden': 'true' } }));
    for (let c = 1; c <= cols; c++) {
      const w = sheet.colWidths.get(c) ?? DEFAULT_COL_PX;
      tableWidth += w;
      colgroup.appendChild(el(doc, 'col', { attrs: { style: `width:${w}px` } }));
      headRow.appendChild(
        el(doc, 'th', { className: 'pv-colhead', text: columnName(c), attrs: { scope: 'col', 'data-col': c } }),
      );
    }
    const tbody = el(doc, 'tbody');
    this.topSpacer = this.spacer(first - 1, cols);
    tbody.appendChild(this.topSpacer);
    this.cellEls = new Map();
    for (let r = first; r < end; r++) {
      const tr = el(
        doc,
        'tr',
        {},
        el(doc, 'th', { className: 'pv-rowhead', text: String(r), attrs: { scope: 'row', 'data-row': r } }),
      );
      for (let c = 1; c <= cols; c++) {
        const a = addr(r, c);
        if (covered.has(a)) continue;
        const span = spans.get(a);
        const master = span?.master ?? a;
        const td = this.cellElement(sheet, master);
        if (span) {
          if (span.rows > 1) td.rowSpan = span.rows;
          if (span.cols > 1) td.colSpan = Math.min(span.cols, cols - c + 1);
        }
        tr.appendChild(td);
        this.cellEls.set(master, td);
      }
      tbody.appendChild(tr);
    }
    tbody.appendChild(this.spacer(rows - end + 1, cols));
    const table = el(
      doc,
      'table',
      {
        className: 'pv-grid',
        attrs: { 'aria-label': this.t.sheetGrid(sheet.name), 'aria-rowcount': rows + 1, 'data-sheet': sheet.name },
      },
      colgroup,
      el(doc, 'thead', {}, headRow),
      tbody,
    );
    // A fixed layout honours the column widths only when the table's own width is set.
    table.style.width = `${tableWidth}px`;
    clear(this.scroller);
    this.scroller.setAttribute('aria-label', this.t.sheetGrid(sheet.name));
    this.scroller.appendChild(table);
    // Measured in the next frame, when the browser lays the rows out anyway (no forced layout now).
    const win = this.root.ownerDocument.defaultView;
    if (win?.requestAnimationFrame) win.requestAnimationFrame(() => this.measureRows(tbody));
  }

  private spacer(rowCount: number, cols: number): HTMLElement {
    const doc = this.root.ownerDocument;
    const tr = el(doc, 'tr', { className: 'pv-spacer', attrs: { 'aria-hidden': 'true', 'data-rows': rowCount } });
    const td = el(doc, 'td', { attrs: { colspan: cols + 1 } });
    td.style.height = `${rowCount * this.rowPx}px`;
    td.style.padding = '0';
    td.style.border = '0';
    if (rowCount === 0) tr.hidden = true;
    tr.appendChild(td);
    return tr;
  }

  /** Spacers are sized from the average drawn row, so the scrollbar matches the sheet's length. */
  private measureRows(tbody: HTMLElement): void {
    const drawnRows = this.windowRows.end - this.windowRows.start;
    const first = tbody.children[1] as HTMLElement | undefined;
    const last = tbody.children[drawnRows] as HTMLElement | undefined;
    if (!first || !last || drawnRows <= 0) return;
    const px = (last.offsetTop + last.offsetHeight - first.offsetTop) / drawnRows;
    if (!(px > 0) || Math.abs(px - this.rowPx) < 0.5 || !tbody.isConnected) return;
    this.rowPx = px;
    // Resizing the top spacer moves the drawn rows: scroll by as much, so what is in view stays.
    const before = first.offsetTop;
    for (const sp of tbody.querySelectorAll<HTMLElement>('tr.pv-spacer')) {
      const td = sp.firstElementChild as HTMLElement | null;
      if (td) td.style.height = `${Number(sp.dataset.rows) * px}px`;
    }
    this.scroller.scrollTop += first.offsetTop - before;
  }

  /** The row at the top of the scrolled view: drawn rows are looked up, spacer space is estimated. */
  private rowAtScrollTop(): number {
    const top = this.scroller.scrollTop;
    const spacerEnd = (this.topSpacer?.offsetTop ?? 0) + (this.topSpacer?.offsetHeight ?? 0);
    if (top < spacerEnd) return Math.max(1, Math.floor(top / this.rowPx) + 1);
    for (const th of this.scroller.querySelectorAll<HTMLElement>('th.pv-rowhead')) {
      const tr = th.parentElement as HTMLElement;
      if (tr.offsetTop + tr.offsetHeight > top) return Number(th.dataset.row);
    }
    return this.windowRows.end + Math.floor((top - this.drawnBottom()) / this.rowPx);
  }

  private drawnBottom(): number {
    const rows = this.scroller.querySelectorAll<HTMLElement>('th.pv-rowhead');
    const last = rows[rows.length - 1]?.parentElement as HTMLElement | undefined;
    return last ? last.offsetTop + last.offsetHeight : 0;
  }

  /** Moves the window when the view nears its edge, keeping the row at the top where it was. */
  private followScroll(): void {
    const wb = this.wb;
    const sheet = wb?.sheet(wb.activeSheet);
    if (!sheet || this.drawnSheet !== sheet.name) return;
    const row = this.rowAtScrollTop();
    const { start, end } = this.windowRows;
    const visibleRows = Math.ceil(this.scroller.clientHeight / this.rowPx);
    const nearTop = start > 1 && row < start + WINDOW_MARGIN;
    const nearBottom = end <= this.extent.rows && row + visibleRows > end - WINDOW_MARGIN;
    if (!nearTop && !nearBottom) return;
    this.showRow(sheet, row, 'top');
  }

  /** Redraws the window around `row` and scrolls so that it is at the top (or just in view). */
  private showRow(sheet: PreviewSheet, row: number, where: 'top' | 'nearest'): void {
    const left = this.scroller.scrollLeft;
    this.renderSheet(sheet, row - Math.floor(WINDOW_ROWS / 2));
    const th = this.scroller.querySelector<HTMLElement>(`th.pv-rowhead[data-row="${row}"]`);
    const tr = th?.parentElement as HTMLElement | undefined;
    if (tr && where === 'top') {
      const headPx = this.scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      this.scroller.scrollTop = tr.offsetTop - headPx;
    }
    this.scroller.scrollLeft = left;
    this.renderSelection();
  }

  private cellElement(sheet: PreviewSheet, a: string): HTMLTableCellElement {
    const doc = this.root.ownerDocument;
    const c = sheet.cells.get(a);
    const td = el(doc, 'td', { attrs: { 'data-cell': a } });
    if (!c) return td;
    const text = displayText(c);
    const inner = el(doc, 'div', { className: 'pv-text', text });
    td.appendChild(inner);
    const align = c.align ?? (typeof c.value === 'number' ? 'right' : 'left');
    if (align !== 'left') td.style.textAlign = align;
    // Excel never wraps a number: it overflows or shows ###.
    if (typeof c.value === 'number') td.classList.add('pv-number');
    if (c.indent) inner.style.paddingLeft = `${c.indent * 9}px`;
    if (c.fill) {
      td.style.backgroundColor = c.fill;
      td.setAttribute('data-fill', c.fill);
    }
    if (c.color) td.style.color = c.color;
    if (c.bold) td.style.fontWeight = '600';
    if (c.link) {
      td.classList.add('pv-link');
      td.setAttribute('data-link', `${c.link.sheet}!${c.link.cell}`);
    }
    if (c.note !== undefined) {
      td.classList.add('pv-has-note');
      td.setAttribute('data-note', '1');
      td.setAttribute('aria-description', `${this.t.noteLabel}：${c.note}`);
      td.appendChild(el(doc, 'span', { className: 'pv-note-mark', attrs: { 'aria-hidden': 'true' } }));
    }
    return td;
  }

  private renderSelection(): void {
    const wb = this.wb;
    if (!wb) return;
    for (const n of this.scroller.querySelectorAll('.pv-selected, .pv-head-active'))
      n.classList.remove('pv-selected', 'pv-head-active');
    const sel = wb.selection && wb.selection.sheet === wb.activeSheet ? wb.selection.cell : null;
    this.nameBox.textContent = sel ?? '';
    const sheet = wb.sheet(wb.activeSheet);
    this.formulaText.textContent = sel && sheet ? displayText(sheet.cells.get(sel)) : '';
    if (!sel) return;
    let td = this.cellEls.get(sel);
    const p = parseAddress(sel);
    if (
      !td &&
      p &&
      sheet &&
      p.row >= 1 &&
      p.row <= this.extent.rows &&
      (p.row < this.windowRows.start || p.row >= this.windowRows.end)
    ) {
      // The selected cell is outside the drawn rows (a finding at G3032): draw its part of the sheet.
      this.showRow(sheet, p.row, 'nearest');
      return;
    }
    td = this.cellEls.get(sel);
    if (p) {
      this.scroller.querySelector(`th[data-col="${p.col}"]`)?.classList.add('pv-head-active');
      this.scroller.querySelector(`th[data-row="${p.row}"]`)?.classList.add('pv-head-active');
    }
    if (td) {
      td.classList.add('pv-selected');
      td.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    }
  }

  private onClick(ev: MouseEvent): void {
    const wb = this.wb;
    const td = (ev.target as Element | null)?.closest<HTMLElement>('td[data-cell]');
    if (!wb || !td) return;
    const link = td.dataset.link;
    if (link) {
      const i = link.lastIndexOf('!');
      void wb.select(link.slice(0, i), link.slice(i + 1)).catch(() => undefined);
      return;
    }
    wb.selectLocal(wb.activeSheet, td.dataset.cell ?? 'A1');
  }

  private onHover(ev: MouseEvent): void {
    const td = (ev.target as Element | null)?.closest<HTMLElement>('td.pv-has-note');
    if (!td) {
      this.hideTooltip();
      return;
    }
    const wb = this.wb;
    const note = wb?.sheet(wb.activeSheet)?.cells.get(td.dataset.cell ?? '')?.note;
    if (note === undefined) return;
    this.showTooltip(td, note);
  }

  /**
   * Beside the cell, inside the window: right of it when there is room, else left of it, else
   * against the window's edge; never narrower than its max-width allows (fixed positioning).
   */
  showTooltip(td: HTMLElement, note: string): void {
    const win = this.root.ownerDocument.defaultView;
    this.tooltip.textContent = note;
    this.tooltip.hidden = false;
    this.tooltip.style.left = '0px';
    this.tooltip.style.top = '0px';
    const r = td.getBoundingClientRect();
    const tip = this.tooltip.getBoundingClientRect();
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    let left = r.right + 4;
    if (left + tip.width > vw - TOOLTIP_GAP) left = r.left - 4 - tip.width;
    left = Math.max(TOOLTIP_GAP, Math.min(left, vw - TOOLTIP_GAP - tip.width));
    const top = Math.max(TOOLTIP_GAP, Math.min(r.top, vh - TOOLTIP_GAP - tip.height));
    this.tooltip.style.left = `${left}px`;
    this.tooltip.style.top = `${top}px`;
  }

  hideTooltip(): void {
    this.tooltip.hidden = true;
  }

  /** For the test hooks: opens the tooltip of a cell as a hover would. */
  hover(cell: string): string | null {
    const td = this.cellEls.get(cell);
    const wb = this.wb;
    const note = wb?.sheet(wb.activeSheet)?.cells.get(cell)?.note;
    if (!td || note === undefined) return null;
    this.showTooltip(td, note);
    return this.tooltip.textContent;
  }
}
