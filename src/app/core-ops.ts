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

export type CoreResponse = { id: number; ok: true; result: Judgement | IndicatorSheet } | { id: number; ok: false; message: string };

/** One request answered; errors become a message (the pane shows its own calm sentence). */
export function answer(req: CoreRequest): CoreResponse {
  try {
    const result = req.op === 'judge' ? judge(req.grid, req.locale, req.acceptances) : indicatorSheetOf(req.tables, req.locale);
    return { id: req.id, ok: true, result };
  } catch (e) {
    return { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
