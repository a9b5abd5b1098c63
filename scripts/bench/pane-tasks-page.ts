/**
 * The page of the main-thread benchmark (scripts/bench/pane-tasks.ts): the real pane over the
 * preview's in-memory workbook holding a generated table of `n` projects, with the core in its
 * worker (check-worker.js next to this page). Every third project writes `>=` (a fixable
 * warning), so the finding list is long.
 */
import { mountPane, type PaneHandle } from '../../src/taskpane/pane';
import { addr, newSheet, PreviewWorkbook, type PreviewSheet } from '../../src/preview/preview-workbook';

const INDICATORS = (cmp: string): string =>
  `1、1-产出指标；11-数量指标；保障人数；实施周期指标值:${cmp}4人；年度指标值:${cmp}4人。` +
  '2、1-产出指标；13-时效指标；资金拨付及时率；实施周期指标值:≥90%；年度指标值:≥90%。' +
  '3、2-效益指标；22-社会效益；保障单位正常运作；实施周期指标值:效果显著；年度指标值:效果显著。' +
  '4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥95%；年度指标值:≥95%。';

function largeSheet(n: number): PreviewSheet[] {
  const s = newSheet('项目支出绩效目标表');
  const header = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
  header.forEach((h, i) => s.cells.set(addr(1, i + 1), { value: h }));
  const money = (cents: number) => ({ value: cents / 100, numberFormat: '#,##0.00' });
  let total = 0;
  for (let i = 0; i < n; i++) total += 1000 + (i % 7) * 100;
  s.cells.set(addr(2, 1), { value: '合计' });
  s.cells.set(addr(2, 2), money(total));
  s.cells.set(addr(2, 3), money(total));
  s.cells.set(addr(3, 1), { value: '某某服务保障中心' });
  s.cells.set(addr(3, 2), money(total));
  s.cells.set(addr(3, 3), money(total));
  for (let i = 0; i < n; i++) {
    const r = 4 + i;
    const cents = 1000 + (i % 7) * 100;
    s.cells.set(addr(r, 1), { value: `项目${i + 1}`, indent: 1 });
    s.cells.set(addr(r, 2), money(cents));
    s.cells.set(addr(r, 3), money(cents));
    s.cells.set(addr(r, 6), { value: '保障单位正常运转，提升服务水平。' });
    s.cells.set(addr(r, 7), { value: INDICATORS(i % 3 === 0 ? '>=' : '≥') });
  }
  return [s];
}

interface TasksHooks {
  mount(n: number): void;
  idle(): boolean;
  summary(): string;
}

declare global {
  interface Window {
    __tasks?: TasksHooks;
  }
}

let pane: PaneHandle | null = null;
window.__tasks = {
  mount(n) {
    pane?.destroy();
    const root = document.getElementById('app') ?? document.body;
    pane = mountPane(root, new PreviewWorkbook(largeSheet(n), 'zh-CN'), 'zh-CN', { storageWindow: null });
  },
  // The check button is disabled exactly while the pane is busy; pane.snapshot() builds the whole
  // finding list, which the 50 ms poll would add to the tasks it measures.
  idle: () =>
    pane !== null && document.querySelector<HTMLButtonElement>('button[data-action="check"]')?.disabled === false,
  summary: () => pane?.snapshot().summary ?? '',
};
