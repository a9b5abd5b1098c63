/** P1: the 实施周期 and 年度 values of one item measure the same thing: same unit, same direction. */
import type { Comparator } from '../report';
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem } from './util';

const m = defineMessages({
  unit: (d: { ordinal: number; name: string; period: string; annual: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的实施周期指标值“${d.period}”与年度指标值“${d.annual}”单位不一致。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": period target "${d.period}" and annual target "${d.annual}" have different units.`,
  }),
  direction: (d: { ordinal: number; name: string; period: string; annual: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的实施周期指标值“${d.period}”与年度指标值“${d.annual}”比较方向相反。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": period target "${d.period}" and annual target "${d.annual}" have opposite comparators.`,
  }),
});

function direction(c: Comparator | null): 'up' | 'down' | 'eq' | null {
  if (c === '≥' || c === '>') return 'up';
  if (c === '≤' || c === '<') return 'down';
  return c === '=' ? 'eq' : null;
}

export default defineRule({
  id: 'period-annual-mismatch',
  version: 1,
  ref: 'P1',
  family: 'period',
  severity: 'warning',
  description: {
    'zh-CN': '实施周期指标值与年度指标值的单位或比较方向不一致',
    'en-US': 'Period and annual targets with different units or comparator directions',
  },
  messages: m,
  check({ model, report }) {
    forEachItem(model, (p, it) => {
      const a = it.period;
      const b = it.annual;
      if (!a || !b || a.shape !== 'quantity' || b.shape !== 'quantity') return;
      const da = direction(a.comparator);
      const db = direction(b.comparator);
      const unitDiffers = (a.unit ?? '') !== (b.unit ?? '');
      // `≥4人` against `4人` is the same direction loosely; only opposite bounds are a finding.
      const opposite = (da === 'up' && db === 'down') || (da === 'down' && db === 'up');
      if (!unitDiffers && !opposite) return;
      const data = { ordinal: it.ordinal, name: it.name, period: a.raw, annual: b.raw };
      report({
        ...at(p, it),
        actual: `${a.raw} / ${b.raw}`,
        message: unitDiffers ? m.unit(data) : m.direction(data),
      });
    });
  },
});
