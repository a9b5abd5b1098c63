/**
 * Weights (权重 / 指标权重 / 分值) of a project's indicators sum to 100 — or to 90 where the form
 * leaves the 10 points of 预算执行率 unshown (井研, 潼南, 奉节's `年度绩效目标(90分)`).
 */
import { defineMessages, defineRule } from './rule';
import { at } from './util';

const BUDGET_EXECUTION = /预算执行率/;

const m = defineMessages({
  weights: (d: { name: string; sum: number; execution: boolean }) => ({
    'zh-CN': `项目“${d.name}”的指标权重合计为 ${d.sum}，应为 100${d.execution ? '' : '（未列预算执行率时为 90）'}。`,
    'en-US': `Project "${d.name}": the indicator weights sum to ${d.sum}; they should sum to 100${d.execution ? '' : ' (90 without a 预算执行率 line)'}.`,
  }),
});

export default defineRule({
  id: 'indicator-weight-sum',
  version: 1,
  ref: 'weights',
  family: 'structure',
  severity: 'warning',
  description: {
    'zh-CN': '指标权重（分值）合计不是 100（未列预算执行率时为 90）',
    'en-US': 'Indicator weights that do not sum to 100 (90 without a 预算执行率 line)',
  },
  messages: m,
  check({ model, report }) {
    for (const p of model.projects) {
      const items = p.parsed.items.filter((it) => it.source?.weight !== undefined);
      if (!items.length) continue;
      let total = 0;
      let execution = false;
      for (const it of items) {
        total += it.source?.weight ?? 0;
        if (BUDGET_EXECUTION.test(it.name)) execution = true;
      }
      const sum = Math.round(total * 100) / 100;
      if (sum === 100 || (sum === 90 && !execution)) continue;
      const first = items[0];
      report({
        ...at(p, first),
        cell: first.source?.weightCell ?? first.source?.cell ?? at(p, first).cell,
        indicator: null,
        expected: execution ? '100' : '100 或 90',
        actual: String(sum),
        message: m.weights({ name: p.row.name, sum, execution }),
      });
    }
  },
});
