/** P2: for a count or amount with ≥ or =, the year is a share of the period: 年度 ≤ 实施周期. */
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem, isRateName } from './util';

const m = defineMessages({
  exceeds: (d: { ordinal: number; name: string; period: string; annual: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的年度指标值“${d.annual}”大于实施周期指标值“${d.period}”；年度目标应是实施周期目标的一部分。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": the annual target "${d.annual}" exceeds the period target "${d.period}"; the year is a share of the period.`,
  }),
});

/** A target the value reaches (≥, =, >), as opposed to a ceiling. */
function atLeast(c: string | null): boolean {
  return c === '≥' || c === '=' || c === '>';
}

export default defineRule({
  id: 'period-annual-exceeds',
  version: 1,
  ref: 'P2',
  family: 'period',
  severity: 'warning',
  description: {
    'zh-CN': '数量或金额的年度指标值大于实施周期指标值',
    'en-US': 'An annual count or amount above the period count',
  },
  messages: m,
  check({ model, report }) {
    forEachItem(model, (p, it) => {
      const a = it.period;
      const b = it.annual;
      if (!a || !b || a.shape !== 'quantity' || b.shape !== 'quantity') return;
      if (a.value === null || b.value === null || (a.unit ?? '') !== (b.unit ?? '')) return;
      if (!atLeast(a.comparator) || !atLeast(b.comparator) || b.value <= a.value) return;
      if (a.unit === '%' || isRateName(it.name)) return; // rates are not shares of a period
      report({
        ...at(p, it),
        actual: `${a.raw} / ${b.raw}`,
        message: m.exceeds({ ordinal: it.ordinal, name: it.name, period: a.raw, annual: b.raw }),
      });
    });
  },
});
