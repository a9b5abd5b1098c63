/** V1: a template placeholder left in (`**`, `XX`, `××`, `…`): the target was never filled in. */
import { defineRule } from './rule';
import { at, describeValues, failingValues, nth, rawOf } from './util';

export default defineRule({
  id: 'value-placeholder',
  version: 1,
  ref: 'V1',
  family: 'values',
  severity: 'error',
  description: { 'zh-CN': '指标值中留有模板占位符（**、XX、××、…）', 'en-US': 'A template placeholder left in a target (**, XX, ××, …)' },
  check({ model, report }) {
    for (const [p, it, entries] of failingValues(model, (v) => v.shape === 'placeholder')) {
      const n = nth(it);
      const d = describeValues(entries);
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: {
          'zh-CN': `${n.zh}“${it.name}”的${d.zh}，仍是模板占位符，请填写实际目标值。`,
          'en-US': `${n.en} "${it.name}": ${d.en} is still a template placeholder; enter the real target.`,
        },
      });
    }
  },
});
