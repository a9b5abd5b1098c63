import { parseTargetValue, unitFromName, type TargetValue } from '../../src/core/indicators/value';

/** The report-visible fields plus the shape. */
function brief(v: TargetValue) {
  return { shape: v.shape, comparator: v.comparator, value: v.value, unit: v.unit, text: v.text };
}

describe('parseTargetValue: [comparator] number [unit]', () => {
  it.each([
    ['≥4人', '≥', 4, '人'],
    ['100%', '=', 100, '%'],
    ['1个/年', '=', 1, '个/年'],
    ['12个月', '=', 12, '个月'],
    ['0次', '=', 0, '次'],
    ['1项', '=', 1, '项'],
    ['≥500万元', '≥', 500, '万元'],
    ['≤10万元', '≤', 10, '万元'],
    ['<5次', '<', 5, '次'],
    ['>90%', '>', 90, '%'],
    ['500元/人·月', '=', 500, '元/人·月'],
    ['≤500元/人·月', '≤', 500, '元/人·月'],
    ['1,000元', '=', 1000, '元'],
    ['95.5%', '=', 95.5, '%'],
    ['９０％', '=', 90, '%'],
  ])('%j → %s %d %s', (raw, comparator, value, unit) => {
    const v = parseTargetValue(raw);
    expect(brief(v)).toEqual({ shape: 'quantity', comparator, value, unit, text: null });
    expect(v.raw).toBe(raw);
    expect(v.comparatorWritten).toBeNull();
    expect(v.canonical).toBeNull();
  });

  it('keeps raw as written (trimmed)', () => {
    expect(parseTargetValue('  ≥4人 ').raw).toBe('≥4人');
  });
});

describe('parseTargetValue: non-canonical comparators are read and rewritten canonically', () => {
  it.each([
    ['>=90%', '≥', 90, '%', '>=', '≥90%'],
    ['＞＝90％', '≥', 90, '%', '＞＝', '≥90%'],
    ['不低于90%', '≥', 90, '%', '不低于', '≥90%'],
    ['不少于12次', '≥', 12, '次', '不少于', '≥12次'],
    ['至少1项', '≥', 1, '项', '至少', '≥1项'],
    ['95%以上', '≥', 95, '%', '以上', '≥95%'],
    ['≧90%', '≥', 90, '%', '≧', '≥90%'],
    ['⩾90%', '≥', 90, '%', '⩾', '≥90%'],
    ['<=5次', '≤', 5, '次', '<=', '≤5次'],
    ['不超过5次', '≤', 5, '次', '不超过', '≤5次'],
    ['不高于3%', '≤', 3, '%', '不高于', '≤3%'],
    ['至多3次', '≤', 3, '次', '至多', '≤3次'],
    ['≦3%', '≤', 3, '%', '≦', '≤3%'],
    ['5%以下', '≤', 5, '%', '以下', '≤5%'],
  ])('%j → %s %d %s (written %j, canonical %j)', (raw, comparator, value, unit, written, canonical) => {
    const v = parseTargetValue(raw);
    expect(brief(v)).toEqual({ shape: 'quantity', comparator, value, unit, text: null });
    expect(v.comparatorWritten).toBe(written);
    expect(v.canonical).toBe(canonical);
  });

  it('does not read 不低于 as 低于 (<)', () => {
    expect(parseTargetValue('不低于90%').comparator).toBe('≥');
    expect(parseTargetValue('低于5%').comparator).toBe('<');
  });

  it('keeps a self-contradicting value (≥90%以下) as text', () => {
    expect(parseTargetValue('≥90%以下')).toMatchObject({
      shape: 'qualitative',
      comparator: null,
      value: null,
      text: '≥90%以下',
    });
  });
});

describe('parseTargetValue: the unit from the name brackets', () => {
  it('takes （人） from the name when the value has no unit: ≥25', () => {
    const v = parseTargetValue('≥25', '人');
    expect(brief(v)).toEqual({ shape: 'quantity', comparator: '≥', value: 25, unit: '人', text: null });
    expect(v.unitFromName).toBe(true);
  });

  it('prefers the unit written in the value', () => {
    const v = parseTargetValue('≥25次', '人');
    expect(v.unit).toBe('次');
    expect(v.unitFromName).toBe(false);
  });

  it('leaves the unit null when neither gives one', () => {
    expect(parseTargetValue('≥25')).toMatchObject({ unit: null, unitFromName: false, value: 25 });
  });

  it('unitFromName reads the trailing brackets only', () => {
    expect(unitFromName('招商活动的参加人数（人）')).toBe('人');
    expect(unitFromName('招商活动的签约项目金额（万元）')).toBe('万元');
    expect(unitFromName('签约金额(万元)')).toBe('万元');
    expect(unitFromName('服务（含外包）人数')).toBeNull();
    expect(unitFromName('发放编外人员工资人数')).toBeNull();
  });
});

describe('parseTargetValue: qualitative, date ranges, placeholders, missing numbers', () => {
  it.each(['效果显著', '正常开展', '达到预期', '优良', '持续改善', '12月底前完成'])(
    '%j is qualitative, words in text',
    (raw) => {
      expect(brief(parseTargetValue(raw))).toEqual({
        shape: 'qualitative',
        comparator: null,
        value: null,
        unit: null,
        text: raw,
      });
    },
  );

  it('reads 2026.07-2027.01 as a date range (legitimate), not as a number', () => {
    expect(brief(parseTargetValue('2026.07-2027.01'))).toEqual({
      shape: 'date-range',
      comparator: null,
      value: null,
      unit: null,
      text: '2026.07-2027.01',
    });
    expect(parseTargetValue('2026年7月-2027年1月').shape).toBe('date-range');
    // …while a plain year-like count is still a number.
    expect(parseTargetValue('2026个').shape).toBe('quantity');
  });

  it.each([
    ['≥**个月', '≥'],
    ['XX%', null],
    ['××', null],
    ['≥…', '≥'],
    ['≥9*%', '≥'],
  ])('%j is a template placeholder', (raw, comparator) => {
    const v = parseTargetValue(raw);
    expect(v.shape).toBe('placeholder');
    expect(v.comparator).toBe(comparator);
    expect(v.value).toBeNull();
  });

  it('a real value is not a placeholder', () => {
    expect(parseTargetValue('≥12个月').shape).toBe('quantity');
    expect(parseTargetValue('100%').shape).toBe('quantity');
  });

  it.each([
    ['≥', null],
    ['≥%', '%'],
    ['不低于', null],
    ['≤个月', '个月'],
  ])('%j is a comparator with no number', (raw, unit) => {
    const v = parseTargetValue(raw);
    expect(v.shape).toBe('no-number');
    expect(v.value).toBeNull();
    expect(v.unit).toBe(unit);
    expect(v.comparator).not.toBeNull();
  });

  it('an empty value is empty', () => {
    expect(parseTargetValue('').shape).toBe('empty');
    expect(parseTargetValue('   ').shape).toBe('empty');
  });
});

describe('parseTargetValue: one shared, frozen value per written form', () => {
  test('the same text and name unit give the same object; another name unit another one', () => {
    const a = parseTargetValue('≥95%');
    expect(parseTargetValue('≥95%')).toBe(a);
    const withUnit = parseTargetValue('≥4', '人');
    expect(withUnit).not.toBe(parseTargetValue('≥4'));
    expect(withUnit.unit).toBe('人');
    expect(parseTargetValue('≥4').unit).toBeNull();
  });

  test('short and long values are frozen alike (a write fails on both)', () => {
    const long = `≥${'9'.repeat(60)}个`;
    for (const v of [parseTargetValue('100%'), parseTargetValue(long)]) {
      expect(Object.isFrozen(v)).toBe(true);
      expect(() => {
        (v as TargetValue).raw = 'x';
      }).toThrow(TypeError);
    }
  });

  test('a key cannot be forged from the text: a unit-like tail is not a name unit', () => {
    expect(parseTargetValue('1:人≥4').raw).toBe('1:人≥4');
    expect(parseTargetValue('≥4', '人').raw).toBe('≥4');
  });
});
