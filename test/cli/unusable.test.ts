/**
 * Input that cannot be used → exit 2, a one-line reason on stderr in the chosen language, nothing on
 * stdout, never a stack trace: in-process through main(), and through the real launcher in a child
 * process.
 */
import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ROOT, buildCli, expectOneLineNoStack, run, tempDir } from './helpers';
import { manyProjectsXlsx } from '../../scripts/bench/many-projects-xlsx';

let dir: string;
let emptyBook: string;
let emptySheetBook: string;
let notBook: string;
let unrelated: string;
let oleFile: string;

beforeAll(async () => {
  dir = tempDir();
  emptyBook = path.join(dir, 'empty.xlsx');
  await new ExcelJS.Workbook().xlsx.writeFile(emptyBook);

  emptySheetBook = path.join(dir, 'empty-sheet.xlsx');
  const wb1 = new ExcelJS.Workbook();
  wb1.addWorksheet('Sheet1');
  await wb1.xlsx.writeFile(emptySheetBook);

  notBook = path.join(dir, 'notes.xlsx');
  writeFileSync(notBook, '这是一个文本文件，不是工作簿。\n');

  oleFile = path.join(dir, 'old.xlsx');
  writeFileSync(oleFile, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));

  unrelated = path.join(dir, 'contacts.xlsx');
  const wb2 = new ExcelJS.Workbook();
  const ws = wb2.addWorksheet('通讯录');
  ws.addRow(['姓名', '电话', '部门']);
  ws.addRow(['张三', '020-12345678', '办公室']);
  ws.addRow(['李四', '020-87654321', '财务科']);
  await wb2.xlsx.writeFile(unrelated);
});

describe('in-process: exit 2 with a one-line reason', () => {
  const cases: [string, () => string[], RegExp, RegExp][] = [
    ['missing file', () => [path.join(dir, 'nope.xlsx')], /找不到文件：.*nope\.xlsx/, /file not found: .*nope\.xlsx/],
    // A folder is a batch run (src/cli/batch); one with no workbook in it is unusable.
    [
      'a folder with no workbook',
      () => [tempDir()],
      /没有找到 \.xlsx、\.xlsm 或 \.xls 工作簿/,
      /no \.xlsx, \.xlsm or \.xls workbook found/,
    ],
    [
      'text renamed .xlsx',
      () => [notBook],
      /不是有效的 Excel 工作簿（\.xlsx）：.*notes\.xlsx/,
      /not a valid Excel workbook \(\.xlsx\): .*notes\.xlsx/,
    ],
    [
      'old .xls / encrypted',
      () => [oleFile],
      /不是有效的 Excel 工作簿.*另存为 \.xlsx/,
      /not a valid Excel workbook.*save it as \.xlsx/,
    ],
    ['workbook with no sheet', () => [emptyBook], /工作簿是空的/, /the workbook is empty/],
    ['workbook with one empty sheet', () => [emptySheetBook], /工作簿是空的/, /the workbook is empty/],
    [
      '--sheet names a missing sheet',
      () => [unrelated, '--sheet', '预算表'],
      /没有名为“预算表”的工作表（现有工作表：“通讯录”）/,
      /has no sheet named "预算表" \(sheets: "通讯录"\)/,
    ],
    ['unknown option', () => ['--colour', unrelated], /未知选项：--colour/, /unknown option: --colour/],
    [
      '--format xml',
      () => ['--format', 'xml', unrelated],
      /--format 只能是 text 或 json，而不是“xml”/,
      /--format must be text or json, not "xml"/,
    ],
    [
      '--format without a value',
      () => [unrelated, '--format'],
      /选项 --format 缺少取值/,
      /option --format needs a value/,
    ],
    ['no file', () => ['--format', 'json'], /没有指定要检查的文件/, /no file given/],
    [
      '--out with several files',
      () => [unrelated, unrelated, '--out', path.join(dir, 'o.xlsx')],
      /--out 只能用于单个文件/,
      /--out can only be used with a single file/,
    ],
    [
      '--out is the input',
      () => [unrelated, '--out', unrelated],
      /--out 不能是输入文件本身/,
      /--out must not be the input file itself/,
    ],
    [
      '--out not .xlsx',
      () => [unrelated, '--out', path.join(dir, 'o.csv')],
      /--out 的文件名应以 \.xlsx 结尾/,
      /should end in \.xlsx/,
    ],
  ];

  test.each(cases)('%s (zh-CN)', async (_name, argv, zh) => {
    const r = await run(argv());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLineNoStack(r.stderr);
    expect(r.stderr).toMatch(zh);
  });

  test.each(cases)('%s (en-US)', async (_name, argv, _zh, en) => {
    const r = await run([...argv(), '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLineNoStack(r.stderr);
    expect(r.stderr).toMatch(en);
    expect(r.stderr).not.toMatch(/[找没不工]/);
  });

  test('--lang with a bad value is reported in Chinese', async () => {
    const r = await run([unrelated, '--lang', 'fr-FR']);
    expect(r.code).toBe(2);
    expectOneLineNoStack(r.stderr);
    expect(r.stderr).toMatch(/--lang 只能是 zh-CN 或 en-US，而不是“fr-FR”/);
  });

  test('the input is never touched when --out is refused', async () => {
    const r = await run([unrelated, `--out=${path.join(dir, '.', 'contacts.xlsx')}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out 不能是输入文件本身/);
  });

  // Needs the real core (src/core/check.ts): until check() is implemented this reports an internal error.
  test('a workbook with no budget table (needs the core)', async () => {
    const r = await run([unrelated]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLineNoStack(r.stderr);
    expect(r.stderr).toMatch(/没有找到项目支出绩效目标表/);
    const en = await run([unrelated, '--lang', 'en-US']);
    expect(en.stderr).toMatch(
      /no project expenditure performance target table found in .*contacts\.xlsx, sheet "通讯录"/,
    );
  });

  test('several files: the worst status wins, and each unusable file gets its line', async () => {
    const r = await run([notBook, path.join(dir, 'nope.xlsx')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/不是有效的 Excel 工作簿/);
    expect(lines[1]).toMatch(/找不到文件/);
  });

  test('--help and --version exit 0', async () => {
    const h = await run(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^用法：budget-check/);
    expect(h.stdout).toMatch(/JSON 数组/);
    const he = await run(['--help', '--lang', 'en-US']);
    expect(he.stdout).toMatch(/^Usage: budget-check/);
    const v = await run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^budget-check \d+\.\d+\.\d+\n$/);
  });
});

describe('child process: node bin/budget-check.js', () => {
  const bin = path.join(ROOT, 'bin', 'budget-check.js');

  beforeAll(() => {
    buildCli();
  }, 120_000);

  const node = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });

  test.each([
    ['missing file', () => ['nope.xlsx'], /^budget-check: 找不到文件：nope\.xlsx\n$/],
    ['text renamed .xlsx', () => ['notes.xlsx'], /^budget-check: 不是有效的 Excel 工作簿（\.xlsx）：notes\.xlsx\n$/],
    ['empty workbook', () => ['empty.xlsx'], /^budget-check: 工作簿是空的/],
    ['bad arguments', () => ['--format', 'xml', 'contacts.xlsx'], /^budget-check: --format 只能是 text 或 json/],
    ['missing sheet', () => ['contacts.xlsx', '--sheet', 'X'], /^budget-check: contacts\.xlsx 中没有名为“X”的工作表/],
    [
      'English',
      () => ['notes.xlsx', '--lang', 'en-US'],
      /^budget-check: not a valid Excel workbook \(\.xlsx\): notes\.xlsx\n$/,
    ],
  ])('%s → exit 2, one line, no stack', (_name, args, expected) => {
    const r = node(args());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLineNoStack(r.stderr);
    expect(r.stderr).toMatch(expected);
  });

  // Needs the real core (src/core/check.ts).
  test('a real fixture → exit 0 and a report on stdout (needs the core)', () => {
    const r = node([path.join(ROOT, 'test', 'fixtures', 'clean-export.xlsx'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tables[0].summary.projects).toBe(9);
  });

  describe('a large workbook runs under a heap cap (memory-cap.ts)', () => {
    let many: string;
    beforeAll(() => {
      many = path.join(dir, 'many-30000.xlsx');
      writeFileSync(many, manyProjectsXlsx(30_000));
    }, 60_000);
    const capped = (args: string[], env: Record<string, string>) =>
      spawnSync(process.execPath, [bin, ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...env },
        maxBuffer: 1 << 28,
      });

    test("past the cap → exit 2, one line naming the limit, never V8's fatal error", () => {
      const r = capped([many], { BUDGET_CHECK_HEAP_MB: '48' });
      expect(r.status).toBe(2);
      expectOneLineNoStack(r.stderr);
      expect(r.stderr).toMatch(/^budget-check: 文件太大，校验所需内存超过 48 MB 的上限：.*many-30000\.xlsx（/);
      expect(r.stderr).not.toMatch(/FATAL|heap out of memory/);
      const en = capped([many, '--lang', 'en-US'], { BUDGET_CHECK_HEAP_MB: '48' });
      expect(en.stderr).toMatch(/^budget-check: too large: checking it needs more than the 48 MB memory limit/);
    }, 120_000);

    test('within the cap → the same report and status as in process', () => {
      const inProcess = capped([many, '--format', 'json'], { BUDGET_CHECK_CAPPED: '1' });
      const child = capped([many, '--format', 'json'], { BUDGET_CHECK_HEAP_MB: '600' });
      expect(child.stderr).toBe('');
      expect(child.status).toBe(1); // every 1,000th project has a wrong sum
      expect(child.status).toBe(inProcess.status);
      expect(child.stdout).toBe(inProcess.stdout);
      expect(JSON.parse(child.stdout).tables[0].summary.projects).toBe(30_000);
    }, 120_000);
  });

  test('--version', () => {
    const r = node(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^budget-check \d+\.\d+\.\d+/);
  });
});
