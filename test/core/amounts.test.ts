import {
  BLANK_AMOUNT,
  displayCents,
  formatCents,
  formatDecimals,
  parseAmountText,
  readAmount,
  toleranceCents,
  type AmountRead,
} from '../../src/core/amounts';
import type { Cell } from '../../src/core/grid';

function cents(r: AmountRead): number {
  if (!r.ok) throw new Error(`not an amount: ${r.text} (${r.reason})`);
  return r.amount.cents;
}

describe('parseAmountText', () => {
  it.each([
    ['1,648.49', 164849, 2],
    ['1648.49', 164849, 2],
    ['１６４８．４９', 164849, 2],
    ['１，６４８．４９', 164849, 2],
    [' 21.60 ', 2160, 2],
    ['¥21.60', 2160, 2],
    ['7.5', 750, 1],
    ['50', 5000, 0],
    ['1648.495', 164850, 2],
    ['0.005', 1, 2],
    ['+3', 300, 0],
  ])('reads %j as %d cents shown with %d decimals', (text, c, d) => {
    expect(parseAmountText(text)).toEqual({ ok: true, amount: { cents: c, decimals: d, blank: false } });
  });

  it.each(['', '   ', '-', '－', '—', '/'])('reads %j as a blank (0.00)', (text) => {
    expect(parseAmountText(text)).toEqual({ ok: true, amount: BLANK_AMOUNT });
  });

  it('reads negatives: -1.50, (1.00), （1.00）', () => {
    expect(cents(parseAmountText('-1.50'))).toBe(-150);
    expect(cents(parseAmountText('(1.00)'))).toBe(-100);
    expect(cents(parseAmountText('（1.00）'))).toBe(-100);
    expect(cents(parseAmountText('－3'))).toBe(-300);
  });

  it.each(['abc', '1,64,8.49', '12,34', '1.2.3', '十万', '#VALUE!', '1e5'])('refuses %j as not a number', (text) => {
    expect(parseAmountText(text)).toEqual({ ok: false, text, reason: 'not-number' });
  });
});

describe('readAmount', () => {
  const num = (value: number, numberFormat?: string): Cell => (numberFormat ? { value, numberFormat } : { value });

  it('reads a blank cell (null, undefined, value null) as 0.00 blank', () => {
    expect(readAmount(null)).toEqual({ ok: true, amount: BLANK_AMOUNT });
    expect(readAmount(undefined)).toEqual({ ok: true, amount: BLANK_AMOUNT });
    expect(readAmount({ value: null })).toEqual({ ok: true, amount: BLANK_AMOUNT });
    expect(readAmount({ value: '' })).toEqual({ ok: true, amount: BLANK_AMOUNT });
  });

  it('reads the number 21.6 as exactly 2160 cents', () => {
    expect(readAmount(num(21.6))).toEqual({ ok: true, amount: { cents: 2160, decimals: 2, blank: false } });
    expect(cents(readAmount(num(1648.49)))).toBe(164849);
    expect(cents(readAmount(num(1648.49)))).not.toBe(164848); // Math.floor(1648.49 * 100) is 164848
  });

  it('drops binary float noise: 0.1 + 0.2 is 30 cents, 21.599999999999998 is 2160', () => {
    expect(cents(readAmount(num(0.1 + 0.2)))).toBe(30);
    expect(cents(readAmount(num(21.599999999999998)))).toBe(2160);
    expect(cents(readAmount(num(1152 + 175.39 + 50 + 35.5 + 42 + 164 + 7.5 + 0.5 + 21.6)))).toBe(164849);
  });

  it('reads negative numbers (a rule reports them; the reader keeps the sign)', () => {
    expect(cents(readAmount(num(-3.5)))).toBe(-350);
    expect(cents(readAmount({ value: '(1.00)' }))).toBe(-100);
  });

  it('reads text amounts as written', () => {
    expect(readAmount({ value: '1,648.49' })).toEqual({
      ok: true,
      amount: { cents: 164849, decimals: 2, blank: false },
    });
    expect(readAmount({ value: '１６４８．４９' })).toEqual({
      ok: true,
      amount: { cents: 164849, decimals: 2, blank: false },
    });
  });

  it('refuses text that is not a number, an error value, a boolean and non-finite numbers', () => {
    expect(readAmount({ value: 'abc' })).toEqual({ ok: false, text: 'abc', reason: 'not-number' });
    expect(readAmount({ value: { error: '#VALUE!' } })).toEqual({ ok: false, text: '#VALUE!', reason: 'error-value' });
    expect(readAmount({ value: { error: '#DIV/0!' } })).toMatchObject({ ok: false, reason: 'error-value' });
    expect(readAmount({ value: true })).toMatchObject({ ok: false, reason: 'not-number' });
    expect(readAmount({ value: Number.NaN })).toMatchObject({ ok: false, reason: 'not-number' });
    expect(readAmount({ value: Number.POSITIVE_INFINITY })).toMatchObject({ ok: false, reason: 'not-number' });
  });

  it('takes the decimals shown from the number format: #,##0.00 → 2, 0 → 0; General is exact to the cent', () => {
    const d = (c: Cell) => (readAmount(c) as { ok: true; amount: { decimals: number } }).amount.decimals;
    expect(d(num(21.6, '#,##0.00'))).toBe(2);
    expect(d(num(21.6, '0.00'))).toBe(2);
    expect(d(num(22, '0'))).toBe(0);
    // A stored 21.6 in General is 21.60 exactly, not a figure rounded to one decimal.
    expect(d(num(21.6, 'General'))).toBe(2);
    expect(d(num(21.6))).toBe(2);
    expect(d(num(21, 'General'))).toBe(2);
    // The format changes the decimals shown, never the value.
    expect(cents(readAmount(num(21.6, '0')))).toBe(2160);
  });
});

describe('formatDecimals', () => {
  it.each([
    ['#,##0.00', 2],
    ['0.00', 2],
    ['0.0', 1],
    ['0', 0],
    ['#,##0', 0],
    ['#,##0.000', 2],
    ['"¥"#,##0.00', 2],
    ['0.00_);(0.00)', 2],
    ['[Red]0.00', 2],
  ])('%j shows %d decimals', (fmt, d) => {
    expect(formatDecimals(fmt)).toBe(d);
  });

  it.each(['General', 'general', '@', '', undefined])('%j says nothing (use the written digits)', (fmt) => {
    expect(formatDecimals(fmt)).toBeNull();
  });
});

describe('toleranceCents: ½·10⁻ᵈ·(n+1) in cents', () => {
  it('is 1.5 cents for two parts with two decimals, so 1 cent passes and 2 cents do not', () => {
    const tol = toleranceCents(2, 2);
    expect(tol).toBe(1.5);
    expect(1 <= tol).toBe(true);
    expect(2 <= tol).toBe(false);
  });

  it('grows with fewer decimals and more parts', () => {
    expect(toleranceCents(0, 2)).toBe(150);
    expect(toleranceCents(1, 3)).toBe(20);
    expect(toleranceCents(2, 9)).toBe(5);
  });

  it('clamps the decimals to 0..2', () => {
    expect(toleranceCents(5, 1)).toBe(toleranceCents(2, 1));
    expect(toleranceCents(-1, 1)).toBe(toleranceCents(0, 1));
  });
});

describe('formatCents / displayCents', () => {
  it('writes exactly two decimals with no float artefacts', () => {
    expect(formatCents(164849)).toBe('1648.49');
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-150)).toBe('-1.50');
    expect(formatCents(30)).not.toBe('0.30000000000000004');
  });

  it('groups thousands for messages', () => {
    expect(displayCents(164849)).toBe('1,648.49');
    expect(displayCents(-123456789)).toBe('-1,234,567.89');
    expect(displayCents(50)).toBe('0.50');
  });
});
