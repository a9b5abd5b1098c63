/**
 * `--out`: the marks the add-in makes in Excel, written by patching the original package — a fill by
 * severity and one note per flagged cell (core marksPlan), and the 指标明细 sheet (core
 * indicatorSheet) as an Excel table with links back to the source cells.
 *
 * Only the flagged sheets' XML, their notes parts (comments + VML), styles.xml, workbook.xml, its
 * rels and [Content_Types].xml change, plus the new sheet and table parts. Every other part (charts,
 * drawings, pivots, vbaProject.bin, threaded comments, media…) is copied compressed, byte for byte,
 * and never inflated (zip-package.ts).
 */
import { parseAddress } from '../core/grid';
import { indicatorRows } from '../core/indicator-sheet';
import { MARK_FILLS, marksPlan } from '../core/marks';
import type { Locale } from '../core/messages/locale';
import type { TableReport } from '../core/report';
import { flaggedStyles, MINIMAL_STYLES, patchSheetCells, patchStyles } from './annotate-cells';
import { emptyComments, emptyVml, patchComments, patchVml } from './annotate-notes';
import { indicatorSheetXml, indicatorTableXml } from './indicator-part';
import { addIndicatorStyles } from './indicator-styles';
import {
  CONTENT_TYPE,
  NS_REL,
  REL,
  TAG_ATTRS,
  addOverride,
  addRel,
  attr,
  emptyRels,
  ensureDefault,
  escapeAttr,
  freePartName,
  freeRelId,
  insertBeforeClose,
  parseRels,
  relKind,
  relativeTarget,
  relsPartOf,
  removeOverride,
  resolveTarget,
  type Relationship,
} from './ooxml';
import {
  deflateEntry,
  entryData,
  PartDeflater,
  readZip,
  writeZip,
  ZipPackageError,
  type ZipEntry,
} from './zip-package';

export { argb } from './annotate-cells';

export interface AnnotateResult {
  cells: number;
  notes: number;
  indicatorRows: number;
}

/** No part we edit may inflate past this (a sheet of 40,000 projects is well under 100 MB). */
const PART_LIMIT = 512 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');
const encoder = new TextEncoder();

/** Each character's low byte, as the VML part was read (latin1): legacy code pages come back unchanged. */
function latin1Bytes(s: string): Uint8Array {
  return Buffer.from(s, 'latin1');
}

/**
 * The package as a set of parts: reads inflate on demand, writes are kept as bytes until the end —
 * except the big ones, whose deflating starts as soon as they are final (`seal`, `setEntry`) and runs
 * on the thread pool while the main thread goes on.
 */
class Package {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly changed = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  /** Parts whose entries are deflated or being deflated; a later set() or remove() drops them. */
  private readonly deflated = new Map<string, Promise<ZipEntry>>();

  constructor(data: Uint8Array) {
    this.entries = readZip(data);
    for (const e of this.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  has(part: string): boolean {
    const k = part.toLowerCase();
    return (this.byName.has(k) && !this.removed.has(k)) || this.changed.has(k) || this.deflated.has(k);
  }

  bytes(part: string): Uint8Array | undefined {
    const k = part.toLowerCase();
    if (this.changed.has(k)) return this.changed.get(k);
    // Parts written straight to their entry (the 指标明细 sheet) are never read back.
    if (this.deflated.has(k)) throw new Error(`part already written: ${part}`);
    const e = this.byName.get(k);
    return e && !this.removed.has(k) ? entryData(e, PART_LIMIT) : undefined;
  }

  text(part: string): string | undefined {
    const b = this.bytes(part);
    return b ? utf8.decode(b) : undefined;
  }

  latin1(part: string): string | undefined {
    const b = this.bytes(part);
    return b ? latin1.decode(b) : undefined;
  }

  set(part: string, data: string | Uint8Array): void {
    const k = part.toLowerCase();
    this.removed.delete(k);
    this.deflated.delete(k);
    this.changed.set(k, typeof data === 'string' ? encoder.encode(data) : data);
    if (!this.byName.has(k)) this.newNames.set(k, part);
  }

  /** A part whose entry comes deflated (built and deflated piece by piece, never held whole). */
  setEntry(part: string, entry: Promise<ZipEntry>): void {
    const k = part.toLowerCase();
    this.removed.delete(k);
    this.changed.delete(k);
    this.track(k, entry);
    if (!this.byName.has(k)) this.newNames.set(k, part);
  }

  /** Starts deflating a changed part now: its bytes are final unless set() replaces them. */
  seal(part: string): void {
    const k = part.toLowerCase();
    const bytes = this.changed.get(k);
    if (bytes && !this.deflated.has(k)) this.track(k, deflateEntry(this.nameOf(k), bytes));
  }

  remove(part: string): void {
    const k = part.toLowerCase();
    this.changed.delete(k);
    this.deflated.delete(k);
    this.removed.add(k);
  }

  private track(k: string, entry: Promise<ZipEntry>): void {
    // A dropped entry's failure must not surface as an unhandled rejection; a kept one is awaited.
    entry.catch(() => undefined);
    this.deflated.set(k, entry);
  }

  private nameOf(k: string): string {
    return this.newNames.get(k) ?? this.byName.get(k)?.name ?? k;
  }

  private readonly newNames = new Map<string, string>();

  /** The package: untouched entries copied raw, in their order; changed ones in place; new ones last. */
  async write(): Promise<Uint8Array> {
    for (const k of this.changed.keys()) this.seal(k);
    const fresh = new Map<string, ZipEntry>();
    for (const [k, entry] of this.deflated) fresh.set(k, await entry);
    const out: ZipEntry[] = [];
    for (const e of this.entries) {
      const k = e.name.toLowerCase();
      if (this.removed.has(k)) continue;
      out.push(fresh.get(k) ?? e);
    }
    for (const k of this.newNames.keys()) {
      const e = fresh.get(k);
      if (e) out.push(e);
    }
    return writeZip(out);
  }
}

function rels(pkg: Package, part: string): Relationship[] {
  const xml = pkg.text(relsPartOf(part));
  return xml ? parseRels(xml) : [];
}

function addRelTo(pkg: Package, part: string, type: string, targetPart: string): string {
  const relsPart = relsPartOf(part);
  const xml = pkg.text(relsPart) ?? emptyRels();
  const id = freeRelId(parseRels(xml));
  pkg.set(relsPart, addRel(xml, { id, type, target: relativeTarget(part, targetPart), external: false }));
  return id;
}

interface SheetEntry {
  name: string;
  relId: string;
  part: string;
  /** The `<sheet …/>` element in workbook.xml. */
  tag: string;
}

function workbookPart(pkg: Package): string {
  const main = rels(pkg, '').find((r) => relKind(r.type) === 'officeDocument');
  // Package-level rels live in `_rels/.rels`: relsPartOf('') gives `_rels/.rels`.
  return main ? resolveTarget('', main.target) : 'xl/workbook.xml';
}

function workbookSheets(pkg: Package, wbPart: string, wbXml: string): SheetEntry[] {
  const byId = new Map(rels(pkg, wbPart).map((r) => [r.id, r]));
  const out: SheetEntry[] = [];
  const re = new RegExp(`<(?:\\w+:)?sheet\\b${TAG_ATTRS}/?>`, 'g');
  for (let m = re.exec(wbXml); m; m = re.exec(wbXml)) {
    const relId = /\s(\w+):id\s*=\s*"([^"]*)"/.exec(m[0])?.[2] ?? '';
    const rel = byId.get(relId);
    if (!rel) continue;
    out.push({ name: attr(m[0], 'name') ?? '', relId, part: resolveTarget(wbPart, rel.target), tag: m[0] });
  }
  return out;
}

/** Fills and notes on one sheet. */
function markSheet(
  pkg: Package,
  sheet: SheetEntry,
  tables: readonly TableReport[],
  locale: Locale,
  styles: { xml: string },
): { cells: number; notes: number } {
  const plan = marksPlan(tables, sheet.name, locale);
  if (plan.marks.length === 0) return { cells: 0, notes: 0 };
  let xml = pkg.text(sheet.part);
  if (xml === undefined) return { cells: 0, notes: 0 };
  const specs = plan.marks.flatMap((m) => {
    const a = parseAddress(m.cell);
    return a ? [{ row: a.row, col: a.col, severity: m.severity, note: m.note, cell: m.cell }] : [];
  });
  const bases = flaggedStyles(xml, specs);
  const patch = patchStyles(
    styles.xml,
    MARK_FILLS,
    specs.map((s) => [bases.get(s.cell) ?? 0, s.severity] as [number, typeof s.severity]),
  );
  styles.xml = patch.xml;
  const newStyles = new Map(specs.map((s) => [s.cell, patch.styleFor(bases.get(s.cell) ?? 0, s.severity)]));
  xml = patchSheetCells(xml, newStyles);

  // Notes. A cell holding a threaded comment keeps it alone: its legacy note is Excel's placeholder.
  const sheetRels = rels(pkg, sheet.part);
  const threaded = new Set<string>();
  for (const r of sheetRels.filter((x) => relKind(x.type) === 'threadedComment')) {
    const t = pkg.text(resolveTarget(sheet.part, r.target)) ?? '';
    const re = /<(?:\w+:)?threadedComment\b[^>]*?\sref\s*=\s*"([^"]+)"/g;
    for (let m = re.exec(t); m; m = re.exec(t)) threaded.add(m[1].toUpperCase());
  }
  const notes = new Map<string, string>();
  for (const s of specs) if (s.note && !threaded.has(s.cell)) notes.set(s.cell, s.note);
  if (notes.size > 0) {
    const commentsRel = sheetRels.find((r) => relKind(r.type) === 'comments');
    let commentsPart: string;
    if (commentsRel) commentsPart = resolveTarget(sheet.part, commentsRel.target);
    else {
      commentsPart = freePartName((n) => pkg.has(n), 'xl/comments', '.xml');
      addRelTo(pkg, sheet.part, REL.comments, commentsPart);
      pkg.set(
        '[Content_Types].xml',
        addOverride(pkg.text('[Content_Types].xml')!, commentsPart, CONTENT_TYPE.comments),
      );
    }
    const result = patchComments(pkg.text(commentsPart) ?? emptyComments(), notes);
    pkg.set(commentsPart, result.xml);
    if (result.added.length > 0) {
      const vmlRel = rels(pkg, sheet.part).find((r) => relKind(r.type) === 'vmlDrawing');
      if (vmlRel) {
        const vmlPart = resolveTarget(sheet.part, vmlRel.target);
        pkg.set(vmlPart, latin1Bytes(patchVml(pkg.latin1(vmlPart) ?? emptyVml(), result.added)));
      } else {
        const vmlPart = freePartName((n) => pkg.has(n), 'xl/drawings/vmlDrawing', '.vml');
        pkg.set(vmlPart, latin1Bytes(patchVml(emptyVml(), result.added)));
        const id = addRelTo(pkg, sheet.part, REL.vmlDrawing, vmlPart);
        pkg.set('[Content_Types].xml', ensureDefault(pkg.text('[Content_Types].xml')!, 'vml', CONTENT_TYPE.vml));
        xml = addLegacyDrawing(xml, id);
      }
    }
  }
  pkg.set(sheet.part, xml);
  return { cells: specs.length, notes: notes.size };
}

/** `<legacyDrawing r:id>` where the schema wants it: before the elements that follow it. */
function addLegacyDrawing(xml: string, relId: string): string {
  const prefix = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  const tag = `<${prefix}legacyDrawing xmlns:r="${NS_REL}" r:id="${relId}"/>`;
  const after = new RegExp(
    `<${prefix}(legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\\b`,
  ).exec(xml);
  if (after) return xml.slice(0, after.index) + tag + xml.slice(after.index);
  return insertBeforeClose(xml, 'worksheet', tag);
}

/** Table names and ids already in the workbook (Excel wants both unique). */
function tablesInUse(pkg: Package, sheets: readonly SheetEntry[]): { names: Set<string>; maxId: number } {
  const names = new Set<string>();
  let maxId = 0;
  for (const s of sheets) {
    for (const r of rels(pkg, s.part).filter((x) => relKind(x.type) === 'table')) {
      const xml = pkg.text(resolveTarget(s.part, r.target)) ?? '';
      const tag = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? '';
      const id = Number(attr(tag, 'id'));
      if (id > maxId) maxId = id;
      for (const n of [attr(tag, 'name'), attr(tag, 'displayName')]) if (n) names.add(n.toLowerCase());
    }
  }
  return { names, maxId };
}

/** Drops an earlier 指标明细: its sheet element, relationship, part, rels and table parts. */
function removeSheet(pkg: Package, wbPart: string, wbXml: string, sheet: SheetEntry, index: number): string {
  let types = pkg.text('[Content_Types].xml')!;
  for (const r of rels(pkg, sheet.part).filter((x) => relKind(x.type) === 'table')) {
    const t = resolveTarget(sheet.part, r.target);
    pkg.remove(t);
    types = removeOverride(types, t);
  }
  pkg.remove(relsPartOf(sheet.part));
  pkg.remove(sheet.part);
  pkg.set('[Content_Types].xml', removeOverride(types, sheet.part));
  const wbRels = pkg.text(relsPartOf(wbPart))!;
  const relRe = new RegExp(`<(?:\\w+:)?Relationship\\b${TAG_ATTRS}/?>`, 'g');
  pkg.set(
    relsPartOf(wbPart),
    wbRels.replace(relRe, (tag) => (attr(tag, 'Id') === sheet.relId ? '' : tag)),
  );
  // Sheet-scoped defined names follow sheet positions: those of later sheets move down by one.
  let out = wbXml.replace(sheet.tag, '');
  out = out.replace(
    new RegExp(`<(?:\\w+:)?definedName\\b${TAG_ATTRS}>[\\s\\S]*?</(?:\\w+:)?definedName>`, 'g'),
    (el) => {
      const local = attr(el, 'localSheetId');
      if (local === undefined) return el;
      const n = Number(local);
      if (n === index) return '';
      return n > index ? el.replace(/(\slocalSheetId\s*=\s*")(\d+)"/, `$1${n - 1}"`) : el;
    },
  );
  return out;
}

async function writeIndicatorSheet(
  pkg: Package,
  wbPart: string,
  tables: readonly TableReport[],
  locale: Locale,
  styles: { xml: string },
): Promise<number> {
  let wbXml = pkg.text(wbPart)!;
  let sheets = workbookSheets(pkg, wbPart, wbXml);
  const sheet = indicatorRows(tables, locale);
  const old = sheets.findIndex((s) => s.name === sheet.name);
  if (old >= 0) {
    wbXml = removeSheet(pkg, wbPart, wbXml, sheets[old], old);
    sheets = sheets.filter((_s, i) => i !== old);
  }
  const inUse = tablesInUse(pkg, sheets);
  let tableName = sheet.tableName;
  for (let i = 2; inUse.names.has(tableName.toLowerCase()); i++) tableName = `${sheet.tableName}${i}`;
  const sheetPart = freePartName((n) => pkg.has(n), 'xl/worksheets/sheet', '.xml');
  const tablePart = freePartName((n) => pkg.has(n), 'xl/tables/table', '.xml');
  const look = addIndicatorStyles(styles.xml);
  styles.xml = look.xml;
  // Each piece is deflated on the thread pool while the next is built.
  const deflater = new PartDeflater(sheetPart);
  for (const chunk of indicatorSheetXml(sheet, locale, { relId: 'rId1' }, look.styles)) await deflater.add(chunk);
  pkg.setEntry(sheetPart, deflater.entry());
  const tableXml = indicatorTableXml(sheet, { id: inUse.maxId + 1, name: tableName });
  let types = pkg.text('[Content_Types].xml')!;
  types = addOverride(types, sheetPart, CONTENT_TYPE.worksheet);
  if (tableXml) {
    pkg.set(tablePart, tableXml);
    pkg.set(
      relsPartOf(sheetPart),
      addRel(emptyRels(), {
        id: 'rId1',
        type: REL.table,
        target: relativeTarget(sheetPart, tablePart),
        external: false,
      }),
    );
    types = addOverride(types, tablePart, CONTENT_TYPE.table);
  }
  pkg.set('[Content_Types].xml', types);
  const relId = addRelTo(pkg, wbPart, REL.worksheet, sheetPart);
  let maxId = 0;
  const idRe = new RegExp(`<(?:\\w+:)?sheet\\b${TAG_ATTRS}/?>`, 'g');
  for (let m = idRe.exec(wbXml); m; m = idRe.exec(wbXml))
    maxId = Math.max(maxId, parseInt(attr(m[0], 'sheetId') ?? '', 10) || 0); // parseInt, as lenient readers do (`1x` is 1)
  const prefix = /<(\w+:)?sheets\b/.exec(wbXml)?.[1] ?? '';
  const tag = `<${prefix}sheet name="${escapeAttr(sheet.name)}" sheetId="${maxId + 1}" xmlns:r="${NS_REL}" r:id="${relId}"/>`;
  pkg.set(wbPart, insertBeforeClose(wbXml, 'sheets', tag));
  return sheet.count;
}

export class AnnotateError extends Error {}

/** The annotated copy of a package; rejects with AnnotateError when the package cannot be patched. */
export async function annotatePackage(
  data: Uint8Array,
  tables: readonly TableReport[],
  locale: Locale,
): Promise<{ bytes: Uint8Array; result: AnnotateResult }> {
  try {
    const pkg = new Package(data);
    if (!pkg.has('[Content_Types].xml')) throw new AnnotateError('no [Content_Types].xml');
    const wbPart = workbookPart(pkg);
    const wbXml = pkg.text(wbPart);
    if (wbXml === undefined) throw new AnnotateError('no workbook part');
    const sheets = workbookSheets(pkg, wbPart, wbXml);
    // Every sheet must resolve to its part, or the copy could lose sheets a lenient reader still
    // found (a damaged rels part): refuse rather than write a copy that reads differently.
    const declared = wbXml.match(new RegExp(`<(?:\\w+:)?sheet\\b${TAG_ATTRS}/?>`, 'g'))?.length ?? 0;
    if (declared === 0 || sheets.length !== declared || sheets.some((s) => !pkg.has(s.part)))
      throw new AnnotateError('sheets do not resolve to parts');
    for (const t of tables)
      if (!sheets.some((s) => s.name === t.sheet)) throw new AnnotateError(`no part for sheet ${t.sheet}`);
    const stylesRel = rels(pkg, wbPart).find((r) => relKind(r.type) === 'styles');
    let stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : 'xl/styles.xml';
    const styles = { xml: pkg.text(stylesPart) ?? '' };
    const hadStyles = styles.xml !== '';
    if (!hadStyles) styles.xml = MINIMAL_STYLES;
    let cells = 0;
    let notes = 0;
    for (const name of new Set(tables.map((t) => t.sheet))) {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) continue;
      const r = markSheet(pkg, sheet, tables, locale, styles);
      // The marked sheet is final: it deflates on the thread pool while the indicator sheet is built.
      pkg.seal(sheet.part);
      cells += r.cells;
      notes += r.notes;
    }
    // The indicator sheet's bold header and wrapped columns are formats in the styles part too.
    const indicatorRows = await writeIndicatorSheet(pkg, wbPart, tables, locale, styles);
    if (!hadStyles) {
      stylesPart = freePartName((n) => pkg.has(n), 'xl/styles', '.xml');
      addRelTo(pkg, wbPart, REL.styles, stylesPart);
      pkg.set(
        '[Content_Types].xml',
        addOverride(
          pkg.text('[Content_Types].xml')!,
          stylesPart,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
        ),
      );
    }
    pkg.set(stylesPart, styles.xml);
    return { bytes: await pkg.write(), result: { cells, notes, indicatorRows } };
  } catch (e) {
    if (e instanceof AnnotateError) throw e;
    if (e instanceof ZipPackageError || e instanceof Error) throw new AnnotateError(e.message);
    throw new AnnotateError(String(e));
  }
}
