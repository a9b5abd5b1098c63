import { boundedMemo } from '../../src/core/memo';

test('an answer is computed once per key, null answers included', () => {
  const asked: string[] = [];
  const f = boundedMemo((k) => {
    asked.push(k);
    return k === 'x' ? null : k.length;
  }, 10);
  expect([f('ab'), f('ab'), f('x'), f('x')]).toEqual([2, 2, null, null]);
  expect(asked).toEqual(['ab', 'x']);
});

test('past its bound it keeps answering, without keeping more keys', () => {
  let calls = 0;
  const f = boundedMemo((k) => {
    calls++;
    return k.toUpperCase();
  }, 2);
  for (const k of ['a', 'b', 'c', 'c', 'a']) f(k);
  // a and b are kept; c, past the bound, is computed each time it is asked.
  expect(calls).toBe(4);
  expect(f('c')).toBe('C');
});
