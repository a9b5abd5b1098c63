/** Texts of the preview page around the pane (the pane has its own, src/taskpane/strings.ts). */
import type { Locale } from '../core/messages/locale';

export interface PreviewStrings {
  title: string;
  badge: string;
  open: string;
  dropHint: string;
  dropHere: string;
  loading: string;
  loaded: (name: string) => string;
  builtIn: string;
  paneTitle: string;
  sheetTabs: string;
  sheetGrid: (sheet: string) => string;
  truncated: (cols: number) => string;
  noteLabel: string;
  /** A failure the command line has no sentence for (the others: load-error.ts). */
  loadFailed: string;
}

const zh: PreviewStrings = {
  title: '预算绩效表校验',
  badge: '浏览器预览',
  open: '打开工作簿…',
  dropHint: '也可以把 .xlsx 文件拖到本页。文件只在本机浏览器中读取，不会上传。',
  dropHere: '松开鼠标即可打开此工作簿',
  loading: '正在读取工作簿…',
  loaded: (name) => `当前工作簿：${name}`,
  builtIn: '内置示例（花都区口岸服务保障中心，节选）',
  paneTitle: '预算绩效表校验',
  sheetTabs: '工作表',
  sheetGrid: (sheet) => `工作表“${sheet}”`,
  truncated: (cols) => `表格较宽，预览只显示前 ${cols} 列；校验仍检查整张表。`,
  noteLabel: '批注',
  loadFailed: '无法读取该文件，请重试。',
};

const en: PreviewStrings = {
  title: 'Budget table check',
  badge: 'Browser preview',
  open: 'Open workbook…',
  dropHint: 'Or drop an .xlsx file on this page. The file is read in this browser only, never uploaded.',
  dropHere: 'Drop to open this workbook',
  loading: 'Reading the workbook…',
  loaded: (name) => `Workbook: ${name}`,
  builtIn: 'Built-in sample (Huadu port service centre, excerpt)',
  paneTitle: 'Budget table check',
  sheetTabs: 'Sheets',
  sheetGrid: (sheet) => `Sheet “${sheet}”`,
  truncated: (cols) => `Wide sheet: the preview draws the first ${cols} columns; the check reads all of it.`,
  noteLabel: 'Note',
  loadFailed: 'The file could not be read. Please try again.',
};

export const PREVIEW_STRINGS: Record<Locale, PreviewStrings> = { 'zh-CN': zh, 'en-US': en };
