/**
 * The CLI over the real fixture workbooks (scripts/make-fixtures.ts, from the reference table) with
 * the real core: all three layouts read as 9 projects and 43 indicators with no error, and `--out`
 * marks exactly the cells of a copy with two planted defects.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { MARK_FILLS, NOTE_HEADER } from '../../src/core/marks';
import type { Severity } from '../../src/core/report';
import { argb } from '../../src/cli/annotate';
import { FIXTURES, fillOf, noteOf, readBook, run, sha256, tempDir } from './helpers';
import { hyperlinks, partsOf } from './package';

const LAYOUTS = ['clean-export.xlsx', 'pdf-conversion.xlsx', 'hand-made.xlsx'];
const OUR_FILLS = new Map<string, Severity>(
  (Object.entries(MARK_FILLS) as [Severity, string][]).map(([s, hex]) => [argb(hex), s]),
);

interface JsonFinding {
  rule: string;
  severity: Severity;
  cell: string;
}
interface JsonTable {
  sheet: string;
  summary: { projects: number; indicators: number; errors: number; warnings: number; infos: number };
  rows: { kind: string }[];
  indicators: unknown[];
  findings: JsonFinding[];
}

/** Every cell of a sheet that carries one of our fills, with the severity it stands for. */
function ourFills(ws: ExcelJS.Worksheet): Map<string, Severity> {
  const found = new Map<string, Severity>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const s = OUR_FILLS.get(fillOf(cell) ?? '');
      if (s) found.set(cell.address, s);
    }),
  );
  return found;
}

/** Most severe severity per cell, from the report's findings. */
function expectedFills(findings: readonly JsonFinding[]): Map<string, Severity> {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const m = new Map<string, Severity>();
  for (const f of findings) {
    const cur = m.get(f.cell);
    if (!cur || rank[f.severity] < rank[cur]) m.set(f.cell, f.severity);
  }
  return m;
}

describe.each(LAYOUTS)('%s', (name) => {
  const file = path.join(FIXTURES, name);
  const maybe = existsSync(file) ? test : test.skip;

  maybe('json: 9 projects, 43 indicators, no error, exit 0', async () => {
    const r = await run([file, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { file: string; tables: JsonTable[] };
    expect(j.file).toBe(file);
    expect(j.tables).toHaveLength(1);
    const t = j.tables[0];
    expect(t.summary.projects).toBe(9);
    expect(t.summary.indicators).toBe(43);
    expect(t.summary.errors).toBe(0);
    expect(t.indicators).toHaveLength(43);
    expect(t.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const kinds = t.rows.map((x) => x.kind);
    expect(kinds.filter((k) => k === 'total')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'unit')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'project')).toHaveLength(9);
  });

  maybe('text: the summary line, exit 0; English with --lang en-US', async () => {
    const r = await run([file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/9 个项目 · 43 条指标 · 错误 0 · 警告 \d+ · 提示 \d+/);
    const en = await run([file, '--lang', 'en-US']);
    expect(en.stdout).toMatch(/9 projects · 43 indicators · 0 errors · \d+ warnings? · \d+ infos?/);
  });

  maybe('--out: a marked copy, the 指标明细 table with 43 rows, the input unchanged', async () => {
    const before = sha256(file);
    const out = path.join(tempDir(), `annotated-${name}`);
    const r = await run([file, '--out', out, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(sha256(file)).toBe(before);
    const t = (JSON.parse(r.stdout) as { tables: JsonTable[] }).tables[0];
    const wb = await readBook(out);
    const ws = wb.getWorksheet(t.sheet)!;
    expect(ourFills(ws)).toEqual(expectedFills(t.findings));
    for (const cell of new Set(t.findings.map((f) => f.cell))) {
      expect(noteOf(ws.getCell(cell))).toContain(NOTE_HEADER['zh-CN']);
    }
    const sheet = wb.getWorksheet('指标明细')!;
    expect(sheet).toBeDefined();
    expect(sheet.getTable('BudgetCheckIndicators')).toBeTruthy();
    expect(sheet.actualRowCount).toBe(44);
    const link = hyperlinks(partsOf(out), '指标明细').get('B2');
    expect(link).toMatch(new RegExp(`^'${t.sheet}'!\\$[A-Z]+\\$\\d+$`));
  });
});

describe('a copy of clean-export.xlsx with a wrong 合计 total and an `abc` amount', () => {
  const clean = path.join(FIXTURES, 'clean-export.xlsx');
  const maybe = existsSync(clean) ? test : test.skip;

  maybe('exit 1; fills and notes on exactly those two cells', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'defects.xlsx');
    const out = path.join(dir, 'defects-annotated.xlsx');

    const wb = await readBook(clean);
    const ws = wb.worksheets[0];
    let header = 0;
    let totalRow = 0;
    ws.eachRow((row, r) => {
      const a = String(row.getCell(1).value ?? '').trim();
      if (!header && a.startsWith('项目名称')) header = r;
      if (!totalRow && a === '合计') totalRow = r;
    });
    const col = (title: string): number => {
      let c = 0;
      ws.getRow(header).eachCell((cell, n) => {
        if (String(cell.value).replace(/\s/g, '') === title) c = n;
      });
      return c;
    };
    const totalCol = col('总计');
    const otherCol = col('其他资金');
    expect([header, totalRow, totalCol, otherCol].every((n) => n > 0)).toBe(true);
    const totalCell = ws.getCell(totalRow, totalCol);
    totalCell.value = 1648.59; // 合计 ≠ Σ units (1,648.49) and ≠ its own sources
    const projectRow = totalRow + 2; // 合计, the unit row, then the first project
    const abcCell = ws.getCell(projectRow, otherCol);
    abcCell.value = 'abc';
    await wb.xlsx.writeFile(bad);
    const before = sha256(bad);

    const r = await run([bad, '--out', out, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(sha256(bad)).toBe(before);
    const t = (JSON.parse(r.stdout) as { tables: JsonTable[] }).tables[0];
    const errorCells = new Set(t.findings.filter((f) => f.severity === 'error').map((f) => f.cell));
    expect([...errorCells].sort()).toEqual([totalCell.address, abcCell.address].sort());

    const marked = (await readBook(out)).getWorksheet(ws.name)!;
    const fills = ourFills(marked);
    const errorFilled = [...fills].filter(([, s]) => s === 'error').map(([a]) => a);
    expect(errorFilled.sort()).toEqual([totalCell.address, abcCell.address].sort());
    expect(fills).toEqual(expectedFills(t.findings));
    expect(noteOf(marked.getCell(totalCell.address))).toMatch(/^【预算绩效表校验】\n错误：.*1,?648\.59/);
    expect(noteOf(marked.getCell(abcCell.address))).toMatch(/^【预算绩效表校验】\n错误：.*abc/);
  });
});
