/**
 * The JSON report written in pieces is byte for byte `JSON.stringify(value, null, 2)`, and a large
 * report reaches the stream in bounded chunks (never as one 425-million-character string).
 */
import fc from 'fast-check';
import { BATCH, MappedArray, jsonText, writeJson } from '../../src/cli/json-stream';

/** Arrays wrapped at random as mapped arrays (identity or a small transform). */
const wrapped = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(undefined, null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.array(tie('value'), { maxLength: 5 }).map((a) => new MappedArray(a, (x) => x)),
    fc.array(fc.integer(), { maxLength: 5 }).map((a) => new MappedArray(a, (x) => ({ n: x, s: String(x) }))),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('writeJson', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, at any depth', () => {
    fc.assert(
      fc.property(wrapped, (v) => {
        expect(jsonText(v)).toBe(JSON.stringify(v, null, 2) ?? 'null');
      }),
      { numRuns: 500 },
    );
  });

  it('writes mapped arrays longer than a batch exactly, at any depth, whatever their elements', () => {
    // Elements JSON.stringify drops or converts: undefined, functions, toJSON (Date), nested arrays.
    const element = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(undefined, () => 1, new Date(0), [undefined], { a: undefined }),
      fc.string().map((s) => ({ s, list: [s, { s }] })),
    );
    // A few distinct elements spread over more than one batch, and where a batch ends.
    const long = fc
      .tuple(fc.array(element, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 3 * BATCH + 2 }))
      .map(
        ([pool, n]) =>
          new MappedArray(
            Array.from({ length: n }, (_, i) => i),
            (i) => pool[i % pool.length],
          ),
      );
    // The mapped array placed `depth` levels down, in objects or arrays.
    const placed = fc.tuple(long, fc.array(fc.boolean(), { maxLength: 5 })).map(([m, path]) => {
      let v: unknown = m;
      for (const inArray of path) v = inArray ? [1, v] : { k: v, after: 'x' };
      return v;
    });
    fc.assert(
      fc.property(placed, (v) => {
        expect(jsonText(v)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 60 },
    );
    for (const n of [BATCH - 1, BATCH, BATCH + 1]) {
      const v = {
        a: [
          {
            b: new MappedArray(
              Array.from({ length: n }, (_, i) => i),
              (i) => ({ i }),
            ),
          },
        ],
      };
      expect(jsonText(v)).toBe(JSON.stringify(v, null, 2));
    }
  });

  it('keeps what JSON.stringify keeps and drops what it drops', () => {
    const v = {
      a: undefined,
      b: [undefined, () => 1, 'x'],
      c: new MappedArray([1, 2], (x) => (x === 1 ? undefined : x)),
      d: {},
      e: [],
      f: new MappedArray([], (x) => x),
      g: 'line\nbreak \u001b',
      h: { nested: { deeper: { deepest: { more: { still: [1, { x: [2] }] } } } } },
    };
    expect(jsonText(v)).toBe(JSON.stringify(v, null, 2));
  });

  it('hands a large report to the stream in bounded chunks', () => {
    const findings = Array.from({ length: 60000 }, (_, i) => ({ rule: 'x', message: `项目${i}的消息`, row: i }));
    const chunks: string[] = [];
    writeJson({ tables: [{ findings: new MappedArray(findings, (f) => f) }] }, (s) => chunks.push(s));
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.length).toBeLessThan((1 << 20) + 1000);
    expect(chunks.join('')).toBe(JSON.stringify({ tables: [{ findings }] }, null, 2));
  });
});
