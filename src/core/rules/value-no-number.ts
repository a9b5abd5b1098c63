/** V2: a comparator with nothing to compare (`≥` alone, `≥%`). */
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, failingValues, rawOf, shownValues } from './util';

const m = defineMessages({
  noNumber: (d: { ordinal: number; name: string; values: ShownValue[] }) => {
    const v = describeValues(d.values);
    return {
      'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的${v['zh-CN']}，有比较符但缺少数值。`,
      'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": ${v['en-US']} has a comparator but no number.`,
    };
  },
});

export default defineRule({
  id: 'value-no-number',
  version: 1,
  ref: 'V2',
  family: 'values',
  severity: 'error',
  description: { 'zh-CN': '有比较符（≥、≤）但没有数值', 'en-US': 'A comparator with no number' },
  messages: m,
  check({ model, report }) {
    for (const [p, it, entries] of failingValues(model, (v) => v.shape === 'no-number')) {
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: m.noNumber({ ordinal: it.ordinal, name: it.name, values: shownValues(entries) }),
      });
    }
  },
});
