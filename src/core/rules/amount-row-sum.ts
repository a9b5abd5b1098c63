/** A2: on every row, 总计 = 财政拨款 + 财政专户拨款 + 其他资金 (blank = 0), within rounding tolerance. */
import { formatCents } from '../amounts';
import { defineRule } from './rule';
import { analyseSums, relatedCells } from './sums';
import { sumMessage } from './amount-sum-messages';

export default defineRule({
  id: 'amount-row-sum',
  version: 1,
  ref: 'A2',
  family: 'amounts',
  severity: 'error',
  description: {
    'zh-CN': '总计不等于财政拨款 + 财政专户拨款 + 其他资金',
    'en-US': 'Total ≠ fiscal appropriation + special account + other funds',
  },
  check({ model, unit, report }) {
    const { equations, culprits } = analyseSums(model);
    for (const eq of equations) {
      if (eq.kind !== 'row' || eq.status === 'ok') continue;
      const c = culprits.get(eq);
      report({
        cell: eq.total.cell,
        row: eq.row.row,
        project: eq.row.kind === 'project' ? eq.row.name : null,
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
