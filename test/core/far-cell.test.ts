/**
 * Issue 12 item 3 end to end in the core: one value typed at XFD1048576 (or at A1048576) under a
 * 9-project table used to make the table scans walk 16,384 columns × every row (8 min 53 s). The
 * whole check now visits present cells only: counting every array read of the grid proves it without
 * a timing, and the report is the same as without the stray cell.
 */
import { checkWorkbook } from '../../src/core/check';
import {
  gridFromEntries,
  gridFromValues,
  presentCellCount,
  rowEntries,
  rowNumbers,
  type Cell,
  type Grid,
} from '../../src/core/grid';
import { LAYOUT_NAMES, buildLayouts, sheetToGrid } from '../../scripts/make-fixtures';
import { FAMILIES } from '../fixtures/forms/families';

const EXCEL_LAST_ROW = 1048576;
const EXCEL_LAST_COLUMN = 16384;

/** The grid as a sparse one (as the reader builds it), plus the stray cells. */
function sparse(grid: Grid, extra: [number, number, Cell][]): Grid {
  const entries: [number, number, Cell][] = [];
  for (const r of rowNumbers(grid)) for (const [c, cell] of rowEntries(grid, r)) entries.push([r, c, cell]);
  for (const e of extra) entries.push(e);
  return gridFromEntries(grid.sheet, entries);
}

/** Index reads of the grid's arrays (rows and cells): each is one cell or row visit. */
function counted(grid: Grid): { grid: Grid; reads: () => number } {
  let reads = 0;
  const count: ProxyHandler<unknown[]> = {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  };
  const rows: (Cell | null | undefined)[][] = [];
  for (const k of Object.keys(grid.cells))
    rows[Number(k)] = new Proxy(grid.cells[Number(k)], count) as (Cell | null | undefined)[];
  const cells = new Proxy(rows, count) as Grid['cells'];
  return { grid: { ...grid, cells }, reads: () => reads };
}

interface Run {
  report: string;
  reads: number;
  present: number;
}

function run(grids: Grid[]): Run {
  const wrapped = grids.map(counted);
  const report = JSON.stringify(checkWorkbook(wrapped.map((w) => w.grid)));
  let reads = 0;
  let present = 0;
  for (const w of wrapped) reads += w.reads();
  for (const g of grids) present += presentCellCount(g);
  return { report, reads, present };
}

type Stray = [string, [number, number, Cell][]];

/** Blank cells (issue 12's case: one space typed at XFD1048576): on any layout, as if absent. */
const BLANK_STRAYS: Stray[] = [
  ['a space at XFD1048576', [[EXCEL_LAST_ROW, EXCEL_LAST_COLUMN, { value: ' ' }]]],
  ['a space at A1048576', [[EXCEL_LAST_ROW, 1, { value: ' ' }]]],
];

/** Text far from a list table: outside its columns and below its notes, it is debris. */
const TEXT_STRAYS: Stray[] = [
  [
    'text at XFD1 and XFD1048576 and a space at A1048576',
    [
      [1, EXCEL_LAST_COLUMN, { value: 'x' }],
      [EXCEL_LAST_ROW, EXCEL_LAST_COLUMN, { value: 'x' }],
      [EXCEL_LAST_ROW, 1, { value: ' ' }],
    ],
  ],
];

/**
 * Text far below a form's grid (a note typed 5,000 rows down, a value at row 1,000,000): past a gap
 * of blank rows the block has ended, so the text is neither one more indicator row nor the bottom of
 * the form's range. The cells sit in the grid's own columns (B–E), where a grid row would be read.
 */
const FORM_TEXT_STRAYS: Stray[] = [
  [
    'a note typed 5,000 rows below, across the grid columns',
    [
      [5000, 2, { value: '产出指标' }],
      [5000, 3, { value: '数量指标' }],
      [5000, 4, { value: '临时记录' }],
      [5000, 5, { value: '≥1次' }],
    ],
  ],
  [
    'text at D1000000 and XFD1048576',
    [
      [1000000, 4, { value: '备用行' }],
      [EXCEL_LAST_ROW, EXCEL_LAST_COLUMN, { value: 'x' }],
    ],
  ],
];

const layouts = buildLayouts();
const SOURCES: [string, Grid[], Stray[]][] = [
  ...LAYOUT_NAMES.map((name): [string, Grid[], Stray[]] => [
    `list layout ${name}`,
    layouts[name].sheets.map(sheetToGrid),
    [...BLANK_STRAYS, ...TEXT_STRAYS],
  ]),
  ...FAMILIES.filter((f) => f.id === 'L3' || f.id === 'L2' || f.id === 'L7').map((f): [string, Grid[], Stray[]] => [
    `form family ${f.id}`,
    [gridFromValues(f.sheet, f.rows)],
    [...BLANK_STRAYS, ...FORM_TEXT_STRAYS],
  ]),
];

describe.each(SOURCES)('%s with a stray cell far from the table', (_name, dense, strays) => {
  const base = run(dense.map((g) => sparse(g, [])));

  test('the fixture is a real table (the comparison is not between two empty reports)', () => {
    expect(JSON.parse(base.report).tables.length).toBeGreaterThan(0);
  });

  test.each(strays)('%s: same report, visits follow the present cells', (_stray, extra) => {
    // The stray cell goes on the sheet holding the table (the first one with a table).
    const at = dense.findIndex((g) => checkWorkbook([g]).tables.length > 0);
    const grids = dense.map((g, i) => sparse(g, i === at ? extra : []));
    const withStray = run(grids);
    expect(withStray.report).toBe(base.report);
    // A box scan would read 16,384 columns of every row (over 10^6 reads for the 12-row table
    // alone, 1.7 × 10^10 down to row 1,048,576). The stray cells may add a few reads each (one per
    // question a scan asks of their row: rows are not cached as pairs), not rows.
    expect(withStray.reads).toBeLessThanOrEqual(base.reads + 40 * extra.length);
    expect(withStray.reads).toBeLessThan(40 * withStray.present);
  });
});
