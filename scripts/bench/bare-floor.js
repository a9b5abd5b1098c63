// The floor of any .xlsx reader built on fflate + saxes: inflate the XML parts a check reads and
// run every byte through the tokenizer, counting cells; no grid, no core. What the CLI is
// measured against. `node scripts/bench/bare-floor.js FILE [--time]`: with --time it prints the
// milliseconds of that work alone (after start-up and reading the file), as the CLI's phases are.
const fs = require('fs');
const { unzipSync } = require('fflate');
const { SaxesParser } = require('saxes');
const { TextDecoder } = require('util');
const { performance } = require('perf_hooks');

function main(file) {
  const data = fs.readFileSync(file);
  const started = performance.now();
  const parts = unzipSync(data, {
    filter: (f) => /\.(xml|rels)$/i.test(f.name) && !/^xl\/(media|drawings|charts|theme)\//i.test(f.name),
  });
  let cells = 0;
  const decoder = new TextDecoder();
  for (const name of Object.keys(parts)) {
    const p = new SaxesParser({ xmlns: false, position: false });
    p.on('opentag', (n) => {
      if (n.name === 'c') cells++;
    });
    p.on('text', () => {});
    p.write(decoder.decode(parts[name])).close();
  }
  if (process.argv[3] === '--time') process.stdout.write(`${JSON.stringify({ ms: performance.now() - started })}\n`);
  return cells;
}

try {
  if (main(process.argv[2]) === 0) process.exitCode = 1;
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
}
