/** Builders shared by the gateway tests: a budget-like sheet, hand-made reports, a gateway on a fake. */
import { marksPlan, type MarksPlan } from '../../src/core/marks';
import type { Finding, Severity, TableReport } from '../../src/core/report';
import type { Locale } from '../../src/core/messages/locale';
import { parseAddress } from '../../src/core/grid';
import { ExcelWorkbook } from '../../src/excel';
import { FakeWorkbook } from './fake-excel';
import { useNotesClient } from './wire/notes-client';

export const SHEET = '项目支出绩效目标表';

/** A title, a header and `n` project rows over columns A–F. */
export function tableRows(n: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ['项目支出绩效目标表', null, null, null, null, null],
    ['项目名称', '合计', '财政拨款', '其他资金', '年度目标', '绩效指标'],
  ];
  for (let i = 1; i <= n; i++) {
    rows.push([`  项目${i}`, 100 + i, 60 + i, 40, `完成任务${i}`, `≥${i % 100}%`]);
  }
  return rows;
}

export interface HostOptions {
  protected?: boolean;
  /** Excel on the web (5 MB cap on requests and responses). */
  web?: boolean;
  /** The page's client library has the notes API (Microsoft's CDN copy); default: the registry's. */
  clientNotes?: boolean;
}

export function makeWorkbook(level: string, n = 10, opts: HostOptions = {}): FakeWorkbook {
  const wb = new FakeWorkbook(level, [
    { name: SHEET, rows: tableRows(n), protected: opts.protected },
    { name: 'Sheet2', rows: [['其他']] },
  ]);
  wb.web = opts.web ?? false;
  wb.clientNotes = opts.clientNotes ?? false;
  return wb;
}

/** The clerk's own formatting and annotations, which marking must never lose. */
export function addUserState(wb: FakeWorkbook): void {
  const s = wb.sheet(SHEET);
  wb.cell(SHEET, 'B3').fill = { ...wb.cell(SHEET, 'B3').fill, color: '#FFFF00', pattern: 'Solid' };
  wb.cell(SHEET, 'E6').fill = {
    ...wb.cell(SHEET, 'E6').fill,
    color: '#00B050',
    pattern: 'Gray25',
    patternColor: '#FF0000',
  };
  wb.cell(SHEET, 'C8').fill = { ...wb.cell(SHEET, 'C8').fill, color: '#9BC2E6', pattern: 'Solid', tintAndShade: 0.4 };
  s.notes.set('C4', '我的批注：请复核');
  s.comments.push({ id: 'u1', cell: 'D5', content: '请核对其他资金', replies: [{ id: 'u2', content: '已核对' }] });
  wb.cell(SHEET, 'A3').indent = 1;
}

export function finding(cell: string, severity: Severity, message: string): Finding {
  const p = parseAddress(cell);
  return { rule: 'test-rule', severity, cell, row: p?.row ?? 0, project: null, indicator: null, message };
}

export function report(findings: Finding[], sheet = SHEET): TableReport {
  return {
    sheet,
    range: 'A1:F12',
    unit: '万元',
    columns: {},
    summary: { projects: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 },
    rows: [],
    indicators: [],
    findings,
  };
}

/** Cells that carry the user's state plus plain ones, over all severities. */
export function userStatePlan(locale: Locale = 'zh-CN'): MarksPlan {
  return marksPlan(
    [
      report([
        finding('B3', 'error', '合计不等于各项之和'),
        finding('C4', 'warning', '财政拨款小数位不一致'),
        finding('D5', 'error', '其他资金为负'),
        finding('E6', 'info', '年度目标过短'),
        finding('C8', 'warning', '格式不一致'),
        finding('F9', 'error', '指标值缺少单位'),
        finding('F9', 'info', '比较符建议使用≥'),
        finding('A10', 'warning', '项目名称前有空格'),
      ]),
    ],
    SHEET,
    locale,
  );
}

/** One flagged cell per project row (column D), for the size tests. */
export function onePerRowPlan(n: number): MarksPlan {
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++)
    findings.push(
      finding(`D${i + 3}`, i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info', `第${i + 1}行其他资金与合计不符`),
    );
  return marksPlan([report(findings)], SHEET);
}

/** The gateway as the pane builds it, over the workbook's client library and host. */
export function gateway(wb: FakeWorkbook, locale: Locale = 'zh-CN'): ExcelWorkbook {
  // The gateway looks at the page's client library when it is built.
  useNotesClient(wb.clientNotes);
  return new ExcelWorkbook({
    run: wb.run,
    isSetSupported: wb.isSetSupported,
    settings: wb.settings,
    locale,
    web: wb.web,
  });
}

/** Excel 2016 (1.1), 2019 (1.7), 1.9, 1.10, 2021 (1.14), 2024 (1.17), Microsoft 365 (1.18). */
export const LEVELS = ['1.1', '1.7', '1.9', '1.10', '1.14', '1.17', '1.18'] as const;

export interface HostCase extends HostOptions {
  level: string;
  web: boolean;
  clientNotes: boolean;
  /** For test titles: `1.18 web`, `1.18+notes desktop`. */
  label: string;
}

/**
 * Every level on desktop and on the web with the registry's client library, plus Microsoft 365 with
 * a client that has notes: the hosts every gateway test runs on.
 */
export const HOSTS: HostCase[] = [];
for (const level of LEVELS) {
  for (const web of [false, true])
    HOSTS.push({ level, web, clientNotes: false, label: `${level} ${web ? 'web' : 'desktop'}` });
}
for (const web of [false, true])
  HOSTS.push({ level: '1.18', web, clientNotes: true, label: `1.18+notes ${web ? 'web' : 'desktop'}` });

export function hostWorkbook(h: HostCase, n = 10, opts: { protected?: boolean } = {}): FakeWorkbook {
  return makeWorkbook(h.level, n, { ...opts, web: h.web, clientNotes: h.clientNotes });
}
