// Preloaded with `node --require` by the CLI benchmarks: at exit, appends the process's peak resident
// memory and CPU times as one JSON line to the file named by BENCH_RSS_OUT. Does nothing without it.
// The CLI checks a large workbook in a child process (src/cli/memory-cap.ts) that inherits the preload
// and the variable, so a run may leave two lines: readUsage adds them up (both processes are alive
// together, so the sum of their peaks bounds the run's resident memory).
const fs = require('fs');

const out = process.env.BENCH_RSS_OUT;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const line = { pid: process.pid, maxRssKb: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime };
    fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}

/** The run's usage from the file: peaks and CPU times of every process summed; `processes` counted. */
function readUsage(file) {
  const total = { maxRssKb: 0, userUs: 0, systemUs: 0, processes: 0 };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const u = JSON.parse(line);
    total.maxRssKb += u.maxRssKb;
    total.userUs += u.userUs;
    total.systemUs += u.systemUs;
    total.processes++;
  }
  return total;
}

module.exports = { readUsage };
