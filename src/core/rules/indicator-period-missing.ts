/** S7: items normally state the 实施周期指标值 too; its absence is worth a look. */
import { defineRule } from './rule';
import { at, nth } from './util';

export default defineRule({
  id: 'indicator-period-missing',
  version: 1,
  ref: 'S7',
  family: 'structure',
  severity: 'warning',
  description: { 'zh-CN': '缺少实施周期指标值', 'en-US': 'Implementation-period target value missing' },
  check({ model, report }) {
    for (const p of model.projects) {
      for (const it of p.parsed.items) {
        if (!it.level1 || it.period) continue;
        const n = nth(it);
        report({
          ...at(p, it),
          message: {
            'zh-CN': `${n.zh}“${it.name}”缺少实施周期指标值。`,
            'en-US': `${n.en} "${it.name}" has no 实施周期指标值 (period target).`,
          },
        });
      }
    }
  },
});
