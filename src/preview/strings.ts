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
  truncated: (rows: number, cols: number) => string;
  noteLabel: string;
  loadError: Record<'not-xlsx' | 'xls' | 'corrupt' | 'empty' | 'too-large' | 'other', string>;
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
  truncated: (rows, cols) => `表格较大，预览只显示前 ${rows} 行、${cols} 列；校验仍检查整张表。`,
  noteLabel: '批注',
  loadError: {
    'not-xlsx': '无法打开该文件：请选择 Excel 工作簿（.xlsx）。',
    xls: '这是旧版 .xls 文件或加密的工作簿。请先在 Excel 中“另存为” .xlsx（并取消打开密码）后再试。',
    corrupt: '无法读取该工作簿，文件可能已损坏。请在 Excel 中打开并另存后再试。',
    'too-large': '文件解压后过大，疑似压缩炸弹，已拒绝读取。',
    empty: '该工作簿中没有工作表。',
    other: '无法读取该文件，请重试。',
  },
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
  truncated: (rows, cols) => `Large sheet: the preview draws the first ${rows} rows and ${cols} columns; the check reads all of it.`,
  noteLabel: 'Note',
  loadError: {
    'not-xlsx': 'This file cannot be opened: choose an Excel workbook (.xlsx).',
    xls: 'This is an old .xls file or an encrypted workbook. Save it as .xlsx in Excel (without an open password) and try again.',
    corrupt: 'The workbook cannot be read; it may be damaged. Open it in Excel, save it again and retry.',
    'too-large': 'The file inflates to an excessive size (a suspected zip bomb); it was not read.',
    empty: 'The workbook has no worksheets.',
    other: 'The file could not be read. Please try again.',
  },
};

export const PREVIEW_STRINGS: Record<Locale, PreviewStrings> = { 'zh-CN': zh, 'en-US': en };
