/** V3: a rate or satisfaction (name ends in 率/度) cannot exceed 100%. */
import { defineRule } from './rule';
import { at, describeValues, failingValues, isRateName, nth, rawOf } from './util';

export default defineRule({
  id: 'value-percent-over-100',
  version: 1,
  ref: 'V3',
  family: 'values',
  severity: 'error',
  description: { 'zh-CN': '比率或满意度超过 100%', 'en-US': 'A rate or satisfaction above 100%' },
  check({ model, report }) {
    const over = (v: { shape: string; unit: string | null; value: number | null }) =>
      v.shape === 'quantity' && v.unit === '%' && v.value !== null && v.value > 100;
    for (const [p, it, entries] of failingValues(model, (v, item) => over(v) && isRateName(item.name))) {
      const n = nth(it);
      const d = describeValues(entries);
      report({
        ...at(p, it),
        actual: rawOf(entries),
        expected: '≤100%',
        message: {
          'zh-CN': `${n.zh}“${it.name}”是比率，${d.zh}，超过 100%。`,
          'en-US': `${n.en} "${it.name}" is a rate; ${d.en} is above 100%.`,
        },
      });
    }
  },
});
