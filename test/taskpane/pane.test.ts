/** @jest-environment jsdom */
import { HostError } from '../../src/host/workbook';
import { mountPane, type PaneHandle } from '../../src/taskpane/pane';
import { FakeWorkbook } from './fake-workbook';
import type { CheckOutcome } from '../../src/app/actions';
import type { Finding } from '../../src/core/report';
import { LIST_SLICE } from '../../src/taskpane/pane-view';
import { sampleCells } from './fake-core';

jest.mock('../../src/core/check', () => ({
  check: (grid: import('../../src/core/grid').Grid) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./fake-core') as typeof import('./fake-core')).fakeCheck(grid),
}));

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

let root: HTMLElement;
let handle: PaneHandle | null = null;

beforeEach(() => {
  document.body.textContent = '';
  root = document.createElement('div');
  document.body.appendChild(root);
  window.localStorage.clear();
});

afterEach(() => {
  handle?.destroy();
  handle = null;
});

function q<T extends HTMLElement = HTMLElement>(sel: string): T {
  const n = root.querySelector<T>(sel);
  if (!n) throw new Error(`no element ${sel}`);
  return n;
}
const btn = (action: string): HTMLButtonElement => q<HTMLButtonElement>(`button[data-action="${action}"]`);
const opts = (): HTMLElement[] => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const cellsOf = (): string[] => opts().map((o) => o.dataset.cell ?? '');
const key = (target: Element, k: string, init: KeyboardEventInit = {}): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
};

async function mountChecked(wb = new FakeWorkbook('Sheet1', sampleCells()), locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  handle = mountPane(root, wb, locale, { storageWindow: window });
  btn('check').click();
  await flush();
  return { wb, pane: handle };
}

describe('task pane', () => {
  test('before a check: the three actions, a hint, no summary', () => {
    handle = mountPane(root, new FakeWorkbook(), 'zh-CN');
    expect(btn('check').textContent).toBe('一键校验');
    expect(btn('write-indicators').textContent).toBe('生成指标明细表');
    expect(btn('clear-marks').textContent).toBe('清除标记');
    expect(q('[data-role="summary"]').textContent).toBe('');
    expect(q('[data-role="empty"]').textContent).toContain('一键校验');
  });

  test('summary line in Chinese and in English', async () => {
    const { wb } = await mountChecked();
    expect(q('[data-role="summary"]').textContent).toBe('2 个项目 · 3 条指标 · 错误 3 · 警告 1 · 提示 1');
    expect(q('[data-role="summary"]').getAttribute('aria-live')).toBe('polite');
    expect(wb.plans).toHaveLength(1);
    expect(wb.plans[0].marks.map((m) => m.cell).sort()).toEqual(['B2', 'C3', 'E5', 'G4', 'G5']);
    handle?.destroy();
    await mountChecked(new FakeWorkbook('Sheet1', sampleCells()), 'en-US');
    expect(q('[data-role="summary"]').textContent).toBe('2 projects · 3 indicators · 3 errors · 1 warnings · 1 info');
    expect(btn('check').textContent).toBe('Check');
  });

  test('findings grouped: table-level group first, then projects in sheet order', async () => {
    await mountChecked();
    const groups = [...root.querySelectorAll<HTMLElement>('[role="listbox"] > [role="group"]')];
    expect(groups.map((g) => g.dataset.group)).toEqual(['合计及单位行', '机构运行经费', '设备购置']);
    const inGroup = (g: HTMLElement): string[] =>
      [...g.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.dataset.cell ?? '');
    expect(inGroup(groups[0])).toEqual(['B2', 'C3']);
    expect(inGroup(groups[1])).toEqual(['G4']);
    expect(inGroup(groups[2])).toEqual(['E5', 'G5']);
    // each group is labelled by its heading
    const head = document.getElementById(groups[2].getAttribute('aria-labelledby') ?? '');
    expect(head?.textContent).toContain('设备购置');
    // each finding shows its cell and message; the rule id only as a tooltip
    const g4 = opts().find((o) => o.dataset.cell === 'G4');
    expect(g4?.querySelector('.bc-cell')?.textContent).toBe('G4');
    expect(g4?.textContent).not.toContain('value-comparator');
    expect(g4?.getAttribute('title')).toBe('规则：value-comparator');
    expect(g4?.querySelector('.bc-option-message')?.textContent).toBe('比较符“>=”应写作“≥”');
    expect(g4?.getAttribute('aria-label')).toContain('警告，单元格 G4');
  });

  test('severity filters toggle with counts', async () => {
    const { pane } = await mountChecked();
    const err = q<HTMLButtonElement>('button[data-filter="error"]');
    const warn = q<HTMLButtonElement>('button[data-filter="warning"]');
    const info = q<HTMLButtonElement>('button[data-filter="info"]');
    expect([err.textContent, warn.textContent, info.textContent]).toEqual(['错误 3', '警告 1', '提示 1']);
    expect(err.getAttribute('aria-pressed')).toBe('true');
    err.click();
    expect(err.getAttribute('aria-pressed')).toBe('false');
    expect(cellsOf()).toEqual(['C3', 'G4']);
    info.click();
    expect(cellsOf()).toEqual(['G4']);
    expect(pane.snapshot().groups).toEqual([{ label: '机构运行经费', count: 1 }]);
    warn.click();
    expect(cellsOf()).toEqual([]);
    expect(q('[data-role="empty"]').textContent).toBe('没有符合筛选条件的问题。');
    err.click();
    expect(cellsOf()).toEqual(['B2', 'E5', 'G5']);
  });

  test('clicking a finding selects its cell', async () => {
    const { wb } = await mountChecked();
    const e5 = opts().find((o) => o.dataset.cell === 'E5');
    e5?.click();
    await flush();
    expect(wb.selections).toEqual([{ sheet: 'Sheet1', cell: 'E5' }]);
    expect(e5?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(e5);
    expect(q('[data-role="detail"]').textContent).toContain('“其他资金”不是数字：abc');
    expect(q('[data-role="position"]').textContent).toBe('第 4 / 5 条');
  });

  test('next / previous walk the visible findings and select each, wrapping around', async () => {
    const { wb } = await mountChecked();
    btn('next').click();
    await flush();
    btn('next').click();
    await flush();
    expect(wb.selections.map((s) => s.cell)).toEqual(['B2', 'C3']);
    btn('previous').click();
    await flush();
    btn('previous').click();
    await flush();
    expect(wb.selections.map((s) => s.cell)).toEqual(['B2', 'C3', 'B2', 'G5']);
    // only visible findings are walked
    q<HTMLButtonElement>('button[data-filter="error"]').click();
    btn('next').click();
    await flush();
    expect(wb.selections.at(-1)?.cell).toBe('C3');
  });

  test('F8 / Shift+F8 and Alt+↓ / Alt+↑ step through findings', async () => {
    const { wb } = await mountChecked();
    key(btn('check'), 'F8');
    await flush();
    key(btn('check'), 'F8');
    await flush();
    key(btn('check'), 'F8', { shiftKey: true });
    await flush();
    key(btn('check'), 'ArrowDown', { altKey: true });
    await flush();
    key(btn('check'), 'ArrowDown', { altKey: true });
    await flush();
    key(btn('check'), 'ArrowUp', { altKey: true });
    await flush();
    expect(wb.selections.map((s) => s.cell)).toEqual(['B2', 'C3', 'B2', 'C3', 'G4', 'C3']);
  });

  test('list keyboard: one tab stop, arrows/Home/End move, Enter and Space select', async () => {
    const { wb } = await mountChecked();
    const list = q('[role="listbox"]');
    expect(opts().filter((o) => o.tabIndex === 0)).toHaveLength(1);
    opts()[0].focus();
    key(document.activeElement as Element, 'ArrowDown');
    expect((document.activeElement as HTMLElement).dataset.cell).toBe('C3');
    key(document.activeElement as Element, 'End');
    expect((document.activeElement as HTMLElement).dataset.cell).toBe('G5');
    key(document.activeElement as Element, 'ArrowUp');
    expect((document.activeElement as HTMLElement).dataset.cell).toBe('E5');
    expect(wb.selections).toEqual([]); // moving does not jump around the sheet
    key(document.activeElement as Element, 'Enter');
    await flush();
    key(document.activeElement as Element, 'Home');
    key(document.activeElement as Element, ' ');
    await flush();
    expect(wb.selections.map((s) => s.cell)).toEqual(['E5', 'B2']);
    expect(
      opts()
        .filter((o) => o.tabIndex === 0)
        .map((o) => o.dataset.cell),
    ).toEqual(['B2']);
    expect(list.contains(document.activeElement)).toBe(true);
  });

  test('the old key names of EdgeHTML (Excel 2019) work too: Down, Up, Spacebar', async () => {
    const { wb } = await mountChecked();
    opts()[0].focus();
    key(document.activeElement as Element, 'Down');
    expect((document.activeElement as HTMLElement).dataset.cell).toBe('C3');
    key(document.activeElement as Element, 'Up');
    expect((document.activeElement as HTMLElement).dataset.cell).toBe('B2');
    key(document.activeElement as Element, 'Spacebar');
    await flush();
    key(btn('check'), 'Down', { altKey: true });
    await flush();
    expect(wb.selections.map((s) => s.cell)).toEqual(['B2', 'C3']);
  });

  test('every control is a focusable, labelled element in a sensible order', async () => {
    await mountChecked();
    btn('next').click();
    await flush();
    const focusables = [...root.querySelectorAll<HTMLElement>('button, [tabindex="0"], summary')].filter(
      (n) => !(n as HTMLButtonElement).disabled && !n.closest('[hidden]'),
    );
    const names = focusables.map(
      (n) => n.dataset.action ?? n.dataset.filter ?? n.getAttribute('role') ?? n.tagName.toLowerCase(),
    );
    expect(names).toEqual([
      'check',
      'write-indicators',
      'clear-marks',
      'error',
      'warning',
      'info',
      'previous',
      'next',
      'locate',
      'accept',
      'option',
      'summary',
    ]);
    expect(q('[role="listbox"]').getAttribute('aria-label')).toBe('问题列表');
  });

  test('apply fix writes the fixed text, re-checks, and can be undone', async () => {
    const { wb } = await mountChecked();
    const before = wb.text('G4');
    opts()
      .find((o) => o.dataset.cell === 'G4')
      ?.click();
    await flush();
    expect(opts().find((o) => o.dataset.cell === 'G4')?.textContent).toContain('可一键修正');
    btn('apply-fix').click();
    await flush();
    const fixed = before.split('>=').join('≥');
    expect(wb.setTextCalls).toEqual([{ sheet: 'Sheet1', cell: 'G4', text: fixed, expected: before }]);
    expect(wb.text('G4')).toBe(fixed);
    expect(wb.plans).toHaveLength(2); // re-checked
    expect(cellsOf()).not.toContain('G4');
    expect(q('[data-role="summary"]').textContent).toContain('警告 0');
    expect(q('[data-role="status"]').textContent).toContain('已修正单元格 G4');
    const undo = q<HTMLButtonElement>('button[data-action="undo-fix"]');
    expect(undo.textContent).toBe('撤销修正');
    undo.click();
    await flush();
    expect(wb.setTextCalls[1]).toEqual({ sheet: 'Sheet1', cell: 'G4', text: before, expected: fixed });
    expect(wb.text('G4')).toBe(before);
    expect(wb.plans).toHaveLength(3);
    expect(cellsOf()).toContain('G4');
    expect(root.querySelector('button[data-action="undo-fix"]')).toBeNull();
  });

  test('a fix refused by the host shows the host message as is', async () => {
    const { wb } = await mountChecked();
    opts()
      .find((o) => o.dataset.cell === 'G4')
      ?.click();
    await flush();
    wb.sheets.get('Sheet1')?.set('G4', '有人改过了');
    btn('apply-fix').click();
    await flush();
    expect(q('[data-role="alert"]').textContent).toBe('单元格 G4 的内容已被修改，未做更改。');
  });

  test('untrusted text is shown as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const cells = sampleCells();
    cells.A4 = evil;
    cells.E5 = 'abc';
    cells.A5 = `<b>${evil}</b>`;
    const wb = new FakeWorkbook(evil, cells);
    const { pane } = await mountChecked(wb);
    // the message about E5 quotes cell text; the project names and the sheet name are cell text
    const e5 = opts().find((o) => o.dataset.cell === 'E5');
    e5?.click();
    await flush();
    expect(root.querySelectorAll('img, b, script').length).toBe(0);
    expect(root.textContent).toContain(evil);
    expect([...root.querySelectorAll<HTMLElement>('[role="group"]')].some((g) => g.dataset.group === evil)).toBe(true);
    expect(pane.snapshot().visible.some((v) => v.project === evil)).toBe(true);
    // the no-table message quotes the sheet name
    wb.sheets.get(evil)?.set('A1', 'x');
    btn('check').click();
    await flush();
    expect(q('[data-role="status"]').textContent).toContain(evil);
    expect(root.querySelectorAll('img').length).toBe(0);
  });

  test('no table on the sheet: a clear Chinese message, as information', async () => {
    await mountChecked(new FakeWorkbook('说明', { A1: '这里没有表' }));
    expect(q('[data-role="alert"]').hidden).toBe(true);
    expect(q('[data-role="status"]').getAttribute('data-kind')).toBe('notice');
    expect(q('[data-role="status"]').textContent).toBe(
      '在工作表“说明”中没有找到项目支出绩效目标表。请切换到含有该表（表头包含“项目名称”“总计”“绩效指标”等列）的工作表后再校验。',
    );
    expect(q('[data-role="summary"]').textContent).toBe('');
    expect(opts()).toHaveLength(0);
  });

  test('host errors are shown as-is; other errors get a generic message, no stack', async () => {
    const wb = new FakeWorkbook('Sheet1', sampleCells());
    handle = mountPane(root, wb, 'zh-CN');
    wb.failNext = new HostError('protected', '工作表受保护，无法添加标记。请先撤销工作表保护。');
    btn('check').click();
    await flush();
    expect(q('[data-role="alert"]').textContent).toBe('工作表受保护，无法添加标记。请先撤销工作表保护。');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    wb.failNext = new TypeError("Cannot read properties of undefined (reading 'x')");
    btn('check').click();
    await flush();
    spy.mockRestore();
    const text = q('[data-role="alert"]').textContent ?? '';
    expect(text).toBe('操作未能完成，请重试。如果仍然不行，请保存并重新打开工作簿后再试。');
    expect(root.textContent).not.toMatch(/TypeError|at .*\.ts|reading 'x'/);
  });

  test('while busy: progress shown, buttons disabled, then restored', async () => {
    const wb = new FakeWorkbook('Sheet1', sampleCells());
    let release: () => void = () => undefined;
    wb.gate = new Promise<void>((r) => (release = r));
    handle = mountPane(root, wb, 'zh-CN');
    btn('check').click();
    await flush();
    const progress = q('[data-role="progress"]');
    expect(progress.hidden).toBe(false);
    expect(progress.textContent).toContain('正在读取工作表… 0/2');
    expect(q('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('0');
    expect(btn('check').disabled).toBe(true);
    expect(btn('clear-marks').disabled).toBe(true);
    expect(btn('write-indicators').disabled).toBe(true);
    // a second click while busy does nothing
    btn('check').click();
    release();
    await flush();
    expect(progress.hidden).toBe(true);
    expect(btn('check').disabled).toBe(false);
    expect(wb.plans).toHaveLength(1);
  });

  test('indicator sheet and clear marks', async () => {
    const wb = new FakeWorkbook('Sheet1', sampleCells());
    handle = mountPane(root, wb, 'zh-CN');
    // without a check first, 生成指标明细表 checks, then writes
    jest.spyOn(wb, 'writeIndicatorSheet');
    btn('write-indicators').click();
    await flush();
    // the fake core lists no parsed indicators, so nothing is written and the pane says why
    expect(wb.plans).toHaveLength(1);
    expect(q('[data-role="alert"]').textContent).toBe('表中没有可以列出的绩效指标，未生成指标明细表。');
    btn('clear-marks').click();
    await flush();
    expect(wb.clearCount).toBe(1);
    expect(q('[data-role="status"]').textContent).toBe('已清除本工具添加的所有标记。');
  });

  test('writes the indicator sheet through the shared action', async () => {
    const wb = new FakeWorkbook('Sheet1', sampleCells());
    const writeIndicators = jest.fn(async () => 7);
    handle = mountPane(root, wb, 'zh-CN', {
      actions: {
        runCheck: async () => ({
          kind: 'ok',
          sheet: 'Sheet1',
          marked: { cells: 0, notes: 0 },
          plan: { sheet: 'Sheet1', marks: [], addressChunks: { error: [], warning: [], info: [] } },
          accepted: [[]],
          hashes: {},
          tables: [
            {
              sheet: 'Sheet1',
              range: 'A1:G5',
              unit: '万元',
              columns: {},
              rows: [],
              findings: [],
              summary: { projects: 1, indicators: 1, errors: 0, warnings: 0, infos: 0 },
              indicators: [
                {
                  project: 'p',
                  row: 4,
                  cell: 'G4',
                  ordinal: 1,
                  level1: null,
                  level2: null,
                  name: 'n',
                  period: null,
                  annual: null,
                },
              ],
            },
          ],
        }),
        writeIndicators,
      },
    });
    btn('write-indicators').click();
    await flush();
    expect(writeIndicators).toHaveBeenCalledTimes(1);
    expect(q('[data-role="status"]').textContent).toBe('已生成“指标明细”工作表，共 7 条指标。');
    expect(q('[data-role="empty"]').textContent).toBe('未发现问题。');
  });

  test('indicator sheet unsupported by the host', async () => {
    const wb = new FakeWorkbook('Sheet1', sampleCells());
    wb.caps = { ...wb.caps, indicatorSheet: false };
    handle = mountPane(root, wb, 'zh-CN');
    btn('write-indicators').click();
    await flush();
    expect(q('[data-role="alert"]').textContent).toContain('不支持生成指标明细表');
    expect(wb.written).toHaveLength(0);
  });

  test('the ribbon command result in localStorage refreshes the pane', async () => {
    const wb = new FakeWorkbook('Sheet1', sampleCells());
    handle = mountPane(root, wb, 'zh-CN', { storageWindow: window });
    const at = new Date().toISOString();
    const ok = JSON.stringify({
      v: 1,
      at,
      locale: 'zh-CN',
      kind: 'ok',
      sheet: 'Sheet1',
      tables: 1,
      projects: 2,
      indicators: 3,
      errors: 3,
      warnings: 1,
      infos: 1,
      cells: 5,
      notes: 5,
    });
    window.dispatchEvent(new StorageEvent('storage', { key: 'budget-check:last-result', newValue: ok }));
    await flush();
    expect(wb.plans).toHaveLength(1);
    expect(q('[data-role="summary"]').textContent).toContain('2 个项目');
    // other keys and garbage are ignored
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: ok }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'budget-check:last-result', newValue: '<img src=x>' }));
    await flush();
    expect(wb.plans).toHaveLength(1);
    // 清除标记 from the ribbon: no re-check (that would paint the marks again), just say so
    const cleared = JSON.stringify({ v: 1, at, locale: 'zh-CN', kind: 'cleared' });
    window.dispatchEvent(new StorageEvent('storage', { key: 'budget-check:last-result', newValue: cleared }));
    await flush();
    expect(wb.plans).toHaveLength(1);
    expect(q('[data-role="status"]').textContent).toBe('已清除本工具添加的所有标记。');
  });

  test('opened by the ribbon right after its check: shows that check', async () => {
    const wb = new FakeWorkbook('Sheet1', sampleCells());
    window.localStorage.setItem(
      'budget-check:last-result',
      JSON.stringify({
        v: 1,
        at: new Date().toISOString(),
        locale: 'zh-CN',
        kind: 'ok',
        sheet: 'Sheet1',
        tables: 1,
        projects: 2,
        indicators: 3,
        errors: 3,
        warnings: 1,
        infos: 1,
        cells: 5,
        notes: 5,
      }),
    );
    handle = mountPane(root, wb, 'zh-CN', { storageWindow: window });
    await flush();
    expect(wb.plans).toHaveLength(1);
    expect(opts()).toHaveLength(5);
  });

  test('marks left from an earlier session are pointed out', async () => {
    const wb = new FakeWorkbook('Sheet1', sampleCells());
    wb.marked = true;
    handle = mountPane(root, wb, 'zh-CN');
    await flush();
    expect(q('[data-role="status"]').textContent).toContain('清除标记');
  });

  test('destroy removes the pane and its listeners', async () => {
    const wb = new FakeWorkbook('Sheet1', sampleCells());
    const h = mountPane(root, wb, 'zh-CN', { storageWindow: window });
    h.destroy();
    expect(root.childElementCount).toBe(0);
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: 'budget-check:last-result',
        newValue: JSON.stringify({ v: 1, at: new Date().toISOString(), locale: 'zh-CN', kind: 'no-table', sheet: 'x' }),
      }),
    );
    await flush();
    expect(wb.plans).toHaveLength(0);
  });

  test('before a check and after "no table" the filters and navigation are hidden', async () => {
    handle = mountPane(root, new FakeWorkbook('说明', { A1: '这里没有表' }), 'zh-CN');
    const filters = q('button[data-filter="error"]').parentElement as HTMLElement;
    expect(filters.hidden).toBe(true);
    expect(q('button[data-action="next"]').closest('[hidden]')).not.toBeNull();
    // the stylesheet must not override [hidden] with its display:flex
    expect(document.getElementById('bc-pane-styles')?.textContent).toMatch(
      /\.bc-pane \[hidden\] \{ display: none !important; \}/,
    );
    btn('check').click();
    await flush();
    expect(filters.hidden).toBe(true);
    expect(handle.snapshot().phase).toBe('checked');
  });

  test('no table here but on another sheet: says which, and a button switches there and checks', async () => {
    const wb = new FakeWorkbook('说明', { A1: '这里没有表' });
    wb.sheets.set('目标表', new Map(Object.entries(sampleCells())));
    handle = mountPane(root, wb, 'zh-CN');
    btn('check').click();
    await flush();
    expect(q('[data-role="status"]').textContent).toContain('目标表在工作表“目标表”');
    expect(wb.plans).toHaveLength(0);
    const go = btn('switch-sheet');
    expect(go.textContent).toBe('切换到“目标表”并校验');
    go.click();
    await flush();
    expect(wb.active).toBe('目标表');
    expect(wb.plans).toHaveLength(1);
    expect(opts()).toHaveLength(5);
  });

  test('the rule id is in the 详细信息 line of the card, not in its header', async () => {
    await mountChecked();
    opts()
      .find((o) => o.dataset.cell === 'G4')
      ?.click();
    await flush();
    const detail = q('[data-role="detail"]');
    expect(detail.querySelector('.bc-detail-head')?.textContent).toBe('警告 · G4');
    const dts = [...detail.querySelectorAll('dt')].map((d) => d.textContent);
    const dds = [...detail.querySelectorAll('dd')].map((d) => d.textContent);
    expect(dts.at(-1)).toBe('详细信息');
    expect(dds.at(-1)).toBe('规则 value-comparator');
  });

  test('amounts in the card carry thousands separators', async () => {
    const f: Finding = {
      rule: 'amount-row-sum',
      severity: 'error',
      cell: 'B4',
      row: 4,
      project: '甲',
      indicator: null,
      message: '“总计”为 1648.49，各项之和为 12345678.90',
      expected: '12345678.90',
      actual: '1648.49',
    };
    handle = mountPane(root, new FakeWorkbook(), 'zh-CN', { actions: { runCheck: async () => okOutcome([f]) } });
    btn('check').click();
    await flush();
    btn('next').click();
    await flush();
    const dds = [...q('[data-role="detail"]').querySelectorAll('dd')].map((d) => d.textContent);
    expect(dds).toContain('12,345,678.90');
    expect(dds).toContain('1,648.49');
  });

  test('no emoji anywhere in the pane', async () => {
    await mountChecked();
    const emoji = /[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]|\u{FE0F}/u;
    expect(root.textContent).not.toMatch(emoji);
    expect(document.getElementById('bc-pane-styles')?.textContent).not.toMatch(emoji);
  });

  test('clear marks: the finding list goes; undoing a fix afterwards does not mark the sheet again', async () => {
    const { wb, pane } = await mountChecked();
    opts()
      .find((o) => o.dataset.cell === 'G4')
      ?.click();
    await flush();
    btn('apply-fix').click();
    await flush();
    expect(pane.snapshot().phase).toBe('fixed');
    expect(wb.plans).toHaveLength(2);
    btn('clear-marks').click();
    await flush();
    expect(pane.snapshot().phase).toBe('cleared');
    expect(opts()).toHaveLength(0);
    expect(q('[data-role="summary"]').textContent).toBe('');
    expect(q('button[data-action="next"]').closest('[hidden]')).not.toBeNull();
    expect(root.textContent).not.toMatch(/第 \d+ \/ \d+ 条/);
    q<HTMLButtonElement>('button[data-action="undo-fix"]').click();
    await flush();
    expect(wb.text('G4')).toContain('>=');
    expect(wb.plans).toHaveLength(2); // no re-check, no marks
    expect(wb.marked).toBe(false);
    expect(q('[data-role="status"]').textContent).toContain('已撤销');
  });

  test('after 应用修正 the sheet selection follows the pane to the finding that took the fixed one’s place', async () => {
    const { wb, pane } = await mountChecked();
    opts()
      .find((o) => o.dataset.cell === 'G4')
      ?.click();
    await flush();
    btn('apply-fix').click();
    await flush();
    const snap = pane.snapshot();
    expect(snap.active).toBeGreaterThanOrEqual(0);
    expect(wb.selections.at(-1)?.cell).toBe(snap.visible[snap.active].cell);
  });

  test('a long list is drawn in slices, and the keyboard reaches findings not drawn yet', async () => {
    const many: Finding[] = [];
    for (let i = 0; i < LIST_SLICE * 4; i++) {
      many.push({
        rule: 'value-missing',
        severity: 'warning',
        cell: `G${10 + i}`,
        row: 10 + i,
        project: '甲',
        indicator: 1,
        message: `m${i}`,
      });
    }
    handle = mountPane(root, new FakeWorkbook(), 'zh-CN', { actions: { runCheck: async () => okOutcome(many) } });
    await handle.check();
    expect(opts()).toHaveLength(LIST_SLICE);
    opts()[0].focus();
    key(document.activeElement as Element, 'End');
    expect((document.activeElement as HTMLElement).dataset.cell).toBe(`G${10 + LIST_SLICE * 4 - 1}`);
    await flush();
    expect(opts()).toHaveLength(LIST_SLICE * 4);
  });

  test('已确认: accept with a reason, shown greyed under its own filter and unmarked; a changed cell brings it back; undoable', async () => {
    const { wb, pane } = await mountChecked();
    const acceptedFilter = q<HTMLButtonElement>('button[data-filter="accepted"]');
    expect(acceptedFilter.hidden).toBe(true);
    opts()
      .find((o) => o.dataset.cell === 'E5')
      ?.click();
    await flush();
    q<HTMLInputElement>('[data-role="accept-reason"]').value = '其他资金暂未落实，已与财政沟通';
    btn('accept').click();
    await flush();
    expect(wb.acceptances).toEqual([
      expect.objectContaining({
        sheet: 'Sheet1',
        cell: 'E5',
        rule: 'amount-not-number',
        indicator: null,
        reason: '其他资金暂未落实，已与财政沟通',
      }),
    ]);
    // re-checked: the cell is no longer marked, the finding is greyed and counted apart
    expect(wb.plans).toHaveLength(2);
    expect(wb.plans[1].marks.map((m) => m.cell)).not.toContain('E5');
    const e5 = opts().find((o) => o.dataset.cell === 'E5');
    expect(e5?.dataset.accepted).toBe('true');
    expect(e5?.classList.contains('bc-accepted')).toBe(true);
    expect(acceptedFilter.hidden).toBe(false);
    expect(acceptedFilter.textContent).toBe('已确认 1');
    expect(q('button[data-filter="error"]').textContent).toBe('错误 2');
    expect(q('[data-role="detail"]').textContent).toContain('其他资金暂未落实，已与财政沟通');
    // its own filter
    acceptedFilter.click();
    expect(cellsOf()).not.toContain('E5');
    acceptedFilter.click();
    // a later check keeps it accepted
    btn('check').click();
    await flush();
    expect(pane.snapshot().visible.find((v) => v.cell === 'E5')?.accepted).toBe(true);
    // the cell's text is no longer the accepted one: the finding is back, and marked (the fake core
    // flags only the text 'abc', so the stored hash is made stale; the real edit is in the browser test)
    wb.acceptances = wb.acceptances.map((a) => ({ ...a, hash: 'stale' }));
    btn('check').click();
    await flush();
    expect(pane.snapshot().visible.find((v) => v.cell === 'E5')?.accepted).toBe(false);
    expect(wb.plans.at(-1)?.marks.map((m) => m.cell)).toContain('E5');
  });

  test('已确认 can be withdrawn: the finding is marked again', async () => {
    const { wb, pane } = await mountChecked();
    opts()
      .find((o) => o.dataset.cell === 'G4')
      ?.click();
    await flush();
    btn('accept').click();
    await flush();
    expect(pane.snapshot().visible.find((v) => v.cell === 'G4')?.accepted).toBe(true);
    expect(root.querySelector('button[data-action="apply-fix"]')).toBeNull(); // no fix offered on an accepted finding
    btn('unaccept').click();
    await flush();
    expect(wb.acceptances).toEqual([]);
    expect(pane.snapshot().visible.find((v) => v.cell === 'G4')?.accepted).toBe(false);
    expect(wb.plans.at(-1)?.marks.map((m) => m.cell)).toContain('G4');
    expect(q('[data-role="status"]').textContent).toContain('已撤销对单元格 G4 的确认');
  });
});

function okOutcome(findings: Finding[]): CheckOutcome {
  return {
    kind: 'ok',
    sheet: 'Sheet1',
    marked: { cells: 0, notes: 0 },
    plan: { sheet: 'Sheet1', marks: [], addressChunks: { error: [], warning: [], info: [] } },
    accepted: [findings.map(() => null)],
    hashes: {},
    tables: [
      {
        sheet: 'Sheet1',
        range: 'A1:G5',
        unit: '万元',
        columns: {},
        rows: [],
        findings,
        indicators: [],
        summary: { projects: 1, indicators: 1, errors: 0, warnings: 0, infos: 0 },
      },
    ],
  };
}
