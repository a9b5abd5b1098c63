/**
 * Generates the fixture workbooks from the hand transcription in test/fixtures/reference.ts
 * (the only copy of the data):
 *
 *   test/fixtures/clean-export.xlsx    an export from the budget system
 *   test/fixtures/pdf-conversion.xlsx  a PDF-to-Excel conversion (line breaks, text amounts,
 *                                      continuation rows)
 *   test/fixtures/hand-made.xlsx       a hand-made book (instructions sheet, table from column B,
 *                                      grouped two-row header, notes below)
 *   examples/sample.xlsx               the browser preview's sample (clean-export layout)
 *
 *   npx ts-node --transpile-only scripts/make-fixtures.ts      (npm run fixtures)
 *
 * The output is byte-for-byte deterministic: fixed document properties and fixed zip entry dates.
 * The `build*` functions are pure (rows, merges, layout facts) so tests and the benchmark can reuse
 * them without touching the file system; importing this module writes nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  REFERENCE,
  goalText,
  indicatorText,
  type ReferenceTable,
  type ReferenceProject,
} from '../test/fixtures/reference';
import type { AmountStrings, ColumnRole } from '../src/core/report';
import { columnName, type Cell, type Grid } from '../src/core/grid';

// ---------------------------------------------------------------------------------------------
// Layout description (pure data)

export type LayoutName = 'clean-export' | 'pdf-conversion' | 'hand-made' | 'sample';
export const LAYOUT_NAMES: readonly LayoutName[] = ['clean-export', 'pdf-conversion', 'hand-made', 'sample'];

/** One cell to write. `value` null = blank cell. */
export interface FixtureCell {
  value: string | number | null;
  /** Excel number format code. */
  numFmt?: string;
  /** Excel indent level (alignment.indent). */
  indent?: number;
  wrap?: boolean;
  bold?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle';
}

/** A sheet row; index 0 is column A. null / missing = nothing written. */
export type FixtureRow = (FixtureCell | null)[];

export type RowKindInLayout =
  'title' | 'unit-line' | 'header' | 'total' | 'unit' | 'project' | 'continuation' | 'blank' | 'note';

export interface RowRole {
  /** 1-based sheet row. */
  row: number;
  kind: RowKindInLayout;
  /** Project rows: the project's name (line breaks removed). */
  project?: string;
  /** Continuation rows: the project row continued, and the one column that holds text. */
  of?: number;
  column?: ColumnRole;
}

/** Where the table sits in a sheet (what a correct reader must find). */
export interface TableLayout {
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
  totalRow: number;
  unitRow: number;
  /** Project rows in reference order. */
  projectRows: number[];
  continuationRows: { row: number; of: number; column: ColumnRole }[];
  /** Column letters of the seven roles. */
  columns: Record<ColumnRole, string>;
  /** Every written row (and blank rows inside the table) with its role. */
  roles: RowRole[];
}

export interface FixtureSheet {
  name: string;
  /** rows[0] is sheet row 1. */
  rows: FixtureRow[];
  /** A1 ranges to merge. */
  merges: string[];
  /** Column widths; index 0 is column A (undefined = default). */
  columnWidths: (number | undefined)[];
  /** Present on the sheet that holds the table. */
  table?: TableLayout;
}

export interface FixtureWorkbook {
  layout: LayoutName;
  /** File name (no directory). */
  file: string;
  sheets: FixtureSheet[];
}

/** Where `npm run fixtures` writes each layout, relative to the repository root. */
export const FIXTURE_TARGETS: Record<LayoutName, string> = {
  'clean-export': 'test/fixtures/clean-export.xlsx',
  'pdf-conversion': 'test/fixtures/pdf-conversion.xlsx',
  'hand-made': 'test/fixtures/hand-made.xlsx',
  sample: 'examples/sample.xlsx',
};

/** Fixed document properties, so regenerating gives identical bytes. */
export const FIXTURE_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));
export const FIXTURE_CREATOR = '预算绩效表校验 scripts/make-fixtures.ts';

const ROLES: readonly ColumnRole[] = ['name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators'];
const AMOUNT_KEYS = ['total', 'fiscal', 'specialAccount', 'other'] as const;

function columnsFrom(firstCol: number): Record<ColumnRole, string> {
  const out = {} as Record<ColumnRole, string>;
  ROLES.forEach((r, i) => (out[r] = columnName(firstCol + i)));
  return out;
}

function isZero(a: string): boolean {
  return /^0+\.0+$/.test(a);
}

/** "1648.49" → "1,648.49". */
export function displayAmount(a: string): string {
  const [i, f] = a.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

function text(value: string, extra: Omit<FixtureCell, 'value'> = {}): FixtureCell {
  return { value, ...extra };
}

/** Amount cells as numbers with a number format; zero special/other cells blank unless `zeros`. */
function numericAmounts(a: AmountStrings, numFmt: string, zeros = false): FixtureRow {
  return AMOUNT_KEYS.map((k) => {
    const blankable = k === 'specialAccount' || k === 'other';
    if (blankable && isZero(a[k]) && !zeros) return null;
    return { value: Number(a[k]), numFmt };
  });
}

// ---------------------------------------------------------------------------------------------
// The layouts

/** Budget-system export: header on row 1, then 合计, unit, projects; one line per cell. */
export function buildCleanExport(
  t: ReferenceTable = REFERENCE,
  sheetName = 'Sheet1',
  layout: LayoutName = 'clean-export',
): FixtureWorkbook {
  const fmt = '#,##0.00';
  const rows: FixtureRow[] = [];
  const roles: RowRole[] = [];
  rows.push(t.columnTitles.map((h) => text(h, { bold: true })));
  roles.push({ row: 1, kind: 'header' });
  rows.push([text('合计'), ...numericAmounts(t.totalAmounts, fmt), null, null]);
  roles.push({ row: 2, kind: 'total' });
  rows.push([text(t.unitName), ...numericAmounts(t.unitAmounts, fmt), null, null]);
  roles.push({ row: 3, kind: 'unit' });
  const projectRows: number[] = [];
  for (const p of t.projects) {
    rows.push([
      text(p.name, { indent: 1 }),
      ...numericAmounts(p.amounts, fmt),
      text(goalText(p)),
      text(indicatorText(p)),
    ]);
    projectRows.push(rows.length);
    roles.push({ row: rows.length, kind: 'project', project: p.name });
  }
  return {
    layout,
    file: path.basename(FIXTURE_TARGETS[layout]),
    sheets: [
      {
        name: sheetName,
        rows,
        merges: [],
        columnWidths: [34, 12, 12, 14, 12, 60, 90],
        table: {
          headerRows: [1],
          firstDataRow: 2,
          lastDataRow: rows.length,
          totalRow: 2,
          unitRow: 3,
          projectRows,
          continuationRows: [],
          columns: columnsFrom(1),
          roles,
        },
      },
    ],
  };
}

/** The browser preview's sample: the clean-export layout on a sheet named 绩效目标表. */
export function buildSample(t: ReferenceTable = REFERENCE): FixtureWorkbook {
  return buildCleanExport(t, '绩效目标表', 'sample');
}

/** Which project rows of the PDF conversion spill onto a continuation row, and how. */
interface PdfSplit {
  /** Lines kept in the project row's cell; the rest go to the continuation row. */
  keep: number;
  column: 'goal' | 'indicators';
}

/**
 * The PDF conversion's page-break spills, by project index: project 1's lone "。", project 2's last
 * two goal lines, project 5's indicator text after the line ending "6".
 */
export const PDF_SPLITS: Record<number, PdfSplit> = {
  0: { keep: -1, column: 'indicators' },
  1: { keep: -2, column: 'goal' },
  4: { keep: -2, column: 'indicators' },
};
/** A stray blank row is left after this project index (PDF debris). */
export const PDF_BLANK_AFTER = 3;

/**
 * A PDF-to-Excel conversion: title and unit line above the header, wrapped header titles, amounts as
 * text with thousands separators, names indented with four spaces, cell text broken with "\n" where
 * the PDF breaks it, and page-break continuation rows.
 */
export function buildPdfConversion(t: ReferenceTable = REFERENCE): FixtureWorkbook {
  const wrap = { wrap: true, vertical: 'top' as const };
  const rows: FixtureRow[] = [];
  const roles: RowRole[] = [];
  const pushRow = (r: FixtureRow, role: Omit<RowRole, 'row'>): number => {
    rows.push(r);
    roles.push({ row: rows.length, ...role });
    return rows.length;
  };
  const textAmounts = (a: AmountStrings): FixtureRow =>
    AMOUNT_KEYS.map((k) =>
      isZero(a[k]) && k !== 'total' && k !== 'fiscal' ? null : text(displayAmount(a[k]), { horizontal: 'right' }),
    );

  pushRow([text(t.title, { bold: true, horizontal: 'center' })], { kind: 'title' });
  pushRow([text(t.unitLine)], { kind: 'unit-line' });
  // The header as the PDF wraps it: 财政专|户拨款 and 其他|资金.
  const header = [
    '项目名称（资金使用单位）',
    '总计',
    '财政拨款',
    '财政专\n户拨款',
    '其他\n资金',
    '绩效目标',
    '绩效指标',
  ];
  const headerRow = pushRow(
    header.map((h) => text(h, { ...wrap, horizontal: 'center' })),
    { kind: 'header' },
  );
  const totalRow = pushRow([text('合计'), ...textAmounts(t.totalAmounts), null, null], { kind: 'total' });
  const unitRow = pushRow([text(t.unitName), ...textAmounts(t.unitAmounts), null, null], { kind: 'unit' });

  const projectRows: number[] = [];
  const continuationRows: TableLayout['continuationRows'] = [];
  t.projects.forEach((p: ReferenceProject, i) => {
    const split = PDF_SPLITS[i];
    let goal = p.goalLines;
    let indicators = p.indicatorLines;
    let rest: string[] = [];
    if (split?.column === 'goal') {
      rest = goal.slice(split.keep);
      goal = goal.slice(0, split.keep);
    } else if (split?.column === 'indicators') {
      rest = indicators.slice(split.keep);
      indicators = indicators.slice(0, split.keep);
    }
    const name = `    ${p.nameLines.join('\n')}`;
    const row = pushRow(
      [text(name, wrap), ...textAmounts(p.amounts), text(goal.join('\n'), wrap), text(indicators.join('\n'), wrap)],
      { kind: 'project', project: p.name },
    );
    projectRows.push(row);
    if (split) {
      const cells: FixtureRow = [null, null, null, null, null, null, null];
      cells[split.column === 'goal' ? 5 : 6] = text(rest.join('\n'), wrap);
      const c = pushRow(cells, { kind: 'continuation', of: row, column: split.column });
      continuationRows.push({ row: c, of: row, column: split.column });
    }
    if (i === PDF_BLANK_AFTER) pushRow([], { kind: 'blank' });
  });

  return {
    layout: 'pdf-conversion',
    file: path.basename(FIXTURE_TARGETS['pdf-conversion']),
    sheets: [
      {
        name: 'Table 1',
        rows,
        merges: ['A1:G1'],
        columnWidths: [30, 11, 11, 10, 7, 36, 66],
        table: {
          headerRows: [headerRow],
          firstDataRow: totalRow,
          lastDataRow: rows.length,
          totalRow,
          unitRow,
          projectRows,
          continuationRows,
          columns: columnsFrom(1),
          roles,
        },
      },
    ],
  };
}

/** Project indexes of the hand-made book whose blank special/other cells are written as 0. */
export const HAND_MADE_ZERO_PROJECTS: readonly number[] = [0, 2, 4, 6, 8];

export const HAND_MADE_INSTRUCTIONS: readonly string[] = [
  '填表说明',
  '1. 请在“绩效目标表”工作表中填写本单位的项目支出绩效目标。',
  '2. 金额单位为万元，保留两位小数；总计 = 财政拨款 + 财政专户拨款 + 其他资金。',
  '3. 绩效指标按“序号、一级指标；二级指标；三级指标；实施周期指标值:…；年度指标值:…。”填写。',
  '4. 本页仅为说明，不参与校验。',
];

/**
 * A hand-made book: an instructions sheet, then the table from column B under two title rows and a
 * "单位：万元" row, with a grouped two-row header (资金来源 over the three sources) and notes below.
 */
export function buildHandMade(t: ReferenceTable = REFERENCE): FixtureWorkbook {
  const fmt = '0.00';
  const center = { horizontal: 'center' as const, vertical: 'middle' as const, bold: true };
  const rows: FixtureRow[] = [];
  const roles: RowRole[] = [];
  const pushRow = (cells: FixtureRow, role: Omit<RowRole, 'row'>): number => {
    rows.push([null, ...cells]); // column A stays empty
    roles.push({ row: rows.length, ...role });
    return rows.length;
  };

  pushRow([text(t.title, { bold: true, horizontal: 'center' })], { kind: 'title' });
  pushRow([text(`单位名称：${t.unitName}`, { horizontal: 'center' })], { kind: 'title' });
  pushRow([null, null, null, null, null, null, text('单位：万元', { horizontal: 'right' })], { kind: 'unit-line' });
  const h1 = pushRow(
    [
      text('项目名称', center),
      text('总计', center),
      text('资金来源', center),
      null,
      null,
      text('绩效目标', center),
      text('绩效指标', center),
    ],
    { kind: 'header' },
  );
  const h2 = pushRow(
    [null, null, text('财政拨款', center), text('财政专户拨款', center), text('其他资金', center), null, null],
    { kind: 'header' },
  );
  const totalRow = pushRow([text('合计'), ...numericAmounts(t.totalAmounts, fmt, true), null, null], { kind: 'total' });
  const unitRow = pushRow([text(t.unitName), ...numericAmounts(t.unitAmounts, fmt, true), null, null], {
    kind: 'unit',
  });
  const projectRows = t.projects.map((p, i) =>
    pushRow(
      [
        text(p.name),
        ...numericAmounts(p.amounts, fmt, HAND_MADE_ZERO_PROJECTS.includes(i)),
        text(goalText(p)),
        text(indicatorText(p)),
      ],
      { kind: 'project', project: p.name },
    ),
  );
  const lastDataRow = rows.length;
  pushRow([], { kind: 'blank' });
  pushRow([text('注：本表金额单位为万元。')], { kind: 'note' });
  pushRow([text('填表人：张三 审核人：李四')], { kind: 'note' });

  const c = columnsFrom(2);
  return {
    layout: 'hand-made',
    file: path.basename(FIXTURE_TARGETS['hand-made']),
    sheets: [
      {
        name: '填表说明',
        rows: HAND_MADE_INSTRUCTIONS.map((l, i) => [text(l, i === 0 ? { bold: true } : {})]),
        merges: [],
        columnWidths: [90],
      },
      {
        name: '绩效目标表',
        rows,
        merges: [
          `B1:H1`,
          `B2:H2`,
          `${c.name}${h1}:${c.name}${h2}`,
          `${c.total}${h1}:${c.total}${h2}`,
          `${c.fiscal}${h1}:${c.other}${h1}`,
          `${c.goal}${h1}:${c.goal}${h2}`,
          `${c.indicators}${h1}:${c.indicators}${h2}`,
        ],
        columnWidths: [3, 30, 11, 11, 13, 11, 50, 80],
        table: {
          headerRows: [h1, h2],
          firstDataRow: totalRow,
          lastDataRow,
          totalRow,
          unitRow,
          projectRows,
          continuationRows: [],
          columns: c,
          roles,
        },
      },
    ],
  };
}

export const LAYOUT_BUILDERS: Record<LayoutName, (t?: ReferenceTable) => FixtureWorkbook> = {
  'clean-export': (t) => buildCleanExport(t),
  'pdf-conversion': buildPdfConversion,
  'hand-made': buildHandMade,
  sample: buildSample,
};

/** All four layouts of a table (the reference table by default). */
export function buildLayouts(t: ReferenceTable = REFERENCE): Record<LayoutName, FixtureWorkbook> {
  const out = {} as Record<LayoutName, FixtureWorkbook>;
  for (const n of LAYOUT_NAMES) out[n] = LAYOUT_BUILDERS[n](t);
  return out;
}

/**
 * A bigger table for benchmarks: the reference projects repeated `copies` times (names suffixed
 * "（k）" from the second copy), unit and 合计 recomputed in exact cents.
 */
export function scaledReference(copies: number, t: ReferenceTable = REFERENCE): ReferenceTable {
  const projects: ReferenceProject[] = [];
  for (let k = 0; k < copies; k++) {
    for (const p of t.projects) {
      const suffix = k === 0 ? '' : `（${k + 1}）`;
      projects.push({
        ...p,
        name: p.name + suffix,
        nameLines: [...p.nameLines.slice(0, -1), p.nameLines[p.nameLines.length - 1] + suffix],
      });
    }
  }
  const sum = {} as AmountStrings;
  for (const k of AMOUNT_KEYS) {
    const cents = projects.reduce((s, p) => {
      const [i, f] = p.amounts[k].split('.');
      return s + Number(i) * 100 + Number(f);
    }, 0);
    sum[k] = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  }
  return { ...t, projects, totalAmounts: sum, unitAmounts: { ...sum } };
}

// ---------------------------------------------------------------------------------------------
// Grids (what a host hands the core) and workbooks

function displayText(c: FixtureCell): string | undefined {
  if (typeof c.value !== 'number') return undefined;
  if (c.numFmt === '#,##0.00') return displayAmount(c.value.toFixed(2));
  if (c.numFmt === '0.00') return c.value.toFixed(2);
  return undefined;
}

/** The sheet as the core's Grid (its used range; merged cells other than the master are blank). */
export function sheetToGrid(sheet: FixtureSheet): Grid {
  let top = Infinity;
  let left = Infinity;
  sheet.rows.forEach((r, ri) =>
    r.forEach((c, ci) => {
      if (c && c.value !== null) {
        top = Math.min(top, ri + 1);
        left = Math.min(left, ci + 1);
      }
    }),
  );
  if (top === Infinity) return { sheet: sheet.name, top: 1, left: 1, cells: [] };
  const cells = sheet.rows.slice(top - 1).map((r) =>
    r.slice(left - 1).map((c): Cell | null => {
      if (!c || c.value === null) return null;
      const cell: Cell = { value: c.value };
      const shown = displayText(c);
      if (shown !== undefined) cell.text = shown;
      if (c.indent) cell.indent = c.indent;
      if (c.numFmt) cell.numberFormat = c.numFmt;
      return cell;
    }),
  );
  return { sheet: sheet.name, top, left, cells };
}

/** The ExcelJS workbook of a layout (document properties fixed). */
export function toExcelWorkbook(fw: FixtureWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = FIXTURE_CREATOR;
  wb.lastModifiedBy = FIXTURE_CREATOR;
  wb.created = FIXTURE_DATE;
  wb.modified = FIXTURE_DATE;
  for (const s of fw.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.columnWidths.forEach((w, i) => {
      if (w !== undefined) ws.getColumn(i + 1).width = w;
    });
    s.rows.forEach((r, ri) =>
      r.forEach((c, ci) => {
        if (!c) return;
        const cell = ws.getCell(ri + 1, ci + 1);
        if (c.value !== null) cell.value = c.value;
        if (c.numFmt) cell.numFmt = c.numFmt;
        const alignment: Partial<ExcelJS.Alignment> = {};
        if (c.indent) alignment.indent = c.indent;
        if (c.wrap) alignment.wrapText = true;
        if (c.horizontal) alignment.horizontal = c.horizontal;
        if (c.vertical) alignment.vertical = c.vertical;
        if (Object.keys(alignment).length) cell.alignment = alignment;
        if (c.bold) cell.font = { bold: true };
      }),
    );
    for (const m of s.merges) ws.mergeCells(m);
  }
  return wb;
}

/** Re-packs a zip with every entry dated FIXTURE_DATE, so the bytes do not depend on the clock. */
async function fixZipDates(buf: Buffer): Promise<Buffer> {
  const src = await JSZip.loadAsync(buf);
  const out = new JSZip();
  const names: string[] = [];
  src.forEach((name, entry) => {
    if (!entry.dir) names.push(name);
  });
  for (const name of names) {
    const data = await src.file(name)!.async('nodebuffer');
    out.file(name, data, { date: FIXTURE_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The .xlsx bytes of a layout (deterministic). */
export async function toXlsxBuffer(fw: FixtureWorkbook): Promise<Buffer> {
  const raw = Buffer.from(await toExcelWorkbook(fw).xlsx.writeBuffer());
  return fixZipDates(raw);
}

/**
 * Writes layouts into `outDir` under their file names (clean-export.xlsx, pdf-conversion.xlsx,
 * hand-made.xlsx, sample.xlsx); returns the paths written.
 */
export async function writeLayouts(
  outDir: string,
  names: readonly LayoutName[] = LAYOUT_NAMES,
  t: ReferenceTable = REFERENCE,
): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const n of names) {
    const fw = LAYOUT_BUILDERS[n](t);
    const file = path.join(outDir, fw.file);
    fs.writeFileSync(file, await toXlsxBuffer(fw));
    written.push(file);
  }
  return written;
}

/** Regenerates the committed fixtures (FIXTURE_TARGETS) under the repository root. */
export async function writeFixtures(root: string = path.resolve(__dirname, '..')): Promise<string[]> {
  const written: string[] = [];
  for (const n of LAYOUT_NAMES) {
    const target = path.join(root, FIXTURE_TARGETS[n]);
    written.push(...(await writeLayouts(path.dirname(target), [n])));
  }
  return written;
}

if (require.main === module) {
  writeFixtures().then(
    (files) => {
      for (const f of files) console.log(`wrote ${path.relative(process.cwd(), f)}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
