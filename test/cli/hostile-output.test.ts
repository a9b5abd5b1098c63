/**
 * Output that cannot be turned against the reader: control characters and bidi overrides from cell
 * text are escaped in text and JSON; a closed pipe ends the run quietly with its own exit status.
 */
import { spawnSync } from 'child_process';
import { escapeControls, quietStream } from '../../src/cli/output';
import { main } from '../../src/cli/main';
import { ROOT } from './helpers';

const HOSTILE = 'A\u001b]0;pwned\u0007B\u009bC\u202eD\u2066E\rF';

describe('escapeControls', () => {
  test('C0, C1 and bidi controls become \\u escapes; line feeds and tabs stay', () => {
    expect(escapeControls(HOSTILE)).toBe('A\\u001b]0;pwned\\u0007B\\u009bC\\u202eD\\u2066E\\u000dF');
    expect(escapeControls('一\n二\t三')).toBe('一\n二\t三');
  });

  test('JSON stays valid and decodes back to the cell text', () => {
    const json = escapeControls(JSON.stringify({ name: HOSTILE }));
    // eslint-disable-next-line no-control-regex
    expect(json).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json)).toEqual({ name: HOSTILE });
  });
});

describe('the CLI writes nothing raw', () => {
  test('a hostile file name reaches stderr escaped', async () => {
    let stderr = '';
    const code = await main([`no-such-\u001b[2J-\u202e.xlsx`], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('\\u001b[2J-\\u202e');
    // eslint-disable-next-line no-control-regex
    expect(stderr).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('a closed pipe', () => {
  test('quietStream drops writes after an error and reports it', () => {
    const listeners: ((e: Error) => void)[] = [];
    let written = 0;
    const s = quietStream({
      write: () => {
        written++;
        return true;
      },
      on: (_e: 'error', l: (e: Error) => void) => listeners.push(l),
    });
    s.write('a');
    for (const l of listeners) l(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    s.write('b');
    expect(written).toBe(1);
    expect(s.failed()).toBe(true);
  });

  test('`… | head -1` on a long output: exit status is the run’s own, no stack trace', () => {
    // A child writes 200,000 lines through the CLI's process streams into `head -1`, then exits 0.
    const script = [
      "const { processIo } = require('./src/cli/output');",
      'const io = processIo();',
      "for (let i = 0; i < 200000; i++) io.stdout.write('警告 line ' + i + '\\n');",
      'process.exitCode = 0;',
    ].join(' ');
    const node = `node -r ts-node/register/transpile-only -e ${JSON.stringify(script)}`;
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${node} | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.stdout).toBe('警告 line 0\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('without the guard the same pipe is a crash (the test can fail)', () => {
    const script = "for (let i = 0; i < 200000; i++) process.stdout.write('line ' + i + '\\n');";
    const r = spawnSync('bash', ['-c', `set -o pipefail; node -e ${JSON.stringify(script)} | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/EPIPE/);
  });
});
