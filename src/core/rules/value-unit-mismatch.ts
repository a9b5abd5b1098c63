/**
 * Where the unit has a column of its own (度量单位 / 计量单位), a value that writes another unit
 * (`28.8万元` under `%`) contradicts it: one of the two is wrong.
 */
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem } from './util';

function unitKey(u: string): string {
  return u
    .replace(/\s/g, '')
    .replace(/百分比|％/g, '%')
    .replace(/萬/g, '万');
}

const m = defineMessages({
  mismatch: (d: { ordinal: number; name: string; own: string; column: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的指标值带单位“${d.own}”，与计量单位“${d.column}”不符，请核对。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": the value's unit "${d.own}" contradicts the unit column "${d.column}".`,
  }),
});

export default defineRule({
  id: 'value-unit-mismatch',
  version: 1,
  ref: 'V5',
  family: 'values',
  severity: 'warning',
  description: {
    'zh-CN': '指标值自带的单位与计量单位列不符',
    'en-US': "A value's own unit contradicts the unit column",
  },
  messages: m,
  check({ model, report }) {
    forEachItem(model, (p, it) => {
      const column = it.source?.unitColumn;
      const own = it.source?.unitInValue;
      if (!column || !own || unitKey(column) === unitKey(own)) return;
      report({
        ...at(p, it),
        actual: `${it.annual?.raw ?? ''} / ${column}`,
        message: m.mismatch({ ordinal: it.ordinal, name: it.name, own, column }),
      });
    });
  },
});
