/**
 * Issue acceptance: each fixture layout, read both from the committed .xlsx (through a host-like
 * ExcelJS reader) and from the pure builders (sheetToGrid), gives exactly the reference table: one
 * table on the right sheet, 9 projects, 43 indicators equal field by field to the hand-written
 * oracle in test/fixtures/reference.ts, rows classified, amounts exact, no error finding.
 */
import * as path from 'path';
import { check } from '../../src/core/check';
import type { Grid } from '../../src/core/grid';
import type { TableReport, TargetValueJson } from '../../src/core/report';
import { FIXTURE_TARGETS, buildLayouts, sheetToGrid, type LayoutName } from '../../scripts/make-fixtures';
import {
  REFERENCE,
  REFERENCE_INDICATOR_COUNT,
  REFERENCE_PROJECT_COUNT,
  allExpectedIndicators,
} from '../fixtures/reference';
import { readWorkbookGrids } from './xlsx-grid';

const ROOT = path.resolve(__dirname, '..', '..');

interface LayoutExpectation {
  /** Sheet names of the book, in order; `tableSheet` indexes the one holding the table. */
  sheets: string[];
  tableSheet: number;
  range: string;
  columns: Record<string, string>;
  totalRow: number;
  unitRow: number;
  projectRows: number[];
  /** Continuation row → the project row it continues. */
  continuations: Record<number, number>;
}

const COLS_A = { name: 'A', total: 'B', fiscal: 'C', specialAccount: 'D', other: 'E', goal: 'F', indicators: 'G' };
const COLS_B = { name: 'B', total: 'C', fiscal: 'D', specialAccount: 'E', other: 'F', goal: 'G', indicators: 'H' };

// Written out by hand from the layouts' descriptions in scripts/make-fixtures.ts.
const EXPECT: Record<Exclude<LayoutName, 'sample'>, LayoutExpectation> = {
  'clean-export': {
    sheets: ['Sheet1'],
    tableSheet: 0,
    range: 'A1:G12',
    columns: COLS_A,
    totalRow: 2,
    unitRow: 3,
    projectRows: [4, 5, 6, 7, 8, 9, 10, 11, 12],
    continuations: {},
  },
  'pdf-conversion': {
    sheets: ['Table 1'],
    tableSheet: 0,
    range: 'A3:G18',
    columns: COLS_A,
    totalRow: 4,
    unitRow: 5,
    // Row 12 is a stray blank row after project 4.
    projectRows: [6, 8, 10, 11, 13, 15, 16, 17, 18],
    continuations: { 7: 6, 9: 8, 14: 13 },
  },
  'hand-made': {
    sheets: ['填表说明', '绩效目标表'],
    tableSheet: 1,
    range: 'B4:H16',
    columns: COLS_B,
    totalRow: 6,
    unitRow: 7,
    projectRows: [8, 9, 10, 11, 12, 13, 14, 15, 16],
    continuations: {},
  },
};

const LAYOUTS = Object.keys(EXPECT) as (keyof typeof EXPECT)[];

function gridsFromBuilders(layout: LayoutName): Grid[] {
  return buildLayouts()[layout].sheets.map(sheetToGrid);
}

const VALUE_FIELDS: (keyof TargetValueJson)[] = ['raw', 'comparator', 'value', 'unit', 'text'];

/** Every field of every indicator against the oracle; one message per mismatch, all collected. */
function indicatorMismatches(t: TableReport, e: LayoutExpectation): string[] {
  const out: string[] = [];
  const expected = allExpectedIndicators();
  const put = (where: string, field: string, actual: unknown, want: unknown) => {
    if (!Object.is(actual, want) && JSON.stringify(actual) !== JSON.stringify(want)) {
      out.push(`${where} ${field}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`);
    }
  };
  const n = Math.max(expected.length, t.indicators.length);
  for (let i = 0; i < n; i++) {
    const want = expected[i];
    const got = t.indicators[i];
    if (!want || !got) {
      out.push(`indicator #${i}: got ${JSON.stringify(got?.name)}, expected ${JSON.stringify(want?.name)}`);
      continue;
    }
    const where = `${want.project} #${want.ordinal}`;
    const pIndex = REFERENCE.projects.findIndex((p) => p.name === want.project);
    const row = e.projectRows[pIndex];
    put(where, 'project', got.project, want.project);
    put(where, 'row', got.row, row);
    put(where, 'cell', got.cell, `${e.columns.indicators}${row}`);
    put(where, 'ordinal', got.ordinal, want.ordinal);
    put(where, 'level1.code', got.level1?.code, want.level1.code);
    put(where, 'level1.name', got.level1?.name, want.level1.name);
    put(where, 'level2.code', got.level2?.code, want.level2.code);
    put(where, 'level2.name', got.level2?.name, want.level2.name);
    put(where, 'name', got.name, want.name);
    for (const which of ['period', 'annual'] as const) {
      const g = got[which];
      if (!g) {
        out.push(`${where} ${which}: missing`);
        continue;
      }
      for (const f of VALUE_FIELDS) put(where, `${which}.${f}`, g[f], want[which][f]);
    }
  }
  return out;
}

describe.each(LAYOUTS)('%s layout', (layout) => {
  const e = EXPECT[layout];

  describe.each(['committed xlsx', 'builder grid'] as const)('read from the %s', (source) => {
    let grids: Grid[];
    let t: TableReport;

    beforeAll(async () => {
      grids =
        source === 'committed xlsx'
          ? await readWorkbookGrids(path.join(ROOT, FIXTURE_TARGETS[layout]))
          : gridsFromBuilders(layout);
      const found = grids.map((g) => check(g));
      t = found[e.tableSheet][0];
    });

    it('finds exactly one table, on the right sheet', () => {
      expect(grids.map((g) => g.sheet)).toEqual(e.sheets);
      grids.forEach((g, i) => {
        const tables = check(g);
        expect(`${g.sheet}: ${tables.length}`).toBe(`${g.sheet}: ${i === e.tableSheet ? 1 : 0}`);
      });
      expect(t.sheet).toBe(e.sheets[e.tableSheet]);
    });

    it('reports the range, the unit 万元 and the column letters', () => {
      expect(t.range).toBe(e.range);
      expect(t.unit).toBe('万元');
      expect(t.columns).toEqual(e.columns);
    });

    it(`counts ${REFERENCE_PROJECT_COUNT} projects and ${REFERENCE_INDICATOR_COUNT} indicators, with no error`, () => {
      expect(t.summary.projects).toBe(REFERENCE_PROJECT_COUNT);
      expect(t.summary.indicators).toBe(REFERENCE_INDICATOR_COUNT);
      expect(t.indicators).toHaveLength(REFERENCE_INDICATOR_COUNT);
      const errors = t.findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => `${f.rule} ${f.cell}: ${f.message}`)).toEqual([]);
      expect(t.summary.errors).toBe(0);
    });

    it('classifies every row: 合计, the unit, 9 projects, continuation rows', () => {
      const want: { row: number; kind: string; of?: number }[] = [
        { row: e.totalRow, kind: 'total' },
        { row: e.unitRow, kind: 'unit' },
        ...e.projectRows.map((row) => ({ row, kind: 'project' })),
        ...Object.entries(e.continuations).map(([row, of]) => ({ row: Number(row), kind: 'continuation', of })),
      ].sort((a, b) => a.row - b.row);
      expect(
        t.rows.map((r) => ({ row: r.row, kind: r.kind, ...(r.kind === 'continuation' ? { of: r.of } : {}) })),
      ).toEqual(want);
    });

    it('reads names (joined, no leading spaces) and amounts as exact two-decimal strings', () => {
      const byRow = new Map(t.rows.map((r) => [r.row, r]));
      const total = byRow.get(e.totalRow);
      expect(total?.name).toBe('合计');
      expect(total?.amounts).toEqual(REFERENCE.totalAmounts);
      const unit = byRow.get(e.unitRow);
      expect(unit?.name).toBe(REFERENCE.unitName);
      expect(unit?.amounts).toEqual(REFERENCE.unitAmounts);
      REFERENCE.projects.forEach((p, i) => {
        const r = byRow.get(e.projectRows[i]);
        expect(`${p.name}: ${JSON.stringify(r?.name)} ${r?.kind} ${r?.unit}`).toBe(
          `${p.name}: ${JSON.stringify(p.name)} project ${REFERENCE.unitName}`,
        );
        for (const k of ['total', 'fiscal', 'specialAccount', 'other'] as const) {
          expect(`${p.name} ${k} = ${r?.amounts?.[k]}`).toBe(`${p.name} ${k} = ${p.amounts[k]}`);
        }
      });
      for (const r of t.rows) {
        if (r.amounts) for (const v of Object.values(r.amounts)) expect(v).toMatch(/^-?\d+\.\d{2}$/);
        if (r.name !== undefined) expect(r.name).toBe(r.name.trim());
      }
    });

    it('parses every field of every indicator exactly as the oracle says', () => {
      expect(indicatorMismatches(t, e)).toEqual([]);
      // And per project: the ordinals 1..n in order.
      for (const p of REFERENCE.projects) {
        const mine = t.indicators.filter((x) => x.project === p.name).map((x) => x.ordinal);
        expect(`${p.name}: ${mine.join(',')}`).toBe(`${p.name}: ${p.expected.map((x) => x.ordinal).join(',')}`);
      }
    });
  });
});

describe('the host-like xlsx reader', () => {
  it('gives the used range, blanks the non-master cells of merged areas, keeps indent and number format', async () => {
    const [sheet1, table] = await readWorkbookGrids(path.join(ROOT, FIXTURE_TARGETS['hand-made']));
    expect(sheet1.sheet).toBe('填表说明');
    expect([table.top, table.left]).toEqual([1, 2]);
    const at = (g: Grid, row: number, col: number) => g.cells[row - g.top]?.[col - g.left] ?? null;
    expect(at(table, 1, 2)?.value).toBe(REFERENCE.title); // B1, master of B1:H1
    expect(at(table, 1, 3)).toBeNull(); // C1 inside the merge
    expect(at(table, 5, 2)).toBeNull(); // B5 under the merged 项目名称 (B4:B5)
    expect(at(table, 6, 3)).toMatchObject({ value: 1648.49, text: '1648.49', numberFormat: '0.00' });
    const [clean] = await readWorkbookGrids(path.join(ROOT, FIXTURE_TARGETS['clean-export']));
    expect(at(clean, 4, 1)).toMatchObject({ value: '机构运行辅助经费', indent: 1 });
    expect(at(clean, 2, 2)).toMatchObject({ value: 1648.49, text: '1,648.49', numberFormat: '#,##0.00' });
  });
});

describe('the mismatch collector itself', () => {
  it('names project, ordinal and field of a wrong value', () => {
    const t = check(gridsFromBuilders('clean-export')[0])[0];
    const broken: TableReport = {
      ...t,
      indicators: t.indicators.map((x, i) => (i === 1 ? { ...x, annual: x.annual && { ...x.annual, unit: '个' } } : x)),
    };
    expect(indicatorMismatches(broken, EXPECT['clean-export'])).toEqual([
      '机构运行辅助经费 #2 annual.unit: got "个", expected "%"',
    ]);
  });
});
