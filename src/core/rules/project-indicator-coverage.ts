/** S8: a project needs at least one 产出 and one 效益 indicator (the two halves of a goal). */
import { defineRule } from './rule';
import { at, level1Code } from './util';

export default defineRule({
  id: 'project-indicator-coverage',
  version: 1,
  ref: 'S8',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '项目缺少产出指标或效益指标', 'en-US': 'A project without any output or any benefit indicator' },
  check({ model, report }) {
    for (const p of model.projects) {
      if (p.parsed.items.length === 0) continue; // reported as empty or unparsed
      const codes = new Set(p.parsed.items.map(level1Code));
      const missing: { zh: string; en: string }[] = [];
      if (!codes.has('1')) missing.push({ zh: '产出指标（1-产出指标）', en: 'output (1-产出指标)' });
      if (!codes.has('2')) missing.push({ zh: '效益指标（2-效益指标）', en: 'benefit (2-效益指标)' });
      if (!missing.length) continue;
      report({
        ...at(p, null),
        message: {
          'zh-CN': `项目“${p.row.name}”没有${missing.map((m) => m.zh).join('和')}，每个项目至少应有一条。`,
          'en-US': `Project "${p.row.name}" has no ${missing.map((m) => m.en).join(' and no ')} indicator; each project needs at least one.`,
        },
      });
    }
  },
});
