/**
 * A user clones only this repository: nothing it runs or links may reach outside it
 * (the material the project was built from sits in a sibling folder on developers' machines only).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

function trackedTextFiles(): string[] {
  const out = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' });
  return out
    .split('\n')
    .filter((f) => f && /\.(ts|js|json|md|html|xml|yml|yaml)$/.test(f) && f !== 'package-lock.json')
    .filter((f) => fs.existsSync(path.join(ROOT, f)));
}

describe('the repository stands alone', () => {
  it('no tracked file refers to the sibling shared folder', () => {
    const offenders = trackedTextFiles().filter((f) =>
      /\.\.\/shared\//.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('every relative Markdown link in README.md and docs/ points at a file of the repository', () => {
    const broken: string[] = [];
    for (const f of trackedTextFiles().filter((x) => x.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/i.test(target)) continue;
        if (!fs.existsSync(path.resolve(ROOT, path.dirname(f), target))) broken.push(`${f} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
