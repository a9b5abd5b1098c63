/**
 * Where the unit has a column of its own (度量单位 / 计量单位), a value that writes another unit
 * (`28.8万元` under `%`) contradicts it: one of the two is wrong.
 */
import { defineRule } from './rule';
import { at, nth } from './util';

function unitKey(u: string): string {
  return u.replace(/\s/g, '').replace(/百分比|％/g, '%').replace(/萬/g, '万');
}

export default defineRule({
  id: 'value-unit-mismatch',
  version: 1,
  ref: 'V5',
  family: 'values',
  severity: 'warning',
  description: { 'zh-CN': '指标值自带的单位与计量单位列不符', 'en-US': "A value's own unit contradicts the unit column" },
  check({ model, report }) {
    for (const p of model.projects) {
      for (const it of p.parsed.items) {
        const col = it.source?.unitColumn;
        const own = it.source?.unitInValue;
        if (!col || !own || unitKey(col) === unitKey(own)) continue;
        const n = nth(it);
        report({
          ...at(p, it),
          actual: `${it.annual?.raw ?? ''} / ${col}`,
          message: {
            'zh-CN': `${n.zh}“${it.name}”的指标值带单位“${own}”，与计量单位“${col}”不符，请核对。`,
            'en-US': `${n.en} "${it.name}": the value's unit "${own}" contradicts the unit column "${col}".`,
          },
        });
      }
    }
  },
});
