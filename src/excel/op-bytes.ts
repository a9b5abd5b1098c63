/**
 * What one queued operation costs in the request Excel receives, by kind: the serialized envelope
 * (object paths, action, ids) on top of the JSON of its arguments. Measured with Microsoft's Excel
 * client library (@microsoft/office-js) at thousands of operations per request, with a margin for
 * the longer ids of larger ones, ranges untracked as the gateway uses them; test/excel/wire/op-bytes.test.ts measures them again and fails if
 * any figure here falls below the measurement or drifts far above it.
 */
import { jsonBytes } from './blocks';

export const OP_ENVELOPE = {
  /** Before 1.9: `getRange(run).format.fill.color = c` (one run, one property). */
  fillRunColor: 660,
  /** Before 1.9: `getRange(run).format.fill.clear()`. */
  fillRunClear: 660,
  /** 1.9: `getRanges(chunk).format.fill` with pattern, color and tint (a mark, or a restore). */
  fillAreas: 860,
  /** One more fill property on the same `getRanges(chunk).format.fill` (patternColor, …). */
  fillProp: 670,
  /** 1.9: `getRanges(chunk).format.fill.clear()`. */
  fillAreasClear: 660,
  noteAdd: 200,
  noteUpdate: 310,
  noteDelete: 310,
  commentAdd: 200,
  commentUpdate: 290,
  commentDelete: 290,
  replyAdd: 520,
  replyUpdate: 620,
  replyDelete: 620,
  /** Indicator sheet: `getRange(rows).numberFormat = …; .values = …` (the client slices past 1,500 cells). */
  rowsWrite: 450,
  /** Indicator sheet: `getRange(cell).hyperlink = {…}` (1.7) or `.formulas = [[…]]` (before). */
  linkWrite: 370,
  /** Indicator sheet: the table, its name and the column widths. */
  tableAdd: 760,
  /** Reads. Before 1.9: `getRange(cell).format.fill.load('color')`. */
  fillRead: 660,
  /** 1.9: `getRange(rect).getCellProperties({format: {fill}})`. */
  fillPropsRead: 380,
  /** 1.18: `notes.getItemOrNullObject(cell).load('content')`. */
  noteRead: 300,
  /** A thread's location, text and replies (`getLocation().load('address')`, `load('content')`, `replies.load(…)`). */
  threadRead: 890,
} as const;

export type OpKind = keyof typeof OP_ENVELOPE;

/** Request bytes of one operation of `kind` carrying `args`. */
export function opSize(kind: OpKind, ...args: unknown[]): number {
  let n: number = OP_ENVELOPE[kind];
  for (const a of args) n += jsonBytes(a);
  return n;
}
