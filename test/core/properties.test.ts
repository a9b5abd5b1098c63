/**
 * Properties of the pure core on arbitrary input: the parsers never throw and always finish (also on
 * 100,000-character strings), line breaks inserted anywhere into a well-formed 绩效指标 cell change
 * nothing, and check() survives random small grids.
 */
import fc from 'fast-check';
import { formatCents, formatDecimals, parseAmountText, readAmount } from '../../src/core/amounts';
import { check } from '../../src/core/check';
import type { Cell, CellValue, Grid } from '../../src/core/grid';
import { joinLines, normalise, originalIndex, syntaxCode, syntaxForm } from '../../src/core/indicators/normalise';
import { parseIndicatorCell, type ParsedCell } from '../../src/core/indicators/parse';
import { parseTargetValue, unitFromName } from '../../src/core/indicators/value';
import { REFERENCE, indicatorText } from '../fixtures/reference';

const BREAK_CHARS = /[\r\n\u2028\u2029\v\f]/;
const SHAPES = ['quantity', 'qualitative', 'date-range', 'placeholder', 'no-number', 'empty'];
const COMPARATORS = ['≥', '≤', '>', '<', '=', null];

/** Pieces of the cell grammar, so random text walks the parser's paths and not only its first test. */
const FRAGMENTS = [
  '1、1-产出指标；',
  '2、2-效益指标；',
  '3、3-满意度指标；',
  '6',
  '、4-成本指标；',
  '11-数量指标；',
  '22-社会效益；',
  '31-服务对象满意度；',
  '41-经济成本指标；',
  '发放编外人员工资人数；',
  '受益脱贫户、监测户户数',
  '（人）',
  '(万元)',
  '实施周期指标值:',
  '实施周期指标\n值：',
  '年度指标值:',
  '年度指标值：',
  '≥',
  '≤',
  '>=',
  '不低于',
  '至多',
  '≧',
  '以上',
  '4人',
  '100%',
  '９０％',
  '1个/年',
  '12个月',
  '0次',
  '效果显著',
  '≥**个月',
  'XX%',
  '2026.07-2027.01',
  '500元/人·月',
  '1,648.49',
  '(1.00)',
  '#VALUE!',
  '。',
  '、',
  '；',
  ';',
  ':',
  '-',
  '\n',
  '\r\n',
  ' ',
  '\u3000',
  '底前',
  '**',
  '……',
];

const fragment = fc.constantFrom(...FRAGMENTS);
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme-ascii' }),
);
/** Grammar fragments mixed with arbitrary text. */
const soup = fc
  .array(
    fc.oneof(
      fragment,
      fragment,
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    {
      maxLength: 80,
    },
  )
  .map((parts) => parts.join(''));
const text = fc.oneof(anyString, soup);

/** A 100,000-character string: random pieces (fragments, arbitrary code points, runs of one character) repeated. */
const LONG = 100_000;
const long = fc
  .array(
    fc.oneof(
      fragment,
      fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
      fc
        .tuple(fc.constantFrom(' ', '\n', '*', '底前', '1', '、', '（', '.', 'x'), fc.integer({ min: 1, max: 5000 }))
        .map(([c, n]) => c.repeat(n)),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => {
    const unit = parts.join('') || 'x';
    return unit.repeat(Math.ceil(LONG / unit.length)).slice(0, LONG);
  });

const FAST = { numRuns: 300 };
const LONG_RUNS = { numRuns: 4 };

function assertParsedCellSane(input: string, c: ParsedCell): void {
  const n = c.joined.text.length;
  expect(BREAK_CHARS.test(c.joined.text)).toBe(false);
  expect(originalIndex(c.joined, n)).toBe(input.length);
  for (const it of c.items) {
    expect(Number.isInteger(it.ordinal)).toBe(true);
    expect(0 <= it.span.start && it.span.start <= it.span.end && it.span.end <= n).toBe(true);
    for (const v of [it.period, it.annual]) {
      if (v) {
        expect(SHAPES).toContain(v.shape);
        expect(COMPARATORS).toContain(v.comparator);
      }
    }
  }
  for (const l of c.leftovers) expect(0 <= l.start && l.start <= l.end && l.end <= n).toBe(true);
}

describe('normalise', () => {
  it('joinLines removes every break, keeps order, and maps each character back to the original', () => {
    fc.assert(
      fc.property(text, (s) => {
        const j = joinLines(s);
        expect(BREAK_CHARS.test(j.text)).toBe(false);
        let prev = -1;
        for (let i = 0; i < j.text.length; i++) {
          const o = originalIndex(j, i);
          expect(o).toBeGreaterThan(prev);
          expect(s[o]).toBe(j.text[i]);
          prev = o;
        }
        expect(originalIndex(j, j.text.length)).toBe(s.length);
        // Joining joined text changes nothing.
        expect(joinLines(j.text).text).toBe(j.text);
      }),
      FAST,
    );
  });

  it('syntaxCode maps each character as syntaxForm does (the parser scans through it)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const f = syntaxForm(s);
        for (let i = 0; i < s.length; i++) expect(syntaxCode(s.charCodeAt(i))).toBe(f.charCodeAt(i));
      }),
      FAST,
    );
    // Every code unit, not only those random text happens to hold.
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
    const f = syntaxForm(all);
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (syntaxCode(c) !== f.charCodeAt(c)) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('syntaxForm keeps the length and is idempotent; normalise = syntaxForm ∘ joinLines', () => {
    fc.assert(
      fc.property(text, (s) => {
        const f = syntaxForm(s);
        expect(f).toHaveLength(s.length);
        expect(syntaxForm(f)).toBe(f);
        expect(normalise(s)).toBe(syntaxForm(joinLines(s).text));
      }),
      FAST,
    );
  });

  it('finishes on 100,000-character strings', () => {
    fc.assert(
      fc.property(long, (s) => {
        expect(s).toHaveLength(LONG);
        const j = joinLines(s);
        expect(originalIndex(j, j.text.length)).toBe(s.length);
        expect(syntaxForm(s)).toHaveLength(s.length);
        normalise(s);
      }),
      LONG_RUNS,
    );
  });
});

describe('parseTargetValue / unitFromName', () => {
  it('never throws; raw is the trimmed input; shape and comparator are from their sets', () => {
    fc.assert(
      fc.property(text, fc.option(fc.string({ maxLength: 4 })), (s, nameUnit) => {
        const v = parseTargetValue(s, nameUnit);
        expect(v.raw).toBe(s.trim());
        expect(SHAPES).toContain(v.shape);
        expect(COMPARATORS).toContain(v.comparator);
        if (v.shape === 'quantity') {
          expect(v.comparator).not.toBeNull();
          expect(v.text).toBeNull();
        }
        if (v.value !== null) expect(Number.isFinite(v.value)).toBe(true);
        unitFromName(s);
      }),
      FAST,
    );
  });

  it('finishes on 100,000-character strings', () => {
    fc.assert(
      fc.property(long, (s) => {
        expect(SHAPES).toContain(parseTargetValue(s, '人').shape);
        unitFromName(s);
      }),
      LONG_RUNS,
    );
  });
});

describe('parseIndicatorCell', () => {
  it('never throws and returns spans inside the joined text', () => {
    fc.assert(
      fc.property(text, (s) => {
        assertParsedCellSane(s, parseIndicatorCell(s));
      }),
      FAST,
    );
  });

  it('finishes on 100,000-character strings', () => {
    fc.assert(
      fc.property(long, (s) => {
        assertParsedCellSane(s, parseIndicatorCell(s));
      }),
      LONG_RUNS,
    );
  });

  it('finishes on 100,000 characters of fc.string (grapheme and binary)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', minLength: LONG, maxLength: LONG }),
          fc.string({ unit: 'binary', minLength: LONG, maxLength: LONG }),
        ),
        (s) => {
          assertParsedCellSane(s, parseIndicatorCell(s));
          parseTargetValue(s);
          parseAmountText(s);
        },
      ),
      { numRuns: 2 },
    );
  });

  // Inputs that used to backtrack for minutes (quadratic or exponential regexes); kept as regressions.
  it.each([
    ['a run of spaces inside a name', '1、1-产出指标；11-数量指标；a' + ' '.repeat(LONG) + 'b；实施周期指标值:1'],
    ['a run of spaces inside a level name', '1、1-a' + ' '.repeat(LONG) + 'b'],
    [
      'a run of spaces after a bracket in the name',
      '1、1-产出指标；11-数量指标；a（' + ' '.repeat(LONG) + 'b；实施周期指标值:≥1；年度指标值:≥1。',
    ],
    [
      'a date followed by 底前 many times',
      '1、1-产出指标；13-时效指标；完成时间；实施周期指标值:2026.1' + '底前'.repeat(LONG / 2) + 'x；年度指标值:1。',
    ],
  ])('finishes quickly on %s', (_label, s) => {
    const t0 = Date.now();
    assertParsedCellSane(s, parseIndicatorCell(s));
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  describe('line breaks inserted anywhere into a reference cell do not change its parse', () => {
    const summary = (c: ParsedCell) => ({
      items: c.items.map((it) => ({
        ordinal: it.ordinal,
        level1: it.level1,
        level2: it.level2,
        name: it.name,
        period: it.period,
        annual: it.annual,
        problems: it.problems,
      })),
      leftovers: c.leftovers.map((l) => l.text),
    });

    const breaks = fc.array(fc.tuple(fc.nat(), fc.constantFrom('\n', '\r\n', '\r', ' \n', '\n  ', '\n\n')), {
      minLength: 1,
      maxLength: 25,
    });

    it.each(REFERENCE.projects.map((p) => [p.name, indicatorText(p)] as const))('%s', (_name, cell) => {
      const expected = summary(parseIndicatorCell(cell));
      expect(expected.items).toHaveLength(REFERENCE.projects.find((p) => indicatorText(p) === cell)!.expected.length);
      fc.assert(
        fc.property(breaks, (ins) => {
          let s = cell;
          // Insert from the highest position down so earlier positions stay valid.
          const at = ins.map(([n, b]) => [n % (cell.length + 1), b] as const).sort((a, b) => b[0] - a[0]);
          for (const [i, b] of at) s = s.slice(0, i) + b + s.slice(i);
          const got = parseIndicatorCell(s);
          expect(got.joined.text).toBe(cell);
          expect(summary(got)).toEqual(expected);
        }),
        { numRuns: 60 },
      );
    });
  });
});

describe('amounts', () => {
  const sane = (r: ReturnType<typeof parseAmountText>) => {
    if (r.ok) {
      expect(Number.isSafeInteger(r.amount.cents) || Object.is(r.amount.cents, -0)).toBe(true);
      expect(r.amount.decimals >= 0 && r.amount.decimals <= 2).toBe(true);
      expect(formatCents(r.amount.cents)).toMatch(/^-?\d+\.\d{2}$/);
    } else {
      expect(['not-number', 'error-value']).toContain(r.reason);
    }
  };

  it('parseAmountText never throws and gives exact cents or a reason', () => {
    fc.assert(
      fc.property(text, (s) => sane(parseAmountText(s))),
      FAST,
    );
  });

  it('parseAmountText reads any written two-decimal figure exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), (c, grouped) => {
        const abs = formatCents(Math.abs(c));
        const [i, f] = abs.split('.');
        const int = grouped ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : i;
        const r = parseAmountText(`${c < 0 ? '-' : ''}${int}.${f}`);
        expect(r).toEqual({ ok: true, amount: { cents: c === 0 ? 0 : c, decimals: 2, blank: false } });
      }),
      FAST,
    );
  });

  it('readAmount never throws on any cell', () => {
    const value: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      text,
      fc.constantFrom('#VALUE!', '#DIV/0!', '#N/A').map((error) => ({ error })),
    );
    fc.assert(
      fc.property(
        value,
        fc.option(fc.oneof(fc.string(), fc.constantFrom('#,##0.00', '0', 'General', '0.00_);(0.00)'))),
        (v, fmt) => {
          const cell: Cell = fmt === null ? { value: v } : { value: v, numberFormat: fmt };
          sane(readAmount(cell));
          formatDecimals(fmt ?? undefined);
        },
      ),
      FAST,
    );
  });

  it('readAmount of a number equals the number to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (c) => {
        const r = readAmount({ value: c / 100 });
        expect(r.ok && r.amount.cents).toBe(c === 0 ? 0 : c);
      }),
      FAST,
    );
  });

  it('finishes on 100,000-character strings', () => {
    fc.assert(
      fc.property(long, (s) => sane(parseAmountText(s))),
      LONG_RUNS,
    );
  });
});

describe('check(grid)', () => {
  const HEADER = [
    '项目名称（资金使用单位）',
    '总计',
    '财政拨款',
    '财政专\n户拨款',
    '其他资金',
    '绩效目标',
    '绩效指标',
    '资金来源',
  ];
  const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...HEADER, '合计', '某单位', '    项目甲', '项目乙', '注：说明', '单位：元', '。', ''),
    },
    { weight: 2, arbitrary: fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 1e6 }), fc.boolean()) },
    { weight: 2, arbitrary: soup },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.constantFrom('#VALUE!', '#REF!').map((error) => ({ error })) },
  );
  const cell: fc.Arbitrary<Cell | null | undefined> = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.record(
      {
        value: cellValue,
        text: fc.string({ maxLength: 8 }),
        indent: fc.nat(3),
        numberFormat: fc.constantFrom('#,##0.00', '0', 'General', '@'),
      },
      { requiredKeys: ['value'] },
    ),
  );
  const row = fc.array(cell, { maxLength: 9 });
  const headerRow = fc.constant(HEADER.slice(0, 7).map((value) => ({ value }) as Cell));
  const grid: fc.Arbitrary<Grid> = fc
    .tuple(
      fc.array(fc.oneof(row, row, row, headerRow), { maxLength: 10 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
    )
    .map(([cells, top, left]) => ({ sheet: 'S', top, left, cells }));

  it('never throws on random small grids, and what it reports is well-formed', () => {
    let found = 0;
    fc.assert(
      fc.property(grid, (g) => {
        const tables = check(g);
        found += tables.length;
        for (const t of tables) {
          expect(t.summary.indicators).toBe(t.indicators.length);
          expect(t.summary.projects).toBe(t.rows.filter((r) => r.kind === 'project').length);
          expect(t.summary.errors + t.summary.warnings + t.summary.infos).toBe(t.findings.length);
          for (const r of t.rows)
            if (r.amounts) for (const a of Object.values(r.amounts)) expect(a).toMatch(/^-?\d+\.\d{2}$/);
          for (const f of t.findings) {
            expect(['error', 'warning', 'info']).toContain(f.severity);
            expect(f.cell).toMatch(/^[A-Z]+\d+$/);
          }
        }
      }),
      { numRuns: 400 },
    );
    // The random grids do reach the table reader and the rules, not only the header search.
    expect(found).toBeGreaterThan(20);
  });
});
