/** value-full-width (format): full-width digits or signs in a value, with a one-click fix. */
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

describe('value-full-width', () => {
  it('reports `≥９０％` as info and offers the half-width text; applying it removes the finding', () => {
    const text = withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '≥９０％');
    const grid = oneProject(text);
    const f = expectOne(grid, {
      rule: 'value-full-width',
      severity: 'info',
      cell: 'G4',
      indicator: 4,
      messageId: 'fullWidth',
      data: {
        ordinal: 4,
        name: '项目验收合格率',
        values: [
          { which: 'period', raw: '≥９０％' },
          { which: 'annual', raw: '≥９０％' },
        ],
        halfWidth: ['≥90%'],
      },
    });
    expect(f.fix).toEqual({
      cell: 'G4',
      before: text,
      text: withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '≥90%'),
    });
    expect(findings(applyFix(grid, f.fix!))).toEqual([]);
  });

  it('leaves `＞＝９０％` to value-comparator-form, whose fix gives the canonical `≥90%`', () => {
    const grid = oneProject(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '＞＝９０％'));
    expect(byRule(grid, 'value-full-width')).toEqual([]);
    const v4 = byRule(grid, 'value-comparator-form');
    expect(v4).toHaveLength(1);
    expect(v4[0].fix?.text).toBe(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '≥90%'));
  });

  it('offers no fix when the value sits in a continuation row', () => {
    const grid = tableGrid({
      projects: [
        { indicators: VALID_INDICATORS, continuation: [item(4, '1-产出指标', '11-数量指标', '巡查批次', '≥１２次')] },
      ],
    });
    expect(
      expectOne(grid, { rule: 'value-full-width', severity: 'info', cell: 'G4', indicator: 4 }).fix,
    ).toBeUndefined();
  });

  it('accepts half-width values (full-width ；：in the syntax are fine)', () => {
    expect(byRule(oneProject(VALID_INDICATORS.replace(/:/g, '：')), 'value-full-width')).toEqual([]);
  });
});
