/** V4: comparators written as `>=`, `不低于`, `95%以上`: the fix to `≥95%` is mechanical. */
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, failingValues, rawOf, shownValues, spansFix } from './util';

const m = defineMessages({
  /** `want`: the canonical forms, each once. */
  comparator: (d: { ordinal: number; name: string; values: ShownValue[]; want: string[] }) => {
    const v = describeValues(d.values);
    const want = d.want.map((c) => `“${c}”`).join('、');
    return {
      'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的${v['zh-CN']}，比较符写法不规范，应写作${want}。`,
      'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": write ${v['en-US']} as ${want.replace(/[“”]/g, '"')}.`,
    };
  },
});

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
  messages: m,
  check({ model, report }) {
    for (const [p, it, entries] of failingValues(model, (v) => v.comparatorWritten !== null && v.canonical !== null)) {
      const canonical = entries.map((e) => e.value.canonical ?? e.value.raw);
      const fix = spansFix(
        p,
        entries.map((e, i) => ({ span: e.span, text: canonical[i] })),
      );
      report({
        ...at(p, it),
        actual: rawOf(entries),
        expected: canonical.join(' / '),
        ...(fix ? { fix } : {}),
        message: m.comparator({
          ordinal: it.ordinal,
          name: it.name,
          values: shownValues(entries),
          want: [...new Set(canonical)],
        }),
      });
    }
  },
});
