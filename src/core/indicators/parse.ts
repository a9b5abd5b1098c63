/**
 * The 绩效指标 cell parser (domain.md §2):
 *   item := ordinal "、" level1 "；" level2 "；" name "；" "实施周期指标值" colon value "；" "年度指标值" colon value "。"
 * Items are split only where an ordinal + `、` is followed by a level code (`1、1-…`), so names may
 * hold `、` and values may hold digits. Never throws: what does not fit is kept as leftovers and as
 * per-item problems for the rules to report.
 */
import { joinLines, syntaxForm, type Joined } from './normalise';
import { trimEndText } from '../text';
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
 * An ordinal, `、`, then a level code and `-`: the only place an item may start. A level name never
 * starts with a digit, so `完成1、2-3号楼改造` inside a name does not start an item.
 */
const ITEM_START = /(\d{1,4})[、](?=\s*\d{1,3}\s*-(?!\s*\d))/g;
// No pattern here may start with `\s*` or hold `(x*?)\s*`: on a long run of spaces those backtrack
// quadratically (a 100,000-character cell took minutes). Names and values are trimmed in code.
const LEVEL = /^\s*(\d{1,3})\s*-\s*([^;]*)(?:;|$)/;
/** The keyword forms we accept, longest first; the colon is optional. */
const PERIOD_KEYWORD = /(实施周期指标值|实施周期指标|实施周期值|实施期指标值|周期指标值)\s*:?/;
const ANNUAL_KEYWORD = /(年度指标值|年度指标|年度值)\s*:?/;

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
  const t = syntaxForm(joined.text);
  const starts: { at: number; bodyStart: number; ordinal: number }[] = [];
  ITEM_START.lastIndex = 0;
  let expected = 1;
  for (let m = ITEM_START.exec(t); m !== null; m = ITEM_START.exec(t)) {
    let digits = m[1];
    let at = m.index;
    // `…年度指标值:123、1-…` with the `。` missing: the ordinal is the digits' expected tail.
    const exp = String(expected);
    if (digits.length > exp.length && digits.endsWith(exp) && at > 0 && !/[。.;\s]/.test(t[at - 1])) {
      at += digits.length - exp.length;
      digits = exp;
    }
    const ordinal = Number(digits);
    starts.push({ at, bodyStart: m.index + m[0].length, ordinal });
    expected = ordinal + 1;
  }

  const leftovers: Leftover[] = [];
  const firstAt = starts.length ? starts[0].at : t.length;
  const before = joined.text.slice(0, firstAt);
  if (before.trim() !== '' && !/^[\s。.;]*$/.test(syntaxForm(before))) {
    leftovers.push({ start: 0, end: firstAt, text: before.trim() });
  }

  const items: ParsedIndicator[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1].at : t.length;
    items.push(parseItem(joined.text, t, starts[i].ordinal, starts[i].at, starts[i].bodyStart, end));
  }
  return { joined, items, leftovers };
}

function parseItem(
  text: string,
  t: string,
  ordinal: number,
  at: number,
  bodyStart: number,
  end: number,
): ParsedIndicator {
  // Most items have no problem: share one empty list instead of allocating one per item.
  let problems: ItemProblem[] | null = null;
  const flag = (x: ItemProblem) => (problems ??= []).push(x);
  let limit = end;
  while (limit > bodyStart && isSeparator(t[limit - 1])) limit--;

  let pos = bodyStart;
  const readLevel = (): Level | null => {
    const m = LEVEL.exec(t.slice(pos, limit));
    if (!m) return null;
    // m[0] is the code part, then the name, then `;` unless the text ended.
    const nameStart = pos + m[0].length - (m[0].endsWith(';') ? 1 : 0) - m[2].length;
    const level = internLevel(m[1], text.slice(nameStart, nameStart + trimEndText(m[2]).length));
    pos += m[0].length;
    return level;
  };
  const level1 = readLevel();
  if (!level1) flag('no-level1');
  const level2 = level1 ? readLevel() : null;
  if (level1 && !level2) flag('no-level2');

  // The two keyword fields, in either order (年度 first is a slip, not a reason to lose the values).
  const rest = t.slice(pos, limit);
  const pk = PERIOD_KEYWORD.exec(rest);
  let ak = ANNUAL_KEYWORD.exec(pk ? rest.slice(pk.index + pk[0].length) : rest);
  let annualAt = ak ? (pk ? pk.index + pk[0].length : 0) + ak.index : -1;
  if (!ak && pk) {
    ak = ANNUAL_KEYWORD.exec(rest.slice(0, pk.index));
    annualAt = ak ? ak.index : -1;
  }
  const fields: { which: 'period' | 'annual'; at: number; valueAt: number }[] = [];
  if (pk) fields.push({ which: 'period', at: pk.index, valueAt: pk.index + pk[0].length });
  if (ak) fields.push({ which: 'annual', at: annualAt, valueAt: annualAt + ak[0].length });
  // In written order. Two fields at most: a swap, not Array#sort (whose work arrays were an eighth of
  // what checking a table allocated).
  if (fields.length === 2 && fields[1].at < fields[0].at) fields.reverse();

  // The item ends at the first `。` after its last field's value starts; text after it and before
  // the next item belongs to no field (S1). Without a `。` the item runs to the next one.
  const lastStart = fields.length ? fields[fields.length - 1].valueAt : 0;
  let stop = rest.indexOf('。', lastStart);
  if (stop < 0 && rest.endsWith('.') && !/\d$/.test(rest.slice(0, -1))) stop = rest.length - 1;
  let extra: string | null = null;
  let extraAt: number | null = null;
  if (stop < 0) flag('unterminated');
  else {
    const after = trimSeparators(text.slice(pos + stop + 1, pos + rest.length));
    if (after !== '' && !/^[。.]+$/.test(after)) {
      flag('extra-text');
      extra = after;
      extraAt = text.indexOf(after, pos + stop + 1);
    }
  }
  const bodyEnd = stop < 0 ? rest.length : stop;

  const nameEnd = fields.length ? fields[0].at : bodyEnd;
  const name = trimSeparators(text.slice(pos, pos + nameEnd));
  const nameUnit = unitFromName(name);

  const values: Record<'period' | 'annual', { value: TargetValue | null; span: Span | null }> = {
    period: { value: null, span: null },
    annual: { value: null, span: null },
  };
  fields.forEach((f, k) => {
    const e = k + 1 < fields.length ? fields[k + 1].at : bodyEnd;
    const span = valueSpan(text, pos + f.valueAt, pos + Math.max(f.valueAt, e));
    values[f.which] = { span, value: valueOrNull(text.slice(span.start, span.end), nameUnit) };
  });
  if (!pk) flag('no-period-keyword');
  if (!ak) flag('no-annual-keyword');
  const annual = values.annual.value;

  // A keyword field inside a value (`年度指标值:≥4人；年度指标值:…`) means a broken item.
  if (annual && extra === null && /(实施周期|年度)指标/.test(annual.raw)) {
    flag('extra-text');
    extra = annual.raw;
    extraAt = values.annual.span?.start ?? null;
  }
  return {
    ordinal,
    span: { start: at, end },
    level1,
    level2,
    name,
    period: values.period.value,
    annual,
    periodSpan: values.period.span,
    annualSpan: values.annual.span,
    problems: problems ?? NO_PROBLEMS,
    extra,
    extraAt,
  };
}

function isSeparator(ch: string): boolean {
  return ch === ';' || ch === '；' || /\s/.test(ch);
}

/** Spaces and `;` off both ends (a loop: `/[\s;]+$/` is quadratic on long runs of spaces). */
function trimSeparators(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSeparator(s[a])) a++;
  while (b > a && isSeparator(s[b - 1])) b--;
  return s.slice(a, b);
}

/** The value's span without surrounding spaces and `;`. */
function valueSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s;；]/.test(text[s])) s++;
  while (e > s && /[\s;；]/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** An empty value (`年度指标值:；`) is a missing value: null, as report-format.md asks. */
function valueOrNull(raw: string, nameUnit: string | null): TargetValue | null {
  return raw.trim() === '' ? null : parseTargetValue(raw, nameUnit);
}
