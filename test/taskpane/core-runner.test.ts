/**
 * The pane's core runner: requests go to the worker and come back by id; a worker that cannot
 * start or dies leaves the work to be done in place, with the same answers.
 */
import { inlineCore, workerCore } from '../../src/app/core-runner';
import {
  answer,
  inParts,
  joinPart,
  withParts,
  type CorePart,
  type CoreRequest,
  type CoreResponse,
  type Received,
} from '../../src/app/core-ops';
import type { IndicatorSheet } from '../../src/core/indicator-sheet';
import type { Grid } from '../../src/core/grid';

const GRID: Grid = {
  sheet: 'S',
  top: 1,
  left: 1,
  cells: [
    [
      { value: '项目名称' },
      { value: '总计' },
      { value: '财政拨款' },
      { value: '财政专户拨款' },
      { value: '其他资金' },
      { value: '绩效目标' },
      { value: '绩效指标' },
    ],
    [{ value: '合计' }, { value: 10 }, { value: 10 }],
    [{ value: '某中心' }, { value: 10 }, { value: 10 }],
    [
      { value: '项目甲' },
      { value: 10 },
      { value: 10 },
      null,
      null,
      { value: '目标' },
      { value: '1、1-产出指标；11-数量指标；人数；实施周期指标值:>=4人；年度指标值:>=4人。' },
    ],
  ],
};

/** A stand-in for a Worker that answers on the next task, in the order asked; or dies. */
class FakeWorker {
  onmessage: ((ev: MessageEvent<CoreResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  posted: CoreRequest[] = [];
  terminated = false;
  constructor(private readonly dies = false) {}
  postMessage(req: CoreRequest): void {
    this.posted.push(req);
    setTimeout(() => {
      if (this.dies) this.onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent);
      else this.onmessage?.({ data: answer(structuredClone(req)) } as MessageEvent<CoreResponse>);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('core runner', () => {
  test('in place: the same judgement the core gives', async () => {
    const r = await inlineCore.judge(GRID, 'zh-CN');
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].findings.length).toBeGreaterThan(0);
    expect(r.plan?.marks.length).toBeGreaterThan(0);
  });

  test('through a worker: requests are posted and answered by id', async () => {
    const fake = new FakeWorker();
    const core = workerCore('w.js', () => fake as unknown as Worker);
    const [a, b] = await Promise.all([core.judge(GRID, 'zh-CN'), core.judge({ ...GRID, cells: [] }, 'en-US')]);
    expect(fake.posted.map((p) => p.op)).toEqual(['judge', 'judge']);
    expect(a).toEqual(await inlineCore.judge(GRID, 'zh-CN'));
    expect(b).toEqual({ tables: [], plan: null, accepted: [], hashes: {} });
    const sheet = await core.indicatorSheet(a.tables, 'zh-CN');
    expect(sheet.rows.length).toBe(1);
  });

  test('a worker that cannot start: the work runs in place', async () => {
    const core = workerCore('missing.js', () => {
      throw new Error('SecurityError');
    });
    expect((await core.judge(GRID, 'zh-CN')).tables).toHaveLength(1);
  });

  test('a worker that dies: the request in flight and later ones run in place', async () => {
    const fake = new FakeWorker(true);
    let made = 0;
    const core = workerCore('w.js', () => {
      made++;
      return fake as unknown as Worker;
    });
    expect((await core.judge(GRID, 'zh-CN')).tables).toHaveLength(1);
    expect(fake.terminated).toBe(true);
    expect((await core.judge(GRID, 'zh-CN')).tables).toHaveLength(1);
    expect(made).toBe(1);
  });

  test('a core error comes back as an error, not a crash of the runner', async () => {
    const bad = { id: 1, op: 'judge', grid: null, locale: 'zh-CN' } as unknown as CoreRequest;
    const res = answer(bad);
    expect(res.ok).toBe(false);
  });

  test('a large indicator sheet comes in parts and is put back together in order', () => {
    const rows = Array.from({ length: 5 }, (_, i) => [`项目${i}`, `G${i + 4}`, i + 1]);
    const sources = rows.map((_, i) => ({ sheet: 'S', cell: `G${i + 4}` }));
    const sheet: IndicatorSheet = {
      name: '指标明细',
      tableName: 'T',
      header: ['项目', '来源单元格', '序号'],
      rows,
      sources,
    };
    const msgs = inParts({ id: 7, ok: true, result: structuredClone(sheet) }, true, 2);
    expect(msgs.map((m) => ('part' in m ? m.part.rows.length : -1))).toEqual([2, 2, -1]);
    const got: Received = { rows: [], sources: [] };
    for (const m of msgs.slice(0, -1)) joinPart(got, (m as CorePart).part);
    const last = withParts(msgs[msgs.length - 1] as CoreResponse, got);
    expect(last).toEqual({ id: 7, ok: true, result: sheet });
  });

  test('errors, judgements and small sheets go as one message', () => {
    expect(inParts({ id: 1, ok: false, message: 'x' }, true, 2)).toHaveLength(1);
    const judged = answer({ id: 2, op: 'judge', grid: GRID, locale: 'zh-CN' });
    expect(inParts(judged, false, 1)).toEqual([judged]);
    const small: IndicatorSheet = { name: 'n', tableName: 't', header: [], rows: [['a'], ['b']], sources: [] };
    expect(inParts({ id: 3, ok: true, result: small }, true, 2)).toEqual([{ id: 3, ok: true, result: small }]);
  });

  test('through a worker that sends the sheet in parts: the same sheet as in place', async () => {
    class PartsWorker extends FakeWorker {
      override postMessage(req: CoreRequest): void {
        this.posted.push(req);
        for (const m of inParts(answer(structuredClone(req)), req.op === 'indicators', 1)) {
          setTimeout(() => this.onmessage?.({ data: m } as MessageEvent<CoreResponse>), 0);
        }
      }
    }
    const grid: Grid = {
      ...GRID,
      cells: [
        ...GRID.cells,
        ...GRID.cells.slice(3).map((r) => r.map((c, i) => (i === 0 && c ? { value: '项目乙' } : c))),
      ],
    };
    const core = workerCore('w.js', () => new PartsWorker() as unknown as Worker);
    const j = await core.judge(grid, 'zh-CN');
    const inline = await inlineCore.indicatorSheet((await inlineCore.judge(grid, 'zh-CN')).tables, 'zh-CN');
    expect(inline.rows.length).toBeGreaterThan(1);
    expect(await core.indicatorSheet(j.tables, 'zh-CN')).toEqual(inline);
  });
});
