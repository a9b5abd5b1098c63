/**
 * String helpers that older Office webviews lack (`trimStart`/`trimEnd` are ES2019; Excel 2019 on
 * Windows runs add-ins in EdgeHTML, which the task-pane bundle targets as ES2017). Loops, not
 * `/\s+$/`: that pattern is quadratic on long runs of spaces.
 */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x202f ||
    c === 0x205f
  );
}

export function trimStartText(s: string): string {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

export function trimEndText(s: string): string {
  let e = s.length;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** Dashes, slashes or 无 stand for "nothing here" in 绩效目标 / 绩效指标 cells of 合计 and unit rows. */
const NOTHING = /^[\s\-－—–―~～/／\\、。.]*$|^\s*无\s*$/;

export function isBlankText(s: string): boolean {
  return NOTHING.test(s);
}
