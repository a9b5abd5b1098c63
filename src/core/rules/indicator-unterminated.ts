/** Format: each item ends with `。`; a missing one is added mechanically. */
import { defineRule } from './rule';
import { at, nth, spanFix } from './util';

export default defineRule({
  id: 'indicator-unterminated',
  version: 1,
  ref: 'S1',
  family: 'structure',
  severity: 'info',
  description: { 'zh-CN': '指标条目末尾缺少“。”', 'en-US': 'An indicator item without its final "。"' },
  check({ model, report }) {
    for (const p of model.projects) {
      for (const it of p.parsed.items) {
        if (!it.problems.includes('unterminated')) continue;
        // Insert after the item's last visible character.
        const text = p.parsed.joined.text;
        let end = it.span.end;
        while (end > it.span.start && /\s/.test(text[end - 1])) end--;
        // An item closed with `；` (or `;`) gets that replaced by `。`, not `；。`.
        const last = text[end - 1];
        const fix = spanFix(p, { start: end - 1, end }, last === '；' || last === ';' ? '。' : `${last}。`);
        const n = nth(it);
        report({
          ...at(p, it),
          ...(fix ? { fix } : {}),
          message: {
            'zh-CN': `${n.zh}“${it.name}”末尾缺少“。”。`,
            'en-US': `${n.en} "${it.name}" does not end with "。".`,
          },
        });
      }
    }
  },
});
