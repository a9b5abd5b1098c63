/**
 * @jest-environment node
 *
 * assets/office-loader.js's choices with a controlled fetch and clock (the real network cases are in
 * test/browser/offline.test.ts): exactly one Office.js tag, whatever order the CDN's answer and the
 * timer come in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';

const LOADER = fs.readFileSync(path.resolve(__dirname, '../../assets/office-loader.js'), 'utf8');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL = 'office-js/office.js';

type LoaderWindow = Window & { eval(code: string): unknown; budgetCheckOfficeJs?: string };

interface Probe {
  resolve(): void;
  reject(): void;
  url: string;
  init: { method?: string; mode?: string; signal?: AbortSignal };
}

/** A page whose fetch waits for the test, and whose timers the test runs by hand. */
function page(withFetch: boolean) {
  const dom = new JSDOM('<!doctype html><head></head><body></body>', { runScripts: 'outside-only' });
  const w = dom.window as unknown as LoaderWindow & Record<string, unknown>;
  const probes: Probe[] = [];
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  w.setTimeout = ((fn: () => void, ms: number) =>
    timers.push({ fn, ms, cleared: false })) as unknown as typeof setTimeout;
  w.clearTimeout = ((id: number) => {
    if (timers[id - 1]) timers[id - 1].cleared = true;
  }) as unknown as typeof clearTimeout;
  if (withFetch) {
    w.fetch = ((url: string, init: Probe['init']) =>
      new Promise<void>((resolve, reject) =>
        probes.push({ url, init, resolve, reject: () => reject(new Error('refused')) }),
      )) as unknown as typeof fetch;
    w.AbortController = dom.window.AbortController;
  } else {
    (w as Record<string, unknown>).fetch = undefined;
  }
  w.eval(LOADER);
  const scripts = (): HTMLScriptElement[] => Array.from(w.document.querySelectorAll('script'));
  const fireTimers = (): void => {
    for (const t of timers) if (!t.cleared) t.fn();
  };
  const fail = (s: HTMLScriptElement): boolean => s.dispatchEvent(new dom.window.Event('error'));
  return { w, probes, timers, scripts, fireTimers, fail };
}

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('assets/office-loader.js', () => {
  test('the CDN answers in time: only the CDN tag, the timer is cancelled', async () => {
    const p = page(true);
    expect(p.probes).toHaveLength(1);
    expect(p.probes[0].url).toBe(CDN);
    expect(p.probes[0].init).toMatchObject({ method: 'HEAD', mode: 'no-cors' });
    expect(p.timers.map((t) => t.ms)).toEqual([4000]);
    p.probes[0].resolve();
    await settle();
    expect(p.scripts().map((s) => s.src)).toEqual([CDN]);
    expect(p.timers[0].cleared).toBe(true);
    expect(p.w.budgetCheckOfficeJs).toBe(CDN);
  });

  test('the CDN is refused: only the local tag', async () => {
    const p = page(true);
    p.probes[0].reject();
    await settle();
    expect(p.scripts().map((s) => s.getAttribute('src'))).toEqual([LOCAL]);
    expect(p.w.budgetCheckOfficeJs).toBe(LOCAL);
  });

  test('the CDN hangs: the timer aborts the probe and loads the local copy; a late answer changes nothing', async () => {
    const p = page(true);
    p.fireTimers();
    expect(p.probes[0].init.signal?.aborted).toBe(true);
    expect(p.scripts().map((s) => s.getAttribute('src'))).toEqual([LOCAL]);
    p.probes[0].resolve();
    await settle();
    expect(p.scripts().map((s) => s.getAttribute('src'))).toEqual([LOCAL]);
  });

  test('the CDN answers but its script fails: the failed tag is removed, then the local one added', async () => {
    const p = page(true);
    p.probes[0].resolve();
    await settle();
    const cdnTag = p.scripts()[0];
    p.fail(cdnTag);
    expect(p.scripts().map((s) => s.getAttribute('src'))).toEqual([LOCAL]);
  });

  test('no fetch (Internet Explorer 11): the CDN tag at once, the local copy on its error', () => {
    const p = page(false);
    expect(p.timers).toEqual([]);
    expect(p.scripts().map((s) => s.src)).toEqual([CDN]);
    p.fail(p.scripts()[0]);
    expect(p.scripts().map((s) => s.getAttribute('src'))).toEqual([LOCAL]);
  });
});
