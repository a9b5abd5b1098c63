/**
 * The CLI's own work — JSON shape and key order, the text report, exit codes, the `--out` copy — over
 * a stubbed core returning a hand-made report, so these hold whatever the rules find.
 */
import { copyFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/core/grid';
import type { Report, TableReport } from '../../src/core/report';
import { MARK_FILLS } from '../../src/core/marks';
import { fillOf, noteOf, readBook, run, sha256, tempDir } from './helpers';
import { hyperlinks, partsOf } from './package';

jest.mock('../../src/core/check', () => ({ checkWorkbook: jest.fn(), check: jest.fn() }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require('../../src/core/check') as {
  checkWorkbook: jest.Mock<Report, [readonly Grid[], { file?: string }]>;
};

const ERROR = `FF${MARK_FILLS.error.slice(1)}`;
const WARNING = `FF${MARK_FILLS.warning.slice(1)}`;

/** A report whose objects list their keys in an order unlike the doc's, with extra fields. */
function fakeTable(sheet = 'Sheet1'): TableReport {
  return {
    findings: [
      {
        actual: '101.00',
        expected: '100.00',
        message: '合计“总计”为 101.00，各单位之和为 100.00，相差 1.00',
        indicator: null,
        project: null,
        row: 2,
        cell: 'B2',
        severity: 'error',
        rule: 'amount-column-sum',
        related: ['B3'],
      },
      {
        fix: { text: '…≥90%…', before: '…>=90%…', cell: 'G4' },
        rule: 'value-comparator',
        severity: 'warning',
        cell: 'G4',
        row: 4,
        project: '项目甲',
        indicator: 2,
        message: '比较符“>=”应写作“≥”',
      },
      {
        rule: 'period-annual',
        severity: 'info',
        cell: 'G4',
        row: 4,
        project: '项目甲',
        indicator: 1,
        message: '年度值与实施周期值不同',
      },
      {
        rule: 'annual-missing',
        severity: 'error',
        cell: 'G5',
        row: 5,
        project: '项目乙',
        indicator: 1,
        message: '缺少年度指标值',
      },
    ],
    indicators: [
      {
        annual: { text: null, unit: '人', value: 4, comparator: '≥', raw: '≥4人' },
        period: { raw: '≥5人', comparator: '≥', value: 5, unit: '人', text: null },
        name: '人数',
        level2: { name: '数量指标', code: '11' },
        level1: { code: '1', name: '产出指标' },
        ordinal: 1,
        cell: 'G4',
        row: 4,
        project: '项目甲',
      },
      {
        project: '项目甲',
        row: 4,
        cell: 'G4',
        ordinal: 2,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '12', name: '质量指标' },
        name: '合格率',
        period: { raw: '>=90%', comparator: '≥', value: 90, unit: '%', text: null },
        annual: { raw: '>=90%', comparator: '≥', value: 90, unit: '%', text: null },
      },
      {
        project: '项目乙',
        row: 5,
        cell: 'G5',
        ordinal: 1,
        level1: { code: '2', name: '效益指标' },
        level2: { code: '22', name: '社会效益' },
        name: '效果',
        period: { raw: '效果显著', comparator: null, value: null, unit: null, text: '效果显著' },
        annual: null,
      },
    ],
    rows: [
      {
        amounts: { other: '0.00', specialAccount: '0.00', fiscal: '100.00', total: '101.00' },
        name: '合计',
        kind: 'total',
        row: 2,
      },
      {
        row: 3,
        kind: 'unit',
        name: '单位A',
        amounts: { total: '100.00', fiscal: '100.00', specialAccount: '0.00', other: '0.00' },
      },
      {
        unit: '单位A',
        row: 4,
        kind: 'project',
        name: '项目甲',
        amounts: { total: '60.00', fiscal: '60.00', specialAccount: '0.00', other: '0.00' },
      },
      {
        row: 5,
        kind: 'project',
        name: '项目乙',
        unit: '单位A',
        amounts: { total: '40.00', fiscal: '40.00', specialAccount: '0.00', other: '0.00' },
      },
      { of: 5, kind: 'continuation', row: 6 },
    ],
    summary: { infos: 1, warnings: 1, errors: 2, indicators: 3, projects: 2 },
    columns: { indicators: 'G', goal: 'F', other: 'E', specialAccount: 'D', fiscal: 'C', total: 'B', name: 'A' },
    unit: '万元',
    range: 'A1:G6',
    sheet,
  };
}

let dir: string;
let book: string;

async function writeBook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标']);
  ws.addRow(['合计', 101, 100]);
  ws.addRow(['单位A', 100, 100]);
  ws.addRow(['项目甲', 60, 60, null, null, '目标甲', '1、…']);
  ws.addRow(['项目乙', 40, 40, null, null, '目标乙', '1、…']);
  ws.addRow([null, null, null, null, null, null, '。']);
  for (let r = 2; r <= 5; r++) for (const c of [2, 3]) ws.getCell(r, c).numFmt = '#,##0.00';
  ws.getCell('G4').note = { texts: [{ text: '王会计:', font: { bold: true } }, { text: '\n请复核' }] };
  ws.getCell('A1').note = '表头说明';
  const old = wb.addWorksheet('指标明细');
  old.getCell('A1').value = '旧的内容';
  wb.addWorksheet('其他').getCell('A1').value = '无关';
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = tempDir();
  book = path.join(dir, 'book.xlsx');
  await writeBook(book);
});

beforeEach(() => {
  core.checkWorkbook.mockReset();
  core.checkWorkbook.mockImplementation((grids, opts) => ({
    file: opts.file,
    tables: grids.filter((g) => g.sheet === 'Sheet1').map((g) => fakeTable(g.sheet)),
  }));
});

describe('--format json', () => {
  test('one object in the key order of docs/report-format.md; exit 1 on an error finding', async () => {
    const r = await run([book, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['file', 'tables']);
    expect(j.file).toBe(book);
    const t = j.tables[0];
    expect(Object.keys(t)).toEqual(['sheet', 'range', 'unit', 'columns', 'summary', 'rows', 'indicators', 'findings']);
    expect(Object.keys(t.columns)).toEqual([
      'name',
      'total',
      'fiscal',
      'specialAccount',
      'other',
      'goal',
      'indicators',
    ]);
    expect(Object.keys(t.summary)).toEqual(['projects', 'indicators', 'errors', 'warnings', 'infos']);
    expect(Object.keys(t.rows[0])).toEqual(['row', 'kind', 'name', 'amounts']);
    expect(Object.keys(t.rows[0].amounts)).toEqual(['total', 'fiscal', 'specialAccount', 'other']);
    expect(t.rows[0].amounts.total).toBe('101.00');
    expect(Object.keys(t.rows[2])).toEqual(['row', 'kind', 'name', 'unit', 'amounts']);
    expect(t.rows[4]).toEqual({ row: 6, kind: 'continuation', of: 5 });
    expect(Object.keys(t.indicators[0])).toEqual([
      'project',
      'row',
      'cell',
      'ordinal',
      'level1',
      'level2',
      'name',
      'period',
      'annual',
    ]);
    expect(Object.keys(t.indicators[0].level2)).toEqual(['code', 'name']);
    expect(Object.keys(t.indicators[0].annual)).toEqual(['raw', 'comparator', 'value', 'unit', 'text']);
    expect(t.indicators[2].annual).toBeNull();
    expect(t.indicators[2].period).toEqual({
      raw: '效果显著',
      comparator: null,
      value: null,
      unit: null,
      text: '效果显著',
    });
    const keys = ['rule', 'severity', 'cell', 'row', 'project', 'indicator', 'message', 'expected', 'actual'];
    expect(Object.keys(t.findings[0])).toEqual([...keys, 'related']);
    expect(Object.keys(t.findings[1])).toEqual([...keys, 'fix']);
    expect(Object.keys(t.findings[1].fix)).toEqual(['cell', 'before', 'text']);
    // Absent expected/actual are written as null, so every finding has the same keys.
    expect(t.findings[3].expected).toBeNull();
    expect(t.findings[3].actual).toBeNull();
  });

  test('exit 0 when only warnings and infos', async () => {
    core.checkWorkbook.mockImplementation((grids, opts) => {
      const t = fakeTable();
      t.findings = t.findings.filter((f) => f.severity !== 'error');
      return { file: opts.file, tables: [t] };
    });
    const r = await run([book, '--format=json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tables[0].findings).toHaveLength(2);
  });

  test('several files: an array, one object per file, an unusable one as {file, error, tables: []}', async () => {
    const missing = path.join(dir, 'missing.xlsx');
    const r = await run([book, missing, '--format', 'json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(Array.isArray(j)).toBe(true);
    expect(j).toHaveLength(2);
    expect(j[0].tables).toHaveLength(1);
    expect(j[1]).toEqual({ file: missing, error: `找不到文件：${missing}`, tables: [] });
    expect(r.stderr).toBe(`budget-check: 找不到文件：${missing}\n`);
  });

  test('a single file prints an object, not an array', async () => {
    const r = await run(['--format', 'json', book]);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(false);
  });
});

describe('--sheet and tables', () => {
  test('only the named sheet reaches the core (case-insensitive like Excel)', async () => {
    await run([book, '--sheet', 'sheet1']);
    const grids = core.checkWorkbook.mock.calls[0][0];
    expect(grids.map((g) => g.sheet)).toEqual(['Sheet1']);
  });

  test('every sheet is searched by default', async () => {
    await run([book]);
    expect(core.checkWorkbook.mock.calls[0][0].map((g) => g.sheet)).toEqual(['Sheet1', '指标明细', '其他']);
  });

  test('no table in the sheets searched → exit 2 naming them', async () => {
    const r = await run([book, '--sheet', '其他']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `budget-check: 在 ${book} 的工作表“其他”中没有找到项目支出绩效目标表（需要“项目名称”“总计”“绩效指标”等表头）\n`,
    );
  });

  test('an exception inside the core is one line, not a stack', async () => {
    core.checkWorkbook.mockImplementation(() => {
      throw new TypeError('boom\n    at somewhere (x.ts:1:1)');
    });
    const r = await run([book]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('budget-check: 检查时发生内部错误：boom\n');
  });
});

describe('--format text', () => {
  test('summary per table, findings grouped by project, table-level first', async () => {
    const r = await run([book]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        book,
        '工作表“Sheet1” A1:G6 · 单位：万元',
        '2 个项目 · 3 条指标 · 错误 2 · 警告 1 · 提示 1',
        '合计及单位行',
        '  [错误] B2：合计“总计”为 101.00，各单位之和为 100.00，相差 1.00',
        '项目甲',
        '  [警告] G4 第2条：比较符“>=”应写作“≥”',
        '  [提示] G4 第1条：年度值与实施周期值不同',
        '项目乙',
        '  [错误] G5 第1条：缺少年度指标值',
        '',
      ].join('\n'),
    );
  });

  test('English labels with --lang en-US, and the locale reaches the core', async () => {
    const r = await run([book, '--lang', 'en-US']);
    expect(core.checkWorkbook.mock.calls[0][1]).toEqual({ file: book, locale: 'en-US' });
    expect(r.stdout).toContain(
      'Sheet "Sheet1" A1:G6 · unit: 万元 (10,000 yuan)\n2 projects · 3 indicators · 2 errors · 1 warning · 1 info\nTotal and unit rows\n  [Error] B2: ',
    );
    expect(r.stdout).toContain('  [Warning] G4 item 2: ');
  });

  test('no findings', async () => {
    core.checkWorkbook.mockImplementation((_g, opts) => {
      const t = fakeTable();
      t.findings = [];
      return { file: opts.file, tables: [t] };
    });
    const r = await run([book]);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('错误 2 · 警告 1 · 提示 1\n  未发现问题。\n')).toBe(true);
  });
});

describe('--out', () => {
  let out: string;
  let before: string;
  let wb: ExcelJS.Workbook;
  let r: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    core.checkWorkbook.mockImplementation((grids, opts) => ({ file: opts.file, tables: [fakeTable()] }));
    before = sha256(book);
    out = path.join(dir, 'annotated.xlsx');
    r = await run([book, '--out', out]);
    wb = await readBook(out);
  });

  test('exit 1, the report printed and the copy announced', () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`已写入标注副本：${out}（标记 3 个单元格，指标明细 3 行）`);
  });

  test('the input file is unchanged', () => {
    expect(sha256(book)).toBe(before);
  });

  test('fills by severity on flagged cells only (a shared style is not changed)', () => {
    const ws = wb.getWorksheet('Sheet1')!;
    expect(fillOf(ws.getCell('B2'))).toBe(ERROR);
    expect(fillOf(ws.getCell('G4'))).toBe(WARNING);
    expect(fillOf(ws.getCell('G5'))).toBe(ERROR);
    for (const a of ['C2', 'B3', 'C3', 'B4', 'B5', 'A1', 'G6']) expect(fillOf(ws.getCell(a))).toBeUndefined();
    // The number format of the filled cell is kept.
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
  });

  test('one note per flagged cell; a user note is kept, ours after a blank line', () => {
    const ws = wb.getWorksheet('Sheet1')!;
    expect(noteOf(ws.getCell('B2'))).toBe(
      '【预算绩效表校验】\n错误：合计“总计”为 101.00，各单位之和为 100.00，相差 1.00',
    );
    expect(noteOf(ws.getCell('G4'))).toBe(
      '王会计:\n请复核\n\n【预算绩效表校验】\n警告：比较符“>=”应写作“≥”\n提示：年度值与实施周期值不同',
    );
    expect(noteOf(ws.getCell('G5'))).toBe('【预算绩效表校验】\n错误：缺少年度指标值');
    expect(noteOf(ws.getCell('A1'))).toBe('表头说明');
    expect(noteOf(ws.getCell('B3'))).toBe('');
  });

  test('指标明细 is replaced by a table with links back to the source cells and a frozen header', () => {
    const sheets = wb.worksheets.map((w) => w.name);
    expect(sheets.filter((n) => n === '指标明细')).toHaveLength(1);
    expect(sheets).toEqual(['Sheet1', '其他', '指标明细']);
    const ws = wb.getWorksheet('指标明细')!;
    expect(ws.getCell('A1').value).toBe('项目');
    expect(ws.getCell('O1').value).toBe('问题');
    expect(ws.actualRowCount).toBe(4);
    const table = ws.getTable('BudgetCheckIndicators') as unknown as {
      table: { tableRef?: string; ref?: string; autoFilterRef?: string };
    };
    expect(table).toBeTruthy();
    expect(table.table.tableRef ?? table.table.ref).toMatch(/^A1(:O4)?$/);
    // In-workbook links are `location`s (no relationship per row); ExcelJS shows their text only.
    expect(ws.getCell('B2').value).toBe('Sheet1!G4');
    const links = hyperlinks(partsOf(out), '指标明细');
    expect(links.get('B2')).toBe("'Sheet1'!$G$4");
    expect(links.get('B4')).toBe("'Sheet1'!$G$5");
    expect(ws.getCell('A4').value).toBe('项目乙');
    expect(ws.getCell('L2').value).toBe(4);
    expect(ws.getCell('O3').value).toBe('比较符“>=”应写作“≥”');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBeGreaterThan(6);
  });

  test('annotating an annotated copy replaces our notes and sheet instead of stacking them', async () => {
    const again = path.join(dir, 'again.xlsx');
    const r2 = await run([out, '--out', again]);
    expect(r2.code).toBe(1);
    const wb2 = await readBook(again);
    const ws = wb2.getWorksheet('Sheet1')!;
    expect(noteOf(ws.getCell('G4'))).toBe(
      '王会计:\n请复核\n\n【预算绩效表校验】\n警告：比较符“>=”应写作“≥”\n提示：年度值与实施周期值不同',
    );
    expect(wb2.worksheets.filter((w) => w.name === '指标明细')).toHaveLength(1);
  });

  test('English notes and indicator sheet header with --lang en-US', async () => {
    const en = path.join(dir, 'en.xlsx');
    const r3 = await run([book, '--out', en, '--lang', 'en-US', '--format', 'json']);
    expect(r3.code).toBe(1);
    // --format json keeps stdout pure JSON.
    expect(() => JSON.parse(r3.stdout)).not.toThrow();
    const wb3 = await readBook(en);
    expect(noteOf(wb3.getWorksheet('Sheet1')!.getCell('B2'))).toMatch(/^\[Budget table check\]\nError: /);
    expect(wb3.getWorksheet('指标明细')!.getCell('A1').value).toBe('Project');
  });

  test('an unwritable --out path → exit 2, one line', async () => {
    const copy = path.join(dir, 'copy.xlsx');
    copyFileSync(book, copy);
    const r4 = await run([copy, '--out', path.join(dir, 'no-such-dir', 'x.xlsx')]);
    expect(r4.code).toBe(2);
    expect(r4.stdout).toBe('');
    expect(r4.stderr).toMatch(/^budget-check: 无法写入标注副本：.*x\.xlsx（ENOENT）\n$/);
  });
});
