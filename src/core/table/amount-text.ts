/**
 * Amounts as forms write them (docs/layouts.md §2): numbers, or text such as `1000.00`, `1,648.49`,
 * `250万`, `10000万元`, `854万(高标准农田建设400万元,…)`, `16` after a label in the same cell. The number
 * before any unit word or bracket is the amount; what follows is commentary.
 *
 * A cell may name a unit other than its table's (`120000元` in a 万元 table, `12万` in a 元 table): the
 * amount is converted to the table's unit, exactly, and the read says so (amount-unit-converted reports it).
 */
import { type AmountRead, type AmountUnit, parseAmountText, readAmount } from '../amounts';
import { type Cell, cellText } from '../grid';

export type { AmountUnit } from '../amounts';

// `12.元` keeps its unit: a trailing point is part of the figure, as in UNIT_SUFFIX.
const LEADING_NUMBER = /^[¥￥]?\s*([+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d*)?)\s*(万元|万|元)?/;
/**
 * A whole cell that is one figure and its unit (`120000元`, `12 万`, `1,200.50元`, `(120000)元`):
 * nothing after. The bracket of a bracketed negative may stand between the figure and its unit.
 */
const UNIT_SUFFIX = /^(.*?[\d０-９][.．]?[)）]?)\s*(万元|万|元)$/;

export interface UnitAmount {
  read: AmountRead;
  /** The unit the text names (`万` is 万元), if any. */
  unit: AmountUnit | null;
  /** The figure as written before the unit (`330.984` of `330.984万`), for an exact conversion. */
  figure?: string;
}

function unitOf(word: string | undefined): AmountUnit | null {
  return word === '元' ? '元' : word ? '万元' : null;
}

function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The amount in a form cell, and the unit its text names, if any. */
export function readFormAmount(cell: Cell | null | undefined): UnitAmount {
  if (!cell || typeof cell.value !== 'string') return { read: readAmount(cell), unit: null };
  return readAmountText(cellText(cell));
}

/** Lenient (forms, flat lists): the number before any unit word or bracket. */
export function readAmountText(text: string): UnitAmount {
  const direct = parseAmountText(text);
  if (direct.ok) {
    const m = direct.amount.blank ? null : UNIT_SUFFIX.exec(text.trim());
    return m ? { read: direct, unit: unitOf(m[2]), figure: m[1] } : { read: direct, unit: null };
  }
  const t = asciiDigits(text.trim());
  const m = LEADING_NUMBER.exec(t);
  if (!m) return { read: direct, unit: null };
  const figure = m[1].replace(/，/g, ',').replace(/．/g, '.').replace(/\.$/, '');
  return { read: parseAmountText(figure), unit: unitOf(m[2]), figure };
}

/** Strict (the list table's amount columns): a figure with at most a unit after it; `12abc` is no amount. */
function readStrictText(text: string): UnitAmount {
  const m = UNIT_SUFFIX.exec(text.trim());
  if (m) {
    const read = parseAmountText(m[1]);
    if (read.ok && !read.amount.blank) return { read, unit: unitOf(m[2]), figure: m[1] };
  }
  return { read: parseAmountText(text), unit: null };
}

/**
 * The unit an amount cell names: its unit, `bare` for a figure without one (a number cell, `12.00`),
 * null for a blank or no amount. Strict for list tables; lenient (commentary after the figure) for
 * forms and flat lists. Decides a table's unit when nothing states it.
 */
export function namedUnit(
  cell: Cell | null | undefined,
  mode: 'strict' | 'lenient' = 'strict',
): AmountUnit | 'bare' | null {
  if (!cell || typeof cell.value !== 'string') {
    const r = readAmount(cell);
    return r.ok && !r.amount.blank ? 'bare' : null;
  }
  const u = mode === 'strict' ? readStrictText(cell.value) : readAmountText(cell.value);
  if (u.unit) return u.unit;
  return u.read.ok && !u.read.amount.blank ? 'bare' : null;
}

/**
 * A written figure with its decimal point moved `places` to the right (left when negative), as text:
 * `330.984`, 4 → `3309840`; `120000`, -4 → `12.0000`. Moving the point in the digits keeps every one
 * of them (rounding the figure to cents first would turn 330.984万 into 3,309,800 元). A bracketed
 * figure (`(120000)`) is negative, as parseAmountText reads it; a full-width minus (`－`) is a minus.
 * Null when the figure is not plain digits.
 */
function shifted(figure: string, places: number): string | null {
  let s = asciiDigits(figure)
    .replace(/[\s,，¥￥]/g, '')
    .replace(/．/g, '.');
  let negative = false;
  const paren = /^[(（](.*)[)）]$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  s = s.replace(/^[－—–]/, '-');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (!m[2] && !m[3])) return null;
  if (m[1] === '-') negative = !negative;
  const int = m[2] ?? '';
  let digits = int + (m[3] ?? '');
  let point = int.length + places;
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point);
  return `${negative && /[1-9]/.test(digits) ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** `1234.5` → `1,234.50`; more than two decimals are all shown (`12.3456`). */
function displayFigure(plain: string): string {
  const [whole, frac = ''] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${frac.length >= 2 ? frac : frac.padEnd(2, '0')}`;
}

/**
 * A read in the unit its text names → the table's unit. The point is moved in the written digits, so
 * 万元 → 元 is exact and 元 → 万元 rounds once, to the cent of a 万元 (the ±½ cent every two-decimal
 * figure stands for); `exact` keeps every digit for the message. The converted amount is shown with
 * two decimals whatever the written ones (`12万` is exactly 120,000.00 元: its sum tolerance must not
 * widen to ±½ 元). A figure that cannot be moved is no amount: amount-not-number asks for it in the
 * table's unit.
 */
export function toTableUnit(u: UnitAmount, table: AmountUnit, text: string): AmountRead {
  const { read, unit } = u;
  if (!read.ok || read.amount.blank || unit === null || unit === table || u.figure === undefined) return read;
  const moved = shifted(u.figure, table === '元' ? 4 : -4);
  const r = moved === null ? null : parseAmountText(moved);
  if (moved === null || !r || !r.ok) return { ok: false, text, reason: 'not-number' };
  return {
    ok: true,
    amount: { ...r.amount, decimals: 2 },
    converted: { from: unit, text, exact: displayFigure(moved) },
  };
}

/**
 * An amount cell in its table's unit: numbers as stored, text strictly (list tables) or leniently
 * (forms, flat lists: commentary after the number is allowed), converted when it names the other unit.
 */
export function readTableAmount(
  cell: Cell | null | undefined,
  table: AmountUnit,
  mode: 'strict' | 'lenient',
): AmountRead {
  if (!cell || typeof cell.value !== 'string') return readAmount(cell);
  const text = cell.value;
  return toTableUnit(mode === 'strict' ? readStrictText(text) : readAmountText(text), table, text.trim());
}
