/**
 * Messages for sum findings (shared by amount-row-sum and amount-column-sum): the total, the computed
 * sum, the parts, the difference, the likely cause. Their data are plain figures in cents, taken from
 * the equation by `sumData`, so a test can assert them; the wording is in src/core/messages/sums.ts.
 */
import { formatCents } from '../amounts';
import { defineMessages } from '../messages/define';
import {
  columnText,
  culpritOwnText,
  culpritText,
  join,
  roundingText,
  rowText,
  type CulpritData,
  type SumData,
  type SumRow,
} from '../messages/sums';
import { analyseSums, relatedCells, type Culprit, type Equation } from './sums';
import type { RuleContext } from './rule';

/** The likely wrong cell's own finding; `sums`: the total cells of the sums it breaks. */
type CulpritFindingData = { culprit: CulpritData; unit: '万元' | '元'; sums: string[] };

/** amount-row-sum: 总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金. */
export const rowSumMessages = defineMessages({
  mismatch: (d: SumData) => join(rowText(d), culpritText(d.culprit)),
  rounding: (d: SumData) => join(rowText(d), roundingText(d)),
  culprit: (d: CulpritFindingData) => culpritOwnText(d),
});

/** amount-column-sum: a unit ≠ Σ its projects, 合计 ≠ Σ units. */
export const columnSumMessages = defineMessages({
  mismatch: (d: SumData) => join(columnText(d), culpritText(d.culprit)),
  rounding: (d: SumData) => join(columnText(d), roundingText(d)),
  culprit: (d: CulpritFindingData) => culpritOwnText(d),
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

/**
 * Reports every broken (or rounding-gap) equation of one kind: shared by the row and column sum rules.
 *
 * `expected` / `actual` always describe the finding's own cell. A broken sum whose likely cause is
 * another cell leaves them out (its own total may well be right: changing it to the sum would add a
 * second error); that cell gets a finding of its own, with its value and the value the other figures
 * imply, so every host marks it. The cause's finding is reported once, by the rule of the first sum
 * it breaks (row sums come first).
 */
export function reportSums({ model, unit, report }: RuleContext, kind: Equation['kind']): void {
  const { equations, culprits } = analyseSums(model);
  const m = kind === 'row' ? rowSumMessages : columnSumMessages;
  for (const eq of equations) {
    if (eq.kind !== kind || eq.status === 'ok') continue;
    const c = culprits.get(eq);
    // A rounding gap names no culprit: culprits are only sought among broken sums.
    const data = sumData(eq, unit, eq.status === 'rounding' ? undefined : c);
    const elsewhere = data.culprit !== null && !data.culprit.isTotal;
    report({
      cell: eq.total.cell,
      row: eq.row.row,
      project: eq.row.kind === 'project' ? eq.row.name : null,
      indicator: null,
      severity: eq.status === 'rounding' ? 'info' : 'error',
      ...(elsewhere ? {} : { expected: formatCents(eq.sum), actual: formatCents(eq.total.amount.cents) }),
      related: relatedCells(eq, c),
      message: eq.status === 'rounding' ? m.rounding(data) : m.mismatch(data),
    });
  }
  for (const [c, broken] of culpritsElsewhere(equations, culprits)) {
    if (broken[0].kind !== kind) continue;
    const t = c.term;
    const culprit = sumData(broken[0], unit, c).culprit as CulpritData;
    const sums = broken.map((eq) => eq.total.cell);
    report({
      cell: t.cell,
      row: t.row.row,
      project: t.row.kind === 'project' ? t.row.name : null,
      indicator: null,
      severity: 'error',
      expected: formatCents(t.amount.cents - c.delta),
      actual: formatCents(t.amount.cents),
      related: sums,
      message: m.culprit({ culprit, unit, sums }),
    });
  }
}

/**
 * Each likely wrong cell that is the total of none of the sums it breaks (so no sum finding sits on
 * it), with those sums in report order.
 */
function culpritsElsewhere(
  equations: readonly Equation[],
  culprits: ReadonlyMap<Equation, Culprit>,
): Map<Culprit, Equation[]> {
  const out = new Map<Culprit, Equation[]>();
  const onItsOwnCell = new Set<Culprit>();
  for (const eq of equations) {
    const c = culprits.get(eq);
    if (!c) continue;
    if (c.term.cell === eq.total.cell) onItsOwnCell.add(c);
    const list = out.get(c);
    if (list) list.push(eq);
    else out.set(c, [eq]);
  }
  for (const c of onItsOwnCell) out.delete(c);
  return out;
}
