/** S3: a known 一级 code whose name agrees with it (`1-效益指标` is wrong). */
import { LEVEL1, judgeLevel1 } from '../indicators/framework';
import { nth } from '../messages/words';
import { defineMessages, defineRule } from './rule';
import { at, forEachItem } from './util';

const KNOWN = LEVEL1.map((e) => `${e.code}-${e.name}`).join('、');

const m = defineMessages({
  unknown: (d: { ordinal: number; written: string }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}的一级指标“${d.written}”代码未知，应为：${KNOWN}。`,
    'en-US': `${nth(d.ordinal)['en-US']}: unknown level-1 indicator "${d.written}"; expected one of ${KNOWN}.`,
  }),
  /** `codeMeans`: the name of the written code; `nameCode`: the code of the written name, if known. */
  nameMismatch: (d: {
    ordinal: number;
    written: string;
    code: string;
    codeMeans: string;
    name: string;
    nameCode: string | null;
  }) => ({
    'zh-CN': `${nth(d.ordinal)['zh-CN']}的一级指标“${d.written}”代码与名称不符：代码 ${d.code} 是“${d.codeMeans}”${d.nameCode ? `，“${d.name}”的代码是 ${d.nameCode}` : ''}。`,
    'en-US': `${nth(d.ordinal)['en-US']}: level-1 "${d.written}" — code ${d.code} is "${d.codeMeans}"${d.nameCode ? `, "${d.name}" is code ${d.nameCode}` : ''}.`,
  }),
});

export default defineRule({
  id: 'indicator-level1',
  version: 1,
  ref: 'S3',
  family: 'structure',
  severity: 'error',
  description: {
    'zh-CN': '一级指标代码未知，或代码与名称不符',
    'en-US': 'Unknown level-1 code, or code and name disagree',
  },
  messages: m,
  check({ model, report }) {
    forEachItem(model, (p, it) => {
      const l1 = it.level1;
      if (!l1) return;
      const verdict = judgeLevel1(l1);
      const entry = verdict.entry;
      if (entry && verdict.nameOk) return; // the usual case: nothing to build
      const written = `${l1.code}-${l1.name}`;
      if (!entry) {
        report({ ...at(p, it), actual: written, message: m.unknown({ ordinal: it.ordinal, written }) });
      } else {
        report({
          ...at(p, it),
          actual: written,
          expected: `${entry.code}-${entry.name}`,
          message: m.nameMismatch({
            ordinal: it.ordinal,
            written,
            code: l1.code,
            codeMeans: entry.name,
            name: l1.name,
            nameCode: verdict.byName?.code ?? null,
          }),
        });
      }
    });
  },
});
