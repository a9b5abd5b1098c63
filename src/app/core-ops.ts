/**
 * The core's work for one action, as plain data in and out: what the check worker runs, and what
 * runs in place where there is no worker. Structured-clone safe both ways.
 */
import { cellHash, matchAcceptances, withoutAccepted, type Acceptance, type AcceptedMark } from '../core/acceptances';
import { check } from '../core/check';
import type { Grid } from '../core/grid';
import { indicatorSheet, type IndicatorSheet } from '../core/indicator-sheet';
import { marksPlan, type MarksPlan } from '../core/marks';
import type { Locale } from '../core/messages/locale';
import type { TableReport } from '../core/report';

export interface Judgement {
  tables: TableReport[];
  /** The marks to paint (accepted findings left out); null when the sheet holds no table. */
  plan: MarksPlan | null;
  /** accepted[t][i]: the acceptance that still holds for tables[t].findings[i], or null. */
  accepted: (AcceptedMark | null)[][];
  /** textHash of each finding cell's text, by address: what a new acceptance records. */
  hashes: Record<string, string>;
}

export function judge(grid: Grid, locale: Locale, acceptances: readonly Acceptance[] = []): Judgement {
  const tables = check(grid, { locale });
  const hashes: Record<string, string> = {};
  for (const t of tables) for (const f of t.findings) if (!(f.cell in hashes)) hashes[f.cell] = cellHash(grid, f.cell);
  const accepted = matchAcceptances(tables, acceptances, (_sheet, cell) => hashes[cell] ?? cellHash(grid, cell));
  const plan = tables.length === 0 ? null : marksPlan(withoutAccepted(tables, accepted), grid.sheet, locale);
  return { tables, plan, accepted, hashes };
}

export function indicatorSheetOf(tables: readonly TableReport[], locale: Locale): IndicatorSheet {
  return indicatorSheet(tables, locale);
}

export type CoreRequest =
  | { id: number; op: 'judge'; grid: Grid; locale: Locale; acceptances?: Acceptance[] }
  /** `tables` empty: the tables of the judgement answered to request `ref` (kept by the worker). */
  | { id: number; op: 'indicators'; tables: TableReport[]; ref?: number; locale: Locale };

export type CoreResponse =
  { id: number; ok: true; result: Judgement | IndicatorSheet } | { id: number; ok: false; message: string };

/** Rows of an indicator sheet sent ahead of its answer (the answer then carries the rows left). */
export interface CorePart {
  id: number;
  part: { rows: IndicatorSheet['rows']; sources: IndicatorSheet['sources'] };
}

/** Indicator rows per message: 40,000 rows in one message are one long task to unpack on the page. */
export const PART_ROWS = 2000;

/**
 * The messages that carry one response: an indicator sheet goes as parts of `partRows` rows, then
 * the answer with the last rows; anything else as it is. `joinPart` on the page puts them together.
 */
export function inParts(
  res: CoreResponse,
  isSheet: boolean,
  partRows: number = PART_ROWS,
): (CoreResponse | CorePart)[] {
  if (!res.ok || !isSheet) return [res];
  const sheet = res.result as IndicatorSheet;
  const out: (CoreResponse | CorePart)[] = [];
  let at = 0;
  while (sheet.rows.length - at > partRows) {
    out.push({
      id: res.id,
      part: { rows: sheet.rows.slice(at, at + partRows), sources: sheet.sources.slice(at, at + partRows) },
    });
    at += partRows;
  }
  out.push({
    id: res.id,
    ok: true,
    result: { ...sheet, rows: sheet.rows.slice(at), sources: sheet.sources.slice(at) },
  });
  return out;
}

/** Rows received so far for one request, in order. */
export interface Received {
  rows: IndicatorSheet['rows'];
  sources: IndicatorSheet['sources'];
}

export function joinPart(into: Received, part: CorePart['part']): void {
  // A loop, not push(...rows): parts can be large.
  for (const r of part.rows) into.rows.push(r);
  for (const s of part.sources) into.sources.push(s);
}

/** The final answer with the rows of the parts before it put in front of its own. */
export function withParts(res: CoreResponse, got: Received | undefined): CoreResponse {
  if (!got || !res.ok) return res;
  const sheet = res.result as IndicatorSheet;
  joinPart(got, sheet);
  return { ...res, result: { ...sheet, rows: got.rows, sources: got.sources } };
}

/** One request answered; errors become a message (the pane shows its own calm sentence). */
export function answer(req: CoreRequest): CoreResponse {
  try {
    const result =
      req.op === 'judge' ? judge(req.grid, req.locale, req.acceptances) : indicatorSheetOf(req.tables, req.locale);
    return { id: req.id, ok: true, result };
  } catch (e) {
    return { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
