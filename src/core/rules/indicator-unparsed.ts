/** S1: 绩效指标 text that does not parse into items; leftover text is reported with its position. */
import { isBlankText } from '../text';
import { defineRule } from './rule';
import { at, nth, quote } from './util';

export default defineRule({
  id: 'indicator-unparsed',
  version: 1,
  ref: 'S1',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '绩效指标文字无法按格式识别', 'en-US': 'Indicator text that does not parse into items' },
  check({ model, report }) {
    for (const p of model.projects) {
      if (isBlankText(p.row.indicatorsFull)) continue; // `—`, `无`: project-indicators-empty says it
      for (const l of p.parsed.leftovers) {
        const pos = l.start + 1;
        const none = p.parsed.items.length === 0;
        report({
          ...at(p, null),
          actual: l.text,
          message: {
            'zh-CN': none
              ? `绩效指标无法识别：未找到“1、1-产出指标；11-数量指标；指标名称；实施周期指标值:…；年度指标值:…。”格式的条目。原文 ${quote(l.text)}`
              : `绩效指标第 ${pos} 个字起的文字不属于任何一条指标：${quote(l.text)}。请检查编号“N、”是否缺失。`,
            'en-US': none
              ? `Indicators cannot be read: no item of the form "1、1-产出指标；11-数量指标；name；实施周期指标值:…；年度指标值:…。" was found. Text: ${quote(l.text)}`
              : `Text from character ${pos} belongs to no indicator: ${quote(l.text)}. Check for a missing "N、" number.`,
          },
        });
      }
      for (const it of p.parsed.items) {
        if (!it.problems.includes('extra-text') || it.extra === null) continue;
        const n = nth(it);
        const swallowed = it.extra === it.annual?.raw;
        const where =
          it.extraAt === null ? { zh: '', en: '' } : { zh: `（第 ${it.extraAt + 1} 个字起）`, en: ` (from character ${it.extraAt + 1})` };
        report({
          ...at(p, it),
          actual: it.extra,
          message: {
            'zh-CN': swallowed
              ? `${n.zh}的年度指标值里混入了下一条指标的内容：${quote(it.extra)}，可能缺少“。”和编号“N、”。`
              : `${n.zh}之后${where.zh}还有不属于任何指标的文字：${quote(it.extra)}，可能缺少编号“N、”或多写了内容。`,
            'en-US': swallowed
              ? `${n.en}: the annual value runs into the next indicator: ${quote(it.extra)}; a "。" and a number "N、" may be missing.`
              : `${n.en}: text after it${where.en} belongs to no indicator: ${quote(it.extra)}; a number "N、" may be missing.`,
          },
        });
      }
    }
  },
});
