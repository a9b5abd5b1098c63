/**
 * The summary workbook of a batch run: one row per table (and per unusable file, with its reason),
 * then a sheet of every finding — frozen header, filters and widths, as a clerk expects. Cell
 * text is written as values, never as formulas; the link to each file is a relative hyperlink.
 */
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { Locale } from '../../core/messages/locale';
import type { FileResult } from './check-one';

const LABELS = {
  'zh-CN': {
    tables: '汇总',
    findings: '问题明细',
    tableHead: [
      '文件',
      '工作表',
      '预算单位',
      '金额单位',
      '项目数',
      '指标数',
      '错误',
      '警告',
      '已确认',
      '打开文件',
      '说明',
    ],
    findingHead: ['文件', '工作表', '单元格', '严重程度', '项目', '指标序号', '问题', '规则'],
    open: '打开',
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
    noTable: '没有找到表格',
  },
  'en-US': {
    tables: 'Summary',
    findings: 'Findings',
    tableHead: [
      'File',
      'Sheet',
      'Budget unit',
      'Money unit',
      'Projects',
      'Indicators',
      'Errors',
      'Warnings',
      'Accepted',
      'Open file',
      'Note',
    ],
    findingHead: ['File', 'Sheet', 'Cell', 'Severity', 'Project', 'Indicator', 'Finding', 'Rule'],
    open: 'Open',
    severity: { error: 'Error', warning: 'Warning', info: 'Info' } as Record<string, string>,
    noTable: 'No table found',
  },
};

/** Excel's cell limit; a longer text would make the copy unreadable. */
const MAX_TEXT = 32_767;
const clip = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** Collects results as they come (any order) and writes them sorted by file. */
export class Summary {
  private readonly results: FileResult[] = [];

  add(r: FileResult): void {
    this.results.push(r);
  }

  async write(out: string, locale: Locale): Promise<void> {
    const { default: ExcelJSModule } = await import('exceljs');
    const L = LABELS[locale];
    const wb = new ExcelJSModule.Workbook();
    const tables = wb.addWorksheet(L.tables, { views: [{ state: 'frozen', ySplit: 1 }] });
    const findings = wb.addWorksheet(L.findings, { views: [{ state: 'frozen', ySplit: 1 }] });
    header(tables, L.tableHead, [36, 18, 28, 10, 8, 8, 8, 8, 8, 8, 48]);
    header(findings, L.findingHead, [36, 18, 8, 10, 28, 8, 80, 24]);
    const base = path.dirname(path.resolve(out));
    const sorted = this.results.slice().sort((a, b) => a.file.localeCompare(b.file, 'zh-CN'));
    for (const r of sorted) {
      const link = {
        text: L.open,
        hyperlink: encodeURI(path.relative(base, path.resolve(r.file)).split(path.sep).join('/')),
      };
      if (!r.tables || r.tables.length === 0) {
        tables.addRow([r.file, '', '', '', null, null, null, null, null, link, clip(r.error ?? L.noTable)]);
        continue;
      }
      for (const t of r.tables) {
        tables.addRow([
          r.file,
          t.sheet,
          clip(t.units.join('、')),
          t.unit,
          t.projects,
          t.indicators,
          t.errors,
          t.warnings,
          t.accepted,
          link,
          '',
        ]);
        for (const f of t.findings) {
          findings.addRow([
            r.file,
            t.sheet,
            f.cell,
            L.severity[f.severity] ?? f.severity,
            clip(f.project ?? ''),
            f.indicator,
            clip(f.message),
            f.rule,
          ]);
        }
      }
    }
    tables.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, tables.rowCount), column: L.tableHead.length },
    };
    findings.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, findings.rowCount), column: L.findingHead.length },
    };
    await wb.xlsx.writeFile(out);
  }
}

function header(ws: ExcelJS.Worksheet, names: string[], widths: number[]): void {
  const row = ws.addRow(names);
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF4472C4' } };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}
