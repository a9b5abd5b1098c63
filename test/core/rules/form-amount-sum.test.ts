/** A2 on forms: total = fiscal + carry-over + other; fiscal = its budget lines; a lone part ≤ total. */
import { VALID_ROWS, form, formFindings } from './form-helpers';

describe('form-amount-sum', () => {
  it('reports 年度资金总额 that is not 财政拨款 + 上年结转 + 其他资金, at the total', () => {
    const rows = form(VALID_ROWS, { amounts: ['年度资金总额:', '520', '其中:财政拨款', '450', '上年结转', '20'] });
    rows.splice(2, 1, ['其他资金', '40', null, null, null, null]);
    const [f, ...rest] = formFindings(rows, 'form-amount-sum');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'error',
      cell: 'B2',
      expected: '510.00',
      actual: '520.00',
      related: ['D2', 'F2', 'B3'],
    });
    expect(f.message).toBe(
      '项目“农民职业技能培训”的年度资金总额 520.00 不等于 财政拨款 450.00 + 上年结转 20.00 + 其他资金 40.00 = 510.00，相差 10.00 万元。',
    );
  });

  it('reports a 其中 part above a total that has no other part', () => {
    const [f] = formFindings(
      form(VALID_ROWS, { amounts: ['年度资金总额', '6.30', '其中:财政拨款', '7.30', null, null] }),
      'form-amount-sum',
    );
    expect(f).toMatchObject({ severity: 'error', cell: 'D2', actual: '7.30', expected: '≤ 6.30' });
    expect(f.message).toContain('财政拨款 7.30 万元大于年度资金总额 6.30 万元');
  });

  it('accepts forms that add up, a lone part below its total, and 4-decimal figures within rounding', () => {
    expect(formFindings(form(VALID_ROWS), 'form-amount-sum')).toEqual([]);
    expect(
      formFindings(
        form(VALID_ROWS, { amounts: ['年度资金总额', '16', '其中:上级资金', '10', null, null] }),
        'form-amount-sum',
      ),
    ).toEqual([]);
    const rounding = formFindings(
      form(VALID_ROWS, { amounts: ['总额', '10606.7522', '财政拨款', '6923.3552', '其他', '3683.3970'] }),
      'form-amount-sum',
    );
    expect(rounding.map((f) => f.severity)).toEqual(['info']);
  });
});
