/**
 * The little of OOXML the annotated copy needs, on XML text: escaping, attributes, relationships and
 * content types. Parts are edited by splicing, never re-serialised, so whatever we do not understand
 * is kept as it is.
 */

/** An attribute value in a start tag, allowing `>` inside quotes. */
export const TAG_ATTRS = `(?:[^>"']|"[^"]*"|'[^']*')*?`;

export function attr(tag: string, name: string): string | undefined {
  const m = attrPattern(name).exec(tag);
  if (!m) return undefined;
  const v = m[1] ?? m[2];
  // Most values (`r`, `s`, ids) hold no entity: skip the replace.
  return v.includes('&') ? unescapeXml(v) : v;
}

/** One compiled pattern per attribute name: attr() runs on every cell of a sheet we mark. */
const attrPatterns = new Map<string, RegExp>();

function attrPattern(name: string): RegExp {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  return re;
}

/** Sets (or adds) an attribute in a start tag `<name …>` or `<name …/>`. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(':', '\\:')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const v = `"${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, pre: string) => `${pre}${v}`);
  return tag.replace(/\s*(\/?)>$/, (_m, slash: string) => ` ${name}=${v}${slash}>`);
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

// Characters XML 1.0 cannot hold.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with nothing to escape: no markup character, no `_` (of `_xHHHH_`), no control or surrogate. */
// eslint-disable-next-line no-control-regex -- control characters are what sends text to the slow path
const PLAIN_TEXT = /^[^&<>_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*$/;

/**
 * Text for a SpreadsheetML string (`<t>`): OOXML writes characters XML cannot hold as `_xHHHH_`, and
 * a literal `_xHHHH_` with its underscore escaped as `_x005F_`, so Excel reads back the same text.
 */
export function ooxmlText(s: string): string {
  // Most cell text needs nothing: one test instead of five replaces (the 指标明细 sheet of 40,000
  // projects is a million cells).
  if (PLAIN_TEXT.test(s)) return s;
  const escaped = s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(escaped);
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s.replace(NOT_XML, ''))
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
};

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The relationship type's last segment: Strict OOXML uses other namespaces for the same types. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const re = new RegExp(`<(?:\\w+:)?Relationship\\b${TAG_ATTRS}/?>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const tag = m[0];
    out.push({
      id: attr(tag, 'Id') ?? '',
      type: attr(tag, 'Type') ?? '',
      target: attr(tag, 'Target') ?? '',
      external: (attr(tag, 'TargetMode') ?? '') === 'External',
    });
  }
  return out;
}

/** The part a relationship points at, from the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  const parts = target.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The rels part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** `target` relative to the folder of `fromPart`. */
export function relativeTarget(fromPart: string, part: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function freeRelId(rels: readonly Relationship[]): string {
  const taken = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
}

export function addRel(xml: string, rel: Relationship): string {
  const tag = `<Relationship Id="${escapeAttr(rel.id)}" Type="${escapeAttr(rel.type)}" Target="${escapeAttr(rel.target)}"/>`;
  return insertBeforeClose(xml, 'Relationships', tag);
}

/** Inserts text before `</name>` (any prefix), expanding a self-closed `<name/>` when needed. */
export function insertBeforeClose(xml: string, name: string, text: string): string {
  const close = new RegExp(`</(\\w+:)?${name}>`).exec(xml);
  if (close) return xml.slice(0, close.index) + text + xml.slice(close.index);
  const empty = new RegExp(`<((?:\\w+:)?${name})\\b(${TAG_ATTRS})/>`).exec(xml);
  if (!empty) throw new Error(`no <${name}> element`);
  return `${xml.slice(0, empty.index)}<${empty[1]}${empty[2]}>${text}</${empty[1]}>${xml.slice(empty.index + empty[0].length)}`;
}

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
};

export function addOverride(types: string, part: string, contentType: string): string {
  return insertBeforeClose(types, 'Types', `<Override PartName="/${escapeAttr(part)}" ContentType="${contentType}"/>`);
}

export function removeOverride(types: string, part: string): string {
  const re = new RegExp(`<Override\\b${TAG_ATTRS}/>`, 'g');
  return types.replace(re, (tag) =>
    (attr(tag, 'PartName') ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase() ? '' : tag,
  );
}

export function ensureDefault(types: string, ext: string, contentType: string): string {
  const re = new RegExp(`<Default\\b${TAG_ATTRS}/>`, 'g');
  for (let m = re.exec(types); m; m = re.exec(types)) {
    if ((attr(m[0], 'Extension') ?? '').toLowerCase() === ext) return types;
  }
  return insertBeforeClose(types, 'Types', `<Default Extension="${ext}" ContentType="${contentType}"/>`);
}

/** A part name not yet used: `xl/worksheets/sheet7.xml` for `xl/worksheets/sheet`, `.xml`. */
export function freePartName(taken: (name: string) => boolean, stem: string, ext: string): string {
  let n = 1;
  while (taken(`${stem}${n}${ext}`)) n++;
  return `${stem}${n}${ext}`;
}

/** The children of `<styleSheet>` in the order the schema (CT_Stylesheet) requires them. */
const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

/**
 * Inserts `element` (a `<name>` child of `<styleSheet>`) before the first child the schema puts after
 * it, or at the end: out of order, Excel offers to repair the copy.
 */
export function insertInOrder(xml: string, name: string, element: string): string {
  let at = -1;
  for (const later of STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1)) {
    const m = new RegExp(`<(?:\\w+:)?${later}\\b${TAG_ATTRS}/?>`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  return at < 0 ? insertBeforeClose(xml, 'styleSheet', element) : xml.slice(0, at) + element + xml.slice(at);
}
