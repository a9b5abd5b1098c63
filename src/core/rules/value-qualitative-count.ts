/** V8: a 数量指标 (二级 11) counts something: a qualitative target there is very likely a slip. */
import { defineRule } from './rule';
import { at, describeValues, failingValues, nth, rawOf } from './util';

export default defineRule({
  id: 'value-qualitative-count',
  version: 1,
  ref: 'V8',
  family: 'values',
  severity: 'warning',
  description: { 'zh-CN': '数量指标使用了定性描述', 'en-US': 'A qualitative target on a quantity indicator' },
  check({ model, report }) {
    const words = (v: { shape: string }) => v.shape === 'qualitative' || v.shape === 'date-range';
    for (const [p, it, entries] of failingValues(model, (v, item) => item.level2?.code === '11' && words(v))) {
      const n = nth(it);
      const d = describeValues(entries);
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: {
          'zh-CN': `${n.zh}“${it.name}”是数量指标，${d.zh}，却是文字描述，应写明数量（如 ≥4人）。`,
          'en-US': `${n.en} "${it.name}" is a quantity indicator, but ${d.en} is words, not a number.`,
        },
      });
    }
  },
});
