/**
 * The Excel object model as the wire sees it: for each type, its loadable properties (PascalCase
 * wire names), navigation properties, methods and indexer, evaluated over the in-memory workbook.
 * Only what the gateway and its tests use; anything else is ApiNotFound, as on an Excel that lacks it.
 */
import { parseRangeAddress, type Rect } from '../../../src/excel/addresses';
import {
  assignFormula,
  assignValue,
  cellsOf,
  cellText,
  getCell,
  isDefault,
  NO_FILL,
  putCell,
  quote,
  rectText,
  type FakeCell,
  type FakeComment,
  type FakeFill,
  type FakeSheet,
  type FakeWorkbook,
} from '../fake-excel';

/** An error Excel reports in a response (`Error.Code`), with its HTTP status. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string = code,
    readonly http = 400,
  ) {
    super(message);
  }
}

/** A node of the object model: its wire type name and what it stands for in the document. */
export interface Node {
  t: string;
  s?: FakeSheet;
  rects?: Rect[];
  c?: FakeComment;
  r?: { id: string; content: string };
  cell?: string;
  table?: { name: string; address: string };
  /** Reference id when the client asked to keep this object across requests. */
  ref?: string;
}

interface Prop {
  get?: (o: Node) => unknown;
  set?: (o: Node, v: unknown) => void;
}

export interface TypeDef {
  props?: Record<string, Prop>;
  nav?: Record<string, (o: Node) => Node>;
  methods?: Record<string, (o: Node, args: unknown[]) => unknown>;
  indexer?: (o: Node, key: unknown) => Node;
  items?: (o: Node) => Node[];
  /** The `Id` the client keys collection items by. */
  id?: (o: Node) => string;
}

/**
 * Highest ExcelApi version needed per member (from the `[Api set]` remarks of @types/office-js);
 * members not listed are ExcelApi 1.1.
 */
export const MEMBER_LEVEL: Record<string, string> = {
  'Worksheet.Protection': '1.2',
  'WorksheetProtection.Protected': '1.2',
  'RangeFormat.AutofitColumns': '1.2',
  'Table.Worksheet': '1.2',
  'WorksheetCollection.GetItemOrNullObject': '1.4',
  'Range.GetUsedRangeOrNullObject': '1.4',
  'Range._ValidateArraySize': '1.3',
  'Range.Hyperlink': '1.7',
  'Worksheet.GetRanges': '1.9',
  'Range.GetCellProperties': '1.9',
  'RangeAreas.Format': '1.9',
  'RangeFill.Pattern': '1.9',
  'RangeFill.PatternColor': '1.9',
  'RangeFill.TintAndShade': '1.9',
  'RangeFill.PatternTintAndShade': '1.9',
  'Worksheet.Comments': '1.10',
  'CommentCollection.Add': '1.10',
  'CommentCollection.GetCount': '1.10',
  'Comment.Replies': '1.10',
  'Comment.GetLocation': '1.10',
  'Comment.Content': '1.10',
  'CommentReplyCollection.Add': '1.10',
  'Worksheet.Notes': '1.18',
  'NoteCollection.Add': '1.18',
  'NoteCollection.GetItemOrNullObject': '1.18',
  'Note.Content': '1.18',
  'Note.Delete': '1.18',
};

/** Excel on the web and desktop return `values: null` for a range over this many cells (2026 docs). */
export const MAX_READ_CELLS = 5_000_000;

const FILL_KEYS: Record<string, keyof FakeFill> = {
  Color: 'color',
  Pattern: 'pattern',
  PatternColor: 'patternColor',
  TintAndShade: 'tintAndShade',
  PatternTintAndShade: 'patternTintAndShade',
};

function writable(s: FakeSheet): void {
  if (s.protected)
    throw new HostError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.', 403);
}

function area(o: Node): { s: FakeSheet; rect: Rect } {
  return { s: o.s as FakeSheet, rect: (o.rects as Rect[])[0] };
}

function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** A 2-D read of the range; null past MAX_READ_CELLS, as Excel answers for huge ranges. */
function grid(o: Node, f: (c: FakeCell) => unknown): unknown[][] | null {
  const { s, rect } = area(o);
  if (cellCount(rect) > MAX_READ_CELLS) return null;
  const out: unknown[][] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const line: unknown[] = [];
    for (let col = rect.left; col <= rect.right; col++) line.push(f(getCell(s, row, col)));
    out.push(line);
  }
  return out;
}

/** A 2-D write: the array must match the range, or one value fills it all. */
function each2d(o: Node, data: unknown, f: (c: FakeCell, v: unknown) => void): void {
  const { s, rect } = area(o);
  writable(s);
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  const is2d = Array.isArray(data);
  if (is2d && (data.length !== rows || data.some((line) => !Array.isArray(line) || line.length !== cols))) {
    throw new HostError(
      'InvalidArgument',
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++)
      putCell(s, rect.top + i, rect.left + j, (c) => f(c, is2d ? (data as unknown[][])[i][j] : data));
  }
}

/** `A1`, `A1:B2` or `'Sheet'!A1` → the sheet part (null when bare) and the rectangle. */
function parseRef(address: unknown): { sheet: string | null; rect: Rect } {
  if (typeof address !== 'string' || address.length === 0 || address.length > 8192)
    throw new HostError('InvalidArgument', `Bad address ${String(address)}`);
  const bang = address.lastIndexOf('!');
  let sheet: string | null = null;
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    else if (quote(sheet) !== sheet) throw new HostError('InvalidArgument', `The sheet name must be quoted: ${sheet}`);
  }
  const rect = parseRangeAddress(address.slice(bang + 1));
  if (!rect)
    throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
  return { sheet, rect };
}

function rectsOn(s: FakeSheet, address: unknown): Rect[] {
  if (typeof address !== 'string' || address.length > 8192)
    throw new HostError('InvalidArgument', 'The address is too long.');
  return address.split(',').map((a) => {
    const p = parseRef(a);
    if (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase())
      throw new HostError('InvalidArgument', `${a} is not on ${s.name}`);
    return p.rect;
  });
}

function usedRect(s: FakeSheet, valuesOnly: boolean): Rect {
  return usedRectIn(s, valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 };
}

/** The used part of the sheet, or of `within`; null when nothing there is used. */
function usedRectIn(s: FakeSheet, valuesOnly: boolean, within?: Rect): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [k, c] of s.cells) {
    if (valuesOnly ? c.value === '' && c.formula === undefined : isDefault(c)) continue;
    const comma = k.indexOf(',');
    const row = Number(k.slice(0, comma));
    const col = Number(k.slice(comma + 1));
    if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return bottom === 0 ? null : { top, left, bottom, right };
}

export function objectModel(wb: FakeWorkbook): Record<string, TypeDef> {
  const find = (k: unknown): FakeSheet | null =>
    wb.sheets.find((s) => s.name.toLowerCase() === String(k).toLowerCase() || s.id === k) ?? null;
  const range = (s: FakeSheet, rects: Rect[]): Node => ({ t: 'Range', s, rects });
  const fillProp = (k: keyof FakeFill): Prop => ({
    get: (o) => {
      const { s, rect } = area(o);
      return getCell(s, rect.top, rect.left).fill[k];
    },
    set: (o, v) => {
      writable(o.s as FakeSheet);
      for (const { row, col } of cellsOf(o.rects as Rect[])) {
        putCell(o.s as FakeSheet, row, col, (c) => {
          const f = { ...c.fill, [k]: v } as FakeFill;
          if (k === 'color' && c.fill.pattern === 'None') f.pattern = 'Solid';
          if (k === 'pattern' && v === 'None') Object.assign(f, NO_FILL);
          c.fill = f;
        });
      }
    },
  });
  const T: Record<string, TypeDef> = {};
  T.Workbook = {
    nav: { Worksheets: () => ({ t: 'WorksheetCollection' }), Tables: () => ({ t: 'TableCollection' }) },
    methods: {},
  };
  T.WorksheetCollection = {
    items: () => wb.sheets.map((s) => ({ t: 'Worksheet', s })),
    indexer: (_o, k) => {
      const s = find(k);
      if (!s) throw new HostError('ItemNotFound', "The requested resource doesn't exist.", 404);
      return { t: 'Worksheet', s };
    },
    methods: {
      GetActiveWorksheet: () => ({ t: 'Worksheet', s: find(wb.activeId) as FakeSheet }),
      GetItemOrNullObject: (_o, [k]) => {
        const s = find(k);
        return s ? { t: 'Worksheet', s } : null;
      },
      Add: (_o, [name]) => {
        if (find(name))
          throw new HostError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 409);
        if (typeof name !== 'string' || /[\\/?*[\]:]/.test(name) || name.length > 31)
          throw new HostError('InvalidArgument', 'Bad sheet name');
        return { t: 'Worksheet', s: wb.addSheet({ name }) };
      },
    },
  };
  T.Worksheet = {
    id: (o) => (o.s as FakeSheet).id,
    props: { Id: { get: (o) => o.s?.id }, Name: { get: (o) => o.s?.name } },
    nav: {
      Protection: (o) => ({ t: 'WorksheetProtection', s: o.s }),
      Comments: (o) => ({ t: 'CommentCollection', s: o.s }),
      Notes: (o) => ({ t: 'NoteCollection', s: o.s }),
      Tables: (o) => ({ t: 'TableCollection', s: o.s }),
    },
    methods: {
      GetRange: (o, [a]) => {
        const rects = rectsOn(o.s as FakeSheet, a ?? 'A1');
        if (rects.length !== 1) throw new HostError('InvalidArgument', 'getRange takes one area');
        return range(o.s as FakeSheet, rects);
      },
      GetRanges: (o, [a]) => ({ t: 'RangeAreas', s: o.s, rects: rectsOn(o.s as FakeSheet, a) }),
      GetUsedRange: (o, [valuesOnly]) => {
        if (valuesOnly !== undefined && valuesOnly !== null && !wb.supports('1.2'))
          throw new HostError('ApiNotFound', 'getUsedRange(valuesOnly) needs ExcelApi 1.2', 404);
        return range(o.s as FakeSheet, [usedRect(o.s as FakeSheet, valuesOnly === true)]);
      },
      Activate: (o) => {
        wb.activeId = (o.s as FakeSheet).id;
      },
      Delete: (o) => {
        wb.sheets = wb.sheets.filter((x) => x !== o.s);
        if (wb.activeId === o.s?.id) wb.activeId = wb.sheets[0]?.id ?? '';
      },
    },
  };
  T.WorksheetProtection = { props: { Protected: { get: (o) => o.s?.protected } } };
  const rangeProps: Record<string, Prop> = {
    Address: { get: (o) => `${quote((o.s as FakeSheet).name)}!${(o.rects as Rect[]).map(rectText).join(',')}` },
    RowCount: { get: (o) => area(o).rect.bottom - area(o).rect.top + 1 },
    ColumnCount: { get: (o) => area(o).rect.right - area(o).rect.left + 1 },
    Values: { get: (o) => grid(o, (c) => c.value), set: (o, v) => each2d(o, v, assignValue) },
    Text: { get: (o) => grid(o, cellText) },
    NumberFormat: {
      get: (o) => grid(o, (c) => c.numberFormat),
      set: (o, v) => each2d(o, v, (c, f) => (c.numberFormat = String(f))),
    },
    Formulas: {
      get: (o) => grid(o, (c) => c.formula ?? c.value),
      set: (o, v) =>
        each2d(o, v, (c, f) => (typeof f === 'string' && f.startsWith('=') ? assignFormula(c, f) : assignValue(c, f))),
    },
    Hyperlink: {
      set: (o, v) =>
        each2d(o, v, (c, h) => {
          const link = h as { textToDisplay?: string };
          c.hyperlink = { ...(h as object) };
          if (link.textToDisplay !== undefined) assignValue(c, link.textToDisplay);
        }),
    },
  };
  T.Range = {
    props: rangeProps,
    nav: { Format: (o) => ({ t: 'RangeFormat', s: o.s, rects: o.rects }) },
    methods: {
      // Excel answers ItemNotFound for an empty range's used range; the OrNullObject form (1.4) a null object.
      GetUsedRange: (o, [valuesOnly]) => {
        if (valuesOnly !== undefined && valuesOnly !== null && !wb.supports('1.2'))
          throw new HostError('ApiNotFound', 'getUsedRange(valuesOnly) needs ExcelApi 1.2', 404);
        const { s, rect } = area(o);
        const used = usedRectIn(s, valuesOnly === true, rect);
        if (!used) throw new HostError('ItemNotFound', "The requested resource doesn't exist.", 404);
        return range(s, [used]);
      },
      GetUsedRangeOrNullObject: (o, [valuesOnly]) => {
        const { s, rect } = area(o);
        const used = usedRectIn(s, valuesOnly === true, rect);
        return used ? range(s, [used]) : null;
      },
      GetCellProperties: (o, [opts]) => {
        const want = (opts ?? {}) as { format?: { fill?: Record<string, boolean>; indentLevel?: boolean } };
        return grid(o, (c) => {
          const format: Record<string, unknown> = {};
          if (want.format?.indentLevel) format.indentLevel = c.indent;
          if (want.format?.fill) {
            const fill: Record<string, unknown> = {};
            for (const [k, on] of Object.entries(want.format.fill)) if (on) fill[k] = c.fill[k as keyof FakeFill];
            format.fill = fill;
          }
          return { format };
        });
      },
      // The client sends this before a large values/formulas write; Excel checks the shape there.
      _ValidateArraySize: (o, [rows, cols]) => {
        const { rect } = area(o);
        if (rows !== rect.bottom - rect.top + 1 || cols !== rect.right - rect.left + 1)
          throw new HostError('InvalidArgument', 'The array does not match the range.');
        return null;
      },
      // Large writes: the client sends them in slices of rows (getRow(i).getBoundingRect(getRow(j))).
      GetRow: (o, [i]) => {
        const { s, rect } = area(o);
        const row = rect.top + Number(i);
        return range(s, [{ top: row, bottom: row, left: rect.left, right: rect.right }]);
      },
      GetBoundingRect: (o, [other]) => {
        const a = area(o).rect;
        const b = area(other as Node).rect;
        return range(o.s as FakeSheet, [
          {
            top: Math.min(a.top, b.top),
            left: Math.min(a.left, b.left),
            bottom: Math.max(a.bottom, b.bottom),
            right: Math.max(a.right, b.right),
          },
        ]);
      },
      Select: (o) => {
        if (o.s?.id !== wb.activeId)
          throw new HostError('InvalidSelection', 'The current selection is invalid for this operation.');
        wb.selection = { sheetId: (o.s as FakeSheet).id, address: rectText(area(o).rect) };
      },
    },
  };
  T.RangeAreas = {
    props: { Address: rangeProps.Address },
    nav: { Format: (o) => ({ t: 'RangeFormat', s: o.s, rects: o.rects }) },
  };
  T.RangeFormat = {
    nav: { Fill: (o) => ({ t: 'RangeFill', s: o.s, rects: o.rects }) },
    methods: {
      AutofitColumns: (o) => {
        writable(o.s as FakeSheet);
        (o.s as FakeSheet).autofit = true;
      },
    },
  };
  T.RangeFill = {
    props: Object.fromEntries(Object.entries(FILL_KEYS).map(([wire, k]) => [wire, fillProp(k)])),
    methods: {
      Clear: (o) => {
        writable(o.s as FakeSheet);
        for (const { row, col } of cellsOf(o.rects as Rect[]))
          putCell(o.s as FakeSheet, row, col, (c) => (c.fill = { ...NO_FILL }));
      },
    },
  };
  const comment = (s: FakeSheet, c: FakeComment): Node => ({ t: 'Comment', s, c });
  T.CommentCollection = {
    items: (o) => (o.s as FakeSheet).comments.map((c) => comment(o.s as FakeSheet, c)),
    indexer: (o, id) => {
      const c = o.s?.comments.find((x) => x.id === id);
      if (!c) throw new HostError('ItemNotFound', "The requested resource doesn't exist.", 404);
      return comment(o.s as FakeSheet, c);
    },
    methods: {
      GetCount: (o) => o.s?.comments.length,
      Add: (_o, [address, content]) => {
        const p = parseRef(address);
        if (p.sheet === null) throw new HostError('InvalidArgument', 'comments.add needs a sheet-qualified address');
        const s = find(p.sheet);
        if (!s) throw new HostError('ItemNotFound', "The requested resource doesn't exist.", 404);
        if (p.rect.top !== p.rect.bottom || p.rect.left !== p.rect.right)
          throw new HostError('InvalidArgument', 'A comment goes on one cell.');
        writable(s);
        const cell = rectText(p.rect);
        // A cell holds a note OR a threaded comment, never both.
        if (s.notes.has(cell) || s.comments.some((c) => c.cell === cell))
          throw new HostError(wb.conflictCode, 'The cell already has a note or a comment.');
        const c: FakeComment = { id: `c${wb.nextId++}`, cell, content: String(content), replies: [] };
        s.comments.push(c);
        return comment(s, c);
      },
    },
  };
  T.Comment = {
    id: (o) => (o.c as FakeComment).id,
    props: {
      Id: { get: (o) => o.c?.id },
      Content: {
        get: (o) => o.c?.content,
        set: (o, v) => {
          writable(o.s as FakeSheet);
          (o.c as FakeComment).content = String(v);
        },
      },
    },
    nav: { Replies: (o) => ({ t: 'CommentReplyCollection', s: o.s, c: o.c }) },
    methods: {
      GetLocation: (o) => range(o.s as FakeSheet, [parseRef(o.c?.cell).rect]),
      Delete: (o) => {
        writable(o.s as FakeSheet);
        (o.s as FakeSheet).comments = (o.s as FakeSheet).comments.filter((x) => x !== o.c);
      },
    },
  };
  T.CommentReplyCollection = {
    items: (o) => (o.c as FakeComment).replies.map((r) => ({ t: 'CommentReply', s: o.s, c: o.c, r })),
    indexer: (o, id) => {
      const r = o.c?.replies.find((x) => x.id === id);
      if (!r) throw new HostError('ItemNotFound', "The requested resource doesn't exist.", 404);
      return { t: 'CommentReply', s: o.s, c: o.c, r };
    },
    methods: {
      Add: (o, [content]) => {
        writable(o.s as FakeSheet);
        const r = { id: `r${wb.nextId++}`, content: String(content) };
        (o.c as FakeComment).replies.push(r);
        return { t: 'CommentReply', s: o.s, c: o.c, r };
      },
    },
  };
  T.CommentReply = {
    id: (o) => (o.r as { id: string }).id,
    props: {
      Id: { get: (o) => o.r?.id },
      Content: {
        get: (o) => o.r?.content,
        set: (o, v) => {
          writable(o.s as FakeSheet);
          (o.r as { content: string }).content = String(v);
        },
      },
    },
    methods: {
      Delete: (o) => {
        writable(o.s as FakeSheet);
        (o.c as FakeComment).replies = (o.c as FakeComment).replies.filter((x) => x !== o.r);
      },
    },
  };
  T.NoteCollection = {
    methods: {
      Add: (o, [address, content]) => {
        const s = o.s as FakeSheet;
        const p = parseRef(address);
        writable(s);
        const cell = rectText(p.rect);
        if (s.notes.has(cell) || s.comments.some((c) => c.cell === cell))
          throw new HostError('InvalidArgument', 'The cell already has a note or a comment.');
        s.notes.set(cell, String(content));
        return { t: 'Note', s, cell };
      },
      GetItemOrNullObject: (o, [address]) => {
        const cell = rectText(parseRef(address).rect);
        return o.s?.notes.has(cell) ? { t: 'Note', s: o.s, cell } : null;
      },
    },
  };
  T.Note = {
    props: {
      Content: {
        get: (o) => o.s?.notes.get(o.cell as string),
        set: (o, v) => {
          writable(o.s as FakeSheet);
          o.s?.notes.set(o.cell as string, String(v));
        },
      },
    },
    methods: {
      Delete: (o) => {
        writable(o.s as FakeSheet);
        o.s?.notes.delete(o.cell as string);
      },
    },
  };
  const tablesOf = (o: Node): Node[] => {
    const out: Node[] = [];
    for (const s of o.s ? [o.s] : wb.sheets) for (const table of s.tables) out.push({ t: 'Table', s, table });
    return out;
  };
  T.TableCollection = {
    items: tablesOf,
    indexer: (o, k) => {
      const t = tablesOf(o).find((x) => x.table?.name === k);
      if (!t) throw new HostError('ItemNotFound', "The requested resource doesn't exist.", 404);
      return t;
    },
    methods: {
      Add: (o, [address, hasHeaders]) => {
        const p = parseRef(address);
        const s = p.sheet !== null ? find(p.sheet) : (o.s ?? find(wb.activeId));
        if (!s) throw new HostError('InvalidArgument', 'No such sheet for the table.');
        if (o.s && s !== o.s) throw new HostError('InvalidArgument', 'The address is on another sheet.');
        writable(s);
        const all = wb.sheets.flatMap((x) => x.tables.map((t) => t.name));
        let n = 1;
        while (all.includes(`Table${n}`)) n++;
        const table = { name: `Table${n}`, address: rectText(p.rect) };
        void hasHeaders;
        s.tables.push(table);
        return { t: 'Table', s, table };
      },
    },
  };
  T.Table = {
    id: (o) => (o.table as { name: string }).name,
    props: {
      Name: {
        get: (o) => o.table?.name,
        set: (o, v) => {
          const others = wb.sheets.flatMap((s) => s.tables).filter((x) => x !== o.table);
          if (others.some((x) => x.name === v))
            throw new HostError('ItemAlreadyExists', 'A table with that name already exists.', 409);
          (o.table as { name: string }).name = String(v);
        },
      },
    },
    nav: { Worksheet: (o) => ({ t: 'Worksheet', s: o.s }) },
  };
  return T;
}
