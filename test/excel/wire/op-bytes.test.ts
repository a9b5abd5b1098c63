/**
 * The request bytes of each kind of operation the gateway queues, measured with Microsoft's client
 * library: a request of 2n operations minus one of n, per operation, minus the JSON of its
 * arguments. The gateway's figures (src/excel/op-bytes.ts) must cover the measurement, without
 * being so far above it that blocks get needlessly small. Ranges are untracked, as the gateway
 * does for every range it uses within one request.
 */
import { jsonBytes } from '../../../src/excel/blocks';
import { OP_ENVELOPE, type OpKind } from '../../../src/excel/op-bytes';
import { FakeWorkbook } from '../fake-excel';

const SHEET = '项目支出绩效目标表';
const N = 3_000;
const NOTE =
  '【预算绩效表校验】\n错误：合计的总计为 1,715.99 万元，但 财政拨款 1,700.00 万元与其他资金 15.00 万元之和为 1,715.00 万元';
const WIDTH = 15;
const FILL_PROPS = { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true };
const GROUP = Math.floor(1500 / WIDTH);

type Items = { comments: Excel.Comment[]; replies: Excel.CommentReply[]; notes: Excel.Note[] };

interface Kind {
  level: string;
  notes?: boolean;
  /** Loads what the operations act on (one sync of its own, not measured). */
  prepare?: (ctx: Excel.RequestContext, ws: Excel.Worksheet, n: number) => Promise<Items>;
  queue: (ws: Excel.Worksheet, i: number, items: Items) => void;
  args: (i: number) => unknown[];
}

const none: Items = { comments: [], replies: [], notes: [] };
const run = (i: number): string => `G${2 * i + 2}:G${2 * i + 3}`;
const areas = (i: number): string => `G${i + 2},I${i + 2}`;
const rowValues = (i: number): string[][] =>
  Array.from({ length: GROUP }, (_, r) => Array.from({ length: WIDTH }, (_, c) => `值${i}-${r}-${c}`));
const rowFormats = (): string[][] => Array.from({ length: GROUP }, () => Array.from({ length: WIDTH }, () => '@'));
const link = (i: number) => ({ documentReference: `'${SHEET}'!F${i + 3}`, textToDisplay: `${SHEET}!F${i + 3}` });

async function loadThreads(ctx: Excel.RequestContext, ws: Excel.Worksheet): Promise<Items> {
  const list = ws.comments.load('items/id');
  await ctx.sync();
  for (const c of list.items) c.replies.load('items/id');
  await ctx.sync();
  return { comments: list.items, replies: list.items.map((c) => c.replies.items[0]), notes: [] };
}

async function loadNotes(ctx: Excel.RequestContext, ws: Excel.Worksheet, n: number): Promise<Items> {
  const notes: Excel.Note[] = [];
  for (let i = 0; i < n; i++) notes.push(ws.notes.getItemOrNullObject(`H${i + 2}`).load('content'));
  await ctx.sync();
  return { ...none, notes };
}

const KINDS: Record<OpKind, Kind> = {
  fillRunColor: {
    level: '1.7',
    queue: (ws, i) => void (ws.getRange(run(i)).untrack().format.fill.color = '#FFD6D6'),
    args: (i) => [run(i), '#FFD6D6'],
  },
  fillRunClear: {
    level: '1.7',
    queue: (ws, i) => ws.getRange(run(i)).untrack().format.fill.clear(),
    args: (i) => [run(i)],
  },
  fillAreas: {
    level: '1.9',
    queue: (ws, i) => {
      const f = ws.getRanges(areas(i)).untrack().format.fill;
      f.pattern = 'Solid';
      f.color = '#FFD6D6';
      f.tintAndShade = 0;
    },
    args: (i) => [areas(i), 'Solid', '#FFD6D6', 0],
  },
  fillProp: {
    level: '1.9',
    // Measured as a lone property on its own getRanges(): an upper bound of one more property.
    queue: (ws, i) => void (ws.getRanges(areas(i)).untrack().format.fill.patternColor = '#FF0000'),
    args: (i) => [areas(i), '#FF0000'],
  },
  fillAreasClear: {
    level: '1.9',
    queue: (ws, i) => ws.getRanges(areas(i)).untrack().format.fill.clear(),
    args: (i) => [areas(i)],
  },
  noteAdd: {
    level: '1.18',
    notes: true,
    queue: (ws, i) => void ws.notes.add(`L${i + 2}`, NOTE),
    args: (i) => [`L${i + 2}`, NOTE],
  },
  noteUpdate: {
    level: '1.18',
    notes: true,
    prepare: loadNotes,
    queue: (_ws, i, it) => void (it.notes[i].content = NOTE),
    args: () => [NOTE],
  },
  noteDelete: {
    level: '1.18',
    notes: true,
    prepare: loadNotes,
    queue: (_ws, i, it) => it.notes[i].delete(),
    args: () => [],
  },
  commentAdd: {
    level: '1.10',
    queue: (ws, i) => void ws.comments.add(`'${SHEET}'!J${i + 2}`, NOTE),
    args: (i) => [`'${SHEET}'!J${i + 2}`, NOTE],
  },
  commentUpdate: {
    level: '1.10',
    prepare: loadThreads,
    queue: (_ws, i, it) => void (it.comments[i].content = NOTE),
    args: () => [NOTE],
  },
  commentDelete: {
    level: '1.10',
    prepare: loadThreads,
    queue: (_ws, i, it) => it.comments[i].delete(),
    args: () => [],
  },
  replyAdd: {
    level: '1.10',
    prepare: loadThreads,
    queue: (_ws, i, it) => void it.comments[i].replies.add(NOTE),
    args: () => [NOTE],
  },
  replyUpdate: {
    level: '1.10',
    prepare: loadThreads,
    queue: (_ws, i, it) => void (it.replies[i].content = NOTE),
    args: () => [NOTE],
  },
  replyDelete: { level: '1.10', prepare: loadThreads, queue: (_ws, i, it) => it.replies[i].delete(), args: () => [] },
  rowsWrite: {
    level: '1.18',
    queue: (ws, i) => {
      const r = ws.getRange(`A${i * GROUP + 2}:O${(i + 1) * GROUP + 1}`).untrack();
      r.numberFormat = rowFormats();
      r.values = rowValues(i);
    },
    args: (i) => [`A${i * GROUP + 2}:O${(i + 1) * GROUP + 1}`, rowFormats(), rowValues(i)],
  },
  linkWrite: {
    level: '1.18',
    queue: (ws, i) => void (ws.getRange(`B${i + 2}`).untrack().hyperlink = link(i)),
    args: (i) => [`B${i + 2}`, link(i)],
  },
  tableAdd: {
    level: '1.18',
    queue: (ws, i) => {
      const t = ws.tables.add(`'${SHEET}'!A${3 * i + 1}:O${3 * i + 2}`, true);
      t.name = `表${i}`;
      ws.getRange(`A${3 * i + 1}:O${3 * i + 2}`)
        .untrack()
        .format.autofitColumns();
    },
    args: (i) => [`'${SHEET}'!A${3 * i + 1}:O${3 * i + 2}`, true, `表${i}`, `A${3 * i + 1}:O${3 * i + 2}`],
  },
  fillRead: {
    level: '1.1',
    queue: (ws, i) =>
      void ws
        .getRange(`G${i + 2}`)
        .untrack()
        .format.fill.load('color'),
    args: (i) => [`G${i + 2}`],
  },
  fillPropsRead: {
    level: '1.9',
    queue: (ws, i) =>
      void ws
        .getRange(run(i))
        .untrack()
        .getCellProperties({ format: { fill: FILL_PROPS } }),
    args: (i) => [run(i), { format: { fill: FILL_PROPS } }],
  },
  noteRead: {
    level: '1.18',
    notes: true,
    queue: (ws, i) => void ws.notes.getItemOrNullObject(`H${i + 2}`).load('content'),
    args: (i) => [`H${i + 2}`],
  },
  threadRead: {
    level: '1.10',
    prepare: loadThreads,
    queue: (_ws, i, it) => {
      const c = it.comments[i];
      c.getLocation().untrack().load('address');
      c.load('content');
      c.replies.load('items/id,items/content');
    },
    args: () => [],
  },
};

/** Bytes of the request that carries `n` operations of `kind`. */
async function requestBytes(kind: Kind, n: number, seed: number): Promise<number> {
  const wb = new FakeWorkbook(kind.level, [{ name: SHEET, rows: [['x']] }]);
  wb.clientNotes = kind.notes === true;
  const s = wb.sheet(SHEET);
  for (let i = 0; i < seed; i++) {
    s.comments.push({ id: `c${i}`, cell: `K${i + 2}`, content: NOTE, replies: [{ id: `r${i}`, content: NOTE }] });
    s.notes.set(`H${i + 2}`, NOTE);
  }
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(SHEET);
    const items = kind.prepare ? await kind.prepare(ctx, ws, n) : none;
    wb.resetCounters();
    for (let i = 0; i < n; i++) kind.queue(ws, i, items);
    await ctx.sync();
  });
  const rec = wb.requests.find((r) => !r.cleanup);
  if (!rec || rec.error) throw new Error(`measurement failed: ${rec?.error}`);
  return rec.requestBytes;
}

const measured: string[] = [];
afterAll(() => console.log(['kind | measured envelope (bytes/op) | gateway figure', ...measured].join('\n')));

describe.each(Object.keys(KINDS) as OpKind[])('request bytes of %s', (kind) => {
  test('the gateway figure covers the measured envelope, within 25% + 40 bytes', async () => {
    const k = KINDS[kind];
    const n = kind === 'rowsWrite' || kind === 'tableAdd' ? N / 50 : N;
    const one = await requestBytes(k, n, 2 * n);
    const two = await requestBytes(k, 2 * n, 2 * n);
    let args = 0;
    for (let i = n; i < 2 * n; i++) for (const a of k.args(i)) args += jsonBytes(a);
    const envelope = (two - one - args) / n;
    measured.push(`${kind} | ${envelope.toFixed(1)} | ${OP_ENVELOPE[kind]}`);
    expect(OP_ENVELOPE[kind]).toBeGreaterThanOrEqual(envelope);
    expect(OP_ENVELOPE[kind]).toBeLessThanOrEqual(envelope * 1.25 + 40);
  });
});
