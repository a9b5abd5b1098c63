/** S3: a known 一级 code whose name agrees with it (`1-效益指标` is wrong). */
import { LEVEL1, judgeLevel1 } from '../indicators/framework';
import { defineRule } from './rule';
import { at, nth } from './util';

const KNOWN = LEVEL1.map((e) => `${e.code}-${e.name}`).join('、');

export default defineRule({
  id: 'indicator-level1',
  version: 1,
  ref: 'S3',
  family: 'structure',
  severity: 'error',
  description: { 'zh-CN': '一级指标代码未知，或代码与名称不符', 'en-US': 'Unknown level-1 code, or code and name disagree' },
  check({ model, report }) {
    for (const p of model.projects) {
      for (const it of p.parsed.items) {
        const l1 = it.level1;
        if (!l1) continue;
        const verdict = judgeLevel1(l1);
        const entry = verdict.entry;
        if (entry && verdict.nameOk) continue; // the usual case: nothing to build
        const n = nth(it);
        const written = `${l1.code}-${l1.name}`;
        if (!entry) {
          report({
            ...at(p, it),
            actual: written,
            message: {
              'zh-CN': `${n.zh}的一级指标“${written}”代码未知，应为：${KNOWN}。`,
              'en-US': `${n.en}: unknown level-1 indicator "${written}"; expected one of ${KNOWN}.`,
            },
          });
        } else {
          const meant = verdict.byName;
          report({
            ...at(p, it),
            actual: written,
            expected: `${entry.code}-${entry.name}`,
            message: {
              'zh-CN': `${n.zh}的一级指标“${written}”代码与名称不符：代码 ${l1.code} 是“${entry.name}”${meant ? `，“${l1.name}”的代码是 ${meant.code}` : ''}。`,
              'en-US': `${n.en}: level-1 "${written}" — code ${l1.code} is "${entry.name}"${meant ? `, "${l1.name}" is code ${meant.code}` : ''}.`,
            },
          });
        }
      }
    }
  },
});
