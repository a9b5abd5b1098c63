/**
 * A form block → the one model the rules read: a table with one project row (its name, unit and
 * amounts) and that project's indicators from the annual grid, the long-term values beside them
 * (L3b) or from a separate 长期 grid (L10).
 */
import { type Amount, type AmountRead, BLANK_READ } from '../../amounts';
import { type Grid, address, columnName } from '../../grid';
import { joinLines } from '../../indicators/normalise';
import type { AmountLine, FormAmounts, ProjectModel, TableModel } from '../../model';
import type { AmountRole } from '../../report';
import type { Columns } from '../locate';
import type { Table, TableRow } from '../classify';
import { type AmountUnit, readFormAmount, toTableUnit } from '../amount-text';
import { type FieldHit, bestField, fieldLines, readFields } from './form-fields';
import type { FormBlock } from './form';
import type { FormField } from '../layouts/labels';
import { type GridIndicators, type PeriodLookup, gridIndicators, periodKey } from './grid-indicators';
import type { GridHeader } from './indicator-grid';

const UNIT_LINE = /(?:金额)?单位\s*[:：]\s*(万元|元)/;
const UNIT_IN_LABEL = /[(（](万元|元)[)）]/;

/** A labelled amount in the form's unit (`120000元` on a 万元 form reads 12.00; amount-unit-converted says so). */
function line(h: FieldHit, unit: AmountUnit): AmountLine {
  return { label: h.label, cell: h.cell, read: toTableUnit(readFormAmount(h.value), unit, h.text.trim()) };
}

/** The sum of amount reads; the first unreadable one stands for the sum (amount-not-number reports it). */
export function sumReads(reads: readonly AmountRead[]): AmountRead {
  let cents = 0;
  let decimals = 0;
  let blank = true;
  for (const r of reads) {
    if (!r.ok) return r;
    cents += r.amount.cents;
    if (!r.amount.blank) {
      blank = false;
      decimals = Math.max(decimals, r.amount.decimals);
    }
  }
  if (blank) return BLANK_READ;
  const amount: Amount = { cents, decimals, blank: false };
  return { ok: true, amount };
}

function formAmounts(hits: readonly FieldHit[], unit: AmountUnit): FormAmounts {
  const lineOf = (h: FieldHit) => line(h, unit);
  const one = (f: Parameters<typeof bestField>[1]) => {
    const h = bestField(hits, f);
    return h ? lineOf(h) : null;
  };
  return {
    total: one('total'),
    fiscal: one('fiscal'),
    carryover: one('carryover'),
    other: fieldLines(hits, 'other').map(lineOf),
    fiscalLines: fieldLines(hits, 'fiscalLine').map(lineOf),
    fiscalLevels: fieldLines(hits, 'fiscalLevel').map(lineOf),
  };
}

const AMOUNT_FIELDS: ReadonlySet<FormField> = new Set([
  'total',
  'fiscal',
  'fiscalLine',
  'fiscalLevel',
  'other',
  'carryover',
]);

/**
 * The unit of a form's amounts: a `单位：万元` line, `(万元)` in a label, the unit its amount cells name
 * when every one names it; else 万元.
 */
function formUnit(block: FormBlock, hits: readonly FieldHit[]): '万元' | '元' {
  for (const t of block.fieldTexts.values()) {
    for (const text of t.texts) {
      const m = UNIT_LINE.exec(text) ?? UNIT_IN_LABEL.exec(text);
      if (m) return m[1] as '万元' | '元';
    }
  }
  // A unit in a cell is the form's only when no amount is a bare number: beside `50`, `500000元` is a
  // 元 figure on a 万元 form (converted), not a sign that the 50 is in 元.
  let named: AmountUnit | null = null;
  for (const h of hits) {
    if (!AMOUNT_FIELDS.has(h.field)) continue;
    const a = readFormAmount(h.value);
    if (a.unit) named ??= a.unit;
    else if (a.read.ok && !a.read.amount.blank) return '万元';
  }
  return named ?? '万元';
}

function projectRow(row: number, name: string, unit: string | null, a: FormAmounts): TableRow {
  const fiscalParts = a.fiscal ? [a.fiscal] : a.fiscalLines.length ? a.fiscalLines : a.fiscalLevels;
  const fiscal = a.fiscal ? a.fiscal.read : sumReads(fiscalParts.map((l) => l.read));
  const other = sumReads(a.other.map((l) => l.read));
  const carry = a.carryover ? a.carryover.read : BLANK_READ;
  const total = a.total ? a.total.read : sumReads([fiscal, carry, other]);
  const single = (lines: AmountLine[]) => (lines.length === 1 ? lines[0].cell : null);
  const amounts: Record<AmountRole, AmountRead> = {
    total,
    fiscal,
    specialAccount: BLANK_READ,
    other,
  };
  const amountCells: Record<AmountRole, string | null> = {
    total: a.total?.cell ?? null,
    fiscal: single(fiscalParts),
    specialAccount: null,
    other: single(a.other),
  };
  return {
    row,
    kind: 'project',
    name,
    indent: 0,
    amounts,
    amountCells,
    goal: '',
    indicators: '',
    goalFull: '',
    indicatorsFull: '',
    unit,
    of: null,
  };
}

function gridColumns(h: GridHeader): Columns {
  const cols: Columns = {};
  const annual = h.sets[h.sets.length - 1];
  if (h.level1 !== undefined) cols.level1 = h.level1;
  if (annual.level2 !== undefined) cols.level2 = annual.level2;
  if (annual.level3 !== undefined) cols.level3 = annual.level3;
  if (h.comparator !== undefined) cols.comparator = h.comparator;
  if (annual.value !== undefined) cols.value = annual.value;
  if (h.valueUnit !== undefined) cols.valueUnit = h.valueUnit;
  if (h.sets.length > 1 && h.sets[0].value !== undefined) cols.period = h.sets[0].value;
  if (h.weight !== undefined) cols.weight = h.weight;
  return cols;
}

/** L10: the long-term grid's values by (一级, 二级, 三级), for the annual grid's rows. */
function periodLookup(read: GridIndicators): PeriodLookup {
  const byKey = new Map<string, GridIndicators['items'][number]>();
  for (const it of read.items) {
    const s = it.source;
    byKey.set(periodKey(s?.level1Written ?? null, s?.level2Written ?? null, it.name), it);
  }
  return (l1, l2, name) => {
    const it = byKey.get(periodKey(l1, l2, name)) ?? null;
    return it && it.annual ? { value: it.annual, span: it.annualSpan, unitInValue: null } : null;
  };
}

export function formModel(grid: Grid, block: FormBlock): TableModel {
  const hits = readFields(grid, block.fieldRows, block.fieldTexts);
  const nameHit = bestField(hits, 'name', true);
  const unitHit = bestField(hits, 'unit') ?? bestField(hits, 'department');
  const unit = formUnit(block, hits);
  const amounts = formAmounts(hits, unit);
  const annualGrid = [...block.grids].reverse().find((g) => g.kind === 'annual') ?? block.grids[block.grids.length - 1];
  const periodGrid = block.grids.find((g) => g !== annualGrid && g.kind === 'period');
  const lookup = periodGrid ? periodLookup(gridIndicators(periodGrid.header, periodGrid.rows)) : null;
  const read = gridIndicators(annualGrid.header, annualGrid.rows, lookup);

  const nameRow = nameHit ? Number(/\d+$/.exec(nameHit.cell)?.[0] ?? block.top) : block.top;
  const row = projectRow(
    nameRow,
    nameHit ? joinLines(nameHit.text).text.trim() : '',
    unitHit ? unitHit.text : null,
    amounts,
  );
  const columns = gridColumns(annualGrid.header);
  const table: Table = {
    sheet: grid.sheet,
    header: { top: block.top, bottom: annualGrid.header.bottom, columns, unit },
    bottom: block.bottom,
    rows: [row],
    columns,
    left: block.left,
    right: block.right,
  };
  const project: ProjectModel = {
    row,
    indicatorCell: null,
    goalCell: null,
    // A form with no 项目名称 still anchors its project-level findings inside it: its top-left cell
    // (column A may lie outside a form placed further right).
    nameCell: nameHit ? nameHit.cell : address(nameRow, Math.min(block.left, annualGrid.header.left)),
    parsed: { joined: joinLines(''), items: read.items, leftovers: [] },
    ownLength: 0,
    extra: { amounts, templates: read.templates, notApplicable: read.notApplicable },
  };
  const hasLevels =
    annualGrid.header.level1 !== undefined || annualGrid.header.sets.some((s) => s.level2 !== undefined);
  return { grid, table, projects: [project], layout: 'form', title: block.title, hasLevels };
}

/** Column letters of a grid table's roles (for the report's `columns`). */
export function columnLettersOf(columns: Columns): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, c] of Object.entries(columns)) if (c !== undefined) out[role] = columnName(c);
  return out;
}
