/**
 * Findings a clerk accepted (已确认): which finding an acceptance covers, and whether it still
 * holds. An acceptance names the finding by sheet, cell, rule and indicator ordinal, and carries a
 * hash of the cell's text when it was accepted: once the cell's text changes, the finding is back.
 *
 * Pure: the hosts store the list (Excel: the add-in's document settings; the CLI reads the same
 * from the .xlsx), the pane and the CLI ask here which findings it covers.
 */
import { cellAt, cellText, isCellError, parseAddress, type Cell, type Grid } from './grid';
import type { Finding, TableReport } from './report';

export interface Acceptance {
  sheet: string;
  cell: string;
  rule: string;
  indicator: number | null;
  /** textHash() of the cell's text when accepted. */
  hash: string;
  /** The clerk's reason; may be empty. */
  reason: string;
  /** When it was accepted (ISO 8601). */
  at: string;
}

/** What a report says about an accepted finding. */
export interface AcceptedMark {
  reason: string;
  at: string;
}

/**
 * Name of the add-in setting (Office.context.document.settings) that holds the list. Excel saves it
 * in the file as `<we:property name="budgetCheck.accepted" value="…">` (xl/webextensions/), where the
 * command line reads it.
 */
export const ACCEPTANCES_SETTING = 'budgetCheck.accepted';

/** Longest reason kept: a note, not a document. */
export const MAX_REASON_CHARS = 500;

/**
 * The text the hash is taken of, the same in every host: a text cell's own string, a number's
 * plain digits (Excel and the CLI format numbers differently for display), else the shown text.
 */
export function acceptanceText(cell: Cell | null | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v !== null && isCellError(v)) return v.error;
  return cellText(cell);
}

/** FNV-1a, 32 bits, over UTF-16 code units: small, stable, enough to notice an edited cell. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${h.toString(16).padStart(8, '0')}`;
}

/** The hash of a cell's text in a grid, by A1 address. */
export function cellHash(grid: Grid, address: string): string {
  const p = parseAddress(address);
  return textHash(p ? acceptanceText(cellAt(grid, p.row, p.col)) : '');
}

function keyOf(sheet: string, cell: string, rule: string, indicator: number | null): string {
  return `${sheet}\u0000${cell}\u0000${rule}\u0000${indicator ?? ''}`;
}

/** A new acceptance of `finding` on `sheet`, whose cell's text hashes to `hash`. */
export function accept(sheet: string, finding: Finding, hash: string, reason: string, at: Date): Acceptance {
  return {
    sheet,
    cell: finding.cell,
    rule: finding.rule,
    indicator: finding.indicator,
    hash,
    reason: reason.trim().slice(0, MAX_REASON_CHARS),
    at: at.toISOString(),
  };
}

/** Whether `a` is the acceptance of this finding (whatever the cell's text now). */
export function sameFinding(a: Acceptance, sheet: string, f: Finding): boolean {
  return a.sheet === sheet && a.cell === f.cell && a.rule === f.rule && (a.indicator ?? null) === (f.indicator ?? null);
}

/**
 * For each table and finding, the acceptance that still holds (same finding, cell text unchanged),
 * as a parallel array: `marks[t][i]` belongs to `tables[t].findings[i]`.
 */
export function matchAcceptances(
  tables: readonly TableReport[],
  acceptances: readonly Acceptance[],
  hashOf: (sheet: string, cell: string) => string,
): (AcceptedMark | null)[][] {
  const byKey = new Map<string, Acceptance>();
  for (const a of acceptances) byKey.set(keyOf(a.sheet, a.cell, a.rule, a.indicator ?? null), a);
  return tables.map((t) =>
    t.findings.map((f) => {
      if (byKey.size === 0) return null;
      const a = byKey.get(keyOf(t.sheet, f.cell, f.rule, f.indicator));
      if (!a || a.hash !== hashOf(t.sheet, f.cell)) return null;
      return { reason: a.reason, at: a.at };
    }),
  );
}

/** Tables without the accepted findings: what gets marked on the sheet and counted in exit codes. */
export function withoutAccepted(
  tables: readonly TableReport[],
  marks: readonly (AcceptedMark | null)[][],
): TableReport[] {
  return tables.map((t, ti) => ({ ...t, findings: t.findings.filter((_, fi) => !marks[ti]?.[fi]) }));
}

function isAcceptance(v: unknown): v is Acceptance {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.sheet === 'string' &&
    typeof a.cell === 'string' &&
    typeof a.rule === 'string' &&
    (a.indicator === null || typeof a.indicator === 'number') &&
    typeof a.hash === 'string' &&
    typeof a.reason === 'string' &&
    typeof a.at === 'string'
  );
}

/** The stored list, from whatever a host kept (a JSON string or the parsed value); never throws. */
export function parseAcceptances(raw: unknown): Acceptance[] {
  let v: unknown = raw;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  const list = (v as { list?: unknown } | null)?.list;
  if (!Array.isArray(list)) return [];
  return list.filter(isAcceptance).map((a) => ({ ...a, reason: a.reason.slice(0, MAX_REASON_CHARS) }));
}

/** Stored as one JSON string with a version, like the marks record. */
export function serialiseAcceptances(list: readonly Acceptance[]): string {
  return JSON.stringify({ v: 1, list });
}
