/** S8 project-indicator-coverage: at least one 产出 and one 效益 indicator per project. */
import {
  BENEFIT_ITEM,
  OUTPUT_ITEM,
  SATISFACTION_ITEM,
  VALID_INDICATORS,
  byRule,
  expectOne,
  oneProject,
} from './helpers';

describe('project-indicator-coverage', () => {
  it('reports a project without any 效益 indicator', () => {
    expectOne(oneProject(OUTPUT_ITEM + SATISFACTION_ITEM.replace(/^3、/, '2、')), {
      rule: 'project-indicator-coverage',
      severity: 'error',
      cell: 'G4',
      indicator: null,
      messageId: 'missing',
      data: { project: '口岸车检场配套设施维修维护', missing: ['benefit'] },
    });
  });

  it('reports a project with neither 产出 nor 效益', () => {
    expectOne(oneProject(SATISFACTION_ITEM.replace(/^3、/, '1、')), {
      rule: 'project-indicator-coverage',
      severity: 'error',
      cell: 'G4',
      indicator: null,
      messageId: 'missing',
      data: { missing: ['output', 'benefit'] },
    });
  });

  it('accepts a project with both', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'project-indicator-coverage')).toEqual([]);
    expect(byRule(oneProject(OUTPUT_ITEM + BENEFIT_ITEM), 'project-indicator-coverage')).toEqual([]);
  });
});
