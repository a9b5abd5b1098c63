/**
 * The CLI's output on every committed fixture, compared byte for byte with test/golden/. A refactor
 * must leave these files alone; a change of wording or of a finding on purpose regenerates them
 * (`UPDATE_GOLDEN=1 npx jest test/cli/golden.test.ts`) in the same commit, which says why.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { FIXTURES, ROOT, run } from './helpers';

const GOLDEN = path.join(ROOT, 'test', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const workbooks = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();

const outputs = workbooks.flatMap((wb) =>
  (['json', 'text'] as const).flatMap((format) =>
    (['zh-CN', 'en-US'] as const).map((lang) => ({
      wb,
      format,
      lang,
      golden: `${wb.replace(/\.xlsx$/, '')}.${lang}.${format === 'json' ? 'json' : 'txt'}`,
    })),
  ),
);

describe('CLI output on the committed fixtures equals test/golden/', () => {
  it('covers every fixture workbook', () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(outputs)('$wb --format $format --lang $lang', async ({ wb, format, lang, golden }) => {
    // A path relative to the repository, so the report's `file` field is the same on every machine.
    const file = path.relative(ROOT, path.join(FIXTURES, wb));
    const r = await run([file, '--format', format, '--lang', lang]);
    expect(r.stderr).toBe('');
    const target = path.join(GOLDEN, golden);
    if (UPDATE || !existsSync(target)) {
      if (!UPDATE) throw new Error(`missing ${golden}: run with UPDATE_GOLDEN=1`);
      writeFileSync(target, r.stdout);
    }
    expect(r.stdout).toBe(readFileSync(target, 'utf8'));
  });
});
