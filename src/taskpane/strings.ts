/**
 * Every text the pane shows, in the clerk's language. Chinese is the product language; English is
 * for Office installations whose display language is English.
 */
import type { Locale } from '../core/messages/locale';
import type { Severity } from '../core/report';

export interface SummaryCounts {
  projects: number;
  indicators: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface PaneStrings {
  title: string;
  subtitle: string;
  check: string;
  checkHint: string;
  writeIndicators: string;
  clearMarks: string;
  toolbarLabel: string;
  reading: (done: number, total: number) => string;
  readingUnknown: string;
  checking: string;
  writing: string;
  clearing: string;
  applying: string;
  undoing: string;
  selecting: string;
  progressLabel: string;
  summary: (c: SummaryCounts) => string;
  noFindings: string;
  noTable: (sheet: string) => string;
  tableElsewhere: (sheet: string, tableSheet: string) => string;
  switchAndCheck: (sheet: string) => string;
  clearedHint: string;
  genericError: string;
  marksCleared: string;
  marksLeftOver: string;
  indicatorsWritten: (n: number) => string;
  marked: (cells: number) => string;
  indicatorSheetUnsupported: string;
  noIndicators: string;
  severity: Record<Severity, string>;
  severityCount: (s: Severity, n: number) => string;
  filtersLabel: string;
  filterToggle: (s: Severity, on: boolean) => string;
  previous: string;
  next: string;
  navLabel: string;
  position: (i: number, n: number) => string;
  positionNone: string;
  positionTotal: (n: number) => string;
  fixedCell: (cell: string) => string;
  listLabel: string;
  tableLevel: string;
  tableLabel: (sheet: string, range: string) => string;
  groupCount: (n: number) => string;
  findingLabel: (severity: string, cell: string, message: string) => string;
  fixable: string;
  nothingVisible: string;
  notCheckedYet: string;
  detailLabel: string;
  detailCell: string;
  detailRule: string;
  detailMore: string;
  detailProject: string;
  detailIndicator: (n: number) => string;
  detailExpected: string;
  detailActual: string;
  locate: string;
  applyFix: string;
  applyFixLabel: (cell: string) => string;
  fixPreview: string;
  undoFix: string;
  undoFixLabel: (cell: string) => string;
  fixApplied: (cell: string) => string;
  fixUndone: (cell: string) => string;
  appliedFixesLabel: string;
  shortcutsTitle: string;
  shortcuts: [string, string][];
  notInExcel: string;
  officeMissing: string;
  acceptedCount: (n: number) => string;
  acceptedFilterToggle: (on: boolean) => string;
  accept: string;
  acceptLabel: (cell: string) => string;
  acceptReason: string;
  accepting: string;
  accepted: string;
  acceptedOn: (reason: string, at: string) => string;
  unaccept: string;
  unacceptLabel: (cell: string) => string;
  acceptDone: (cell: string) => string;
  unacceptDone: (cell: string) => string;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_EN: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

const zh: PaneStrings = {
  title: '预算绩效表校验',
  subtitle: '检查项目支出绩效目标表的金额与绩效指标',
  check: '一键校验',
  checkHint: '读取当前工作表并检查金额与绩效指标',
  writeIndicators: '生成指标明细表',
  clearMarks: '清除标记',
  toolbarLabel: '操作',
  reading: (done, total) => `正在读取工作表… ${done}/${total}`,
  readingUnknown: '正在读取工作表…',
  checking: '正在校验…',
  writing: '正在生成指标明细表…',
  clearing: '正在清除标记…',
  applying: '正在应用修正…',
  undoing: '正在撤销修正…',
  selecting: '正在定位…',
  progressLabel: '进度',
  summary: (c) =>
    `${c.projects} 个项目 · ${c.indicators} 条指标 · 错误 ${c.errors} · 警告 ${c.warnings} · 提示 ${c.infos}`,
  noFindings: '未发现问题。',
  noTable: (sheet) =>
    `在工作表“${sheet}”中没有找到项目支出绩效目标表。请切换到含有该表（表头包含“项目名称”“总计”“绩效指标”等列）的工作表后再校验。`,
  tableElsewhere: (sheet, tableSheet) => `工作表“${sheet}”中没有项目支出绩效目标表。目标表在工作表“${tableSheet}”。`,
  switchAndCheck: (sheet) => `切换到“${sheet}”并校验`,
  clearedHint: '标记已清除。需要时可再次点击“一键校验”。',
  genericError: '操作未能完成，请重试。如果仍然不行，请保存并重新打开工作簿后再试。',
  marksCleared: '已清除本工具添加的所有标记。',
  marksLeftOver: '此工作簿中有上次校验留下的标记，可点击“清除标记”移除。',
  indicatorsWritten: (n) => `已生成“指标明细”工作表，共 ${n} 条指标。`,
  marked: (cells) => `已在表中标记 ${cells} 个单元格。`,
  indicatorSheetUnsupported:
    '当前版本的 Excel 不支持生成指标明细表。请使用较新版本的 Excel，或用命令行工具的 --out 选项生成。',
  noIndicators: '表中没有可以列出的绩效指标，未生成指标明细表。',
  severity: SEVERITY_ZH,
  severityCount: (s, n) => `${SEVERITY_ZH[s]} ${n}`,
  filtersLabel: '按严重程度筛选',
  filterToggle: (s, on) => `${on ? '隐藏' : '显示'}${SEVERITY_ZH[s]}`,
  previous: '上一条',
  next: '下一条',
  navLabel: '逐条查看',
  position: (i, n) => `第 ${i} / ${n} 条`,
  positionNone: '—',
  positionTotal: (n) => `共 ${n} 条`,
  fixedCell: (cell) => `已修正单元格 ${cell}`,
  listLabel: '问题列表',
  tableLevel: '合计及单位行',
  tableLabel: (sheet, range) => `${sheet}!${range}`,
  groupCount: (n) => `${n} 条`,
  findingLabel: (severity, cell, message) => `${severity}，单元格 ${cell}：${message}`,
  fixable: '可一键修正',
  nothingVisible: '没有符合筛选条件的问题。',
  notCheckedYet: '点击“一键校验”检查当前工作表。',
  detailLabel: '当前问题',
  detailCell: '单元格',
  detailRule: '规则',
  detailMore: '详细信息',
  detailProject: '项目',
  detailIndicator: (n) => `第 ${n} 条指标`,
  detailExpected: '应为',
  detailActual: '实际',
  locate: '定位',
  applyFix: '应用修正',
  applyFixLabel: (cell) => `应用修正到单元格 ${cell}`,
  fixPreview: '修正后',
  undoFix: '撤销修正',
  undoFixLabel: (cell) => `撤销对单元格 ${cell} 的修正`,
  fixApplied: (cell) => `已修正单元格 ${cell}，并重新校验。`,
  fixUndone: (cell) => `已撤销对单元格 ${cell} 的修正。`,
  appliedFixesLabel: '已应用的修正',
  shortcutsTitle: '键盘操作',
  shortcuts: [
    ['F8 / Alt+↓', '下一条问题（并选中单元格）'],
    ['Shift+F8 / Alt+↑', '上一条问题'],
    ['↑ ↓ Home End', '在问题列表中移动'],
    ['Enter / 空格', '选中问题所在单元格'],
    ['Tab', '在各按钮与列表之间切换'],
  ],
  notInExcel: '请在 Excel 中打开此加载项。若只想试用，请打开预览页（preview.html）。',
  officeMissing: '无法加载 Office.js。请检查网络连接后重新打开任务窗格。',
  acceptedCount: (n) => `已确认 ${n}`,
  acceptedFilterToggle: (on) => `${on ? '隐藏' : '显示'}已确认的问题`,
  accept: '标记为已确认',
  acceptLabel: (cell) => `将单元格 ${cell} 的问题标记为已确认`,
  acceptReason: '确认理由（可不填）',
  accepting: '正在保存确认…',
  accepted: '已确认',
  acceptedOn: (reason, at) => `${reason || '未填写理由'}（${at.slice(0, 10)}）`,
  unaccept: '撤销确认',
  unacceptLabel: (cell) => `撤销对单元格 ${cell} 的确认`,
  acceptDone: (cell) => `已将单元格 ${cell} 的问题标记为已确认；内容改动后会重新提示。`,
  unacceptDone: (cell) => `已撤销对单元格 ${cell} 的确认。`,
};

const en: PaneStrings = {
  title: 'Budget table check',
  subtitle: 'Checks amounts and performance indicators of the project target table',
  check: 'Check',
  checkHint: 'Read the active sheet and check amounts and indicators',
  writeIndicators: 'Indicator sheet',
  clearMarks: 'Clear marks',
  toolbarLabel: 'Actions',
  reading: (done, total) => `Reading the sheet… ${done}/${total}`,
  readingUnknown: 'Reading the sheet…',
  checking: 'Checking…',
  writing: 'Writing the indicator sheet…',
  clearing: 'Clearing marks…',
  applying: 'Applying the fix…',
  undoing: 'Undoing the fix…',
  selecting: 'Selecting…',
  progressLabel: 'Progress',
  summary: (c) =>
    `${c.projects} projects · ${c.indicators} indicators · ${c.errors} errors · ${c.warnings} warnings · ${c.infos} info`,
  noFindings: 'No problems found.',
  noTable: (sheet) =>
    `No project target table was found on the sheet “${sheet}”. Switch to the sheet with the table (headers such as 项目名称, 总计, 绩效指标) and check again.`,
  tableElsewhere: (sheet, tableSheet) =>
    `The sheet “${sheet}” has no project target table. The table is on the sheet “${tableSheet}”.`,
  switchAndCheck: (sheet) => `Go to “${sheet}” and check`,
  clearedHint: 'Marks cleared. Click “Check” to check again.',
  genericError: 'The action could not be completed. Please try again; if it still fails, save and reopen the workbook.',
  marksCleared: 'All marks added by this add-in were removed.',
  marksLeftOver: 'This workbook has marks from an earlier check. Use “Clear marks” to remove them.',
  indicatorsWritten: (n) => `The “指标明细” sheet was written with ${n} indicators.`,
  marked: (cells) => `${cells} cells marked on the sheet.`,
  indicatorSheetUnsupported:
    'This version of Excel cannot write the indicator sheet. Use a newer Excel, or the command line tool with --out.',
  noIndicators: 'The table has no indicators to list; no indicator sheet was written.',
  severity: SEVERITY_EN,
  severityCount: (s, n) => `${SEVERITY_EN[s]} ${n}`,
  filtersLabel: 'Filter by severity',
  filterToggle: (s, on) => `${on ? 'Hide' : 'Show'} ${SEVERITY_EN[s].toLowerCase()}`,
  previous: 'Previous',
  next: 'Next',
  navLabel: 'Step through findings',
  position: (i, n) => `${i} of ${n}`,
  positionNone: '—',
  positionTotal: (n) => `${n} findings`,
  fixedCell: (cell) => `Cell ${cell} fixed`,
  listLabel: 'Findings',
  tableLevel: 'Totals and unit rows',
  tableLabel: (sheet, range) => `${sheet}!${range}`,
  groupCount: (n) => `${n}`,
  findingLabel: (severity, cell, message) => `${severity}, cell ${cell}: ${message}`,
  fixable: 'Fixable',
  nothingVisible: 'No findings match the filter.',
  notCheckedYet: 'Click “Check” to check the active sheet.',
  detailLabel: 'Current finding',
  detailCell: 'Cell',
  detailRule: 'Rule',
  detailMore: 'Details',
  detailProject: 'Project',
  detailIndicator: (n) => `Indicator ${n}`,
  detailExpected: 'Expected',
  detailActual: 'Actual',
  locate: 'Go to cell',
  applyFix: 'Apply fix',
  applyFixLabel: (cell) => `Apply the fix to cell ${cell}`,
  fixPreview: 'After the fix',
  undoFix: 'Undo fix',
  undoFixLabel: (cell) => `Undo the fix of cell ${cell}`,
  fixApplied: (cell) => `Cell ${cell} was fixed and the sheet checked again.`,
  fixUndone: (cell) => `The fix of cell ${cell} was undone.`,
  appliedFixesLabel: 'Applied fixes',
  shortcutsTitle: 'Keyboard',
  shortcuts: [
    ['F8 / Alt+↓', 'Next finding (selects its cell)'],
    ['Shift+F8 / Alt+↑', 'Previous finding'],
    ['↑ ↓ Home End', 'Move in the findings list'],
    ['Enter / Space', 'Select the finding’s cell'],
    ['Tab', 'Move between buttons and the list'],
  ],
  notInExcel: 'Open this add-in in Excel. To try it without Excel, open the preview page (preview.html).',
  officeMissing: 'Office.js could not be loaded. Check the network connection and reopen the task pane.',
  acceptedCount: (n) => `Accepted ${n}`,
  acceptedFilterToggle: (on) => `${on ? 'Hide' : 'Show'} accepted findings`,
  accept: 'Accept',
  acceptLabel: (cell) => `Accept the finding on cell ${cell}`,
  acceptReason: 'Reason (optional)',
  accepting: 'Saving the acceptance…',
  accepted: 'Accepted',
  acceptedOn: (reason, at) => `${reason || 'no reason given'} (${at.slice(0, 10)})`,
  unaccept: 'Withdraw acceptance',
  unacceptLabel: (cell) => `Withdraw the acceptance of cell ${cell}`,
  acceptDone: (cell) => `The finding on cell ${cell} is accepted; it comes back if the cell changes.`,
  unacceptDone: (cell) => `The acceptance of cell ${cell} was withdrawn.`,
};

export const STRINGS: Record<Locale, PaneStrings> = { 'zh-CN': zh, 'en-US': en };

export function strings(locale: Locale): PaneStrings {
  return STRINGS[locale];
}
