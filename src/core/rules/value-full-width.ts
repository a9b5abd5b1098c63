/** Format: full-width digits or signs inside a value (`≥９０％`) read fine here but sort and sum badly elsewhere. */
import { syntaxForm } from '../indicators/normalise';
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, failingValues, rawOf, shownValues, spansFix } from './util';

const FULL_WIDTH = /[０-９％＞＜＝．，－]/;

const m = defineMessages({
  /** `halfWidth`: the values rewritten in half-width characters, each once. */
  fullWidth: (d: { ordinal: number; name: string; values: ShownValue[]; halfWidth: string[] }) => {
    const v = describeValues(d.values);
    return {
      'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的${v['zh-CN']}，含全角数字或符号，建议改为半角“${d.halfWidth.join('”“')}”。`,
      'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": ${v['en-US']} uses full-width characters; "${d.halfWidth.join('", "')}" is the usual form.`,
    };
  },
});

export default defineRule({
  id: 'value-full-width',
  version: 1,
  ref: 'V4',
  family: 'values',
  severity: 'info',
  description: { 'zh-CN': '指标值中使用了全角数字或符号', 'en-US': 'Full-width digits or signs in a target value' },
  messages: m,
  check({ model, report }) {
    // A value whose comparator is rewritten by value-comparator-form gets its whole canonical form
    // there (`＞＝90％` → `≥90%`); offering `>=90%` here as well would contradict that fix.
    for (const [p, it, entries] of failingValues(
      model,
      (v) => v.comparatorWritten === null && FULL_WIDTH.test(v.raw),
    )) {
      const fixed = entries.map((e) => syntaxForm(e.value.raw));
      const fix = spansFix(
        p,
        entries.map((e, i) => ({ span: e.span, text: fixed[i] })),
      );
      report({
        ...at(p, it),
        actual: rawOf(entries),
        expected: fixed.join(' / '),
        ...(fix ? { fix } : {}),
        message: m.fullWidth({
          ordinal: it.ordinal,
          name: it.name,
          values: shownValues(entries),
          halfWidth: [...new Set(fixed)],
        }),
      });
    }
  },
});
