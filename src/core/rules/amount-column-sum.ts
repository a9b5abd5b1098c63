/** A3: each unit row = Σ its projects; 合计 = Σ units (Σ projects when there are no unit rows). */
import { defineRule } from './rule';
import { columnSumMessages, reportSums } from './amount-sum-messages';

export default defineRule({
  id: 'amount-column-sum',
  version: 2,
  ref: 'A3',
  family: 'amounts',
  severity: 'error',
  description: {
    'zh-CN': '单位行不等于其项目之和，或合计不等于各单位之和',
    'en-US': 'A unit row ≠ the sum of its projects, or the grand total ≠ the sum of the units',
  },
  messages: columnSumMessages,
  check(ctx) {
    reportSums(ctx, 'column');
  },
});
