/**
 * The preview in a real browser: the real pane over the in-memory workbook, the real core.
 * Build → static server on 127.0.0.1 → Debian chromium (playwright-core). Screenshots go to
 * test-output/screenshots/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as acorn from 'acorn';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { cliMessages } from '../../src/cli/messages';
import { MARK_FILLS, NOTE_HEADER } from '../../src/core/marks';
import type { Severity } from '../../src/core/report';
import type { CellView, PreviewHooks } from '../../src/preview/index';
import { build, chromiumAvailable, launch, screenshotPath, serve, type StaticServer } from './harness';

type W = Window & { __preview: PreviewHooks; __xss?: number };

const available = chromiumAvailable();
const suite = available ? describe : describe.skip;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A table with known defects: wrong 合计, `abc` in an amount, a `>=` comparator, hostile text. */
async function defectiveWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('绩效目标表');
  ws.addRow(['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标']);
  ws.addRow(['合计', 1000, 196.99]);
  ws.addRow(['广州市花都区口岸服务保障中心', 196.99, 196.99]);
  ws.addRow([
    '机构运行辅助经费',
    21.6,
    21.6,
    null,
    null,
    '通过聘用编外人员，保障单位的正常运作，顺利开展口岸保障服务工作。',
    '1、1-产出指标；11-数量指标；发放编外人员工资人数；实施周期指标值:≥4人；年度指标值:≥4人。' +
      '2、1-产出指标；13-时效指标；编外人员工资发放及时率；实施周期指标值:>=90%；年度指标值:>=90%。' +
      '3、2-效益指标；22-社会效益；编外人员有效支持单位正常运作；实施周期指标值:效果显著；年度指标值:效果显著。' +
      '4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥95%；年度指标值:≥95%。',
  ]);
  ws.addRow([
    '港口口岸单位经费',
    175.39,
    175.39,
    null,
    'abc',
    '为港口口岸单位提供有力的后勤服务，保障口岸现场工作正常运作。',
    '1、1-产出指标；11-数量指标；保障口岸查验单位数；实施周期指标值:2个/年；年度指标值:2个/年。' +
      '2、2-效益指标；22-社会效益；安全事故发生次数；实施周期指标值:0次；年度指标值:0次。' +
      '3、3-满意度指标；31-服务对象满意度；行政相对人对港口查验单位满意度；实施周期指标值:≥98%；年度指标值:≥98%。',
  ]);
  ws.addRow([
    '<img src=x onerror="window.__xss=1">',
    0,
    0,
    null,
    null,
    null, // 绩效目标 left empty: an error whose group is this project
    '1、1-产出指标；11-数量指标；<b>次数</b><img src=y onerror="window.__xss=2">；实施周期指标值:>=1次；年度指标值:>=1次。' +
      '2、2-效益指标；22-社会效益；效果；实施周期指标值:效果显著；年度指标值:效果显著。' +
      '3、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值:≥90%；年度指标值:≥90%。',
  ]);
  for (const r of [2, 3, 4, 5, 6]) for (const c of [2, 3, 4, 5]) ws.getCell(r, c).numFmt = '#,##0.00';
  ws.getCell('A4').alignment = { indent: 1 };
  ws.getCell('A5').alignment = { indent: 1 };
  ws.getCell('A6').alignment = { indent: 1 };
  // A user's own fill and note, which clearing our marks must leave exactly as they were.
  ws.getCell('F4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  ws.getCell('A5').note = '财务科：请核对';
  ws.getColumn(1).width = 30;
  ws.getColumn(6).width = 30;
  ws.getColumn(7).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

suite('preview in chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  let dist = '';

  beforeAll(async () => {
    dist = build();
    server = await serve(dist);
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    pageErrors.length = 0;
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}preview.html`);
    await page.waitForFunction(() => (window as unknown as W).__preview?.ready === true, null, { timeout: 30_000 });
  });

  afterEach(async () => {
    await page?.close();
    expect(pageErrors).toEqual([]);
  });

  const pane = (p: Page) => p.evaluate(() => (window as unknown as W).__preview.pane());
  const state = (p: Page) => p.evaluate(() => (window as unknown as W).__preview.state());
  const snapshot = (p: Page, sheet?: string) =>
    p.evaluate((s) => (window as unknown as W).__preview.snapshot(s), sheet);
  const cell = (p: Page, a: string) => p.evaluate((x) => (window as unknown as W).__preview.cell(x), a);

  async function waitIdle(p: Page, loads?: number): Promise<void> {
    await p.waitForFunction(
      (n) => {
        const h = (window as unknown as W).__preview;
        const s = h.pane();
        return s !== null && !s.busy && (n === null || h.loads > n);
      },
      loads ?? null,
      { timeout: 30_000 },
    );
  }

  async function runCheck(p: Page): Promise<void> {
    await p.click('button[data-action="check"]');
    await p.waitForFunction(
      () => {
        const s = (window as unknown as W).__preview.pane();
        return s !== null && !s.busy && s.outcome !== 'none';
      },
      null,
      { timeout: 30_000 },
    );
  }

  async function openDefective(p: Page): Promise<void> {
    const loads = await p.evaluate(() => (window as unknown as W).__preview.loads);
    await p.setInputFiles('input[data-role="file"]', {
      name: '有问题的表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await defectiveWorkbook(),
    });
    await waitIdle(p, loads);
  }

  /** Every flagged cell carries the most severe finding's fill and a note with our header. */
  async function expectMarks(p: Page): Promise<string[]> {
    const s = await pane(p);
    const worst = new Map<string, Severity>();
    for (const f of s?.visible ?? []) {
      const cur = worst.get(f.cell);
      if (!cur || RANK[f.severity] < RANK[cur]) worst.set(f.cell, f.severity);
    }
    for (const [a, sev] of worst) {
      const c = await cell(p, a);
      expect(c?.fill).toBe(MARK_FILLS[sev]);
      expect(c?.note?.startsWith(NOTE_HEADER['zh-CN'])).toBe(true);
      const td = p.locator(`table.pv-grid td[data-cell="${a}"]`);
      expect(await td.getAttribute('data-fill')).toBe(MARK_FILLS[sev]);
      expect(await td.locator('.pv-note-mark').count()).toBe(1);
    }
    return [...worst.keys()];
  }

  test('the sample: check, summary, marks on the grid, note tooltip', async () => {
    const st = await state(page);
    expect(st.sheets.length).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('01-preview-loaded.png') });
    await runCheck(page);
    const summary = (await page.textContent('[data-role="summary"]')) ?? '';
    expect(summary).toMatch(/^\d+ 个项目 · \d+ 条指标 · 错误 \d+ · 警告 \d+ · 提示 \d+$/);
    const s = await pane(page);
    expect(s?.outcome).toBe('ok');
    if (st.source === 'sample.xlsx') {
      // The sample is the real published table: it must produce no error.
      expect(s?.counts?.errors).toBe(0);
      expect(s?.counts?.projects).toBeGreaterThan(0);
    }
    const flagged = await expectMarks(page);
    if (flagged.length > 0) {
      const tip = await page.evaluate((a) => (window as unknown as W).__preview.hover(a), flagged[0]);
      expect(tip?.startsWith(NOTE_HEADER['zh-CN'])).toBe(true);
      expect(await page.isVisible('[data-role="tooltip"]')).toBe(true);
    }
    await page.screenshot({ path: screenshotPath('02-sample-checked.png') });
  });

  test('clicking a finding, the keyboard and 下一条 select cells on the grid', async () => {
    await openDefective(page);
    await runCheck(page);
    const s = await pane(page);
    const visible = s?.visible ?? [];
    expect(visible.length).toBeGreaterThan(2);

    await page.click(`[role="option"][data-key="${visible[1].key}"]`);
    await page.waitForFunction(
      (c) => (window as unknown as W).__preview.state().selection?.cell === c,
      visible[1].cell,
    );
    expect(await page.getAttribute('td.pv-selected', 'data-cell')).toBe(visible[1].cell);
    expect(await page.textContent('[data-role="namebox"]')).toBe(visible[1].cell);

    // Arrow down + Enter in the list, then F8 from anywhere in the pane.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (c) => (window as unknown as W).__preview.state().selection?.cell === c,
      visible[2].cell,
    );
    await page.keyboard.press('Shift+F8');
    await page.waitForFunction(
      (c) => (window as unknown as W).__preview.state().selection?.cell === c,
      visible[1].cell,
    );
    await page.click('button[data-action="next"]');
    await page.waitForFunction(
      (c) => (window as unknown as W).__preview.state().selection?.cell === c,
      visible[2].cell,
    );
    expect((await pane(page))?.active).toBe(2);
    await page.screenshot({ path: screenshotPath('03-finding-selected.png') });
  });

  test('a defective workbook picked with the file input: its errors, marks, and no HTML from cells', async () => {
    await openDefective(page);
    expect((await state(page)).source).toBe('有问题的表.xlsx');
    await runCheck(page);
    const s = await pane(page);
    expect(s?.counts?.errors).toBeGreaterThanOrEqual(2);
    const errors = (s?.visible ?? []).filter((f) => f.severity === 'error');
    // `abc` in 其他资金 (E5) and the wrong 合计 (B2) are both errors.
    expect(errors.map((f) => f.cell)).toEqual(expect.arrayContaining(['E5', 'B2']));
    expect(errors.find((f) => f.cell === 'B2')?.group).toBe('合计及单位行');
    expect(await page.textContent('[data-role="summary"]')).toMatch(/错误 [1-9]\d*/);
    await expectMarks(page);
    // Hostile cell text stays text, in the pane and on the grid.
    expect(await page.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as W).__xss)).toBeUndefined();
    expect(await page.textContent('[data-role="list"]')).toContain('<img src=x onerror="window.__xss=1">');
    await page.screenshot({ path: screenshotPath('05-defective-checked.png') });
  });

  test('a per-project form (layouts.md L3) is read and checked like the list: findings on their own cells, marked', async () => {
    const loads = await page.evaluate(() => (window as unknown as W).__preview.loads);
    await page.setInputFiles('input[data-role="file"]', {
      name: '项目支出绩效目标表（表单）.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'forms', 'l3-form-defects.xlsx')),
    });
    await waitIdle(page, loads);
    await runCheck(page);
    const s = await pane(page);
    // The form's sum slip (年度资金总额 C7) and the target written `≧95%` (E20) are findings on their own cells.
    expect((s?.visible ?? []).filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual(
      expect.arrayContaining(['C7']),
    );
    expect((s?.visible ?? []).map((f) => f.cell)).toEqual(expect.arrayContaining(['E20']));
    await expectMarks(page);
    await page.screenshot({ path: screenshotPath('08-form-checked.png') });
  });

  test('a workbook dropped on the page is opened', async () => {
    const bytes = [...(await defectiveWorkbook())];
    const loads = await page.evaluate(() => (window as unknown as W).__preview.loads);
    await page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], '拖入.xlsx'));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, bytes);
    await waitIdle(page, loads);
    expect((await state(page)).source).toBe('拖入.xlsx');
    expect(await page.isHidden('.pv-drop')).toBe(true);
    await runCheck(page);
    expect((await pane(page))?.counts?.errors).toBeGreaterThanOrEqual(2);
  });

  test('a file that is not a workbook gets a clear message', async () => {
    await page.setInputFiles('input[data-role="file"]', {
      name: 'notes.xlsx',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await page.waitForSelector('[data-role="load-error"]:not([hidden])');
    // The command line's sentence for the same file, word for word.
    expect(await page.textContent('[data-role="load-error"]')).toBe(cliMessages('zh-CN').notWorkbook('notes.xlsx'));
  });

  test('apply a fix, see the cell change and the finding go; undo it', async () => {
    await openDefective(page);
    await runCheck(page);
    const fixable = (await pane(page))?.visible.find((f) => f.fixable);
    expect(fixable).toBeDefined();
    if (!fixable) return;
    const before = (await cell(page, fixable.cell))?.text ?? '';
    expect(before).toContain('>=90%');
    await page.click(`[role="option"][data-key="${fixable.key}"]`);
    await page.click('button[data-action="apply-fix"]');
    await page.waitForSelector('button[data-action="undo-fix"]');
    await waitIdle(page);
    const after = (await cell(page, fixable.cell))?.text ?? '';
    expect(after).not.toContain('>=');
    expect(after).toContain('≥90%');
    expect(await page.textContent('[data-role="formula"]')).toBeDefined();
    const again = await pane(page);
    expect(again?.visible.some((f) => f.cell === fixable.cell && f.rule === fixable.rule)).toBe(false);
    expect(again?.appliedFixes).toEqual([expect.objectContaining({ cell: fixable.cell, before, text: after })]);
    // The confirmation is in view, and the grid's selection is the pane's current finding.
    expect(await inView(page, '[data-role="status"]', '[data-role="pane"]')).toBe(true);
    if (again && again.active >= 0) expect((await state(page)).selection?.cell).toBe(again.visible[again.active].cell);
    await page.screenshot({ path: screenshotPath('06-fix-applied.png') });

    await page.click('button[data-action="undo-fix"]');
    await page.waitForSelector('button[data-action="undo-fix"]', { state: 'detached' });
    await waitIdle(page);
    expect((await cell(page, fixable.cell))?.text).toBe(before);
    expect((await pane(page))?.visible.some((f) => f.cell === fixable.cell && f.rule === fixable.rule)).toBe(true);
  });

  test('清除标记 restores every cell exactly as it was before the check', async () => {
    await openDefective(page);
    const before: Record<string, CellView> = await snapshot(page);
    expect(before.F4.fill).toBe('#E2EFDA');
    expect(before.A5.note).toBe('财务科：请核对');
    await runCheck(page);
    const marked = await snapshot(page);
    expect(marked).not.toEqual(before);
    expect(Object.values(marked).some((c) => c.fill === MARK_FILLS.error)).toBe(true);
    await page.click('button[data-action="clear-marks"]');
    await waitIdle(page);
    const after = await snapshot(page);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const a of Object.keys(before)) expect({ cell: a, ...after[a] }).toEqual({ cell: a, ...before[a] });
    expect(await page.locator('table.pv-grid td[data-note]').count()).toBe(
      Object.values(before).filter((c) => c.note !== null).length,
    );
    expect(await page.textContent('[data-role="status"]')).toBe('已清除本工具添加的所有标记。');
    await page.screenshot({ path: screenshotPath('07-marks-cleared.png') });
  });

  test('生成指标明细表 adds the 指标明细 sheet tab with one row per indicator', async () => {
    await runCheck(page);
    const indicators = (await pane(page))?.counts?.indicators ?? 0;
    expect(indicators).toBeGreaterThan(0);
    await page.click('button[data-action="write-indicators"]');
    await page.waitForSelector('.pv-tab[data-sheet="指标明细"]');
    await waitIdle(page);
    const st = await state(page);
    expect(st.sheets).toContain('指标明细');
    expect(st.activeSheet).toBe('指标明细');
    expect(await page.getAttribute('.pv-tab[data-sheet="指标明细"]', 'aria-selected')).toBe('true');
    const sheet = await snapshot(page, '指标明细');
    expect(sheet.A1.text).toBe('项目');
    const rows = new Set(Object.keys(sheet).map((a) => Number(/\d+$/.exec(a)?.[0])));
    expect(rows.size - 1).toBe(indicators);
    expect(await page.textContent('[data-role="status"]')).toBe(`已生成“指标明细”工作表，共 ${indicators} 条指标。`);
    await page.screenshot({ path: screenshotPath('04-indicator-sheet.png') });
    // A source link leads back to the indicator's cell on the table's sheet.
    await page.click('table.pv-grid td[data-cell="B2"]');
    await page.waitForFunction(() => (window as unknown as W).__preview.state().activeSheet !== '指标明细');
    expect((await state(page)).selection?.cell).toMatch(/^[A-Z]+\d+$/);
  });

  test('a slow read shows the progress bar and disables the buttons', async () => {
    await page.evaluate(() => (window as unknown as W).__preview.setReadDelay(1500));
    await page.click('button[data-action="check"]');
    await page.waitForSelector('[data-role="progress"]:not([hidden])');
    expect(await page.isDisabled('button[data-action="check"]')).toBe(true);
    expect(await page.isDisabled('button[data-action="clear-marks"]')).toBe(true);
    expect(await page.textContent('[data-role="progress"]')).toMatch(/正在(读取|校验)/);
    await page.screenshot({ path: screenshotPath('08-progress.png') });
    await waitIdle(page);
    expect(await page.isHidden('[data-role="progress"]')).toBe(true);
    expect(await page.isEnabled('button[data-action="check"]')).toBe(true);
  });

  test('the Office bundles parse as ES2017 (Excel 2019 runs add-ins in EdgeHTML 18)', () => {
    for (const name of ['taskpane.js', 'commands.js', 'result.js', 'check-worker.js']) {
      const code = fs.readFileSync(path.join(dist, name), 'utf8');
      expect(() => acorn.parse(code, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
    }
    // The same parser does reject newer syntax, so the check above can fail.
    expect(() => acorn.parse('a?.b ?? c', { ecmaVersion: 2017 })).toThrow();
  });

  test('the check worker is fetched with the build id as query (no stale cached worker after a deploy)', async () => {
    const fresh = await browser.newPage();
    const workerUrls: string[] = [];
    fresh.on('request', (r) => {
      if (r.url().includes('check-worker.js')) workerUrls.push(r.url());
    });
    try {
      await fresh.goto(`${server.url}preview.html`);
      await fresh.waitForFunction(() => (window as unknown as W).__preview?.ready === true, null, { timeout: 30_000 });
      await runCheck(fresh);
      expect(workerUrls.length).toBeGreaterThan(0);
      for (const u of workerUrls) expect(new URL(u).search).toMatch(/^\?v=[0-9a-f]{10}$/);
    } finally {
      await fresh.close();
    }
  });

  test('the pane is usable with the keyboard alone', async () => {
    await page.focus('button[data-action="check"]');
    await page.keyboard.press('Enter');
    await waitIdle(page);
    await page.waitForFunction(() => (window as unknown as W).__preview.pane()?.outcome === 'ok');
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const a = document.activeElement as HTMLElement | null;
          return a?.dataset.action ?? a?.dataset.filter ?? a?.getAttribute('role') ?? a?.tagName.toLowerCase() ?? '';
        }),
      );
    }
    expect(order.slice(0, 5)).toEqual(['write-indicators', 'clear-marks', 'error', 'warning', 'info']);
    expect(order).toContain('option');
    // The focused element shows a visible focus ring.
    await page.focus('button[data-action="check"]');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
  });

  test('before a check there is no "错误 0": filters and navigation are not shown', async () => {
    expect(await page.isVisible('button[data-filter="error"]')).toBe(false);
    expect(await page.isVisible('button[data-action="next"]')).toBe(false);
    await runCheck(page);
    expect(await page.isVisible('button[data-filter="error"]')).toBe(true);
    // the severity dot of the detail card has a size
    await page.click('button[data-action="next"]');
    const box = await page.locator('[data-role="detail"] .bc-dot').boundingBox();
    expect(box?.width).toBeGreaterThan(4);
    expect(box?.height).toBeGreaterThan(4);
    // no rule id among the words the clerk reads
    expect(await page.textContent('[data-role="list"]')).not.toMatch(/\b[a-z]+(-[a-z]+)+\b/);
  });

  test('a note on the last column opens a tooltip inside the window, wide enough to read', async () => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await openDefective(page);
    await runCheck(page);
    const g = (await pane(page))?.visible.find((f) => f.cell.startsWith('G'));
    expect(g).toBeDefined();
    await page.evaluate((a) => (window as unknown as W).__preview.hover(a), g?.cell ?? '');
    const box = await page.locator('[data-role="tooltip"]').boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1000);
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    expect(box.width).toBeGreaterThan(150);
  });

  test('the state sequence: unchecked → checked → fixed → cleared, and undo after clearing leaves the sheet unmarked', async () => {
    await openDefective(page);
    expect((await pane(page))?.phase).toBe('unchecked');
    await runCheck(page);
    expect((await pane(page))?.phase).toBe('checked');
    const fixable = (await pane(page))?.visible.find((f) => f.fixable);
    await page.click(`[role="option"][data-key="${fixable?.key}"]`);
    await page.click('button[data-action="apply-fix"]');
    await page.waitForSelector('button[data-action="undo-fix"]');
    await waitIdle(page);
    expect((await pane(page))?.phase).toBe('fixed');
    await page.click('button[data-action="clear-marks"]');
    await waitIdle(page);
    const cleared = await pane(page);
    expect(cleared?.phase).toBe('cleared');
    expect(cleared?.visible).toEqual([]);
    expect(await page.locator('[role="option"]').count()).toBe(0);
    expect(await page.isVisible('[data-role="position"]')).toBe(false);
    await page.click('button[data-action="undo-fix"]');
    await page.waitForSelector('button[data-action="undo-fix"]', { state: 'detached' });
    await waitIdle(page);
    expect((await state(page)).hasMarks).toBe(false);
    expect((await pane(page))?.phase).toBe('cleared');
    await runCheck(page);
    expect((await pane(page))?.phase).toBe('checked');
  });

  test('no table on the active sheet: the pane names the sheet that has one and checks it on request', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['填表说明：请在“目标表”工作表中填写。']);
    const loads = await page.evaluate(() => (window as unknown as W).__preview.loads);
    const other = new ExcelJS.Workbook();
    await other.xlsx.load((await defectiveWorkbook()) as unknown as ArrayBuffer);
    const ws = wb.addWorksheet('目标表');
    other.getWorksheet('绩效目标表')?.eachRow((row) => ws.addRow((row.values as unknown[]).slice(1)));
    await page.setInputFiles('input[data-role="file"]', {
      name: '两张表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await waitIdle(page, loads);
    await runCheck(page);
    expect((await pane(page))?.outcome).toBe('no-table');
    expect(await page.textContent('[data-role="status"]')).toContain('目标表在工作表“目标表”');
    expect(await page.isVisible('[data-role="alert"]')).toBe(false);
    await page.click('button[data-action="switch-sheet"]');
    await page.waitForFunction(() => (window as unknown as W).__preview.pane()?.outcome === 'ok');
    expect((await state(page)).activeSheet).toBe('目标表');
  });

  test('the grid reaches any row: a finding on row 3,032 is shown when selected', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    ws.addRow(['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标']);
    const n = 3100;
    ws.addRow(['合计', n, n]);
    ws.addRow(['某某中心', n, n]);
    for (let i = 0; i < n - 3; i++) {
      const value = i + 4 === 3032 ? '>=1次' : '≥1次';
      ws.addRow([
        `项目${i + 1}`,
        1,
        1,
        null,
        null,
        '保障运转。',
        `1、1-产出指标；11-数量指标；次数；实施周期指标值:${value}；年度指标值:${value}。` +
          '2、2-效益指标；22-社会效益；效果；实施周期指标值:效果显著；年度指标值:效果显著。' +
          '3、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值:≥90%；年度指标值:≥90%。',
      ]);
    }
    const loads = await page.evaluate(() => (window as unknown as W).__preview.loads);
    await page.setInputFiles('input[data-role="file"]', {
      name: '大表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await waitIdle(page, loads);
    await runCheck(page);
    const target = (await pane(page))?.visible.find((f) => f.cell === 'G3032');
    expect(target).toBeDefined();
    await page.click(`[role="option"][data-key="${target?.key}"]`);
    await page.waitForSelector('td.pv-selected[data-cell="G3032"]');
    expect(await page.textContent('[data-role="namebox"]')).toBe('G3032');
    const cellBox = await page.locator('td.pv-selected').boundingBox();
    const scrollBox = await page.locator('[data-role="grid-scroll"]').boundingBox();
    expect(cellBox && scrollBox && cellBox.y >= scrollBox.y && cellBox.y < scrollBox.y + scrollBox.height).toBe(true);
    // far fewer rows in the DOM than on the sheet
    expect(await page.locator('th.pv-rowhead').count()).toBeLessThan(500);
    await page.screenshot({ path: screenshotPath('09-row-3032.png') });
  });

  test('the page has a favicon', async () => {
    const href = await page.getAttribute('link[rel="icon"]', 'href');
    expect(href).toBeTruthy();
    const res = await page.request.get(new URL(href ?? '', page.url()).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  });

  test('已确认: a warning accepted with a reason is greyed and unmarked on every re-check, until its cell changes; it can be withdrawn', async () => {
    await openDefective(page);
    await runCheck(page);
    const warning = (await pane(page))?.visible.find((f) => f.severity === 'warning');
    expect(warning).toBeDefined();
    if (!warning) return;
    const onlyOne = ((await pane(page))?.visible ?? []).filter((f) => f.cell === warning.cell).length === 1;
    await page.click(`[role="option"][data-key="${warning.key}"]`);
    await page.fill('[data-role="accept-reason"]', '本项目无服务对象，已与财政局确认');
    await page.click('button[data-action="accept"]');
    await page.waitForSelector(`[role="option"][data-accepted="true"][data-cell="${warning.cell}"]`);
    await waitIdle(page);
    const after = await pane(page);
    expect(after?.visible.find((f) => f.cell === warning.cell && f.rule === warning.rule)?.accepted).toBe(true);
    expect(await page.isVisible('button[data-filter="accepted"]')).toBe(true);
    expect(await page.textContent('[data-role="detail"]')).toContain('本项目无服务对象，已与财政局确认');
    if (onlyOne) expect((await cell(page, warning.cell))?.fill).toBeNull();
    await page.screenshot({ path: screenshotPath('10-accepted.png') });
    // a later check: still accepted
    await runCheck(page);
    expect((await pane(page))?.visible.find((f) => f.cell === warning.cell && f.rule === warning.rule)?.accepted).toBe(
      true,
    );
    // withdraw, accept again, then edit the cell: the finding is back
    await page.click(`[role="option"][data-cell="${warning.cell}"][data-accepted="true"]`);
    await page.click('button[data-action="unaccept"]');
    await waitIdle(page);
    expect((await pane(page))?.visible.find((f) => f.cell === warning.cell && f.rule === warning.rule)?.accepted).toBe(
      false,
    );
    await page.click(`[role="option"][data-cell="${warning.cell}"]`);
    await page.click('button[data-action="accept"]');
    await waitIdle(page);
    const text = (await cell(page, warning.cell))?.text ?? '';
    await page.evaluate(([a, t]) => (window as unknown as W).__preview.edit(a, t), [warning.cell, `${text} `] as const);
    await runCheck(page);
    const back = (await pane(page))?.visible.find((f) => f.cell === warning.cell && f.rule === warning.rule);
    expect(back?.accepted).toBe(false);
    expect((await cell(page, warning.cell))?.fill).not.toBeNull();
  });
});

/** Whether the element is inside its scrolling container's visible box (and the window's). */
async function inView(p: Page, selector: string, container: string): Promise<boolean> {
  return p.evaluate(
    ([sel, cont]) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      const c = document.querySelector(cont)?.getBoundingClientRect();
      if (!r || !c || r.height === 0) return false;
      return r.top >= c.top - 1 && r.bottom <= c.bottom + 1 && r.bottom <= window.innerHeight;
    },
    [selector, container] as const,
  );
}
