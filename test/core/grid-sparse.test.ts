/**
 * The grid's scans cost by present cells: a value at XFD1048576 under a small table is one more
 * entry, not 16,384 × 1,048,576 cell visits, and its memory is a few entries.
 */
import {
  cellAt,
  gridFromEntries,
  gridFromValues,
  lastColumn,
  lastRow,
  presentCellCount,
  rowEntries,
  rowNumbers,
  type Cell,
} from '../../src/core/grid';

const cell = (value: string | number): Cell => ({ value });

describe('a sparse grid (a far cell under a small table)', () => {
  const entries: [number, number, Cell][] = [];
  for (let r = 1; r <= 12; r++) for (let c = 1; c <= 7; c++) entries.push([r, c, cell(`${r}:${c}`)]);
  entries.push([1048576, 16384, cell(' ')]);
  const grid = gridFromEntries('Sheet1', entries);

  test('rows, entries, bounds and lookups see the far cell', () => {
    expect(rowNumbers(grid)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1048576]);
    expect(rowEntries(grid, 1048576)).toEqual([[16384, { value: ' ' }]]);
    expect(rowEntries(grid, 3).map(([c]) => c)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rowEntries(grid, 500)).toEqual([]);
    expect(lastColumn(grid)).toBe(16384);
    expect(lastRow(grid)).toBe(1048576);
    expect(cellAt(grid, 1048576, 16384)?.value).toBe(' ');
    expect(cellAt(grid, 5, 16384)).toBeUndefined();
    expect(presentCellCount(grid)).toBe(85);
  });

  test('the scans visit present cells only (a box scan would make 17 billion visits)', () => {
    // Counting the array reads proves it without a timing: a proxy counts every index touched.
    let reads = 0;
    const counted = new Proxy(grid.cells, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const g = { ...grid, cells: counted };
    let seen = 0;
    for (const r of rowNumbers(g)) seen += rowEntries(g, r).length;
    expect(seen).toBe(85);
    expect(lastColumn(g)).toBe(16384);
    expect(reads).toBeLessThan(100);
  });

  test('a dense grid from values reads the same way, nulls skipped', () => {
    const d = gridFromValues('S', [['a', null, 'b'], [], [null, null, null, 3]], 5, 2);
    expect(rowNumbers(d)).toEqual([5, 7]);
    expect(rowEntries(d, 5)).toEqual([
      [2, { value: 'a' }],
      [4, { value: 'b' }],
    ]);
    expect(rowEntries(d, 7)).toEqual([[5, { value: 3 }]]);
    expect(lastColumn(d)).toBe(5);
    expect(lastRow(d)).toBe(7);
  });

  test('an empty grid', () => {
    const e = gridFromEntries('E', []);
    expect(rowNumbers(e)).toEqual([]);
    expect(lastRow(e)).toBe(0);
    expect(lastColumn(e)).toBe(0);
  });
});
