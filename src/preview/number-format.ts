/**
 * Numbers as Excel shows them under the common formats of budget tables: General, `0.00`,
 * `#,##0.00`, percentages, and literal text around them. Enough for a faithful preview; anything
 * exotic falls back to General.
 */

function general(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  // Excel's General shows about 11 significant digits, which hides binary float artefacts.
  return String(parseFloat(v.toPrecision(11)));
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatNumber(value: number, format: string | undefined): string {
  if (!format || /^general$/i.test(format.trim()) || format.trim() === '@') return general(value);
  const sections = format.split(';');
  let section = sections[0];
  let v = value;
  let sign = value < 0 ? '-' : '';
  if (value < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    v = -value;
    sign = '';
  } else if (value === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  }
  v = Math.abs(v);
  // Colours and conditions ([Red], [>=100]) and alignment helpers (_x, *x) print nothing.
  const cleaned = section.replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
  const numeric = /[0#?][0#?,]*(\.[0#?]*)?/.exec(cleaned.replace(/"[^"]*"|\\./g, (m) => 'X'.repeat(m.length)));
  if (!numeric) return general(value);
  const body = numeric[0];
  const decimals = body.includes('.') ? body.split('.')[1].replace(/[^0#?]/g, '').length : 0;
  const percent = cleaned.includes('%');
  if (percent) v *= 100;
  let text = v.toFixed(decimals);
  if (body.includes(',')) {
    const [i, d] = text.split('.');
    text = d === undefined ? groupThousands(i) : `${groupThousands(i)}.${d}`;
  }
  const unquote = (s: string): string => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const prefix = unquote(cleaned.slice(0, numeric.index));
  const suffix = unquote(cleaned.slice(numeric.index + body.length));
  return `${sign}${prefix}${text}${suffix}`;
}
