/** V2: a comparator with nothing to compare (`≥` alone, `≥%`). */
import { defineRule } from './rule';
import { at, describeValues, failingValues, nth, rawOf } from './util';

export default defineRule({
  id: 'value-no-number',
  version: 1,
  ref: 'V2',
  family: 'values',
  severity: 'error',
  description: { 'zh-CN': '有比较符（≥、≤）但没有数值', 'en-US': 'A comparator with no number' },
  check({ model, report }) {
    for (const [p, it, entries] of failingValues(model, (v) => v.shape === 'no-number')) {
      const n = nth(it);
      const d = describeValues(entries);
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: {
          'zh-CN': `${n.zh}“${it.name}”的${d.zh}，有比较符但缺少数值。`,
          'en-US': `${n.en} "${it.name}": ${d.en} has a comparator but no number.`,
        },
      });
    }
  },
});
