/**
 * @jest-environment node
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';

const GUARD = fs.readFileSync(path.resolve(__dirname, '../../assets/legacy-guard.js'), 'utf8');

function page(setup: string) {
  const dom = new JSDOM('<!doctype html><main id="app"><p>正在加载…</p></main>', { runScripts: 'outside-only' });
  const w = dom.window as unknown as Window & { eval(code: string): unknown } & Record<string, unknown>;
  w.eval(setup);
  w.eval(GUARD);
  return w;
}

describe('assets/legacy-guard.js (runs before the bundles, in ES5)', () => {
  test('a modern webview: the guard does nothing', async () => {
    const w = page('');
    if (w.document.readyState === 'loading')
      await new Promise((r) => w.document.addEventListener('DOMContentLoaded', r));
    expect(w.budgetCheckUnsupported).toBeUndefined();
    expect(w.document.getElementById('app')?.textContent).toBe('正在加载…');
    expect(w.runCheck).toBeUndefined();
  });

  test('Internet Explorer 11 (no Symbol, no async functions): a Chinese message instead of a blank pane', async () => {
    const w = page("window.Symbol = undefined; Object.defineProperty(navigator, 'language', { value: 'zh-CN' });");
    if (w.document.readyState === 'loading')
      await new Promise((r) => w.document.addEventListener('DOMContentLoaded', r));
    expect(w.budgetCheckUnsupported).toBe(true);
    const text = w.document.getElementById('app')?.textContent ?? '';
    expect(text).toContain('Internet Explorer 11');
    expect(text).toContain('无法运行“预算绩效表校验”');
    expect(w.document.querySelector('[role="alert"]')).not.toBeNull();
  });

  test('IE11 function file: the ribbon buttons complete their event and open the explanation', () => {
    const opened: string[] = [];
    const w = page(
      `window.Symbol = undefined; window.Office = { context: { ui: { displayDialogAsync: function (u) { window.__opened = u; } } } };`,
    );
    let completed = 0;
    (w.runCheck as (e: { completed(): void }) => void)({ completed: () => completed++ });
    (w.clearMarks as (e: { completed(): void }) => void)({ completed: () => completed++ });
    opened.push(String(w.__opened));
    expect(completed).toBe(2);
    expect(opened[0]).toMatch(/assets\/unsupported\.html$/);
  });
});
