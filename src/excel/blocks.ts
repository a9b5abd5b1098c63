/**
 * Keeping every request and response under Excel on the web's 5 MB cap without paying round trips
 * for it on small tables.
 *
 * Writes: we know what we send, so operations are queued with their measured UTF-8 size
 * (src/excel/op-bytes.ts) and a sync is spent only when the next operation would take the current
 * block past BLOCK_BYTES. A table that fits in one block keeps its single write sync.
 *
 * Reads: what comes back (note and comment texts) is not known in advance, so a read is first tried
 * whole; only when Excel refuses it as too large is it split in halves, recursively. Reads change
 * nothing, so a refused read is simply asked again in smaller parts.
 */
import { BLOCK_BYTES, isPayloadError, utf8Length } from './read-sheet';

/** UTF-8 size of a value as JSON (what the request carries for an argument). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

interface Syncable {
  sync(): Promise<void>;
}

/** Excel refused the request itself as too large: nothing in it was applied. */
export function isRequestTooLarge(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'RequestPayloadSizeLimitExceeded';
}

interface QueuedOp {
  bytes: number;
  queue: () => void;
}

/**
 * Queued writes, synced in blocks of at most `limit` bytes of request (an operation bigger than that
 * goes alone). Sizes come from src/excel/op-bytes.ts, measured with Microsoft's client library; if
 * Excel still refuses a block as too large (nothing of it applied), the block is queued again in
 * halves, recursively, and later blocks are made smaller too — so every write goes through on the
 * web whatever the estimate missed.
 */
export class WriteBlocks {
  private ops: QueuedOp[] = [];
  private bytes = 0;
  /** Syncs spent so far (for tests and progress). */
  syncs = 0;
  /** Write syncs Excel accepted: while 0, a failure has left the workbook as it was. */
  accepted = 0;

  constructor(
    private readonly ctx: Syncable,
    private limit = BLOCK_BYTES,
  ) {}

  /** Queues `queue()`'s operations, sized `bytes`; syncs the current block first if they do not fit. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.ops.length > 0 && this.bytes + bytes > this.limit) await this.flush();
    queue();
    this.ops.push({ bytes, queue });
    this.bytes += bytes;
  }

  /** Sends the current block (always one sync, so an action's last write is never left queued). */
  async flush(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.bytes = 0;
    await this.send(ops, true);
  }

  private async send(ops: readonly QueuedOp[], queued: boolean): Promise<void> {
    if (!queued) for (const o of ops) o.queue();
    this.syncs++;
    try {
      await this.ctx.sync();
    } catch (e) {
      if (!isRequestTooLarge(e) || ops.length < 2) throw e;
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      const mid = Math.ceil(ops.length / 2);
      await this.send(ops.slice(0, mid), false);
      await this.send(ops.slice(mid), false);
      return;
    }
    this.accepted++;
  }
}

/**
 * Reads `items` in as few syncs as Excel accepts: slices whose request stays under `limit` by
 * `bytesOf` (measured per read kind), each tried whole and, when Excel refuses the response as too
 * large, in halves (recursively). `queue` queues the reads of a slice and returns a getter to call
 * after its sync.
 */
export async function readSplitting<I, R>(
  ctx: Syncable,
  items: readonly I[],
  queue: (slice: readonly I[]) => () => R[],
  /** False when the whole was already refused (as part of a larger read): start with the halves. */
  tryWhole = true,
  bytesOf: (item: I) => number = () => 0,
  limit = BLOCK_BYTES,
): Promise<R[]> {
  const out: R[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i <= items.length; i++) {
    const b = i < items.length ? bytesOf(items[i]) : 0;
    if (i === items.length || (i > start && bytes + b > limit)) {
      const part = await readHalving(ctx, items.slice(start, i), queue, tryWhole);
      for (const r of part) out.push(r);
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  return out;
}

async function readHalving<I, R>(
  ctx: Syncable,
  items: readonly I[],
  queue: (slice: readonly I[]) => () => R[],
  tryWhole: boolean,
): Promise<R[]> {
  if (items.length === 0) return [];
  if (tryWhole || items.length === 1) {
    const get = queue(items);
    try {
      await ctx.sync();
      return get();
    } catch (e) {
      if (!isPayloadError(e) || items.length === 1) throw e;
    }
  }
  const mid = Math.ceil(items.length / 2);
  const a = await readHalving(ctx, items.slice(0, mid), queue, true);
  const b = await readHalving(ctx, items.slice(mid), queue, true);
  return a.concat(b);
}
