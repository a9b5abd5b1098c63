/** S5: every item names its 三级 indicator. */
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem } from './util';

const m = defineMessages({
  empty: (d: { ordinal: number }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}缺少三级指标名称（二级指标之后、“实施周期指标值”之前应写明指标名称）。`,
    'en-US': `${nth(d.ordinal)['en-US']} has no level-3 name (it goes between the level-2 indicator and 实施周期指标值).`,
  }),
});

export default defineRule({
  id: 'indicator-name-empty',
  version: 1,
  ref: 'S5',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '三级指标名称为空', 'en-US': 'Empty level-3 indicator name' },
  messages: m,
  check({ model, report }) {
    forEachItem(model, (p, it) => {
      if (!it.level1 || it.name !== '') return; // the parser trims names: blank means empty
      report({ ...at(p, it), message: m.empty({ ordinal: it.ordinal }) });
    });
  },
});
