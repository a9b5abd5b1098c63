/**
 * A date typed into an amount column is a finding (amount-not-number), never an amount: neither a
 * date-formatted number (2026-01-05 is the serial 46027) nor an ISO date cell (`t="d"`, which the
 * ExcelJS reader read as its year, 2,026.00).
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ROOT, run, tempDir } from './helpers';

interface JsonReport {
  tables: { findings: { rule: string; cell: string }[] }[];
}

async function sampleWith(edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(ROOT, 'examples', 'sample.xlsx')) as unknown as ExcelJS.Buffer);
  edit(wb.worksheets[0]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function findings(bytes: Uint8Array): Promise<{ rule: string; cell: string }[]> {
  const f = path.join(tempDir(), 'dated.xlsx');
  writeFileSync(f, bytes);
  const r = await run([f, '--format', 'json']);
  return (JSON.parse(r.stdout) as JsonReport).tables.flatMap((t) => t.findings);
}

test('a date-formatted number in an amount cell is amount-not-number', async () => {
  const bytes = await sampleWith((ws) => {
    ws.getCell('C4').value = new Date(Date.UTC(2026, 0, 5));
    ws.getCell('C4').numFmt = 'yyyy-mm-dd';
  });
  expect(await findings(bytes)).toContainEqual(expect.objectContaining({ rule: 'amount-not-number', cell: 'C4' }));
});

test('an ISO date cell (t="d") in an amount cell is amount-not-number, not 2,026', async () => {
  const bytes = await sampleWith((ws) => {
    ws.getCell('C4').value = 1;
  });
  const parts = unzipSync(bytes);
  const name = Object.keys(parts).find((n) => /worksheets\/sheet1\.xml$/.test(n)) as string;
  const xml = strFromU8(parts[name]).replace(
    /<c r="C4"[^>]*>.*?<\/c>/,
    '<c r="C4" t="d"><v>2026-01-05T00:00:00</v></c>',
  );
  expect(xml).toContain('t="d"');
  parts[name] = strToU8(xml);
  expect(await findings(zipSync(parts))).toContainEqual(
    expect.objectContaining({ rule: 'amount-not-number', cell: 'C4' }),
  );
});
