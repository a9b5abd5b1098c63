import { HostError } from '../../src/host/workbook';
import {
  clearedResult,
  dialogUrl,
  errorResult,
  parseLastResult,
  summarize,
  type LastResult,
} from '../../src/commands/summary';
import { resultText } from '../../src/commands/summary-text';

const NOW = new Date('2025-03-01T06:05:00Z');

function table(errors: number, warnings: number, infos: number) {
  return { summary: { projects: 3, indicators: 12, errors, warnings, infos } };
}

describe('ribbon command summary', () => {
  test('summarize adds up the tables', () => {
    const outcome = {
      kind: 'ok',
      sheet: '绩效目标表',
      tables: [table(2, 1, 0), table(0, 0, 4)],
      plan: { sheet: '绩效目标表', marks: [], addressChunks: { error: [], warning: [], info: [] } },
      marked: { cells: 7, notes: 7 },
    } as unknown as Parameters<typeof summarize>[0];
    const r = summarize(outcome, 'zh-CN', NOW);
    expect(r).toEqual({
      v: 1,
      at: NOW.toISOString(),
      locale: 'zh-CN',
      kind: 'ok',
      sheet: '绩效目标表',
      tables: 2,
      projects: 6,
      indicators: 24,
      errors: 2,
      warnings: 1,
      infos: 4,
      cells: 7,
      notes: 7,
    });
    expect(parseLastResult(JSON.stringify(r))).toEqual(r);
    const t = resultText(r);
    expect(t.tone).toBe('error');
    expect(t.lines).toContain('错误 2 处，警告 1 处，提示 4 处');
    expect(t.lines[0]).toBe('工作表：绩效目标表');
  });

  test('errors: HostError text kept, anything else replaced by a generic Chinese sentence (no stack)', () => {
    const host = errorResult(new HostError('protected', '工作表受保护，无法标记。'), 'zh-CN', NOW);
    expect(host.message).toBe('工作表受保护，无法标记。');
    const other = errorResult(new TypeError("Cannot read properties of undefined (reading 'x')"), 'zh-CN', NOW);
    expect(other.message).toMatch(/[\u4e00-\u9fff]/);
    expect(other.message).not.toMatch(/undefined|TypeError|at /);
    expect(errorResult('boom', 'en-US', NOW).message).toMatch(/could not finish/);
  });

  test('parseLastResult accepts only the exact shape', () => {
    const ok: LastResult = clearedResult('en-US', NOW);
    expect(parseLastResult(JSON.stringify(ok))).toEqual(ok);
    for (const bad of [
      null,
      '',
      'not json',
      '[]',
      JSON.stringify({ ...ok, v: 2 }),
      JSON.stringify({ ...ok, locale: 'fr-FR' }),
      JSON.stringify({ ...ok, at: 'yesterday' }),
      JSON.stringify({ ...ok, kind: 'weird' }),
      JSON.stringify({
        v: 1,
        at: NOW.toISOString(),
        locale: 'zh-CN',
        kind: 'ok',
        sheet: 'S',
        tables: -1,
        projects: 0,
        indicators: 0,
        errors: 0,
        warnings: 0,
        infos: 0,
        cells: 0,
        notes: 0,
      }),
      JSON.stringify({ v: 1, at: NOW.toISOString(), locale: 'zh-CN', kind: 'error', message: 'x'.repeat(1000) }),
    ]) {
      expect(parseLastResult(bad)).toBeNull();
    }
  });

  test('the dialog URL sits next to the function file and round-trips the summary', () => {
    const r: LastResult = { v: 1, at: NOW.toISOString(), locale: 'zh-CN', kind: 'no-table', sheet: 'A&B <表> #1?' };
    const url = dialogUrl(r, 'https://host.gov.cn/addin/commands.html?_host_Info=Excel#x');
    expect(url.startsWith('https://host.gov.cn/addin/result.html?r=')).toBe(true);
    expect(parseLastResult(new URL(url).searchParams.get('r'))).toEqual(r);
  });
});
