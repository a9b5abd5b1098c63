/** Every rule in the registry is tested (test/core/rules/<id>.test.ts) and documented (docs/rules.md). */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { RULES, ruleById } from '../../../src/core/rules';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DOC = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');

/** The `### \`id\`` section of docs/rules.md, up to the next heading. */
function section(id: string): string | null {
  const start = DOC.indexOf(`### \`${id}\`\n`);
  if (start < 0) return null;
  const rest = DOC.slice(start + 1);
  const next = rest.search(/\n#{2,3} /);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const r of RULES) expect(ruleById(r.id)).toBe(r);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a test file', (id) => {
    expect(existsSync(path.join(__dirname, `${id}.test.ts`))).toBe(true);
  });

  it.each(RULES.map((r) => [r.id, r] as const))(
    '%s is documented in docs/rules.md with its version, severity and check',
    (id, rule) => {
      const s = section(id);
      expect(s).not.toBeNull();
      expect(s).toContain(`version ${rule.version}`);
      expect(s).toContain(`**${rule.severity}**`);
      expect(s).toContain(rule.ref);
      expect(s).toMatch(/\*\*Fails\*\*/);
      expect(s).toMatch(/\*\*Passes\*\*/);
      expect(DOC).toMatch(new RegExp(`\\| \`${id}\` \\| ${rule.version} \\| ${rule.severity}`));
    },
  );

  it('documents no rule that is not registered', () => {
    const documented = [...DOC.matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});
