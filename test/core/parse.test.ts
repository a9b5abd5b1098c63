import { parseIndicatorCell, type ParsedIndicator } from '../../src/core/indicators/parse';
import { judgeLevel1, judgeLevel2, nameKey } from '../../src/core/indicators/framework';

const level1NameMatches = (code: string, name: string) => judgeLevel1({ code, name }).nameOk;
const level2NameMatches = (code: string, name: string) => judgeLevel2({ code, name }).nameOk;
const level1Entry = (code: string) => judgeLevel1({ code, name: '' }).entry;
const level2Entry = (code: string) => judgeLevel2({ code, name: '' }).entry;
const level1ByName = (name: string) => judgeLevel1({ code: '?', name }).byName;
const level2ByName = (name: string) => judgeLevel2({ code: '?', name }).byName;
import { REFERENCE, indicatorText } from '../fixtures/reference';

const ITEM = (n: number, l1: string, l2: string, name: string, period: string, annual: string) =>
  `${n}、${l1}；${l2}；${name}；实施周期指标值:${period}；年度指标值:${annual}。`;

function fields(it: ParsedIndicator) {
  return {
    ordinal: it.ordinal,
    level1: it.level1,
    level2: it.level2,
    name: it.name,
    period: it.period?.raw ?? null,
    annual: it.annual?.raw ?? null,
  };
}

describe('parseIndicatorCell: one item', () => {
  it('reads every field of the grammar', () => {
    const c = parseIndicatorCell(ITEM(1, '1-产出指标', '11-数量指标', '发放编外人员工资人数', '≥4人', '≥4人'));
    expect(c.leftovers).toEqual([]);
    expect(c.items).toHaveLength(1);
    const it0 = c.items[0];
    expect(fields(it0)).toEqual({
      ordinal: 1,
      level1: { code: '1', name: '产出指标' },
      level2: { code: '11', name: '数量指标' },
      name: '发放编外人员工资人数',
      period: '≥4人',
      annual: '≥4人',
    });
    expect(it0.problems).toEqual([]);
    expect(it0.period).toMatchObject({ comparator: '≥', value: 4, unit: '人' });
  });

  it('accepts the full-width colon and ASCII ; as separators', () => {
    const c = parseIndicatorCell('1、1-产出指标;11-数量指标;巡查次数;实施周期指标值：≥12次;年度指标值：≥12次。');
    expect(fields(c.items[0])).toMatchObject({ name: '巡查次数', period: '≥12次', annual: '≥12次' });
    expect(c.items[0].problems).toEqual([]);
  });

  it('keeps level names as written (社会效益 without 指标)', () => {
    const c = parseIndicatorCell(ITEM(1, '2-效益指标', '22-社会效益', '安全事故发生次数', '0次', '0次'));
    expect(c.items[0].level2).toEqual({ code: '22', name: '社会效益' });
  });

  it('records the missing 。, missing keywords and missing levels as problems', () => {
    expect(
      parseIndicatorCell('1、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:≥12次').items[0]
        .problems,
    ).toEqual(['unterminated']);
    expect(parseIndicatorCell('1、1-产出指标；11-数量指标；巡查次数；年度指标值:≥12次。').items[0].problems).toEqual([
      'no-period-keyword',
    ]);
    const noAnnual = parseIndicatorCell('1、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次。').items[0];
    expect(noAnnual.problems).toEqual(['no-annual-keyword']);
    expect(noAnnual.annual).toBeNull();
    expect(noAnnual.period?.raw).toBe('≥12次');
    const noL2 = parseIndicatorCell('1、1-产出指标；巡查次数；实施周期指标值:≥12次；年度指标值:≥12次。').items[0];
    expect(noL2.level1).toEqual({ code: '1', name: '产出指标' });
  });

  it('an empty value is a missing value (null)', () => {
    const it0 = parseIndicatorCell('1、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:。')
      .items[0];
    expect(it0.annual).toBeNull();
    expect(it0.period?.raw).toBe('≥12次');
  });
});

describe('parseIndicatorCell: splitting items', () => {
  it('splits only at ordinal + 、 + level code; 、 inside a name stays in the name', () => {
    const cell =
      ITEM(1, '1-产出指标', '11-数量指标', '受益脱贫户、监测户户数', '≥100户', '≥100户') +
      ITEM(2, '2-效益指标', '22-社会效益', '2、3号楼修缮完成', '1个/年', '1个/年');
    const c = parseIndicatorCell(cell);
    expect(c.items.map((i) => i.name)).toEqual(['受益脱贫户、监测户户数', '2、3号楼修缮完成']);
    expect(c.items.map((i) => i.ordinal)).toEqual([1, 2]);
    expect(c.leftovers).toEqual([]);
  });

  it('a name holding `1、2-3号楼` does not start an item (a level name never starts with a digit)', () => {
    const cell =
      ITEM(1, '1-产出指标', '11-数量指标', '完成1、2-3号楼改造', '3栋', '3栋') +
      ITEM(2, '2-效益指标', '22-社会效益', '居住条件', '改善', '改善');
    const c = parseIndicatorCell(cell);
    expect(c.items.map((i) => [i.ordinal, i.name, i.problems])).toEqual([
      [1, '完成1、2-3号楼改造', []],
      [2, '居住条件', []],
    ]);
  });

  it('digits in values do not start items (1个/年, 12个月, 2026.07-2027.01)', () => {
    const cell =
      ITEM(1, '1-产出指标', '11-数量指标', '保障口岸查验单位数', '1个/年', '1个/年') +
      ITEM(2, '1-产出指标', '11-数量指标', '供水保障月数', '12个月', '12个月') +
      ITEM(3, '1-产出指标', '13-时效指标', '完成时间', '2026.07-2027.01', '2026.07-2027.01');
    const c = parseIndicatorCell(cell);
    expect(c.items.map(fields)).toEqual([
      {
        ordinal: 1,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '保障口岸查验单位数',
        period: '1个/年',
        annual: '1个/年',
      },
      {
        ordinal: 2,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '11', name: '数量指标' },
        name: '供水保障月数',
        period: '12个月',
        annual: '12个月',
      },
      {
        ordinal: 3,
        level1: { code: '1', name: '产出指标' },
        level2: { code: '13', name: '时效指标' },
        name: '完成时间',
        period: '2026.07-2027.01',
        annual: '2026.07-2027.01',
      },
    ]);
    expect(c.items[2].annual?.shape).toBe('date-range');
  });

  it('survives PDF line breaks anywhere, mid-keyword and mid-ordinal', () => {
    const c = parseIndicatorCell(
      '1、1-产出指标；11-数量指标；发放编外人员工资人数；实施周期指标\n值:≥4人；年度指标值:≥4人。2\n、1-产\r\n出指标；11-数量指标；编外人\n员五险一金缴纳率；实施周期指标值:100%；年度指标值:100%\n。',
    );
    expect(c.items.map((i) => [i.ordinal, i.name, i.period?.raw, i.annual?.raw])).toEqual([
      [1, '发放编外人员工资人数', '≥4人', '≥4人'],
      [2, '编外人员五险一金缴纳率', '100%', '100%'],
    ]);
    expect(c.items.every((i) => i.problems.length === 0)).toBe(true);
  });

  it('reads the item after a missing 。 from the digits it expects (…:123、2-…)', () => {
    const c = parseIndicatorCell(
      '1、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:12' +
        ITEM(2, '1-产出指标', '11-数量指标', '验收合格项目数', '≥5个', '≥5个'),
    );
    expect(c.items.map((i) => i.ordinal)).toEqual([1, 2]);
    expect(c.items[0].annual?.raw).toBe('12');
    expect(c.items[0].problems).toContain('unterminated');
  });

  it('keeps the text before the first item as a leftover with its position', () => {
    const c = parseIndicatorCell('见附件。' + ITEM(1, '1-产出指标', '11-数量指标', '巡查次数', '≥12次', '≥12次'));
    expect(c.leftovers).toEqual([{ start: 0, end: 4, text: '见附件。' }]);
    expect(c.items).toHaveLength(1);
  });

  it('text that is not items at all gives no item and one leftover', () => {
    const c = parseIndicatorCell('按要求完成工作');
    expect(c.items).toEqual([]);
    expect(c.leftovers).toEqual([{ start: 0, end: 7, text: '按要求完成工作' }]);
  });

  it('an empty cell gives nothing', () => {
    expect(parseIndicatorCell('')).toMatchObject({ items: [], leftovers: [] });
    expect(parseIndicatorCell('  \n ')).toMatchObject({ items: [], leftovers: [] });
  });

  it('spans index the joined text', () => {
    const cell = '1、1-产出指标；11-数量指标；巡查次数；实施周\n期指标值:≥12次；年度指标值:≥12次。';
    const c = parseIndicatorCell(cell);
    const it0 = c.items[0];
    expect(c.joined.text.slice(it0.span.start, it0.span.end)).toBe(cell.replace('\n', ''));
    expect(c.joined.text.slice(it0.periodSpan!.start, it0.periodSpan!.end)).toBe('≥12次');
    expect(c.joined.text.slice(it0.annualSpan!.start, it0.annualSpan!.end)).toBe('≥12次');
  });

  it('reads every reference cell into its expected names', () => {
    for (const p of REFERENCE.projects) {
      const c = parseIndicatorCell(p.indicatorLines.join('\n'));
      expect(`${p.name}: ${c.items.map((i) => i.name).join('|')}`).toBe(
        `${p.name}: ${p.expected.map((e) => e.name).join('|')}`,
      );
      expect(c.leftovers).toEqual([]);
      expect(parseIndicatorCell(indicatorText(p)).items.map(fields)).toEqual(c.items.map(fields));
    }
  });
});

describe('level parsing', () => {
  it('reads code and name, spaces around the dash allowed, full-width dash too', () => {
    const c = parseIndicatorCell('1、1 - 产出指标；11－数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:≥12次。');
    expect(c.items[0].level1).toEqual({ code: '1', name: '产出指标' });
    expect(c.items[0].level2).toEqual({ code: '11', name: '数量指标' });
  });

  it('keeps wrong codes as written (the rules judge them)', () => {
    const c = parseIndicatorCell(ITEM(1, '1-效益指标', '12-质量指标', '合格率', '100%', '100%'));
    expect(c.items[0].level1).toEqual({ code: '1', name: '效益指标' });
    expect(c.items[0].level2).toEqual({ code: '12', name: '质量指标' });
  });
});

describe('the indicator framework', () => {
  it('matches codes and names, the 指标 suffix optional', () => {
    expect(level1NameMatches('1', '产出指标')).toBe(true);
    expect(level1NameMatches('1', '产出')).toBe(true);
    expect(level1NameMatches('1', '效益指标')).toBe(false);
    expect(level1NameMatches('9', '产出指标')).toBe(false);
    expect(level2NameMatches('22', '社会效益')).toBe(true);
    expect(level2NameMatches('22', '社会效益指标')).toBe(true);
    expect(level2NameMatches('12', '数量指标')).toBe(false);
  });

  it('knows the variants: 环境效益, 进度指标, 社会公众或服务对象满意度指标', () => {
    expect(level2NameMatches('23', '环境效益')).toBe(true);
    expect(level2NameMatches('13', '进度指标')).toBe(true);
    expect(level2NameMatches('31', '社会公众或服务对象满意度指标')).toBe(true);
  });

  it('has 4-成本指标 with 41..43, and 14-成本指标 of older templates', () => {
    expect(level1Entry('4')?.name).toBe('成本指标');
    expect(level2Entry('41')?.name).toBe('经济成本指标');
    expect(level2Entry('14')?.name).toBe('成本指标');
    expect(level2Entry('15')).toBeUndefined();
    expect(level1Entry('5')).toBeUndefined();
  });

  it('finds the entry a name means whatever the code', () => {
    expect(level1ByName('效益')?.code).toBe('2');
    expect(level2ByName('服务对象满意度')?.code).toBe('31');
    expect(level2ByName('不存在的指标')).toBeUndefined();
  });

  it('compares names without spaces and the optional 指标', () => {
    expect(nameKey(' 社会效益 指标')).toBe('社会效益');
  });
});

describe('parseIndicatorCell: field order and what follows the final 。', () => {
  test('年度 written before 实施周期: both values read, the name is the name', () => {
    const [it] = parseIndicatorCell('1、1-产出指标；11-数量指标；人数；年度指标值:≥4人；实施周期指标值:≥8人。').items;
    expect(it.name).toBe('人数');
    expect(it.annual?.raw).toBe('≥4人');
    expect(it.period?.raw).toBe('≥8人');
    expect(it.problems).toEqual([]);
  });

  test('a note after an item’s 。 is not part of the annual value: it is extra text with its position', () => {
    const text =
      '1、1-产出指标；13-时效指标；及时率；实施周期指标值:≥90%；年度指标值:≥90%。备注：以上指标由办公室负责统计';
    const [it] = parseIndicatorCell(text).items;
    expect(it.annual?.raw).toBe('≥90%');
    expect(it.problems).toEqual(['extra-text']);
    expect(it.extra).toBe('备注：以上指标由办公室负责统计');
    expect(it.extraAt).toBe(text.indexOf('备注'));
  });

  test('a value with a decimal point is not cut at the point', () => {
    const [it] = parseIndicatorCell(
      '1、1-产出指标；12-质量指标；合格率；实施周期指标值:≥95.5%；年度指标值:≥95.5%。',
    ).items;
    expect(it.annual?.value).toBe(95.5);
    expect(it.problems).toEqual([]);
  });
});

describe('parseIndicatorCell: edges of the field scans', () => {
  const ONE = '1、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:';

  it('stray stops after the 。 are no extra text, a full-width ．is', () => {
    expect(parseIndicatorCell(`${ONE}≥12次。。.`).items[0].problems).toEqual([]);
    const it0 = parseIndicatorCell(`${ONE}≥12次。．`).items[0];
    expect(it0.problems).toEqual(['extra-text']);
    expect(it0.extra).toBe('．');
    expect(it0.extraAt).toBe(ONE.length + 5);
  });

  it('a code of four digits is no level: the text stays in the name', () => {
    const it0 = parseIndicatorCell(`1、1-产出指标；1234-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:≥12次。`)
      .items[0];
    expect(it0.level2).toBeNull();
    expect(it0.problems).toEqual(['no-level2']);
    expect(it0.name).toBe('1234-数量指标；巡查次数');
  });

  it('reads spaced codes and colons, and the fields in either order, with their spans', () => {
    const s = '1、 1 - 产出指标 ；11-数量指标；巡查次数；年度指标值 : ≥12次；实施周期值：≥24次。';
    const it0 = parseIndicatorCell(s).items[0];
    expect(fields(it0)).toMatchObject({ level1: { code: '1', name: '产出指标' }, period: '≥24次', annual: '≥12次' });
    expect(s.slice(it0.annualSpan!.start, it0.annualSpan!.end)).toBe('≥12次');
    expect(s.slice(it0.periodSpan!.start, it0.periodSpan!.end)).toBe('≥24次');
    expect(it0.problems).toEqual([]);
  });

  it('a final `.` ends the item unless it follows a digit (a decimal point left open)', () => {
    expect(parseIndicatorCell(`${ONE}x.`).items[0]).toMatchObject({ problems: [], annual: { raw: 'x' } });
    expect(parseIndicatorCell(`${ONE}3.`).items[0]).toMatchObject({
      problems: ['unterminated'],
      annual: { raw: '3.' },
    });
  });
});
