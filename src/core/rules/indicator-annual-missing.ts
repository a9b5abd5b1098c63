/** S7: every item states its 年度指标值 (the value the year is judged against). */
import { defineRule } from './rule';
import { at, nth } from './util';

export default defineRule({
  id: 'indicator-annual-missing',
  version: 1,
  ref: 'S7',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '缺少年度指标值', 'en-US': 'Annual target value missing' },
  check({ model, report }) {
    for (const p of model.projects) {
      for (const it of p.parsed.items) {
        if (!it.level1 || it.annual) continue;
        const n = nth(it);
        const keyword = it.problems.includes('no-annual-keyword');
        report({
          ...at(p, it),
          message: {
            'zh-CN': keyword
              ? `${n.zh}“${it.name}”缺少“年度指标值:…”。`
              : `${n.zh}“${it.name}”的年度指标值为空。`,
            'en-US': keyword
              ? `${n.en} "${it.name}" has no 年度指标值 (annual target).`
              : `${n.en} "${it.name}": the annual target is empty.`,
          },
        });
      }
    }
  },
});
