/** S2: items are numbered 1..n without gap, repeat or disorder. */
import type { Message } from '../messages/define';
import { defineMessages, defineRule } from './rule';
import { at } from './util';

const m = defineMessages({
  repeat: (d: { ordinal: number }) => ({
    'zh-CN': `指标编号 ${d.ordinal} 重复出现。`,
    'en-US': `Indicator number ${d.ordinal} appears twice.`,
  }),
  /** `missing`: `4` or a range `4–6`, the numbers that come later in the cell. */
  swap: (d: { ordinal: number; missing: string }) => ({
    'zh-CN': `指标编号顺序错乱：${d.ordinal} 排在 ${d.missing} 之前。`,
    'en-US': `Indicator numbers out of order: ${d.ordinal} comes before ${d.missing}.`,
  }),
  /** `missing`: `4` or a range `4–6`, the numbers that never come. */
  gap: (d: { ordinal: number; missing: string }) => ({
    'zh-CN': `指标编号跳号：缺少第 ${d.missing} 条（编号直接到了 ${d.ordinal}）。`,
    'en-US': `Indicator numbering skips ${d.missing} (goes to ${d.ordinal}).`,
  }),
  /** `previous`: the number the item follows. */
  after: (d: { ordinal: number; previous: number }) => ({
    'zh-CN': `指标编号顺序错乱：第 ${d.previous} 条之后是 ${d.ordinal}。`,
    'en-US': `Indicator numbers out of order: ${d.ordinal} follows ${d.previous}.`,
  }),
});

export default defineRule({
  id: 'indicator-ordinal',
  version: 1,
  ref: 'S2',
  family: 'structure',
  severity: 'warning',
  description: { 'zh-CN': '指标编号不是 1、2、3…连续编号', 'en-US': 'Indicator numbers are not 1..n' },
  messages: m,
  check({ model, report }) {
    for (const p of model.projects) {
      let expected = 1;
      const list = p.parsed.items;
      // Numbers already reported as part of a swap; made for the rare cell that has one.
      let swapped: Set<number> | null = null;
      for (let i = 0; i < list.length; i++) {
        const it = list[i];
        const ordinal = it.ordinal;
        let message: Message | null = null;
        // A repeat is always below the next expected number: only then look back (items are few).
        let repeat = false;
        if (ordinal < expected) for (let j = 0; j < i && !repeat; j++) repeat = list[j].ordinal === ordinal;
        if (repeat) {
          message = m.repeat({ ordinal });
        } else if (ordinal > expected) {
          const missing = ordinal - 1 === expected ? `${expected}` : `${expected}–${ordinal - 1}`;
          // `1、3、2`: the "missing" numbers come later, so this is one swap, not a gap plus a swap.
          let later = true;
          for (let k = expected; k < ordinal && later; k++) later = list.slice(i + 1).some((x) => x.ordinal === k);
          if (later) {
            message = m.swap({ ordinal, missing });
            swapped ??= new Set();
            for (let k = expected; k < ordinal; k++) swapped.add(k);
          } else {
            message = m.gap({ ordinal, missing });
          }
        } else if (ordinal < expected && swapped?.has(ordinal)) {
          // Already reported as part of the swap above.
        } else if (ordinal < expected) {
          message = m.after({ ordinal, previous: expected - 1 });
        }
        if (message) report({ ...at(p, it), actual: String(ordinal), expected: String(expected), message });
        if (ordinal >= expected) expected = ordinal + 1;
        // `1、1、3、`: the repeated number took the missing slot (the next item goes on from it), so
        // the one slip is reported once, as a repeat, not again as a gap before 3.
        else if (repeat && list[i + 1]?.ordinal === expected + 1) expected++;
      }
    }
  },
});
