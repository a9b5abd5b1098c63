/**
 * Tables that look like target tables but are not (docs/layouts.md, L12 and S): a 绩效自评表 has
 * outcome *and* score columns or says 自评 in its title; a 部门整体支出绩效目标表 says 整体 in its
 * title or carries department fields. They are listed in `rejected`, never checked.
 */
import type { RejectedKind } from '../report';
import { DEPARTMENT_LABEL, DEPARTMENT_TITLE, SELF_EVALUATION_TITLE, gridRoleOf, labelKey } from './layouts/labels';

export interface Rejection {
  kind: RejectedKind;
  reason: string;
}

export const REJECTION_REASON: Record<RejectedKind, string> = {
  'self-evaluation': '这是绩效自评表（有实际完成值和得分），不是项目支出绩效目标表，未校验。',
  department: '这是部门整体支出绩效目标表，不是项目支出绩效目标表，未校验。',
  unknown: '这张表不是项目支出绩效目标表，未校验。',
};

/** What a block is, from its title, its grid columns and the words of its field area. */
export function rejectionOf(
  title: string | null,
  words: readonly string[],
  gridHasResultAndScore: boolean,
): Rejection | null {
  const t = title ? labelKey(title) : '';
  let result = false;
  let score = false;
  let department = false;
  for (const w of words) {
    const role = gridRoleOf(w);
    if (role === 'result') result = true;
    if (role === 'score') score = true;
    if (DEPARTMENT_LABEL.test(w)) department = true;
  }
  if (SELF_EVALUATION_TITLE.test(t) || gridHasResultAndScore || (result && score)) {
    return { kind: 'self-evaluation', reason: REJECTION_REASON['self-evaluation'] };
  }
  if (DEPARTMENT_TITLE.test(t) || department) return { kind: 'department', reason: REJECTION_REASON.department };
  return null;
}
