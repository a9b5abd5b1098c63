/** A1: an amount cell must hold a number (blank and `-` count as 0). */
import { AMOUNT_ROLES } from '../report';
import { ROLE_LABEL } from '../messages/labels';
import { defineRule } from './rule';

export default defineRule({
  id: 'amount-not-number',
  version: 1,
  ref: 'A1',
  family: 'amounts',
  severity: 'error',
  description: {
    'zh-CN': '金额单元格不是数字（如 abc、#VALUE!）',
    'en-US': 'An amount cell that is not a number (abc, #VALUE!)',
  },
  check({ model, report }) {
    for (const row of model.table.rows) {
      if (row.kind === 'continuation') continue;
      for (const role of AMOUNT_ROLES) {
        const read = row.amounts[role];
        const cell = row.amountCells[role];
        if (read.ok || cell === null) continue;
        const what = read.reason === 'error-value' ? '是错误值' : '不是数字';
        report({
          cell,
          row: row.row,
          project: row.kind === 'project' ? row.name : null,
          indicator: null,
          actual: read.text,
          message: {
            'zh-CN': `“${row.name || `第 ${row.row} 行`}”的${ROLE_LABEL['zh-CN'][role]}“${read.text}”${what}，无法参与合计校验，请填写数字金额（无金额可留空）。`,
            'en-US': `${ROLE_LABEL['en-US'][role]} of "${row.name || `row ${row.row}`}" reads "${read.text}", which is not a number; enter an amount (leave blank for none).`,
          },
        });
      }
    }
  },
});
