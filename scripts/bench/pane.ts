/**
 * The task pane: production bundle sizes of our own code (Office.js is an external, loaded by a
 * <script> tag) and the first render in headless Chromium.
 *
 * One webpack build through its Node API with webpack.config.js in production mode, limited to the
 * entries measured (taskpane, commands, and scripts/bench/pane-page.ts for the render), without the
 * copy plugin (83 MB of office-js) or the HTML pages, into test-output/bench-dist.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as zlib from 'zlib';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '../..');
export const BENCH_DIST = path.join(ROOT, 'test-output', 'bench-dist');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const MEASURED_ENTRIES = ['taskpane', 'commands', 'preview'];
const PAGE_ENTRY = 'bench-pane';
/** The main-thread benchmark's page (scripts/bench/pane-tasks.ts) and the worker it starts. */
const TASKS_ENTRY = 'bench-pane-tasks';

export interface BundleRow {
  entry: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  modules: number;
  /** Modules from node_modules bundled in (none expected: our own code only). */
  vendorModules: string[];
}

type ConfigFn = (env: Record<string, unknown>, argv: { mode: 'production' }) => webpack.Configuration;

function benchConfig(): webpack.Configuration {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const make = require(path.join(ROOT, 'webpack.config.js')) as ConfigFn;
  const base = make({}, { mode: 'production' });
  const entry = base.entry as Record<string, string>;
  const rules = (base.module?.rules ?? []) as webpack.RuleSetRule[];
  return {
    ...base,
    context: ROOT,
    devtool: false,
    entry: {
      ...Object.fromEntries(MEASURED_ENTRIES.map((e) => [e, entry[e]])),
      [PAGE_ENTRY]: './scripts/bench/pane-page.ts',
      [TASKS_ENTRY]: './scripts/bench/pane-tasks-page.ts',
      'check-worker': entry['check-worker'],
    },
    output: { ...base.output, path: BENCH_DIST, filename: '[name].js', clean: true },
    // The same loader, minus type checking (the bytes are the same; `npx tsc` checks the types).
    module: {
      ...base.module,
      rules: rules.map((r) => {
        const use = r.use as { loader?: string; options?: Record<string, unknown> } | undefined;
        return use?.loader === 'ts-loader'
          ? { ...r, use: { ...use, options: { ...use.options, transpileOnly: true } } }
          : r;
      }),
    },
    plugins: (base.plugins ?? []).filter((p) => p && !['CopyPlugin', 'HtmlWebpackPlugin'].includes(p.constructor.name)),
    performance: { hints: false },
    devServer: undefined,
  } as webpack.Configuration;
}

function compile(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats) return reject(new Error('webpack gave no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true }).slice(0, 4000)));
      resolve(stats);
    });
  });
}

export async function buildBundles(): Promise<{ rows: BundleRow[]; ms: number }> {
  const t = Date.now();
  const stats = await compile(benchConfig());
  const comp = stats.compilation;
  const rows: BundleRow[] = [];
  for (const entry of MEASURED_ENTRIES) {
    const ep = comp.entrypoints.get(entry);
    if (!ep) throw new Error(`no entry point ${entry}`);
    const files = [...ep.getFiles()].filter((n) => n.endsWith('.js'));
    const data = Buffer.concat(files.map((f) => fs.readFileSync(path.join(BENCH_DIST, f))));
    const names: string[] = [];
    for (const chunk of ep.chunks) {
      for (const m of comp.chunkGraph.getChunkModulesIterable(chunk)) {
        // Concatenated modules (scope hoisting) hold the modules they were made of.
        const inner = (m as unknown as { modules?: Iterable<webpack.Module> }).modules;
        for (const x of inner ? [...inner] : [m])
          names.push((x as unknown as { resource?: string }).resource ?? x.identifier());
      }
    }
    rows.push({
      entry,
      files,
      bytes: data.length,
      gzipBytes: zlib.gzipSync(data, { level: 9 }).length,
      brotliBytes: zlib.brotliCompressSync(data).length,
      modules: names.length,
      vendorModules: [...new Set(names.filter((n) => /[\\/]node_modules[\\/]/.test(n)))],
    });
  }
  return { rows, ms: Date.now() - t };
}

const kb = (n: number): string => (n / 1024).toFixed(1);

export function bundleTable(rows: BundleRow[]): string {
  const lines = [
    '| entry | minified (KB) | gzip -9 (KB) | brotli (KB) | modules | from node_modules |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.entry} | ${kb(r.bytes)} | ${kb(r.gzipBytes)} | ${kb(r.brotliBytes)} | ${r.modules} | ${r.vendorModules.length} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// First render in headless Chromium
// ---------------------------------------------------------------------------------------------

const PAGE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>预算绩效表校验 · bench</title>
  <script defer src="${PAGE_ENTRY}.js"></script>
  <style>
    html, body { margin: 0; padding: 0; height: 100%; background: #ffffff; }
    body { font-family: "Segoe UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", sans-serif; font-size: 14px; color: #242424; }
  </style>
</head>
<body>
  <main id="app" aria-label="预算绩效表校验"><p>正在加载…</p></main>
</body>
</html>
`;

/** Serves BENCH_DIST on 127.0.0.1, uncached, as the browser tests' harness does. */
export function serveDist(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  return serve(dir);
}

function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^[/\\]+/, '');
    const file = path.join(dir, rel || 'pane.html');
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    const type = file.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : file.endsWith('.js')
        ? 'text/javascript; charset=utf-8'
        : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}

export interface RenderFigures {
  loads: number;
  /** Navigation start → the pane's 检查 button and summary in the DOM (median, ms). */
  paneMs: number;
  /** Navigation start → first contentful paint (median, ms). */
  fcpMs: number;
  /** Navigation start → the first frame after the pane is in the DOM (median, ms). */
  frameMs: number;
  /** Navigation start → DOMContentLoaded (median, ms). */
  dclMs: number;
  pageBytes: number;
  samples: { paneMs: number; fcpMs: number; frameMs: number; dclMs: number }[];
}

/** Runs in the page before its own scripts: notes when the pane's button and summary appear. */
const OBSERVER = `(() => {
  const w = window;
  w.__bench = { pane: null, frame: null, fcp: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__bench.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {}
  const seen = () => document.querySelector('[data-bc-pane] [data-action="check"]') && document.querySelector('[data-bc-pane] [data-role="summary"]');
  const mo = new MutationObserver(() => {
    if (w.__bench.pane !== null || !seen()) return;
    w.__bench.pane = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => setTimeout(() => (w.__bench.frame = performance.now()), 0));
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

const med = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function benchRender(loads: number): Promise<RenderFigures> {
  fs.writeFileSync(path.join(BENCH_DIST, 'pane.html'), PAGE_HTML);
  const { chromium } = await import('playwright-core');
  const server = await serve(BENCH_DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const samples: RenderFigures['samples'] = [];
  try {
    // One warm-up load (the browser's own start-up, font cache), then `loads` fresh contexts.
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 720 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.addInitScript(OBSERVER);
      await page.goto(`${server.url}pane.html`, { waitUntil: 'load' });
      await page.waitForFunction(
        () => {
          const b = (window as unknown as { __bench: { frame: number | null; fcp: number | null } }).__bench;
          return b.frame !== null && b.fcp !== null;
        },
        undefined,
        { timeout: 15000 },
      );
      const s = await page.evaluate(() => {
        const b = (window as unknown as { __bench: { pane: number; frame: number; fcp: number } }).__bench;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { paneMs: b.pane, fcpMs: b.fcp, frameMs: b.frame, dclMs: nav.domContentLoadedEventEnd };
      });
      if (i > 0) samples.push(s);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    loads,
    paneMs: med(samples.map((s) => s.paneMs)),
    fcpMs: med(samples.map((s) => s.fcpMs)),
    frameMs: med(samples.map((s) => s.frameMs)),
    dclMs: med(samples.map((s) => s.dclMs)),
    pageBytes: fs.statSync(path.join(BENCH_DIST, `${PAGE_ENTRY}.js`)).size,
    samples,
  };
}

export function renderTable(r: RenderFigures): string {
  return [
    '| page | loads | DOMContentLoaded (ms) | pane button + summary in DOM (ms) | first contentful paint (ms) | first frame after mount (ms) |',
    '|---|---:|---:|---:|---:|---:|',
    `| pane over the built-in sample (${kb(r.pageBytes)} KB script) | ${r.loads} | ${r.dclMs.toFixed(0)} | ${r.paneMs.toFixed(0)} | ${r.fcpMs.toFixed(0)} | ${r.frameMs.toFixed(0)} |`,
  ].join('\n');
}
