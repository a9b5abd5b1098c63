/** A1: budget amounts are never negative. */
import { displayCents, formatCents } from '../amounts';
import { AMOUNT_ROLES } from '../report';
import { ROLE_LABEL } from '../messages/labels';
import { defineRule } from './rule';

export default defineRule({
  id: 'amount-negative',
  version: 1,
  ref: 'A1',
  family: 'amounts',
  severity: 'error',
  description: { 'zh-CN': '金额为负数', 'en-US': 'A negative amount' },
  check({ model, report }) {
    for (const row of model.table.rows) {
      if (row.kind === 'continuation') continue;
      for (const role of AMOUNT_ROLES) {
        const read = row.amounts[role];
        const cell = row.amountCells[role];
        if (!read.ok || cell === null || read.amount.cents >= 0) continue;
        const v = displayCents(read.amount.cents);
        report({
          cell,
          row: row.row,
          project: row.kind === 'project' ? row.name : null,
          indicator: null,
          actual: formatCents(read.amount.cents),
          message: {
            'zh-CN': `“${row.name || `第 ${row.row} 行`}”的${ROLE_LABEL['zh-CN'][role]}为负数 ${v}，预算金额不能为负。`,
            'en-US': `${ROLE_LABEL['en-US'][role]} of "${row.name || `row ${row.row}`}" is negative (${v}); budget amounts cannot be negative.`,
          },
        });
      }
    }
  },
});
