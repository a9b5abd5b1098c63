/** V4: comparators written as `>=`, `不低于`, `95%以上`: the fix to `≥95%` is mechanical. */
import { defineRule } from './rule';
import { at, describeValues, failingValues, nth, rawOf, spansFix } from './util';

export default defineRule({
  id: 'value-comparator-form',
  version: 1,
  ref: 'V4',
  family: 'values',
  severity: 'warning',
  description: {
    'zh-CN': '比较符写法不规范（>=、不低于、95%以上），应写作 ≥、≤',
    'en-US': 'Non-canonical comparator (>=, 不低于, 95%以上); write ≥ or ≤',
  },
  check({ model, report }) {
    for (const [p, it, entries] of failingValues(model, (v) => v.comparatorWritten !== null && v.canonical !== null)) {
      const n = nth(it);
      const d = describeValues(entries);
      const canonical = entries.map((e) => e.value.canonical ?? e.value.raw);
      const fix = spansFix(p, entries.map((e, i) => ({ span: e.span, text: canonical[i] })));
      const want = [...new Set(canonical)].map((c) => `“${c}”`).join('、');
      report({
        ...at(p, it),
        actual: rawOf(entries),
        expected: canonical.join(' / '),
        ...(fix ? { fix } : {}),
        message: {
          'zh-CN': `${n.zh}“${it.name}”的${d.zh}，比较符写法不规范，应写作${want}。`,
          'en-US': `${n.en} "${it.name}": write ${d.en} as ${want.replace(/[“”]/g, '"')}.`,
        },
      });
    }
  },
});
