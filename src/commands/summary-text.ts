/**
 * A LastResult as a few lines of plain text for the result dialog (and any pane that wants the same
 * wording). Callers put the strings into the DOM with textContent only: the sheet name is user data.
 */
import type { Locale } from '../core/messages/locale';
import type { LastResult } from './summary';

export interface ResultText {
  title: string;
  lines: string[];
  /** 'error' | 'warning' | 'ok' | 'info': how the dialog colours the title. */
  tone: 'error' | 'warning' | 'ok' | 'info';
}

const T = {
  'zh-CN': {
    okTitle: '校验完成',
    cleanTitle: '校验完成，未发现问题',
    noTableTitle: '未找到预算绩效表',
    clearedTitle: '已清除标记',
    errorTitle: '操作未完成',
    sheet: (s: string) => `工作表：${s}`,
    tables: (n: number) => `表格 ${n} 个`,
    projects: (p: number, i: number) => `项目 ${p} 个，绩效指标 ${i} 条`,
    findings: (e: number, w: number, n: number) => `错误 ${e} 处，警告 ${w} 处，提示 ${n} 处`,
    marked: (c: number) => `已在 ${c} 个单元格上标色并加批注。`,
    markedNoNotes: (c: number) => `已在 ${c} 个单元格上标色（此版本 Excel 不支持批注）。`,
    open: '点击“显示面板”逐条查看问题。',
    noTable:
      '当前工作表中没有找到“项目名称、总计、财政拨款……绩效指标”这样的表头。请切换到绩效目标表所在的工作表后再试。',
    cleared: '本加载项添加的填充色和批注已移除。',
    at: (t: string) => `时间：${t}`,
    close: '关闭',
  },
  'en-US': {
    okTitle: 'Check finished',
    cleanTitle: 'Check finished: no problems found',
    noTableTitle: 'No budget table found',
    clearedTitle: 'Marks cleared',
    errorTitle: 'Command did not finish',
    sheet: (s: string) => `Sheet: ${s}`,
    tables: (n: number) => `${n} table(s)`,
    projects: (p: number, i: number) => `${p} project(s), ${i} indicator(s)`,
    findings: (e: number, w: number, n: number) => `${e} error(s), ${w} warning(s), ${n} info`,
    marked: (c: number) => `${c} cell(s) coloured and annotated.`,
    markedNoNotes: (c: number) => `${c} cell(s) coloured (this Excel version cannot add notes).`,
    open: 'Click Show Pane to go through the findings.',
    noTable:
      'The active sheet has no header like 项目名称, 总计, 财政拨款 … 绩效指标. Switch to the sheet with the target table and try again.',
    cleared: 'The fills and notes this add-in added have been removed.',
    at: (t: string) => `Time: ${t}`,
    close: 'Close',
  },
} as const;

export function closeLabel(locale: Locale): string {
  return T[locale].close;
}

/** Local wall-clock time, e.g. `2025-03-01 14:05`. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function resultText(r: LastResult): ResultText {
  const t = T[r.locale];
  const at = t.at(formatTime(r.at));
  switch (r.kind) {
    case 'ok': {
      const clean = r.errors + r.warnings + r.infos === 0;
      const lines = [t.sheet(r.sheet)];
      if (r.tables > 1) lines.push(t.tables(r.tables));
      lines.push(t.projects(r.projects, r.indicators));
      if (!clean) {
        lines.push(t.findings(r.errors, r.warnings, r.infos));
        lines.push(r.notes > 0 || r.cells === 0 ? t.marked(r.cells) : t.markedNoNotes(r.cells));
        lines.push(t.open);
      }
      lines.push(at);
      return {
        title: clean ? t.cleanTitle : t.okTitle,
        lines,
        tone: r.errors > 0 ? 'error' : r.warnings > 0 ? 'warning' : clean ? 'ok' : 'info',
      };
    }
    case 'no-table':
      return { title: t.noTableTitle, lines: [t.sheet(r.sheet), t.noTable, at], tone: 'warning' };
    case 'cleared':
      return { title: t.clearedTitle, lines: [t.cleared, at], tone: 'ok' };
    case 'error':
      return { title: t.errorTitle, lines: [r.message, at], tone: 'error' };
  }
}
