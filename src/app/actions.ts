/**
 * The add-in's actions, shared by the task pane and the ribbon commands: read the sheet through the
 * host, let the core judge, hand the plan back to the host. No judgement here, no Office.js here.
 */
import { check } from '../core/check';
import { marksPlan, type MarksPlan } from '../core/marks';
import { indicatorSheet } from '../core/indicator-sheet';
import type { Locale } from '../core/messages/locale';
import type { TableReport } from '../core/report';
import type { MarkResult, Workbook } from '../host/workbook';

export type CheckOutcome =
  | { kind: 'no-table'; sheet: string }
  | { kind: 'ok'; sheet: string; tables: TableReport[]; plan: MarksPlan; marked: MarkResult };

export async function runCheck(
  wb: Workbook,
  locale: Locale,
  onProgress?: (done: number, total: number) => void,
): Promise<CheckOutcome> {
  const grid = await wb.readActiveSheet(onProgress);
  const tables = check(grid, { locale });
  if (tables.length === 0) return { kind: 'no-table', sheet: grid.sheet };
  const plan = marksPlan(tables, grid.sheet, locale);
  const marked = await wb.applyMarks(plan);
  return { kind: 'ok', sheet: grid.sheet, tables, plan, marked };
}

export async function writeIndicators(wb: Workbook, tables: readonly TableReport[], locale: Locale): Promise<number> {
  const sheet = indicatorSheet(tables, locale);
  await wb.writeIndicatorSheet(sheet);
  return sheet.rows.length;
}
