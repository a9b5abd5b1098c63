/**
 * The core stays pure at every depth: the lint rule of eslint.config.js refuses host layers, Node
 * built-ins and host globals in any file under src/core/, however deep. Linted as virtual files
 * (lintText with a filePath), so no probe file is ever written into src/.
 */
import * as path from 'path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..', '..');
// The repository's own config, handed over as an object: ESLint's loader imports config files
// dynamically, which Jest's module sandbox cannot do.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'eslint.config.js')) as ESLint.Options['overrideConfig'];
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

/** The ids of the rules that fail on `code` as if it were the file at `file`. */
async function failures(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const FORBIDDEN_IMPORTS = [
  "import { x } from '../../excel/gateway';",
  "import { x } from '../../taskpane/pane';",
  "import { x } from '../../preview/index';",
  "import { x } from '../../cli/main';",
  "import { x } from '../../host/workbook';",
  "import { x } from '../../excel';",
  "import { readFileSync as x } from 'fs';",
  "import { join as x } from 'node:path';",
  "import { Worker as x } from 'worker_threads';",
  "import x from 'exceljs';",
];

describe('the core boundary (eslint.config.js)', () => {
  jest.setTimeout(60_000);

  it.each(FORBIDDEN_IMPORTS)('refuses `%s` in src/core/rules/', async (line) => {
    expect(await failures('src/core/rules/probe.ts', `${line}\nexport const y = x;\n`)).toContain(
      'no-restricted-imports',
    );
  });

  it('refuses a host layer two folders down too', async () => {
    const code = "import { x } from '../../../taskpane/pane';\nexport const y = x;\n";
    expect(await failures('src/core/table/deep/probe.ts', code)).toContain('no-restricted-imports');
  });

  it.each(['document.title', 'window.name', 'Office.context', 'process.env', 'Buffer.from("")'])(
    'refuses the host global in `%s`',
    async (expr) => {
      expect(await failures('src/core/rules/probe.ts', `export const y = ${expr};\n`)).toContain(
        'no-restricted-globals',
      );
    },
  );

  it('accepts what a rule imports from inside the core', async () => {
    const code =
      "import { defineRule } from './rule';\nimport { isBlankText } from '../text';\nexport const y = [defineRule, isBlankText];\n";
    expect(await failures('src/core/rules/probe.ts', code)).toEqual([]);
  });

  it('leaves the hosts free to import what the core may not', async () => {
    const code =
      "import { readFileSync } from 'fs';\nimport { x } from '../excel/gateway';\nexport const y = [readFileSync, x];\n";
    expect(await failures('src/cli/probe.ts', code)).toEqual([]);
  });
});
