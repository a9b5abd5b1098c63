/**
 * Amounts in the pane as the sheet shows them (`#,##0.00`): `1648.49` → `1,648.49`. Text that is
 * not a plain decimal figure (a formula, `abc`, a figure with a unit) is left as it is.
 */
const PLAIN_FIGURE = /^(-?)(\d+)(\.\d+)?$/;

export function formatAmount(text: string): string {
  const m = PLAIN_FIGURE.exec(text.trim());
  if (!m) return text;
  // A loop over the digit groups, not a regex with lookahead: linear on any length.
  const digits = m[2];
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return `${m[1]}${out}${m[3] ?? ''}`;
}
