/**
 * The 绩效指标 cell parser (domain.md §2):
 *   item := ordinal "、" level1 "；" level2 "；" name "；" "实施周期指标值" colon value "；" "年度指标值" colon value "。"
 * Items are split only where an ordinal + `、` is followed by a level code (`1、1-…`), so names may
 * hold `、` and values may hold digits. Never throws: what does not fit is kept as leftovers and as
 * per-item problems for the rules to report.
 */
import { joinLines, syntaxCode, syntaxForm, type Joined } from './normalise';
import { isSpaceCode } from '../text';
import { parseTargetValue, unitFromName, type TargetValue } from './value';

export interface Level {
  code: string;
  name: string;
}

export type ItemProblem =
  | 'no-level1' // the item does not start with `N-name`
  | 'no-level2'
  | 'no-period-keyword' // 实施周期指标值 not found
  | 'no-annual-keyword' // 年度指标值 not found
  | 'unterminated' // no final `。`
  | 'extra-text'; // text between the fields that fits none of them

export interface Span {
  /** Offsets into the joined text (line breaks removed), or into `own.text` when `own` is set. */
  start: number;
  end: number;
  /** Forms and flat lists: the value sits in a cell of its own, whose text this span indexes. */
  own?: { cell: string; text: string };
}

/** Where an indicator read from a grid row (forms, flat lists) sits, and what the layout wrote. */
export interface IndicatorSource {
  /** The target's cell (the 三级 cell when the target is missing), and its row. */
  cell: string;
  row: number;
  /** 一级 / 二级 as written (`null` where the layout has no levels or the cell is empty). */
  level1Written: string | null;
  level2Written: string | null;
  /** The 二级 cell (level findings point there), else null. */
  level2Cell: string | null;
  /** `权重` / `分值`, or null; `undefined` where the layout has no weight column. */
  weight?: number | null;
  weightCell?: string | null;
  /** The unit column's text and the unit written in the value cell itself (`28.8万元` under `%`). */
  unitColumn?: string | null;
  unitInValue?: string | null;
  /**
   * Where the layout gives the comparator a column of its own (`≧ | 95 | %`): that cell, its whole
   * text, so a comparator fix rewrites it alone and never the value beside it.
   */
  comparatorCell?: { cell: string; text: string } | null;
}

const NO_PROBLEMS: readonly ItemProblem[] = Object.freeze([]);

export interface ParsedIndicator {
  ordinal: number;
  /** The whole item, in the joined text. */
  span: Span;
  level1: Level | null;
  level2: Level | null;
  name: string;
  period: TargetValue | null;
  annual: TargetValue | null;
  periodSpan: Span | null;
  annualSpan: Span | null;
  problems: readonly ItemProblem[];
  /** For `extra-text`: what was left over, and where it starts in the joined text. */
  extra: string | null;
  extraAt: number | null;
  /** Set for indicators read from a grid row (forms, flat lists); absent for the list's text cells. */
  source?: IndicatorSource;
}

export interface Leftover extends Span {
  text: string;
}

export interface ParsedCell {
  joined: Joined;
  items: ParsedIndicator[];
  /** Text outside every item (before the first one), with its position. */
  leftovers: Leftover[];
}

/**
 * Levels repeat in every item of every project (`1-产出指标`, `11-数量指标`…): one shared, frozen
 * object per code and name saves memory, and lets rules remember their verdict per level.
 */
const levels = new Map<string, Map<string, Level>>();
const MAX_INTERNED = 5000;
let interned = 0;

function internLevel(code: string, name: string): Level {
  let byName = levels.get(code);
  if (!byName) {
    byName = new Map();
    levels.set(code, byName);
  }
  let level = byName.get(name);
  if (!level) {
    level = Object.freeze({ code, name });
    // Bounded: arbitrary input (fuzzing, a garbled sheet) must not grow the table without end.
    if (interned < MAX_INTERNED) {
      byName.set(name, level);
      interned++;
    }
  }
  return level;
}

export function parseIndicatorCell(original: string): ParsedCell {
  const joined = joinLines(original);
  const text = joined.text;
  const items: ParsedIndicator[] = [];
  // Each item is parsed when the next one's start is found (its end): no list of starts is kept.
  let firstAt = text.length;
  let prevAt = -1;
  let prevBody = 0;
  let prevOrdinal = 0;
  let expected = 1;
  for (let from = 0; ;) {
    const start = nextItemStart(text, from);
    if (start < 0) break;
    // Read `found` at once: parsing the previous item below writes to it.
    const bodyStart = found.end;
    from = bodyStart;
    let at = start;
    let digits = asciiDigits(text, start, bodyStart - 1);
    // `…年度指标值:123、1-…` with the `。` missing: the ordinal is the digits' expected tail.
    const exp = String(expected);
    if (digits.length > exp.length && digits.endsWith(exp) && at > 0 && !endsField(text.charCodeAt(at - 1))) {
      at += digits.length - exp.length;
      digits = exp;
    }
    if (prevAt < 0) firstAt = at;
    else items.push(parseItem(text, prevOrdinal, prevAt, prevBody, at));
    prevAt = at;
    prevBody = bodyStart;
    prevOrdinal = Number(digits);
    expected = prevOrdinal + 1;
  }
  if (prevAt >= 0) items.push(parseItem(text, prevOrdinal, prevAt, prevBody, text.length));

  const leftovers: Leftover[] = [];
  const before = text.slice(0, firstAt);
  if (before.trim() !== '' && !/^[\s。.;]*$/.test(syntaxForm(before))) {
    leftovers.push({ start: 0, end: firstAt, text: before.trim() });
  }
  return { joined, items, leftovers };
}

/**
 * One item of the joined cell text, `[bodyStart, end)` after its `N、`. The grammar's syntax is read
 * through `syntaxCode` (full-width `；：－１` as ASCII) with no mapped copy of the text; names and
 * values are cut from the text as written. Positions are absolute throughout.
 */
function parseItem(text: string, ordinal: number, at: number, bodyStart: number, end: number): ParsedIndicator {
  // Most items have no problem: share one empty list instead of allocating one per item.
  let problems: ItemProblem[] | null = null;
  let limit = end;
  while (limit > bodyStart && isSeparatorCode(syntaxCode(text.charCodeAt(limit - 1)))) limit--;

  let pos = bodyStart;
  let level1: Level | null = null;
  let level2: Level | null = null;
  if (scanLevel(text, pos, limit)) {
    level1 = levelFound(text);
    pos = found.end;
    if (scanLevel(text, pos, limit)) {
      level2 = levelFound(text);
      pos = found.end;
    } else problems = withProblem(problems, 'no-level2');
  } else problems = withProblem(problems, 'no-level1');

  // The two keyword fields, in either order (年度 first is a slip, not a reason to lose the values).
  const periodAt = scanKeyword(text, PERIOD_FORMS, pos, limit);
  const periodValueAt = found.end;
  let annualAt = scanKeyword(text, ANNUAL_FORMS, periodAt < 0 ? pos : periodValueAt, limit);
  if (annualAt < 0 && periodAt >= 0) annualAt = scanKeyword(text, ANNUAL_FORMS, pos, periodAt);
  const annualValueAt = found.end;

  // The item ends at the first `。` after its last field's value starts; text after it and before
  // the next item belongs to no field (S1). Without a `。` the item runs to the next one.
  const lastStart = annualAt > periodAt ? annualValueAt : periodAt >= 0 ? periodValueAt : pos;
  let stop = indexOfCode(text, FULL_STOP, lastStart, limit);
  if (stop < 0 && limit > pos && syntaxCode(text.charCodeAt(limit - 1)) === DOT) {
    if (!(limit - 2 >= pos && isDigitCode(syntaxCode(text.charCodeAt(limit - 2))))) stop = limit - 1;
  }
  let extra: string | null = null;
  let extraAt: number | null = null;
  if (stop < 0) problems = withProblem(problems, 'unterminated');
  else {
    const a = skipSeparators(text, stop + 1, limit);
    const b = skipSeparatorsBack(text, a, limit);
    if (a < b && !onlyStops(text, a, b)) {
      problems = withProblem(problems, 'extra-text');
      extra = text.slice(a, b);
      extraAt = a;
    }
  }
  const bodyEnd = stop < 0 ? limit : stop;

  const firstField = periodAt < 0 ? annualAt : annualAt < 0 ? periodAt : Math.min(periodAt, annualAt);
  const nameEnd = firstField >= 0 ? firstField : bodyEnd;
  const nameStart = skipSeparators(text, pos, nameEnd);
  const name = text.slice(nameStart, skipSeparatorsBack(text, nameStart, nameEnd));
  const nameUnit = unitFromName(name);

  // A value runs to the other field when that one follows it, else to the end of the item.
  const periodSpan = periodAt < 0 ? null : valueSpan(text, periodValueAt, annualAt > periodAt ? annualAt : bodyEnd);
  const annualSpan = annualAt < 0 ? null : valueSpan(text, annualValueAt, periodAt > annualAt ? periodAt : bodyEnd);
  // Parsed in written order (the value memo fills in the order values are met).
  let period: TargetValue | null;
  let annual: TargetValue | null;
  if (annualAt >= 0 && annualAt < periodAt) {
    annual = valueIn(text, annualSpan, nameUnit);
    period = valueIn(text, periodSpan, nameUnit);
  } else {
    period = valueIn(text, periodSpan, nameUnit);
    annual = valueIn(text, annualSpan, nameUnit);
  }
  if (periodAt < 0) problems = withProblem(problems, 'no-period-keyword');
  if (annualAt < 0) problems = withProblem(problems, 'no-annual-keyword');

  // A keyword field inside a value (`年度指标值:≥4人；年度指标值:…`) means a broken item.
  if (annual && extra === null && /(实施周期|年度)指标/.test(annual.raw)) {
    problems = withProblem(problems, 'extra-text');
    extra = annual.raw;
    extraAt = annualSpan?.start ?? null;
  }
  return {
    ordinal,
    span: { start: at, end },
    level1,
    level2,
    name,
    period,
    annual,
    periodSpan,
    annualSpan,
    problems: problems ?? NO_PROBLEMS,
    extra,
    extraAt,
  };
}

function withProblem(problems: ItemProblem[] | null, p: ItemProblem): ItemProblem[] {
  if (problems === null) return [p];
  problems.push(p);
  return problems;
}

/*
 * Hand-written scans in place of regexes run on slices of a mapped copy of the cell: every item ran
 * five, and their match arrays, slices and the copies were over half of what checking a table
 * allocated. Each scan stays within the bounds the slice gave its regex (the differential fuzzing of
 * this rewrite compared them on millions of cells), and writes where it ended to `found`: one object
 * per module, reused (the parser is synchronous), so read it right after the call.
 */
const found = { codeStart: 0, codeEnd: 0, nameStart: 0, nameEnd: 0, end: 0 };

const FULL_STOP = 0x3002; // 。
const DOT = 0x2e;
const SEMICOLON = 0x3b;
const COLON = 0x3a;
const HYPHEN = 0x2d;

interface Keywords {
  /** Longest first: at one place, the first form that fits wins. */
  forms: readonly string[];
  /** The first characters of the forms (two at most), so most characters are passed over at once. */
  first: number;
  second: number;
}

function keywords(forms: string[]): Keywords {
  const firsts = Array.from(new Set(forms.map((f) => f.charCodeAt(0))));
  if (firsts.length > 2) throw new Error('keyword forms start with more than two characters');
  return { forms, first: firsts[0], second: firsts[firsts.length - 1] };
}

/** The keyword forms we accept; the colon after them is optional. */
const PERIOD_FORMS = keywords(['实施周期指标值', '实施周期指标', '实施周期值', '实施期指标值', '周期指标值']);
const ANNUAL_FORMS = keywords(['年度指标值', '年度指标', '年度值']);

/**
 * The next `N、` at or after `from` that starts an item, where `(\d{1,4})、(?=\s*\d{1,3}\s*-(?!\s*\d))`
 * would match the syntax form: where its digits start, or -1; `found.end` is after its `、`. An
 * ordinal, `、`, then a level code and `-` is the only place an item may start; a level name never
 * starts with a digit, so `完成1、2-3号楼改造` inside a name does not start an item.
 */
function nextItemStart(text: string, from: number): number {
  for (let j = text.indexOf('、', from); j >= 0; j = text.indexOf('、', j + 1)) {
    // The leftmost start: up to four digits before the `、`, none before `from`.
    const min = Math.max(from, j - 4);
    let s = j;
    while (s > min && isDigitCode(syntaxCode(text.charCodeAt(s - 1)))) s--;
    if (s === j || !levelCodeAt(text, j + 1)) continue;
    found.end = j + 1;
    return s;
  }
  return -1;
}

/** `\s*\d{1,3}\s*-(?!\s*\d)` at `i`: a level code starts there (`1-`, not `1-2`). */
function levelCodeAt(text: string, from: number): boolean {
  const n = text.length;
  let i = skipSpaces(text, from, n);
  const digits = i;
  while (i < n && isDigitCode(syntaxCode(text.charCodeAt(i)))) i++;
  if (i === digits || i - digits > 3) return false;
  i = skipSpaces(text, i, n);
  if (i >= n || syntaxCode(text.charCodeAt(i)) !== HYPHEN) return false;
  i = skipSpaces(text, i + 1, n);
  return i >= n || !isDigitCode(syntaxCode(text.charCodeAt(i)));
}

/** A character that ends a field before an ordinal: `。`, `.`, `;` or a space. */
function endsField(c: number): boolean {
  const k = syntaxCode(c);
  return k === FULL_STOP || k === DOT || k === SEMICOLON || isSpaceCode(k);
}

/** Digits as ASCII (`１２` → `12`): ordinals and level codes may be typed full-width. */
function asciiDigits(text: string, a: number, b: number): string {
  const digits = text.slice(a, b);
  for (let i = a; i < b; i++) if (text.charCodeAt(i) > 0x7f) return syntaxForm(digits);
  return digits;
}

/**
 * `\s*(\d{1,3})\s*-\s*([^;]*)(;|$)` at `from`, within `[from, limit)`: a level `N-name`. The name
 * runs to the first `;` or the limit; `found` gets the code, the name and where the next field starts.
 */
function scanLevel(text: string, from: number, limit: number): boolean {
  let i = skipSpaces(text, from, limit);
  const codeStart = i;
  while (i < limit && isDigitCode(syntaxCode(text.charCodeAt(i)))) i++;
  // Four digits or more are no code: `\d{1,3}` then `\s*-` cannot match a fourth digit.
  if (i === codeStart || i - codeStart > 3) return false;
  const codeEnd = i;
  i = skipSpaces(text, i, limit);
  if (i >= limit || syntaxCode(text.charCodeAt(i)) !== HYPHEN) return false;
  const nameStart = skipSpaces(text, i + 1, limit);
  let semicolon = nameStart;
  while (semicolon < limit && syntaxCode(text.charCodeAt(semicolon)) !== SEMICOLON) semicolon++;
  if (semicolon === limit) semicolon = -1;
  found.codeStart = codeStart;
  found.codeEnd = codeEnd;
  found.nameStart = nameStart;
  found.nameEnd = semicolon < 0 ? limit : semicolon;
  found.end = semicolon < 0 ? limit : semicolon + 1;
  return true;
}

/** The level `scanLevel` found: its code in ASCII digits, its name as written, trailing spaces off. */
function levelFound(text: string): Level {
  let nameEnd = found.nameEnd;
  while (nameEnd > found.nameStart && isSpaceCode(text.charCodeAt(nameEnd - 1))) nameEnd--;
  return internLevel(asciiDigits(text, found.codeStart, found.codeEnd), text.slice(found.nameStart, nameEnd));
}

/**
 * The first place in `[from, to)` where one of `forms` is written (whole, inside the range), or -1.
 * `found.end` is where its value starts: after the keyword, spaces and an optional `:`.
 */
function scanKeyword(text: string, keywords: Keywords, from: number, to: number): number {
  const { forms, first, second } = keywords;
  for (let i = from; i < to; i++) {
    // Keywords are CJK, which the syntax form leaves as written: compare the text itself.
    const c = text.charCodeAt(i);
    if (c !== first && c !== second) continue;
    for (const form of forms) {
      if (i + form.length > to || !text.startsWith(form, i)) continue;
      let e = skipSpaces(text, i + form.length, to);
      if (e < to && syntaxCode(text.charCodeAt(e)) === COLON) e++;
      found.end = e;
      return i;
    }
  }
  found.end = -1;
  return -1;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * `;`, `；` or a space: what is trimmed off names, values and the text after an item, as written.
 * Through `syntaxCode` (the end of an item) it also takes `﹔`, which the syntax form maps to `;`.
 */
function isSeparatorCode(c: number): boolean {
  return c === SEMICOLON || c === 0xff1b || isSpaceCode(c);
}

function indexOfCode(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}

function skipSpaces(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

function skipSeparators(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSeparatorCode(s.charCodeAt(i))) i++;
  return i;
}

/** The end of `[from, to)` without its trailing separators. */
function skipSeparatorsBack(s: string, from: number, to: number): number {
  let e = to;
  while (e > from && isSeparatorCode(s.charCodeAt(e - 1))) e--;
  return e;
}

/** Whether `[a, b)` holds only `。` and `.` (stray stops after an item are no extra text). */
function onlyStops(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c !== FULL_STOP && c !== DOT) return false;
  }
  return true;
}

/** The value's span without surrounding spaces and `;` (empty where its field ends before it starts). */
function valueSpan(text: string, start: number, end: number): Span {
  const e = Math.max(start, end);
  const s = skipSeparators(text, start, e);
  return { start: s, end: skipSeparatorsBack(text, s, e) };
}

/** An empty value (`年度指标值:；`) is a missing value: null, as report-format.md asks. */
function valueIn(text: string, span: Span | null, nameUnit: string | null): TargetValue | null {
  return span === null || span.start === span.end ? null : parseTargetValue(text.slice(span.start, span.end), nameUnit);
}
