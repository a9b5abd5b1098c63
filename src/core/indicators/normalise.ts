/**
 * Normalisation of 绩效指标 text before parsing (domain.md §2). Two layers:
 * - `joinLines`: PDF line breaks removed with no separator (they fall anywhere, even mid-word);
 * - `syntaxForm`: a same-length copy where full-width syntax characters are mapped to ASCII, so an
 *   index into it is an index into the joined text too (names and `raw` values stay as written).
 */

/** Joined text plus, per character, its offset in the original cell text. */
export interface Joined {
  text: string;
  /**
   * `offsets[i]` is the index in the original text of `text[i]`; `offsets[text.length]` = original
   * length. Null when nothing was removed (the text maps onto itself): most cells, and no garbage.
   */
  offsets: number[] | null;
}

const BREAKS = /[\r\n\u2028\u2029\v\f]/;
const HAS_BREAK = BREAKS;

/**
 * Removes line breaks and the spaces a PDF converter leaves at the start and end of each line.
 * Spaces between two ASCII letters/digits are kept (they may be part of a name).
 */
export function joinLines(original: string): Joined {
  const s = String(original ?? '');
  if (!HAS_BREAK.test(s)) {
    // Most cells (exports, typed sheets) have no line break: the text maps onto itself.
    return { text: s, offsets: null };
  }
  const out: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const ch = s[i];
    if (BREAKS.test(ch)) {
      // Drop trailing spaces already emitted on this line, then the break and leading spaces after it.
      while (out.length && isSpace(out[out.length - 1])) {
        out.pop();
        offsets.pop();
      }
      i++;
      while (i < n && (isSpace(s[i]) || BREAKS.test(s[i]))) i++;
      continue;
    }
    out.push(ch);
    offsets.push(i);
    i++;
  }
  offsets.push(n);
  return { text: out.join(''), offsets };
}

/** Index in the original text of joined index `i` (i may be text.length). */
export function originalIndex(j: Joined, i: number): number {
  return j.offsets === null ? i : j.offsets[i];
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u3000';
}

const SYNTAX_MAP: Record<string, string> = {
  '：': ':',
  '；': ';',
  '％': '%',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  // Box-drawing ═ stands for = in some provinces' tables (layouts.md §4).
  '═': '=',
  '，': ',',
  '．': '.',
  '－': '-',
  '—': '-',
  '–': '-',
  '‐': '-',
  '﹣': '-',
  '﹕': ':',
  '﹔': ';',
  '＊': '*',
};

const SYNTAX_CHARS = new RegExp(`[０-９${Object.keys(SYNTAX_MAP).join('')}]`, 'g');

function mapSyntaxChar(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xfee0) : SYNTAX_MAP[ch];
}

/** SYNTAX_MAP by character code, for `syntaxCode`. */
const SYNTAX_CODES = new Map<number, number>();
for (const [from, to] of Object.entries(SYNTAX_MAP)) SYNTAX_CODES.set(from.charCodeAt(0), to.charCodeAt(0));
/** Every mapped character is `‐` (U+2010) or above, and none lies between `═` and the small forms (U+FE50). */
const FIRST_MAPPED = 0x2010;
const GAP_START = 0x2551;
const GAP_END = 0xfe4f;

/**
 * One character code as `syntaxForm` maps it: scanners read `syntaxCode(text.charCodeAt(i))` and
 * need no mapped copy of the text. CJK text (the gap) and ASCII return at the first test.
 */
export function syntaxCode(c: number): number {
  if (c < FIRST_MAPPED || (c >= GAP_START && c <= GAP_END)) return c;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xfee0;
  return SYNTAX_CODES.get(c) ?? c;
}

const SYNTAX_TEST = new RegExp(SYNTAX_CHARS.source);
/** Every cell is full of `；` and `：`: literal replacements are far cheaper than a callback per match. */
const COMMON = /[；：]/;
const RARE_CHARS = new RegExp(
  `[０-９${Object.keys(SYNTAX_MAP)
    .filter((k) => k !== '；' && k !== '：')
    .join('')}]`,
  'g',
);
const RARE_TEST = new RegExp(RARE_CHARS.source);

/** Same-length mapping of full-width syntax characters and digits to ASCII. */
export function syntaxForm(text: string): string {
  if (!SYNTAX_TEST.test(text)) return text;
  let out = COMMON.test(text) ? text.replace(/；/g, ';').replace(/：/g, ':') : text;
  if (RARE_TEST.test(out)) out = out.replace(RARE_CHARS, mapSyntaxChar);
  return out;
}

/** Joined + syntax form in one step, for callers that need only the normalised text. */
export function normalise(original: string): string {
  return syntaxForm(joinLines(original).text);
}
