/**
 * The indicator framework (domain.md §2): 一级 and 二级 codes and their names. Codes 12, 14, 21,
 * 23, 24 and 4x are inferred from the numbering pattern, so an unknown code is reported, never
 * silently "corrected".
 */

export interface LevelEntry {
  code: string;
  /** Canonical name with the 指标 suffix. */
  name: string;
  /** Other names seen in real tables (without the optional 指标 suffix). */
  variants: string[];
}

export const LEVEL1: readonly LevelEntry[] = [
  { code: '1', name: '产出指标', variants: [] },
  { code: '2', name: '效益指标', variants: [] },
  { code: '3', name: '满意度指标', variants: [] },
  { code: '4', name: '成本指标', variants: [] },
];

export const LEVEL2: readonly LevelEntry[] = [
  { code: '11', name: '数量指标', variants: [] },
  { code: '12', name: '质量指标', variants: [] },
  { code: '13', name: '时效指标', variants: ['进度'] },
  { code: '14', name: '成本指标', variants: [] },
  { code: '21', name: '经济效益指标', variants: [] },
  { code: '22', name: '社会效益指标', variants: [] },
  { code: '23', name: '生态效益指标', variants: ['环境效益', '生态环境效益'] },
  { code: '24', name: '可持续影响指标', variants: ['可持续发展', '可持续效益'] },
  { code: '31', name: '服务对象满意度指标', variants: ['社会公众或服务对象满意度', '社会公众满意度'] },
  { code: '41', name: '经济成本指标', variants: [] },
  { code: '42', name: '社会成本指标', variants: [] },
  { code: '43', name: '生态环境成本指标', variants: ['环境成本', '生态成本'] },
];

const byCode = (list: readonly LevelEntry[]) => new Map(list.map((e) => [e.code, e]));
const L1 = byCode(LEVEL1);
const L2 = byCode(LEVEL2);

/** `社会效益` and `社会效益指标` are the same name; full-width/space noise is ignored. */
const keys = new Map<string, string>();

export function nameKey(name: string): string {
  // Level names repeat in every item of every project: remember their keys (bounded, as names are few).
  let k = keys.get(name);
  if (k === undefined) {
    k = name.replace(/[\s\u3000]/g, '').replace(/指标$/, '');
    if (keys.size < 10000) keys.set(name, k);
  }
  return k;
}

const keySets = new Map<LevelEntry, Set<string>>();

function matches(entry: LevelEntry, name: string): boolean {
  let keys = keySets.get(entry);
  if (!keys) {
    keys = new Set([entry.name, ...entry.variants].map(nameKey));
    keySets.set(entry, keys);
  }
  return keys.has(nameKey(name));
}

export interface LevelVerdict {
  /** The framework entry of the written code, if the code is known. */
  entry: LevelEntry | undefined;
  /** The written name is that entry's name or a known variant. */
  nameOk: boolean;
  /** The entry whose name was written, whatever the code (to say what the clerk meant). */
  byName: LevelEntry | undefined;
}

const verdicts1 = new WeakMap<object, LevelVerdict>();
const verdicts2 = new WeakMap<object, LevelVerdict>();

function judge(
  memo: WeakMap<object, LevelVerdict>,
  level: { code: string; name: string },
  table: Map<string, LevelEntry>,
  list: readonly LevelEntry[],
): LevelVerdict {
  // The parser shares one object per written level, so most items hit this memo.
  let v = memo.get(level);
  if (!v) {
    const entry = table.get(level.code);
    const nameOk = entry !== undefined && matches(entry, level.name);
    v = { entry, nameOk, byName: nameOk ? entry : list.find((e) => matches(e, level.name)) };
    memo.set(level, v);
  }
  return v;
}

/** The 一级 verdict for a written level (`1-产出指标`), remembered per level object. */
export function judgeLevel1(level: { code: string; name: string }): LevelVerdict {
  return judge(verdicts1, level, L1, LEVEL1);
}

/** The 二级 verdict for a written level (`22-社会效益`), remembered per level object. */
export function judgeLevel2(level: { code: string; name: string }): LevelVerdict {
  return judge(verdicts2, level, L2, LEVEL2);
}
