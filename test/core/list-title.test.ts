/** Every table says its layout and title: a `list` table's title is the title line above its header. */
import { check } from '../../src/core/check';
import { type CellValue, gridFromValues } from '../../src/core/grid';
import { tableText } from '../../src/cli/text-report';
import { tableJson } from '../../src/cli/json-report';
import { oneProject } from './rules/helpers';

function rowsOf(): CellValue[][] {
  const g = oneProject(null);
  return g.cells.map((r) => r.map((c) => c?.value ?? null));
}

describe('a list table’s layout and title', () => {
  it('a header on the first row: layout "list", title null', () => {
    const [t] = check(oneProject(null));
    expect([t.layout, t.title]).toEqual(['list', null]);
    expect(Object.keys(tableJson(t)).slice(0, 3)).toEqual(['layout', 'title', 'sheet']);
  });

  it('reads the title line above the header, past a `单位：万元` line and a blank row', () => {
    const rows = [['2024年项目支出绩效目标表'], [], ['单位：万元'], ...rowsOf()];
    const [t] = check(gridFromValues('Sheet1', rows));
    expect([t.layout, t.title, t.range]).toEqual(['list', '2024年项目支出绩效目标表', 'A4:G7']);
    expect(tableText(t, 'zh-CN')[0]).toContain('A4:G7');
  });

  it('takes no line that is not a title (a note, a unit line) for one', () => {
    const rows = [['填报说明：金额保留两位小数'], ['单位：万元'], ...rowsOf()];
    expect(check(gridFromValues('Sheet1', rows))[0].title).toBeNull();
  });
});

describe('two list tables stacked on one sheet', () => {
  const table = (): CellValue[][] => rowsOf();

  it('a title line over a second header starts a second table, with its own title and sums', () => {
    const rows = [
      ['甲单位项目支出绩效目标表'],
      ...table(),
      [],
      ['乙单位项目支出绩效目标表'],
      ['单位：万元'],
      ...table(),
    ];
    const tables = check(gridFromValues('Sheet1', rows));
    expect(tables.map((t) => [t.title, t.range, t.summary.projects])).toEqual([
      ['甲单位项目支出绩效目标表', 'A2:G5', 1],
      ['乙单位项目支出绩效目标表', 'A9:G12', 1],
    ]);
    expect(tables[1].rows.map((r) => r.row)).toEqual([10, 11, 12]);
  });

  it('a header repeated without a title (a PDF page break) stays one table', () => {
    const body = table();
    const rows = [...body, ...body.slice(0, 1), ...body.slice(3)];
    const tables = check(gridFromValues('Sheet1', rows));
    expect(tables).toHaveLength(1);
  });
});
