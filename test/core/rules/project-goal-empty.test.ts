/** S9 project-goal-empty: every project states its 绩效目标. */
import { byRule, expectOne, findings, keys, oneProject, VALID_INDICATORS } from './helpers';

describe('project-goal-empty', () => {
  it('reports the empty 绩效目标 cell of the project', () => {
    const grid = oneProject(VALID_INDICATORS, { goal: null });
    expectOne(grid, {
      rule: 'project-goal-empty',
      severity: 'error',
      cell: 'F4',
      indicator: null,
      project: '口岸车检场配套设施维修维护',
      messageId: 'empty',
      data: { project: '口岸车检场配套设施维修维护' },
    });
    expect(keys(findings(grid))).toEqual(['project-goal-empty@F4#-:error']);
  });

  it('accepts a project with a goal', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'project-goal-empty')).toEqual([]);
  });
});
