/**
 * Issue 9 acceptance on the pure core: every family of docs/layouts.md is read — each indicator
 * field by field against the hand-written expectation in test/fixtures/forms/families.ts — with zero
 * errors on the clean sheet, exactly the expected findings on the defects sheet, and self-evaluation
 * and department tables rejected, unchecked.
 */
import { checkSheet, checkWorkbook } from '../../src/core/check';
import { gridFromValues } from '../../src/core/grid';
import { indicatorSheet } from '../../src/core/indicator-sheet';
import type { TableReport } from '../../src/core/report';
import { indicatorTuple } from './indicator-tuple';
import { FAMILIES, type FamilyFixture } from '../fixtures/forms/families';

function gridOf(f: FamilyFixture, rows = f.rows) {
  return gridFromValues(f.sheet, rows);
}

function findingKeys(t: TableReport[]): string[] {
  return t.flatMap((x) => x.findings.map((f) => `${f.rule}@${f.cell}`)).sort();
}

describe.each(FAMILIES.map((f) => [f.id, f] as const))('family %s', (_id, f) => {
  const { tables, rejected } = checkSheet(gridOf(f));

  it('finds exactly the expected tables and rejections', () => {
    expect(tables.map((t) => [t.layout, t.title, t.range])).toEqual(f.tables.map((t) => [t.layout, t.title, t.range]));
    expect(rejected.map((r) => ({ kind: r.kind, range: r.range }))).toEqual(f.rejected ?? []);
    for (const r of rejected) expect(r.reason).toMatch(/不是项目支出绩效目标表/);
  });

  it('reads every field of every indicator and of each project', () => {
    f.tables.forEach((want, k) => {
      const got = tables[k];
      expect(got.indicators.map(indicatorTuple)).toEqual(want.indicators);
      const projects = got.rows.filter((r) => r.kind === 'project');
      expect(
        projects.map((p) => {
          const o: Record<string, unknown> = {
            name: p.name,
            unit: p.unit,
            total: p.amounts?.total,
            fiscal: p.amounts?.fiscal,
            other: p.amounts?.other,
          };
          if (p.amounts?.carryover !== undefined) o.carryover = p.amounts.carryover;
          return o;
        }),
      ).toEqual(want.projects);
      expect(got.summary.indicators).toBe(want.indicators.length);
    });
  });

  it('has no error, and exactly the findings the real rows carry', () => {
    expect(tables.flatMap((t) => t.findings.filter((x) => x.severity === 'error'))).toEqual([]);
    expect(findingKeys(tables)).toEqual(f.tables.flatMap((t) => t.findings).sort());
  });

  if (f.defects) {
    const d = f.defects;
    it('reports exactly the defects planted in the real rows', () => {
      const r = checkSheet(gridOf(f, d.rows));
      expect(findingKeys(r.tables)).toEqual([...d.findings].sort());
    });
  }
});

describe('forms in a workbook', () => {
  it('reads every family from one workbook, each sheet on its own, and lists the rejected ones', () => {
    const report = checkWorkbook(FAMILIES.map((f) => gridOf(f)));
    expect(report.tables).toHaveLength(FAMILIES.reduce((n, f) => n + f.tables.length, 0));
    expect(report.rejected?.map((r) => r.kind).sort()).toEqual(['department', 'self-evaluation']);
  });

  it('reads a form at any offset: the same sheet moved down and right', () => {
    const f = FAMILIES.find((x) => x.id === 'L7') as FamilyFixture;
    const moved = gridFromValues(f.sheet, f.rows, 5, 3);
    const [t] = checkSheet(moved).tables;
    expect(t.range).toBe('C5:H12');
    expect(t.indicators.map((i) => i.cell)).toEqual(['F9', 'F10', 'F11', 'F12']);
  });

  it('fixes an odd comparator in the target cell itself, leaving other cells alone', () => {
    const f = FAMILIES.find((x) => x.id === 'L3') as FamilyFixture;
    const r = checkSheet(gridOf(f, f.defects?.rows)).tables[0];
    const v4 = r.findings.find((x) => x.rule === 'value-comparator-form');
    expect(v4?.fix).toEqual({ cell: 'E20', before: '≧95%', text: '≥95%' });
  });

  it.each([
    ['L2', 'I5', 'H5'],
    ['L4b', 'E6', 'D6'],
    ['L6', 'F5', 'E5'],
  ])('%s: `>=` in the comparator column is fixed in that cell alone', (id, valueCell, comparatorCell) => {
    const f = FAMILIES.find((x) => x.id === id) as FamilyFixture;
    let first = true;
    const rows = f.rows.map((r) =>
      r.map((v) => {
        if (first && v === '≥') {
          first = false;
          return '>=';
        }
        return v;
      }),
    );
    const v4 = checkSheet(gridOf(f, rows)).tables.flatMap((t) =>
      t.findings.filter((x) => x.rule === 'value-comparator-form'),
    );
    expect(v4.map((x) => [x.cell, x.fix])).toEqual([[valueCell, { cell: comparatorCell, before: '>=', text: '≥' }]]);
  });

  it('names the culprit when 财政拨款 breaks both the total and its budget lines', () => {
    const n = null;
    const rows = [
      ['项目名称', '昭化区就业补助', n, n],
      ['年度资金总额', '6.30', n, n],
      ['(一)财政拨款小计', '7.30', n, n],
      ['1、一般公共预算', '6.30', n, n],
      ['2、政府性基金', '0.00', n, n],
      ['(二)自有资金小计', '0.00', n, n],
      ['一级指标', '二级指标', '三级指标', '指标值(包含数字及文字描述)'],
      ['项目完成\n指标', '数量指标', '补助人数', '63人'],
      ['项目效益\n指标', '社会效益指标', '就业稳定', '有效'],
    ];
    const [t] = checkSheet(gridFromValues('Sheet1', rows)).tables;
    const sums = t.findings.filter((x) => x.rule === 'form-amount-sum');
    expect(sums.map((x) => x.cell)).toEqual(['B2', 'B3']);
    for (const s of sums) expect(s.message).toContain('很可能是财政拨款小计填错了');
    expect(t.indicators.map((i) => [i.level1?.name, i.name])).toEqual([
      ['项目完成\n指标', '补助人数'],
      ['项目效益\n指标', '就业稳定'],
    ]);
  });

  it('takes this year’s plan where a sub-header splits the value column', () => {
    const n = null;
    const rows = [
      ['项目名称', '城区绿化养护', n, n, n],
      ['年度资金总额', '80', '财政拨款', '80', n],
      ['一级指标', '二级指标', '指标名称', '指标值', n],
      [n, n, n, '上年度实际水平', '本年度计划水平'],
      ['产出指标', '数量指标', '养护面积', '120万平方米', '≥130万平方米'],
      ['效益指标', '生态效益指标', '绿化覆盖率', '40%', '≥42%'],
    ];
    const [t] = checkSheet(gridFromValues('Sheet1', rows)).tables;
    expect(t.indicators.map((i) => [i.cell, i.annual?.raw])).toEqual([
      ['E5', '≥130万平方米'],
      ['E6', '≥42%'],
    ]);
  });
});

describe('the 指标明细 sheet on forms', () => {
  it('writes levels as the form names them, without codes, and links each row to its target cell', () => {
    const f = FAMILIES.find((x) => x.id === 'L5') as FamilyFixture;
    const sheet = indicatorSheet(checkSheet(gridOf(f)).tables);
    expect(sheet.sources.map((s) => s.cell)).toEqual(['E6', 'E8', 'E9', 'E10', 'E11']);
    const flat = sheet.rows.map((r) => r.join('|'));
    expect(flat[0]).toContain('成本指标\n(0-20)分|经济成本指标|项目建设成本');
    expect(flat.join('\n')).not.toContain('null');
  });
});

describe('a province not in the doc', () => {
  it('reads the same fields in another order and wording: inline labels, traditional characters, columns reordered', () => {
    const n = null;
    const rows = [
      ['智慧养老服务项目绩效目标申报表', n, n, n, n],
      ['项目名称：智慧养老服务', n, '项目执行单位', '某区民政局', n],
      ['预算金额（万元）', '150', '其中：财政拨款', '120', n],
      ['其中：单位资金', '30', n, n, n],
      ['分值', '目標值', '指標名稱', '二級指標', '一級指標'],
      ['30', '≥500人', '服务老人数', '数量指标', '产出指标'],
      ['30', '≥95%', '服务及时率', '时效指标', n],
      ['20', '有效提升', '养老服务水平', '社会效益指标', '效益指标'],
      ['20', '≥90%', '老人满意度', '服务对象满意度指标', '满意度指标'],
    ];
    const { tables } = checkSheet(gridFromValues('Sheet1', rows));
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t.rows[0]).toMatchObject({
      name: '智慧养老服务',
      unit: '某区民政局',
      amounts: { total: '150.00', fiscal: '120.00', other: '30.00' },
    });
    expect(t.indicators.map(indicatorTuple)).toEqual([
      ['B6', '产出指标', '数量指标', '服务老人数', '≥500人', '≥', 500, '人', null, null, 30],
      ['B7', '产出指标', '时效指标', '服务及时率', '≥95%', '≥', 95, '%', null, null, 30],
      ['B8', '效益指标', '社会效益指标', '养老服务水平', '有效提升', null, null, null, '有效提升', null, 20],
      ['B9', '满意度指标', '服务对象满意度指标', '老人满意度', '≥90%', '≥', 90, '%', null, null, 20],
    ]);
    expect(t.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
