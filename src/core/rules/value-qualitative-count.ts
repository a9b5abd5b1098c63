/** V8: a 数量指标 (二级 11) counts something: a qualitative target there is very likely a slip. */
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, failingValues, rawOf, shownValues } from './util';

const m = defineMessages({
  qualitative: (d: { ordinal: number; name: string; values: ShownValue[] }) => {
    const v = describeValues(d.values);
    return {
      'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”是数量指标，${v['zh-CN']}，却是文字描述，应写明数量（如 ≥4人）。`,
      'en-US': `${nth(d.ordinal)['en-US']} "${d.name}" is a quantity indicator, but ${v['en-US']} is words, not a number.`,
    };
  },
});

export default defineRule({
  id: 'value-qualitative-count',
  version: 1,
  ref: 'V8',
  family: 'values',
  severity: 'warning',
  description: { 'zh-CN': '数量指标使用了定性描述', 'en-US': 'A qualitative target on a quantity indicator' },
  messages: m,
  check({ model, report }) {
    const words = (v: { shape: string }) => v.shape === 'qualitative' || v.shape === 'date-range';
    for (const [p, it, entries] of failingValues(model, (v, item) => item.level2?.code === '11' && words(v))) {
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: m.qualitative({ ordinal: it.ordinal, name: it.name, values: shownValues(entries) }),
      });
    }
  },
});
