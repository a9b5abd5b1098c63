/**
 * Test helper: a package's parts as bytes and text, a sheet's part by name, and its hyperlinks —
 * read with fflate and regular expressions, independently of src/cli's patching code.
 */
import { readFileSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';

export type Parts = Record<string, Uint8Array>;

export function partsOf(file: string): Parts {
  return unzipSync(new Uint8Array(readFileSync(file)));
}

export function text(parts: Parts, name: string): string {
  const p = parts[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

/** The worksheet part of the sheet called `name` (through workbook.xml and its rels). */
export function sheetPartName(parts: Parts, name: string): string {
  const wb = text(parts, 'xl/workbook.xml');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    if (!m[0].includes(`name="${name}"`)) continue;
    const id = /\br:id="([^"]+)"/.exec(m[0])![1];
    const rel = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)![0];
    const target = /Target="([^"]+)"/.exec(rel)![1];
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  throw new Error(`no sheet ${name}`);
}

/** In-workbook links of a sheet: cell → location (`'Sheet1'!$G$4`). */
export function hyperlinks(parts: Parts, sheet: string): Map<string, string> {
  const xml = text(parts, sheetPartName(parts, sheet));
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
    const ref = /\bref="([^"]+)"/.exec(m[0])?.[1];
    const loc = /\blocation="([^"]+)"/.exec(m[0])?.[1];
    if (ref && loc) out.set(ref, loc.replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
  }
  return out;
}
