/**
 * A small argument parser for `budget-check` (no dependency). Accepts `--opt value` and `--opt=value`;
 * `--` ends the options; `-h`/`-v` are short for `--help`/`--version`.
 */
import type { Locale } from '../core/messages/locale';
import { cliMessages } from './messages';

export type Format = 'text' | 'json';

export interface CliOptions {
  files: string[];
  sheets: string[];
  format: Format;
  locale: Locale;
  out?: string;
  /** Batch review: the summary workbook to write (src/cli/batch). */
  summary?: string;
  /** Batch review: worker threads (default one per core). */
  jobs?: number;
  help: boolean;
  version: boolean;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; locale: Locale; message: string };

const VALUE_OPTIONS = new Set(['--sheet', '--format', '--lang', '--out', '--summary', '--jobs']);
const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/**
 * The language is looked up first, so that even an error about another argument is reported in the
 * language asked for.
 */
export function preferredLocale(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v !== undefined && (LOCALES as readonly string[]).includes(v)) return v as Locale;
  }
  return 'zh-CN';
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const locale = preferredLocale(argv);
  const msg = cliMessages(locale);
  const fail = (message: string): ParseResult => ({ ok: false, locale, message });
  const o: CliOptions = { files: [], sheets: [], format: 'text', locale, help: false, version: false };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      for (const f of argv.slice(i + 1)) o.files.push(f);
      break;
    }
    if (a === '--help' || a === '-h') {
      o.help = true;
      continue;
    }
    if (a === '--version' || a === '-v') {
      o.version = true;
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      o.files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (!VALUE_OPTIONS.has(name)) return fail(msg.unknownOption(name));
    let value: string;
    if (eq > 0 && a.startsWith('--')) {
      value = a.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) return fail(msg.missingValue(name));
      value = next;
      i++;
    }
    if (value === '') return fail(msg.missingValue(name));
    switch (name) {
      case '--sheet':
        o.sheets.push(value);
        break;
      case '--format':
        if (value !== 'text' && value !== 'json') return fail(msg.badFormat(value));
        o.format = value;
        break;
      case '--lang':
        if (!(LOCALES as readonly string[]).includes(value)) return fail(msg.badLang(value));
        o.locale = value as Locale;
        break;
      case '--out':
        o.out = value;
        break;
      case '--summary':
        if (!/\.xlsx$/i.test(value)) return fail(msg.summaryNotXlsx(value));
        o.summary = value;
        break;
      case '--jobs':
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) return fail(msg.badJobs(value));
        o.jobs = Number(value);
        break;
    }
  }
  if (o.help || o.version) return { ok: true, options: o };
  if (o.files.length === 0) return fail(msg.noFiles);
  if (o.out !== undefined) {
    if (o.files.length > 1 || o.summary !== undefined) return fail(msg.outWithSeveralFiles);
    // The copy keeps the input's kind: a macro-enabled workbook stays .xlsm (Excel refuses a
    // package whose extension does not match its content), any other stays .xlsx.
    const want = /\.xlsm$/i.test(o.files[0]) ? '.xlsm' : '.xlsx';
    if (!o.out.toLowerCase().endsWith(want)) return fail(msg.outNotXlsx(o.out, want));
  }
  return { ok: true, options: o };
}
