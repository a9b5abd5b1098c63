/**
 * Reading a sheet whose used range is too large for one response: a stray value typed at XFD1048576
 * under a 9-project table makes the used range the whole sheet (17 billion cells). Instead of
 * fetching that box, we first find the rectangles that hold values, by asking Excel for the used
 * range of each band of the box (`getUsedRangeOrNullObject(true)`, ExcelApi 1.4: empty bands answer
 * a null object, and one sync answers every band), then fetch values only inside those rectangles.
 *
 * Round trips, ExcelApi 1.4 and later: one per probe round, and a round divides each side of every
 * box still too large by PROBE_SPLIT, so at most ceil(log16(1,048,576)) = 5 probe rounds; then one
 * per fetch block (a block is up to BLOCK_BYTES of response, several small rectangles share one).
 * Below 1.4 there are no null objects and an empty band fails the whole batch, so each band is
 * probed in a sync of its own (`getUsedRange`, ItemNotFound when empty), halving the box each time:
 * two syncs per split, about 2 × 20 for a table plus one far cell; MAX_PROBES bounds it.
 */
import type { Cell, Grid } from '../core/grid';
import { columnName } from '../core/grid';
import type { ApiLevel } from './api-level';
import { parseRangeAddress, type Rect } from './addresses';

/** A box at most this large is fetched as it is, holes and all: probing it would cost more. */
export const FETCH_CELLS = 250_000;
/** Pieces per side when a box is split on ExcelApi 1.4+ (16 × 16 bands in one probe sync). */
const PROBE_SPLIT = 16;
/** Probes before we give up and call the sheet too large (values scattered all over it). */
const MAX_PROBES = 4096;

export type ProbeFailure = (e: unknown) => boolean;

export function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function rangeText(r: Rect): string {
  return `${columnName(r.left)}${r.top}:${columnName(r.right)}${r.bottom}`;
}

/** `parts` near-equal pieces of [from, to] (fewer when the span is shorter). */
function cuts(from: number, to: number, parts: number): [number, number][] {
  const n = Math.min(parts, to - from + 1);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = from + Math.floor(((to - from + 1) * i) / n);
    const b = from + Math.floor(((to - from + 1) * (i + 1)) / n) - 1;
    out.push([a, b]);
  }
  return out;
}

/** Pieces of a box: a grid of bands on 1.4+, halves along the longer side below. */
export function splitRect(r: Rect, manyPerSync: boolean): Rect[] {
  const out: Rect[] = [];
  if (manyPerSync) {
    for (const [top, bottom] of cuts(r.top, r.bottom, PROBE_SPLIT)) {
      for (const [left, right] of cuts(r.left, r.right, PROBE_SPLIT)) out.push({ top, bottom, left, right });
    }
    return out;
  }
  if (r.bottom - r.top >= r.right - r.left)
    for (const [top, bottom] of cuts(r.top, r.bottom, 2)) out.push({ ...r, top, bottom });
  else for (const [left, right] of cuts(r.left, r.right, 2)) out.push({ ...r, left, right });
  return out;
}

function isItemNotFound(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'ItemNotFound';
}

/** The used part of each box, or null when it holds nothing. 1.4+: one sync; below: one sync each. */
async function probe(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  boxes: readonly Rect[],
  api: ApiLevel,
): Promise<(Rect | null)[]> {
  if (api.v1_4) {
    const ranges = boxes.map((b) => ws.getRange(rangeText(b)).getUsedRangeOrNullObject(true).load('address'));
    await ctx.sync();
    return ranges.map((r) => (r.isNullObject ? null : parseRangeAddress(r.address)));
  }
  const out: (Rect | null)[] = [];
  for (const b of boxes) {
    const used = (
      api.v1_2 ? ws.getRange(rangeText(b)).getUsedRange(true) : ws.getRange(rangeText(b)).getUsedRange()
    ).load('address');
    try {
      await ctx.sync();
      out.push(parseRangeAddress(used.address));
    } catch (e) {
      if (!isItemNotFound(e)) throw e;
      out.push(null);
    }
  }
  return out;
}

/**
 * The rectangles of `used` that hold values, each at most FETCH_CELLS cells or its own used range,
 * disjoint. Null when values are scattered too widely to find in MAX_PROBES.
 */
export async function findDataRects(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  used: Rect,
  api: ApiLevel,
): Promise<Rect[] | null> {
  const found: Rect[] = [];
  let pending: Rect[] = [used];
  let probes = 0;
  while (pending.length > 0) {
    const boxes: Rect[] = [];
    for (const r of pending) {
      if (cellCount(r) <= FETCH_CELLS) found.push(r);
      else for (const piece of splitRect(r, api.v1_4)) boxes.push(piece);
    }
    if (boxes.length === 0) break;
    probes += boxes.length;
    if (probes > MAX_PROBES) return null;
    const answers = await probe(ctx, ws, boxes, api);
    pending = [];
    for (let i = 0; i < answers.length; i++) {
      const a = answers[i];
      if (a === null) continue;
      // A box that is its own used range cannot shrink by probing: fetch it (in row blocks).
      const same =
        a.top === boxes[i].top &&
        a.left === boxes[i].left &&
        a.bottom === boxes[i].bottom &&
        a.right === boxes[i].right;
      if (same) found.push(a);
      else pending.push(a);
    }
  }
  return found;
}

/** A sparse grid from cells at sheet positions: absent rows and cells stay holes. */
export function sparseGrid(
  sheet: string,
  rects: readonly Rect[],
  entries: readonly (readonly [number, number, Cell])[],
): Grid {
  let top = Infinity;
  let left = Infinity;
  for (const r of rects) {
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
  }
  if (top === Infinity) return { sheet, top: 1, left: 1, cells: [[null]] };
  const cells: (Cell | null | undefined)[][] = [];
  for (const [row, col, cell] of entries) {
    let line = cells[row - top];
    if (!line) {
      line = [];
      cells[row - top] = line;
    }
    line[col - left] = cell;
  }
  return { sheet, top, left, cells };
}
