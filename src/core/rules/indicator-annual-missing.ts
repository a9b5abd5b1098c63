/** S7: every item states its 年度指标值 (the value the year is judged against). */
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem } from './util';

const m = defineMessages({
  noKeyword: (d: { ordinal: number; name: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”缺少“年度指标值:…”。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}" has no 年度指标值 (annual target).`,
  }),
  empty: (d: { ordinal: number; name: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的年度指标值为空。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": the annual target is empty.`,
  }),
});

export default defineRule({
  id: 'indicator-annual-missing',
  version: 1,
  ref: 'S7',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '缺少年度指标值', 'en-US': 'Annual target value missing' },
  messages: m,
  check({ model, report }) {
    forEachItem(model, (p, it) => {
      if (!it.level1 || it.annual) return;
      const data = { ordinal: it.ordinal, name: it.name };
      report({
        ...at(p, it),
        message: it.problems.includes('no-annual-keyword') ? m.noKeyword(data) : m.empty(data),
      });
    });
  },
});
