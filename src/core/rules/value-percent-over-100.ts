/** V3: a rate or satisfaction (name ends in 率/度) cannot exceed 100%. */
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, failingValues, isRateName, rawOf, shownValues } from './util';

const m = defineMessages({
  over100: (d: { ordinal: number; name: string; values: ShownValue[] }) => {
    const v = describeValues(d.values);
    return {
      'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”是比率，${v['zh-CN']}，超过 100%。`,
      'en-US': `${nth(d.ordinal)['en-US']} "${d.name}" is a rate; ${v['en-US']} is above 100%.`,
    };
  },
});

export default defineRule({
  id: 'value-percent-over-100',
  version: 1,
  ref: 'V3',
  family: 'values',
  severity: 'error',
  description: { 'zh-CN': '比率或满意度超过 100%', 'en-US': 'A rate or satisfaction above 100%' },
  messages: m,
  check({ model, report }) {
    const over = (v: { shape: string; unit: string | null; value: number | null }) =>
      v.shape === 'quantity' && v.unit === '%' && v.value !== null && v.value > 100;
    for (const [p, it, entries] of failingValues(model, (v, item) => over(v) && isRateName(item.name))) {
      report({
        ...at(p, it),
        actual: rawOf(entries),
        expected: '≤100%',
        message: m.over100({ ordinal: it.ordinal, name: it.name, values: shownValues(entries) }),
      });
    }
  },
});
