/**
 * A seeded mutation fuzzer over the fixtures, run in-process through main(): XML mutations inside
 * parts (cut, duplicate, splice tags, control characters and OOXML escapes, huge numbers, far cell
 * references) and zip mutations (flipped bytes, cuts, dropped entries). Every run must end with exit
 * 0, 1 or 2, at most one stderr line and never a stack, within bounded time and memory; and every
 * annotated copy (`--out`) must re-check to the same findings.
 *
 * FUZZ_ITERATIONS (default 150: about 5 s on a quiet machine, under a minute on a loaded one) and FUZZ_SEED widen a run:
 *   FUZZ_ITERATIONS=2000 FUZZ_SEED=7 npx jest test/cli/fuzz.test.ts
 * A failure names the seed and case, and writes the input to test-output/fuzz/ to replay it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FIXTURES, ROOT, run, tempDir } from './helpers';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
/** Per case, for the check, the copy and its re-check together (generous: the machine is shared). */
const CASE_MS = 60_000;
/** Growth of the process's resident memory over the run; jest may share the process with other files. */
const RSS_GROWTH_LIMIT = 1024 ** 3;

/** mulberry32: small, seeded, good enough to pick mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, n: number): number => Math.floor(r() * n);

const SNIPPETS = [
  '\u001b]0;pwned\u0007',
  '_x001B_[2J',
  '\u202e',
  '\u0085',
  '&amp;',
  '&#0;',
  '<',
  '>',
  '"',
  '<!-- -->',
  '<![CDATA[x]]>',
  '9'.repeat(40),
  '-1e308',
  'NaN',
  '1E+400',
  'A1048577',
  'XFD1048576',
  'XFE1',
  '2147483647',
  '\uFFFE',
  '\uD800',
  '<c r="ZZ9"><v>1</v></c>',
  '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t> </t></is></c></row>',
  '<c r="B3" t="inlineStr"><is><t>' + '长'.repeat(200) + '</t></is></c>',
  '元',
  '万元',
  '≥',
  '。',
  '；',
];

/** One XML mutation on a part's text. */
function mutateXml(r: Rand, xml: string): string {
  if (xml.length === 0) return pick(r, SNIPPETS);
  const at = int(r, xml.length);
  const len = 1 + int(r, Math.min(400, xml.length - at));
  switch (int(r, 7)) {
    case 0: // cut a span
      return xml.slice(0, at) + xml.slice(at + len);
    case 1: // duplicate a span
      return xml.slice(0, at + len) + xml.slice(at, at + len) + xml.slice(at + len);
    case 2: // insert a hostile snippet
      return xml.slice(0, at) + pick(r, SNIPPETS) + xml.slice(at);
    case 3: {
      // replace a number with another one
      const nums = [...xml.matchAll(/\d+(\.\d+)?/g)];
      if (nums.length === 0) return xml;
      const m = pick(r, nums);
      return (
        xml.slice(0, m.index) +
        pick(r, ['0', '-1', '1048576', '16384', '99999999999', '0.000001', '3.4e38']) +
        xml.slice(m.index! + m[0].length)
      );
    }
    case 4: {
      // move a tag elsewhere
      const tags = [...xml.matchAll(/<[^>]{1,200}>/g)];
      if (tags.length < 2) return xml;
      const t = pick(r, tags);
      const without = xml.slice(0, t.index) + xml.slice(t.index! + t[0].length);
      const to = int(r, without.length);
      return without.slice(0, to) + t[0] + without.slice(to);
    }
    case 5: // truncate
      return xml.slice(0, at);
    default: {
      // a text node gets control characters or an OOXML escape
      const texts = [...xml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)];
      if (texts.length === 0) return xml;
      const t = pick(r, texts);
      return (
        xml.slice(0, t.index) +
        t[0].replace('</t>', `${pick(r, SNIPPETS.slice(0, 4))}</t>`) +
        xml.slice(t.index! + t[0].length)
      );
    }
  }
}

/** One zip-level mutation on the package bytes. */
function mutateZip(r: Rand, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data);
  switch (int(r, 3)) {
    case 0:
      for (let i = 0, n = 1 + int(r, 8); i < n; i++) out[int(r, out.length)] ^= 1 << int(r, 8);
      return out;
    case 1:
      return out.subarray(0, int(r, out.length));
    default: {
      const parts = unzipSync(data);
      const names = Object.keys(parts);
      delete parts[pick(r, names)];
      return zipSync(parts);
    }
  }
}

function mutate(r: Rand, data: Uint8Array): { bytes: Uint8Array; what: string } {
  if (r() < 0.25) return { bytes: mutateZip(r, data), what: 'zip' };
  const parts = unzipSync(data);
  const xmlNames = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));
  // The sheets, shared strings and styles hold what the check reads: mutate them more often.
  const hot = xmlNames.filter((n) => /sheet\d*\.xml$|sharedStrings|styles|workbook\.xml/.test(n));
  const name = r() < 0.75 && hot.length > 0 ? pick(r, hot) : pick(r, xmlNames);
  let xml = strFromU8(parts[name]);
  for (let i = 0, n = 1 + int(r, 3); i < n; i++) xml = mutateXml(r, xml);
  parts[name] = strToU8(xml);
  return { bytes: zipSync(parts), what: name };
}

const SOURCES = ['clean-export.xlsx', 'defects.xlsx', 'hand-made.xlsx', 'pdf-conversion.xlsx']
  .map((f) => path.join(FIXTURES, f))
  .concat(path.join(ROOT, 'examples', 'sample.xlsx'));

function tables(stdout: string): unknown {
  return (JSON.parse(stdout) as { tables: unknown }).tables;
}

function expectWellBehaved(label: string, res: { code: number; stderr: string }): void {
  const ctx = `${label}: exit ${res.code}, stderr ${JSON.stringify(res.stderr.slice(0, 300))}`;
  expect([ctx, [0, 1, 2].includes(res.code)]).toEqual([ctx, true]);
  const lines = res.stderr === '' ? [] : res.stderr.replace(/\n$/, '').split('\n');
  expect([ctx, lines.length <= 1]).toEqual([ctx, true]);
  if (res.code === 2) expect([ctx, lines.length]).toEqual([ctx, 1]);
  expect([ctx, /\n\s+at |\bat .*\.(js|ts):\d+/.test(res.stderr)]).toEqual([ctx, false]);
}

test(
  `fuzz: ${ITERATIONS} mutated workbooks (seed ${SEED})`,
  async () => {
    const r = prng(SEED);
    const dir = tempDir();
    const sources = SOURCES.map((f) => new Uint8Array(readFileSync(f)));
    const outcomes = { 0: 0, 1: 0, 2: 0 } as Record<number, number>;
    const rssAtStart = process.memoryUsage().rss;
    for (let i = 0; i < ITERATIONS; i++) {
      const src = int(r, sources.length);
      const { bytes, what } = mutate(r, sources[src]);
      const label = `seed ${SEED} case ${i} (${path.basename(SOURCES[src])}, ${what})`;
      const input = path.join(dir, `case-${i}.xlsx`);
      const out = path.join(dir, `case-${i}-annotated.xlsx`);
      writeFileSync(input, bytes);
      const started = Date.now();
      try {
        const res = await run([input, '--format', 'json', '--out', out]);
        expectWellBehaved(label, res);
        outcomes[res.code]++;
        if (res.code !== 2) {
          // The copy re-checks to the same findings on the same sheets. The whole copy is checked and
          // its tables on those sheets compared: `--sheet` would pick one of two sheets a mutation gave
          // the same name (seed 777 case 5), and the copy's own 指标明细 sheet is left out by name.
          const sheets = new Set((tables(res.stdout) as { sheet: string }[]).map((t) => t.sheet));
          const again = await run([out, '--format', 'json']);
          expectWellBehaved(`${label} re-check`, again);
          const same = (tables(again.stdout) as { sheet: string }[]).filter((t) => sheets.has(t.sheet));
          expect([label, same]).toEqual([label, tables(res.stdout)]);
        }
        expect([label, Date.now() - started < CASE_MS]).toEqual([label, true]);
        expect([label, process.memoryUsage().rss - rssAtStart < RSS_GROWTH_LIMIT]).toEqual([label, true]);
      } catch (e) {
        const keep = path.join(ROOT, 'test-output', 'fuzz');
        mkdirSync(keep, { recursive: true });
        writeFileSync(path.join(keep, `seed-${SEED}-case-${i}.xlsx`), bytes);
        throw e;
      }
    }
    // The mix is not degenerate: some cases still check, some are refused.
    if (ITERATIONS >= 20) {
      expect(outcomes[2]).toBeGreaterThan(0);
      expect(outcomes[0] + outcomes[1]).toBeGreaterThan(0);
    }
  },
  10 * 60_000,
);
