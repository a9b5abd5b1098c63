/**
 * Acceptances (已确认): which finding an acceptance covers, that an edited cell brings the finding
 * back, and that a stored list from anywhere never makes the parser throw.
 */
import fc from 'fast-check';
import {
  accept,
  acceptanceText,
  cellHash,
  matchAcceptances,
  parseAcceptances,
  serialiseAcceptances,
  textHash,
  withoutAccepted,
  type Acceptance,
} from '../../src/core/acceptances';
import { gridFromValues } from '../../src/core/grid';
import type { Finding, TableReport } from '../../src/core/report';

const finding = (cell: string, rule: string, indicator: number | null): Finding => ({
  rule,
  severity: 'warning',
  cell,
  row: Number(cell.slice(1)),
  project: '甲',
  indicator,
  message: 'm',
});

const table = (findings: Finding[], sheet = 'S'): TableReport => ({
  sheet,
  range: 'A1:G9',
  unit: '万元',
  columns: {},
  rows: [],
  indicators: [],
  findings,
  summary: { projects: 1, indicators: 1, errors: 0, warnings: findings.length, infos: 0 },
});

const AT = new Date('2026-11-30T08:00:00Z');

describe('acceptances', () => {
  const grid = gridFromValues('S', [['项目名称'], ['x'], ['y'], ['甲', 10, 10, null, null, '目标', '1、…满意度…≥95%']]);
  const f = finding('G4', 'indicator-no-satisfaction', null);
  const other = finding('G4', 'value-comparator-form', 1);

  test('an acceptance covers its finding while the cell text is unchanged', () => {
    const a = accept('S', f, cellHash(grid, 'G4'), '  本项目无服务对象  ', AT);
    expect(a).toEqual({
      sheet: 'S',
      cell: 'G4',
      rule: 'indicator-no-satisfaction',
      indicator: null,
      hash: cellHash(grid, 'G4'),
      reason: '本项目无服务对象',
      at: '2026-11-30T08:00:00.000Z',
    });
    const marks = matchAcceptances([table([f, other])], [a], (_s, c) => cellHash(grid, c));
    expect(marks).toEqual([[{ reason: '本项目无服务对象', at: '2026-11-30T08:00:00.000Z' }, null]]);
    expect(withoutAccepted([table([f, other])], marks)[0].findings).toEqual([other]);
  });

  test('a changed cell brings the finding back', () => {
    const a = accept('S', f, cellHash(grid, 'G4'), '', AT);
    const edited = gridFromValues('S', [
      ['项目名称'],
      ['x'],
      ['y'],
      ['甲', 10, 10, null, null, '目标', '1、…满意度…≥96%'],
    ]);
    expect(matchAcceptances([table([f])], [a], (_s, c) => cellHash(edited, c))).toEqual([[null]]);
  });

  test('another sheet, cell, rule or indicator is another finding', () => {
    const a = accept('S', other, cellHash(grid, 'G4'), '', AT);
    const hash = (_s: string, c: string): string => cellHash(grid, c);
    expect(matchAcceptances([table([finding('G4', 'value-comparator-form', 2)])], [a], hash)).toEqual([[null]]);
    expect(matchAcceptances([table([finding('G5', 'value-comparator-form', 1)])], [a], hash)).toEqual([[null]]);
    expect(matchAcceptances([table([finding('G4', 'value-unit', 1)])], [a], hash)).toEqual([[null]]);
    expect(matchAcceptances([table([other], 'T')], [a], hash)).toEqual([[null]]);
    expect(matchAcceptances([table([other])], [a], hash)[0][0]).not.toBeNull();
  });

  test('the hashed text is the same in every host: the value, not the shown text', () => {
    expect(acceptanceText({ value: 1648.49, text: '1,648.49' })).toBe('1648.49');
    expect(acceptanceText({ value: '≥95%' })).toBe('≥95%');
    expect(acceptanceText(null)).toBe('');
    expect(textHash('a')).not.toBe(textHash('b'));
    expect(textHash('≥95%')).toBe(textHash('≥95%'));
  });

  test('stored and read back; reasons are capped', () => {
    const list: Acceptance[] = [accept('S', f, 'h', 'x'.repeat(2000), AT)];
    expect(list[0].reason).toHaveLength(500);
    expect(parseAcceptances(serialiseAcceptances(list))).toEqual(list);
    expect(parseAcceptances(JSON.parse(serialiseAcceptances(list)))).toEqual(list);
    expect(parseAcceptances('{"v":1,"list":[{"sheet":1}]}')).toEqual([]);
    expect(parseAcceptances('not json')).toEqual([]);
  });

  test('the parser never throws, whatever was stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue(), fc.anything()), (raw) => {
        expect(Array.isArray(parseAcceptances(raw))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
