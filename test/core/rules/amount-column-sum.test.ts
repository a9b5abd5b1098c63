/** A3 amount-column-sum: a unit row = Σ its projects; 合计 = Σ units (never units and projects together). */
import { gridFromValues } from '../../../src/core/grid';
import { HEADER, VALID_INDICATORS, GOAL, expectOne, findings, keys, tableGrid, type Amounts } from './helpers';

/** One unit with four projects (10.25 + 20.50 + 30.75 + 40.00 = 101.50); 合计 = the unit as written. */
function fourProjects(unitFigure: string) {
  const u: Amounts = [unitFigure, unitFigure, null, null];
  return tableGrid({
    projects: [
      { name: '机构运行辅助经费', amounts: ['10.25', '10.25', null, null] },
      { name: '港口口岸单位经费', amounts: ['20.50', '20.50', null, null] },
      { name: '口岸车检场水电费', amounts: ['30.75', '30.75', null, null] },
      { name: '口岸查验单位后勤保障经费', amounts: ['40.00', '40.00', null, null] },
    ],
    unit: u,
    total: u,
  });
}

describe('amount-column-sum', () => {
  it('a 0.01 gap over four rounded two-decimal parts is info: ½·0.01·(4+1) = 0.025 ≥ 0.01', () => {
    const fs = findings(fourProjects('101.51'));
    expect(keys(fs)).toEqual(['amount-column-sum@B3#-:info', 'amount-column-sum@C3#-:info']);
    const f = fs.find((x) => x.cell === 'B3')!;
    expect(f.messageId).toBe('rounding');
    expect(f.data).toMatchObject({
      role: 'total',
      total: 10151,
      sum: 10150,
      diff: 1,
      parts: [1025, 2050, 3075, 4000].map((cents) => ({ role: 'total', cents })),
      partsKind: 'project',
      tolerance: 2.5,
    });
    expect(f.expected).toBe('101.50');
    expect(f.actual).toBe('101.51');
    expect(f.related).toEqual(['B4', 'B5', 'B6', 'B7']);
  });

  it('a 0.10 gap over the same four parts is an error', () => {
    const grid = fourProjects('101.60');
    expect(keys(findings(grid))).toEqual(['amount-column-sum@B3#-:error', 'amount-column-sum@C3#-:error']);
    const f = findings(grid).find((x) => x.cell === 'C3')!;
    expect(f.messageId).toBe('mismatch');
    expect(f.data).toMatchObject({ diff: 10 });
  });

  it('reports 合计 against the units, naming the total, the sum, the parts and the difference', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['21.60', '21.60', null, null] }, { amounts: ['42.00', '42.00', null, null] }],
      total: ['63.60', '36.60', null, null],
    });
    expectOne(grid, {
      rule: 'amount-column-sum',
      severity: 'error',
      cell: 'C2',
      indicator: null,
      project: null,
      messageId: 'mismatch',
      data: {
        row: { kind: 'total' },
        role: 'fiscal',
        total: 3660,
        sum: 6360,
        diff: -2700,
        parts: [{ cents: 6360 }],
        partsKind: 'unit',
      },
    });
  });

  it('never adds units and projects together: 合计 = Σ units when the table has unit rows', () => {
    const rows = [
      HEADER,
      ['合计', '30.00', '30.00', null, null, null, null],
      ['广州市花都区口岸服务保障中心', '10.00', '10.00', null, null, null, null],
      ['机构运行辅助经费', '10.00', '10.00', null, null, GOAL, VALID_INDICATORS],
      ['广州市花都区商务局', '20.00', '20.00', null, null, null, null],
      ['招商引资工作经费', '20.00', '20.00', null, null, GOAL, VALID_INDICATORS],
    ];
    expect(findings(gridFromValues('Sheet1', rows))).toEqual([]);
  });

  it('accepts units and 合计 that match their parts exactly', () => {
    expect(findings(fourProjects('101.50'))).toEqual([]);
  });
});
