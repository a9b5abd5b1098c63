/**
 * `answer` remembered per key, for at most `max` keys: sheets repeat a handful of titles, level
 * names and number formats on thousands of cells, while a hostile sheet of unique texts must not
 * grow the memory without end (past `max`, answers are computed and not kept).
 */
export function boundedMemo<T>(answer: (key: string) => T, max: number): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let v = memo.get(key);
    if (v === undefined) {
      v = answer(key);
      if (memo.size < max) memo.set(key, v);
    }
    return v;
  };
}
