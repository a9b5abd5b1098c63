/** The CLI's readable lines: each finding's item said once, one term for the table-level group. */
import { check } from '../../src/core/check';
import type { Finding } from '../../src/core/report';
import { findingLine, reportText, tableText } from '../../src/cli/text-report';
import { checkWorkbook } from '../../src/core/check';
import { gridFromValues } from '../../src/core/grid';
import { FAMILIES } from '../fixtures/forms/families';
import { BENEFIT_ITEM, OUTPUT_ITEM, SATISFACTION_ITEM, oneProject, tableGrid, withItem4 } from '../core/rules/helpers';

function only(lines: string[], cell: string): string {
  const hits = lines.filter((l) => l.includes(`] ${cell}`));
  expect(hits).toHaveLength(1);
  return hits[0];
}

describe('CLI text lines', () => {
  it('say the item once when the message names it (not `G4 第4条：第 4 条指标…`)', () => {
    const [table] = check(oneProject(withItem4('3-满意度指标', '31-服务对象满意度', '就餐人员满意度', '120%')));
    const zh = only(tableText(table, 'zh-CN'), 'G4');
    expect(zh).toMatch(/^ {2}\[错误\] G4：第 4 条指标“就餐人员满意度”/);
    expect(zh.match(/第 ?4 ?条/g)).toHaveLength(1);
    const [tableEn] = check(oneProject(withItem4('3-满意度指标', '31-服务对象满意度', '就餐人员满意度', '120%')), {
      locale: 'en-US',
    });
    const en = only(tableText(tableEn, 'en-US'), 'G4');
    expect(en).toMatch(/^ {2}\[Error\] G4: Indicator 4 "就餐人员满意度"/);
    expect(en.match(/item 4|Indicator 4/g)).toHaveLength(1);
  });

  it('keep the item in the location when the message does not name it', () => {
    const f: Finding = {
      rule: 'x',
      severity: 'info',
      cell: 'G4',
      row: 4,
      project: 'p',
      indicator: 1,
      message: '年度值与实施周期值不同',
    };
    expect(findingLine(f, 'zh-CN')).toBe('  [提示] G4 第1条：年度值与实施周期值不同');
    expect(findingLine({ ...f, message: 'period and annual differ' }, 'en-US')).toBe(
      '  [Info] G4 item 1: period and annual differ',
    );
    // `第 11 条指标` names item 11, not item 1.
    expect(findingLine({ ...f, message: '第 11 条指标“x”…' }, 'zh-CN')).toContain('G4 第1条：');
    expect(findingLine({ ...f, message: 'Indicator 11 "x"…' }, 'en-US')).toContain('G4 item 1:');
  });

  it('keep the numbers of an ordinal finding (its message names numbers, not the item)', () => {
    const [table] = check(oneProject(OUTPUT_ITEM + BENEFIT_ITEM.replace(/^2、/, '1、') + SATISFACTION_ITEM));
    expect(only(tableText(table, 'zh-CN'), 'G4')).toBe('  [警告] G4 第1条：指标编号 1 重复出现。');
  });

  it('head the 合计 and unit findings with the one term the pane uses too (合计及单位行)', () => {
    const grid = tableGrid({
      projects: [{ amounts: ['21.60', '21.60', null, null] }],
      total: ['21.70', '21.60', null, null],
    });
    const lines = tableText(check(grid)[0], 'zh-CN');
    expect(lines).toContain('合计及单位行');
    expect(lines.join('\n')).not.toContain('合计与单位行');
  });

  describe('tables recognised and not checked', () => {
    const family = (id: string) => FAMILIES.find((f) => f.id === id)!;
    // A form (L3's first block, rows 1–18), two blank rows, then a 绩效自评表 (S) on the same sheet.
    const form = family('L3').rows.slice(0, 18);
    const self = family('S').rows;
    const grid = gridFromValues('表1', [...form, [], [], ...self]);

    it('are listed under the checked tables, one line each: sheet, range, what, why', () => {
      const report = checkWorkbook([grid], { file: 'a.xlsx' });
      expect(report.tables).toHaveLength(1);
      const lines = reportText({ ...report, file: 'a.xlsx' }, 'zh-CN').split('\n');
      const at = lines.indexOf('未校验的表格：');
      expect(at).toBeGreaterThan(2);
      expect(lines.slice(at + 1)).toEqual([
        '  工作表“表1” A21:H27 · 绩效自评表：这是绩效自评表（有实际完成值和得分），不是项目支出绩效目标表，未校验。',
      ]);
      const en = checkWorkbook([grid], { file: 'a.xlsx', locale: 'en-US' });
      expect(
        reportText({ ...en, file: 'a.xlsx' }, 'en-US')
          .split('\n')
          .slice(-2),
      ).toEqual([
        'Tables not checked:',
        '  Sheet "表1" A21:H27 · a self-evaluation table (绩效自评表): not a project performance target table; not checked.',
      ]);
    });

    it('are not mentioned when there are none', () => {
      const report = checkWorkbook([gridFromValues('表1', form)], { file: 'a.xlsx' });
      expect(reportText({ ...report, file: 'a.xlsx' }, 'zh-CN')).not.toContain('未校验');
    });
  });
});
