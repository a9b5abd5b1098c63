/**
 * A2 on forms: 年度资金总额 = 财政拨款 + 上年结转 + 其他资金 when the form lists those parts, and
 * 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营预算 when it lists those lines — exact cents, the
 * same rounding tolerance as the list's sums. A total with one 其中 part and no other line only
 * needs the part not to exceed it. When both sums break by the same amount at 财政拨款, that cell is
 * named as the likely cause.
 */
import { type Amount, displayCents, formatCents, toleranceCents } from '../amounts';
import type { AmountLine, ProjectModel } from '../model';
import { labelKey } from '../table/layouts/labels';
import { defineRule, type FindingInput } from './rule';

interface Term {
  line: AmountLine;
  amount: Amount;
}

interface Sum {
  total: Term;
  parts: Term[];
  diff: number;
  status: 'ok' | 'rounding' | 'error';
}

function term(line: AmountLine | null): Term | null {
  if (!line || !line.read.ok || line.read.amount.cents < 0) return null;
  return { line, amount: line.read.amount };
}

function sum(total: Term, parts: Term[]): Sum {
  let s = 0;
  for (const p of parts) s += p.amount.cents;
  const diff = total.amount.cents - s;
  let tolerance = 0;
  let figures = 0;
  for (const t of [total, ...parts]) {
    if (t.amount.blank) continue;
    tolerance += toleranceCents(t.amount.decimals, 0);
    figures++;
  }
  if (figures < 2) tolerance = toleranceCents(total.amount.decimals, 1);
  return { total, parts, diff, status: diff === 0 ? 'ok' : Math.abs(diff) <= tolerance ? 'rounding' : 'error' };
}

/** `财政拨款 1,000.00 + 其他资金 0.00` */
function partsText(parts: Term[]): string {
  return parts.map((p) => `${label(p)} ${displayCents(p.amount.cents)}`).join(' + ');
}

/** The label as a clerk reads it: no `其中:`, ordinal or line break (`(一)财政拨款小计` → `财政拨款小计`). */
function label(t: Term): string {
  return labelKey(t.line.label) || t.line.label;
}

type Report = (f: FindingInput) => void;

function reportSum(p: ProjectModel, s: Sum, report: Report, culprit: Term | null, unit: string): void {
  if (s.status === 'ok') return;
  const total = displayCents(s.total.amount.cents);
  const partsSum = displayCents(s.total.amount.cents - s.diff);
  const gap = displayCents(Math.abs(s.diff));
  const cause =
    culprit && s.status === 'error'
      ? { zh: `很可能是${label(culprit)}填错了（另一处合计也差同样的数）。`, en: ` ${label(culprit)} is the likely cause (another sum is off by the same amount).` }
      : { zh: '', en: '' };
  report({
    cell: s.total.line.cell,
    row: p.row.row,
    project: p.row.name,
    indicator: null,
    severity: s.status === 'rounding' ? 'info' : undefined,
    expected: formatCents(s.total.amount.cents - s.diff),
    actual: formatCents(s.total.amount.cents),
    related: s.parts.map((x) => x.line.cell).filter((c) => c !== s.total.line.cell),
    message: {
      'zh-CN':
        s.status === 'rounding'
          ? `项目“${p.row.name}”的${label(s.total)} ${total} 与 ${partsText(s.parts)} = ${partsSum} 相差 ${gap}${unit}，在四舍五入误差之内。`
          : `项目“${p.row.name}”的${label(s.total)} ${total} 不等于 ${partsText(s.parts)} = ${partsSum}，相差 ${gap}${unit}。${cause.zh}`,
      'en-US':
        s.status === 'rounding'
          ? `Project "${p.row.name}": ${label(s.total)} ${total} and the sum of its parts ${partsSum} differ by ${gap}, within rounding.`
          : `Project "${p.row.name}": ${label(s.total)} ${total} is not the sum of its parts ${partsSum} (off by ${gap}).${cause.en}`,
    },
  });
}

export default defineRule({
  id: 'form-amount-sum',
  version: 1,
  ref: 'A2',
  family: 'amounts',
  severity: 'error',
  description: {
    'zh-CN': '表单的资金总额不等于财政拨款 + 上年结转 + 其他资金，或财政拨款不等于其明细之和',
    'en-US': "A form's total ≠ fiscal + carry-over + other funds, or fiscal ≠ its budget lines",
  },
  check({ model, report, unit }) {
    for (const p of model.projects) {
      const a = p.extra?.amounts;
      if (!a) continue;
      const lines = [a.fiscal, a.carryover, ...a.other, ...a.fiscalLines, ...a.fiscalLevels];
      if (lines.some((l) => l && !l.read.ok)) continue; // amount-not-number reports it
      const fiscal = term(a.fiscal);
      const fiscalParts = (fiscal ? [fiscal] : (a.fiscalLines.length ? a.fiscalLines : a.fiscalLevels).map(term)).filter((t): t is Term => t !== null);
      const byLines = fiscal && a.fiscalLines.length ? sum(fiscal, a.fiscalLines.map(term).filter((t): t is Term => t !== null)) : null;
      const total = term(a.total);
      const parts = [...fiscalParts, ...[a.carryover, ...a.other].map(term).filter((t): t is Term => t !== null)];
      const identity = total && parts.length >= 2 ? sum(total, parts) : null;
      // Both sums off by the same amount through 财政拨款: it is the cell to look at.
      const culprit = identity && byLines && fiscal && identity.status === 'error' && byLines.status === 'error' && identity.diff === -byLines.diff ? fiscal : null;
      if (identity) reportSum(p, identity, report, culprit, unit);
      if (byLines) reportSum(p, byLines, report, culprit, unit);
      if (total && parts.length === 1 && parts[0].amount.cents > total.amount.cents) {
        const part = parts[0];
        report({
          cell: part.line.cell,
          row: p.row.row,
          project: p.row.name,
          indicator: null,
          expected: `≤ ${formatCents(total.amount.cents)}`,
          actual: formatCents(part.amount.cents),
          related: [total.line.cell],
          message: {
            'zh-CN': `项目“${p.row.name}”的${label(part)} ${displayCents(part.amount.cents)}${unit}大于${label(total)} ${displayCents(total.amount.cents)}${unit}：其中的一部分不能超过总额。`,
            'en-US': `Project "${p.row.name}": ${label(part)} ${displayCents(part.amount.cents)} exceeds ${label(total)} ${displayCents(total.amount.cents)}.`,
          },
        });
      }
    }
  },
});
