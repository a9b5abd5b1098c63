/**
 * The CLI on the generated family workbooks (scripts/make-form-fixtures.ts): every layout read
 * through the real .xlsx reader (merged areas blank but for their master cell) gives the same tables
 * as the core test, text and JSON reports name the indicator's own cell, a workbook holding only a
 * 绩效自评表 or a department table exits 2 naming it, and `--out` marks the target cells and writes
 * the 指标明细 sheet with links back to them.
 */
import * as path from 'path';
import { MARK_FILLS } from '../../src/core/marks';
import { argb } from '../../src/cli/annotate';
import { FAMILIES, type FamilyFixture } from '../fixtures/forms/families';
import { UNKNOWN_FORMS } from '../fixtures/forms/unknown-forms';
import { FIXTURES, fillOf, readBook, run, tempDir } from './helpers';
import { hyperlinks, partsOf } from './package';

const DIR = path.join(FIXTURES, 'forms');
const checked = FAMILIES.filter((f) => f.tables.length > 0);

interface JsonTable {
  layout: string;
  title: string | null;
  range: string;
  columns: Record<string, string>;
  indicators: { cell: string; name: string; weight?: number | null; annual?: { raw: string } | null }[];
  findings: { rule: string; severity: string; cell: string; fix?: { cell: string } }[];
}

describe.each(checked.map((f) => [f.id, f] as const))('%s through the CLI', (_id, f: FamilyFixture) => {
  it('json: the layout, title, range and every indicator cell of each table; exit 0', async () => {
    const r = await run([path.join(DIR, f.file), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { tables: JsonTable[] };
    expect(j.tables.map((t) => [t.layout, t.title, t.range])).toEqual(
      f.tables.map((t) => [t.layout, t.title, t.range]),
    );
    expect(j.tables.map((t) => t.indicators.map((i) => [i.cell, i.name]))).toEqual(
      f.tables.map((t) => t.indicators.map((i) => [i[0], i[3]])),
    );
    // Grid layouts report their grid columns, and the contract's key order holds.
    for (const t of j.tables) {
      expect(Object.keys(t).slice(0, 4)).toEqual(['layout', 'title', 'sheet', 'range']);
      expect(t.columns.value ?? t.columns.level3).toBeDefined();
    }
  });
});

describe.each(UNKNOWN_FORMS.map((f) => [f.id, f] as const))('unknown province %s through the CLI', (_id, f) => {
  it('json: every indicator cell, name and target, and the amounts; exit 0', async () => {
    const r = await run([path.join(DIR, f.file), '--format', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const j = JSON.parse(r.stdout) as {
      tables: (JsonTable & { rows: { kind: string; name: string; amounts: Record<string, string> }[] })[];
    };
    expect(j.tables.map((t) => [t.layout, t.title, t.range])).toEqual(
      f.tables.map((t) => [t.layout, t.title, t.range]),
    );
    expect(j.tables.map((t) => t.indicators.map((i) => [i.cell, i.name, i.annual?.raw]))).toEqual(
      f.tables.map((t) => t.indicators.map((i) => [i[0], i[3], i[4]])),
    );
    expect(
      j.tables.map((t) =>
        t.rows
          .filter((x) => x.kind === 'project')
          .map((p) => [p.name, p.amounts.total, p.amounts.fiscal, p.amounts.other]),
      ),
    ).toEqual(f.tables.map((t) => t.projects.map((p) => [p.name, p.total, p.fiscal, p.other])));
  });
});

describe('rejected tables through the CLI', () => {
  it.each([
    ['s-self-evaluation.xlsx', '绩效自评表'],
    ['l12-department.xlsx', '部门整体支出绩效目标表'],
  ])('%s: exit 2, one Chinese line naming what was found', async (file, what) => {
    const r = await run([path.join(DIR, file)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`只有${what}`);
    expect(lines[0]).toContain('不是项目支出绩效目标表');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('a form with defects through the CLI', () => {
  const file = path.join(DIR, 'l3-form-defects.xlsx');
  const expected = (FAMILIES.find((f) => f.id === 'L3') as FamilyFixture).defects?.findings ?? [];

  it('text: names each finding with the indicator’s own cell; exit 1', async () => {
    const r = await run([file]);
    expect(r.code).toBe(1);
    for (const key of expected) expect(r.stdout).toContain(key.split('@')[1]);
    expect(r.stdout).toContain('年度资金总额 1,000.00 不等于');
  });

  it('--out: marks exactly the finding cells and writes 指标明细 with a link back to each target cell', async () => {
    const out = path.join(tempDir(), 'marked.xlsx');
    const r = await run([file, '--out', out, '--format', 'json']);
    expect(r.code).toBe(1);
    const t = (JSON.parse(r.stdout) as { tables: JsonTable[] }).tables[0];
    expect(t.findings.map((x) => `${x.rule}@${x.cell}`).sort()).toEqual([...expected].sort());
    const wb = await readBook(out);
    const ws = wb.getWorksheet('绩效目标表');
    if (!ws) throw new Error('sheet missing');
    const fills = new Set(Object.values(MARK_FILLS).map(argb));
    const marked: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        if (fills.has(fillOf(c) ?? '')) marked.push(c.address);
      }),
    );
    expect(marked.sort()).toEqual([...new Set(expected.map((k) => k.split('@')[1]))].sort());
    // No cell value changed: the fix is offered, never applied.
    expect(ws.getCell('E20').value).toBe('≧95%');
    if (!wb.getWorksheet('指标明细')) throw new Error('indicator sheet missing');
    // In-workbook links are `location`s in the sheet XML (ExcelJS shows their text only).
    const links = [...hyperlinks(partsOf(out), '指标明细').values()];
    expect(links).toHaveLength(t.indicators.length);
    expect(links[0]).toBe("'绩效目标表'!$E$10");
  });
});
