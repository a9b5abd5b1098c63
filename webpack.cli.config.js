// @ts-check
/**
 * The CLI as one file (build/bundle/budget-check.js, what bin/budget-check.js runs) plus the batch
 * worker thread's script beside it (build/bundle/worker.js: src/cli/batch/pool.ts starts
 * `worker.js` from its own folder, which in the bundle is build/bundle/).
 *
 * Why a bundle: Node resolves, reads and wraps each module of the compiled CLI separately (about a
 * hundred for a plain check); one file is read and compiled once. The input is tsc's output
 * (build/cli, from `tsc -p tsconfig.cli.json`), not the TypeScript sources, so the bundle holds
 * exactly what tsc emits (a `const enum` across files, for one, needs whole-program compilation).
 * scripts/build-cli.js runs both steps.
 *
 * What only some runs need stays out of a plain check's way: the CLI requires those modules inside
 * the function that uses them, and webpack runs a module's code only when it is first required.
 * ExcelJS (the --summary workbook) and @e965/xlsx (.xls) are left to Node's require, from
 * node_modules, at that moment: a plain check never reads or compiles their code.
 */
const path = require('path');

/** Packages that load lazily today and must not be parsed on a plain check. */
const LAZY_PACKAGES = ['exceljs', '@e965/xlsx'];

/**
 * @param {{ compiled?: string, out?: string }} [where]  tsc's output folder (default build/) and the
 *   bundle's folder (default build/bundle/); scripts/build-cli.js passes its own.
 * @returns {import('webpack').Configuration}
 */
function cliConfig(where = {}) {
  const compiled = where.compiled ?? path.resolve(__dirname, 'build');
  return {
    mode: 'none',
    target: 'node20',
    context: __dirname,
    entry: {
      'budget-check': { import: path.join(compiled, 'cli', 'main.js'), library: { type: 'commonjs2' } },
      worker: path.join(compiled, 'cli', 'batch', 'worker.js'),
    },
    output: {
      path: where.out ?? path.resolve(__dirname, 'build', 'bundle'),
      filename: '[name].js',
    },
    // Node's own __dirname (the bundle's folder): memory-cap.ts and main.ts find the package root
    // from it, pool.ts the worker script.
    node: { __dirname: false, __filename: false },
    externals: Object.fromEntries(LAZY_PACKAGES.map((p) => [p, `commonjs ${p}`])),
    devtool: false,
    optimization: { minimize: false, moduleIds: 'named', splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
  };
}

module.exports = cliConfig;
module.exports.LAZY_PACKAGES = LAZY_PACKAGES;
