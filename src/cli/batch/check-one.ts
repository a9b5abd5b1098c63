/**
 * One workbook checked exactly as `budget-check FILE` checks it (the CLI's own checkFile: same
 * reader, same reasons, same exit status), reduced to what the batch needs: the JSON Lines line
 * when JSON is asked for, and a digest for the summary and the text line — never the whole report,
 * so a run over hundreds of large files does not hold hundreds of reports.
 */
import type { TableReport } from '../../core/report';
import { parseArgs } from '../args';
import { reportJson, unusableJson } from '../json-report';
import { checkFile, UnusableInput } from '../main';
import { cliMessages } from '../messages';

export interface CheckRequest {
  file: string;
  locale: string;
  sheets: readonly string[];
  /** Also give the file's JSON report as one line. */
  json: boolean;
}

export interface FindingDigest {
  severity: string;
  cell: string;
  project: string | null;
  indicator: number | null;
  message: string;
  rule: string;
}

export interface TableDigest {
  sheet: string;
  unit: string;
  /** The budget units (单位) named in the table. */
  units: string[];
  projects: number;
  indicators: number;
  errors: number;
  warnings: number;
  accepted: number;
  findings: FindingDigest[];
}

export interface FileResult {
  file: string;
  /** The file's exit status: 0, 1 or 2. */
  code: number;
  tables?: TableDigest[];
  /** The one-line reason, when it could not be checked. */
  error?: string;
  /** The JSON report (or the unusable-file object) on one line, when asked for. */
  json?: string;
}

export async function checkOne(req: CheckRequest): Promise<FileResult> {
  const argv = ['--lang', req.locale];
  for (const s of req.sheets) argv.push('--sheet', s);
  argv.push('--', req.file);
  const parsed = parseArgs(argv);
  const locale = parsed.ok ? parsed.options.locale : parsed.locale;
  const msg = cliMessages(locale);
  if (!parsed.ok) return unusable(req, parsed.message);
  try {
    const outcome = await checkFile(req.file, parsed.options);
    const report = outcome.report;
    if (!report) return unusable(req, outcome.error ?? msg.internal('no report'));
    const result: FileResult = { file: req.file, code: outcome.status, tables: report.tables.map(digest) };
    if (req.json) result.json = JSON.stringify(reportJson(report));
    return result;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return unusable(req, e instanceof UnusableInput ? text : msg.internal(text.split(/\r?\n/)[0].slice(0, 200)));
  }
}

function unusable(req: CheckRequest, error: string): FileResult {
  const line = error.replace(/\s*\r?\n\s*/g, ' ');
  const r: FileResult = { file: req.file, code: 2, error: line };
  if (req.json) r.json = JSON.stringify(unusableJson(req.file, line));
  return r;
}

function digest(t: TableReport): TableDigest {
  const units: string[] = [];
  for (const row of t.rows) if (row.kind === 'unit' && row.name) units.push(row.name);
  // Acceptances (已确认) are counted when the report carries them.
  const marked = t.findings.filter((f) => (f as { accepted?: boolean }).accepted === true).length;
  return {
    sheet: t.sheet,
    unit: t.unit,
    units,
    projects: t.summary.projects,
    indicators: t.summary.indicators,
    errors: t.summary.errors,
    warnings: t.summary.warnings,
    accepted: (t.summary as { accepted?: number }).accepted ?? marked,
    findings: t.findings.map((f) => ({
      severity: f.severity,
      cell: f.cell,
      project: f.project,
      indicator: f.indicator,
      message: f.message,
      rule: f.rule,
    })),
  };
}
