/** V6: satisfaction (二级 31) is measured as a percentage. */
import { defineRule } from './rule';
import { at, describeValues, failingValues, nth, rawOf } from './util';

export default defineRule({
  id: 'value-satisfaction-not-percent',
  version: 1,
  ref: 'V6',
  family: 'values',
  severity: 'warning',
  description: { 'zh-CN': '满意度指标的值不是百分比', 'en-US': 'A satisfaction target that is not a percentage' },
  check({ model, report }) {
    const notPercent = (v: { shape: string; unit: string | null }) =>
      // Placeholders and bare comparators are reported by V1 / V2.
      !(v.shape === 'quantity' && v.unit === '%') && v.shape !== 'placeholder' && v.shape !== 'no-number';
    for (const [p, it, entries] of failingValues(model, (v, item) => item.level2?.code === '31' && notPercent(v))) {
      const n = nth(it);
      const d = describeValues(entries);
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: {
          'zh-CN': `${n.zh}“${it.name}”是满意度指标，${d.zh}，应为百分比（如 ≥90%）。`,
          'en-US': `${n.en} "${it.name}" is a satisfaction indicator; ${d.en} should be a percentage (e.g. ≥90%).`,
        },
      });
    }
  },
});
