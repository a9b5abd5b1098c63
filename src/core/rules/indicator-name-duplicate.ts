/** S6: the same 三级 name twice in one project is usually a copy-and-paste slip. */
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at } from './util';

const m = defineMessages({
  /** `first`: the ordinal of the earlier item with the same name. */
  duplicate: (d: { ordinal: number; name: string; first: number }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”与第 ${d.first} 条指标名称重复，请确认是否重复填写。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}" repeats the name of indicator ${d.first}.`,
  }),
});

export default defineRule({
  id: 'indicator-name-duplicate',
  version: 1,
  ref: 'S6',
  family: 'structure',
  severity: 'warning',
  description: { 'zh-CN': '同一项目中三级指标名称重复', 'en-US': 'The same indicator name twice in one project' },
  messages: m,
  check({ model, report }) {
    for (const p of model.projects) {
      const items = p.parsed.items;
      // Cells hold a handful of items: compare with the earlier ones, no map per project.
      const keys = items.map((it) => (/[\s\u3000]/.test(it.name) ? it.name.replace(/[\s\u3000]/g, '') : it.name));
      const firstAt = items.length > 32 ? firstIndexMap(keys) : null;
      for (let i = 0; i < items.length; i++) {
        const key = keys[i];
        if (!key) continue;
        let earlier = firstAt ? (firstAt.get(key) ?? i) : i;
        if (!firstAt)
          for (let j = 0; j < i; j++)
            if (keys[j] === key) {
              earlier = j;
              break;
            }
        if (earlier === i) continue;
        const it = items[i];
        report({
          ...at(p, it),
          actual: it.name,
          message: m.duplicate({ ordinal: it.ordinal, name: it.name, first: items[earlier].ordinal }),
        });
      }
    }
  },
});

/** For cells with many items: the first index of each name. */
function firstIndexMap(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  keys.forEach((k, i) => {
    if (k && !m.has(k)) m.set(k, i);
  });
  return m;
}
