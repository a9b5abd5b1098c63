// Where the CLI's time goes, phase by phase, in one process over the compiled build/ (the same
// calls as src/cli/main.ts checkFile + the JSON writer). Prints one JSON line.
// `node scripts/bench/cli-phases.js FILE`
const { performance } = require('perf_hooks');
const t0 = performance.now();
const fs = require('fs');
const os = require('os');
const rx = require('../../build/cli/read-xlsx');
const { checkWorkbook } = require('../../build/core/check');
const { reportJson, stringify } = require('../../build/cli/json-report');

async function main(file) {
  const ms = {};
  let t = performance.now();
  ms.startup = t - t0;
  const lap = (name) => {
    const now = performance.now();
    ms[name] = now - t;
    t = now;
  };
  const data = await fs.promises.readFile(file);
  lap('load');
  // src/xlsx: unzip + XML + cells → grid in one pass.
  const grids = rx.readGrids(data);
  lap('grids');
  const { tables } = checkWorkbook(grids, { file, locale: 'zh-CN' });
  lap('check');
  const text = `${stringify(reportJson({ file, tables }))}\n`;
  lap('json');
  const fd = fs.openSync(os.devNull, 'w');
  fs.writeSync(fd, text);
  fs.closeSync(fd);
  lap('write');
  ms.outputBytes = Buffer.byteLength(text);
  process.stdout.write(`${JSON.stringify(ms)}\n`);
}

main(process.argv[2]).catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
});
