/**
 * Does the pane freeze? In headless Chromium, the real pane over a generated table of 3,000 and
 * 10,000 projects: for 一键校验, 生成指标明细表 and 清除标记, the longest main-thread task (Long Tasks
 * API: every task over 50 ms is reported) from the click until the pane is idle, and the time from
 * the click to the first frame that shows the progress bar.
 *
 * Uses the bundles of scripts/bench/pane.ts (buildBundles writes them into test-output/bench-dist).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { BENCH_DIST, CHROMIUM, serveDist } from './pane';

export const TASK_SIZES = [3000, 10000];
export const TASK_ACTIONS = ['check', 'write-indicators', 'clear-marks'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface TaskRow {
  projects: number;
  action: TaskAction;
  /** Click → the pane idle again (ms). */
  totalMs: number;
  /** Longest main-thread task in that span; 0 when none reached the 50 ms the API reports. */
  longestTaskMs: number;
  /** Tasks over 50 ms in that span. */
  longTasks: number;
  /** Click → the first frame with the progress bar visible (ms). */
  firstProgressMs: number | null;
}

const PAGE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>pane tasks</title>
<script defer src="bench-pane-tasks.js"></script></head>
<body><main id="app"></main></body></html>
`;

/** Before the page's scripts: collect long tasks, and note the frame that first shows progress. */
const OBSERVER = `(() => {
  const w = window;
  w.__long = [];
  w.__clickAt = null;
  w.__progressAt = null;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (w.__clickAt === null || w.__progressAt !== null) return;
    const p = document.querySelector('[data-role="progress"]');
    if (!p || p.hidden) return;
    w.__progressAt = -1;
    requestAnimationFrame(() => setTimeout(() => (w.__progressAt = performance.now()), 0));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
})();`;

async function measure(page: Page, projects: number, action: TaskAction): Promise<TaskRow> {
  await page.evaluate((a) => {
    const w = window as unknown as { __clickAt: number | null; __progressAt: number | null };
    w.__progressAt = null;
    w.__clickAt = performance.now();
    document.querySelector<HTMLButtonElement>(`button[data-action="${a}"]`)?.click();
  }, action);
  await page.waitForFunction(() => window.__tasks?.idle() === true, undefined, { timeout: 120_000, polling: 50 });
  const end = await page.evaluate(() => performance.now());
  // Let the slices of a long finding list finish and their tasks be reported.
  await page.waitForTimeout(300);
  return page.evaluate(
    ({ projects, action, end }) => {
      const w = window as unknown as {
        __long: { start: number; duration: number }[];
        __clickAt: number;
        __progressAt: number | null;
      };
      const mine = w.__long.filter((t) => t.start >= w.__clickAt - 1);
      let longest = 0;
      for (const t of mine) if (t.duration > longest) longest = t.duration;
      const p = w.__progressAt;
      return {
        projects,
        action,
        totalMs: end - w.__clickAt,
        longestTaskMs: longest,
        longTasks: mine.length,
        firstProgressMs: p === null || p < 0 ? null : p - w.__clickAt,
      };
    },
    { projects, action, end },
  );
}

export async function benchPaneTasks(sizes: readonly number[] = TASK_SIZES): Promise<TaskRow[]> {
  fs.writeFileSync(path.join(BENCH_DIST, 'pane-tasks.html'), PAGE_HTML);
  const { chromium } = await import('playwright-core');
  const server = await serveDist(BENCH_DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const rows: TaskRow[] = [];
  try {
    for (const n of sizes) {
      const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
      await page.addInitScript(OBSERVER);
      await page.goto(`${server.url}pane-tasks.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__tasks !== undefined);
      await page.evaluate((x) => window.__tasks?.mount(x), n);
      for (const action of TASK_ACTIONS) rows.push(await measure(page, n, action));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

const f0 = (x: number | null): string => (x === null ? '—' : x.toFixed(0));

export function paneTasksTable(rows: readonly TaskRow[]): string {
  const lines = [
    '| projects | action | click → idle (ms) | longest main-thread task (ms) | tasks > 50 ms | click → progress painted (ms) |',
    '|---:|---|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.projects.toLocaleString('en-US')} | ${r.action} | ${f0(r.totalMs)} | ${r.longestTaskMs === 0 ? '< 50' : f0(r.longestTaskMs)} | ${r.longTasks} | ${f0(r.firstProgressMs)} |`,
    );
  }
  return lines.join('\n');
}
