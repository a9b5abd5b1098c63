/**
 * S3 / S4 by name, for grids that write levels without codes (forms, flat lists): a 一级 that is none
 * of 产出 / 效益 / 满意度 / 成本, and a 二级 that clearly belongs to another 一级 (a 数量指标 under
 * 效益指标). A 二级 whose family its words do not tell is left alone (docs/layouts.md §4).
 */
import { level1CodeByName, level2CodeByName } from '../indicators/level-names';
import { LEVEL1 } from '../indicators/framework';
import { defineRule } from './rule';
import { at, nth } from './util';

const NAME_OF = new Map(LEVEL1.map((e) => [e.code, e.name]));

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
  check({ model, report }) {
    const seen = new Set<string>();
    for (const p of model.projects) {
      for (const it of p.parsed.items) {
        const src = it.source;
        if (!src) continue;
        const l1 = src.level1Written;
        const l2 = src.level2Written;
        const code1 = l1 ? level1CodeByName(l1) : null;
        const n = nth(it);
        if (l1 && !code1) {
          report({
            ...at(p, it),
            actual: l1,
            message: {
              'zh-CN': `${n.zh}“${it.name}”的一级指标“${l1}”不是产出指标、效益指标、满意度指标或成本指标。`,
              'en-US': `${n.en} "${it.name}": level 1 "${l1}" is none of 产出 / 效益 / 满意度 / 成本.`,
            },
          });
          continue;
        }
        if (!l2 || !code1) continue;
        const code2 = level2CodeByName(l2, code1);
        if (!code2 || code2[0] === code1 || (code2 === '14' && code1 === '4')) continue;
        // One finding per written 二级 cell: merged down, it covers several rows.
        const key = src.level2Cell ?? `${src.row}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const belongs = NAME_OF.get(code2[0]) ?? '';
        report({
          ...at(p, it),
          cell: src.level2Cell ?? src.cell,
          actual: `${l1}；${l2}`,
          message: {
            'zh-CN': `二级指标“${l2}”属于${belongs}，不应列在一级指标“${l1}”下（${n.zh}“${it.name}”）。`,
            'en-US': `Level 2 "${l2}" belongs under ${belongs}, not under level 1 "${l1}" (${n.en} "${it.name}").`,
          },
        });
      }
    }
  },
});
