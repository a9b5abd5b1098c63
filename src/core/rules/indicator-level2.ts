/** S4: a 二级 present, known, under its 一级 (first digit = 一级 code), with a matching name. */
import { judgeLevel1, judgeLevel2 } from '../indicators/framework';
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem } from './util';

const m = defineMessages({
  /** `level1`: the 一级 as written (`1-产出指标`). */
  missing: (d: { ordinal: number; level1: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}缺少二级指标（如“11-数量指标”），一级指标“${d.level1}”后应紧跟二级指标。`,
    'en-US': `${nth(d.ordinal)['en-US']}: the level-2 indicator (e.g. "11-数量指标") is missing after "${d.level1}".`,
  }),
  /** `meant`: the known 二级 the written name denotes, if any. */
  unknown: (d: { ordinal: number; written: string; meant: { code: string; name: string } | null }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}的二级指标“${d.written}”代码未知${d.meant ? `；“${d.meant.name}”的代码是 ${d.meant.code}` : ''}。`,
    'en-US': `${nth(d.ordinal)['en-US']}: unknown level-2 code "${d.written}"${d.meant ? `; "${d.meant.name}" is code ${d.meant.code}` : ''}.`,
  }),
  nameMismatch: (d: {
    ordinal: number;
    written: string;
    code: string;
    codeMeans: string;
    name: string;
    nameCode: string | null;
  }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}的二级指标“${d.written}”代码与名称不符：代码 ${d.code} 是“${d.codeMeans}”${d.nameCode ? `，“${d.name}”的代码是 ${d.nameCode}` : ''}。`,
    'en-US': `${nth(d.ordinal)['en-US']}: level-2 "${d.written}" — code ${d.code} is "${d.codeMeans}"${d.nameCode ? `, "${d.name}" is code ${d.nameCode}` : ''}.`,
  }),
  notUnder: (d: { ordinal: number; written: string; level1: string; level1Code: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}的二级指标“${d.written}”不属于一级指标“${d.level1}”（二级代码的首位应为一级代码 ${d.level1Code}）。`,
    'en-US': `${nth(d.ordinal)['en-US']}: level-2 "${d.written}" is not under level-1 "${d.level1}" (its first digit must be ${d.level1Code}).`,
  }),
});

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
  messages: m,
  check({ model, report }) {
    forEachItem(model, (p, it) => {
      const l1 = it.level1;
      if (!l1) return;
      const l2 = it.level2;
      const verdict = l2 ? judgeLevel2(l2) : undefined;
      const entry = verdict?.entry;
      // The usual case: a known 二级 with its own name, under its 一级. Nothing to build.
      if (l2 && entry && verdict?.nameOk && l2.code[0] === l1.code) return;
      const ordinal = it.ordinal;
      const level1 = `${l1.code}-${l1.name}`;
      if (!l2) {
        report({ ...at(p, it), message: m.missing({ ordinal, level1 }) });
        return;
      }
      const written = `${l2.code}-${l2.name}`;
      if (!entry) {
        const meant = verdict?.byName;
        report({
          ...at(p, it),
          actual: written,
          message: m.unknown({ ordinal, written, meant: meant ? { code: meant.code, name: meant.name } : null }),
        });
        return;
      }
      if (!verdict?.nameOk) {
        report({
          ...at(p, it),
          actual: written,
          expected: `${entry.code}-${entry.name}`,
          message: m.nameMismatch({
            ordinal,
            written,
            code: l2.code,
            codeMeans: entry.name,
            name: l2.name,
            nameCode: verdict?.byName?.code ?? null,
          }),
        });
        return;
      }
      // `1-效益指标；22-社会效益`: the 二级 fits the 一级 the name says; the mistyped 一级 code is
      // indicator-level1's finding, not a second one here.
      const v1 = judgeLevel1(l1);
      const meant = v1.nameOk ? undefined : v1.byName;
      if (v1.entry && l2.code[0] !== l1.code && l2.code[0] !== meant?.code) {
        report({
          ...at(p, it),
          actual: `${level1}；${written}`,
          message: m.notUnder({ ordinal, written, level1, level1Code: l1.code }),
        });
      }
    });
  },
});
