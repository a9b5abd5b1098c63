/** V4: comparators written as `>=`, `不低于`, `95%以上`: the fix to `≥95%` is mechanical. */
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import type { ParsedIndicator } from '../indicators/parse';
import { parseTargetValue } from '../indicators/value';
import type { Fix } from '../report';
import { type ValueEntry, at, failingValues, rawOf, shownValues, spansFix } from './util';

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

/**
 * A comparator in a column of its own (`≧ | 95 | %`): the fix rewrites that cell alone, to the sign,
 * when that cell holds the whole odd comparator (a `以上` in the value cell is beyond its reach).
 */
function comparatorCellFix(it: ParsedIndicator, entries: readonly ValueEntry[]): Fix | null {
  const own = it.source?.comparatorCell;
  if (!own || entries.length !== 1 || entries[0].which !== 'annual') return null;
  const v = entries[0].value;
  const written = own.text.trim();
  if (v.comparator === null || v.comparatorWritten !== written || !v.raw.startsWith(written)) return null;
  // `>= | 95%以上`: rewriting the sign alone would leave the `以上` behind; no one-cell fix then.
  if (parseTargetValue(v.comparator + v.raw.slice(written.length)).comparatorWritten !== null) return null;
  return { cell: own.cell, before: own.text, text: v.comparator };
}

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
      const fix =
        comparatorCellFix(it, entries) ??
        spansFix(
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
