/** S2 indicator-ordinal: items are numbered 1..n. */
import {
  BENEFIT_ITEM,
  OUTPUT_ITEM,
  SATISFACTION_ITEM,
  VALID_INDICATORS,
  byRule,
  expectOne,
  keys,
  oneProject,
} from './helpers';

describe('indicator-ordinal', () => {
  it('reports a gap at the item after it, naming the missing number', () => {
    const grid = oneProject(OUTPUT_ITEM + BENEFIT_ITEM + SATISFACTION_ITEM.replace(/^3、/, '4、'));
    const f = expectOne(grid, {
      rule: 'indicator-ordinal',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'gap',
      data: { ordinal: 4, missing: '3' },
    });
    expect(f.expected).toBe('3');
    expect(f.actual).toBe('4');
  });

  it('reports a repeated number once (1、1、3 is one slip, not a repeat and a gap)', () => {
    const grid = oneProject(OUTPUT_ITEM + BENEFIT_ITEM.replace(/^2、/, '1、') + SATISFACTION_ITEM);
    expect(keys(byRule(grid, 'indicator-ordinal'))).toEqual(['indicator-ordinal@G4#1:warning']);
    expect(byRule(grid, 'indicator-ordinal')[0]).toMatchObject({ messageId: 'repeat', data: { ordinal: 1 } });
  });

  it('reports numbers out of order once, as a swap (not a gap plus a swap)', () => {
    const grid = oneProject(OUTPUT_ITEM + SATISFACTION_ITEM + BENEFIT_ITEM);
    expect(keys(byRule(grid, 'indicator-ordinal'))).toEqual(['indicator-ordinal@G4#3:warning']);
    expect(byRule(grid, 'indicator-ordinal')[0]).toMatchObject({
      messageId: 'swap',
      data: { ordinal: 3, missing: '2' },
    });
  });

  it('accepts 1..n', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'indicator-ordinal')).toEqual([]);
  });
});
