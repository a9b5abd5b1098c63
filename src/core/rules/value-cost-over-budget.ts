/**
 * A cost target (成本指标) bounded by `≤` or `=` in 万元 or 元 above the project's own budget: the cost
 * of a project cannot exceed what it is given. Per-unit costs (`元/人`, `万/月`) are never compared.
 */
import { displayCents } from '../amounts';
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at } from './util';

/** Cents of the table's unit for a target in 万元 or 元; null for other units. */
function centsOf(value: number, unit: string, tableUnit: '万元' | '元'): number | null {
  const u = unit.trim();
  let yuan: number;
  if (u === '万元' || u === '万') yuan = value * 10000;
  else if (u === '元') yuan = value;
  else return null;
  return Math.round((tableUnit === '万元' ? yuan / 10000 : yuan) * 100);
}

const m = defineMessages({
  overBudget: (d: { ordinal: number; name: string; raw: string; budget: string; unit: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的目标“${d.raw}”超过项目预算 ${d.budget}${d.unit}，请核对金额或单位。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": the target "${d.raw}" exceeds the project's budget of ${d.budget} ${d.unit}.`,
  }),
});

export default defineRule({
  id: 'value-cost-over-budget',
  version: 1,
  ref: 'V7',
  family: 'values',
  severity: 'warning',
  description: { 'zh-CN': '成本指标的目标值超过项目预算', 'en-US': "A cost target above the project's own budget" },
  messages: m,
  check({ model, report, unit }) {
    for (const p of model.projects) {
      const total = p.row.amounts.total;
      if (!total.ok || total.amount.blank || total.amount.cents <= 0) continue;
      for (const it of p.parsed.items) {
        const v = it.annual;
        const code2 = it.level2?.code ?? '';
        const cost = code2 === '14' || (code2.length === 2 && code2[0] === '4') || it.level1?.code === '4';
        if (!cost || !v || v.shape !== 'quantity' || v.value === null || !v.unit || v.unitFromName) continue;
        if (v.comparator !== '≤' && v.comparator !== '=' && v.comparator !== '<') continue;
        const cents = centsOf(v.value, v.unit, unit);
        if (cents === null || cents <= total.amount.cents) continue;
        report({
          ...at(p, it),
          actual: v.raw,
          expected: `≤ ${displayCents(total.amount.cents)}${unit}`,
          message: m.overBudget({
            ordinal: it.ordinal,
            name: it.name,
            raw: v.raw,
            budget: displayCents(total.amount.cents),
            unit,
          }),
        });
      }
    }
  },
});
