/** A1: budget amounts are never negative. */
import { displayCents, formatCents } from '../amounts';
import { AMOUNT_ROLES, type AmountRole } from '../report';
import { ROLE_LABEL } from '../messages/labels';
import { rowName } from '../messages/words';
import { defineMessages, defineRule } from './rule';

const m = defineMessages({
  /** `name` / `row`: the row (its name, or its number when unnamed); `amount`: as shown. */
  negative: (d: { name: string; row: number; role: AmountRole; amount: string }) => ({
    'zh-CN': `“${rowName(d.name, d.row)['zh-CN']}”的${ROLE_LABEL['zh-CN'][d.role]}为负数 ${d.amount}，预算金额不能为负。`,
    'en-US': `${ROLE_LABEL['en-US'][d.role]} of "${rowName(d.name, d.row)['en-US']}" is negative (${d.amount}); budget amounts cannot be negative.`,
  }),
});

export default defineRule({
  id: 'amount-negative',
  version: 1,
  ref: 'A1',
  family: 'amounts',
  severity: 'error',
  description: { 'zh-CN': '金额为负数', 'en-US': 'A negative amount' },
  messages: m,
  check({ model, report }) {
    for (const row of model.table.rows) {
      if (row.kind === 'continuation') continue;
      for (const role of AMOUNT_ROLES) {
        const read = row.amounts[role];
        const cell = row.amountCells[role];
        if (!read.ok || cell === null || read.amount.cents >= 0) continue;
        report({
          cell,
          row: row.row,
          project: row.kind === 'project' ? row.name : null,
          indicator: null,
          actual: formatCents(read.amount.cents),
          message: m.negative({ name: row.name, row: row.row, role, amount: displayCents(read.amount.cents) }),
        });
      }
    }
  },
});
