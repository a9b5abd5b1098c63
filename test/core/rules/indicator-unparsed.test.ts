/** S1 indicator-unparsed: 绩效指标 text that does not parse into items, reported with its position. */
import { MAX_VALUE_CHARS, shortened } from '../../../src/core/rules/rule';
import { BENEFIT_ITEM, OUTPUT_ITEM, VALID_INDICATORS, byRule, expectOne, findings, keys, oneProject } from './helpers';

describe('indicator-unparsed', () => {
  it('reports a cell with no item at all, quoting the text', () => {
    expectOne(oneProject('详见项目申报书附件'), {
      rule: 'indicator-unparsed',
      severity: 'error',
      cell: 'G4',
      indicator: null,
      messageId: 'noItems',
      data: { text: '详见项目申报书附件' },
    });
  });

  it('reports text before the first item with its position', () => {
    const f = expectOne(oneProject(`指标如下：${VALID_INDICATORS}`), {
      rule: 'indicator-unparsed',
      severity: 'error',
      cell: 'G4',
      indicator: null,
      messageId: 'leftover',
      data: { text: '指标如下：', position: 1 },
    });
    expect(f.actual).toBe('指标如下：');
  });

  it('reports an item that runs into the next one (missing 。 and number) once, at that item', () => {
    const broken = `${OUTPUT_ITEM}${BENEFIT_ITEM}3、3-满意度指标；31-服务对象满意度；就餐人员满意度；实施周期指标值:≥90%；年度指标值:≥90%；年度指标值:≥95%。`;
    const grid = oneProject(broken);
    expectOne(grid, {
      rule: 'indicator-unparsed',
      severity: 'error',
      cell: 'G4',
      indicator: 3,
      messageId: 'swallowed',
      data: { ordinal: 3 },
    });
    // The swallowed text is not judged again as a value (no satisfaction-not-percent knock-on).
    expect(keys(findings(grid))).toEqual(['indicator-unparsed@G4#3:error']);
  });

  it('accepts a well-formed cell', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'indicator-unparsed')).toEqual([]);
  });
  it('reports text after an item’s final 。 as an error with its position, and judges the value without it', () => {
    const text = `${VALID_INDICATORS}备注：以上指标由办公室负责统计`;
    const f = expectOne(oneProject(text), {
      rule: 'indicator-unparsed',
      severity: 'error',
      cell: 'G4',
      indicator: 3,
      messageId: 'extra',
      data: { ordinal: 3, text: '备注：以上指标由办公室负责统计', position: text.indexOf('备注') + 1 },
    });
    expect(f.actual).toBe('备注：以上指标由办公室负责统计');
    expect(keys(findings(oneProject(text)))).toEqual(['indicator-unparsed@G4#3:error']);
  });

  it('cuts a 56 KB pasted text in `actual`, saying how long it was; the message quotes 60 characters', () => {
    const pasted = '详见附件。'.repeat(11_200); // 56,000 characters, no item in it
    const zh = expectOne(oneProject(pasted), {
      rule: 'indicator-unparsed',
      severity: 'error',
      cell: 'G4',
      indicator: null,
      messageId: 'noItems',
    });
    expect(zh.actual).toBe(`${pasted.slice(0, MAX_VALUE_CHARS)}…（共 56,000 字）`);
    expect(zh.message.length).toBeLessThan(200);
    const [en] = byRule(oneProject(pasted), 'indicator-unparsed', 'en-US');
    expect(en.actual).toBe(`${pasted.slice(0, MAX_VALUE_CHARS)}… (56,000 characters)`);
  });

  it('never cuts a character in two', () => {
    const text = `${'a'.repeat(MAX_VALUE_CHARS - 1)}𠀀${'b'.repeat(10)}`; // 𠀀 is two UTF-16 code units
    const cut = shortened(text, 'zh-CN');
    expect(cut.startsWith(`${'a'.repeat(MAX_VALUE_CHARS - 1)}…`)).toBe(true);
    expect(shortened('短文本', 'zh-CN')).toBe('短文本');
  });
});
