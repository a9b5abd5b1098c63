/** A3: each unit row = Σ its projects; 合计 = Σ units (Σ projects when there are no unit rows). */
import { formatCents } from '../amounts';
import { defineRule } from './rule';
import { analyseSums, relatedCells } from './sums';
import { sumMessage } from './amount-sum-messages';

export default defineRule({
  id: 'amount-column-sum',
  version: 1,
  ref: 'A3',
  family: 'amounts',
  severity: 'error',
  description: {
    'zh-CN': '单位行不等于其项目之和，或合计不等于各单位之和',
    'en-US': 'A unit row ≠ the sum of its projects, or the grand total ≠ the sum of the units',
  },
  check({ model, unit, report }) {
    const { equations, culprits } = analyseSums(model);
    for (const eq of equations) {
      if (eq.kind !== 'column' || eq.status === 'ok') continue;
      const c = culprits.get(eq);
      report({
        cell: eq.total.cell,
        row: eq.row.row,
        project: null,
        indicator: null,
        severity: eq.status === 'rounding' ? 'info' : 'error',
        expected: formatCents(eq.sum),
        actual: formatCents(eq.total.amount.cents),
        related: relatedCells(eq, c),
        message: sumMessage(eq, unit, c),
      });
    }
  },
});
