/**
 * The command line reads what the clerk accepted in Excel (已确认) from the .xlsx's web-extension
 * part: those findings carry `"accepted": {"reason", "at"}` in the JSON and do not fail the run;
 * an edited cell brings its finding back. Reading never throws.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readWorkbookAcceptances } from '../../src/cli/acceptances';
import { readGrids } from '../../src/cli/read-xlsx';
import { ACCEPTANCES_SETTING, cellHash, serialiseAcceptances, type Acceptance } from '../../src/core/acceptances';
import { FIXTURES, run, tempDir } from './helpers';

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string;
  indicator: number | null;
  accepted?: { reason: string; at: string };
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The part Excel writes for an add-in with settings (the value is the JSON of the stored string). */
function webExtensionXml(list: Acceptance[]): string {
  const value = JSON.stringify(serialiseAcceptances(list));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5C7C8FEF-A7C0-4F0F-9C7E-38A6C7E37EC8}">' +
    '<we:reference id="budget-check" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>' +
    `<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/><we:property name="${ACCEPTANCES_SETTING}" value="${escapeAttr(value)}"/></we:properties>` +
    '<we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>'
  );
}

function withPart(xlsx: Uint8Array, xml: string): Uint8Array {
  const files = unzipSync(xlsx);
  files['xl/webextensions/webextension1.xml'] = strToU8(xml);
  return zipSync(files);
}

const DEFECTS = path.join(FIXTURES, 'defects.xlsx');
let dir: string;
let errors: JsonFinding[];
let sheet: string;
let hashOf: (cell: string) => string;

beforeAll(async () => {
  dir = tempDir();
  const r = await run([DEFECTS, '--format', 'json']);
  const report = JSON.parse(r.stdout) as { tables: { sheet: string; findings: JsonFinding[] }[] };
  sheet = report.tables[0].sheet;
  errors = report.tables[0].findings.filter((f) => f.severity === 'error');
  const grid = readGrids(readFileSync(DEFECTS)).find((g) => g.sheet === sheet);
  if (!grid) throw new Error('no grid');
  hashOf = (cell) => cellHash(grid, cell);
});

const acceptance = (f: JsonFinding, hash: string): Acceptance => ({
  sheet,
  cell: f.cell,
  rule: f.rule,
  indicator: f.indicator,
  hash,
  reason: `已核对 ${f.cell}`,
  at: '2026-11-30T08:00:00.000Z',
});

describe('acceptances from the workbook', () => {
  test('accepted errors are reported as accepted and do not fail the run', async () => {
    expect(errors.length).toBeGreaterThan(1);
    const before = await run([DEFECTS, '--format', 'json']);
    expect(before.code).toBe(1);
    const file = path.join(dir, 'accepted.xlsx');
    writeFileSync(
      file,
      withPart(readFileSync(DEFECTS), webExtensionXml(errors.map((f) => acceptance(f, hashOf(f.cell))))),
    );
    const r = await run([file, '--format', 'json']);
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.stdout) as { tables: { findings: JsonFinding[] }[] }).tables[0].findings;
    for (const f of findings.filter((x) => x.severity === 'error')) {
      expect(f.accepted).toEqual({ reason: `已核对 ${f.cell}`, at: '2026-11-30T08:00:00.000Z' });
    }
    expect(findings.filter((x) => x.severity !== 'error').every((x) => x.accepted === undefined)).toBe(true);
  });

  test('an acceptance of a cell whose text changed since does not hold', async () => {
    const file = path.join(dir, 'stale.xlsx');
    const list = errors.map((f, i) => acceptance(f, i === 0 ? 'not-the-hash' : hashOf(f.cell)));
    writeFileSync(file, withPart(readFileSync(DEFECTS), webExtensionXml(list)));
    const r = await run([file, '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { tables: { findings: JsonFinding[] }[] }).tables[0].findings;
    const first = findings.find(
      (f) => f.cell === errors[0].cell && f.rule === errors[0].rule && f.indicator === errors[0].indicator,
    );
    expect(first?.accepted).toBeUndefined();
  });

  test('a workbook without the part has no acceptances; reading never throws', () => {
    expect(readWorkbookAcceptances(readFileSync(DEFECTS))).toEqual([]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(Array.isArray(readWorkbookAcceptances(bytes))).toBe(true);
      }),
      { numRuns: 200 },
    );
    const broken = withPart(
      readFileSync(DEFECTS),
      '<we:webextension><we:property name="budgetCheck.accepted" value="{not json',
    );
    expect(readWorkbookAcceptances(broken)).toEqual([]);
  });
});
