/**
 * Amounts as forms write them (docs/layouts.md §2): numbers, or text such as `1000.00`, `1,648.49`,
 * `250万`, `10000万元`, `854万(高标准农田建设400万元,…)`, `16` after a label in the same cell. The number
 * before any unit word or bracket is the amount; what follows is commentary.
 */
import { type AmountRead, parseAmountText, readAmount } from '../amounts';
import { type Cell, cellText } from '../grid';

const LEADING_NUMBER = /^[¥￥]?\s*([+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?)\s*(万元|万|元)?/;

/** The amount in a form cell, and the unit its text names (`万` is 万元), if any. */
export function readFormAmount(cell: Cell | null | undefined): { read: AmountRead; unit: '万元' | '元' | null } {
  if (!cell || typeof cell.value !== 'string') return { read: readAmount(cell), unit: null };
  return readAmountText(cellText(cell));
}

export function readAmountText(text: string): { read: AmountRead; unit: '万元' | '元' | null } {
  const direct = parseAmountText(text);
  if (direct.ok) return { read: direct, unit: null };
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = LEADING_NUMBER.exec(t);
  if (!m) return { read: direct, unit: null };
  const unit = m[2] === '元' ? '元' : m[2] ? '万元' : null;
  return { read: parseAmountText(m[1].replace(/，/g, ',').replace(/．/g, '.')), unit };
}
