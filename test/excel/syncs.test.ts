/**
 * Round trips on desktop, through Microsoft's client library: the number of context.sync() calls
 * must not grow with the table (3,000 rows here; the bench measures 9,999 projects). Counts and
 * serialized sizes are printed for the report.
 */
import { gateway, LEVELS, makeWorkbook, onePerRowPlan, SHEET } from './helpers';

interface Counts {
  read: number;
  mark: number;
  clear: number;
  maxRequest: number;
  maxResponse: number;
  readResponse: number;
}

async function measure(level: string, n: number, thread = true): Promise<Counts> {
  const wb = makeWorkbook(level, n);
  // A thread of the clerk's own: with comments (and with notes, which a threaded cell cannot take),
  // finding where threads sit costs a round trip.
  if (thread) wb.sheet(SHEET).comments.push({ id: 'u1', cell: 'D5', content: '请核对', replies: [] });
  const gw = gateway(wb);
  wb.resetCounters();
  const grid = await gw.readActiveSheet();
  expect(grid.cells).toHaveLength(n + 2);
  const read = wb.syncs;
  const readRes = wb.maxResponseBytes;
  wb.resetCounters();
  await gw.applyMarks(onePerRowPlan(n));
  const mark = wb.syncs;
  const markReq = wb.maxRequestBytes;
  const markRes = wb.maxResponseBytes;
  if (level === '1.18') rows.push(`record for ${n} flagged cells: ${JSON.stringify(wb.docSettings).length} chars`);
  wb.resetCounters();
  await gw.clearMarks();
  const clear = wb.syncs;
  return {
    read,
    mark,
    clear,
    maxRequest: Math.max(markReq, wb.maxRequestBytes),
    maxResponse: Math.max(markRes, wb.maxResponseBytes),
    readResponse: readRes,
  };
}

const rows: string[] = [];

afterAll(() => {
  console.log(
    [
      'level | rows | read | mark | clear | read response | mark/clear max request | mark/clear max response',
      ...rows,
    ].join('\n'),
  );
});

describe.each(LEVELS)('sync counts at ExcelApi %s', (level) => {
  test('desktop: 10 rows and 3,000 rows take the same number of syncs', async () => {
    const small = await measure(level, 10);
    const large = await measure(level, 3_000);
    for (const [n, c] of [
      [10, small],
      [3_000, large],
    ] as const) {
      rows.push(
        `${level} | ${n} | ${c.read} | ${c.mark} | ${c.clear} | ${(c.readResponse / 1e6).toFixed(2)} MB | ${(c.maxRequest / 1e6).toFixed(2)} MB | ${(c.maxResponse / 1e6).toFixed(2)} MB`,
      );
    }
    expect(large.read).toBe(small.read);
    expect(large.mark).toBe(small.mark);
    expect(large.clear).toBe(small.clear);
    expect(large.read).toBe(1);
    // Fills only: read + mark = 3. Where comments exist (1.10+) their locations cost one more.
    expect(large.read + large.mark).toBeLessThanOrEqual(['1.10', '1.14', '1.17', '1.18'].includes(level) ? 4 : 3);
    // Desktop has no payload cap, so nothing is split; request and response sizes on the web are
    // checked on the serialized bytes in acceptance.test.ts.
  });

  test('a sheet without threads: read 1 + mark 2 at 10 and 3,000 rows', async () => {
    for (const n of [10, 3_000]) {
      const c = await measure(level, n, false);
      rows.push(
        `${level} | ${n} (no threads) | ${c.read} | ${c.mark} | ${c.clear} | ${(c.readResponse / 1e6).toFixed(2)} MB | ${(c.maxRequest / 1e6).toFixed(2)} MB | ${(c.maxResponse / 1e6).toFixed(2)} MB`,
      );
      expect(c.read + c.mark).toBe(3);
    }
  });
});
