/**
 * Issue 12: a stray value far from the table (XFD1048576, the last cell of a sheet) makes the used
 * range the whole sheet. The read must find the table and the stray cell by probing, fetch only
 * them, and read the table exactly as without the stray value, at every API level on desktop and web.
 */
import { check } from '../../src/core/check';
import { cellText, rowNumbers, type Cell } from '../../src/core/grid';
import { HOSTS, gateway, hostWorkbook, SHEET } from './helpers';

function totalResponseBytes(requests: readonly { responseBytes: number }[]): number {
  let n = 0;
  for (const r of requests) n += r.responseBytes;
  return n;
}

/** A row's cells as `[column index, cell]`, blanks left out (a hole and a null are the same blank). */
function present(row: readonly (Cell | null | undefined)[] | undefined): [number, Cell][] {
  const out: [number, Cell][] = [];
  if (row) row.forEach((c, i) => c && out.push([i, c]));
  return out;
}

describe('a value at XFD1048576 under a 9-project table', () => {
  test.each(HOSTS.map((h) => [h.label, h] as const))(
    '%s: bounded fetch, the table reads as without it',
    async (_label, h) => {
      const wb = hostWorkbook(h, 9);
      const plain = await gateway(wb).readActiveSheet();
      const plainBytes = totalResponseBytes(wb.requests);

      wb.cell(SHEET, 'XFD1048576').value = '备注';
      wb.resetCounters();
      const grid = await gateway(wb).readActiveSheet();

      // The table and the stray value, nothing in between: 11 rows of 6 cells, plus one.
      const rows = rowNumbers(grid);
      expect(rows[rows.length - 1]).toBe(1_048_576);
      expect(cellText(grid.cells[1_048_576 - grid.top]?.[16_384 - grid.left])).toBe('备注');
      expect(rows.filter((r) => r < 1_048_576)).toEqual(rowNumbers(plain));
      // Responses: the refused or null whole read, the used range, the probes, the two fetches.
      const bytes = totalResponseBytes(wb.requests);
      expect(bytes).toBeLessThan(plainBytes + 60_000);
      expect(wb.maxResponseBytes).toBeLessThan(60_000);
      // 1.4+: whole read, used range, one probe round, one fetch. Below: a probe sync per half.
      expect(wb.syncs).toBeLessThanOrEqual(h.level === '1.1' ? 8 : 4);

      // Every cell of the table reads as without the stray value, so the (pure) check sees the same table.
      expect(grid.top).toBe(plain.top);
      expect(grid.left).toBe(plain.left);
      for (const r of rowNumbers(plain))
        expect(present(grid.cells[r - grid.top])).toEqual(present(plain.cells[r - plain.top]));
      expect(check(plain)[0].summary.projects).toBe(9);
    },
  );
});

describe('several far values', () => {
  test.each(HOSTS.filter((h) => h.label === '1.1 desktop' || h.label === '1.18 web').map((h) => [h.label, h] as const))(
    '%s: each one read, in bounded syncs and response bytes',
    async (_label, h) => {
      const wb = hostWorkbook(h, 9);
      const far = { XFD1: '右上', A1048576: '左下', XFD1048576: '右下', KZZ500000: '中间' };
      for (const [a1, text] of Object.entries(far)) wb.cell(SHEET, a1).value = text;
      wb.resetCounters();
      const grid = await gateway(wb).readActiveSheet();
      const at = (row: number, col: number): string => cellText(grid.cells[row - grid.top]?.[col - grid.left]);
      expect(at(1, 16_384)).toBe('右上');
      expect(at(1_048_576, 1)).toBe('左下');
      expect(at(1_048_576, 16_384)).toBe('右下');
      expect(at(500_000, 8_138)).toBe('中间'); // KZZ
      expect(at(3, 1)).toBe('  项目1');
      expect(rowNumbers(grid)).toHaveLength(11 + 2);
      // Below 1.4 a box of up to FETCH_CELLS (here the table with XFD1 beside it) is fetched whole:
      // probing it one sync at a time would cost more than its bytes.
      expect(wb.maxResponseBytes).toBeLessThan(h.level === '1.1' ? 2_500_000 : 60_000);
      expect(wb.syncs).toBeLessThanOrEqual(h.level === '1.1' ? 40 : 6);
    },
  );
});
