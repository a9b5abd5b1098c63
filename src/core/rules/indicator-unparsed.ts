/** S1: 绩效指标 text that does not parse into items; leftover text is reported with its position. */
import { isBlankText } from '../text';
import { nth, quote } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at } from './util';

const m = defineMessages({
  /** Nothing in the cell reads as an item. */
  noItems: (d: { text: string }) => ({
    'zh-CN': `绩效指标无法识别：未找到“1、1-产出指标；11-数量指标；指标名称；实施周期指标值:…；年度指标值:…。”格式的条目。原文 ${quote(d.text)}`,
    'en-US': `Indicators cannot be read: no item of the form "1、1-产出指标；11-数量指标；name；实施周期指标值:…；年度指标值:…。" was found. Text: ${quote(d.text)}`,
  }),
  /** Text between items; `position`: its first character, counted from 1. */
  leftover: (d: { text: string; position: number }) => ({
    'zh-CN': `绩效指标第 ${d.position} 个字起的文字不属于任何一条指标：${quote(d.text)}。请检查编号“N、”是否缺失。`,
    'en-US': `Text from character ${d.position} belongs to no indicator: ${quote(d.text)}. Check for a missing "N、" number.`,
  }),
  /** The annual value ran on into what looks like the next item. */
  swallowed: (d: { ordinal: number; text: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}的年度指标值里混入了下一条指标的内容：${quote(d.text)}，可能缺少“。”和编号“N、”。`,
    'en-US': `${nth(d.ordinal)['en-US']}: the annual value runs into the next indicator: ${quote(d.text)}; a "。" and a number "N、" may be missing.`,
  }),
  /** Text after an item; `position`: where it starts, counted from 1, when known. */
  extra: (d: { ordinal: number; text: string; position: number | null }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}之后${d.position === null ? '' : `（第 ${d.position} 个字起）`}还有不属于任何指标的文字：${quote(d.text)}，可能缺少编号“N、”或多写了内容。`,
    'en-US': `${nth(d.ordinal)['en-US']}: text after it${d.position === null ? '' : ` (from character ${d.position})`} belongs to no indicator: ${quote(d.text)}; a number "N、" may be missing.`,
  }),
});

export default defineRule({
  id: 'indicator-unparsed',
  version: 1,
  ref: 'S1',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '绩效指标文字无法按格式识别', 'en-US': 'Indicator text that does not parse into items' },
  messages: m,
  check({ model, report }) {
    for (const p of model.projects) {
      if (isBlankText(p.row.indicatorsFull)) continue; // `—`, `无`: project-indicators-empty says it
      for (const l of p.parsed.leftovers) {
        const none = p.parsed.items.length === 0;
        report({
          ...at(p, null),
          actual: l.text,
          message: none ? m.noItems({ text: l.text }) : m.leftover({ text: l.text, position: l.start + 1 }),
        });
      }
      for (const it of p.parsed.items) {
        if (!it.problems.includes('extra-text') || it.extra === null) continue;
        const swallowed = it.extra === it.annual?.raw;
        const position = it.extraAt === null ? null : it.extraAt + 1;
        report({
          ...at(p, it),
          actual: it.extra,
          message: swallowed
            ? m.swallowed({ ordinal: it.ordinal, text: it.extra })
            : m.extra({ ordinal: it.ordinal, text: it.extra, position }),
        });
      }
    }
  },
});
