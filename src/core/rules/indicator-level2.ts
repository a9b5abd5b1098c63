/** S4: a 二级 present, known, under its 一级 (first digit = 一级 code), with a matching name. */
import { judgeLevel1, judgeLevel2 } from '../indicators/framework';
import { defineRule } from './rule';
import { at, nth } from './util';

export default defineRule({
  id: 'indicator-level2',
  version: 1,
  ref: 'S4',
  family: 'structure',
  severity: 'error',
  description: {
    'zh-CN': '二级指标缺失、代码未知、不属于其一级指标，或代码与名称不符',
    'en-US': 'Level-2 missing, unknown, not under its level 1, or code and name disagree',
  },
  check({ model, report }) {
    for (const p of model.projects) {
      for (const it of p.parsed.items) {
        const l1 = it.level1;
        if (!l1) continue;
        const l2 = it.level2;
        const verdict = l2 ? judgeLevel2(l2) : undefined;
        const entry = verdict?.entry;
        // The usual case: a known 二级 with its own name, under its 一级. Nothing to build.
        if (l2 && entry && verdict?.nameOk && l2.code[0] === l1.code) continue;
        const n = nth(it);
        if (!l2) {
          report({
            ...at(p, it),
            message: {
              'zh-CN': `${n.zh}缺少二级指标（如“11-数量指标”），一级指标“${l1.code}-${l1.name}”后应紧跟二级指标。`,
              'en-US': `${n.en}: the level-2 indicator (e.g. "11-数量指标") is missing after "${l1.code}-${l1.name}".`,
            },
          });
          continue;
        }
        const written = `${l2.code}-${l2.name}`;
        if (!entry) {
          const meant = verdict?.byName;
          report({
            ...at(p, it),
            actual: written,
            message: {
              'zh-CN': `${n.zh}的二级指标“${written}”代码未知${meant ? `；“${meant.name}”的代码是 ${meant.code}` : ''}。`,
              'en-US': `${n.en}: unknown level-2 code "${written}"${meant ? `; "${meant.name}" is code ${meant.code}` : ''}.`,
            },
          });
          continue;
        }
        if (!verdict?.nameOk) {
          const meant = verdict?.byName;
          report({
            ...at(p, it),
            actual: written,
            expected: `${entry.code}-${entry.name}`,
            message: {
              'zh-CN': `${n.zh}的二级指标“${written}”代码与名称不符：代码 ${l2.code} 是“${entry.name}”${meant ? `，“${l2.name}”的代码是 ${meant.code}` : ''}。`,
              'en-US': `${n.en}: level-2 "${written}" — code ${l2.code} is "${entry.name}"${meant ? `, "${l2.name}" is code ${meant.code}` : ''}.`,
            },
          });
          continue;
        }
        // `1-效益指标；22-社会效益`: the 二级 fits the 一级 the name says; the mistyped 一级 code is
        // indicator-level1's finding, not a second one here.
        const v1 = judgeLevel1(l1);
        const meant = v1.nameOk ? undefined : v1.byName;
        if (v1.entry && l2.code[0] !== l1.code && l2.code[0] !== meant?.code) {
          report({
            ...at(p, it),
            actual: `${l1.code}-${l1.name}；${written}`,
            message: {
              'zh-CN': `${n.zh}的二级指标“${written}”不属于一级指标“${l1.code}-${l1.name}”（二级代码的首位应为一级代码 ${l1.code}）。`,
              'en-US': `${n.en}: level-2 "${written}" is not under level-1 "${l1.code}-${l1.name}" (its first digit must be ${l1.code}).`,
            },
          });
        }
      }
    }
  },
});
