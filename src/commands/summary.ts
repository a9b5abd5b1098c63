/**
 * The small result record the ribbon commands leave behind: stored in localStorage (an open pane
 * hears the `storage` event and refreshes) and passed in the result dialog's URL. Both channels are
 * untrusted on the way back in (anything can write localStorage or craft a URL), so
 * `parseLastResult` accepts only the exact shape below.
 */
import type { CheckOutcome } from '../app/actions';
import type { Locale } from '../core/messages/locale';

export const LAST_RESULT_KEY = 'budget-check:last-result';

/** Longest string we keep (sheet names are ≤ 31 characters; host messages are a sentence or two). */
const MAX_TEXT = 300;

interface Base {
  v: 1;
  /** ISO 8601 time the command finished. */
  at: string;
  locale: Locale;
}

export interface CheckedResult extends Base {
  kind: 'ok';
  sheet: string;
  tables: number;
  projects: number;
  indicators: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Cells filled and notes written on the sheet. */
  cells: number;
  notes: number;
}

export interface NoTableResult extends Base {
  kind: 'no-table';
  sheet: string;
}

export interface ClearedResult extends Base {
  kind: 'cleared';
}

export interface ErrorResult extends Base {
  kind: 'error';
  /** Clerk-ready text; never a stack. */
  message: string;
}

export type LastResult = CheckedResult | NoTableResult | ClearedResult | ErrorResult;

export function summarize(outcome: CheckOutcome, locale: Locale, now: Date = new Date()): LastResult {
  const base = { v: 1 as const, at: now.toISOString(), locale };
  if (outcome.kind === 'no-table') return { ...base, kind: 'no-table', sheet: outcome.sheet };
  const sum = { projects: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 };
  for (const t of outcome.tables) {
    sum.projects += t.summary.projects;
    sum.indicators += t.summary.indicators;
    sum.errors += t.summary.errors;
    sum.warnings += t.summary.warnings;
    sum.infos += t.summary.infos;
  }
  return {
    ...base,
    kind: 'ok',
    sheet: outcome.sheet,
    tables: outcome.tables.length,
    ...sum,
    cells: outcome.marked.cells,
    notes: outcome.marked.notes,
  };
}

export function clearedResult(locale: Locale, now: Date = new Date()): ClearedResult {
  return { v: 1, at: now.toISOString(), locale, kind: 'cleared' };
}

const GENERIC_ERROR: Record<Locale, string> = {
  'zh-CN': '操作未能完成。请稍后重试；如果问题仍然存在，请点击“显示面板”在面板中校验。',
  'en-US':
    'The command could not finish. Please try again; if it keeps failing, use Show Pane and check from the pane.',
};

/**
 * HostError messages are written for the clerk already; anything else (an Office.js error, a bug)
 * gets a generic sentence, so no English exception text or stack reaches the clerk.
 */
export function errorResult(err: unknown, locale: Locale, now: Date = new Date()): ErrorResult {
  const isHostError =
    typeof err === 'object' &&
    err !== null &&
    (err as { name?: unknown }).name === 'HostError' &&
    typeof (err as { message?: unknown }).message === 'string' &&
    (err as { message: string }).message.trim() !== '';
  const message = isHostError ? clip((err as { message: string }).message) : GENERIC_ERROR[locale];
  return { v: 1, at: now.toISOString(), locale, kind: 'error', message };
}

function clip(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s;
}

/** result.html next to the page at `pageUrl`, carrying the summary in its query string. */
export function dialogUrl(r: LastResult, pageUrl: string): string {
  const dir = pageUrl.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  return `${dir}result.html?r=${encodeURIComponent(JSON.stringify(r))}`;
}

// ------------------------------------------------------------------ reading it back (untrusted)

type Json = Record<string, unknown>;

const isText = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_TEXT;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

const COUNTS = ['tables', 'projects', 'indicators', 'errors', 'warnings', 'infos', 'cells', 'notes'] as const;

export function parseLastResult(text: string | null | undefined): LastResult | null {
  if (typeof text !== 'string' || text.length > 4000) return null;
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const j = o as Json;
  if (j.v !== 1 || !isText(j.at) || Number.isNaN(Date.parse(j.at))) return null;
  if (j.locale !== 'zh-CN' && j.locale !== 'en-US') return null;
  const base = { v: 1 as const, at: j.at, locale: j.locale as Locale };
  switch (j.kind) {
    case 'ok': {
      if (!isText(j.sheet) || !COUNTS.every((k) => isCount(j[k]))) return null;
      const counts = Object.fromEntries(COUNTS.map((k) => [k, j[k] as number])) as Record<
        (typeof COUNTS)[number],
        number
      >;
      return { ...base, kind: 'ok', sheet: j.sheet, ...counts };
    }
    case 'no-table':
      return isText(j.sheet) ? { ...base, kind: 'no-table', sheet: j.sheet } : null;
    case 'cleared':
      return { ...base, kind: 'cleared' };
    case 'error':
      return isText(j.message) ? { ...base, kind: 'error', message: j.message } : null;
    default:
      return null;
  }
}
