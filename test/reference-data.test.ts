/**
 * Proves the hand transcription in test/fixtures/reference.ts against the published table's text
 * (test/fixtures/huadu-port-center-targets.txt). Each check is a function returning its problems, so
 * the last block can show that every check fails on a corrupted copy.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  REFERENCE,
  REFERENCE_INDICATOR_COUNT,
  REFERENCE_PROJECT_COUNT,
  REFERENCE_TXT_SEGMENTS,
  indicatorText,
  type ExpectedIndicator,
  type ReferenceTable,
} from './fixtures/reference';
import type { AmountStrings } from '../src/core/report';

const TXT_PATH = path.resolve(__dirname, '..', ...REFERENCE_TXT_SEGMENTS);

/** The txt file's non-blank lines (blank lines in the PDF copy are not content). */
function fileLines(): string[] {
  return fs
    .readFileSync(TXT_PATH, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

const AMOUNT_RE = /^\d+\.\d{2}$/;

function cents(a: string): number {
  if (!AMOUNT_RE.test(a)) throw new Error(`not a two-decimal amount: ${a}`);
  const [i, f] = a.split('.');
  return Number(i) * 100 + Number(f);
}

/** "1648.49" → "1,648.49", as the PDF prints it. */
function display(a: string): string {
  const [i, f] = a.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/** The amounts the PDF prints on a row: blank special-account / other cells are not printed. */
function printedAmounts(a: AmountStrings): string {
  return [a.total, a.fiscal, a.specialAccount, a.other]
    .filter((x, i) => i < 2 || cents(x) !== 0)
    .map(display)
    .join(' ');
}

/** The whole txt file (non-blank lines) as the transcription says it must read. */
function transcribedLines(t: ReferenceTable): string[] {
  const out = [t.title, t.unitLine, ...t.headerLines];
  out.push(`合计 ${printedAmounts(t.totalAmounts)}`);
  out.push(`${t.unitName} ${printedAmounts(t.unitAmounts)}`);
  for (const p of t.projects) {
    if (p.nameLines.length === 1) {
      out.push(`    ${p.nameLines[0]} ${printedAmounts(p.amounts)}`);
    } else {
      out.push(`    ${p.nameLines[0]}`, ...p.nameLines.slice(1), printedAmounts(p.amounts));
    }
    out.push(...p.goalLines, ...p.indicatorLines);
  }
  return out;
}

/** Lines that cannot be found in `file` in the given order (each exactly, a line at a time). */
function missingInOrder(lines: readonly string[], file: readonly string[]): string[] {
  const missing: string[] = [];
  let cursor = 0;
  for (const line of lines) {
    const at = file.indexOf(line, cursor);
    if (at < 0) missing.push(line);
    else cursor = at + 1;
  }
  return missing;
}

/** Every goal and indicator line of every project, in file order. */
function contentLines(t: ReferenceTable): string[] {
  return t.projects.flatMap((p) => [...p.goalLines, ...p.indicatorLines]);
}

function countProblems(t: ReferenceTable): string[] {
  const problems: string[] = [];
  if (t.projects.length !== REFERENCE_PROJECT_COUNT) problems.push(`projects: ${t.projects.length}`);
  const n = t.projects.reduce((s, p) => s + p.expected.length, 0);
  if (n !== REFERENCE_INDICATOR_COUNT) problems.push(`indicators: ${n}`);
  for (const p of t.projects) {
    p.expected.forEach((e, i) => {
      if (e.ordinal !== i + 1) problems.push(`${p.name}: ordinal ${e.ordinal} at position ${i + 1}`);
    });
    // The last item's ordinal is the highest "n、<level code>-" in the text.
    const ordinals = [...indicatorText(p).matchAll(/(\d+)、\d-/g)].map((m) => Number(m[1]));
    if (ordinals.length !== p.expected.length) {
      problems.push(`${p.name}: ${ordinals.length} items in the text, ${p.expected.length} expected`);
    }
  }
  return problems;
}

function amountProblems(t: ReferenceTable): string[] {
  const problems: string[] = [];
  const rows: [string, AmountStrings][] = [
    ['合计', t.totalAmounts],
    [t.unitName, t.unitAmounts],
    ...t.projects.map((p): [string, AmountStrings] => [p.name, p.amounts]),
  ];
  for (const [name, a] of rows) {
    for (const v of Object.values(a)) if (!AMOUNT_RE.test(v)) problems.push(`${name}: amount ${v}`);
    if (problems.length) continue;
    if (cents(a.total) !== cents(a.fiscal) + cents(a.specialAccount) + cents(a.other)) {
      problems.push(`${name}: 总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金`);
    }
  }
  if (problems.length) return problems;
  for (const role of ['total', 'fiscal', 'specialAccount', 'other'] as const) {
    const sum = t.projects.reduce((s, p) => s + cents(p.amounts[role]), 0);
    if (sum !== cents(t.unitAmounts[role])) problems.push(`unit ${role}: ${t.unitAmounts[role]} ≠ Σ ${sum / 100}`);
    if (cents(t.totalAmounts[role]) !== cents(t.unitAmounts[role])) problems.push(`合计 ${role} ≠ unit`);
  }
  return problems;
}

/** One item written back out from its fields, in the grammar of docs/domain.md §2. */
function renderItem(e: ExpectedIndicator): string {
  return (
    `${e.ordinal}、${e.level1.code}-${e.level1.name}；${e.level2.code}-${e.level2.name}；${e.name}；` +
    `实施周期指标值:${e.period.raw}；年度指标值:${e.annual.raw}。`
  );
}

/** Each expected indicator's name and raw values occur in the project's joined text, and the items
 *  written back out from their fields give the joined text exactly. */
function textProblems(t: ReferenceTable): string[] {
  const problems: string[] = [];
  for (const p of t.projects) {
    const text = indicatorText(p);
    for (const e of p.expected) {
      for (const s of [
        e.name,
        e.period.raw,
        e.annual.raw,
        `${e.level1.code}-${e.level1.name}`,
        `${e.level2.code}-${e.level2.name}`,
      ]) {
        if (!text.includes(s)) problems.push(`${p.name} #${e.ordinal}: "${s}" not in the text`);
      }
      if (!text.includes(renderItem(e))) problems.push(`${p.name} #${e.ordinal}: item not in the text`);
    }
    if (p.expected.map(renderItem).join('') !== text) problems.push(`${p.name}: items do not give the whole text`);
    if (p.nameLines.join('') !== p.name) problems.push(`${p.name}: nameLines do not join to the name`);
  }
  return problems;
}

/** The structured fields of each value agree with its raw text and the report-format rules. */
function valueProblems(t: ReferenceTable): string[] {
  const problems: string[] = [];
  for (const p of t.projects) {
    for (const e of p.expected) {
      if (e.level2.code[0] !== e.level1.code) problems.push(`${p.name} #${e.ordinal}: 二级 not under 一级`);
      if (e.name.includes('\n') || e.name.trim() !== e.name) problems.push(`${p.name} #${e.ordinal}: name`);
      for (const [which, v] of [
        ['period', e.period],
        ['annual', e.annual],
      ] as const) {
        const where = `${p.name} #${e.ordinal} ${which}`;
        if (v.comparator === null) {
          if (v.value !== null || v.unit !== null || v.text !== v.raw) problems.push(`${where}: qualitative fields`);
          if (/\d/.test(v.raw)) problems.push(`${where}: qualitative value with a number`);
          continue;
        }
        if (v.text !== null || v.value === null || v.unit === null) {
          problems.push(`${where}: quantitative fields`);
          continue;
        }
        if (!['≥', '≤', '>', '<', '='].includes(v.comparator)) problems.push(`${where}: comparator`);
        const written = v.comparator === '=' ? '' : v.comparator;
        const withUnit = `${written}${v.value}${v.unit}`;
        const bracketUnit = e.name.endsWith(`（${v.unit}）`);
        if (v.raw !== withUnit && !(bracketUnit && v.raw === `${written}${v.value}`)) {
          problems.push(`${where}: raw "${v.raw}" ≠ fields ${v.comparator} ${v.value} ${v.unit}`);
        }
      }
    }
  }
  return problems;
}

describe('reference transcription (test/fixtures/reference.ts) against the txt file', () => {
  const file = fileLines();

  it('reads the txt file beside the repository', () => {
    expect(fs.existsSync(TXT_PATH)).toBe(true);
    expect(file.length).toBeGreaterThan(100);
  });

  it('every goal and indicator line appears in the file, in order', () => {
    expect(missingInOrder(contentLines(REFERENCE), file)).toEqual([]);
  });

  it('the transcription reproduces every non-blank line of the file, nothing more or less', () => {
    expect(transcribedLines(REFERENCE)).toEqual(file);
  });

  it('has the quirky lines the PDF copy has', () => {
    const [p1, , , , p5, , , p8] = REFERENCE.projects;
    expect(p1.indicatorLines[p1.indicatorLines.length - 1]).toBe('。');
    expect(p5.nameLines).toEqual(['口岸车检场配套设施维修维', '护']);
    expect(p5.indicatorLines[p5.indicatorLines.length - 3].endsWith('6')).toBe(true);
    expect(p5.indicatorLines[p5.indicatorLines.length - 2].startsWith('、4-成本指标；')).toBe(true);
    expect(p8.indicatorLines.some((l) => l.startsWith('。3、2-效益指标'))).toBe(true);
  });

  it('has 9 projects and 43 indicators, numbered 1..n per project', () => {
    expect(countProblems(REFERENCE)).toEqual([]);
    expect(REFERENCE.projects).toHaveLength(9);
    expect(REFERENCE.projects.reduce((s, p) => s + p.expected.length, 0)).toBe(43);
  });

  it('amounts add up: each row, unit = Σ projects, 合计 = unit', () => {
    expect(amountProblems(REFERENCE)).toEqual([]);
    expect(REFERENCE.totalAmounts.total).toBe('1648.49');
  });

  it("each expected indicator's name, levels and raw values occur in its project's joined text", () => {
    expect(textProblems(REFERENCE)).toEqual([]);
  });

  it('each expected value has fields consistent with its raw text', () => {
    expect(valueProblems(REFERENCE)).toEqual([]);
  });
});

describe('the checks above fail on a corrupted transcription', () => {
  const file = fileLines();
  const copy = (): ReferenceTable => JSON.parse(JSON.stringify(REFERENCE)) as ReferenceTable;

  it('a changed character in an indicator line', () => {
    const t = copy();
    t.projects[3].indicatorLines[1] = t.projects[3].indicatorLines[1].replace('≥25', '≥26');
    expect(missingInOrder(contentLines(t), file)).toHaveLength(1);
    expect(transcribedLines(t)).not.toEqual(file);
    expect(textProblems(t).length).toBeGreaterThan(0);
  });

  it('two goal lines swapped', () => {
    const t = copy();
    const g = t.projects[1].goalLines;
    [g[0], g[1]] = [g[1], g[0]];
    expect(missingInOrder(contentLines(t), file).length).toBeGreaterThan(0);
  });

  it('a line dropped', () => {
    const t = copy();
    t.projects[0].indicatorLines.pop();
    expect(transcribedLines(t)).not.toEqual(file);
    expect(textProblems(t).length).toBeGreaterThan(0);
  });

  it('an indicator missing or misnumbered', () => {
    const t = copy();
    t.projects[4].expected.pop();
    expect(countProblems(t).length).toBeGreaterThan(0);
    const u = copy();
    u.projects[2].expected[1].ordinal = 3;
    expect(countProblems(u).length).toBeGreaterThan(0);
  });

  it('an amount off by 0.01', () => {
    const t = copy();
    t.projects[2].amounts = { ...t.projects[2].amounts, total: '175.40', fiscal: '175.40' };
    expect(amountProblems(t).length).toBeGreaterThan(0);
    const u = copy();
    u.projects[2].amounts = { ...u.projects[2].amounts, total: '175.40' };
    expect(amountProblems(u).length).toBeGreaterThan(0);
  });

  it('a wrong name, level or value field', () => {
    const t = copy();
    t.projects[0].expected[1].name = '编外人员五险一金缴纳';
    expect(textProblems(t).length).toBeGreaterThan(0);
    const u = copy();
    u.projects[1].expected[6].level2 = { code: '21', name: '社会效益' };
    expect(textProblems(u).length).toBeGreaterThan(0);
    const v = copy();
    v.projects[3].expected[0].period.unit = '个';
    expect(valueProblems(v).length).toBeGreaterThan(0);
    const w = copy();
    w.projects[0].expected[1].annual.comparator = '≥';
    expect(valueProblems(w).length).toBeGreaterThan(0);
    const x = copy();
    x.projects[0].expected[3].period.text = null;
    expect(valueProblems(x).length).toBeGreaterThan(0);
  });
});
