/** V4 value-comparator-form: `>=`, `不低于`, `95%以上` → `≥90%` / `≥95%`, with a one-click fix. */
import {
  VALID_INDICATORS,
  applyFix,
  byRule,
  expectOne,
  findings,
  item,
  oneProject,
  tableGrid,
  withItem4,
} from './helpers';

describe('value-comparator-form', () => {
  it.each([
    ['>=90%', '≥90%'],
    ['不低于90%', '≥90%'],
    ['95%以上', '≥95%'],
    ['不超过500元', '≤500元'],
  ])('reports %s and offers %s as the fix; applying it removes the finding', (written, canonical) => {
    const text = withItem4('1-产出指标', '12-质量指标', '项目验收合格率', written);
    const grid = oneProject(text);
    const f = expectOne(grid, {
      rule: 'value-comparator-form',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'comparator',
      data: {
        ordinal: 4,
        name: '项目验收合格率',
        values: [
          { which: 'period', raw: written },
          { which: 'annual', raw: written },
        ],
        want: [canonical],
      },
    });
    expect(f.expected).toBe(`${canonical} / ${canonical}`);
    expect(f.fix).toEqual({
      cell: 'G4',
      before: text,
      text: withItem4('1-产出指标', '12-质量指标', '项目验收合格率', canonical),
    });
    const fixed = applyFix(grid, f.fix!);
    expect(byRule(fixed, 'value-comparator-form')).toEqual([]);
    expect(findings(fixed)).toEqual([]);
  });

  it('fixes two different values of one item in one go', () => {
    const grid = oneProject(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '不低于90%', '95%以上'));
    const f = expectOne(grid, {
      rule: 'value-comparator-form',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'comparator',
      data: {
        values: [
          { which: 'period', raw: '不低于90%' },
          { which: 'annual', raw: '95%以上' },
        ],
        want: ['≥90%', '≥95%'],
      },
    });
    expect(f.fix!.text).toBe(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '≥90%', '≥95%'));
    expect(findings(applyFix(grid, f.fix!))).toEqual([]);
  });

  it('keeps the rest of a multi-line cell as written', () => {
    const text = `${VALID_INDICATORS}\n4、1-产出指标；12-质量指标；项目验收合格率；实施周期指标值:>=\n90%；年度指标值:>=90%。`;
    const f = expectOne(oneProject(text), {
      rule: 'value-comparator-form',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
    });
    expect(f.fix!.text).toBe(
      `${VALID_INDICATORS}\n4、1-产出指标；12-质量指标；项目验收合格率；实施周期指标值:≥90%；年度指标值:≥90%。`,
    );
  });

  it('offers no fix when the value sits in a page-break continuation row', () => {
    const it4 = item(4, '1-产出指标', '12-质量指标', '项目验收合格率', '>=90%');
    const grid = tableGrid({
      projects: [{ name: '口岸车检场配套设施维修维护', indicators: VALID_INDICATORS, continuation: [it4] }],
    });
    const f = expectOne(grid, { rule: 'value-comparator-form', severity: 'warning', cell: 'G4', indicator: 4 });
    expect(f.fix).toBeUndefined();
    // Half in the own cell, half in the continuation row: still no (partial) fix.
    const cut = it4.indexOf('年度');
    const split = tableGrid({
      projects: [{ indicators: VALID_INDICATORS + it4.slice(0, cut), continuation: [it4.slice(cut)] }],
    });
    expect(
      expectOne(split, { rule: 'value-comparator-form', severity: 'warning', cell: 'G4', indicator: 4 }).fix,
    ).toBeUndefined();
  });

  it('accepts ≥ ≤ and plain values', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'value-comparator-form')).toEqual([]);
  });
});
