/** V1: a template placeholder left in (`**`, `XX`, `××`, `…`): the target was never filled in. */
import { describeValues, nth, type ShownValue } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, failingValues, rawOf, shownValues } from './util';

const m = defineMessages({
  placeholder: (d: { ordinal: number; name: string; values: ShownValue[] }) => {
    const v = describeValues(d.values);
    return {
      'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的${v['zh-CN']}，仍是模板占位符，请填写实际目标值。`,
      'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": ${v['en-US']} is still a template placeholder; enter the real target.`,
    };
  },
});

export default defineRule({
  id: 'value-placeholder',
  version: 1,
  ref: 'V1',
  family: 'values',
  severity: 'error',
  description: {
    'zh-CN': '指标值中留有模板占位符（**、XX、××、…）',
    'en-US': 'A template placeholder left in a target (**, XX, ××, …)',
  },
  messages: m,
  check({ model, report }) {
    for (const [p, it, entries] of failingValues(model, (v) => v.shape === 'placeholder')) {
      report({
        ...at(p, it),
        actual: rawOf(entries),
        message: m.placeholder({ ordinal: it.ordinal, name: it.name, values: shownValues(entries) }),
      });
    }
  },
});
