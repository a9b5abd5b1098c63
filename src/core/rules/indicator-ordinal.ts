/** S2: items are numbered 1..n without gap, repeat or disorder. */
import { defineRule } from './rule';
import { at } from './util';

export default defineRule({
  id: 'indicator-ordinal',
  version: 1,
  ref: 'S2',
  family: 'structure',
  severity: 'warning',
  description: { 'zh-CN': '指标编号不是 1、2、3…连续编号', 'en-US': 'Indicator numbers are not 1..n' },
  check({ model, report }) {
    for (const p of model.projects) {
      let expected = 1;
      const list = p.parsed.items;
      const swapped = new Set<number>();
      for (let i = 0; i < list.length; i++) {
        const it = list[i];
        let zh: string | null = null;
        let en: string | null = null;
        // A repeat is always below the next expected number: only then look back (items are few).
        let repeat = false;
        if (it.ordinal < expected) for (let j = 0; j < i && !repeat; j++) repeat = list[j].ordinal === it.ordinal;
        if (repeat) {
          zh = `指标编号 ${it.ordinal} 重复出现。`;
          en = `Indicator number ${it.ordinal} appears twice.`;
        } else if (it.ordinal > expected) {
          const missing = it.ordinal - 1 === expected ? `${expected}` : `${expected}–${it.ordinal - 1}`;
          // `1、3、2`: the "missing" numbers come later, so this is one swap, not a gap plus a swap.
          let later = true;
          for (let k = expected; k < it.ordinal && later; k++) later = list.slice(i + 1).some((x) => x.ordinal === k);
          if (later) {
            zh = `指标编号顺序错乱：${it.ordinal} 排在 ${missing} 之前。`;
            en = `Indicator numbers out of order: ${it.ordinal} comes before ${missing}.`;
            for (let k = expected; k < it.ordinal; k++) swapped.add(k);
          } else {
            zh = `指标编号跳号：缺少第 ${missing} 条（编号直接到了 ${it.ordinal}）。`;
            en = `Indicator numbering skips ${missing} (goes to ${it.ordinal}).`;
          }
        } else if (it.ordinal < expected && swapped.has(it.ordinal)) {
          // Already reported as part of the swap above.
        } else if (it.ordinal < expected) {
          zh = `指标编号顺序错乱：第 ${expected - 1} 条之后是 ${it.ordinal}。`;
          en = `Indicator numbers out of order: ${it.ordinal} follows ${expected - 1}.`;
        }
        if (zh && en) report({ ...at(p, it), actual: String(it.ordinal), expected: String(expected), message: { 'zh-CN': zh, 'en-US': en } });
        if (it.ordinal >= expected) expected = it.ordinal + 1;
        // `1、1、3、`: the repeated number took the missing slot (the next item goes on from it), so
        // the one slip is reported once, as a repeat, not again as a gap before 3.
        else if (repeat && list[i + 1]?.ordinal === expected + 1) expected++;
      }
    }
  },
});
