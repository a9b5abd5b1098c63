/**
 * S3 / S4 by name, for grids that write levels without codes (forms, flat lists): a 一级 that is none
 * of 产出 / 效益 / 满意度 / 成本, and a 二级 that clearly belongs to another 一级 (a 数量指标 under
 * 效益指标). A 二级 whose family its words do not tell is left alone (docs/layouts.md §4).
 */
import { level1CodeByName, level2CodeByName } from '../indicators/level-names';
import { LEVEL1 } from '../indicators/framework';
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem } from './util';

const NAME_OF = new Map(LEVEL1.map((e) => [e.code, e.name]));

const m = defineMessages({
  unknownLevel1: (d: { ordinal: number; name: string; level1: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}“${d.name}”的一级指标“${d.level1}”不是产出指标、效益指标、满意度指标或成本指标。`,
    'en-US': `${nth(d.ordinal)['en-US']} "${d.name}": level 1 "${d.level1}" is none of 产出 / 效益 / 满意度 / 成本.`,
  }),
  wrongLevel1: (d: { ordinal: number; name: string; level1: string; level2: string; belongs: string }) => ({
    'zh-CN': `二级指标“${d.level2}”属于${d.belongs}，不应列在一级指标“${d.level1}”下（${nth(d.ordinal)['zh-CN']}“${d.name}”）。`,
    'en-US': `Level 2 "${d.level2}" belongs under ${d.belongs}, not under level 1 "${d.level1}" (${nth(d.ordinal)['en-US']} "${d.name}").`,
  }),
});

export default defineRule({
  id: 'indicator-level-name',
  version: 1,
  ref: 'S3/S4',
  family: 'structure',
  severity: 'error',
  description: {
    'zh-CN': '一级指标名称不是产出、效益、满意度或成本指标，或二级指标不属于其一级指标',
    'en-US': 'A level-1 name that is no known level, or a level-2 under the wrong level 1',
  },
  messages: m,
  check({ model, report }) {
    const seen = new Set<string>();
    forEachItem(model, (p, it) => {
      const src = it.source;
      if (!src) return;
      const l1 = src.level1Written;
      const l2 = src.level2Written;
      const code1 = l1 ? level1CodeByName(l1) : null;
      if (l1 && !code1) {
        report({
          ...at(p, it),
          actual: l1,
          message: m.unknownLevel1({ ordinal: it.ordinal, name: it.name, level1: l1 }),
        });
        return;
      }
      if (!l2 || !l1 || !code1) return;
      const code2 = level2CodeByName(l2, code1);
      if (!code2 || code2[0] === code1) return;
      // One finding per written 二级 cell: merged down, it covers several rows.
      const key = src.level2Cell ?? `${src.row}`;
      if (seen.has(key)) return;
      seen.add(key);
      report({
        ...at(p, it),
        cell: src.level2Cell ?? src.cell,
        actual: `${l1}；${l2}`,
        message: m.wrongLevel1({
          ordinal: it.ordinal,
          name: it.name,
          level1: l1,
          level2: l2,
          belongs: NAME_OF.get(code2[0]) ?? '',
        }),
      });
    });
  },
});
