/**
 * Which rules apply to which layout. The list rules that read the 绩效指标 cell's own syntax (item
 * numbering, `N-name` codes, the 实施周期 / 年度 keywords) have nothing to read in a grid; the grid
 * rules read what only grids have. Levels by name replace the code checks (S3 / S4) on grids, and
 * a grid without levels (L6) gets no level or coverage finding.
 */
import type { TableModel } from '../model';

const LIST_ONLY: ReadonlySet<string> = new Set([
  'indicator-unparsed',
  'indicator-unterminated',
  'indicator-ordinal',
  'indicator-level1',
  'indicator-level2',
  'indicator-period-missing',
]);

const GRID_ONLY: ReadonlySet<string> = new Set([
  'form-amount-sum',
  'indicator-level-name',
  'indicator-template-row',
  'indicator-weight-sum',
  'value-cost-over-budget',
  'value-unit-mismatch',
]);

/** Rules about the 产出 / 效益 / 满意度 levels: not for a grid that has none. */
const NEEDS_LEVELS: ReadonlySet<string> = new Set([
  'project-indicator-coverage',
  'project-no-satisfaction',
  'indicator-level-name',
]);

export function ruleApplies(id: string, model: TableModel): boolean {
  const grid = model.layout !== undefined && model.layout !== 'list';
  if (!grid) return !GRID_ONLY.has(id);
  if (LIST_ONLY.has(id)) return false;
  return model.hasLevels !== false || !NEEDS_LEVELS.has(id);
}
