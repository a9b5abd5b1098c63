/** S1 project-indicators-empty: a project row with an empty 绩效指标 cell. */
import { VALID_INDICATORS, byRule, expectOne, findings, keys, oneProject } from './helpers';

describe('project-indicators-empty', () => {
  it('reports the empty 绩效指标 cell of the project, and nothing per item', () => {
    const grid = oneProject(null);
    expectOne(grid, {
      rule: 'project-indicators-empty',
      severity: 'error',
      cell: 'G4',
      indicator: null,
      project: '口岸车检场配套设施维修维护',
      messageId: 'empty',
      data: { project: '口岸车检场配套设施维修维护' },
    });
    expect(keys(findings(grid))).toEqual(['project-indicators-empty@G4#-:error']);
  });

  it('accepts a project with indicators', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'project-indicators-empty')).toEqual([]);
  });
});
