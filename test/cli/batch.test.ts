/**
 * Batch review: folders walked, every workbook checked, unusable files are rows with their reason,
 * the summary workbook styled; JSON Lines; worker threads give the same results as inline.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { Progress } from '../../src/cli/batch/progress';
import { expandInputs } from '../../src/cli/batch/files';
import { buildCli, FIXTURES, readBook, ROOT, run, tempDir } from './helpers';

function department(): { dir: string; files: string[] } {
  const dir = tempDir();
  mkdirSync(path.join(dir, '二级单位', '更深'), { recursive: true });
  const files = [
    path.join(dir, 'clean-export.xlsx'),
    path.join(dir, 'defects.xlsx'),
    path.join(dir, '二级单位', 'hand-made.xlsx'),
    path.join(dir, '二级单位', '更深', 'sample.xlsm'),
  ];
  copyFileSync(path.join(FIXTURES, 'clean-export.xlsx'), files[0]);
  copyFileSync(path.join(FIXTURES, 'defects.xlsx'), files[1]);
  copyFileSync(path.join(FIXTURES, 'hand-made.xlsx'), files[2]);
  copyFileSync(path.join(ROOT, 'examples', 'sample.xlsx'), files[3]);
  writeFileSync(path.join(dir, '二级单位', 'broken.xlsx'), '这不是工作簿');
  writeFileSync(path.join(dir, '~$clean-export.xlsx'), 'Excel lock file');
  writeFileSync(path.join(dir, 'notes.txt'), 'not a workbook, not picked');
  return { dir, files };
}

test('folders are walked for .xlsx / .xlsm / .xls; lock files, other files and the summary are left out', async () => {
  const { dir } = department();
  const summary = path.join(dir, 'summary.xlsx');
  writeFileSync(summary, 'an old summary');
  const { files } = await expandInputs([dir], [summary]);
  expect(files.map((f) => path.relative(dir, f)).sort()).toEqual(
    [
      'clean-export.xlsx',
      'defects.xlsx',
      path.join('二级单位', 'broken.xlsx'),
      path.join('二级单位', 'hand-made.xlsx'),
      path.join('二级单位', '更深', 'sample.xlsm'),
    ].sort(),
  );
});

describe('a department folder with --summary', () => {
  const { dir } = department();
  const out = path.join(tempDir(), '汇总.xlsx');
  let code = -1;
  let stdout = '';
  beforeAll(async () => {
    ({ code, stdout } = await run([dir, '--summary', out]));
  });

  test('exit status is the worst file (an unusable one: 2); one line per file; never an abort', () => {
    expect(code).toBe(2);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes('broken.xlsx'))).toContain('不是有效的 Excel 工作簿');
    expect(lines.find((l) => l.includes('defects.xlsx'))).toMatch(/错误 [1-9]/);
  });

  test('the summary: one row per table, the unusable file with its reason, links, styled', async () => {
    const wb = await readBook(out);
    const [tables, findings] = wb.worksheets;
    expect(tables.name).toBe('汇总');
    expect(findings.name).toBe('问题明细');
    expect(tables.getRow(1).values).toEqual([
      undefined,
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
    ]);
    expect(tables.rowCount).toBe(1 + 5);
    const rows = [];
    for (let r = 2; r <= tables.rowCount; r++) rows.push(tables.getRow(r));
    const broken = rows.find((r) => String(r.getCell(1).value).includes('broken.xlsx'));
    expect(String(broken?.getCell(11).value)).toContain('不是有效的 Excel 工作簿');
    const defects = rows.find((r) => String(r.getCell(1).value).endsWith('defects.xlsx'));
    expect(Number(defects?.getCell(7).value)).toBeGreaterThan(0);
    expect(Number(defects?.getCell(5).value)).toBeGreaterThan(0);
    expect(defects?.getCell(4).value).toBe('万元');
    const link = defects?.getCell(10).value as { hyperlink?: string };
    expect(link.hyperlink).toMatch(/defects\.xlsx$/);
    expect(tables.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(tables.autoFilter).toBeTruthy();
    expect(tables.getColumn(1).width).toBeGreaterThan(20);
    // Every finding of every table has its row.
    let total = 0;
    for (const r of rows) total += Number(r.getCell(7).value ?? 0) + Number(r.getCell(8).value ?? 0);
    let severe = 0;
    for (let r = 2; r <= findings.rowCount; r++)
      if (['错误', '警告'].includes(String(findings.getRow(r).getCell(4).value))) severe++;
    expect(severe).toBe(total);
    expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

test('--format json over a folder prints JSON Lines, one report per file, in file order', async () => {
  const { dir } = department();
  const r = await run([dir, '--format', 'json']);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(5);
  const objects = lines.map((l) => JSON.parse(l) as { file: string; error?: string; tables: unknown[] });
  expect(objects.map((o) => o.file)).toEqual((await expandInputs([dir])).files);
  expect(objects.find((o) => o.file.endsWith('broken.xlsx'))).toMatchObject({ tables: [] });
  expect(r.code).toBe(2);
});

test('--summary must be .xlsx and cannot be an input; --out is for one file', async () => {
  expect((await run(['x.xlsx', '--summary', 'out.csv'])).stderr).toContain('.xlsx');
  const f = path.join(FIXTURES, 'defects.xlsx');
  expect((await run([f, '--summary', f])).code).toBe(2);
  expect((await run([f, '--summary', 's.xlsx', '--out', 'o.xlsx'])).code).toBe(2);
  expect((await run([f, '--jobs', '0'])).code).toBe(2);
});

test('the progress line is drawn on a terminal only', () => {
  let tty = '';
  const p = new Progress({ isTTY: true, write: (s: string) => (tty += s) }, 3, 'zh-CN');
  p.tick(0);
  p.tick(1);
  p.tick(0);
  p.finish();
  expect(tty).toContain('3/3');
  expect(tty).toContain('有错误或无法使用 1 个');
  let piped = '';
  const q = new Progress({ write: (s: string) => (piped += s) }, 3, 'zh-CN');
  q.tick(0);
  q.finish();
  expect(piped).toBe('');
  expect(new Progress({ isTTY: true, write: () => 0 }, 4, 'en-US').line()).toMatch(/0\/4/);
});

test('worker threads (the bundled CLI) give the same reports as the inline run', async () => {
  buildCli();
  const { dir } = department();
  const viaWorkers = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin', 'budget-check.js'), dir, '--format', 'json', '--jobs', '2'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const inline = await run([dir, '--format', 'json']);
  expect(viaWorkers.status).toBe(inline.code);
  expect(viaWorkers.stdout).toBe(inline.stdout);
  expect(viaWorkers.stderr).toBe('');
});
