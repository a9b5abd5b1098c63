/** S6 indicator-name-duplicate: the same 三级 name twice in one project. */
import { byRule, expectOne, findings, oneProject, tableGrid, withItem4 } from './helpers';

describe('indicator-name-duplicate', () => {
  it('reports the second 巡查次数, naming the first', () => {
    const f = expectOne(oneProject(withItem4('1-产出指标', '11-数量指标', '巡查次数', '≥12次')), {
      rule: 'indicator-name-duplicate',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'duplicate',
      data: { ordinal: 4, name: '巡查次数', first: 1 },
    });
    expect(f.actual).toBe('巡查次数');
  });

  it('accepts the same name in two different projects', () => {
    const grid = tableGrid({ projects: [{ name: '口岸车检场水电费' }, { name: '口岸广域网运作经费' }] });
    expect(byRule(grid, 'indicator-name-duplicate')).toEqual([]);
    expect(findings(grid)).toEqual([]);
  });
});
