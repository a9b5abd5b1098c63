/**
 * A1 (unit): an amount written with the other unit (`120000元` in a 万元 table, `12万` in a 元 table).
 * The readers convert it to the table's unit, exactly, so the sums check what the clerk meant; this
 * rule tells the clerk which cell was converted and to what, since the cell still reads wrong to a
 * person (and to the budget system) until it is rewritten in the table's unit.
 */
import { parseAddress } from '../grid';
import { ROLE_LABEL, UNIT_LABEL } from '../messages/labels';
import { rowName } from '../messages/words';
import type { AmountRead, AmountUnit } from '../amounts';
import { AMOUNT_ROLES, type AmountRole } from '../report';
import type { AmountLine } from '../model';
import { defineMessages, defineRule, type FindingInput } from './rule';

/**
 * `name` / `row`: the row or project; `role` (list columns) or `label` (a form's own label) names the
 * amount; `text`: the cell as written; `from`: its unit; `unit`: the table's; `exact`: the converted figure.
 */
type Data = {
  name: string;
  row: number;
  role: AmountRole | null;
  label: string | null;
  text: string;
  from: AmountUnit;
  unit: AmountUnit;
  exact: string;
};

const field = (d: Data, zh: boolean) =>
  d.role ? ROLE_LABEL[zh ? 'zh-CN' : 'en-US'][d.role] : (d.label ?? (zh ? '金额' : 'Amount'));

const m = defineMessages({
  converted: (d: Data) => ({
    'zh-CN': `“${rowName(d.name, d.row)['zh-CN']}”的${field(d, true)}写作“${d.text}”，单位是${d.from}，而本表金额单位为${d.unit}：已按${d.unit}折算为 ${d.exact} 参与合计校验。请改写为${d.unit}金额，或核对单位。`,
    'en-US': `${field(d, false)} of "${rowName(d.name, d.row)['en-US']}" is written "${d.text}" in ${UNIT_LABEL['en-US'][d.from]}, but the table is in ${UNIT_LABEL['en-US'][d.unit]}: it was converted to ${d.exact} for the sums. Write it in the table's unit, or check the unit.`,
  }),
});

export default defineRule({
  id: 'amount-unit-converted',
  version: 1,
  ref: 'A1',
  family: 'amounts',
  severity: 'warning',
  description: {
    'zh-CN': '金额带有与表格不同的单位（万元表中的“120000元”），已折算',
    'en-US': 'An amount written in the other unit (120000元 in a 万元 table), converted',
  },
  messages: m,
  check({ model, unit, report }) {
    const seen = new Set<string>();
    const emit = (
      read: AmountRead,
      cell: string | null,
      name: string,
      row: number,
      project: string | null,
      role: AmountRole | null,
      label: string | null,
    ) => {
      if (!read.ok || !read.converted || cell === null || seen.has(cell)) return;
      seen.add(cell);
      const c = read.converted;
      const data: Data = { name, row, role, label, text: c.text, from: c.from, unit, exact: c.exact };
      const f: FindingInput = {
        cell,
        row,
        project,
        indicator: null,
        actual: c.text,
        expected: c.exact,
        message: m.converted(data),
      };
      report(f);
    };
    // A form's row holds sums of its labelled lines: the lines below name each cell by its own label.
    const rows = model.layout === 'form' ? [] : model.table.rows;
    for (const row of rows) {
      if (row.kind === 'continuation') continue;
      const project = row.kind === 'project' ? row.name : null;
      for (const role of AMOUNT_ROLES)
        emit(row.amounts[role], row.amountCells[role], row.name, row.row, project, role, null);
    }
    // A form's parts (一般公共预算, 上级资金 …) are read from their own labels, beside the row's sums.
    for (const p of model.projects) {
      const a = p.extra?.amounts;
      if (!a) continue;
      const lines: (AmountLine | null)[] = [
        a.total,
        a.fiscal,
        a.carryover,
        ...a.other,
        ...a.fiscalLines,
        ...a.fiscalLevels,
      ];
      for (const l of lines) {
        if (!l) continue;
        const r = parseAddress(l.cell)?.row ?? p.row.row;
        // `其中:财政拨款:` → 财政拨款: the label as a clerk names the amount.
        const label = l.label.replace(/^其中\s*[:：]?/, '').replace(/[:：\s]+$/, '');
        emit(l.read, l.cell, p.row.name, r, p.row.name, null, label);
      }
    }
  },
});
