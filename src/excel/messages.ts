/** The gateway's own messages for the clerk, in the language the factory was given. */
import type { Locale } from '../core/messages/locale';
import { HostError } from '../host/workbook';

type Code = HostError['code'];

const TEXT: Record<Locale, Record<Code, string>> = {
  'zh-CN': {
    protected: '工作表受保护，无法标记。请先撤销工作表保护（审阅 › 撤销工作表保护）后再校验。',
    'no-sheet': '找不到工作表“{0}”，可能已被删除或改名。',
    'too-large': '工作表太大（{0}），无法一次校验。请把表格复制到新工作表后再试。',
    changed: '单元格 {0} 的内容已改变，为避免覆盖您的修改，未作更改。请重新校验。',
    unsupported: '当前 Excel 版本不支持此操作。',
    failed: 'Excel 未能完成操作：{0}',
  },
  'en-US': {
    protected:
      'The sheet is protected, so it cannot be marked. Unprotect it (Review › Unprotect Sheet) and check again.',
    'no-sheet': 'Sheet "{0}" was not found; it may have been deleted or renamed.',
    'too-large': 'The sheet is too large ({0}) to check at once. Copy the table to a new sheet and try again.',
    changed: 'Cell {0} has changed since the check, so it was left alone to keep your edit. Please check again.',
    unsupported: 'This version of Excel does not support this action.',
    failed: 'Excel could not finish: {0}',
  },
};

export function hostError(locale: Locale, code: Code, arg = ''): HostError {
  return new HostError(code, TEXT[locale][code].replace('{0}', arg));
}

/** Excel's code for a request sent while a cell is being edited (it refuses the whole request). */
export const CELL_EDIT = 'InvalidOperationInCellEditMode';

/** The pane button the clerk pressed, named as the pane names it. */
export type Action = 'check' | 'clear' | 'indicators';

const BUTTON: Record<Locale, Record<Action, string>> = {
  'zh-CN': { check: '一键校验', clear: '清除标记', indicators: '生成指标明细表' },
  'en-US': { check: 'Check', clear: 'Clear marks', indicators: 'Indicator sheet' },
};

const CELL_EDIT_TEXT: Record<Locale, string> = {
  'zh-CN': '请先按 Enter 或 Esc 结束单元格编辑，再点{0}',
  'en-US': 'Press Enter or Esc to finish editing the cell, then click {0} again.',
};

/** Excel was in cell-edit mode: say how to leave it, not "Excel could not finish". */
export function cellEditError(locale: Locale, action: Action): HostError {
  return new HostError('failed', CELL_EDIT_TEXT[locale].replace('{0}', BUTTON[locale][action]));
}
