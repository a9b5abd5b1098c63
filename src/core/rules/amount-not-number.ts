/** A1: an amount cell must hold a number (blank and `-` count as 0). */
import { AMOUNT_ROLES, type AmountRole } from '../report';
import { ROLE_LABEL } from '../messages/labels';
import { rowName } from '../messages/words';
import { defineMessages, defineRule } from './rule';

/** `name` / `row`: the row (its name, or its number when unnamed); `text`: the cell as written. */
type Data = { name: string; row: number; role: AmountRole; text: string };

const english = (d: Data) =>
  `${ROLE_LABEL['en-US'][d.role]} of "${rowName(d.name, d.row)['en-US']}" reads "${d.text}", which is not a number; enter an amount (leave blank for none).`;

const m = defineMessages({
  notNumber: (d: Data) => ({
    'zh-CN': `“${rowName(d.name, d.row)['zh-CN']}”的${ROLE_LABEL['zh-CN'][d.role]}“${d.text}”不是数字，无法参与合计校验，请填写数字金额（无金额可留空）。`,
    'en-US': english(d),
  }),
  /** `#VALUE!`, `#REF!`: a formula that failed. */
  errorValue: (d: Data) => ({
    'zh-CN': `“${rowName(d.name, d.row)['zh-CN']}”的${ROLE_LABEL['zh-CN'][d.role]}“${d.text}”是错误值，无法参与合计校验，请填写数字金额（无金额可留空）。`,
    'en-US': english(d),
  }),
});

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
  messages: m,
  check({ model, report }) {
    for (const row of model.table.rows) {
      if (row.kind === 'continuation') continue;
      for (const role of AMOUNT_ROLES) {
        const read = row.amounts[role];
        const cell = row.amountCells[role];
        if (read.ok || cell === null) continue;
        const data = { name: row.name, row: row.row, role, text: read.text };
        report({
          cell,
          row: row.row,
          project: row.kind === 'project' ? row.name : null,
          indicator: null,
          actual: read.text,
          message: read.reason === 'error-value' ? m.errorValue(data) : m.notNumber(data),
        });
      }
    }
  },
});
