/**
 * The many-projects table (test/helpers/many-projects.ts) as an .xlsx file, written part by part
 * (a writer library holding 250,000 rows as objects would need more memory than the check it is
 * meant to measure). Shared strings for the texts, numbers as numbers.
 */
import * as fs from 'fs';
import { buildXlsx } from '../../test/helpers/xlsx-build';
import { manyProjectsRows } from '../../test/helpers/many-projects';
import { columnName } from '../../src/core/grid';

export function manyProjectsXlsx(projects: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const parts: string[] = [];
  const rows = manyProjectsRows(projects);
  for (let r = 0; r < rows.length; r++) {
    const cells: string[] = [];
    rows[r].forEach((v, c) => {
      const ref = `${columnName(c + 1)}${r + 1}`;
      if (typeof v === 'number') cells.push(`<c r="${ref}"><v>${v}</v></c>`);
      else if (typeof v === 'string') cells.push(`<c r="${ref}" t="s"><v>${sst(v)}</v></c>`);
    });
    parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  }
  return buildXlsx([{ name: 'Sheet1', xml: parts.join('') }], { sharedStrings: strings });
}

/** `node -r ts-node/register/transpile-only scripts/bench/many-projects-xlsx.ts 250000 out.xlsx` */
if (require.main === module) {
  const n = Number(process.argv[2] ?? 250000);
  const out = process.argv[3] ?? `many-${n}.xlsx`;
  fs.writeFileSync(out, manyProjectsXlsx(n));
  process.stderr.write(`${out}: ${n} projects, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB\n`);
}
