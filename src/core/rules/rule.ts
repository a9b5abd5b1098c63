/**
 * What a rule is (as in markdownlint / ESLint): a stable kebab-case id, a version, a default
 * severity, a one-line description in both languages, its messages as data (defineMessages), and
 * one function that reports findings.
 */
import type { AnyMessages, Message } from '../messages/define';
import type { Locale, Text } from '../messages/locale';
import type { Finding, Fix, Severity } from '../report';
import type { TableModel } from '../model';

export type Family = 'amounts' | 'structure' | 'values' | 'period';

export type { Text } from '../messages/locale';
export { defineMessages } from '../messages/define';

export interface FindingInput {
  cell: string;
  row: number;
  project: string | null;
  indicator: number | null;
  /** One of the rule's own messages: `m.gap({ missing, next })` (ids and data reach the finding). */
  message: Message;
  /** Defaults to the rule's severity (a rounding gap within tolerance reports `info`). */
  severity?: Severity;
  expected?: string;
  actual?: string;
  related?: string[];
  fix?: Fix;
}

export interface RuleContext {
  model: TableModel;
  unit: '万元' | '元';
  report(f: FindingInput): void;
}

export interface Rule {
  id: string;
  version: number;
  /** Which check of docs/domain.md §3 it implements (A1, S2, V4…). */
  ref: string;
  family: Family;
  severity: Severity;
  description: Text;
  /** Everything the rule can say (its defineMessages block), listed with it as ESLint's meta.messages. */
  messages: AnyMessages;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Longer `expected` / `actual` texts are cut: a whole pasted document is no value to compare. */
export const MAX_VALUE_CHARS = 200;

/** The text, or its first MAX_VALUE_CHARS characters and a marker saying how long it was. */
export function shortened(text: string, locale: Locale): string {
  if (text.length <= MAX_VALUE_CHARS) return text;
  let end = MAX_VALUE_CHARS;
  // Never split a surrogate pair (an emoji or a rare CJK character).
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  const total = text.length.toLocaleString('en-US');
  return `${text.slice(0, end)}${locale === 'zh-CN' ? `…（共 ${total} 字）` : `… (${total} characters)`}`;
}

export function toFinding(rule: Rule, f: FindingInput, locale: Locale): Finding {
  const out: Finding = {
    rule: rule.id,
    ruleVersion: rule.version,
    severity: f.severity ?? rule.severity,
    cell: f.cell,
    row: f.row,
    project: f.project,
    indicator: f.indicator,
    message: f.message.text[locale],
    messageId: f.message.messageId,
    data: f.message.data,
  };
  if (f.expected !== undefined) out.expected = shortened(f.expected, locale);
  if (f.actual !== undefined) out.actual = shortened(f.actual, locale);
  if (f.related && f.related.length) out.related = f.related;
  if (f.fix) out.fix = f.fix;
  return out;
}
