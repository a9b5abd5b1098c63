/**
 * Level names written without codes (forms, flat lists) mapped onto the framework by meaning
 * (docs/layouts.md §4): score suffixes, spaces, line breaks, a missing 指标 and prefixes such as
 * 产出数量指标 or 项目完成指标 are ignored. A name whose family cannot be told stays unmapped.
 */
import { boundedMemo } from '../memo';
import { LEVEL1, LEVEL2 } from './framework';

export interface CanonicalLevel {
  code: string;
  name: string;
}

const canonical = new Map<string, CanonicalLevel>();
for (const e of [...LEVEL1, ...LEVEL2]) canonical.set(e.code, Object.freeze({ code: e.code, name: e.name }));

/** The shared, frozen `{code, name}` of a framework entry (rules remember verdicts per object). */
export function levelByCode(code: string): CanonicalLevel | null {
  return canonical.get(code) ?? null;
}

/** `产出指标\n(40-50)分` → `产出指标`: no spaces, no score or bracketed addition. */
export function levelKey(written: string): string {
  return written
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(][^()（）]*[)）]分?$/, '')
    .replace(/\d+(\.\d+)?分$/, '')
    .replace(/[（(][^()（）]*[)）]/g, '');
}

/** Level names repeat in every project: each is read once (bounded). */
const MAX_MEMO = 5000;

/** 一级 code by meaning: 产出 / 完成 → 1, 效益 / 效果 → 2, 满意 → 3, 成本 → 4. Remembered per name. */
export const level1CodeByName: (written: string) => string | null = boundedMemo(level1Code, MAX_MEMO);

function level1Code(written: string): string | null {
  const k = levelKey(written);
  if (!k) return null;
  if (/满意/.test(k)) return '3';
  if (/成本/.test(k)) return '4';
  if (/效益|效果/.test(k)) return '2';
  if (/产出|完成/.test(k)) return '1';
  return null;
}

/**
 * 二级 code by meaning. `成本` is 14 under 产出 and 41–43 under 成本 (the two frameworks); the 一级
 * code decides which, when known.
 */
export function level2CodeByName(written: string, level1: string | null): string | null {
  return level2ByKey(`${level1 ?? ''}\u0000${written}`);
}

const level2ByKey = boundedMemo((key) => {
  const cut = key.indexOf('\u0000');
  return level2Code(key.slice(cut + 1), key.slice(0, cut) || null);
}, MAX_MEMO);

function level2Code(written: string, level1: string | null): string | null {
  const k = levelKey(written);
  if (!k) return null;
  if (/成本/.test(k)) {
    if (level1 === '1') return '14';
    if (/社会/.test(k)) return '42';
    if (/生态|环境/.test(k)) return '43';
    if (/经济/.test(k) || level1 === '4') return '41';
    return '14';
  }
  if (/满意/.test(k)) return '31';
  if (/可持续/.test(k)) return '24';
  if (/经济/.test(k)) return '21';
  if (/社会/.test(k)) return '22';
  if (/生态|环境/.test(k)) return '23';
  if (/数量/.test(k)) return '11';
  if (/质量/.test(k)) return '12';
  if (/时效|进度|时间/.test(k)) return '13';
  return null;
}
