/**
 * The add-in's actions, shared by the task pane and the ribbon commands: read the sheet through the
 * host, let the core judge, hand the plan back to the host. No judgement here, no Office.js here.
 */
import { check } from '../core/check';
import type { AcceptedMark } from '../core/acceptances';
import type { MarksPlan } from '../core/marks';
import type { Locale } from '../core/messages/locale';
import type { TableReport } from '../core/report';
import type { MarkResult, Workbook } from '../host/workbook';
import { inlineCore, type CoreRunner } from './core-runner';

export type CheckOutcome =
  /** `tableSheet`: another sheet whose first rows hold a table header, if any. */
  | { kind: 'no-table'; sheet: string; tableSheet?: string }
  | {
      kind: 'ok';
      sheet: string;
      tables: TableReport[];
      plan: MarksPlan;
      marked: MarkResult;
      /** accepted[t][i]: the clerk's acceptance of tables[t].findings[i] that still holds, or null. */
      accepted: (AcceptedMark | null)[][];
      /** textHash of each finding cell's text, by address (for new acceptances). */
      hashes: Record<string, string>;
    };

/** `core`: where the judging runs (the pane passes a worker; the ribbon commands run it in place). */
export async function runCheck(
  wb: Workbook,
  locale: Locale,
  onProgress?: (done: number, total: number) => void,
  core: CoreRunner = inlineCore,
): Promise<CheckOutcome> {
  const grid = await wb.readActiveSheet(onProgress);
  // Unreadable acceptances must not stop a check: the findings then simply show unaccepted.
  const acceptances = await wb.readAcceptances().catch(() => []);
  const { tables, plan, accepted, hashes } = await core.judge(grid, locale, acceptances);
  if (tables.length === 0 || plan === null) {
    const tableSheet = await findTableSheet(wb, grid.sheet);
    return tableSheet === null
      ? { kind: 'no-table', sheet: grid.sheet }
      : { kind: 'no-table', sheet: grid.sheet, tableSheet };
  }
  // A new task: unpacking the worker's answer was one; painting the marks is another.
  await nextTask();
  const marked = await wb.applyMarks(plan);
  return { kind: 'ok', sheet: grid.sheet, tables, plan, marked, accepted, hashes };
}

/** Writes the indicator sheet of the tables; returns its number of rows (0: nothing written). */
export async function writeIndicators(
  wb: Workbook,
  tables: readonly TableReport[],
  locale: Locale,
  core: CoreRunner = inlineCore,
): Promise<number> {
  const sheet = await core.indicatorSheet(tables, locale);
  // An empty indicator sheet would only replace a useful one: write nothing, report 0.
  if (sheet.rows.length === 0) return 0;
  await nextTask();
  await wb.writeIndicatorSheet(sheet);
  return sheet.rows.length;
}

/**
 * Resolves in a later task. Promise continuations run in the task that resolved them, so without this
 * the worker's answer, the marks and the pane's redraw would add up to one long task.
 */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Rows read from each other sheet to look for a header: titles and notes above it are short. */
export const HEAD_ROWS = 30;

/** The first other sheet with a table header in its first rows; null when none, or when looking fails. */
export async function findTableSheet(wb: Workbook, active: string): Promise<string | null> {
  let heads;
  try {
    heads = await wb.sheetHeads(HEAD_ROWS, active);
  } catch {
    // Only a hint for the clerk: the no-table message stands without it.
    return null;
  }
  // check() on a few rows finds the header the same way the full check will.
  for (const g of heads) if (g.cells.length > 0 && check(g).length > 0) return g.sheet;
  return null;
}
