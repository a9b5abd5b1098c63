/** V7: costs (二级 14 and 4x) are ceilings: a `≥` target on a cost is very likely reversed. */
import { defineRule } from './rule';
import { at, describeValues, failingValues, nth, rawOf } from './util';

export default defineRule({
  id: 'value-cost-lower-bound',
  version: 1,
  ref: 'V7',
  family: 'values',
  severity: 'warning',
  description: { 'zh-CN': '成本指标使用了下限（≥）', 'en-US': 'A cost indicator with a lower bound (≥)' },
  check({ model, report }) {
    const isCost = (code: string | undefined, l1: string | undefined) =>
      code === '14' || (code !== undefined && code.length === 2 && code[0] === '4') || (code === undefined && l1 === '4');
    const lower = (v: { shape: string; comparator: string | null }) =>
      v.shape === 'quantity' && (v.comparator === '≥' || v.comparator === '>');
    for (const [p, it, entries] of failingValues(model, (v, item) => lower(v) && isCost(item.level2?.code, item.level1?.code))) {
      const n = nth(it);
      const d = describeValues(entries);
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: {
          'zh-CN': `${n.zh}“${it.name}”是成本指标，通常应设上限（≤），但${d.zh}，是下限（≥），请确认方向是否正确。`,
          'en-US': `${n.en} "${it.name}" is a cost indicator, normally an upper bound (≤), but ${d.en} is a lower bound.`,
        },
      });
    }
  },
});
