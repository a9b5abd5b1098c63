/**
 * The command line's own texts (the core's findings come already in the chosen language).
 * Every error text is one line: it is printed as the whole of stderr when the input cannot be used.
 */
import type { Locale } from '../core/messages/locale';
import type { RejectedTable, Severity } from '../core/report';

export interface CliMessages {
  usage: string;
  // Bad arguments.
  unknownOption(opt: string): string;
  missingValue(opt: string): string;
  badFormat(v: string): string;
  badLang(v: string): string;
  noFiles: string;
  outWithSeveralFiles: string;
  outNotXlsx(out: string, ext: string): string;
  outIsInput(out: string): string;
  // Unusable input.
  missingFile(file: string): string;
  notAFile(file: string): string;
  unreadable(file: string, reason: string): string;
  notWorkbook(file: string): string;
  oldOrEncrypted(file: string): string;
  otherFormat(file: string, format: string): string;
  zipBomb(file: string): string;
  beyondLimits(file: string): string;
  emptyWorkbook(file: string): string;
  sheetMissing(file: string, sheet: string, available: readonly string[]): string;
  noTable(file: string, sheets: readonly string[]): string;
  /** Nothing checked, but tables recognised as something else (绩效自评表, 部门整体支出绩效目标表). */
  onlyRejected(file: string, found: readonly RejectedTable[]): string;
  outWriteFailed(out: string, reason: string): string;
  outUnpatchable(out: string): string;
  internal(reason: string): string;
  outOfMemory(file: string, capMb: number): string;
  // The text report.
  tableHeading(sheet: string, range: string, unit: string): string;
  tableSummary(projects: number, indicators: number, errors: number, warnings: number, infos: number): string;
  noFindings: string;
  tableLevel: string;
  severity: Record<Severity, string>;
  findingLocation(cell: string, indicator: number | null): string;
  /** Whether a finding's message already names item `indicator`. */
  namesItem(message: string, indicator: number): boolean;
  noTablesInFile: string;
  /** The tables recognised and not checked (绩效自评表 …), listed under the checked ones. */
  rejectedHeading: string;
  rejectedLine(x: RejectedTable): string;
  annotated(out: string, cells: number, indicators: number): string;
  // Batch runs (src/cli/batch).
  batchNoFiles: string;
  batchLine(file: string, tables: number, errors: number, warnings: number): string;
  batchFailed(file: string, reason: string): string;
  batchSummaryWritten(out: string, files: number): string;
  summaryNotXlsx(out: string): string;
  badJobs(v: string): string;
}

const KIND_NAMES: Record<Locale, Record<RejectedTable['kind'], string>> = {
  'zh-CN': { 'self-evaluation': '绩效自评表', department: '部门整体支出绩效目标表', unknown: '其他表格' },
  'en-US': {
    'self-evaluation': 'a self-evaluation table (绩效自评表)',
    department: 'a department-level table (部门整体支出绩效目标表)',
    unknown: 'other tables',
  },
};

/** `绩效自评表和部门整体支出绩效目标表`: each kind found, once. */
function rejectedKinds(found: readonly RejectedTable[], locale: Locale): string {
  const kinds: string[] = [];
  for (const x of found) if (!kinds.includes(x.kind)) kinds.push(x.kind);
  return kinds.map((k) => KIND_NAMES[locale][k as RejectedTable['kind']]).join(locale === 'zh-CN' ? '和' : ' and ');
}

const list = (xs: readonly string[], sep: string): string => xs.map((x) => `“${x}”`).join(sep);

const zh: CliMessages = {
  usage: [
    '用法：budget-check <文件.xlsx 或文件夹>... [--sheet 工作表名] [--format text|json] [--lang zh-CN|en-US] [--out 标注副本.xlsx] [--summary 汇总.xlsx]',
    '',
    '检查工作簿中的项目支出绩效目标表（金额合计、绩效指标结构、指标值）。',
    '',
    '  --sheet 名称    只检查这个工作表（可重复）；默认检查每个工作表',
    '  --format text   可读的摘要，按项目列出问题（默认）',
    '  --format json   JSON 报告（docs/report-format.md）；给出多个文件时输出一个 JSON 数组，',
    '                  每个文件一个对象；无法使用的文件在数组中为 {"file", "error", "tables": []}',
    '  --lang 语言     zh-CN（默认）或 en-US：问题说明和本程序提示的语言',
    '  --out 路径      另存一份带标记的副本：按严重程度填色、每个问题单元格一条批注，',
    '                  并加入“指标明细”工作表；原文件不会被修改（只能用于单个文件）',
    '  --summary 路径  批量检查：给出文件夹（递归查找 .xlsx、.xlsm、.xls）或多个文件，',
    '                  写一份汇总工作簿：每个表一行（文件、工作表、单位、项目数、指标数、',
    '                  错误、警告、已确认、文件链接），另有一张全部问题的明细表；',
    '                  无法使用的文件也占一行并写明原因。给出文件夹时即为批量检查；',
    '                  批量检查时 --format json 每个文件输出一行 JSON（JSON Lines）',
    '  --jobs N        批量检查同时使用的线程数（默认每个 CPU 核一个）',
    '  --help          显示本说明',
    '  --version       显示版本',
    '',
    '退出状态：0 没有错误；1 至少一个错误；2 输入无法使用（原因见标准错误输出）。',
    '多个文件时取最严重的一个。',
  ].join('\n'),
  unknownOption: (o) => `未知选项：${o}（运行 budget-check --help 查看用法）`,
  missingValue: (o) => `选项 ${o} 缺少取值（运行 budget-check --help 查看用法）`,
  badFormat: (v) => `--format 只能是 text 或 json，而不是“${v}”`,
  badLang: (v) => `--lang 只能是 zh-CN 或 en-US，而不是“${v}”`,
  noFiles: '没有指定要检查的文件（用法：budget-check <文件.xlsx>...，运行 budget-check --help 查看说明）',
  outWithSeveralFiles: '--out 只能用于单个文件',
  outNotXlsx: (o, ext) => `--out 的文件名应以 ${ext} 结尾（与输入文件相同）：${o}`,
  outIsInput: (o) => `--out 不能是输入文件本身（原文件不会被修改）：${o}`,
  missingFile: (f) => `找不到文件：${f}`,
  notAFile: (f) => `不是文件：${f}`,
  unreadable: (f, r) => `无法读取文件：${f}（${r}）`,
  notWorkbook: (f) => `不是有效的 Excel 工作簿（.xlsx）：${f}`,
  oldOrEncrypted: (f) =>
    `不是有效的 Excel 工作簿（.xlsx）：${f}（可能是旧版 .xls 或设置了打开密码的文件，请在 Excel 中另存为 .xlsx 后再检查）`,
  otherFormat: (f, k) => `这是 ${k} 文件，不是 Excel 工作簿：${f}（请在原软件中另存为 .xlsx 后再检查）`,
  zipBomb: (f) => `文件解压后过大，疑似压缩炸弹，已拒绝读取：${f}`,
  beyondLimits: (f) => `文件中的行号或列号超出 Excel 的范围（1,048,576 行、16,384 列），不是有效的工作簿：${f}`,
  emptyWorkbook: (f) => `工作簿是空的，没有任何数据：${f}`,
  sheetMissing: (f, s, a) => `${f} 中没有名为“${s}”的工作表（现有工作表：${list(a, '、') || '无'}）`,
  noTable: (f, s) =>
    `在 ${f} 的工作表${list(s, '、')}中没有找到项目支出绩效目标表（需要“项目名称”“总计”“绩效指标”等表头）`,
  onlyRejected: (f, found) =>
    `${f} 中只有${rejectedKinds(found, 'zh-CN')}（${found.map((x) => `工作表“${x.sheet}” ${x.range}`).join('、')}），不是项目支出绩效目标表，未校验；本工具校验的是项目支出绩效目标表（项目资金与一级、二级、三级指标及指标值）`,
  outWriteFailed: (o, r) => `无法写入标注副本：${o}（${r}）`,
  outUnpatchable: (o) => `无法生成标注副本：输入工作簿的结构不完整或已损坏，请在 Excel 中打开并另存为后再试：${o}`,
  internal: (r) => `检查时发生内部错误：${r}`,
  outOfMemory: (f, mb) =>
    `文件太大，校验所需内存超过 ${mb} MB 的上限：${f}（内存更大的电脑可设环境变量 BUDGET_CHECK_HEAP_MB 提高上限）`,
  tableHeading: (s, r, u) => `工作表“${s}” ${r} · 单位：${u}`,
  tableSummary: (p, i, e, w, n) => `${p} 个项目 · ${i} 条指标 · 错误 ${e} · 警告 ${w} · 提示 ${n}`,
  noFindings: '  未发现问题。',
  tableLevel: '合计及单位行',
  severity: { error: '错误', warning: '警告', info: '提示' },
  findingLocation: (c, i) => (i === null ? c : `${c} 第${i}条`),
  namesItem: (m, i) => m.includes(`第 ${i} 条指标`),
  noTablesInFile: '  （没有找到表格）',
  rejectedHeading: '未校验的表格：',
  rejectedLine: (x) => `  工作表“${x.sheet}” ${x.range} · ${KIND_NAMES['zh-CN'][x.kind]}：${x.reason}`,
  annotated: (o, c, i) => `已写入标注副本：${o}（标记 ${c} 个单元格，指标明细 ${i} 行）`,
  batchNoFiles: '在给出的文件夹中没有找到 .xlsx、.xlsm 或 .xls 工作簿',
  batchLine: (f, t, e, w) => `${f}：${t} 个表 · 错误 ${e} · 警告 ${w}`,
  batchFailed: (f, r) => `${f}：无法检查 · ${r}`,
  batchSummaryWritten: (o, n) => `已写入汇总表：${o}（${n} 个文件）`,
  summaryNotXlsx: (o) => `--summary 的文件名应以 .xlsx 结尾：${o}`,
  badJobs: (v) => `--jobs 应为 1 到 64 之间的整数，而不是“${v}”`,
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const en: CliMessages = {
  usage: [
    'Usage: budget-check <file.xlsx or folder>... [--sheet NAME] [--format text|json] [--lang zh-CN|en-US] [--out ANNOTATED.xlsx] [--summary SUMMARY.xlsx]',
    '',
    'Checks the project expenditure performance target tables (项目支出绩效目标表) in workbooks:',
    'amount totals, indicator structure, target values.',
    '',
    '  --sheet NAME    check only this sheet (repeatable); by default every sheet is searched',
    '  --format text   a readable summary with the findings grouped by project (default)',
    '  --format json   the JSON report (docs/report-format.md); with several files, a JSON array',
    '                  with one object per file; an unusable file is {"file", "error", "tables": []}',
    '  --lang LANG     zh-CN (default) or en-US: language of the findings and of these messages',
    '  --out PATH      write an annotated copy: fills by severity, a note per flagged cell and an',
    '                  added 指标明细 (indicator) sheet; the input is never modified (one file only)',
    '  --summary PATH  batch review: given folders (searched for .xlsx, .xlsm, .xls) or files,',
    '                  write a summary workbook: one row per table (file, sheet, unit, projects,',
    '                  indicators, errors, warnings, accepted, link to the file) and a sheet of',
    '                  every finding; an unusable file is a row with its reason. A folder argument',
    '                  makes a batch run too; then --format json prints JSON Lines, one per file',
    '  --jobs N        worker threads for a batch run (default: one per CPU core)',
    '  --help          show this help',
    '  --version       show the version',
    '',
    'Exit status: 0 no error; 1 at least one error; 2 the input cannot be used (reason on stderr).',
    'With several files, the worst of them.',
  ].join('\n'),
  unknownOption: (o) => `unknown option: ${o} (see budget-check --help)`,
  missingValue: (o) => `option ${o} needs a value (see budget-check --help)`,
  badFormat: (v) => `--format must be text or json, not "${v}"`,
  badLang: (v) => `--lang must be zh-CN or en-US, not "${v}"`,
  noFiles: 'no file given (usage: budget-check <file.xlsx>..., see budget-check --help)',
  outWithSeveralFiles: '--out can only be used with a single file',
  outNotXlsx: (o, ext) => `the --out file name should end in ${ext}, as the input does: ${o}`,
  outIsInput: (o) => `--out must not be the input file itself (the input is never modified): ${o}`,
  missingFile: (f) => `file not found: ${f}`,
  notAFile: (f) => `not a file: ${f}`,
  unreadable: (f, r) => `cannot read file: ${f} (${r})`,
  notWorkbook: (f) => `not a valid Excel workbook (.xlsx): ${f}`,
  oldOrEncrypted: (f) =>
    `not a valid Excel workbook (.xlsx): ${f} (perhaps an old .xls or a password-protected file; save it as .xlsx in Excel first)`,
  otherFormat: (f, k) => `this is a ${k} file, not an Excel workbook: ${f} (save it as .xlsx first)`,
  zipBomb: (f) => `the file inflates to an excessive size (a suspected zip bomb); refused: ${f}`,
  beyondLimits: (f) =>
    `a row or column number is beyond Excel's limits (1,048,576 rows, 16,384 columns); not a valid workbook: ${f}`,
  emptyWorkbook: (f) => `the workbook is empty, it holds no data: ${f}`,
  sheetMissing: (f, s, a) => `${f} has no sheet named "${s}" (sheets: ${a.map((x) => `"${x}"`).join(', ') || 'none'})`,
  noTable: (f, s) =>
    `no project expenditure performance target table found in ${f}, sheet${s.length === 1 ? '' : 's'} ${s
      .map((x) => `"${x}"`)
      .join(', ')} (looked for headers such as 项目名称, 总计, 绩效指标)`,
  outWriteFailed: (o, r) => `cannot write the annotated copy: ${o} (${r})`,
  outUnpatchable: (o) =>
    `cannot make the annotated copy: the workbook's structure is incomplete or damaged; open it in Excel and save it again: ${o}`,
  internal: (r) => `internal error while checking: ${r}`,
  outOfMemory: (f, mb) =>
    `too large: checking it needs more than the ${mb} MB memory limit: ${f} (on a machine with more memory, set BUDGET_CHECK_HEAP_MB to raise it)`,
  tableHeading: (s, r, u) =>
    `Sheet "${s}" ${r} · unit: ${u}${u === '万元' ? ' (10,000 yuan)' : u === '元' ? ' (yuan)' : ''}`,
  tableSummary: (p, i, e, w, n) =>
    [
      plural(p, 'project', 'projects'),
      plural(i, 'indicator', 'indicators'),
      plural(e, 'error', 'errors'),
      plural(w, 'warning', 'warnings'),
      plural(n, 'info', 'infos'),
    ].join(' · '),
  noFindings: '  No findings.',
  tableLevel: 'Total and unit rows',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  findingLocation: (c, i) => (i === null ? c : `${c} item ${i}`),
  namesItem: (m, i) => new RegExp(`\\bIndicator ${i}\\b`).test(m),
  noTablesInFile: '  (no table found)',
  rejectedHeading: 'Tables not checked:',
  rejectedLine: (x) =>
    `  Sheet "${x.sheet}" ${x.range} · ${KIND_NAMES['en-US'][x.kind]}: not a project performance target table; not checked.`,
  onlyRejected: (f, found) =>
    `${f} holds only ${rejectedKinds(found, 'en-US')} (${found.map((x) => `sheet "${x.sheet}" ${x.range}`).join(', ')}), not a project performance target table; nothing was checked`,
  annotated: (o, c, i) => `Annotated copy written: ${o} (${c} cells marked, ${i} indicator rows)`,
  batchNoFiles: 'no .xlsx, .xlsm or .xls workbook found in the folders given',
  batchLine: (f, t, e, w) =>
    `${f}: ${plural(t, 'table', 'tables')} · ${plural(e, 'error', 'errors')} · ${plural(w, 'warning', 'warnings')}`,
  batchFailed: (f, r) => `${f}: not checked · ${r}`,
  batchSummaryWritten: (o, n) => `Summary written: ${o} (${plural(n, 'file', 'files')})`,
  summaryNotXlsx: (o) => `the --summary file name should end in .xlsx: ${o}`,
  badJobs: (v) => `--jobs must be a whole number from 1 to 64, not "${v}"`,
};

export function cliMessages(locale: Locale): CliMessages {
  return locale === 'en-US' ? en : zh;
}

/** The colon after a location: full-width in Chinese text. */
export function colon(locale: Locale): string {
  return locale === 'en-US' ? ': ' : '：';
}
