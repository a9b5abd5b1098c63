/**
 * 250,000 projects: the core checks them (no stack overflow from spreads over rows), and the CLI's
 * text and JSON reports both render, with the exit status main() derives from the same findings.
 * Before: text mode died with RangeError past ~80,000 projects, the core past ~125,000.
 */
import { check } from '../../src/core/check';
import { reportJson, stringify } from '../../src/cli/json-report';
import { reportText, writeReportText } from '../../src/cli/text-report';
import { manyProjectsGrid } from '../helpers/many-projects';

const PROJECTS = 250_000;

test(`${PROJECTS.toLocaleString('en')} projects: core, text and JSON`, () => {
  const tables = check(manyProjectsGrid(PROJECTS));
  expect(tables).toHaveLength(1);
  const t = tables[0];
  expect(t.summary.projects).toBe(PROJECTS);
  // Every 1,000th project has 财政拨款 one more than its 总计: 250 row errors, among others.
  const rowSum = t.findings.filter((f) => f.rule === 'amount-row-sum' && f.severity === 'error');
  expect(rowSum).toHaveLength(PROJECTS / 1000);
  const report = { file: 'many.xlsx', tables };
  const text = reportText(report, 'zh-CN');
  expect(text.split('\n').length).toBeGreaterThan(PROJECTS);
  // The CLI writes the same text in pieces of about a million characters, never as one string.
  const pieces: string[] = [];
  writeReportText(report, 'zh-CN', (s) => pieces.push(s));
  expect(pieces.length).toBeGreaterThan(10);
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(2 ** 21);
  expect(pieces.join('')).toBe(`${text}\n`);
  const json = JSON.parse(stringify(reportJson(report))) as { tables: { findings: { severity: string }[] }[] };
  const errorsIn = (fs: { severity: string }[]) => fs.some((f) => f.severity === 'error');
  // main() takes the exit status from the findings before either format is written: same for both.
  expect(errorsIn(json.tables[0].findings)).toBe(errorsIn(t.findings));
  expect(errorsIn(t.findings)).toBe(true);
}, 300_000);
