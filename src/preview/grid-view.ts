/**
 * Draws a PreviewWorkbook the way Excel shows a sheet: name box and formula bar, column letters,
 * row numbers, wrapped cell text, fills, the red note triangle with a hover tooltip, the selected
 * cell's outline, and sheet tabs. All cell text goes in through textContent.
 */
import { columnName, parseAddress } from '../core/grid';
import { clear, el } from '../taskpane/dom';
import { addr, displayText, parseRange, type PreviewSheet, type PreviewWorkbook } from './preview-workbook';
import type { PreviewStrings } from './strings';

const MAX_ROWS = 1000;
const MAX_COLS = 40;
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

  constructor(
    private readonly root: HTMLElement,
    private readonly t: PreviewStrings,
  ) {
    const doc = root.ownerDocument;
    this.nameBox = el(doc, 'div', { className: 'pv-namebox', attrs: { 'data-role': 'namebox', 'aria-live': 'polite' } });
    this.formulaText = el(doc, 'div', { className: 'pv-formula-text', attrs: { 'data-role': 'formula' } });
    const formula = el(doc, 'div', { className: 'pv-formula' }, this.nameBox, el(doc, 'div', { className: 'pv-fx', text: 'fx', attrs: { 'aria-hidden': 'true' } }), this.formulaText);
    this.notice = el(doc, 'div', { className: 'pv-notice', attrs: { hidden: true } });
    this.scroller = el(doc, 'div', { className: 'pv-scroll', attrs: { tabindex: '0', 'data-role': 'grid-scroll' } });
    this.tabs = el(doc, 'div', { className: 'pv-tabs', attrs: { role: 'tablist', 'aria-label': t.sheetTabs } });
    this.tooltip = el(doc, 'div', { className: 'pv-tooltip', attrs: { role: 'tooltip', hidden: true, 'data-role': 'tooltip' } });
    clear(root);
    root.append(formula, this.notice, this.scroller, this.tabs, this.tooltip);
    this.scroller.addEventListener('click', (ev) => this.onClick(ev));
    this.scroller.addEventListener('mouseover', (ev) => this.onHover(ev));
    this.scroller.addEventListener('mouseleave', () => this.hideTooltip());
    this.scroller.addEventListener('scroll', () => this.hideTooltip());
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
    const keepScroll = this.drawnSheet === sheet.name ? { top: this.scroller.scrollTop, left: this.scroller.scrollLeft } : null;
    this.hideTooltip();
    this.renderTabs(wb);
    this.renderSheet(sheet);
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
        attrs: { type: 'button', role: 'tab', 'aria-selected': active ? 'true' : 'false', tabindex: active ? '0' : '-1', 'data-sheet': s.name },
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

  private renderSheet(sheet: PreviewSheet): void {
    const doc = this.root.ownerDocument;
    let usedRows = 0;
    let usedCols = 0;
    for (const a of sheet.cells.keys()) {
      const p = parseAddress(a);
      if (!p) continue;
      usedRows = Math.max(usedRows, p.row);
      usedCols = Math.max(usedCols, p.col);
    }
    for (const m of sheet.merges) {
      const r = parseRange(m);
      if (r) {
        usedRows = Math.max(usedRows, r.bottom);
        usedCols = Math.max(usedCols, r.right);
      }
    }
    const rows = Math.min(MAX_ROWS, Math.max(usedRows + 5, 25));
    const cols = Math.min(MAX_COLS, Math.max(usedCols + 2, 10));
    this.notice.hidden = usedRows <= MAX_ROWS && usedCols <= MAX_COLS;
    this.notice.textContent = this.notice.hidden ? '' : this.t.truncated(MAX_ROWS, MAX_COLS);

    // Merged areas: the master cell spans, the others are not drawn.
    const spans = new Map<string, { rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      const r = parseRange(m);
      if (!r) continue;
      spans.set(addr(r.top, r.left), { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
      for (let y = r.top; y <= r.bottom; y++) for (let x = r.left; x <= r.right; x++) if (y !== r.top || x !== r.left) covered.add(addr(y, x));
    }

    let tableWidth = ROW_HEADER_PX;
    const colgroup = el(doc, 'colgroup', {}, el(doc, 'col', { attrs: { style: `width:${ROW_HEADER_PX}px` } }));
    const headRow = el(doc, 'tr', {}, el(doc, 'th', { className: 'pv-corner', attrs: { 'aria-hidden': 'true' } }));
    for (let c = 1; c <= cols; c++) {
      const w = sheet.colWidths.get(c) ?? DEFAULT_COL_PX;
      tableWidth += w;
      colgroup.appendChild(el(doc, 'col', { attrs: { style: `width:${w}px` } }));
      headRow.appendChild(el(doc, 'th', { className: 'pv-colhead', text: columnName(c), attrs: { scope: 'col', 'data-col': c } }));
    }
    const tbody = el(doc, 'tbody');
    this.cellEls = new Map();
    for (let r = 1; r <= rows; r++) {
      const tr = el(doc, 'tr', {}, el(doc, 'th', { className: 'pv-rowhead', text: String(r), attrs: { scope: 'row', 'data-row': r } }));
      for (let c = 1; c <= cols; c++) {
        const a = addr(r, c);
        if (covered.has(a)) continue;
        const td = this.cellElement(sheet, a);
        const span = spans.get(a);
        if (span) {
          if (span.rows > 1) td.rowSpan = Math.min(span.rows, rows - r + 1);
          if (span.cols > 1) td.colSpan = Math.min(span.cols, cols - c + 1);
        }
        tr.appendChild(td);
        this.cellEls.set(a, td);
      }
      tbody.appendChild(tr);
    }
    const table = el(
      doc,
      'table',
      { className: 'pv-grid', attrs: { 'aria-label': this.t.sheetGrid(sheet.name), 'data-sheet': sheet.name } },
      colgroup,
      el(doc, 'thead', {}, headRow),
      tbody,
    );
    // A fixed layout honours the column widths only when the table's own width is set.
    table.style.width = `${tableWidth}px`;
    clear(this.scroller);
    this.scroller.setAttribute('aria-label', this.t.sheetGrid(sheet.name));
    this.scroller.appendChild(table);
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
    for (const n of this.scroller.querySelectorAll('.pv-selected, .pv-head-active')) n.classList.remove('pv-selected', 'pv-head-active');
    const sel = wb.selection && wb.selection.sheet === wb.activeSheet ? wb.selection.cell : null;
    this.nameBox.textContent = sel ?? '';
    const sheet = wb.sheet(wb.activeSheet);
    this.formulaText.textContent = sel && sheet ? displayText(sheet.cells.get(sel)) : '';
    if (!sel) return;
    const td = this.cellEls.get(sel);
    const p = parseAddress(sel);
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

  showTooltip(td: HTMLElement, note: string): void {
    this.tooltip.textContent = note;
    this.tooltip.hidden = false;
    const r = td.getBoundingClientRect();
    const host = this.root.getBoundingClientRect();
    this.tooltip.style.left = `${Math.max(0, r.right - host.left + 4)}px`;
    this.tooltip.style.top = `${Math.max(0, r.top - host.top)}px`;
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
