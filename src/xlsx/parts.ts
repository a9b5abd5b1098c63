/**
 * Handlers for the small parts: relationships, the workbook, shared strings, styles and notes.
 * Each keeps a stack of open element names so that, e.g., a `<font>` inside a differential format
 * is not taken for a cell font.
 */
import { prefixedAttr, unescapeOoxml, type Attrs, type XmlHandler } from './xml';

abstract class StackHandler implements XmlHandler {
  protected stack: string[] = [];
  open(name: string, attrs: Attrs): void {
    this.onOpen(name, attrs, this.stack.length ? this.stack[this.stack.length - 1] : '');
    this.stack.push(name);
  }
  close(name: string): void {
    this.stack.pop();
    this.onClose(name);
  }
  text(t: string): void {
    this.onText(t);
  }
  protected abstract onOpen(name: string, attrs: Attrs, parent: string): void;
  protected onClose(name: string): void {
    void name;
  }
  protected onText(t: string): void {
    void t;
  }
  /** Inside a phonetic run (`<rPh>`), whose text is not part of the cell's text. */
  protected inPhonetic(): boolean {
    return this.stack.includes('rPh');
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export class RelsHandler extends StackHandler {
  readonly rels: Relationship[] = [];
  protected onOpen(name: string, a: Attrs): void {
    if (name !== 'Relationship' || a.Id === undefined || a.Target === undefined) return;
    this.rels.push({ id: a.Id, type: a.Type ?? '', target: a.Target, external: a.TargetMode === 'External' });
  }
}

export interface SheetEntry {
  name: string;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export class WorkbookHandler extends StackHandler {
  readonly sheets: SheetEntry[] = [];
  date1904 = false;
  protected onOpen(name: string, a: Attrs): void {
    if (name === 'workbookPr') this.date1904 = a.date1904 === '1' || a.date1904 === 'true';
    if (name === 'sheet' && a.name !== undefined) {
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      this.sheets.push({ name: a.name, relId: prefixedAttr(a, 'id') ?? '', state });
    }
  }
}

/** Shared strings; rich text runs joined, phonetic guides left out. */
export class SharedStringsHandler extends StackHandler {
  readonly strings: string[] = [];
  /** The item's text so far (rich text runs joined); null outside an `<si>`. */
  private current: string | null = null;
  protected onOpen(name: string): void {
    if (name === 'si') this.current = '';
  }
  protected override onText(t: string): void {
    if (this.current !== null && this.stack[this.stack.length - 1] === 't' && !this.inPhonetic()) this.current += t;
  }
  protected override onClose(name: string): void {
    if (name === 'si' && this.current !== null) {
      this.strings.push(unescapeOoxml(this.current));
      this.current = null;
    }
  }
}

export interface CellXf {
  numFmtId: number;
  indent: number;
  fontId: number;
  fillId: number;
  horizontal?: string;
}

export interface Font {
  bold: boolean;
  color?: string;
}

export class StylesHandler extends StackHandler {
  readonly numFmts = new Map<number, string>();
  readonly xfs: CellXf[] = [];
  readonly fonts: Font[] = [];
  /** Solid fills' colour as `RRGGBB`, undefined for any other fill. */
  readonly fills: (string | undefined)[] = [];
  private solid = false;
  protected onOpen(name: string, a: Attrs, parent: string): void {
    const grand = this.stack.length > 1 ? this.stack[this.stack.length - 2] : '';
    if (name === 'numFmt' && parent === 'numFmts') {
      const id = Number(a.numFmtId);
      if (Number.isInteger(id) && a.formatCode !== undefined) this.numFmts.set(id, a.formatCode);
    } else if (name === 'xf' && parent === 'cellXfs') {
      this.xfs.push({
        numFmtId: Number(a.numFmtId) || 0,
        indent: 0,
        fontId: Number(a.fontId) || 0,
        fillId: Number(a.fillId) || 0,
      });
    } else if (name === 'alignment' && parent === 'xf' && grand === 'cellXfs') {
      const xf = this.xfs[this.xfs.length - 1];
      const indent = Number(a.indent);
      if (Number.isInteger(indent) && indent > 0 && indent <= 250) xf.indent = indent;
      if (a.horizontal) xf.horizontal = a.horizontal;
    } else if (name === 'font' && parent === 'fonts') {
      this.fonts.push({ bold: false });
    } else if (parent === 'font' && grand === 'fonts') {
      const font = this.fonts[this.fonts.length - 1];
      if (name === 'b') font.bold = a.val === undefined || a.val === '1' || a.val === 'true';
      if (name === 'color' && a.rgb) font.color = a.rgb;
    } else if (name === 'fill' && parent === 'fills') {
      this.fills.push(undefined);
    } else if (name === 'fgColor' && parent === 'patternFill' && this.stack.includes('fills')) {
      // patternFill's own attributes were seen on open; the colour counts for a solid fill only.
      if (this.solid && a.rgb) this.fills[this.fills.length - 1] = a.rgb;
    }
    if (name === 'patternFill' && parent === 'fill') this.solid = a.patternType === 'solid';
  }
}

/** Notes (legacy comments): cell reference → text. */
export class CommentsHandler extends StackHandler {
  readonly notes = new Map<string, string>();
  private ref: string | null = null;
  private parts: string[] = [];
  protected onOpen(name: string, a: Attrs): void {
    if (name === 'comment') {
      this.ref = a.ref ?? null;
      this.parts = [];
    }
  }
  protected override onText(t: string): void {
    if (this.ref !== null && this.stack[this.stack.length - 1] === 't' && !this.inPhonetic()) this.parts.push(t);
  }
  protected override onClose(name: string): void {
    if (name === 'comment' && this.ref !== null) {
      const text = unescapeOoxml(this.parts.join(''));
      if (text !== '') this.notes.set(this.ref.toUpperCase(), text);
      this.ref = null;
    }
  }
}
