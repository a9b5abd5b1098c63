/**
 * Report → marks plan: what a host paints on the sheet. One entry per flagged cell (the most severe
 * finding sets the fill; the note lists every finding on the cell), plus address lists per severity,
 * chunked under Office.js's 8,192-character address limit so a host can fill thousands of cells in a
 * handful of calls.
 */
import type { Finding, Severity, TableReport } from './report';
import { compareFindings, SEVERITIES, SEVERITY_RANK } from './report';
import type { Locale } from './messages/locale';

/** Light fills that keep black text readable; chosen to differ from Excel's built-in styles. */
export const MARK_FILLS: Record<Severity, string> = {
  error: '#FFD6D6',
  warning: '#FFE9B3',
  info: '#DDEBFA',
};

/** Every note we write starts with this line, so our notes are never taken for the user's. */
export const NOTE_HEADER: Record<Locale, string> = {
  'zh-CN': '【预算绩效表校验】',
  'en-US': '[Budget table check]',
};

/** Office.js silently cuts address strings over 8,192 characters; stay well below. */
export const MAX_ADDRESS_CHARS = 8000;

export interface CellMark {
  sheet: string;
  cell: string;
  severity: Severity;
  note: string;
  findings: Finding[];
}

export interface MarksPlan {
  sheet: string;
  marks: CellMark[];
  /** Comma-separated address lists per severity, each under MAX_ADDRESS_CHARS. */
  addressChunks: Record<Severity, string[]>;
}

export function mostSevere(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

export function chunkAddresses(cells: readonly string[], max = MAX_ADDRESS_CHARS): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const c of cells) {
    if (cur && cur.length + 1 + c.length > max) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${c}` : c;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

export function marksPlan(tables: readonly TableReport[], sheet: string, locale: Locale = 'zh-CN'): MarksPlan {
  const byCell = new Map<string, CellMark>();
  for (const t of tables) {
    if (t.sheet !== sheet) continue;
    for (const f of t.findings) {
      let m = byCell.get(f.cell);
      if (!m) {
        m = { sheet, cell: f.cell, severity: f.severity, note: '', findings: [] };
        byCell.set(f.cell, m);
      }
      m.severity = mostSevere(m.severity, f.severity);
      m.findings.push(f);
    }
  }
  const marks = [...byCell.values()];
  const label: Record<Severity, string> =
    locale === 'en-US'
      ? { error: 'Error: ', warning: 'Warning: ', info: 'Info: ' }
      : { error: '错误：', warning: '警告：', info: '提示：' };
  for (const m of marks) {
    // One cell's findings in the one order: most severe first, then by item.
    m.findings.sort(compareFindings);
    m.note = [NOTE_HEADER[locale], ...m.findings.map((f) => `${label[f.severity]}${f.message}`)].join('\n');
  }
  const addressChunks = {} as Record<Severity, string[]>;
  for (const s of SEVERITIES) {
    addressChunks[s] = chunkAddresses(marks.filter((m) => m.severity === s).map((m) => m.cell));
  }
  return { sheet, marks, addressChunks };
}
