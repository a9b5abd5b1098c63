/** S8 project-no-satisfaction: projects normally carry a 满意度 indicator. */
import { BENEFIT_ITEM, OUTPUT_ITEM, VALID_INDICATORS, byRule, expectOne, findings, keys, oneProject } from './helpers';

describe('project-no-satisfaction', () => {
  it('reports a project without a 满意度 indicator, as a warning', () => {
    const grid = oneProject(OUTPUT_ITEM + BENEFIT_ITEM);
    expectOne(grid, {
      rule: 'project-no-satisfaction',
      severity: 'warning',
      cell: 'G4',
      indicator: null,
      messageId: 'missing',
      data: { project: '口岸车检场配套设施维修维护' },
    });
    expect(keys(findings(grid))).toEqual(['project-no-satisfaction@G4#-:warning']);
  });

  it('accepts a project with one', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'project-no-satisfaction')).toEqual([]);
  });
});
