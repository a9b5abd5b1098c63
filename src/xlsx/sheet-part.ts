/**
 * A worksheet part → its raw cells (value text, type, style index), merges and column widths.
 * Values are resolved later, once shared strings and styles are known (zip order is free).
 * Rows and cells without `r=` follow the previous one, as OOXML allows. Numbers past Excel's
 * limits are refused at once, so a `<row r="2147483647">` never sizes anything.
 */
import { MAX_COLUMNS, MAX_ROWS, XlsxReadError } from './errors';
import type { Attrs, XmlHandler } from './xml';

export const enum CellType {
  Number,
  Shared,
  String,
  Inline,
  Bool,
  Error,
  Date,
}

export interface RawCell {
  col: number;
  type: CellType;
  style: number;
  /** The `<v>` text, or an inline string's text; undefined when the cell holds none. */
  value?: string;
  formula: boolean;
  /** Hidden under a merged area's master (set when the sheet is assembled). */
  merged?: boolean;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const TYPES: Record<string, CellType> = {
  n: CellType.Number,
  s: CellType.Shared,
  str: CellType.String,
  inlineStr: CellType.Inline,
  b: CellType.Bool,
  e: CellType.Error,
  d: CellType.Date,
};

/** `B12` → [12, 2]; null when it is not a cell reference. */
export function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > MAX_COLUMNS) return [0, col];
  }
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return [row, col];
}

export function parseRange(ref: string): Range | null {
  const [a, b = a] = ref.split(':');
  const p = parseRef(a.replace(/\$/g, ''));
  const q = parseRef(b.replace(/\$/g, ''));
  if (!p || !q || p[0] < 1) return null;
  return {
    top: Math.min(p[0], q[0]),
    left: Math.min(p[1], q[1]),
    bottom: Math.max(p[0], q[0]),
    right: Math.max(p[1], q[1]),
  };
}

function checkLimits(row: number, col: number): void {
  if (row > MAX_ROWS || col > MAX_COLUMNS)
    throw new XlsxReadError('beyond-limits', `cell R${row}C${col} beyond Excel's limits`);
}

export class SheetHandler implements XmlHandler {
  /** Row numbers and their cells, in document order (a row may repeat: merged on assembly). */
  readonly rowNums: number[] = [];
  readonly rowCells: RawCell[][] = [];
  readonly merges: Range[] = [];
  /** [first column, last column, width in characters]. */
  readonly cols: [number, number, number][] = [];
  private row = 0;
  private col = 0;
  private cell: RawCell | null = null;
  private cells: RawCell[] | null = null;
  /** The element whose text is being collected: `v`, or `t` inside an inline string. */
  private collecting: 'v' | 't' | null = null;
  private inPhonetic = 0;
  /** Its text so far: nearly always one text event, so no array per cell. */
  private collected = '';

  constructor(private readonly keepStyledBlanks: boolean) {}

  open(name: string, a: Attrs): void {
    switch (name) {
      case 'row': {
        const r = a.r === undefined ? this.row + 1 : Number(a.r);
        if (!Number.isInteger(r) || r < 1) throw new XlsxReadError('corrupt', `bad row number ${a.r}`);
        checkLimits(r, 1);
        this.row = r;
        this.col = 0;
        this.cells = null;
        break;
      }
      case 'c': {
        let row = this.row;
        let col = this.col + 1;
        if (a.r !== undefined) {
          const p = parseRef(a.r);
          if (!p) throw new XlsxReadError('corrupt', `bad cell reference ${a.r}`);
          [row, col] = p;
          checkLimits(row, col);
          if (row !== this.row) {
            // A cell outside its row element (or before any): file it under its own row.
            this.row = row;
            this.cells = null;
          }
        }
        if (row < 1) row = this.row = 1;
        checkLimits(row, col);
        this.col = col;
        this.cell = { col, type: TYPES[a.t ?? 'n'] ?? CellType.Number, style: Number(a.s) || 0, formula: false };
        break;
      }
      case 'f':
        if (this.cell) this.cell.formula = true;
        break;
      case 'v':
        if (this.cell) this.startText('v');
        break;
      case 't':
        if (this.cell && this.cell.type === CellType.Inline && !this.inPhonetic) this.startText('t');
        break;
      case 'rPh':
        this.inPhonetic++;
        break;
      case 'mergeCell': {
        const range = a.ref === undefined ? null : parseRange(a.ref);
        if (range) this.merges.push(range);
        break;
      }
      case 'col': {
        const min = Number(a.min);
        const max = Number(a.max);
        const width = Number(a.width);
        if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && width > 0) {
          this.cols.push([min, Math.min(max, MAX_COLUMNS), width]);
        }
        break;
      }
    }
  }

  private startText(kind: 'v' | 't'): void {
    this.collecting = kind;
    this.collected = '';
  }

  text(t: string): void {
    if (this.collecting) this.collected += t;
  }

  close(name: string): void {
    if (name === 'rPh') this.inPhonetic--;
    else if ((name === 'v' || name === 't') && this.collecting === name && this.cell) {
      const text = this.collected;
      // An inline string's runs add up; a `<v>` is the whole value.
      this.cell.value = name === 't' && this.cell.value !== undefined ? this.cell.value + text : text;
      this.collecting = null;
    } else if (name === 'c' && this.cell) {
      const c = this.cell;
      this.cell = null;
      if (c.value === undefined && !c.formula && (!this.keepStyledBlanks || c.style === 0)) return;
      if (!this.cells) {
        this.cells = [];
        this.rowNums.push(this.row);
        this.rowCells.push(this.cells);
      }
      this.cells.push(c);
    }
  }
}
