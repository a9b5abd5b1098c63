// Preloaded with `node --require` by scripts/bench/cli.ts: at exit, writes the process's peak
// resident memory and CPU times to the file named by BENCH_RSS_OUT. Does nothing without it.
const fs = require('fs');

const out = process.env.BENCH_RSS_OUT;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ maxRssKb: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
  });
}
