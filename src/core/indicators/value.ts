/**
 * One target value (实施周期指标值 / 年度指标值): qualitative | [comparator] number [unit]
 * (domain.md §2). Never throws; anything unreadable is kept as text with a flag a rule can report.
 */
import type { Comparator, TargetValueJson } from '../report';
import { syntaxForm } from './normalise';
import { trimEndText, trimStartText } from '../text';

export type ValueShape =
  | 'quantity' // [comparator] number [unit]
  | 'qualitative' // words: 效果显著, 正常开展
  | 'date-range' // 2026.07-2027.01 (legitimate for 时效 indicators)
  | 'placeholder' // a template left in: ≥**个月, XX%
  | 'no-number' // a comparator with nothing to compare: ≥
  | 'empty';

export interface TargetValue {
  /** As written, line breaks removed. */
  raw: string;
  shape: ValueShape;
  comparator: Comparator | null;
  value: number | null;
  /** The number as written (ASCII digits), e.g. `1,000` or `95.5`. */
  numberText: string | null;
  unit: string | null;
  /** The unit came from the indicator name's brackets, not from the value. */
  unitFromName: boolean;
  text: string | null;
  /** The comparator as written when it is not the canonical sign (`>=`, `不低于`, `以上`…). */
  comparatorWritten: string | null;
  /** The value rewritten with the canonical comparator, when `comparatorWritten` is set. */
  canonical: string | null;
}

interface ComparatorWord {
  written: string;
  canonical: Comparator;
}

// Longest first, so `>=` wins over `>` and `不低于` is not read as `低于`.
const PREFIXES: ComparatorWord[] = (
  [
    ['大于或等于', '≥'],
    ['大于等于', '≥'],
    ['不低于', '≥'],
    ['不少于', '≥'],
    ['不小于', '≥'],
    ['至少', '≥'],
    ['小于或等于', '≤'],
    ['小于等于', '≤'],
    ['不高于', '≤'],
    ['不超过', '≤'],
    ['不大于', '≤'],
    ['不多于', '≤'],
    ['至多', '≤'],
    ['>=', '≥'],
    ['=>', '≥'],
    ['<=', '≤'],
    ['=<', '≤'],
    ['≧', '≥'],
    ['⩾', '≥'],
    ['≦', '≤'],
    ['⩽', '≤'],
    ['大于', '>'],
    ['高于', '>'],
    ['超过', '>'],
    ['多于', '>'],
    ['小于', '<'],
    ['低于', '<'],
    ['少于', '<'],
    ['等于', '='],
    ['≥', '≥'],
    ['≤', '≤'],
    ['>', '>'],
    ['<', '<'],
    ['=', '='],
  ] as [string, Comparator][]
).map(([written, canonical]) => ({ written, canonical }));

/** First characters of every prefix: most values start with a digit and skip the prefix scan. */
const PREFIX_FIRST = new Set(PREFIXES.map((p) => p.written[0]));

const SUFFIXES: ComparatorWord[] = (
  [
    ['及以上', '≥'],
    ['或以上', '≥'],
    ['以上', '≥'],
    ['及以下', '≤'],
    ['或以下', '≤'],
    ['以下', '≤'],
    ['以内', '≤'],
  ] as [string, Comparator][]
).map(([written, canonical]) => ({ written, canonical }));

const PLACEHOLDER = /\*{1,}|[xX]{2,}|[×✕╳]{1,}|…|\.{3,}|＊|[？?]{1,}|[□■○]{1,}/;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
const DATE_RANGE =
  /^\d{4}(?:[.\-/年]\d{1,2}月?(?:[.\-/]?\d{1,2}日?)?)?\s*[-~至到]\s*\d{4}(?:[.\-/年]\d{1,2}月?(?:[.\-/]?\d{1,2}日?)?)?$/;
// No `底前` among the suffixes: 底 + 前 reads it, and the ambiguity backtracked exponentially.
const DATE = /^\d{4}(?:年|[.\-/])\d{1,2}(?:月|[.\-/]\d{1,2}日?)?(?:\d{1,2}日)?(?:前|之前|以前|底|内|完成)*$/;
/** Words after a number that make the value a sentence, not a unit (`12月底前完成`). */
const NOT_A_UNIT = /完成|前|底|左右|以内|开展|达到|之间|[,，;；。]/;
const MAX_UNIT_LENGTH = 8;
/** What is left after a lone comparator when the number is missing: `≥%`, `≤个月`. */
const UNIT_ONLY = /^[%‰个次项人户年月天日元万辆株米台套件份场期篇条/·]{1,5}$/;

/** A fast path for the forms that fill real tables; everything else takes the general path. */
const FAST_QUANTITY =
  /^([≥≤><])?(\d{1,12}(?:\.\d{1,6})?)((?:%|[人个次项辆株户米年月天万元]{1,2})(?:\/[人个次项辆株户米年月天元·]{1,4})?)?$/;

function empty(raw: string): TargetValue {
  return {
    raw,
    shape: 'empty',
    comparator: null,
    value: null,
    numberText: null,
    unit: null,
    unitFromName: false,
    text: null,
    comparatorWritten: null,
    canonical: null,
  };
}

/*
 * Tables repeat the same targets (`≥95%`, `100%`, `≥4人`) in every project: one shared, frozen value
 * per written form and name unit. A 250,000-project table otherwise holds half a million equal
 * objects (some 300 bytes each with their strings) while its report is built. Bounded: past the
 * limit new forms are parsed and not remembered.
 */
const memo = new Map<string | null, Map<string, Readonly<TargetValue>>>();
let remembered = 0;
/** The report's shape of each remembered value, made once: the report shares it as the parser does. */
const jsonOfRemembered = new WeakMap<Readonly<TargetValue>, Readonly<TargetValueJson>>();
const MAX_MEMO = 20000;
const MAX_MEMO_LENGTH = 40;

/**
 * Parses a target value; `nameUnit` is the unit in the indicator name's brackets, if any. The value
 * is frozen whether remembered or not (a write would fail only on short values otherwise): copy it
 * to change it (`{ ...value, raw }`).
 */
export function parseTargetValue(rawInput: string, nameUnit: string | null = null): Readonly<TargetValue> {
  const input = String(rawInput ?? '');
  if (input.length > MAX_MEMO_LENGTH) return Object.freeze(readTargetValue(input, nameUnit));
  // By name unit, then text: no key string is built per value (most have no name unit).
  let byText = memo.get(nameUnit);
  let v = byText?.get(input);
  if (v !== undefined) return v;
  v = Object.freeze(readTargetValue(input, nameUnit));
  if (remembered < MAX_MEMO) {
    if (byText === undefined) {
      byText = new Map();
      memo.set(nameUnit, byText);
    }
    byText.set(input, v);
    remembered++;
    jsonOfRemembered.set(v, Object.freeze(projectJson(v)));
  }
  return v;
}

function projectJson(v: Readonly<TargetValue>): TargetValueJson {
  return { raw: v.raw, comparator: v.comparator, value: v.value, unit: v.unit, text: v.text };
}

/**
 * A value as the report writes it (docs/report-format.md). Remembered values give one shared, frozen
 * object: 250,000 projects with the same `≥4人` held half a million equal copies in their report.
 */
export function targetValueJson(v: Readonly<TargetValue> | null): Readonly<TargetValueJson> | null {
  if (!v) return null;
  return jsonOfRemembered.get(v) ?? projectJson(v);
}

function readTargetValue(rawInput: string, nameUnit: string | null): TargetValue {
  const raw = String(rawInput ?? '').trim();
  const fast = FAST_QUANTITY.exec(raw);
  if (fast) {
    // The common written forms (`≥90%`, `12个月`, `1个/年`): canonical already, no suffix words.
    const unit = fast[3] || null;
    return {
      raw,
      shape: 'quantity',
      comparator: (fast[1] as Comparator | undefined) ?? '=',
      value: Number(fast[2]),
      numberText: fast[2],
      unit: unit ?? nameUnit,
      unitFromName: !unit && nameUnit !== null,
      text: null,
      comparatorWritten: null,
      canonical: null,
    };
  }
  const result = empty(raw);
  if (!raw) return result;
  // The syntax form keeps the same length, so slices of it map back onto `raw`.
  const s = syntaxForm(raw);

  let pos = 0;
  let prefix: ComparatorWord | null = null;
  if (PREFIX_FIRST.has(s[0]))
    for (const p of PREFIXES) {
      if (s.startsWith(p.written)) {
        prefix = p;
        pos = p.written.length;
        break;
      }
    }
  const afterPrefix = trimStartText(s.slice(pos));
  const restStart = s.length - afterPrefix.length;

  if (/^\d{4}/.test(s) && (DATE_RANGE.test(s) || (DATE.test(s) && !prefix))) {
    return { ...result, shape: 'date-range', text: raw };
  }

  const num = NUMBER.exec(afterPrefix);
  if (!num) {
    if (PLACEHOLDER.test(afterPrefix) || (PLACEHOLDER.test(s) && !/[\u4e00-\u9fff]{2,}/.test(s))) {
      return { ...result, shape: 'placeholder', comparator: prefix?.canonical ?? null, text: raw };
    }
    if (prefix && (afterPrefix === '' || UNIT_ONLY.test(afterPrefix))) {
      // `≥` alone, or `≥%` / `≥个月`: a comparator with nothing to compare.
      return { ...result, shape: 'no-number', comparator: prefix.canonical, unit: afterPrefix || null, text: null };
    }
    return { ...result, shape: 'qualitative', text: raw };
  }

  const numberText = num[0];
  let tail = afterPrefix.slice(numberText.length).trim();
  let comparator: Comparator = prefix?.canonical ?? '=';
  const prefixWritten = raw.slice(0, pos);
  let written: string | null = prefix && prefixWritten !== prefix.canonical ? prefixWritten : null;

  // A template placeholder after a number (`≥9*%`) still means the template was not filled in.
  if (/^\*+/.test(tail)) return { ...result, shape: 'placeholder', comparator, text: raw };

  let suffix: ComparatorWord | null = null;
  for (const sfx of SUFFIXES) {
    if (tail.endsWith(sfx.written)) {
      suffix = sfx;
      tail = tail.slice(0, tail.length - sfx.written.length).trim();
      break;
    }
  }
  if (suffix) {
    if (!prefix) {
      comparator = suffix.canonical;
      written = suffix.written;
    } else if (prefix.canonical !== suffix.canonical) {
      // `≥90%以下` contradicts itself: keep it as written text for a person to look at.
      return { ...result, shape: 'qualitative', text: raw };
    } else {
      written = written ?? suffix.written;
    }
  }

  if (tail && (tail.length > MAX_UNIT_LENGTH || NOT_A_UNIT.test(tail) || /\d/.test(tail))) {
    return { ...result, shape: 'qualitative', text: raw };
  }

  const value = Number(numberText.replace(/,/g, ''));
  // The unit as written (from `raw`, not the syntax form), without a suffix comparator.
  let unit: string | null = null;
  if (tail) {
    const unitText = raw.slice(restStart + numberText.length).trim();
    unit = (suffix ? unitText.slice(0, unitText.length - suffix.written.length).trim() : unitText) || null;
    if (unit && syntaxForm(unit) === '%') unit = '%';
  }
  const canonical = written === null ? null : `${comparator === '=' ? '' : comparator}${numberText}${unit ?? ''}`;
  let unitFromName = false;
  if (!unit && nameUnit) {
    unit = nameUnit;
    unitFromName = true;
  }
  return {
    raw,
    shape: 'quantity',
    comparator,
    value: Number.isFinite(value) ? value : null,
    numberText,
    unit,
    unitFromName,
    text: null,
    comparatorWritten: written,
    canonical,
  };
}

/** The unit in a name's trailing brackets: `招商活动的参加人数（人）` → `人`. */
export function unitFromName(name: string): string | null {
  // Without a regex: `[（(]\s*(…{1,8}?)\s*[)）]\s*$` was quadratic after a `（` and a long run of spaces.
  const s = trimEndText(name);
  const close = s[s.length - 1];
  if (close !== ')' && close !== '）') return null;
  const open = Math.max(s.lastIndexOf('('), s.lastIndexOf('（'));
  if (open < 0) return null;
  const inner = s.slice(open + 1, -1);
  if (/[()（）]/.test(inner)) return null;
  const unit = inner.trim();
  return unit.length >= 1 && unit.length <= 8 ? unit : null;
}
