/** S7: items normally state the 实施周期指标值 too; its absence is worth a look. */
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem } from './util';

const m = defineMessages({
  missing: (d: { ordinal: number; name: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”缺少实施周期指标值。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}" has no 实施周期指标值 (period target).`,
  }),
});

export default defineRule({
  id: 'indicator-period-missing',
  version: 1,
  ref: 'S7',
  family: 'structure',
  severity: 'warning',
  description: { 'zh-CN': '缺少实施周期指标值', 'en-US': 'Implementation-period target value missing' },
  messages: m,
  check({ model, report }) {
    forEachItem(model, (p, it) => {
      if (!it.level1 || it.period) return;
      report({ ...at(p, it), message: m.missing({ ordinal: it.ordinal, name: it.name }) });
    });
  },
});
