/**
 * Side-by-side forms (issue 9, review finding): only the rows of the forms standing side by side are
 * read band by band. A full-width form, a list or a flat list elsewhere on the same sheet is read
 * whole, exactly as it reads alone; two pairs with their name labels in different columns each
 * keep their own bands.
 */
import fc from 'fast-check';
import { checkSheet } from '../../src/core/check';
import { type Cell, type CellValue, gridFromEntries, gridFromValues } from '../../src/core/grid';
import type { TableReport } from '../../src/core/report';
import { FAMILIES } from '../fixtures/forms/families';
import type { FamilyFixture } from '../fixtures/forms/families';
import { UNKNOWN_FORMS } from '../fixtures/forms/unknown-forms';
import { oneProject } from './rules/helpers';

const n = null;

/** U11: two forms side by side, name labels in A and G. */
const PAIR = (UNKNOWN_FORMS.find((x) => x.id.startsWith('U11')) as FamilyFixture).rows;

/** The same pair without its empty column F: name labels in A and F. */
const NARROW_PAIR = PAIR.map((r) => r.filter((_, c) => c !== 5));

/** A full-width form, A–H: 指标性质, 度量单位, 权重 and 备注 columns, the unit's value in H2. */
const WIDE: CellValue[][] = [
  ['项目支出绩效目标表', n, n, n, n, n, n, n],
  ['项目名称', '城区道路维修', n, n, n, n, '实施单位', '某县住建局'],
  ['年度资金总额', '120.00', '财政拨款', '120.00', n, n, n, n],
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重', '备注'],
  ['产出指标', '数量指标', '维修里程', '≥', '12', '公里', '40', n],
  ['效益指标', '社会效益指标', '道路通行率', '≥', '95', '%', '30', n],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '30', '抽样调查'],
];

/** The 项目名称 / 指标 list of the reference layout, A–G. */
const LIST: CellValue[][] = oneProject(null).cells.map((r) => r.map((c) => c?.value ?? null));

const L2 = (FAMILIES.find((f) => f.id === 'L2') as FamilyFixture).rows;

/** What a table reports that a split would change. */
function picture(t: TableReport) {
  return {
    layout: t.layout,
    range: t.range,
    projects: t.rows.filter((r) => r.kind === 'project').map((p) => [p.name, p.unit]),
    indicators: t.indicators.map((i) => [i.cell, i.name, i.annual?.raw ?? null, i.weight ?? null]),
    findings: t.findings.map((f) => `${f.rule}@${f.cell}`),
  };
}

/** The parts stacked with a blank row between them. */
function stacked(parts: CellValue[][][]): CellValue[][] {
  const out: CellValue[][] = [];
  for (const p of parts) {
    if (out.length) out.push([]);
    for (const r of p) out.push(r);
  }
  return out;
}

/** Each part read alone at the rows it has on the stacked sheet, top to bottom. */
function alone(parts: CellValue[][][]) {
  const out: ReturnType<typeof picture>[] = [];
  let top = 1;
  for (const p of parts) {
    for (const t of checkSheet(gridFromValues('Sheet1', p, top)).tables) out.push(picture(t));
    top += p.length + 1;
  }
  return out;
}

function read(parts: CellValue[][][]) {
  const { tables, rejected } = checkSheet(gridFromValues('Sheet1', stacked(parts)));
  expect(rejected).toEqual([]);
  return tables.map(picture);
}

describe('side-by-side forms on a sheet with other tables', () => {
  it('a full-width form above the pair keeps its width (权重, the unit in H2)', () => {
    const got = read([WIDE, PAIR]);
    expect(got.map((t) => t.range)).toEqual(['A1:H7', 'A9:E16', 'G9:K16']);
    expect(got[0].projects).toEqual([['城区道路维修', '某县住建局']]);
    expect(got[0].indicators.map((i) => i[3])).toEqual([40, 30, 30]);
    expect(got).toEqual(alone([WIDE, PAIR]));
  });

  it('a full-width form below the pair is not swallowed by the right band', () => {
    const got = read([PAIR, WIDE]);
    expect(got.map((t) => t.range)).toEqual(['A1:E8', 'G1:K8', 'A10:H16']);
    expect(got.flatMap((t) => t.findings)).toEqual([]);
    expect(got).toEqual(alone([PAIR, WIDE]));
  });

  it('a flat list above and a list below the pair are read whole', () => {
    const got = read([L2, PAIR, LIST]);
    expect(got.map((t) => [t.layout, t.range])).toEqual([
      ['list-rows', 'A3:L13'],
      ['form', 'A15:E22'],
      ['form', 'G15:K22'],
      ['list', 'A24:G27'],
    ]);
    expect(got).toEqual(alone([L2, PAIR, LIST]));
  });

  it('two pairs with their names in different columns keep their own bands', () => {
    const got = read([PAIR, NARROW_PAIR]);
    expect(got.map((t) => t.range)).toEqual(['A1:E8', 'G1:K8', 'A10:E17', 'F10:J17']);
    expect(got.map((t) => t.indicators.length)).toEqual([3, 3, 3, 3]);
    expect(got).toEqual(alone([PAIR, NARROW_PAIR]));
  });

  it('the pair between two full-width forms, moved down and right, keeps its addresses', () => {
    const rows = stacked([WIDE, PAIR, WIDE]);
    const { tables } = checkSheet(gridFromValues('Sheet1', rows, 20, 3));
    expect(tables.map((t) => t.range)).toEqual(['C20:J26', 'C28:G35', 'I28:M35', 'C37:J43']);
  });

  it('on a sparse sheet with text typed at XFD1048576, the same tables (holes stay holes)', () => {
    const rows = stacked([WIDE, PAIR, WIDE]);
    const entries: [number, number, Cell][] = [];
    rows.forEach((r, i) => r.forEach((v, c) => v !== null && entries.push([i + 1, c + 1, { value: v }])));
    entries.push([1048576, 16384, { value: '说明' }]);
    const got = checkSheet(gridFromEntries('Sheet1', entries)).tables.map(picture);
    expect(got.map((t) => t.range)).toEqual(['A1:H7', 'A9:E16', 'G9:K16', 'A18:H24']);
    expect(got).toEqual(checkSheet(gridFromValues('Sheet1', rows)).tables.map(picture));
  });

  it('a copy’s fields above its name label and a longer copy’s last rows stay in the bands', () => {
    const rows: CellValue[][] = [
      ['主管部门', '某县林业局', n, n, n, '主管部门', '某县应急管理局', n, n],
      ['项目名称', '林业技术培训', n, n, n, '项目名称', '森林防火巡护', n, n],
      ['一级指标', '二级指标', '三级指标', '指标值', n, '一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥100人次', n, '产出指标', '数量指标', '巡护人次', '≥3000人次'],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', n, '产出指标', '质量指标', '巡护覆盖率', '≥95%'],
      ['年度资金总额', '100', '财政拨款', '100', n, '效益指标', '生态效益指标', '森林火灾受害率', '≤0.9%'],
      [n, n, n, n, n, '满意度指标', '服务对象满意度指标', '周边群众满意度', '≥90%'],
    ];
    const sheet = [...stacked([rows, WIDE])];
    const got = read([sheet]);
    const band = (from: number, to: number) =>
      checkSheet(
        gridFromValues(
          'Sheet1',
          rows.map((r) => r.slice(from - 1, to)),
          1,
          from,
        ),
      ).tables.map(picture);
    expect(got).toEqual([...band(1, 5), ...band(6, 9), ...alone([rows, WIDE]).slice(-1)]);
    expect(got.map((t) => [t.range, t.projects, t.indicators.length])).toEqual([
      ['A2:D6', [['林业技术培训', '某县林业局']], 2],
      ['F2:I7', [['森林防火巡护', '某县应急管理局']], 4],
      ['A9:H15', [['城区道路维修', '某县住建局']], 3],
    ]);
  });
});

it('any stack of pairs and full-width forms, a flat list above, a list below, reads as each part alone', () => {
  const forms = [PAIR, NARROW_PAIR, WIDE];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...forms), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      fc.boolean(),
      (picked, flatAbove, listBelow) => {
        // A list or a flat list reads on over the rows below it up to the next title or header: the
        // flat list goes first and the list last.
        const stack = [...(flatAbove ? [L2] : []), ...picked, ...(listBelow ? [LIST] : [])];
        expect(read(stack)).toEqual(alone(stack));
      },
    ),
    { numRuns: 60 },
  );
});
