/** V4 value-comparator-form: `>=`, `不低于`, `95%以上` → `≥90%` / `≥95%`, with a one-click fix. */
import {
  VALID_INDICATORS,
  applyFix,
  byRule,
  expectOne,
  findings,
  item,
  oneProject,
  tableGrid,
  withItem4,
} from './helpers';
import { checkSheet } from '../../../src/core/check';
import { type CellValue, gridFromValues } from '../../../src/core/grid';
import { VALID_ROWS, form } from './form-helpers';

describe('value-comparator-form', () => {
  it.each([
    ['>=90%', '≥90%'],
    ['不低于90%', '≥90%'],
    ['95%以上', '≥95%'],
    ['不超过500元', '≤500元'],
  ])('reports %s and offers %s as the fix; applying it removes the finding', (written, canonical) => {
    const text = withItem4('1-产出指标', '12-质量指标', '项目验收合格率', written);
    const grid = oneProject(text);
    const f = expectOne(grid, {
      rule: 'value-comparator-form',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'comparator',
      data: {
        ordinal: 4,
        name: '项目验收合格率',
        values: [
          { which: 'period', raw: written },
          { which: 'annual', raw: written },
        ],
        want: [canonical],
      },
    });
    expect(f.expected).toBe(`${canonical} / ${canonical}`);
    expect(f.fix).toEqual({
      cell: 'G4',
      before: text,
      text: withItem4('1-产出指标', '12-质量指标', '项目验收合格率', canonical),
    });
    const fixed = applyFix(grid, f.fix!);
    expect(byRule(fixed, 'value-comparator-form')).toEqual([]);
    expect(findings(fixed)).toEqual([]);
  });

  it('fixes two different values of one item in one go', () => {
    const grid = oneProject(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '不低于90%', '95%以上'));
    const f = expectOne(grid, {
      rule: 'value-comparator-form',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'comparator',
      data: {
        values: [
          { which: 'period', raw: '不低于90%' },
          { which: 'annual', raw: '95%以上' },
        ],
        want: ['≥90%', '≥95%'],
      },
    });
    expect(f.fix!.text).toBe(withItem4('1-产出指标', '12-质量指标', '项目验收合格率', '≥90%', '≥95%'));
    expect(findings(applyFix(grid, f.fix!))).toEqual([]);
  });

  it('keeps the rest of a multi-line cell as written', () => {
    const text = `${VALID_INDICATORS}\n4、1-产出指标；12-质量指标；项目验收合格率；实施周期指标值:>=\n90%；年度指标值:>=90%。`;
    const f = expectOne(oneProject(text), {
      rule: 'value-comparator-form',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
    });
    expect(f.fix!.text).toBe(
      `${VALID_INDICATORS}\n4、1-产出指标；12-质量指标；项目验收合格率；实施周期指标值:≥90%；年度指标值:≥90%。`,
    );
  });

  it('offers no fix when the value sits in a page-break continuation row', () => {
    const it4 = item(4, '1-产出指标', '12-质量指标', '项目验收合格率', '>=90%');
    const grid = tableGrid({
      projects: [{ name: '口岸车检场配套设施维修维护', indicators: VALID_INDICATORS, continuation: [it4] }],
    });
    const f = expectOne(grid, { rule: 'value-comparator-form', severity: 'warning', cell: 'G4', indicator: 4 });
    expect(f.fix).toBeUndefined();
    // Half in the own cell, half in the continuation row: still no (partial) fix.
    const cut = it4.indexOf('年度');
    const split = tableGrid({
      projects: [{ indicators: VALID_INDICATORS + it4.slice(0, cut), continuation: [it4.slice(cut)] }],
    });
    expect(
      expectOne(split, { rule: 'value-comparator-form', severity: 'warning', cell: 'G4', indicator: 4 }).fix,
    ).toBeUndefined();
  });

  it('accepts ≥ ≤ and plain values', () => {
    expect(byRule(oneProject(VALID_INDICATORS), 'value-comparator-form')).toEqual([]);
  });

  describe('a comparator in a column of its own (`指标性质 | 指标值 | 度量单位`)', () => {
    /** The valid rows with an empty comparator and unit column, then the row under test (row 8). */
    function split(row: CellValue[]) {
      const rows = form([...VALID_ROWS.map((r) => [...r.slice(0, 3), null, r[3], null]), row], {
        header: ['度量单位'],
      });
      rows[3] = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'];
      return gridFromValues('Sheet1', rows);
    }
    const comparatorFindings = (g: ReturnType<typeof split>) =>
      checkSheet(g).tables.flatMap((t) => t.findings.filter((f) => f.rule === 'value-comparator-form'));

    it.each([
      ['≧', '≥'],
      ['>=', '≥'],
      ['<=', '≤'],
      ['═', '='],
      ['不低于', '≥'],
    ])('`%s` in the comparator cell: the fix writes `%s` into that cell only', (written, sign) => {
      const grid = split(['产出指标', '质量指标', '验收合格率', written, '95', '%']);
      const [f, ...rest] = comparatorFindings(grid);
      expect(rest).toEqual([]);
      expect(f.cell).toBe('E8');
      expect(f.fix).toEqual({ cell: 'D8', before: written, text: sign });
      const fixed = applyFix(grid, f.fix!);
      // The value and unit cells are untouched, and the finding is gone.
      expect(fixed.cells.map((r) => r.map((c) => c?.value ?? null))).toEqual(
        grid.cells.map((r, i) => r.map((c, j) => (i === 7 && j === 3 ? sign : (c?.value ?? null)))),
      );
      expect(comparatorFindings(fixed)).toEqual([]);
      expect(checkSheet(fixed).tables[0].indicators[3].annual?.comparator).toBe(sign);
    });

    it('fixes the value cell when the comparator and unit cells are empty', () => {
      const [f] = comparatorFindings(split(['产出指标', '质量指标', '验收合格率', null, '95%以上', null]));
      expect(f.cell).toBe('E8');
      expect(f.fix).toEqual({ cell: 'E8', before: '95%以上', text: '≥95%' });
    });

    it.each([
      ['≥', '95%以上'],
      ['>=', '95%以上'],
    ])('offers no fix for `%s | %s` (the odd word is in the value cell)', (cmp, value) => {
      const fs = comparatorFindings(split(['产出指标', '质量指标', '验收合格率', cmp, value, null]));
      expect(fs.map((f) => [f.cell, f.fix])).toEqual([['E8', undefined]]);
    });

    it('accepts a canonical sign in the comparator cell', () => {
      expect(comparatorFindings(split(['产出指标', '质量指标', '验收合格率', '≥', '95', '%']))).toEqual([]);
    });
  });
});
