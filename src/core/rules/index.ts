/** The registry: every rule, in report order (amounts, structure, values, period). */
import type { Rule } from './rule';
import amountNotNumber from './amount-not-number';
import amountNegative from './amount-negative';
import amountUnitConverted from './amount-unit-converted';
import amountRowSum from './amount-row-sum';
import amountColumnSum from './amount-column-sum';
import indicatorUnparsed from './indicator-unparsed';
import indicatorUnterminated from './indicator-unterminated';
import projectIndicatorsEmpty from './project-indicators-empty';
import indicatorOrdinal from './indicator-ordinal';
import indicatorLevel1 from './indicator-level1';
import indicatorLevel2 from './indicator-level2';
import indicatorNameEmpty from './indicator-name-empty';
import indicatorNameDuplicate from './indicator-name-duplicate';
import indicatorAnnualMissing from './indicator-annual-missing';
import indicatorPeriodMissing from './indicator-period-missing';
import projectIndicatorCoverage from './project-indicator-coverage';
import projectNoSatisfaction from './project-no-satisfaction';
import projectGoalEmpty from './project-goal-empty';
import valuePlaceholder from './value-placeholder';
import valueNoNumber from './value-no-number';
import valuePercentOver100 from './value-percent-over-100';
import valueComparatorForm from './value-comparator-form';
import valueFullWidth from './value-full-width';
import valueNoUnit from './value-no-unit';
import valueSatisfactionNotPercent from './value-satisfaction-not-percent';
import valueCostLowerBound from './value-cost-lower-bound';
import valueQualitativeCount from './value-qualitative-count';
import periodAnnualMismatch from './period-annual-mismatch';
import periodAnnualExceeds from './period-annual-exceeds';
import formAmountSum from './form-amount-sum';
import indicatorLevelName from './indicator-level-name';
import indicatorTemplateRow from './indicator-template-row';
import indicatorWeightSum from './indicator-weight-sum';
import valueCostOverBudget from './value-cost-over-budget';
import valueUnitMismatch from './value-unit-mismatch';

export type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  amountNotNumber,
  amountNegative,
  amountUnitConverted,
  amountRowSum,
  amountColumnSum,
  formAmountSum,
  indicatorUnparsed,
  indicatorUnterminated,
  projectIndicatorsEmpty,
  indicatorOrdinal,
  indicatorLevel1,
  indicatorLevel2,
  indicatorLevelName,
  indicatorNameEmpty,
  indicatorNameDuplicate,
  indicatorAnnualMissing,
  indicatorPeriodMissing,
  indicatorTemplateRow,
  indicatorWeightSum,
  projectIndicatorCoverage,
  projectNoSatisfaction,
  projectGoalEmpty,
  valuePlaceholder,
  valueNoNumber,
  valuePercentOver100,
  valueComparatorForm,
  valueFullWidth,
  valueNoUnit,
  valueUnitMismatch,
  valueSatisfactionNotPercent,
  valueCostLowerBound,
  valueCostOverBudget,
  valueQualitativeCount,
  periodAnnualMismatch,
  periodAnnualExceeds,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
