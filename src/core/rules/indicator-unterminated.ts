/** Format: each item ends with `。`; a missing one is added mechanically. */
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem, spanFix } from './util';

const m = defineMessages({
  unterminated: (d: { ordinal: number; name: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”末尾缺少“。”。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}" does not end with "。".`,
  }),
});

export default defineRule({
  id: 'indicator-unterminated',
  version: 1,
  ref: 'S1',
  family: 'structure',
  severity: 'info',
  description: { 'zh-CN': '指标条目末尾缺少“。”', 'en-US': 'An indicator item without its final "。"' },
  messages: m,
  check({ model, report }) {
    forEachItem(model, (p, it) => {
      if (!it.problems.includes('unterminated')) return;
      // Insert after the item's last visible character.
      const text = p.parsed.joined.text;
      let end = it.span.end;
      while (end > it.span.start && /\s/.test(text[end - 1])) end--;
      // An item closed with `；` (or `;`) gets that replaced by `。`, not `；。`.
      const last = text[end - 1];
      const fix = spanFix(p, { start: end - 1, end }, last === '；' || last === ';' ? '。' : `${last}。`);
      report({
        ...at(p, it),
        ...(fix ? { fix } : {}),
        message: m.unterminated({ ordinal: it.ordinal, name: it.name }),
      });
    });
  },
});
