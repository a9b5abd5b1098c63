/**
 * Exact amounts: integers of 0.01 (cents of the table's unit), never floats. A figure shown with d
 * decimals stands for ±½·10⁻ᵈ, so a sum of n parts against its total is consistent when
 * |Σ − total| ≤ ½·10⁻ᵈ·(n+1) (domain.md §3, as XBRL Calculations 1.1 reads rounded figures).
 */
import { boundedMemo } from './memo';
import { type Cell, cellText, isCellError } from './grid';

export interface Amount {
  /** Integer hundredths. */
  cents: number;
  /** Decimals the figure is shown with (0..2); more written decimals are rounded to 2. */
  decimals: number;
  blank: boolean;
}

export type AmountUnit = '万元' | '元';

/** An amount written in the other unit (`120000元` in a 万元 table), converted to the table's. */
export interface UnitConversion {
  /** The unit the cell names. */
  from: AmountUnit;
  /** The cell as written. */
  text: string;
  /** The converted figure with every digit kept (`12.3456`; the amount itself is rounded to the cent). */
  exact: string;
}

export type AmountRead =
  | { ok: true; amount: Amount; converted?: UnitConversion }
  | { ok: false; text: string; reason: 'not-number' | 'error-value' };

export const BLANK_AMOUNT: Amount = Object.freeze({ cents: 0, decimals: 2, blank: true });

/** A blank cell read: one shared, frozen object (most 财政专户拨款 / 其他资金 cells are blank). */
export const BLANK_READ: AmountRead = Object.freeze({ ok: true, amount: BLANK_AMOUNT } as const);

const FULL_WIDTH_DIGIT = /[０-９]/g;

function asciiDigits(s: string): string {
  return s.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A decimal string like `-1648.495` → cents, rounding half away from zero past two decimals. */
function decimalToCents(sign: number, intPart: string, frac: string): number {
  const f = (frac + '000').slice(0, 3);
  let cents = Number(intPart || '0') * 100 + Number(f.slice(0, 2));
  if (Number(f[2]) >= 5) cents += 1;
  return sign * cents;
}

const PLAIN_NUMBER = /^(-?)(\d{1,15})(?:\.(\d{1,15}))?$/;
const NUMBER_TEXT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;
const BLANK_TEXT = /^[-－—–―~～/／\\]*$/;

/** Reads amount text as written: `1,648.49`, `１６４８．４９`, `¥21.60`, `(1.00)`, blank or `-`. */
export function parseAmountText(raw: string): AmountRead {
  const plain = PLAIN_NUMBER.exec(raw);
  if (plain) {
    // Plain ASCII figures (every number cell, most text amounts) skip the clean-up below.
    const frac = plain[3] ?? '';
    const cents = decimalToCents(plain[1] === '-' ? -1 : 1, plain[2], frac);
    if (Number.isSafeInteger(cents))
      return { ok: true, amount: { cents, decimals: Math.min(frac.length, 2), blank: false } };
  }
  let s = asciiDigits(String(raw))
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/[，,]/g, ',')
    .replace(/[．。]/g, '.')
    .replace(/^[¥￥]/, '')
    .replace(/(万元|元)$/, '');
  if (BLANK_TEXT.test(s)) return BLANK_READ;
  let sign = 1;
  const paren = /^[(（](.*)[)）]$/.exec(s);
  if (paren) {
    sign = -1;
    s = paren[1];
  }
  s = s.replace(/^[－—–]/, '-');
  const m = NUMBER_TEXT.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return { ok: false, text: String(raw), reason: 'not-number' };
  if (m[1] === '-') sign = -sign;
  const intPart = (m[2] ?? '').replace(/,/g, '');
  const frac = m[3] ?? '';
  const cents = decimalToCents(sign, intPart, frac);
  // Beyond 2^53 cents the figure cannot be held exactly (a 400-digit text gave Infinity → "Infinity.NaN").
  if (!Number.isSafeInteger(cents)) return { ok: false, text: String(raw), reason: 'not-number' };
  return { ok: true, amount: { cents, decimals: Math.min(frac.length, 2), blank: false } };
}

/** Decimals a number format shows: `#,##0.00` → 2, `0` → 0, General → null (use the written digits). */
export function formatDecimals(numberFormat: string | undefined): number | null {
  return numberFormat ? decimalsByFormat(numberFormat) : null;
}

/** A sheet uses a handful of number formats on thousands of amount cells: each is read once. */
const decimalsByFormat = boundedMemo(decimalsOfFormat, 1000);

function decimalsOfFormat(numberFormat: string): number | null {
  if (/^general$/i.test(numberFormat) || numberFormat === '@') return null;
  const section = numberFormat.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const m = /\.([0#?]+)/.exec(section);
  if (m) return Math.min(m[1].length, 2);
  return /[0#?]/.test(section) ? 0 : null;
}

/** Reads an amount cell: numbers exactly (via their shortest decimal form), text as written. */
export function readAmount(cell: Cell | null | undefined): AmountRead {
  if (!cell || cell.value === null || cell.value === undefined) return BLANK_READ;
  const v = cell.value;
  if (isCellError(v)) return { ok: false, text: v.error, reason: 'error-value' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, text: cellText(cell), reason: 'not-number' };
    // The shortest decimal form is exact for what Excel stores from typed figures (21.6 → "21.6");
    // a computed figure with binary noise (21.599999999999998) goes through toPrecision(15) first.
    const shortest = String(v);
    const plain = shortest.length <= 16 && !shortest.includes('e') ? shortest : null;
    const r = parseAmountText(plain ?? Number(v.toPrecision(15)).toFixed(Math.min(20, Math.max(0, decimalsOf(v)))));
    if (!r.ok) return { ok: false, text: cellText(cell), reason: 'not-number' };
    // A stored number is exact to the cent unless its format rounds it for display (`#,##0`): in
    // General, 21.6 is 21.60, not a figure rounded to one decimal, so it gets no wider tolerance.
    const fd = formatDecimals(cell.numberFormat);
    return { ok: true, amount: { ...r.amount, decimals: fd ?? 2 } };
  }
  if (typeof v === 'boolean') return { ok: false, text: cellText(cell), reason: 'not-number' };
  return parseAmountText(v);
}

function decimalsOf(v: number): number {
  const s = String(Number(v.toPrecision(15)));
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + 2;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Cents → `"1648.49"` (exactly two decimals, the report's amount strings). */
export function formatCents(cents: number): string {
  // Blank amounts are the commonest figure of a report: one string, not one per cell.
  if (cents === 0) return '0.00';
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Cents → `"1,648.49"` for messages a clerk reads. */
export function displayCents(cents: number): string {
  const s = formatCents(cents);
  const [i, f] = s.replace('-', '').split('.');
  return `${cents < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/**
 * Tolerance in cents for a sum of `parts` figures against a total, each shown with at most
 * `decimals` decimals: ½·10⁻ᵈ·(n+1), expressed in cents (may be fractional: compare with ≤).
 */
export function toleranceCents(decimals: number, parts: number): number {
  const d = Math.max(0, Math.min(2, decimals));
  return 0.5 * 10 ** (2 - d) * (parts + 1);
}
