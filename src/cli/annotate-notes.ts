/**
 * Notes (legacy comments) on flagged cells, on the package's XML. The comments part gets ours; a
 * user's note keeps its runs and gets ours after a blank line; a note of an earlier run of this tool
 * (recognised by NOTE_HEADER) is replaced rather than stacked. Excel draws a note from a VML shape,
 * so each new note also gets one in the sheet's VML drawing (appended; existing shapes stay).
 */
import { parseAddress } from '../core/grid';
import { NOTE_HEADER } from '../core/marks';
import { TAG_ATTRS, attr, insertBeforeClose, ooxmlText, unescapeXml } from './ooxml';

export const AUTHOR = 'budget-check';

export function emptyComments(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>'
  );
}

/** Plain text of a `<text>` / `<comment>` body: its `<t>` contents, phonetic runs left out. */
export function commentPlainText(body: string): string {
  let out = '';
  const re = /<(\w+:)?(t|rPh)\b[^>]*?(\/?)>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[3] === '/') continue;
    const close = `</${m[1] ?? ''}${m[2]}>`;
    const end = body.indexOf(close, re.lastIndex);
    if (end < 0) break;
    if (m[2] === 't') out += unescapeXml(body.slice(re.lastIndex, end));
    re.lastIndex = end + close.length;
  }
  // `_xHHHH_` escapes back to their characters, `_x005F_` to a literal underscore.
  return out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** One plain run: Excel writes note text as runs, and readers such as ExcelJS read runs only. */
function tText(text: string, prefix = ''): string {
  return `<${prefix}r><${prefix}t xml:space="preserve">${ooxmlText(text)}</${prefix}t></${prefix}r>`;
}

export interface NotesResult {
  xml: string;
  /** Cells that got a comment element they did not have (they need a VML shape). */
  added: string[];
}

/** Adds our notes to a comments part: `notes` maps a cell reference to our note text. */
export function patchComments(xml: string, notes: ReadonlyMap<string, string>): NotesResult {
  const prefix = /<(\w+:)?comments\b/.exec(xml)?.[1] ?? '';
  // The author: ours if listed, else appended.
  let authorId = -1;
  const authors: string[] = [];
  const aRe = new RegExp(`<${prefix}author>([\\s\\S]*?)</${prefix}author>|<${prefix}author/>`, 'g');
  for (let m = aRe.exec(xml); m; m = aRe.exec(xml)) authors.push(unescapeXml(m[1] ?? ''));
  authorId = authors.indexOf(AUTHOR);
  let out = xml;
  if (authorId < 0) {
    authorId = authors.length;
    out = /<(\w+:)?authors\b/.test(out)
      ? insertBeforeClose(out, 'authors', `<${prefix}author>${AUTHOR}</${prefix}author>`)
      : out.replace(
          new RegExp(`(<${prefix}comments\\b${TAG_ATTRS}>)`),
          `$1<${prefix}authors><${prefix}author>${AUTHOR}</${prefix}author></${prefix}authors>`,
        );
  }
  const done = new Set<string>();
  const cRe = new RegExp(`<${prefix}comment\\b${TAG_ATTRS}(/?)>`, 'g');
  const pieces: string[] = [];
  let copied = 0;
  for (let m = cRe.exec(out); m; m = cRe.exec(out)) {
    const ref = (attr(m[0], 'ref') ?? '').toUpperCase().replace(/\$/g, '');
    const close = `</${prefix}comment>`;
    const endAt = m[1] === '/' ? m.index + m[0].length : out.indexOf(close, cRe.lastIndex);
    const end = m[1] === '/' ? endAt : endAt < 0 ? out.length : endAt + close.length;
    cRe.lastIndex = end;
    const ours = notes.get(ref);
    if (ours === undefined || done.has(ref)) continue;
    done.add(ref);
    const body = m[1] === '/' ? '' : out.slice(m.index + m[0].length, endAt);
    pieces.push(out.slice(copied, m.index), m[0].replace(/\/>$/, '>'), mergedBody(body, ours, prefix), close);
    copied = end;
  }
  pieces.push(out.slice(copied));
  out = pieces.join('');
  const added: string[] = [];
  const fresh: string[] = [];
  for (const [ref, note] of notes) {
    if (done.has(ref)) continue;
    added.push(ref);
    fresh.push(
      `<${prefix}comment ref="${ref}" authorId="${authorId}"><${prefix}text>${tText(note, prefix)}</${prefix}text></${prefix}comment>`,
    );
  }
  if (fresh.length > 0) {
    out = /<(\w+:)?commentList\b/.test(out)
      ? insertBeforeClose(out, 'commentList', fresh.join(''))
      : insertBeforeClose(out, 'comments', `<${prefix}commentList>${fresh.join('')}</${prefix}commentList>`);
  }
  return { xml: out, added };
}

function mergedBody(body: string, ours: string, prefix: string): string {
  const text = commentPlainText(body);
  if (text.trim() === '') return `<${prefix}text>${tText(ours, prefix)}</${prefix}text>`;
  let at = -1;
  for (const h of Object.values(NOTE_HEADER)) {
    const i = text.indexOf(h);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at >= 0) {
    const user = text.slice(0, at).trimEnd();
    return `<${prefix}text>${tText(user ? `${user}\n\n${ours}` : ours, prefix)}</${prefix}text>`;
  }
  // Rich text (runs): keep the user's runs, ours as one more plain run.
  if (new RegExp(`<${prefix}r\\b`).test(body)) return insertBeforeClose(body, 'text', tText(`\n\n${ours}`, prefix));
  return `<${prefix}text>${tText(`${text}\n\n${ours}`, prefix)}</${prefix}text>`;
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

export function emptyVml(): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    `${SHAPETYPE}</xml>`
  );
}

/**
 * Adds a hidden note shape per new comment. VML is read and written as latin1 (Excel writes it in
 * a legacy code page); what we add is ASCII, so the existing bytes stay as they were.
 */
export function patchVml(vml: string, refs: readonly string[]): string {
  if (refs.length === 0) return vml;
  let max = 1024;
  const idRe = /_x0000_s(\d+)/g;
  for (let m = idRe.exec(vml); m; m = idRe.exec(vml)) max = Math.max(max, Number(m[1]));
  const shapes: string[] = vml.includes('_x0000_t202') ? [] : [SHAPETYPE];
  for (const ref of refs) {
    const a = parseAddress(ref);
    if (!a) continue;
    max++;
    shapes.push(
      `<v:shape id="_x0000_s${max}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill>` +
        `<x:Row>${a.row - 1}</x:Row><x:Column>${a.col - 1}</x:Column></x:ClientData></v:shape>`,
    );
  }
  const close = vml.lastIndexOf('</xml>');
  const at = close < 0 ? vml.length : close;
  return vml.slice(0, at) + shapes.join('') + vml.slice(at);
}
