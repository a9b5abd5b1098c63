/** indicator-unterminated (format): an item without its final 。, with a one-click fix. */
import {
  BENEFIT_ITEM,
  OUTPUT_ITEM,
  SATISFACTION_ITEM,
  VALID_INDICATORS,
  applyFix,
  byRule,
  expectOne,
  findings,
  tableGrid,
  oneProject,
} from './helpers';

describe('indicator-unterminated', () => {
  it('reports the last item without 。 as info; the fix adds it; applying it removes the finding', () => {
    const text = OUTPUT_ITEM + BENEFIT_ITEM + SATISFACTION_ITEM.replace(/。$/, '');
    const grid = oneProject(text);
    const f = expectOne(grid, {
      rule: 'indicator-unterminated',
      severity: 'info',
      cell: 'G4',
      indicator: 3,
      messageId: 'unterminated',
      data: { ordinal: 3, name: '口岸查验单位对保障工作的满意度' },
    });
    expect(f.fix).toEqual({ cell: 'G4', before: text, text: VALID_INDICATORS });
    expect(findings(applyFix(grid, f.fix!))).toEqual([]);
  });

  it('puts the 。 before trailing spaces and line breaks', () => {
    const text = `${VALID_INDICATORS.replace(/。$/, '')} \n`;
    const f = expectOne(oneProject(text), {
      rule: 'indicator-unterminated',
      severity: 'info',
      cell: 'G4',
      indicator: 3,
    });
    expect(f.fix!.text).toBe(`${VALID_INDICATORS} \n`);
  });

  it('an item closed with ；: the fix replaces it with 。 (not ；。)', () => {
    const text = OUTPUT_ITEM + BENEFIT_ITEM + SATISFACTION_ITEM.replace(/。$/, '；');
    const f = expectOne(oneProject(text), {
      rule: 'indicator-unterminated',
      severity: 'info',
      cell: 'G4',
      indicator: 3,
    });
    expect(f.fix!.text).toBe(VALID_INDICATORS);
  });

  it('offers no fix when the item ends in a continuation row', () => {
    const grid = tableGrid({
      projects: [{ indicators: OUTPUT_ITEM + BENEFIT_ITEM, continuation: [SATISFACTION_ITEM.replace(/。$/, '')] }],
    });
    expect(
      expectOne(grid, { rule: 'indicator-unterminated', severity: 'info', cell: 'G4', indicator: 3 }).fix,
    ).toBeUndefined();
  });

  it('accepts items ending in 。, also when the 。 is alone on a continuation row', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'indicator-unterminated')).toEqual([]);
    const grid = tableGrid({ projects: [{ indicators: VALID_INDICATORS.replace(/。$/, ''), continuation: ['。'] }] });
    expect(findings(grid)).toEqual([]);
  });
});
