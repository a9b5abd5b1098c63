/** S9: every project states its 绩效目标. */
import { address } from '../grid';
import { isBlankText } from '../text';
import { defineMessages, defineRule } from './rule';

const m = defineMessages({
  empty: (d: { project: string }) => ({
    'zh-CN': `项目“${d.project}”未填写绩效目标。`,
    'en-US': `Project "${d.project}" has no performance goal.`,
  }),
});

export default defineRule({
  id: 'project-goal-empty',
  version: 1,
  ref: 'S9',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '项目未填写绩效目标', 'en-US': 'A project row with an empty performance goal' },
  messages: m,
  check({ model, report }) {
    if (model.table.columns.goal === undefined) return;
    for (const p of model.projects) {
      if (!isBlankText(p.row.goalFull)) continue; // `—` or `无` is no goal either
      report({
        cell: p.goalCell ?? address(p.row.row, model.table.columns.goal),
        row: p.row.row,
        project: p.row.name,
        indicator: null,
        message: m.empty({ project: p.row.name }),
      });
    }
  },
});
