/** S1: a project row whose 绩效指标 cell is empty has nothing to check. */
import { isBlankText } from '../text';
import { defineMessages, defineRule } from './rule';
import { at } from './util';

const m = defineMessages({
  empty: (d: { project: string }) => ({
    'zh-CN': `项目“${d.project}”未填写绩效指标。`,
    'en-US': `Project "${d.project}" has no performance indicators.`,
  }),
});

export default defineRule({
  id: 'project-indicators-empty',
  version: 1,
  ref: 'S1',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '项目未填写绩效指标', 'en-US': 'A project without any indicator text' },
  messages: m,
  check({ model, report }) {
    if (model.table.columns.indicators === undefined) return;
    for (const p of model.projects) {
      if (!isBlankText(p.row.indicatorsFull)) continue; // `—` or `无` is no goal either
      report({ ...at(p, null), message: m.empty({ project: p.row.name }) });
    }
  },
});
