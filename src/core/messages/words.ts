/** Fragments many rule messages share (how an item, a value, a row is named), in both languages. */
import type { Text } from './locale';

/** Cells hold a few dozen items at most: their names are built once (a message asks twice per finding). */
const NTH: Text[] = [];

/** 第 3 条指标 / Indicator 3: how messages name an indicator. */
export function nth(ordinal: number): Text {
  const small = Number.isInteger(ordinal) && ordinal >= 0 && ordinal < 256;
  const cached = small ? NTH[ordinal] : undefined;
  if (cached) return cached;
  const t: Text = Object.freeze({ 'zh-CN': `第 ${ordinal} 条指标`, 'en-US': `Indicator ${ordinal}` });
  if (small) NTH[ordinal] = t;
  return t;
}

export type Which = 'period' | 'annual';

export const WHICH_LABEL: Record<Which, Text> = {
  period: { 'zh-CN': '实施周期指标值', 'en-US': 'period target' },
  annual: { 'zh-CN': '年度指标值', 'en-US': 'annual target' },
};

/** A target value as a message names it: which one, as written. */
export interface ShownValue {
  which: Which;
  raw: string;
}

/** `年度指标值“≥90%”` / `实施周期指标值和年度指标值均为“≥90%”` / both quoted when they differ. */
export function describeValues(values: readonly ShownValue[]): Text {
  if (values.length === 1) {
    const v = values[0];
    return {
      'zh-CN': `${WHICH_LABEL[v.which]['zh-CN']}“${v.raw}”`,
      'en-US': `the ${WHICH_LABEL[v.which]['en-US']} "${v.raw}"`,
    };
  }
  const [a, b] = values;
  if (a.raw === b.raw) {
    return {
      'zh-CN': `实施周期指标值和年度指标值均为“${a.raw}”`,
      'en-US': `the target "${a.raw}" (period and annual)`,
    };
  }
  return {
    'zh-CN': `实施周期指标值“${a.raw}”和年度指标值“${b.raw}”`,
    'en-US': `the period target "${a.raw}" and the annual target "${b.raw}"`,
  };
}

/** A table row by its name, or by its number when it has none. */
export function rowName(name: string, row: number): Text {
  return { 'zh-CN': name || `第 ${row} 行`, 'en-US': name || `row ${row}` };
}

/** Quote untrusted text in a message, shortened so a note stays readable. */
export function quote(s: string, max = 60): string {
  const t = s.length > max ? `${s.slice(0, max)}…` : s;
  return `“${t}”`;
}
