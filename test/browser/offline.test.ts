/**
 * Office.js offline (issue 10 item 4): the Office pages, served on 127.0.0.1, with every request
 * that leaves 127.0.0.1 refused or left hanging (Chromium request interception), load Office.js
 * from their own server (dist/office-js/) and reach their "outside Excel" state within 10 s. With
 * the CDN answering they use the CDN and never the local copy: exactly one Office.js runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { strings } from '../../src/taskpane/strings';
import { build, chromiumAvailable, launch, screenshotPath, serve, type StaticServer } from './harness';

const available = chromiumAvailable();
const suite = available ? describe : describe.skip;

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CDN_DIR = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const BOUND_MS = 10_000;

/** What the outside world does: refuse at once, never answer, or (the CDN only) serve a status or office-js/. */
type Outside = 'refuse' | 'hang' | 'cdn-serves' | 'cdn-404';

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Requests that left 127.0.0.1, as "METHOD url". */
  outside: string[];
  /** Paths requested from our server. */
  local: string[];
  /** Requests left unanswered (hang): answered only after the assertions, to see what they would do. */
  hung: Route[];
  errors: string[];
}

suite('Office.js offline: pages load the local copy when the CDN is refused or hangs', () => {
  let server: StaticServer;
  let browser: Browser;
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

  async function visit(file: string, outside: Outside): Promise<Visit> {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const v: Visit = { page: undefined as unknown as Page, context, outside: [], local: [], hung: [], errors: [] };
    // On the context, so requests of frames (Office.js's telemetry iframe) are intercepted too.
    await context.route('**/*', async (route) => {
      const req = route.request();
      const url = new URL(req.url());
      if (url.hostname === '127.0.0.1') {
        v.local.push(url.pathname);
        await route.continue();
        return;
      }
      v.outside.push(`${req.method()} ${req.url()}`);
      const fromCdn = req.url().startsWith(CDN_DIR);
      if (outside === 'cdn-serves' && fromCdn) {
        // The CDN as it would answer: the same files as our copy, under Microsoft's URL.
        const rel = url.pathname.slice('/lib/1/hosted/'.length);
        const file = path.join(dist, 'office-js', rel);
        if (rel && !rel.includes('..') && fs.existsSync(file)) {
          await route.fulfill({
            status: 200,
            contentType: 'text/javascript',
            body: req.method() === 'HEAD' ? '' : fs.readFileSync(file),
          });
        } else {
          await route.fulfill({ status: 404, body: '' });
        }
      } else if (outside === 'cdn-404' && fromCdn) {
        await route.fulfill({ status: 404, contentType: 'text/html', body: 'not found' });
      } else if (outside === 'hang') {
        v.hung.push(route);
      } else {
        await route.abort('internetdisconnected');
      }
    });
    v.page = await context.newPage();
    v.page.on('pageerror', (e) => v.errors.push(e.message));
    await v.page.goto(`${server.url}${file}`, { waitUntil: 'commit' });
    return v;
  }

  /** The Office.js script elements the loader inserted, by src. */
  function officeScripts(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      Array.from(document.querySelectorAll('script[src]'))
        .map((s) => s.getAttribute('src') ?? '')
        .filter((src) => /(^|\/)office\.js$/.test(src)),
    );
  }

  /** Resolves with Office.onReady's host once Office.js has loaded and initialised. */
  function officeHost(page: Page): Promise<string | null> {
    return page
      .waitForFunction(
        () => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady === 'function',
        null,
        {
          timeout: BOUND_MS,
        },
      )
      .then(() =>
        page.evaluate(() => Office.onReady().then((info) => (info.host === null ? null : String(info.host)))),
      );
  }

  async function finish(v: Visit): Promise<void> {
    // Answer what hung with a script that would betray itself if it ever ran.
    for (const route of v.hung) {
      await route
        .fulfill({ status: 200, contentType: 'text/javascript', body: 'window.__outsideRan = true;' })
        .catch(() => undefined);
    }
    if (v.hung.length > 0) {
      await v.page.waitForTimeout(500);
      expect(
        await v.page.evaluate(() => (window as unknown as { __outsideRan?: boolean }).__outsideRan),
      ).toBeUndefined();
    }
    await v.context.close();
  }

  test.each<Outside>(['refuse', 'hang'])(
    'taskpane.html, outside %s: local Office.js, "请在 Excel 中打开" within 10 s',
    async (outside) => {
      const started = Date.now();
      const v = await visit('taskpane.html', outside);
      const expected = strings('zh-CN').notInExcel;
      await v.page.waitForFunction(
        (text) => document.querySelector('.bc-boot-message')?.textContent === text,
        expected,
        { timeout: BOUND_MS },
      );
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(BOUND_MS);
      await v.page.screenshot({ path: screenshotPath(`offline-taskpane-${outside}.png`) });

      // Exactly one Office.js, ours; the CDN was only asked (HEAD) and never loaded as a script.
      expect(await officeScripts(v.page)).toEqual(['office-js/office.js']);
      expect(v.local.filter((p) => p === '/office-js/office.js')).toHaveLength(1);
      expect(v.outside).toContain(`HEAD ${CDN}`);
      expect(v.outside).not.toContain(`GET ${CDN}`);
      // Everything Office.js needs came from our server; what left 127.0.0.1 (its telemetry frame)
      // was refused or is still hanging, and did not stop the pane.
      expect(v.local).toContain('/office-js/o15apptofilemappingtable.js');
      expect(v.outside.every((r) => !r.includes('/office-js/'))).toBe(true);
      if (outside === 'hang') expect(v.hung.length).toBe(v.outside.length);
      expect(v.errors).toEqual([]);
      console.log(
        `offline ${outside}: "${expected.slice(0, 8)}…" after ${elapsed} ms; outside requests: ${v.outside.join(', ')}`,
      );
      await finish(v);
    },
  );

  test.each<[string, Outside]>([
    ['commands.html', 'refuse'],
    ['commands.html', 'hang'],
    ['result.html', 'hang'],
  ])('%s, outside %s: local Office.js initialises within 10 s', async (file, outside) => {
    const started = Date.now();
    const v = await visit(file, outside);
    expect(await officeHost(v.page)).toBeNull();
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    expect(await officeScripts(v.page)).toEqual(['office-js/office.js']);
    expect(v.outside).not.toContain(`GET ${CDN}`);
    expect(v.errors).toEqual([]);
    await finish(v);
  });

  test('CDN answering: its Office.js is used and the local copy is never fetched', async () => {
    const v = await visit('taskpane.html', 'cdn-serves');
    await v.page.waitForFunction(
      (text) => document.querySelector('.bc-boot-message')?.textContent === text,
      strings('zh-CN').notInExcel,
      {
        timeout: BOUND_MS,
      },
    );
    expect(await officeScripts(v.page)).toEqual([CDN]);
    expect(v.outside).toContain(`GET ${CDN}`);
    expect(v.local.filter((p) => p.startsWith('/office-js/'))).toEqual([]);
    await finish(v);
  });

  test('CDN answering with an error: the CDN script fails and the local copy loads instead', async () => {
    const v = await visit('taskpane.html', 'cdn-404');
    await v.page.waitForFunction(
      (text) => document.querySelector('.bc-boot-message')?.textContent === text,
      strings('zh-CN').notInExcel,
      {
        timeout: BOUND_MS,
      },
    );
    // The failed CDN tag is gone: office.js takes its folder from the first office.js tag.
    expect(await officeScripts(v.page)).toEqual(['office-js/office.js']);
    expect(v.local.filter((p) => p === '/office-js/office.js')).toHaveLength(1);
    expect(v.local).toContain('/office-js/o15apptofilemappingtable.js');
    expect(v.outside.filter((r) => !r.endsWith(CDN))).not.toContainEqual(expect.stringContaining(CDN_DIR));
    await finish(v);
  });
});
