/**
 * What the clerk accepted (已确认) in Excel, read from the .xlsx itself: the add-in's settings live
 * in the file's web-extension parts (xl/webextensions/webextension*.xml) as
 * `<we:property name="budgetCheck.accepted" value="JSON"/>`, the value being the JSON of what the
 * add-in stored (for us: a JSON string). Only those small parts are inflated.
 *
 * Never throws: a file without the part, or with a value this version cannot read, has no
 * acceptances, and the report then simply shows every finding.
 */
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import {
  ACCEPTANCES_SETTING,
  cellHash,
  matchAcceptances,
  parseAcceptances,
  type Acceptance,
  type AcceptedMark,
} from '../core/acceptances';
import type { Grid } from '../core/grid';
import type { Finding, TableReport } from '../core/report';

const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/i;

/** The `value` of our property in one web-extension part, or null. */
function propertyValue(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: false });
  let found: string | null = null;
  parser.on('opentag', (tag) => {
    if (found !== null) return;
    const local = tag.name.slice(tag.name.indexOf(':') + 1);
    if (local !== 'property') return;
    const attrs = tag.attributes as Record<string, string>;
    if (attrs.name === ACCEPTANCES_SETTING && typeof attrs.value === 'string') found = attrs.value;
  });
  parser.write(xml).close();
  return found;
}

export function readWorkbookAcceptances(bytes: Uint8Array): Acceptance[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => WEB_EXTENSION_PART.test(f.name) });
  } catch {
    return [];
  }
  const out: Acceptance[] = [];
  for (const name of Object.keys(parts).sort()) {
    try {
      const value = propertyValue(new TextDecoder('utf-8').decode(parts[name]));
      if (value !== null) for (const a of parseAcceptances(JSON.parse(value) as unknown)) out.push(a);
    } catch {
      // A damaged part: its acceptances are not read, the check goes on.
    }
  }
  return out;
}

/** A finding as the report gives it, with the clerk's acceptance when one holds. */
export type ReportedFinding = Finding & { accepted?: AcceptedMark };

/** Puts `accepted: {reason, at}` on each finding an acceptance still holds for (same cell text). */
export function markAccepted(
  tables: readonly TableReport[],
  grids: readonly Grid[],
  acceptances: readonly Acceptance[],
): number {
  if (acceptances.length === 0) return 0;
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  const marks = matchAcceptances(tables, acceptances, (sheet, cell) => {
    const g = bySheet.get(sheet);
    return g ? cellHash(g, cell) : '';
  });
  let n = 0;
  tables.forEach((t, ti) =>
    t.findings.forEach((f, fi) => {
      const m = marks[ti][fi];
      if (m) {
        (f as ReportedFinding).accepted = m;
        n++;
      }
    }),
  );
  return n;
}

/** Errors that count for the exit status: the accepted ones do not. */
export function isOpenError(f: Finding): boolean {
  return f.severity === 'error' && (f as ReportedFinding).accepted === undefined;
}
