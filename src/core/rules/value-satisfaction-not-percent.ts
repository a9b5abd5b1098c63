/** V6: satisfaction (二级 31) is measured as a percentage. */
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, failingValues, rawOf, shownValues } from './util';

const m = defineMessages({
  notPercent: (d: { ordinal: number; name: string; values: ShownValue[] }) => {
    const v = describeValues(d.values);
    return {
      'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”是满意度指标，${v['zh-CN']}，应为百分比（如 ≥90%）。`,
      'en-US': `${nth(d.ordinal)['en-US']} "${d.name}" is a satisfaction indicator; ${v['en-US']} should be a percentage (e.g. ≥90%).`,
    };
  },
});

export default defineRule({
  id: 'value-satisfaction-not-percent',
  version: 1,
  ref: 'V6',
  family: 'values',
  severity: 'warning',
  description: { 'zh-CN': '满意度指标的值不是百分比', 'en-US': 'A satisfaction target that is not a percentage' },
  messages: m,
  check({ model, report }) {
    const notPercent = (v: { shape: string; unit: string | null }) =>
      // Placeholders and bare comparators are reported by V1 / V2.
      !(v.shape === 'quantity' && v.unit === '%') && v.shape !== 'placeholder' && v.shape !== 'no-number';
    for (const [p, it, entries] of failingValues(model, (v, item) => item.level2?.code === '31' && notPercent(v))) {
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: m.notPercent({ ordinal: it.ordinal, name: it.name, values: shownValues(entries) }),
      });
    }
  },
});
