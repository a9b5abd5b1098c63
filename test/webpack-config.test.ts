/**
 * webpack.config.js: production manifests point at ADDIN_PUBLIC_URL, the pages get only their own
 * chunk, Office.js stays out of the bundles and its local copy is shipped.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Configuration } from 'webpack';
import { parseXml, walk } from './helpers/xml';

interface ConfigModule {
  (
    env: Record<string, unknown>,
    argv: { mode?: 'production' | 'development' },
  ): Configuration & { devServer?: Record<string, unknown> };
  publicUrl(env?: Record<string, string | undefined>): string;
  rewriteManifestUrls(xml: string, base: string): string;
  DEV_URL: string;
  DEFAULT_PUBLIC_URL: string;
}

const ROOT = path.join(__dirname, '..');
const cfg = jest.requireActual<ConfigModule>('../webpack.config.js');
const manifestXml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer, absoluteFrom: string) => Buffer | string;
}

function copyPatterns(config: Configuration): CopyPattern[] {
  const plugin = (config.plugins ?? []).find((p) => p?.constructor.name === 'CopyPlugin') as unknown as {
    patterns: CopyPattern[];
  };
  return plugin.patterns;
}

function withEnv<T>(vars: Record<string, string | undefined>, fn: () => T): T {
  const saved: Record<string, string | undefined> = {};
  for (const k of Object.keys(vars)) {
    saved[k] = process.env[k];
    if (vars[k] === undefined) delete process.env[k];
    else process.env[k] = vars[k];
  }
  try {
    return fn();
  } finally {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

describe('production URL', () => {
  test('publicUrl: default, trailing slash added, https only', () => {
    expect(cfg.publicUrl({})).toBe(cfg.DEFAULT_PUBLIC_URL);
    expect(cfg.publicUrl({ ADDIN_PUBLIC_URL: 'https://oa.caizheng.local/budget' })).toBe(
      'https://oa.caizheng.local/budget/',
    );
    expect(cfg.publicUrl({ ADDIN_PUBLIC_URL: ' https://10.1.2.3:8443/ ' })).toBe('https://10.1.2.3:8443/');
    expect(() => cfg.publicUrl({ ADDIN_PUBLIC_URL: 'http://oa.caizheng.local/' })).toThrow(/https/);
    expect(() => cfg.publicUrl({ ADDIN_PUBLIC_URL: 'https://x.cn/a/?v=1' })).toThrow(/query/);
    expect(() => cfg.publicUrl({ ADDIN_PUBLIC_URL: 'not a url' })).toThrow(/not a URL/);
  });

  test('rewriteManifestUrls replaces every development URL and keeps the manifest well-formed', () => {
    const base = 'https://budget-check.example.gov.cn/addin/';
    const out = cfg.rewriteManifestUrls(manifestXml, base);
    expect(out).not.toContain('localhost');
    const devCount = manifestXml.split(cfg.DEV_URL).length - 1;
    expect(devCount).toBeGreaterThan(5);
    expect(out.split(base).length - 1).toBe(devCount);
    const doc = parseXml(out);
    const sourceLocation = [...walk(doc)].find((e) => e.name === 'SourceLocation' && 'DefaultValue' in e.attrs);
    expect(sourceLocation?.attrs.DefaultValue).toBe(`${base}taskpane.html`);
    expect(() => cfg.rewriteManifestUrls(manifestXml, 'http://x.cn/')).toThrow();
  });

  test('the production copy of manifest.xml uses ADDIN_PUBLIC_URL; development keeps localhost', () => {
    const prod = withEnv({ ADDIN_PUBLIC_URL: 'https://intranet.czj.gov.cn/tools/budget-check/' }, () =>
      cfg({}, { mode: 'production' }),
    );
    const manifest = copyPatterns(prod).find((p) => p.from === 'manifest.xml')!;
    const out = manifest.transform!(Buffer.from(manifestXml, 'utf8'), path.join(ROOT, 'manifest.xml')).toString();
    expect(out).toContain(
      '<SourceLocation DefaultValue="https://intranet.czj.gov.cn/tools/budget-check/taskpane.html"/>',
    );
    expect(out).toContain('https://intranet.czj.gov.cn/tools/budget-check/commands.html');
    expect(out).not.toContain('localhost');

    const dev = cfg({}, { mode: 'development' });
    expect(copyPatterns(dev).find((p) => p.from === 'manifest.xml')!.transform).toBeUndefined();
  });
});

describe('bundles', () => {
  const prod = cfg({}, { mode: 'production' });

  test('the bundles carry an id of their sources, which the pane puts on the worker URL', () => {
    const define = (prod.plugins ?? []).find((p) => p?.constructor.name === 'DefinePlugin') as unknown as {
      definitions: Record<string, string>;
    };
    expect(define.definitions.__BUILD_ID__).toMatch(/^"[0-9a-f]{10}"$/);
    // A second evaluation of the config gives the same id: it follows the sources, not the clock.
    const again = cfg({}, { mode: 'production' }).plugins?.find((p) => p?.constructor.name === 'DefinePlugin') as
      { definitions: Record<string, string> } | undefined;
    expect(again?.definitions.__BUILD_ID__).toBe(define.definitions.__BUILD_ID__);
  });

  test('four pages and the check worker, each page with only its own chunk', () => {
    expect(Object.keys(prod.entry as Record<string, string>).sort()).toEqual([
      'check-worker',
      'commands',
      'preview',
      'result',
      'taskpane',
    ]);
    const pages = (prod.plugins ?? [])
      .filter((p) => p?.constructor.name === 'HtmlWebpackPlugin')
      .map(
        (p) => (p as unknown as { userOptions: { filename: string; chunks: string[]; template: string } }).userOptions,
      );
    expect(pages.map((p) => [p.filename, p.chunks])).toEqual([
      ['taskpane.html', ['taskpane']],
      ['commands.html', ['commands']],
      ['result.html', ['result']],
      ['preview.html', ['preview']],
    ]);
  });

  test('Office.js: loaded by script tag with the local fallback, never bundled, its dist folder shipped', () => {
    expect(prod.externals).toEqual({ '@microsoft/office-js': 'Office' });
    const officeJs = copyPatterns(prod).find((p) => p.to === 'office-js')!;
    expect(fs.existsSync(path.join(officeJs.from, 'office.js'))).toBe(true);
    // Every page that runs inside Office loads it through assets/office-loader.js, before its bundle.
    for (const page of ['src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/commands/result.html']) {
      const html = fs.readFileSync(path.join(ROOT, page), 'utf8');
      expect(html).toContain('<script src="assets/office-loader.js"></script>');
      expect(html).not.toContain('appsforoffice');
    }
    expect(fs.readFileSync(path.join(ROOT, 'src/preview/preview.html'), 'utf8')).not.toContain('office-loader');
    const loader = fs.readFileSync(path.join(ROOT, 'assets/office-loader.js'), 'utf8');
    expect(loader).toContain("'https://appsforoffice.microsoft.com/lib/1/hosted/office.js'");
    expect(loader).toContain("'office-js/office.js'");
    expect(copyPatterns(prod).some((p) => p.from === 'assets' && p.to === 'assets')).toBe(true);
  });

  test('ts-loader type-checks (no transpileOnly)', () => {
    const rule = (prod.module?.rules ?? [])[0] as {
      use: { loader: string; options: { transpileOnly: boolean; configFile: string } };
    };
    expect(rule.use.loader).toBe('ts-loader');
    expect(rule.use.options.transpileOnly).toBe(false);
    expect(path.basename(rule.use.options.configFile)).toBe('tsconfig.json');
  });

  test('dev server: port 3000, https unless ADDIN_HTTP=1, CORS header', () => {
    const https = withEnv(
      { ADDIN_HTTP: undefined, ADDIN_HTTPS_CERT: '/nonexistent.crt', ADDIN_HTTPS_KEY: '/nonexistent.key' },
      () => cfg({}, { mode: 'development' }),
    );
    expect(https.devServer?.port).toBe(3000);
    expect(https.devServer?.server).toBe('https');
    expect(https.devServer?.headers).toEqual({ 'Access-Control-Allow-Origin': '*' });
    const http = withEnv({ ADDIN_HTTP: '1' }, () => cfg({}, { mode: 'development' }));
    expect(http.devServer?.server).toBe('http');
  });
});
