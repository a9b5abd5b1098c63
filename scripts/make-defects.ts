/**
 * Generates test/fixtures/defects.xlsx: the clean-export layout of the reference table with three
 * more projects and a dozen defects, one per project where possible, each producing only its own
 * findings (test/core/defects.test.ts lists them, with the reason for every one).
 *
 *   npx ts-node --transpile-only scripts/make-defects.ts
 *
 * The output is deterministic (toXlsxBuffer). The builder is pure, so the test can rebuild the
 * workbook and compare it with the committed file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildCleanExport, toXlsxBuffer, type FixtureSheet, type FixtureWorkbook } from './make-fixtures';
import { REFERENCE, type ReferenceProject, type ReferenceTable } from '../test/fixtures/reference';
import type { AmountStrings } from '../src/core/report';

export const DEFECTS_TARGET = 'test/fixtures/defects.xlsx';

/** One planted defect: where it is and what it is (the expected findings live in the test). */
export interface Defect {
  id: string;
  /** 1-based sheet row of the defect. */
  row: number;
  project: string | null;
  what: string;
}

const AMOUNT_KEYS = ['total', 'fiscal', 'specialAccount', 'other'] as const;

function toCents(a: string): number {
  const [i, f] = a.split('.');
  return Number(i) * 100 + Number(f);
}

function fromCents(c: number): string {
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

function amounts(total: string, fiscal: string): AmountStrings {
  return { total, fiscal, specialAccount: '0.00', other: '0.00' };
}

/** Replaces `from` in a project's indicator text (which must contain it exactly once). */
function edit(p: ReferenceProject, from: string, to: string): ReferenceProject {
  const lines = [p.indicatorLines.join('')];
  const text = lines[0];
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`${p.name}: "${from}" must occur exactly once`);
  return { ...p, indicatorLines: [text.slice(0, at) + to + text.slice(at + from.length)] };
}

function copy(p: ReferenceProject, name: string, total: string): ReferenceProject {
  return { ...p, name, nameLines: [name], amounts: amounts(total, total) };
}

/** Sheet rows: 1 header, 2 合计, 3 unit, 4–12 the reference projects, 13–15 the copies. */
export const ROW = { total: 2, unit: 3, firstProject: 4 } as const;

/** The twelve projects (amounts as intended, before the amount defects are typed in). */
function projects(): ReferenceProject[] {
  const [p0, p1, p2, p3, p4, p5, p6, p7, p8] = REFERENCE.projects;
  return [
    // row 4 — S3: 一级 code and name disagree (a 数量指标 item filed under "1-效益指标").
    edit(
      p0,
      '2、1-产出指标；11-数量指标；编外人员五险一金缴纳率',
      '2、1-效益指标；11-数量指标；编外人员五险一金缴纳率',
    ),
    // row 5 — S2: numbering gap (item 8 numbered 9).
    edit(p1, '8、3-满意度指标', '9、3-满意度指标'),
    // row 6 — V3: a satisfaction of 120%.
    edit(p2, '实施周期指标值:≥98%；年度指标值:≥98%', '实施周期指标值:120%；年度指标值:120%'),
    // row 7 — V1: a template placeholder left in.
    edit(p3, '实施周期指标值:≥20；年度指标值:≥20', '实施周期指标值:≥**；年度指标值:≥**'),
    // row 8 — P2: an annual count above the period count.
    edit(p4, '巡查次数；实施周期指标值:≥12次；年度指标值:≥12次', '巡查次数；实施周期指标值:≥12次；年度指标值:≥24次'),
    // row 9 — A2/A3: 财政拨款 42.00 typed as 24.00 (written into the sheet below).
    p5,
    // row 10 — P1: 实施周期 and 年度 in different units.
    edit(p6, '实施周期指标值:1次；年度指标值:1次', '实施周期指标值:1次；年度指标值:1个'),
    // row 11 — S7: 年度指标值 missing.
    edit(
      p7,
      '跨境电商数据专线保障月数；实施周期指标值:12个月；年度指标值:12个月',
      '跨境电商数据专线保障月数；实施周期指标值:12个月',
    ),
    // row 12 — V2: a comparator without a number.
    edit(p8, '实施周期指标值:1次；年度指标值:1次', '实施周期指标值:≥1次；年度指标值:≥'),
    // row 13 — S4: a 二级 under the wrong 一级.
    edit(
      copy(p6, '口岸查验单位后勤保障经费（二期）', '88.00'),
      '3、2-效益指标；22-社会效益',
      '3、2-效益指标；12-质量指标',
    ),
    // row 14 — A1: `abc` in 财政专户拨款 (written into the sheet below).
    copy(p7, '口岸广域网运作经费（备用线路）', '12.30'),
    // row 15 — no defect: a clean copy, a control.
    copy(p8, '共建文明口岸活动经费（港口）', '3.20'),
  ];
}

export const DEFECTS: readonly Defect[] = [
  { id: 'wrong-total', row: 2, project: null, what: '合计 总计 1,751.99 typed as 1,715.99 (digits swapped)' },
  { id: 'level1-mismatch', row: 4, project: '机构运行辅助经费', what: 'item 2 filed under 1-效益指标' },
  { id: 'ordinal-gap', row: 5, project: '车检场口岸单位经费', what: 'items numbered 1–7, 9' },
  { id: 'satisfaction-120', row: 6, project: '港口口岸单位经费', what: 'item 5 satisfaction 120%' },
  { id: 'placeholder', row: 7, project: '花都海关招商引资工作经费', what: 'item 2 target ≥**' },
  { id: 'annual-exceeds', row: 8, project: '口岸车检场配套设施维修维护', what: 'item 1 period ≥12次, annual ≥24次' },
  { id: 'fiscal-typo', row: 9, project: '口岸车检场水电费', what: '财政拨款 42.00 typed as 24.00' },
  { id: 'unit-mismatch', row: 10, project: '口岸查验单位后勤保障经费', what: 'item 2 period 1次, annual 1个' },
  { id: 'annual-missing', row: 11, project: '口岸广域网运作经费', what: 'item 2 without 年度指标值' },
  { id: 'comparator-no-number', row: 12, project: '共建文明口岸活动经费', what: 'item 2 annual target ≥ alone' },
  {
    id: 'level2-wrong-parent',
    row: 13,
    project: '口岸查验单位后勤保障经费（二期）',
    what: 'item 3 2-效益指标；12-质量指标',
  },
  { id: 'amount-abc', row: 14, project: '口岸广域网运作经费（备用线路）', what: '财政专户拨款 abc' },
];

/** The defects table (intended amounts: unit and 合计 are the exact sums of the intended projects). */
export function defectsTable(): ReferenceTable {
  const list = projects();
  const sum = {} as AmountStrings;
  for (const k of AMOUNT_KEYS) sum[k] = fromCents(list.reduce((s, p) => s + toCents(p.amounts[k]), 0));
  return { ...REFERENCE, projects: list, unitAmounts: { ...sum }, totalAmounts: { ...sum } };
}

function setCell(sheet: FixtureSheet, row: number, col: number, value: string | number): void {
  const cell = sheet.rows[row - 1][col - 1];
  if (!cell) throw new Error(`no cell at row ${row} column ${col}`);
  sheet.rows[row - 1][col - 1] = { ...cell, value };
}

/** The workbook: the clean-export layout of defectsTable() with the three amount defects typed in. */
export function buildDefects(): FixtureWorkbook {
  const t = defectsTable();
  const fw = buildCleanExport(t);
  fw.file = path.basename(DEFECTS_TARGET);
  const sheet = fw.sheets[0];
  // 合计 总计: 1751.99 with two digits swapped.
  if (t.totalAmounts.total !== '1751.99') throw new Error(`unexpected 合计 ${t.totalAmounts.total}`);
  setCell(sheet, ROW.total, 2, 1715.99);
  // 口岸车检场水电费 财政拨款: 42.00 typed as 24.00.
  setCell(sheet, 9, 3, 24);
  // 口岸广域网运作经费（备用线路） 财政专户拨款: text `abc` (the cell is blank in the layout: write one).
  sheet.rows[14 - 1][4 - 1] = { value: 'abc' };
  return fw;
}

export async function writeDefects(root: string = path.resolve(__dirname, '..')): Promise<string> {
  const file = path.join(root, DEFECTS_TARGET);
  fs.writeFileSync(file, await toXlsxBuffer(buildDefects()));
  return file;
}

if (require.main === module) {
  writeDefects().then(
    (file) => console.log(`wrote ${path.relative(process.cwd(), file)}`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
