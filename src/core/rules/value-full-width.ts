/** Format: full-width digits or signs inside a value (`≥９０％`) read fine here but sort and sum badly elsewhere. */
import { syntaxForm } from '../indicators/normalise';
import { defineRule } from './rule';
import { at, describeValues, failingValues, nth, rawOf, spansFix } from './util';

const FULL_WIDTH = /[０-９％＞＜＝．，－]/;

export default defineRule({
  id: 'value-full-width',
  version: 1,
  ref: 'V4',
  family: 'values',
  severity: 'info',
  description: { 'zh-CN': '指标值中使用了全角数字或符号', 'en-US': 'Full-width digits or signs in a target value' },
  check({ model, report }) {
    // A value whose comparator is rewritten by value-comparator-form gets its whole canonical form
    // there (`＞＝90％` → `≥90%`); offering `>=90%` here as well would contradict that fix.
    for (const [p, it, entries] of failingValues(model, (v) => v.comparatorWritten === null && FULL_WIDTH.test(v.raw))) {
      const fixed = entries.map((e) => syntaxForm(e.value.raw));
      const fix = spansFix(p, entries.map((e, i) => ({ span: e.span, text: fixed[i] })));
      const n = nth(it);
      const d = describeValues(entries);
      report({
        ...at(p, it),
        actual: rawOf(entries),
        expected: fixed.join(' / '),
        ...(fix ? { fix } : {}),
        message: {
          'zh-CN': `${n.zh}“${it.name}”的${d.zh}，含全角数字或符号，建议改为半角“${[...new Set(fixed)].join('”“')}”。`,
          'en-US': `${n.en} "${it.name}": ${d.en} uses full-width characters; "${[...new Set(fixed)].join('", "')}" is the usual form.`,
        },
      });
    }
  },
});
