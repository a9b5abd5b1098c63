/**
 * Shared set-up of the browser tests: build the bundles once into test-output/dist (never touching
 * dist/; reused while the sources are unchanged), serve them from a tiny static server on
 * 127.0.0.1, and launch Debian's chromium.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const OUT = path.join(ROOT, 'test-output');
export const DIST = path.join(OUT, 'dist');
export const SCREENSHOTS = path.join(OUT, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Whether the browser tests can run; on CI a missing browser is a failure, locally a warning. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const msg =
    `Browser tests need chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; ` +
    'or set CHROMIUM_PATH). Do not use "npx playwright install".';
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`SKIPPING browser tests: ${msg}`);
  return false;
}

/** What the build reads: when none of these changed since the last build, its output is reused. */
const BUILD_INPUTS = ['src', 'assets', 'webpack.config.js', 'tsconfig.json', 'package-lock.json', 'manifest.xml'];
const STAMP = path.join(OUT, 'dist.stamp');
const LOCK = path.join(OUT, 'dist.lock');

/** Paths, sizes and modification times of every build input: cheap, and changes with any edit. */
function inputsFingerprint(): string {
  const hash = createHash('sha1');
  const walk = (p: string): void => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      hash.update(`${path.relative(ROOT, p)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) walk(path.join(ROOT, input));
  return hash.digest('hex');
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function runWebpack(): void {
  const webpackBin = require.resolve('webpack-cli/bin/cli.js');
  try {
    execFileSync(process.execPath, [webpackBin, '--mode', 'development', '--output-path', DIST], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ADDIN_HTTP: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `webpack build failed:\n${err.stdout?.toString().slice(-4000) ?? ''}\n${err.stderr?.toString().slice(-4000) ?? ''}`,
    );
  }
}

/**
 * webpack --mode development into test-output/dist (set PREVIEW_DIST to use an existing build).
 * Several browser test files run in parallel workers: one builds under a lock (webpack cleans its
 * output folder, so two builds at once would break each other), the others wait and reuse it.
 */
export function build(): string {
  if (process.env.PREVIEW_DIST) return path.resolve(process.env.PREVIEW_DIST);
  fs.mkdirSync(OUT, { recursive: true });
  const fingerprint = inputsFingerprint();
  const fresh = (): boolean => fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === fingerprint;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (fresh()) return DIST;
    try {
      fs.mkdirSync(LOCK);
    } catch {
      // Another worker is building; a lock older than any build is left by a killed run.
      const lock = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 10 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`gave up waiting for another test's build (${LOCK})`);
      sleepSync(500);
      continue;
    }
    try {
      if (fresh()) return DIST;
      fs.rmSync(STAMP, { force: true });
      runWebpack();
      fs.writeFileSync(STAMP, fingerprint);
      return DIST;
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `dir`; `/examples/…` falls back to the repository's examples/ when the build did not copy
 * them, so the preview always finds its sample.
 */
export function serve(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const examples = path.join(ROOT, 'examples');
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const rel = path.normalize(urlPath === '/' ? '/preview.html' : urlPath).replace(/^[/\\]+/, '');
    const candidates = [path.join(root, rel)];
    if (rel.startsWith(`examples${path.sep}`)) candidates.push(path.join(ROOT, rel));
    const inside = (f: string): boolean => f.startsWith(root + path.sep) || f.startsWith(examples + path.sep);
    const file = candidates.find((f) => inside(f) && fs.existsSync(f) && fs.statSync(f).isFile());
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
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
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}
