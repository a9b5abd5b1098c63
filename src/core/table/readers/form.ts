/**
 * The `form` reader (L3, L3b, L4a, L4b, L5, L6, L7, L8, L10): one block per project — an optional
 * title, header fields (name, units, amounts), then one or two indicator grids. Blocks may stand
 * one below another on a sheet at any offset; each becomes its own table. A block starts at a
 * project-name label (or at a grid with none above it) and ends at the next block, title or
 * signature line, or at a run of blank rows longer than FORM_GAP below its grid (a note typed
 * thousands of rows below is not one more indicator row, and must not stretch the block's range).
 * The scanner is fed the sheet's rows in order, each row's texts computed once.
 */
import { type Grid, address } from '../../grid';
import { labelKey, fieldOf, FORM_END, TITLE, gridRoleOf } from '../layouts/labels';
import { type GridHeader, type GridRow, gridKind, readGridRows } from './indicator-grid';
import { type RowTexts, rowTexts } from './row-texts';
import { inlineField } from './form-fields';

export interface FormBlock {
  /** First row of the block (its title when it has one) and last row read. */
  top: number;
  bottom: number;
  title: string | null;
  titleRow: number | null;
  /** Rows of the field area (title to the first grid), with their texts. */
  fieldRows: number[];
  fieldTexts: Map<number, RowTexts>;
  grids: { header: GridHeader; kind: 'annual' | 'period'; rows: GridRow[] }[];
  left: number;
  right: number;
}

/** A title line: one to three cells, one naming a 表 (`项目支出绩效目标表`, `表十二 | …目标表(一级项目)`). */
export function titleIn(row: RowTexts): string | null {
  const { texts } = row;
  if (!texts.length || texts.length > 3) return null;
  for (const t of texts) {
    if (t.length <= 60 && t.includes('表') && TITLE.test(labelKey(t))) return t.replace(/\s+/g, ' ');
  }
  return null;
}

export function titleOf(grid: Grid, row: number): string | null {
  return titleIn(rowTexts(grid, row));
}

function nameLabelIn(row: RowTexts): boolean {
  for (const t of row.texts) {
    const f = fieldOf(labelKey(t)) ?? inlineField(t)?.field;
    if (f && f.field === 'name') return true;
  }
  return false;
}

/** The row's cells left or right of a grid's header span: a field area standing beside the grid. */
function beside(row: RowTexts, header: GridHeader): RowTexts | null {
  let out: RowTexts | null = null;
  for (let i = 0; i < row.cols.length; i++) {
    const c = row.cols[i];
    if (c >= header.left && c <= header.right) continue;
    out ??= { cols: [], texts: [] };
    out.cols.push(c);
    out.texts.push(row.texts[i]);
  }
  return out;
}

/** Some text of the row labels a form field (not a plain label such as 绩效指标). */
function fieldLabelIn(row: RowTexts): boolean {
  for (const t of row.texts) {
    const f = fieldOf(labelKey(t)) ?? inlineField(t)?.field;
    if (f && f.field !== 'label') return true;
  }
  return false;
}

/**
 * A grid row that is a field row instead (the amounts written below the indicators): its first text
 * labels an amount, followed by a figure, under the grid left of its indicator-name column.
 */
function fieldRowBelowGrid(row: RowTexts, header: GridHeader): boolean {
  const set = header.sets[header.sets.length - 1];
  const nameCol = set.level3 ?? set.value;
  // Left of the grid it is a field beside it (side-by-side blocks), which does not end the grid.
  if (nameCol === undefined || !row.cols.length || row.cols[0] < header.left || row.cols[0] >= nameCol) return false;
  const inline = inlineField(row.texts[0]);
  const f = inline ? inline.field : fieldOf(labelKey(row.texts[0]));
  // An amount label with its figure (`其他资金 | 32.00`, `年度资金总额：432`): a 二级 named `其他` over an
  // indicator name is no amount and stays in the grid.
  if (!f || !AMOUNT_FIELDS.has(f.field)) return false;
  const value = inline ? inline.value : row.texts[1];
  return value !== undefined && FIGURE.test(value);
}

const AMOUNT_FIELDS = new Set(['total', 'fiscal', 'fiscalLine', 'fiscalLevel', 'other', 'carryover']);
const FIGURE = /^[\d,.]+\s*(万元|万|元)?$/;

/** A signature or note line (`填表人:`, `…(盖章) 年 月 日`) or a title: where a grid's rows end. */
export function endsGridIn(row: RowTexts): boolean {
  const text = row.texts[0];
  if (!text) return false;
  return FORM_END.test(labelKey(text)) || FORM_END.test(text) || titleIn(row) !== null;
}

type OpenGrid = { header: GridHeader; kind: 'annual' | 'period'; rows: GridRow[] };

/**
 * Blank rows a block's grid may hold before it counts as ended. PDF conversions leave a row or two
 * at a page break; a block stacked below starts with its own title or name label, so a longer run
 * of blank rows only separates the form from unrelated text.
 */
export const FORM_GAP = 5;

/** Feed rows top to bottom (`feed`), interrupt where another layout's table sits (`close`). */
export class FormScanner {
  readonly blocks: FormBlock[] = [];
  private current: FormBlock | null = null;
  private pendingTitle: { row: number; text: string; texts: RowTexts } | null = null;
  private inGrid: OpenGrid | null = null;
  private gridRows: number[] = [];
  /** Rows seen while no block is open (a department table's fields above its grid); a few only. */
  private loose: { row: number; texts: RowTexts }[] = [];
  /** Last row the open block took once it has a grid (gaps are measured from it). */
  private last = 0;

  constructor(private readonly grid: Grid) {}

  private widen(b: FormBlock, t: RowTexts): void {
    if (!t.cols.length) return;
    if (t.cols[0] < b.left) b.left = t.cols[0];
    if (t.cols[t.cols.length - 1] > b.right) b.right = t.cols[t.cols.length - 1];
  }

  private addField(b: FormBlock, row: number, t: RowTexts): void {
    b.fieldRows.push(row);
    b.fieldTexts.set(row, t);
    this.widen(b, t);
  }

  private closeGrid(): void {
    const b = this.current;
    const g = this.inGrid;
    if (b && g) {
      g.rows = readGridRows(this.grid, g.header, this.gridRows);
      b.grids.push(g);
      if (this.gridRows.length) b.bottom = Math.max(b.bottom, this.gridRows[this.gridRows.length - 1]);
    }
    this.inGrid = null;
    this.gridRows = [];
  }

  close(): void {
    this.closeGrid();
    if (this.current && this.current.grids.length) this.blocks.push(this.current);
    this.current = null;
  }

  private open(row: number): FormBlock {
    this.close();
    const t = this.pendingTitle;
    const b: FormBlock = {
      top: t ? t.row : row,
      bottom: row,
      title: t ? t.text : null,
      titleRow: t ? t.row : null,
      fieldRows: [],
      fieldTexts: new Map(),
      grids: [],
      left: Number.MAX_SAFE_INTEGER,
      right: 0,
    };
    if (t) this.addField(b, t.row, t.texts);
    for (const l of this.loose) if (!t || l.row > t.row) this.addField(b, l.row, l.texts);
    this.current = b;
    this.pendingTitle = null;
    this.loose = [];
    return b;
  }

  /** One row: its texts and, when it is one, the grid header it starts. */
  feed(row: number, texts: RowTexts, header: GridHeader | null): void {
    const b0 = this.current;
    if (b0 && (this.inGrid || b0.grids.length) && row - this.last > FORM_GAP + 1) this.close();
    this.last = row;
    if (header) {
      // Fields beside the grid (a form laid out in two side-by-side blocks) are field rows too; a
      // project name among them starts the next form.
      const side = beside(texts, header);
      const next = side !== null && nameLabelIn(side) && (this.inGrid !== null || !!this.current?.grids.length);
      const b = this.current && !next ? this.current : this.open(row);
      this.closeGrid();
      this.inGrid = { header, kind: gridKind(this.grid, header), rows: [] };
      b.bottom = Math.max(b.bottom, header.bottom);
      this.widen(b, texts);
      if (side) this.addField(b, row, side);
      return;
    }
    if (this.inGrid && row <= this.inGrid.header.bottom) return; // the sub-header
    const title = titleIn(texts);
    if (title) {
      // A title after a grid starts the next block; before any grid it belongs to this one.
      if (this.inGrid || !this.current || this.current.grids.length) {
        this.close();
        this.loose = [];
        this.pendingTitle = { row, text: title, texts };
      } else {
        this.current.title ??= title;
        this.addField(this.current, row, texts);
      }
      return;
    }
    if ((!this.current || this.inGrid || this.current.grids.length) && nameLabelIn(texts)) {
      this.addField(this.open(row), row, texts);
      return;
    }
    if (this.inGrid) {
      const header = this.inGrid.header;
      if (endsGridIn(texts)) this.closeGrid();
      else if (this.current && fieldRowBelowGrid(texts, header)) {
        this.closeGrid();
        this.addField(this.current, row, texts);
        this.current.bottom = row;
      } else {
        this.gridRows.push(row);
        const b = this.current;
        if (b) {
          this.widen(b, texts);
          const side = beside(texts, header);
          if (side && fieldLabelIn(side)) this.addField(b, row, side);
        }
      }
      return;
    }
    const b = this.current;
    if (b) {
      if (b.grids.length) {
        // Below a closed grid: a second grid's label row (`年度绩效指标`), the amounts (a form that
        // puts them last) or signatures.
        if (!endsGridIn(texts)) {
          this.addField(b, row, texts);
          if (fieldLabelIn(texts)) b.bottom = Math.max(b.bottom, row);
        }
      } else {
        this.addField(b, row, texts);
        b.bottom = row;
      }
    } else {
      this.loose.push({ row, texts });
      if (this.loose.length > 8) this.loose.shift();
    }
  }
}

/** The block's range as A1:B2. */
export function blockRange(b: FormBlock): string {
  const left = b.left > b.right ? 1 : b.left;
  const right = b.left > b.right ? 1 : b.right;
  return `${address(b.top, left)}:${address(b.bottom, right)}`;
}

/** The label words of a block's field area and grid headers (what the rejection check reads). */
export function fieldAreaWords(b: FormBlock): string[] {
  const out: string[] = [];
  for (const t of b.fieldTexts.values()) {
    for (const text of t.texts) {
      const k = labelKey(text);
      if (k && k.length <= 20) out.push(k);
    }
  }
  for (const g of b.grids) if (g.header.result) out.push('实际完成值');
  for (const g of b.grids) if (g.header.score) out.push('得分');
  return out.filter((k) => k !== '' && (gridRoleOf(k) !== null || k.length <= 20));
}
