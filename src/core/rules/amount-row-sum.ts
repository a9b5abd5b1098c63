/** A2: on every row, 总计 = 财政拨款 + 财政专户拨款 + 其他资金 (blank = 0), within rounding tolerance. */
import { defineRule } from './rule';
import { rowSumMessages, reportSums } from './amount-sum-messages';

export default defineRule({
  id: 'amount-row-sum',
  version: 2,
  ref: 'A2',
  family: 'amounts',
  severity: 'error',
  description: {
    'zh-CN': '总计不等于财政拨款 + 财政专户拨款 + 其他资金',
    'en-US': 'Total ≠ fiscal appropriation + special account + other funds',
  },
  messages: rowSumMessages,
  check(ctx) {
    reportSums(ctx, 'row');
  },
});
