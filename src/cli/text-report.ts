/**
 * The readable report: per table a heading and the counts, then the findings grouped by project,
 * those of the total and unit rows first; then the tables recognised and not checked, one line each.
 */
import type { Locale } from '../core/messages/locale';
import { compareFindings, type Finding, type Report, type TableReport } from '../core/report';
import { cliMessages, colon } from './messages';

export function findingLine(f: Finding, locale: Locale): string {
  const msg = cliMessages(locale);
  // Rule messages name their item (`第 6 条指标…`): the location says it only when the message does not.
  const indicator = f.indicator !== null && msg.namesItem(f.message, f.indicator) ? null : f.indicator;
  return `  [${msg.severity[f.severity]}] ${msg.findingLocation(f.cell, indicator)}${colon(locale)}${f.message.replace(/\r?\n/g, '\n    ')}`;
}

/** A table's lines: heading, counts, then the findings grouped by project. */
export function tableText(t: TableReport, locale: Locale): string[] {
  const lines: string[] = [];
  for (const line of tableLines(t, locale)) lines.push(line);
  return lines;
}

function* tableLines(t: TableReport, locale: Locale): Generator<string> {
  const msg = cliMessages(locale);
  const s = t.summary;
  yield msg.tableHeading(t.sheet, t.range, t.unit);
  yield msg.tableSummary(s.projects, s.indicators, s.errors, s.warnings, s.infos);
  if (t.findings.length === 0) {
    yield msg.noFindings;
    return;
  }
  // Map keeps first-seen order, so projects come in the order the core reported them (table order).
  const groups = new Map<string | null, Finding[]>([[null, []]]);
  for (const f of t.findings) {
    const list = groups.get(f.project);
    if (list) list.push(f);
    else groups.set(f.project, [f]);
  }
  for (const [project, findings] of groups) {
    if (findings.length === 0) continue;
    yield project ?? msg.tableLevel;
    // The core's order already; sorting again keeps a report from any source in the same order.
    for (const f of findings.sort(compareFindings)) yield findingLine(f, locale);
  }
}

/** The report's lines, one at a time: a 250,000-project report is never held as one text. */
export function* reportLines(r: Report & { file: string }, locale: Locale): Generator<string> {
  yield r.file;
  if (r.tables.length === 0) yield cliMessages(locale).noTablesInFile;
  for (let i = 0; i < r.tables.length; i++) {
    if (i > 0) yield '';
    yield* tableLines(r.tables[i], locale);
  }
  // Tables recognised as something else are named even beside checked ones: the clerk sees why a
  // 自评表 on the same sheet got no marks.
  if (r.rejected?.length) {
    const msg = cliMessages(locale);
    yield '';
    yield msg.rejectedHeading;
    for (const x of r.rejected) yield msg.rejectedLine(x);
  }
}

/** The whole report as one text, without the final line break (tests, small reports). */
export function reportText(r: Report & { file: string }, locale: Locale): string {
  let text = '';
  writeReportText(r, locale, (piece) => {
    text += piece;
  });
  return text.slice(0, -1);
}

/** Characters gathered before a write: few calls to the stream, bounded memory. */
const CHUNK = 1 << 20;

/** `reportText` and a final line break, written in pieces of about a million characters. */
export function writeReportText(r: Report & { file: string }, locale: Locale, write: (s: string) => void): void {
  let buf = '';
  for (const line of reportLines(r, locale)) {
    buf += `${line}\n`;
    if (buf.length >= CHUNK) {
      write(buf);
      buf = '';
    }
  }
  if (buf) write(buf);
}
