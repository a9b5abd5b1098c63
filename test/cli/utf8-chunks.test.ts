/**
 * Utf8Chunks writes the 指标明细 sheet's XML straight into byte chunks: on any text, in any pieces,
 * the chunks joined must be exactly what TextEncoder gives for each piece (lone surrogates too).
 */
import fc from 'fast-check';
import { Utf8Chunks } from '../../src/cli/utf8-chunks';

const joined = (chunks: readonly Uint8Array[]): Buffer => Buffer.concat(chunks.map((c) => Buffer.from(c)));

test('any pieces of text, through chunks of any size, are their UTF-8', () => {
  fc.assert(
    fc.property(
      // Full Unicode plus lone surrogates, and chunk sizes small enough that pieces overflow them.
      fc.array(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }),
        ),
        {
          maxLength: 30,
        },
      ),
      fc.integer({ min: 4, max: 64 }),
      (pieces, size) => {
        const out = new Utf8Chunks(size);
        const chunks: Uint8Array[] = [];
        for (const p of pieces) {
          out.text(p);
          chunks.push(...out.take());
        }
        chunks.push(...out.end());
        // Each piece is its own text (a row): a surrogate pair split between two pieces is two lone halves.
        const expected = joined(pieces.map((p) => new TextEncoder().encode(p)));
        expect(joined(chunks).equals(expected)).toBe(true);
        // A chunk handed out is never written again.
        expect(chunks.every((c) => c.length > 0)).toBe(true);
      },
    ),
    { numRuns: 500 },
  );
});

test('chunks handed out keep their bytes while later text is written', () => {
  const out = new Utf8Chunks(8);
  out.text('甲乙');
  out.text('丙');
  const first = out.take();
  const before = joined(first);
  out.text('丁戊己庚');
  out.end();
  expect(joined(first).equals(before)).toBe(true);
  expect(before.toString('utf8')).toBe('甲乙');
});
