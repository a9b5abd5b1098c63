/** S1: a project row whose 绩效指标 cell is empty has nothing to check. */
import { isBlankText } from '../text';
import { defineRule } from './rule';
import { at } from './util';

export default defineRule({
  id: 'project-indicators-empty',
  version: 1,
  ref: 'S1',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '项目未填写绩效指标', 'en-US': 'A project without any indicator text' },
  check({ model, report }) {
    if (model.table.columns.indicators === undefined) return;
    for (const p of model.projects) {
      if (!isBlankText(p.row.indicatorsFull)) continue; // `—` or `无` is no goal either
      report({
        ...at(p, null),
        message: {
          'zh-CN': `项目“${p.row.name}”未填写绩效指标。`,
          'en-US': `Project "${p.row.name}" has no performance indicators.`,
        },
      });
    }
  },
});
