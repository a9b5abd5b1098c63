// @ts-check
/**
 * Builds the add-in into dist/:
 *   taskpane.html + taskpane.js   the pane (no ExcelJS)
 *   commands.html + commands.js   the ribbon function file (no ExcelJS)
 *   result.html + result.js       the small result dialog the ribbon commands open
 *   preview.html + preview.js     the browser preview (bundles ExcelJS's browser build; no Office.js)
 *   manifest.xml, assets/         copied; in production the manifest's URLs are rewritten (below)
 *   examples/sample.xlsx          copied for the preview, when present
 *   office-js/                    the whole @microsoft/office-js/dist folder: the local Office.js
 *                                 fallback for intranets that cannot reach Microsoft's CDN
 *
 * Environment:
 *   ADDIN_PUBLIC_URL  production only: where dist/ will be served, e.g.
 *                     https://budget-check.example.gov.cn/addin/ (the default). Every
 *                     https://localhost:3000/ in manifest.xml becomes this URL. Must be https.
 *   ADDIN_HTTP=1      dev server over plain http (browser tests of the preview); Office needs https.
 *   ADDIN_HTTPS_CERT, ADDIN_HTTPS_KEY  dev server certificate files. Without them the dev server
 *                     uses ~/.office-addin-dev-certs/localhost.{crt,key} when present, else
 *                     webpack-dev-server generates a self-signed certificate (trust it, or Office
 *                     will refuse to load the pages).
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const DEFAULT_PUBLIC_URL = 'https://budget-check.example.gov.cn/addin/';
const DIST = path.resolve(__dirname, 'dist');

/**
 * An id of the sources this build is made from (a hash of src/): the pane starts its worker as
 * `check-worker.js?v=<id>` (the worker's file name is fixed), so after a deploy a browser cannot
 * keep running a cached worker from the previous version beside the new pane.
 */
function sourceId() {
  const hash = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        hash.update(path.relative(__dirname, p));
        hash.update(fs.readFileSync(p));
      }
    }
  };
  walk(path.join(__dirname, 'src'));
  return hash.digest('hex').slice(0, 10);
}

/** Entries that run inside Office and must stay small: a build error if ExcelJS gets into them. */
const OFFICE_ENTRIES = ['taskpane', 'commands', 'result', 'check-worker'];

/**
 * The production base URL from the environment: https only, always ending in '/'.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string}
 */
function publicUrl(env = process.env) {
  const raw = (env.ADDIN_PUBLIC_URL || DEFAULT_PUBLIC_URL).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`ADDIN_PUBLIC_URL must be https (Office loads add-ins over https only): ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_PUBLIC_URL must not have a query or fragment: ${raw}`);
  const s = url.toString();
  return s.endsWith('/') ? s : `${s}/`;
}

/**
 * manifest.xml for production: every development URL points at the public URL instead.
 * @param {string} xml
 * @param {string} base  e.g. https://budget-check.example.gov.cn/addin/
 * @returns {string}
 */
function rewriteManifestUrls(xml, base) {
  if (!/^https:\/\/[^/]+(\/.*)?\/$/.test(base)) throw new Error(`public URL must be https and end with '/': ${base}`);
  // The URL goes into XML attribute values: escape what XML would misread.
  const escaped = base.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const out = xml.split(DEV_URL).join(escaped);
  if (out.includes('localhost')) throw new Error('manifest.xml still mentions localhost after the URL rewrite');
  return out;
}

/** @returns {string} */
function officeJsDist() {
  return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {import('webpack-dev-server').ServerConfiguration | 'http' | 'https'}
 */
function devServerTransport(env = process.env) {
  if (env.ADDIN_HTTP === '1') return 'http';
  const home = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = env.ADDIN_HTTPS_CERT || path.join(home, 'localhost.crt');
  const key = env.ADDIN_HTTPS_KEY || path.join(home, 'localhost.key');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return { type: 'https', options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } };
  }
  return 'https'; // webpack-dev-server generates a self-signed certificate
}

/** Fails the build when a module from node_modules/exceljs lands in an Office entry. */
class KeepExcelJsOutOfOfficeEntries {
  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('KeepExcelJsOutOfOfficeEntries', (compilation) => {
      compilation.hooks.afterOptimizeChunkModules.tap('KeepExcelJsOutOfOfficeEntries', (chunks) => {
        for (const chunk of chunks) {
          const entries = [...chunk.groupsIterable].map((g) => g.name).filter((n) => n && OFFICE_ENTRIES.includes(n));
          if (entries.length === 0) continue;
          for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = /** @type {{ resource?: string }} */ (m).resource || '';
            if (/[\\/]node_modules[\\/]exceljs[\\/]/.test(resource)) {
              compilation.errors.push(
                new webpack.WebpackError(
                  `ExcelJS must not be bundled into ${entries.join(', ')} (pulled in: ${resource}); only the preview may use it.`,
                ),
              );
              return;
            }
          }
        }
      });
    });
  }
}

/**
 * @param {Record<string, unknown>} _env
 * @param {{ mode?: 'production' | 'development' | 'none' }} argv
 * @returns {import('webpack').Configuration}
 */
function config(_env, argv) {
  const production = argv.mode === 'production';
  const base = production ? publicUrl() : DEV_URL;

  /** @param {string} name @param {string} template */
  const page = (name, template) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks: [name],
      scriptLoading: 'defer',
      inject: 'head',
    });

  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    // ES2017: Excel 2019 on Windows shows add-ins in EdgeHTML 18 (no `?.`, `??`, object spread at
    // run time); TypeScript lowers those. IE11 gets assets/legacy-guard.js's message instead.
    target: ['web', 'es2017'],
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/commands/commands.ts',
      result: './src/commands/result.ts',
      preview: './src/preview/index.ts',
      // The pane's check worker: a fixed name, because the pane starts it by URL (src/app/core-runner.ts),
      // with the build's id as its query (sourceId above).
      'check-worker': { import: './src/app/check-worker.ts', filename: 'check-worker.js' },
    },
    output: {
      path: DIST,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              transpileOnly: false,
              // Type-check what the bundles contain, not the tests and scripts tsconfig.json also includes.
              onlyCompileBundledFiles: true,
              // ES modules let webpack tree-shake; the CLI build keeps CommonJS.
              compilerOptions: {
                module: 'es2020',
                target: 'es2017',
                moduleResolution: 'node',
                noEmit: false,
                sourceMap: true,
              },
            },
          },
        },
      ],
    },
    // Office.js is a global loaded by a <script> tag (CDN, else dist/office-js/); never bundle it.
    externals: {
      '@microsoft/office-js': 'Office',
    },
    plugins: [
      new KeepExcelJsOutOfOfficeEntries(),
      new webpack.DefinePlugin({ __BUILD_ID__: JSON.stringify(sourceId()) }),
      page('taskpane', './src/taskpane/taskpane.html'),
      page('commands', './src/commands/commands.html'),
      page('result', './src/commands/result.html'),
      page('preview', './src/preview/preview.html'),
      new CopyWebpackPlugin({
        patterns: [
          // Copied files are final: `minimized` keeps Terser off them (office.js alone is ~57 MB of
          // already-minified files; minifying them again takes minutes).
          { from: 'assets', to: 'assets', info: { minimized: true } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: production
              ? (content) => Buffer.from(rewriteManifestUrls(content.toString('utf8'), base), 'utf8')
              : undefined,
          },
          { from: officeJsDist(), to: 'office-js', info: { minimized: true } },
          // The preview opens examples/sample.xlsx next to its page when it exists.
          {
            from: 'examples/sample.xlsx',
            to: 'examples/sample.xlsx',
            noErrorOnMissing: true,
            info: { minimized: true },
          },
        ],
      }),
    ],
    performance: {
      hints: production ? 'warning' : false,
      // The preview carries ExcelJS on purpose; the Office pages should stay well under this.
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/') && !file.startsWith('preview'),
      maxAssetSize: 400 * 1024,
      maxEntrypointSize: 400 * 1024,
    },
    devServer: {
      port: 3000,
      server: devServerTransport(),
      static: { directory: DIST },
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
}

module.exports = config;
module.exports.publicUrl = publicUrl;
module.exports.rewriteManifestUrls = rewriteManifestUrls;
module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_PUBLIC_URL = DEFAULT_PUBLIC_URL;
module.exports.OFFICE_ENTRIES = OFFICE_ENTRIES;
