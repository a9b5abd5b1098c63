/** V5: a number without a unit, where the name's brackets give none either (`≥25` of what?). */
import { defineRule } from './rule';
import { at, describeValues, failingValues, nth, rawOf } from './util';

export default defineRule({
  id: 'value-no-unit',
  version: 1,
  ref: 'V5',
  family: 'values',
  severity: 'warning',
  description: { 'zh-CN': '数值没有计量单位，指标名称中也没有', 'en-US': 'A number with no unit, and none in the name' },
  check({ model, report }) {
    for (const [p, it, entries] of failingValues(model, (v) => v.shape === 'quantity' && v.unit === null)) {
      const n = nth(it);
      const d = describeValues(entries);
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: {
          'zh-CN': `${n.zh}“${it.name}”的${d.zh}，没有计量单位（如 %、个、次），名称中也未注明单位。`,
          'en-US': `${n.en} "${it.name}": ${d.en} has no unit (%, 个, 次…) and the name gives none.`,
        },
      });
    }
  },
});
