/**
 * The core's work for one action, as plain data in and out: what the check worker runs, and what
 * runs in place where there is no worker. Structured-clone safe both ways.
 */
import { check } from '../core/check';
import type { Grid } from '../core/grid';
import { indicatorSheet, type IndicatorSheet } from '../core/indicator-sheet';
import { marksPlan, type MarksPlan } from '../core/marks';
import type { Locale } from '../core/messages/locale';
import type { TableReport } from '../core/report';

export interface Judgement {
  tables: TableReport[];
  /** The marks to paint; null when the sheet holds no table. */
  plan: MarksPlan | null;
}

export function judge(grid: Grid, locale: Locale): Judgement {
  const tables = check(grid, { locale });
  return { tables, plan: tables.length === 0 ? null : marksPlan(tables, grid.sheet, locale) };
}

export function indicatorSheetOf(tables: readonly TableReport[], locale: Locale): IndicatorSheet {
  return indicatorSheet(tables, locale);
}

export type CoreRequest =
  | { id: number; op: 'judge'; grid: Grid; locale: Locale }
  /** `tables` empty: the tables of the judgement answered to request `ref` (kept by the worker). */
  | { id: number; op: 'indicators'; tables: TableReport[]; ref?: number; locale: Locale };

export type CoreResponse = { id: number; ok: true; result: Judgement | IndicatorSheet } | { id: number; ok: false; message: string };

/** One request answered; errors become a message (the pane shows its own calm sentence). */
export function answer(req: CoreRequest): CoreResponse {
  try {
    const result = req.op === 'judge' ? judge(req.grid, req.locale) : indicatorSheetOf(req.tables, req.locale);
    return { id: req.id, ok: true, result };
  } catch (e) {
    return { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
