/** V7: costs (二级 14 and 4x) are ceilings: a `≥` target on a cost is very likely reversed. */
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, failingValues, rawOf, shownValues } from './util';

const m = defineMessages({
  lowerBound: (d: { ordinal: number; name: string; values: ShownValue[] }) => {
    const v = describeValues(d.values);
    return {
      'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”是成本指标，通常应设上限（≤），但${v['zh-CN']}，是下限（≥），请确认方向是否正确。`,
      'en-US': `${nth(d.ordinal)['en-US']} "${d.name}" is a cost indicator, normally an upper bound (≤), but ${v['en-US']} is a lower bound.`,
    };
  },
});

export default defineRule({
  id: 'value-cost-lower-bound',
  version: 1,
  ref: 'V7',
  family: 'values',
  severity: 'warning',
  description: { 'zh-CN': '成本指标使用了下限（≥）', 'en-US': 'A cost indicator with a lower bound (≥)' },
  messages: m,
  check({ model, report }) {
    const isCost = (code: string | undefined, l1: string | undefined) =>
      code === '14' ||
      (code !== undefined && code.length === 2 && code[0] === '4') ||
      (code === undefined && l1 === '4');
    const lower = (v: { shape: string; comparator: string | null }) =>
      v.shape === 'quantity' && (v.comparator === '≥' || v.comparator === '>');
    for (const [p, it, entries] of failingValues(
      model,
      (v, item) => lower(v) && isCost(item.level2?.code, item.level1?.code),
    )) {
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: m.lowerBound({ ordinal: it.ordinal, name: it.name, values: shownValues(entries) }),
      });
    }
  },
});
