/**
 * Keeping every request and response under Excel on the web's 5 MB cap without paying round trips
 * for it on small tables.
 *
 * Writes: we know exactly what we send, so operations are queued with an estimate of their UTF-8
 * size and a sync is spent only when the next operation would take the current block past
 * BLOCK_BYTES. A table that fits in one block keeps its single write sync.
 *
 * Reads: what comes back (note and comment texts) is not known in advance, so a read is first tried
 * whole; only when Excel refuses it as too large is it split in halves, recursively. Reads change
 * nothing, so a refused read is simply asked again in smaller parts.
 */
import { BLOCK_BYTES, isPayloadError, utf8Length } from './read-sheet';

/**
 * Estimated envelope of one queued operation in the request (object path, action, ids), on top of
 * its arguments. Office.js sends roughly 100–200 bytes; with BLOCK_BYTES at 3 MB of the 5 MB cap the
 * estimate has ample margin either way.
 */
export const OP_BYTES = 120;

/** UTF-8 size of a value as JSON (what the request carries for an argument). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

/** Estimated request size of `ops` operations carrying `args`. */
export function opBytes(ops: number, ...args: unknown[]): number {
  let n = ops * OP_BYTES;
  for (const a of args) n += jsonBytes(a);
  return n;
}

interface Syncable {
  sync(): Promise<void>;
}

/** Queued writes, synced in blocks of at most BLOCK_BYTES (an operation bigger than that goes alone). */
export class WriteBlocks {
  private bytes = 0;
  private pending = false;
  /** Syncs spent so far (for tests and progress). */
  syncs = 0;

  constructor(
    private readonly ctx: Syncable,
    private readonly limit = BLOCK_BYTES,
  ) {}

  /** Queues `queue()`'s operations, estimated at `bytes`; syncs the current block first if they do not fit. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pending && this.bytes + bytes > this.limit) await this.flush();
    queue();
    this.bytes += bytes;
    this.pending = true;
  }

  /** Sends the current block (always one sync, so an action's last write is never left queued). */
  async flush(): Promise<void> {
    this.bytes = 0;
    this.pending = false;
    this.syncs++;
    await this.ctx.sync();
  }
}

/**
 * Reads `items` in one sync if Excel accepts it, else in halves (recursively). `queue` queues the
 * reads of a slice and returns a getter to call after its sync.
 */
export async function readSplitting<I, R>(
  ctx: Syncable,
  items: readonly I[],
  queue: (slice: readonly I[]) => () => R[],
  /** False when the whole was already refused (as part of a larger read): start with the halves. */
  tryWhole = true,
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
  const a = await readSplitting(ctx, items.slice(0, mid), queue);
  const b = await readSplitting(ctx, items.slice(mid), queue);
  return a.concat(b);
}
