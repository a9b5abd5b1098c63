/**
 * A1 (unit) amount-unit-converted: an amount written in the other unit (`120000元` in a 万元 table,
 * `12万` in a 元 table) is converted to the table's unit for the sums, and reported where it stands.
 */
import { checkSheet } from '../../../src/core/check';
import { type CellValue, gridFromValues } from '../../../src/core/grid';
import type { Finding } from '../../../src/core/report';
import { readTableAmount } from '../../../src/core/table/amount-text';
import { FAMILIES } from '../../fixtures/forms/families';
import { VALID_INDICATORS, GOAL, HEADER, UNIT, byRule, findings, keys, report, tableGrid } from './helpers';
import { VALID_ROWS, form, formFindings } from './form-helpers';

const RULE = 'amount-unit-converted';

/** A list table in 元 (a `单位：元` line above the header): rows 1 unit line, 2 header, 3 合计, 4 unit, 5 project. */
function yuanList(total: CellValue, fiscal: CellValue, sums: CellValue = '120000.00'): Finding[] {
  const rows: CellValue[][] = [
    ['单位：元', null, null, null, null, null, null],
    HEADER,
    ['合计', sums, sums, null, null, null, null],
    [UNIT, sums, sums, null, null, null, null],
    ['口岸车检场维修维护', total, fiscal, null, null, GOAL, VALID_INDICATORS],
  ];
  return checkSheet(gridFromValues('Sheet1', rows)).tables.flatMap((t) => t.findings);
}

describe('amount-unit-converted', () => {
  it('reads `120000元` in a 万元 list table as 12.00 万元 for the sums, and says so at the cell', () => {
    const grid = tableGrid({
      projects: [{ name: '机构运行辅助经费', amounts: ['120000元', '12.00', null, null] }],
      total: ['12.00', '12.00', null, null],
      unit: ['12.00', '12.00', null, null],
    });
    const [f, ...rest] = byRule(grid, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      cell: 'B4',
      project: '机构运行辅助经费',
      actual: '120000元',
      expected: '12.0000',
      messageId: 'converted',
      data: { role: 'total', text: '120000元', from: '元', unit: '万元', exact: '12.0000' },
    });
    expect(f.message).toContain('已按万元折算为 12.0000');
    // Read as 120,000 万元 it broke the row sum and both column sums: converted, nothing else is wrong.
    expect(keys(findings(grid))).toEqual(['amount-unit-converted@B4#-:warning']);
  });

  it('keeps every digit in the message and rounds the amount to the cent of a 万元 within tolerance', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['1,234,567.89元', '123.46', null, null] }],
      total: ['123.46', '123.46', null, null],
      unit: ['123.46', '123.46', null, null],
    });
    const [f] = byRule(grid, RULE);
    expect(f.expected).toBe('123.456789');
    expect(keys(findings(grid))).toEqual(['amount-unit-converted@B4#-:warning']);
  });

  it('reads `12万` and `12万元` in a 元 list table as 120,000.00 元', () => {
    const fs = yuanList('12万', '12万元');
    expect(fs.map((f) => `${f.rule}@${f.cell}`)).toEqual([`${RULE}@B5`, `${RULE}@C5`]);
    expect(fs[0].expected).toBe('120,000.00');
    expect(fs[0].message).toBe(
      '“口岸车检场维修维护”的总计写作“12万”，单位是万元，而本表金额单位为元：已按元折算为 120,000.00 参与合计校验。请改写为元金额，或核对单位。',
    );
    // Full-width digits as a clerk's IME types them.
    expect(yuanList('１２万元', '120000').map((f) => `${f.rule}@${f.cell}:${f.expected}`)).toEqual([
      `${RULE}@B5:120,000.00`,
    ]);
    // A converted figure that does not add up is still a sum error, on the converted value.
    const wrong = yuanList('13万', '120000');
    expect(wrong.map((f) => f.rule).sort()).toEqual(['amount-column-sum', 'amount-row-sum', RULE]);
    expect(wrong.find((f) => f.rule === 'amount-row-sum')?.message).toContain('130,000.00');
  });

  it('converts a bracketed or full-width negative with a unit, not reading it in the table’s unit', () => {
    for (const text of ['(120000)元', '（120000）元', '－120000元', '-120000 元']) {
      const grid = tableGrid({
        projects: [{ name: '机构运行辅助经费', amounts: [text, '-12.00', null, null] }],
        total: ['-12.00', '-12.00', null, null],
        unit: ['-12.00', '-12.00', null, null],
      });
      const fs = findings(grid);
      const converted = fs.find((f) => f.rule === RULE);
      expect(converted).toMatchObject({ cell: 'B4', data: { text, from: '元', unit: '万元', exact: '-12.0000' } });
      // Read as -120,000 万元 it broke both sums; converted, it adds up.
      expect(fs.filter((f) => /sum/.test(f.rule))).toEqual([]);
      expect(fs.map((f) => f.message).join('\n')).not.toContain('120,000.00');
      // Forms and flat lists read leniently: the same conversion.
      expect(readTableAmount({ value: text }, '万元', 'lenient')).toMatchObject({ ok: true, amount: { cents: -1200 } });
    }
  });

  it('keeps the unit after a trailing point (`12.元`, `5.万`) in lenient reads', () => {
    expect(readTableAmount({ value: '12.元' }, '万元', 'lenient')).toMatchObject({
      ok: true,
      amount: { cents: 0 },
      converted: { from: '元', exact: '0.0012' },
    });
    expect(readTableAmount({ value: '5.万(备注)' }, '元', 'lenient')).toMatchObject({
      ok: true,
      amount: { cents: 5_000_000 },
      converted: { from: '万元', exact: '50,000.00' },
    });
  });

  it('gives a converted read two decimals: `12万` is exactly 120,000.00 元', () => {
    for (const [text, cents] of [
      ['12万', 12_000_000],
      ['1.23456万', 1_234_560],
      ['12万元(含结转)', 12_000_000],
    ] as const) {
      for (const mode of ['strict', 'lenient'] as const) {
        if (mode === 'strict' && text.includes('(')) continue;
        expect(readTableAmount({ value: text }, '元', mode)).toMatchObject({
          ok: true,
          amount: { cents, decimals: 2 },
        });
      }
    }
  });

  it('passes figures in the table’s own unit, and still refuses text that is no amount', () => {
    const same = tableGrid({
      projects: [{ amounts: ['12万元', '12万', null, null] }],
      total: ['12.00', '12.00', null, null],
      unit: ['12.00', '12.00', null, null],
    });
    expect(findings(same)).toEqual([]);
    expect(yuanList('120000元', '120000')).toEqual([]);
    const junk = tableGrid({
      projects: [{ amounts: ['12abc元', '12.00', null, null] }],
      total: ['12.00', '12.00', null, null],
      unit: ['12.00', '12.00', null, null],
    });
    expect(keys(byRule(junk, 'amount-not-number'))).toEqual(['amount-not-number@B4#-:error']);
    expect(byRule(junk, RULE)).toEqual([]);
  });

  it('converts a form’s labelled amount written in 元 on a 万元 form, naming its label', () => {
    const rows = form(VALID_ROWS, {
      amounts: ['年度资金总额', '500', '其中:财政拨款', '4500000元', '其他资金', '50'],
    });
    rows.splice(2, 1, ['单位：万元', null, null, null, null, null]);
    const fs = formFindings(rows);
    expect(fs.map((f) => `${f.rule}@${f.cell}`)).toEqual([`${RULE}@D2`]);
    expect(fs[0]).toMatchObject({ expected: '450.0000', data: { label: '财政拨款', role: null, from: '元' } });
    expect(fs[0].message).toContain('的财政拨款写作“4500000元”');
    expect(formFindings(form(VALID_ROWS), RULE)).toEqual([]);
  });

  it('takes a list’s unit from its cells when no line or title states it, and only when all agree', () => {
    const yuan = ['120000元', '120000元', null, null] as const;
    const unstated = tableGrid({ projects: [{ amounts: [...yuan] }], total: [...yuan], unit: [...yuan] });
    // Every amount names 元 and nothing states 万元: the table is in 元, nothing is converted.
    expect(report(unstated).unit).toBe('元');
    expect(findings(unstated)).toEqual([]);
    // The same cells under `单位：万元` are converted, each reported.
    const stated = gridFromValues('Sheet1', [
      ['单位：万元', null, null, null, null, null, null],
      ...unstated.cells.map((r) => r.map((c) => c?.value ?? null)),
    ]);
    const fs = checkSheet(stated).tables.flatMap((t) => t.findings);
    expect(fs.map((f) => `${f.rule}@${f.cell}`)).toEqual(
      ['B3', 'C3', 'B4', 'C4', 'B5', 'C5'].map((c) => `${RULE}@${c}`),
    );
    // One bare figure among them: 万元 stays (the default), and the 元 cells are converted.
    const mixed = tableGrid({
      projects: [{ amounts: ['120000元', '12.00', null, null] }],
      total: [...yuan],
      unit: [...yuan],
    });
    expect(report(mixed).unit).toBe('万元');
    expect(byRule(mixed, RULE).map((f) => f.cell)).toEqual(['B2', 'C2', 'B3', 'C3', 'B4']);
  });

  it('takes a form’s unit from its cells only when no amount is a bare number', () => {
    // No unit line: `50` is in 万元 (the default), so `500000元` is converted, not the form read in 元.
    const mixed = formFindings(
      form(VALID_ROWS, { amounts: ['年度资金总额', '50', '其中:财政拨款', '500000元', '其他资金', null] }),
    );
    expect(mixed.map((f) => `${f.rule}@${f.cell}:${f.expected}`)).toEqual([`${RULE}@D2:50.0000`]);
    expect(mixed[0].message).toContain('本表金额单位为万元');
    // Every amount names 元: the form is in 元 and nothing is converted.
    const yuan = formFindings(
      form(VALID_ROWS, { amounts: ['年度资金总额', '500000元', '其中:财政拨款', '450000元', '其他资金', '50000元'] }),
    );
    expect(yuan).toEqual([]);
    const wrongYuan = formFindings(
      form(VALID_ROWS, { amounts: ['年度资金总额', '500000元', '其中:财政拨款', '450000元', '其他资金', '60000元'] }),
    );
    expect(wrongYuan.map((f) => f.rule)).toEqual(['form-amount-sum']);
    expect(wrongYuan[0].message).toContain('相差 10,000.00 元');
  });

  it('converts a flat list’s (list-rows) 预算数 written in 万 in a 元 table', () => {
    const l2 = FAMILIES.find((f) => f.id === 'L2');
    if (!l2) throw new Error('the L2 family fixture is missing');
    const rows = l2.rows.map((r) => r.slice());
    expect(rows[4][2]).toBe('3,309,840.00');
    rows[4][2] = '330.984万';
    const fs = checkSheet(gridFromValues(l2.sheet, rows)).tables.flatMap((t) => t.findings);
    // Read as 330.98 元 the department total (C4) no longer added up.
    expect(fs.map((f) => `${f.rule}@${f.cell}`)).toEqual([`${RULE}@C5`]);
    expect(fs[0].expected).toBe('3,309,840.00');
  });

  describe('a flat list (list-rows) with no unit line', () => {
    const l2 = FAMILIES.find((f) => f.id === 'L2');
    /** L2 without its `金额单位:元` line, the amounts as `f(written)`, and the 预算数 title given. */
    function unstated(f: (written: string) => CellValue, title = '预算数'): { unit: string; fs: Finding[] } {
      if (!l2) throw new Error('the L2 family fixture is missing');
      const rows = l2.rows.map((r) => r.slice());
      rows[1] = rows[1].map(() => null);
      rows[2][2] = title;
      for (const r of [3, 4, 10]) rows[r][2] = f(String(rows[r][2]));
      const sheet = checkSheet(gridFromValues(l2.sheet, rows));
      return { unit: sheet.tables[0].unit, fs: sheet.tables.flatMap((t) => t.findings) };
    }

    it('takes 元 when every amount names 元: no conversion, sums as written', () => {
      const { unit, fs } = unstated((w) => `${w}元`);
      expect(unit).toBe('元');
      expect(fs.filter((x) => x.rule === RULE || x.severity === 'error')).toEqual([]);
    });

    it('takes the unit in the total column’s title (预算数（元）) for bare figures', () => {
      const { unit, fs } = unstated((w) => w, '预算数（元）');
      expect(unit).toBe('元');
      expect(fs.filter((x) => x.severity === 'error')).toEqual([]);
    });

    it('keeps 万元 when one figure is bare, converting the ones written in 元', () => {
      const { unit, fs } = unstated((w) => (w.startsWith('8,827') ? '882.762053' : `${w}元`));
      expect(unit).toBe('万元');
      expect(fs.filter((x) => x.rule === RULE).map((x) => x.cell)).toEqual(['C5', 'C11']);
    });
  });
});
