/** S8 project-indicator-coverage: at least one 产出 and one 效益 indicator per project. */
import { BENEFIT_ITEM, OUTPUT_ITEM, SATISFACTION_ITEM, VALID_INDICATORS, byRule, expectOne, oneProject } from './helpers';

describe('project-indicator-coverage', () => {
  it('reports a project without any 效益 indicator', () => {
    expectOne(oneProject(OUTPUT_ITEM + SATISFACTION_ITEM.replace(/^3、/, '2、')), {
      rule: 'project-indicator-coverage',
      severity: 'error',
      cell: 'G4',
      indicator: null,
      mentions: ['“口岸车检场配套设施维修维护”', '没有效益指标（2-效益指标）'],
    });
  });

  it('reports a project with neither 产出 nor 效益', () => {
    expectOne(oneProject(SATISFACTION_ITEM.replace(/^3、/, '1、')), {
      rule: 'project-indicator-coverage',
      severity: 'error',
      cell: 'G4',
      indicator: null,
      mentions: ['产出指标（1-产出指标）和效益指标（2-效益指标）'],
    });
  });

  it('accepts a project with both', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'project-indicator-coverage')).toEqual([]);
    expect(byRule(oneProject(OUTPUT_ITEM + BENEFIT_ITEM), 'project-indicator-coverage')).toEqual([]);
  });
});
