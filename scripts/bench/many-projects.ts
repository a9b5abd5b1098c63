/**
 * Child of scripts/bench/hostile.ts: the core check over a generated grid of N projects, then the
 * text or JSON report built (not printed: the figure is the core and the formatter). Exit status as
 * the CLI's: 1 when an error finding exists.
 *
 *   node -r ts-node/register/transpile-only scripts/bench/many-projects.ts 250000 text|json
 */
import { check } from '../../src/core/check';
import { reportJson, writeReport } from '../../src/cli/json-report';
import { reportText } from '../../src/cli/text-report';
import { manyProjectsGrid } from '../../test/helpers/many-projects';

const projects = Number(process.argv[2] ?? 250000);
const format = process.argv[3] === 'json' ? 'json' : 'text';
const tables = check(manyProjectsGrid(projects));
const report = { file: `many-${projects}.xlsx`, tables };
// JSON as the CLI writes it: in pieces, to a sink that only counts (the CLI writes them to stdout).
let chars = 0;
if (format === 'json') writeReport(reportJson(report), (s) => (chars += s.length));
else chars = reportText(report, 'zh-CN').length;
process.stderr.write(
  `${projects} projects, ${tables[0]?.findings.length ?? 0} findings, ${(chars / 1e6).toFixed(1)} M characters of ${format}\n`,
);
process.exitCode = tables.some((t) => t.findings.some((f) => f.severity === 'error')) ? 1 : 0;
