/**
 * Messages for sum findings (shared by amount-row-sum and amount-column-sum): the total, the computed
 * sum, the parts, the difference, the likely cause. Their data are plain figures in cents, taken from
 * the equation by `sumData`, so a test can assert them; the wording is in src/core/messages/sums.ts.
 */
import { formatCents } from '../amounts';
import { defineMessages } from '../messages/define';
import { columnText, culpritText, join, roundingText, rowText, type SumData, type SumRow } from '../messages/sums';
import { analyseSums, relatedCells, type Culprit, type Equation } from './sums';
import type { RuleContext } from './rule';

/** amount-row-sum: 总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金. */
export const rowSumMessages = defineMessages({
  mismatch: (d: SumData) => join(rowText(d), culpritText(d.culprit)),
  rounding: (d: SumData) => join(rowText(d), roundingText(d)),
});

/** amount-column-sum: a unit ≠ Σ its projects, 合计 ≠ Σ units. */
export const columnSumMessages = defineMessages({
  mismatch: (d: SumData) => join(columnText(d), culpritText(d.culprit)),
  rounding: (d: SumData) => join(columnText(d), roundingText(d)),
});

function sumRow(r: Equation['row']): SumRow {
  return { name: r.name, row: r.row, kind: r.kind };
}

/** The plain figures a sum message names, from the equation and its likely culprit. */
export function sumData(eq: Equation, unit: '万元' | '元', c: Culprit | undefined): SumData {
  return {
    row: sumRow(eq.row),
    role: eq.role,
    unit,
    total: eq.total.amount.cents,
    sum: eq.sum,
    diff: eq.diff,
    parts: eq.parts.map((p) => ({ role: p.role, cents: p.amount.cents })),
    partsKind: eq.partsKind ?? null,
    tolerance: eq.tolerance,
    culprit: c
      ? {
          cell: c.term.cell,
          row: sumRow(c.term.row),
          role: c.term.role,
          cents: c.term.amount.cents,
          expectedCents: c.term.amount.cents - c.delta,
          isTotal: c.term.cell === eq.total.cell,
        }
      : null,
  };
}

/** Reports every broken (or rounding-gap) equation of one kind: shared by the row and column sum rules. */
export function reportSums({ model, unit, report }: RuleContext, kind: Equation['kind']): void {
  const { equations, culprits } = analyseSums(model);
  const m = kind === 'row' ? rowSumMessages : columnSumMessages;
  for (const eq of equations) {
    if (eq.kind !== kind || eq.status === 'ok') continue;
    const c = culprits.get(eq);
    // A rounding gap names no culprit: culprits are only sought among broken sums.
    const data = sumData(eq, unit, eq.status === 'rounding' ? undefined : c);
    report({
      cell: eq.total.cell,
      row: eq.row.row,
      project: eq.row.kind === 'project' ? eq.row.name : null,
      indicator: null,
      severity: eq.status === 'rounding' ? 'info' : 'error',
      expected: formatCents(eq.sum),
      actual: formatCents(eq.total.amount.cents),
      related: relatedCells(eq, c),
      message: eq.status === 'rounding' ? m.rounding(data) : m.mismatch(data),
    });
  }
}
