/** S8: projects normally carry a 满意度 indicator; without one a person should look. */
import { defineMessages, defineRule } from './rule';
import { at, hasLevel1 } from './util';

const m = defineMessages({
  missing: (d: { project: string }) => ({
    'zh-CN': `项目“${d.project}”没有满意度指标（3-满意度指标），请确认是否需要设置。`,
    'en-US': `Project "${d.project}" has no satisfaction indicator (3-满意度指标); check whether one is needed.`,
  }),
});

export default defineRule({
  id: 'project-no-satisfaction',
  version: 1,
  ref: 'S8',
  family: 'structure',
  severity: 'warning',
  description: { 'zh-CN': '项目没有满意度指标', 'en-US': 'A project without a satisfaction indicator' },
  messages: m,
  check({ model, report }) {
    for (const p of model.projects) {
      if (p.parsed.items.length === 0) continue;
      if (hasLevel1(p.parsed.items, '3')) continue;
      report({ ...at(p, null), message: m.missing({ project: p.row.name }) });
    }
  },
});
