/** S8: a project needs at least one 产出 and one 效益 indicator (the two halves of a goal). */
import { defineMessages, defineRule } from './rule';
import { at, hasLevel1 } from './util';

const m = defineMessages({
  /** `missing`: the 一级 kinds the project has no item of. */
  missing: (d: { project: string; missing: ('output' | 'benefit')[] }) => ({
    'zh-CN': `项目“${d.project}”没有${d.missing.map((k) => (k === 'output' ? '产出指标（1-产出指标）' : '效益指标（2-效益指标）')).join('和')}，每个项目至少应有一条。`,
    'en-US': `Project "${d.project}" has no ${d.missing.map((k) => (k === 'output' ? 'output (1-产出指标)' : 'benefit (2-效益指标)')).join(' and no ')} indicator; each project needs at least one.`,
  }),
});

export default defineRule({
  id: 'project-indicator-coverage',
  version: 1,
  ref: 'S8',
  family: 'structure',
  severity: 'error',
  description: {
    'zh-CN': '项目缺少产出指标或效益指标',
    'en-US': 'A project without any output or any benefit indicator',
  },
  messages: m,
  check({ model, report }) {
    for (const p of model.projects) {
      if (p.parsed.items.length === 0) continue; // reported as empty or unparsed
      const items = p.parsed.items;
      const missing: ('output' | 'benefit')[] = [];
      if (!hasLevel1(items, '1')) missing.push('output');
      if (!hasLevel1(items, '2')) missing.push('benefit');
      if (!missing.length) continue;
      report({ ...at(p, null), message: m.missing({ project: p.row.name, missing }) });
    }
  },
});
