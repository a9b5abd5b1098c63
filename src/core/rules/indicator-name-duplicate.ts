/** S6: the same 三级 name twice in one project is usually a copy-and-paste slip. */
import { defineRule } from './rule';
import { at, nth } from './util';

export default defineRule({
  id: 'indicator-name-duplicate',
  version: 1,
  ref: 'S6',
  family: 'structure',
  severity: 'warning',
  description: { 'zh-CN': '同一项目中三级指标名称重复', 'en-US': 'The same indicator name twice in one project' },
  check({ model, report }) {
    for (const p of model.projects) {
      const first = new Map<string, number>();
      for (const it of p.parsed.items) {
        const key = /[\s\u3000]/.test(it.name) ? it.name.replace(/[\s\u3000]/g, '') : it.name;
        if (!key) continue;
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, it.ordinal);
          continue;
        }
        const n = nth(it);
        report({
          ...at(p, it),
          actual: it.name,
          message: {
            'zh-CN': `${n.zh}“${it.name}”与第 ${earlier} 条指标名称重复，请确认是否重复填写。`,
            'en-US': `${n.en} "${it.name}" repeats the name of indicator ${earlier}.`,
          },
        });
      }
    }
  },
});
