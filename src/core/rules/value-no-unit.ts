/** V5: a number without a unit, where the name's brackets give none either (`≥25` of what?). */
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, failingValues, rawOf, shownValues } from './util';

const m = defineMessages({
  noUnit: (d: { ordinal: number; name: string; values: ShownValue[] }) => {
    const v = describeValues(d.values);
    return {
      'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的${v['zh-CN']}，没有计量单位（如 %、个、次），名称中也未注明单位。`,
      'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": ${v['en-US']} has no unit (%, 个, 次…) and the name gives none.`,
    };
  },
});

export default defineRule({
  id: 'value-no-unit',
  version: 1,
  ref: 'V5',
  family: 'values',
  severity: 'warning',
  description: {
    'zh-CN': '数值没有计量单位，指标名称中也没有',
    'en-US': 'A number with no unit, and none in the name',
  },
  messages: m,
  check({ model, report }) {
    for (const [p, it, entries] of failingValues(model, (v) => v.shape === 'quantity' && v.unit === null)) {
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: m.noUnit({ ordinal: it.ordinal, name: it.name, values: shownValues(entries) }),
      });
    }
  },
});
