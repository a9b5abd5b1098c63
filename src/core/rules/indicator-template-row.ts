/**
 * Grid rows left from the template: a 二级 with no 三级 and no value (`经济效益指标` alone), or a
 * `定性` mark with no words. Not an indicator and never a parse failure: a warning to fill or delete.
 */
import { defineMessages, defineRule } from './rule';

const m = defineMessages({
  noIndicator: (d: { row: number; level2: string }) => ({
    'zh-CN': `第 ${d.row} 行只有二级指标“${d.level2}”，没有三级指标和指标值：请填写，或删除这一模板行。`,
    'en-US': `Row ${d.row} has the level 2 "${d.level2}" but no indicator and no target: fill it in or delete the template row.`,
  }),
  qualitativeEmpty: (d: { name: string }) => ({
    'zh-CN': `指标“${d.name}”标为定性，但没有写出目标（文字描述）。`,
    'en-US': `Indicator "${d.name}" is marked qualitative but states no target.`,
  }),
});

export default defineRule({
  id: 'indicator-template-row',
  version: 1,
  ref: 'S7',
  family: 'structure',
  severity: 'warning',
  description: {
    'zh-CN': '指标表中留有空白模板行（只有二级指标），或定性指标未写内容',
    'en-US': 'A template row left in the grid (a level 2 alone), or a qualitative target with no words',
  },
  messages: m,
  check({ model, report }) {
    for (const p of model.projects) {
      for (const t of p.extra?.templates ?? []) {
        report({
          cell: t.cell,
          row: t.row,
          project: p.row.name,
          indicator: null,
          actual: t.level2 ?? t.name ?? '',
          message:
            t.what === 'no-indicator'
              ? m.noIndicator({ row: t.row, level2: t.level2 ?? '' })
              : m.qualitativeEmpty({ name: t.name ?? '' }),
        });
      }
    }
  },
});
