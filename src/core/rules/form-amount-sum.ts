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
import { defineMessages, defineRule, type FindingInput } from './rule';

interface SumData {
  name: string;
  label: string;
  total: string;
  parts: string;
  sum: string;
  gap: string;
  unit: string;
  /** The likely wrong cell's label, when both sums point at it. */
  culprit: string | null;
}

const m = defineMessages({
  sum: (d: SumData) => ({
    'zh-CN': `项目“${d.name}”的${d.label} ${d.total} 不等于 ${d.parts} = ${d.sum}，相差 ${d.gap} ${d.unit}。${d.culprit ? `很可能是${d.culprit}填错了（另一处合计也差同样的数）。` : ''}`,
    'en-US': `Project "${d.name}": ${d.label} ${d.total} is not the sum of its parts ${d.sum} (off by ${d.gap}).${d.culprit ? ` ${d.culprit} is the likely cause (another sum is off by the same amount).` : ''}`,
  }),
  rounding: (d: SumData) => ({
    'zh-CN': `项目“${d.name}”的${d.label} ${d.total} 与 ${d.parts} = ${d.sum} 相差 ${d.gap} ${d.unit}，差额在四舍五入误差以内，一般无需修改。`,
    'en-US': `Project "${d.name}": ${d.label} ${d.total} and the sum of its parts ${d.sum} differ by ${d.gap}, within rounding.`,
  }),
  partOverTotal: (d: {
    name: string;
    part: string;
    amount: string;
    total: string;
    totalAmount: string;
    unit: string;
  }) => ({
    'zh-CN': `项目“${d.name}”的${d.part} ${d.amount} ${d.unit}大于${d.total} ${d.totalAmount} ${d.unit}：其中的一部分不能超过总额。`,
    'en-US': `Project "${d.name}": ${d.part} ${d.amount} exceeds ${d.total} ${d.totalAmount}.`,
  }),
});

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
  const data: SumData = {
    name: p.row.name,
    label: label(s.total),
    total,
    parts: partsText(s.parts),
    sum: partsSum,
    gap,
    unit,
    culprit: culprit && s.status === 'error' ? label(culprit) : null,
  };
  report({
    cell: s.total.line.cell,
    row: p.row.row,
    project: p.row.name,
    indicator: null,
    severity: s.status === 'rounding' ? 'info' : undefined,
    expected: formatCents(s.total.amount.cents - s.diff),
    actual: formatCents(s.total.amount.cents),
    related: s.parts.map((x) => x.line.cell).filter((c) => c !== s.total.line.cell),
    message: s.status === 'rounding' ? m.rounding(data) : m.sum(data),
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
  messages: m,
  check({ model, report, unit }) {
    for (const p of model.projects) {
      const a = p.extra?.amounts;
      if (!a) continue;
      const lines = [a.fiscal, a.carryover, ...a.other, ...a.fiscalLines, ...a.fiscalLevels];
      if (lines.some((l) => l && !l.read.ok)) continue; // amount-not-number reports it
      const fiscal = term(a.fiscal);
      const fiscalParts = (
        fiscal ? [fiscal] : (a.fiscalLines.length ? a.fiscalLines : a.fiscalLevels).map(term)
      ).filter((t): t is Term => t !== null);
      const byLines =
        fiscal && a.fiscalLines.length
          ? sum(
              fiscal,
              a.fiscalLines.map(term).filter((t): t is Term => t !== null),
            )
          : null;
      const total = term(a.total);
      const parts = [...fiscalParts, ...[a.carryover, ...a.other].map(term).filter((t): t is Term => t !== null)];
      const identity = total && parts.length >= 2 ? sum(total, parts) : null;
      // Both sums off by the same amount through 财政拨款: it is the cell to look at.
      const culprit =
        identity &&
        byLines &&
        fiscal &&
        identity.status === 'error' &&
        byLines.status === 'error' &&
        identity.diff === -byLines.diff
          ? fiscal
          : null;
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
          message: m.partOverTotal({
            name: p.row.name,
            part: label(part),
            amount: displayCents(part.amount.cents),
            total: label(total),
            totalAmount: displayCents(total.amount.cents),
            unit,
          }),
        });
      }
    }
  },
});
