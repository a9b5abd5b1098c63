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

export function tableText(t: TableReport, locale: Locale): string[] {
  const msg = cliMessages(locale);
  const s = t.summary;
  const lines = [
    msg.tableHeading(t.sheet, t.range, t.unit),
    msg.tableSummary(s.projects, s.indicators, s.errors, s.warnings, s.infos),
  ];
  if (t.findings.length === 0) {
    lines.push(msg.noFindings);
    return lines;
  }
  // Map keeps first-seen order, so projects come in the order the core reported them (table order).
  const groups = new Map<string | null, Finding[]>([[null, []]]);
  for (const f of t.findings) {
    const list = groups.get(f.project) ?? [];
    list.push(f);
    groups.set(f.project, list);
  }
  for (const [project, findings] of groups) {
    if (findings.length === 0) continue;
    lines.push(project ?? msg.tableLevel);
    // The core's order already; sorting again keeps a report from any source in the same order.
    for (const f of findings.sort(compareFindings)) lines.push(findingLine(f, locale));
  }
  return lines;
}

export function reportText(r: Report & { file: string }, locale: Locale): string {
  const lines = [r.file];
  if (r.tables.length === 0) lines.push(cliMessages(locale).noTablesInFile);
  r.tables.forEach((t, i) => {
    if (i > 0) lines.push('');
    // A loop, not push(...): a spread over 250,000 projects' lines overflows the stack.
    for (const line of tableText(t, locale)) lines.push(line);
  });
  // Tables recognised as something else are named even beside checked ones: the clerk sees why a
  // 自评表 on the same sheet got no marks.
  if (r.rejected?.length) {
    const msg = cliMessages(locale);
    lines.push('', msg.rejectedHeading);
    for (const x of r.rejected) lines.push(msg.rejectedLine(x));
  }
  return lines.join('\n');
}
