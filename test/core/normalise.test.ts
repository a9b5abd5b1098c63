import { joinLines, normalise, originalIndex, syntaxForm } from '../../src/core/indicators/normalise';

describe('joinLines', () => {
  it('joins PDF line breaks with no separator, even mid-word', () => {
    expect(joinLines('实施周期指标\n值:≥4人').text).toBe('实施周期指标值:≥4人');
    expect(joinLines('a\r\nb\rc\u2028d').text).toBe('abcd');
    expect(joinLines('年度指标值:≥4人\n。').text).toBe('年度指标值:≥4人。');
  });

  it('drops the spaces a converter leaves around a break, and blank lines', () => {
    expect(joinLines('发放编外  \n   人员工资人数').text).toBe('发放编外人员工资人数');
    expect(joinLines('一\n\n\u3000\n二').text).toBe('一二');
  });

  it('keeps spaces that are not at a line end', () => {
    expect(joinLines('LED 显示屏').text).toBe('LED 显示屏');
    expect(joinLines('no breaks here').text).toBe('no breaks here');
  });

  it('maps every joined character back to its offset in the original', () => {
    const original = '1、1-产\n出指标；\r\n  11-数量';
    const j = joinLines(original);
    const { text } = j;
    expect(text).toBe('1、1-产出指标；11-数量');
    for (let i = 0; i < text.length; i++) expect(original[originalIndex(j, i)]).toBe(text[i]);
    expect(originalIndex(j, text.length)).toBe(original.length);
    // Offsets strictly increase (characters keep their order).
    for (let i = 1; i <= text.length; i++) expect(originalIndex(j, i)).toBeGreaterThan(originalIndex(j, i - 1));
    // `出` is right after the first break, `1` of `11` after the \r\n and the indentation.
    expect(originalIndex(j, text.indexOf('出'))).toBe(original.indexOf('出'));
    expect(originalIndex(j, text.indexOf('11'))).toBe(original.indexOf('11'));
  });

  it('is the identity on text without breaks', () => {
    const s = '1、1-产出指标；11-数量指标；';
    const j = joinLines(s);
    expect(j.text).toBe(s);
    for (let i = 0; i <= s.length; i++) expect(originalIndex(j, i)).toBe(i);
  });
});

describe('syntaxForm', () => {
  it('maps full-width syntax characters and digits to ASCII, keeping the length', () => {
    const s = '实施周期指标值：≥９０％；年度指标值：＞＝１，０００．５';
    const f = syntaxForm(s);
    expect(f).toBe('实施周期指标值:≥90%;年度指标值:>=1,000.5');
    expect(f).toHaveLength(s.length);
  });

  it('maps dash variants to -', () => {
    expect(syntaxForm('1－产出指标；11—数量指标')).toBe('1-产出指标;11-数量指标');
  });

  it('leaves names, CJK punctuation that is not syntax and ASCII untouched', () => {
    const s = '受益脱贫户、监测户户数（人）。';
    expect(syntaxForm(s)).toBe(s);
    expect(syntaxForm('abc:;%')).toBe('abc:;%');
  });
});

describe('normalise', () => {
  it('joins lines, then maps syntax', () => {
    expect(normalise('实施周期指\n标值：≥\n９０％；')).toBe('实施周期指标值:≥90%;');
  });
});
