/**
 * Fills on flagged cells, on the package's XML: one solid fill per severity appended to styles.xml's
 * `<fills>`, and for each (existing style, severity) one copy of the cell's `<xf>` with that fill
 * appended to `<cellXfs>` — so number formats, fonts and borders stay, and cells sharing the
 * original style are not changed. In the sheet, only the start tags of flagged cells change (their
 * `s`); a flagged blank cell that is not in the file is inserted in its row.
 */
import { parseAddress, address } from '../core/grid';
import type { Severity } from '../core/report';
import { TAG_ATTRS, attr, insertInOrder, setAttr } from './ooxml';

/** `#FFD6D6` → `FFFFD6D6` (alpha first, as OOXML colours are written). */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '</styleSheet>';

/** The direct children of a list element such as `<cellXfs>`: `<xf …/>` or `<xf …>…</xf>`. */
export function listItems(inner: string, item: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<((?:\\w+:)?${item})\\b${TAG_ATTRS}(/?)>`, 'g');
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    if (m[2] === '/') {
      out.push(m[0]);
      continue;
    }
    const close = `</${m[1]}>`;
    const end = inner.indexOf(close, re.lastIndex);
    const stop = end < 0 ? inner.length : end + close.length;
    out.push(inner.slice(m.index, stop));
    re.lastIndex = stop;
  }
  return out;
}

export function listBody(
  xml: string,
  list: string,
): { start: number; end: number; inner: string; prefix: string } | null {
  const open = new RegExp(`<((?:\\w+:)?)${list}\\b${TAG_ATTRS}(/?)>`).exec(xml);
  if (!open) return null;
  if (open[2] === '/') return { start: open.index, end: open.index + open[0].length, inner: '', prefix: open[1] };
  const close = `</${open[1]}${list}>`;
  const end = xml.indexOf(close, open.index);
  if (end < 0) return null;
  return {
    start: open.index,
    end: end + close.length,
    inner: xml.slice(open.index + open[0].length, end),
    prefix: open[1],
  };
}

/** The item element of a styles.xml list: `<fills>` holds `<fill>`, `<fonts>` `<font>`, `<cellXfs>` `<xf>`. */
export function itemOf(list: string): string {
  return list === 'fills' ? 'fill' : list === 'fonts' ? 'font' : 'xf';
}

/** Rewrites a list element with extra items and the right count. */
export function appendItems(xml: string, list: string, extra: readonly string[]): { xml: string; before: number } {
  const body = listBody(xml, list);
  if (!body) throw new Error(`styles.xml has no <${list}>`);
  const items = listItems(body.inner, itemOf(list));
  const p = body.prefix;
  const open = new RegExp(`<${p}${list}\\b${TAG_ATTRS}/?>`).exec(xml.slice(body.start))![0];
  const tag = setAttr(open.replace(/\/>$/, '>'), 'count', String(items.length + extra.length));
  const inner = body.inner + extra.join('');
  return { xml: `${xml.slice(0, body.start)}${tag}${inner}</${p}${list}>${xml.slice(body.end)}`, before: items.length };
}

export interface StylePatch {
  /** styles.xml with the new fills and cell formats. */
  xml: string;
  /** The new style index for a cell whose style was `base`, marked with `severity`. */
  styleFor: (base: number, severity: Severity) => number;
}

/**
 * Adds the fills and the (base, severity) formats. `bases` lists every style index in use on the
 * flagged cells, so the styles part is rewritten once.
 */
export function patchStyles(
  stylesXml: string,
  fills: Record<Severity, string>,
  needed: readonly [number, Severity][],
): StylePatch {
  const severities = Object.keys(fills) as Severity[];
  const fillXml = severities.map(
    (s) =>
      `<fill><patternFill patternType="solid"><fgColor rgb="${argb(fills[s])}"/><bgColor indexed="64"/></patternFill></fill>`,
  );
  // Without `<fills>` a workbook has Excel's two reserved fills implicitly: written out, ours follow.
  const stylesWithFills = listBody(stylesXml, 'fills')
    ? stylesXml
    : insertInOrder(
        stylesXml,
        'fills',
        prefixedLike(
          stylesXml,
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
        ),
      );
  const withFills = appendItems(stylesWithFills, 'fills', fillXml);
  const fillId = new Map(severities.map((s, i) => [s, withFills.before + i]));
  const body = listBody(withFills.xml, 'cellXfs');
  const xfs = body ? listItems(body.inner, 'xf') : [];
  const index = new Map<string, number>();
  const extra: string[] = [];
  for (const [base, severity] of needed) {
    const key = `${base}:${severity}`;
    if (index.has(key)) continue;
    const source = xfs[base] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = new RegExp(`^<(?:\\w+:)?xf\\b${TAG_ATTRS}/?>`).exec(source)![0];
    const patched = setAttr(setAttr(open, 'fillId', String(fillId.get(severity))), 'applyFill', '1');
    index.set(key, xfs.length + extra.length);
    extra.push(patched + source.slice(open.length));
  }
  const xml = body
    ? appendItems(withFills.xml, 'cellXfs', extra).xml
    : insertInOrder(
        withFills.xml,
        'cellXfs',
        prefixedLike(withFills.xml, `<cellXfs count="${extra.length}">${extra.join('')}</cellXfs>`),
      );
  return { xml, styleFor: (base, severity) => index.get(`${base}:${severity}`) ?? 0 };
}

/** `element` with the styleSheet's namespace prefix (`x:`) on every tag, as the part writes its own. */
function prefixedLike(stylesXml: string, element: string): string {
  const p = new RegExp(`<((?:\\w+:)?)styleSheet\\b`).exec(stylesXml)?.[1] ?? '';
  return p ? element.replace(/<(\/?)(\w)/g, `<$1${p}$2`) : element;
}

export interface CellMarkSpec {
  row: number;
  col: number;
  severity: Severity;
}

/** Style indices of the flagged cells as the sheet has them (0 for absent cells). */
export function flaggedStyles(sheetXml: string, marks: readonly CellMarkSpec[]): Map<string, number> {
  const out = new Map<string, number>();
  const wanted = new Set(marks.map((m) => address(m.row, m.col)));
  forEachCell(sheetXml, (ref, tag) => {
    if (wanted.has(ref)) out.set(ref, Number(attr(tag, 's') ?? 0) || 0);
  });
  for (const a of wanted) if (!out.has(a)) out.set(a, 0);
  return out;
}

/** Visits every `<c>` start tag of the sheet data with its resolved reference. */
function forEachCell(xml: string, visit: (ref: string, tag: string) => void): void {
  const data = sheetDataBounds(xml);
  if (!data) return;
  const re = new RegExp(`<(?:\\w+:)?(row|c)\\b${TAG_ATTRS}/?>`, 'g');
  re.lastIndex = data.innerStart;
  let row = 0;
  let col = 0;
  for (let m = re.exec(xml); m && m.index < data.innerEnd; m = re.exec(xml)) {
    const tag = m[0];
    if (m[1] === 'row') {
      row = Number(attr(tag, 'r') ?? row + 1) || row + 1;
      col = 0;
      continue;
    }
    const r = attr(tag, 'r');
    const p = r ? parseAddress(r) : null;
    col = p ? p.col : col + 1;
    visit(address(p ? p.row : row, col), tag);
  }
}

function sheetDataBounds(
  xml: string,
): { prefix: string; innerStart: number; innerEnd: number; selfClosed: boolean; tagStart: number } | null {
  const open = new RegExp(`<((?:\\w+:)?)sheetData\\b${TAG_ATTRS}(/?)>`).exec(xml);
  if (!open) return null;
  const innerStart = open.index + open[0].length;
  if (open[2] === '/')
    return { prefix: open[1], innerStart, innerEnd: innerStart, selfClosed: true, tagStart: open.index };
  const end = xml.indexOf(`</${open[1]}sheetData>`, innerStart);
  return { prefix: open[1], innerStart, innerEnd: end < 0 ? xml.length : end, selfClosed: false, tagStart: open.index };
}

/**
 * Sets `s` on the flagged cells; inserts absent ones (and absent rows) in order. Rows and cells
 * without `r` get one where we insert, so implicit positions after an insertion do not shift.
 */
export function patchSheetCells(xml: string, styles: ReadonlyMap<string, number>): string {
  const data = sheetDataBounds(xml);
  if (!data) return xml;
  const p = data.prefix;
  const byRow = new Map<number, Map<number, number>>();
  for (const [ref, s] of styles) {
    const a = parseAddress(ref);
    if (!a) continue;
    let m = byRow.get(a.row);
    if (!m) byRow.set(a.row, (m = new Map()));
    m.set(a.col, s);
  }
  const pending = [...byRow.keys()].sort((x, y) => x - y);
  const out: string[] = [xml.slice(0, data.innerStart)];
  let copied = data.innerStart;
  const newRow = (row: number): string => {
    const cols = [...byRow.get(row)!.entries()].sort((x, y) => x[0] - y[0]);
    return `<${p}row r="${row}">${cols.map(([c, s]) => `<${p}c r="${address(row, c)}" s="${s}"/>`).join('')}</${p}row>`;
  };
  const rowRe = new RegExp(`<(?:\\w+:)?row\\b${TAG_ATTRS}(/?)>`, 'g');
  rowRe.lastIndex = data.innerStart;
  let row = 0;
  for (let m = rowRe.exec(xml); m && m.index < data.innerEnd && pending.length > 0; m = rowRe.exec(xml)) {
    const r = attr(m[0], 'r');
    row = Number(r ?? row + 1) || row + 1;
    const closeAt = m[1] === '/' ? m.index + m[0].length : xml.indexOf(`</${p}row>`, rowRe.lastIndex);
    const end = closeAt < 0 ? data.innerEnd : m[1] === '/' ? closeAt : closeAt + `</${p}row>`.length;
    // Absent rows before this one.
    while (pending.length > 0 && pending[0] < row) {
      out.push(xml.slice(copied, m.index), newRow(pending.shift()!));
      copied = m.index;
    }
    if (pending[0] === row) {
      pending.shift();
      const rowTag = r ? m[0] : setAttr(m[0], 'r', String(row));
      const inner = m[1] === '/' ? '' : xml.slice(m.index + m[0].length, closeAt);
      const openTag = rowTag.replace(/\/>$/, '>');
      out.push(xml.slice(copied, m.index), openTag, patchRow(inner, row, byRow.get(row)!, p), `</${p}row>`);
      copied = end;
    } else if (!r) {
      out.push(xml.slice(copied, m.index), setAttr(m[0], 'r', String(row)));
      copied = m.index + m[0].length;
    }
    rowRe.lastIndex = end;
  }
  const tail: string[] = [];
  for (const r of pending) tail.push(newRow(r));
  if (data.selfClosed) {
    const open = xml.slice(data.tagStart, data.innerStart).replace(/\/>$/, '>');
    return `${xml.slice(0, data.tagStart)}${open}${tail.join('')}</${p}sheetData>${xml.slice(data.innerStart)}`;
  }
  out.push(xml.slice(copied, data.innerEnd), tail.join(''), xml.slice(data.innerEnd));
  return out.join('');
}

function patchRow(inner: string, row: number, marks: ReadonlyMap<number, number>, p: string): string {
  const todo = [...marks.keys()].sort((x, y) => x - y);
  const out: string[] = [];
  const re = new RegExp(`<(?:\\w+:)?c\\b${TAG_ATTRS}(/?)>`, 'g');
  let copied = 0;
  let col = 0;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    const r = attr(m[0], 'r');
    const a = r ? parseAddress(r) : null;
    col = a ? a.col : col + 1;
    const closeAt = m[1] === '/' ? -1 : inner.indexOf(`</${p}c>`, re.lastIndex);
    const end = m[1] === '/' ? re.lastIndex : closeAt < 0 ? inner.length : closeAt + `</${p}c>`.length;
    out.push(inner.slice(copied, m.index));
    while (todo.length > 0 && todo[0] < col) {
      const c = todo.shift()!;
      out.push(`<${p}c r="${address(row, c)}" s="${marks.get(c)}"/>`);
    }
    let tag = r ? m[0] : setAttr(m[0], 'r', address(row, col));
    if (todo[0] === col) tag = setAttr(tag, 's', String(marks.get(todo.shift()!)));
    out.push(tag);
    copied = m.index + m[0].length;
    re.lastIndex = end;
  }
  out.push(inner.slice(copied));
  for (const c of todo) out.push(`<${p}c r="${address(row, c)}" s="${marks.get(c)}"/>`);
  return out.join('');
}
