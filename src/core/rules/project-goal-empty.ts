/** S9: every project states its 绩效目标. */
import { address } from '../grid';
import { isBlankText } from '../text';
import { defineRule } from './rule';

export default defineRule({
  id: 'project-goal-empty',
  version: 1,
  ref: 'S9',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '项目未填写绩效目标', 'en-US': 'A project row with an empty performance goal' },
  check({ model, report }) {
    if (model.table.columns.goal === undefined) return;
    for (const p of model.projects) {
      if (!isBlankText(p.row.goalFull)) continue; // `—` or `无` is no goal either
      report({
        cell: p.goalCell ?? address(p.row.row, model.table.columns.goal),
        row: p.row.row,
        project: p.row.name,
        indicator: null,
        message: {
          'zh-CN': `项目“${p.row.name}”未填写绩效目标。`,
          'en-US': `Project "${p.row.name}" has no performance goal.`,
        },
      });
    }
  },
});
