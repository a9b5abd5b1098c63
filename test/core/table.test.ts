/** The header locator and the row classifier on small hand-built grids. */
import { check } from '../../src/core/check';
import { gridFromValues, type Cell, type CellValue, type Grid } from '../../src/core/grid';
import fc from 'fast-check';
import { headerAt, headerKey, headerRole, isNameTitle, locateHeader } from '../../src/core/table/locate';
import { indentOf, readTable } from '../../src/core/table/classify';

const HEADER = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
const CELL1 = '1、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:≥12次。';
const CELL2 = '1、2-效益指标；22-社会效益；安全事故发生次数；实施周期指标值:0次；年度指标值:0次。';

function located(grid: Grid) {
  const h = locateHeader(grid);
  if (!h) throw new Error('no header found');
  return h;
}

function table(grid: Grid) {
  return readTable(grid, located(grid));
}

/** Rows of [name, total, fiscal, special, other, goal, indicators] under the standard header. */
function standard(rows: CellValue[][], above: CellValue[][] = []): Grid {
  return gridFromValues('S', [...above, HEADER, ...rows]);
}

describe('headerRole / headerKey', () => {
  it.each([
    ['项目名称（资金使用单位）', 'name'],
    ['项目名称', 'name'],
    ['单位名称/项目', 'name'],
    ['总计', 'total'],
    ['合计', 'total'],
    ['预算金额', 'total'],
    ['财政拨款', 'fiscal'],
    ['一般公共预算', 'fiscal'],
    ['财政专户拨款', 'specialAccount'],
    ['财政专\n户拨款', 'specialAccount'],
    ['其他\n资金', 'other'],
    ['其他资金', 'other'],
    ['绩效目标', 'goal'],
    ['绩 效 目 标', 'goal'],
    ['绩效指标', 'indicators'],
  ])('%j names the %s column', (text, role) => {
    expect(headerRole(text)).toBe(role);
  });

  it.each(['项目支出绩效目标表（含转移支付项目）', '资金来源', '', '备注', 'x'.repeat(41)])(
    '%j names no column',
    (text) => {
      expect(headerRole(text)).toBeNull();
    },
  );

  it.each(['项目名称', '项 目', '名称', '资金 使用单位', '项目（单位）', '机构运行经费', '办公楼维修项目', '总计'])(
    'isNameTitle(%j) is headerRole = name',
    (text) => {
      expect(isNameTitle(text)).toBe(headerRole(text) === 'name');
    },
  );

  it('isNameTitle agrees with headerRole on any text (its shortcut only skips texts that cannot be a name title)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '项目',
        '名称',
        '资金使用单位',
        '单位',
        '(',
        '（',
        '）',
        ':',
        '：',
        ' ',
        '\n',
        '/',
        '经费',
        '总计',
        '财政拨款',
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(isNameTitle(text)).toBe(headerRole(text) === 'name');
      }),
      { numRuns: 2000 },
    );
  });

  it('headerKey drops spaces, breaks, colons and bracket width', () => {
    expect(headerKey(' 项目名称（资金\n使用单位）： ')).toBe('项目名称(资金使用单位)');
  });
});

describe('locateHeader', () => {
  it('finds a one-row header at the top', () => {
    const h = located(standard([['合计', 1, 1, null, null, null, null]]));
    expect(h).toEqual({
      top: 1,
      bottom: 1,
      // No unit line or title: 万元 until the amount cells name another (readTable).
      unit: '万元',
      unitUnstated: true,
      columns: { name: 1, total: 2, fiscal: 3, specialAccount: 4, other: 5, goal: 6, indicators: 7 },
    });
  });

  it('skips title rows and reads 单位：元 above the table as 元', () => {
    const g = standard(
      [['合计', 1, 1, null, null, null, null]],
      [['项目支出绩效目标表（含转移支付项目）'], ['单位名称：某单位', null, null, null, null, null, '单位：元']],
    );
    expect(located(g)).toMatchObject({ top: 3, bottom: 3, unit: '元' });
  });

  it('reads 单位：万元 and defaults to 万元', () => {
    expect(located(standard([], [['单位名称：某单位 单位：万元']])).unit).toBe('万元');
    expect(located(standard([])).unit).toBe('万元');
    // 总计（元） in the header names the unit too.
    const g = gridFromValues('S', [['项目名称', '总计（元）', '财政拨款', '绩效目标', '绩效指标']]);
    expect(located(g)).toMatchObject({ unit: '元', columns: { name: 1, total: 2, fiscal: 3, goal: 4, indicators: 5 } });
  });

  it('finds a table that does not start in A1 (grid offset and blank columns)', () => {
    const rows: CellValue[][] = [['标题'], [], [null, ...HEADER]];
    const g = gridFromValues('S', rows, 5, 3); // the grid itself starts at C5
    const h = located(g);
    expect(h.top).toBe(7);
    expect(h.columns).toEqual({ name: 4, total: 5, fiscal: 6, specialAccount: 7, other: 8, goal: 9, indicators: 10 });
  });

  it('reads titles wrapped inside a cell (财政专\\n户拨款)', () => {
    const g = gridFromValues('S', [
      ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专\n户拨款', '其他\n资金', '绩效目标', '绩效指标'],
    ]);
    expect(located(g).columns).toMatchObject({ specialAccount: 4, other: 5 });
  });

  it('reads titles wrapped onto two rows (财政专 / 户拨款)', () => {
    const g = gridFromValues('S', [
      ['项目名称', '总计', '财政拨款', '财政专', '其他', '绩效目标', '绩效指标'],
      [null, null, null, '户拨款', '资金', null, null],
      ['合计', 1, 1, null, null, null, null],
    ]);
    expect(located(g)).toMatchObject({ top: 1, bottom: 2, columns: { specialAccount: 4, other: 5 } });
  });

  it('reads a grouped two-row header (资金来源 over the three sources)', () => {
    const g = gridFromValues('S', [
      ['项目名称', '总计', '资金来源', null, null, '绩效目标', '绩效指标'],
      [null, null, '财政拨款', '财政专户拨款', '其他资金', null, null],
      ['合计', 1, 1, 0, 0, null, null],
    ]);
    expect(located(g)).toEqual({
      top: 1,
      bottom: 2,
      // No unit line or title: 万元 until the amount cells name another (readTable).
      unit: '万元',
      unitUnstated: true,
      columns: { name: 1, total: 2, fiscal: 3, specialAccount: 4, other: 5, goal: 6, indicators: 7 },
    });
  });

  it('finds no header on a sheet without a table (instructions, a lone title)', () => {
    expect(
      locateHeader(
        gridFromValues('S', [
          ['填表说明'],
          ['1. 请在“绩效目标表”工作表中填写本单位的项目支出绩效目标。'],
          ['2. 总计 = 财政拨款 + 财政专户拨款 + 其他资金。'],
        ]),
      ),
    ).toBeNull();
    expect(locateHeader(gridFromValues('S', [['项目名称', '总计']]))).toBeNull();
    expect(locateHeader(gridFromValues('S', []))).toBeNull();
    // name and total are required
    expect(headerAt(gridFromValues('S', [['总计', '财政拨款', '绩效目标', '绩效指标']]), 1)).toBeNull();
  });
});

describe('readTable: the table’s extent', () => {
  it('ends at notes below the table', () => {
    const g = standard([
      ['合计', 1, 1, null, null, null, null],
      ['某单位', 1, 1, null, null, null, null],
      ['  项目甲', 1, 1, null, null, '目标', CELL1],
      [],
      ['注：本表金额单位为万元。'],
      ['填表人：张三', 99, null, null, null, null, null],
    ]);
    const t = table(g);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(t.bottom).toBe(4);
  });

  it('does not end at a project whose name merely starts like a note (审核…, 注册…, 说明…)', () => {
    const g = standard([
      ['合计', 3, 3, null, null, null, null],
      ['某单位', 3, 3, null, null, null, null],
      ['  审核服务经费', 1, 1, null, null, '目标', CELL1],
      ['  注册登记工作经费', 1, 1, null, null, '目标', CELL1],
      ['  说明会组织经费', 1, 1, null, null, '目标', CELL2],
      ['注：本表金额单位为万元。'],
    ]);
    const t = table(g);
    expect(t.rows.map((r) => [r.kind, r.name])).toEqual([
      ['total', '合计'],
      ['unit', '某单位'],
      ['project', '审核服务经费'],
      ['project', '注册登记工作经费'],
      ['project', '说明会组织经费'],
    ]);
    expect(t.bottom).toBe(6);
  });

  it('ends at a note even when it sits outside the name column', () => {
    const rows: CellValue[][] = [
      [null, ...HEADER],
      [null, '合计', 1, 1],
      [null, '  项目甲', 1, 1, null, null, '目标', CELL1],
      [],
      ['注：说明'],
    ];
    const t = table(gridFromValues('S', rows));
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('skips a header repeated after a page break', () => {
    const g = standard([
      ['合计', 2, 2, null, null, null, null],
      ['某单位', 2, 2, null, null, null, null],
      ['  项目甲', 1, 1, null, null, '目标', CELL1],
      HEADER,
      ['  项目乙', 1, 1, null, null, '目标', CELL2],
    ]);
    const t = table(g);
    expect(t.rows.map((r) => [r.row, r.kind, r.name])).toEqual([
      [2, 'total', '合计'],
      [3, 'unit', '某单位'],
      [4, 'project', '项目甲'],
      [6, 'project', '项目乙'],
    ]);
    const [report] = check(g);
    expect(report.summary.projects).toBe(2);
    expect(report.findings.filter((f) => f.rule.startsWith('amount'))).toEqual([]);
  });
});

describe('indentOf', () => {
  it('reads the format indent first, else leading spaces (2 per level, ideographic space = 2)', () => {
    expect(indentOf({ value: '项目', indent: 2 })).toBe(2);
    expect(indentOf({ value: '    项目' })).toBe(2);
    expect(indentOf({ value: ' 项目' })).toBe(1);
    expect(indentOf({ value: '\u3000\u3000项目' })).toBe(2);
    expect(indentOf({ value: '项目' })).toBe(0);
    expect(indentOf(null)).toBe(0);
  });
});

describe('classify', () => {
  const cell = (value: CellValue, indent?: number): Cell => (indent ? { value, indent } : { value });
  const kinds = (g: Grid) => table(g).rows.map((r) => [r.row, r.kind, r.name]);

  it('合计, units and projects by the indent format', () => {
    const g: Grid = {
      sheet: 'S',
      top: 1,
      left: 1,
      cells: [
        HEADER.map((h) => cell(h)),
        [cell('合计'), cell(3), cell(3)],
        [cell('单位一'), cell(1), cell(1)],
        [cell('项目甲', 1), cell(1), cell(1), null, null, cell('目标'), cell(CELL1)],
        [cell('单位二'), cell(2), cell(2)],
        [cell('项目乙', 1), cell(2), cell(2), null, null, cell('目标'), cell(CELL2)],
      ],
    };
    const t = table(g);
    expect(t.rows.map((r) => [r.kind, r.name, r.unit])).toEqual([
      ['total', '合计', null],
      ['unit', '单位一', null],
      ['project', '项目甲', '单位一'],
      ['unit', '单位二', null],
      ['project', '项目乙', '单位二'],
    ]);
  });

  it('units and projects by leading spaces, names trimmed', () => {
    const g = standard([
      ['合计', 1, 1, null, null, null, null],
      ['某单位', 1, 1, null, null, null, null],
      ['    项目甲', 1, 1, null, null, '目标', CELL1],
    ]);
    expect(kinds(g)).toEqual([
      [2, 'total', '合计'],
      [3, 'unit', '某单位'],
      [4, 'project', '项目甲'],
    ]);
  });

  it('in a flat table (no indentation): units by having no texts, projects by having them', () => {
    const g = standard([
      ['合 计', 2, 2, null, null, null, null],
      ['某单位', 2, 2, null, null, null, null],
      ['项目甲', 1, 1, null, null, '目标甲', CELL1],
      ['项目乙', 1, 1, null, null, '目标乙', CELL2],
    ]);
    expect(kinds(g)).toEqual([
      [2, 'total', '合 计'],
      [3, 'unit', '某单位'],
      [4, 'project', '项目甲'],
      [5, 'project', '项目乙'],
    ]);
  });

  it('a project name wrapped inside its cell is joined with no separator', () => {
    const g = standard([
      ['某单位', 1, 1],
      ['    口岸车检场配套设施维修维\n护', 1, 1, null, null, '目标', CELL1],
    ]);
    expect(table(g).rows[1].name).toBe('口岸车检场配套设施维修维护');
  });

  it('flat table: a last project with no goal and no indicators yet is a project, not a unit', () => {
    const g = standard([
      ['合计', 30, 30],
      ['某中心', 30, 30],
      ['项目A', 20, 20, null, null, '目标', CELL1 + CELL2.replace('1、', '2、')],
      ['项目B', 10, 10],
    ]);
    expect(kinds(g)).toEqual([
      [2, 'total', '合计'],
      [3, 'unit', '某中心'],
      [4, 'project', '项目A'],
      [5, 'project', '项目B'],
    ]);
    const rules = check(g)[0]
      .findings.filter((f) => f.severity === 'error')
      .map((f) => `${f.rule}@${f.cell}`);
    expect(rules.sort()).toEqual(['project-goal-empty@F5', 'project-indicators-empty@G5']);
  });

  it('a dash in the 绩效目标 / 绩效指标 cells of 合计 and unit rows is no text', () => {
    const g: Grid = {
      sheet: 'S',
      top: 1,
      left: 1,
      cells: [
        HEADER.map((h) => cell(h)),
        [cell('合计'), cell(30), cell(30), null, null, cell('—'), cell('—')],
        [cell('某中心'), cell(30), cell(30), null, null, cell('/'), cell('无')],
        [cell('项目A', 1), cell(20), cell(20), null, null, cell('目标'), cell(CELL1 + CELL2.replace('1、', '2、'))],
        [cell('项目B', 1), cell(10), cell(10), null, null, cell('目标'), cell(CELL1 + CELL2.replace('1、', '2、'))],
      ],
    };
    expect(kinds(g).map((k) => k[1])).toEqual(['total', 'unit', 'project', 'project']);
    expect(check(g)[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  describe('continuation rows (PDF page breaks)', () => {
    const head: CellValue[][] = [
      ['合计', 2, 2, null, null, null, null],
      ['某单位', 2, 2, null, null, null, null],
    ];

    it('a lone 。 joins the project above and completes its last item', () => {
      const open = CELL1.slice(0, -1);
      const g = standard([
        ...head,
        ['  项目甲', 1, 1, null, null, '目标', open],
        [null, null, null, null, null, null, '。'],
        ['  项目乙', 1, 1, null, null, '目标', CELL2],
      ]);
      const t = table(g);
      expect(t.rows.map((r) => [r.row, r.kind, r.of])).toEqual([
        [2, 'total', null],
        [3, 'unit', null],
        [4, 'project', null],
        [5, 'continuation', 4],
        [6, 'project', null],
      ]);
      expect(t.rows[2].indicators).toBe(open);
      expect(t.rows[2].indicatorsFull).toBe(`${open}\n。`);
      const [report] = check(g);
      expect(report.indicators.map((i) => [i.project, i.cell, i.annual?.raw])).toEqual([
        ['项目甲', 'G4', '≥12次'],
        ['项目乙', 'G6', '0次'],
      ]);
      expect(report.findings.filter((f) => f.rule === 'indicator-unterminated')).toEqual([]);
    });

    it('a continuation starting mid-item (…6 / 、4-成本指标；…) is joined with no separator', () => {
      const first = `${CELL1.replace('1、', '5、')}6`;
      const rest = '、4-成本指标；41-经济成本指标；成本控制率；实施周期指标值:≤\n100万元；年度指标值:≤100万元。';
      const g = standard([
        ...head,
        ['  项目甲', 2, 2, null, null, '目标', first],
        [null, null, null, null, null, null, rest],
      ]);
      const t = table(g);
      expect(t.rows[3]).toMatchObject({ kind: 'continuation', of: 4 });
      const [report] = check(g);
      expect(report.indicators.map((i) => [i.ordinal, i.level1?.code, i.level2?.code, i.name, i.annual?.raw])).toEqual([
        [5, '1', '11', '巡查次数', '≥12次'],
        [6, '4', '41', '成本控制率', '≤100万元'],
      ]);
      expect(report.indicators.every((i) => i.cell === 'G4')).toBe(true);
    });

    it('a goal-only continuation joins the 绩效目标', () => {
      const g = standard([
        ...head,
        ['  项目甲', 2, 2, null, null, '通过聘用编外人员，保障单位的正常', CELL1],
        [null, null, null, null, null, '运作。', null],
      ]);
      const t = table(g);
      expect(t.rows[3]).toMatchObject({ kind: 'continuation', of: 4 });
      expect(t.rows[2].goalFull).toBe('通过聘用编外人员，保障单位的正常\n运作。');
      expect(t.rows[2].indicatorsFull).toBe(CELL1);
    });

    it('a row with text but its own amounts is a project, not a continuation', () => {
      const g = standard([
        ...head,
        ['  项目甲', 1, 1, null, null, '目标', CELL1],
        ['', 1, 1, null, null, '目标', CELL2],
      ]);
      expect(table(g).rows[3].kind).toBe('project');
    });

    it('a blank row between projects is skipped, not a continuation', () => {
      const g = standard([
        ...head,
        ['  项目甲', 1, 1, null, null, '目标', CELL1],
        [],
        ['  项目乙', 1, 1, null, null, '目标', CELL2],
      ]);
      expect(table(g).rows.map((r) => [r.row, r.kind])).toEqual([
        [2, 'total'],
        [3, 'unit'],
        [4, 'project'],
        [6, 'project'],
      ]);
    });
  });
});
