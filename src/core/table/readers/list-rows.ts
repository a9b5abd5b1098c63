/**
 * The `list-rows` reader (L2, Sichuan 井研): many projects, one row per indicator. The unit (单位名称)
 * and each project's name, 预算数 and 年度目标 are written on its first row and merged down; a row with
 * a unit name and an amount but no project is a department total (Σ of its projects below).
 */
import { type Grid, address, cellAt, cellText, rowEntries } from '../../grid';
import { readAmount } from '../../amounts';
import { joinLines } from '../../indicators/normalise';
import type { ProjectModel, TableModel } from '../../model';
import { AMOUNT_ROLES, type AmountRole } from '../../report';
import type { AmountRead } from '../../amounts';
import type { Columns } from '../locate';
import type { Table, TableRow } from '../classify';
import { type AmountUnit, namedUnit, readTableAmount } from '../amount-text';
import { fieldOf, gridRoleOf, labelKey } from '../layouts/labels';
import { type GridHeader, gridHeaderFrom, readGridRows } from './indicator-grid';
import { gridIndicators } from './grid-indicators';
import { FORM_GAP, endsGridIn, titleOf } from './form';
import { type RowTexts, rowTexts } from './row-texts';

export interface ListRowsHeader {
  grid: GridHeader;
  unit?: number;
  name: number;
  total?: number;
  goal?: number;
}

/** A flat-list header: 项目名称 beside an indicator grid header on the same row. */
export function listRowsHeaderAt(grid: Grid, row: number): ListRowsHeader | null {
  const texts = rowTexts(grid, row);
  return listRowsHeaderFrom(texts, gridHeaderFrom(grid, row, texts));
}

/** `listRowsHeaderAt` for a row whose texts and grid header the caller already has. */
export function listRowsHeaderFrom(row: RowTexts, g: GridHeader | null): ListRowsHeader | null {
  if (!g) return null;
  let name: number | undefined;
  let unit: number | undefined;
  let total: number | undefined;
  let goal: number | undefined;
  for (let i = 0; i < row.cols.length; i++) {
    const c = row.cols[i];
    const k = labelKey(row.texts[i]);
    if (/^项目名称$/.test(k)) {
      name = c;
      // `项目名称 | 全民健身设施建设` beside a grid is a form's field and its value (fields and grid
      // side by side), not a list's column title: in a list header every cell is a title.
      const next = row.texts[i + 1];
      if (next !== undefined && row.cols[i + 1] < g.left && !isTitle(next)) return null;
    } else if (/^(单位名称|预算单位|单位)$/.test(k)) unit = c;
    else if (/^(预算数|预算金额|项目金额|资金总额|年度预算)/.test(k)) total = c;
    else if (/^(年度目标|绩效目标|年度绩效目标)$/.test(k)) goal = c;
  }
  if (name === undefined) return null;
  return { grid: g, unit, name, total, goal };
}

function isTitle(text: string): boolean {
  const k = labelKey(text);
  return fieldOf(k) !== null || gridRoleOf(k) !== null || /^(单位名称|预算单位|单位|年度目标|绩效目标)/.test(k);
}

const BLANK: AmountRead = readAmount(null);

function amountRow(
  grid: Grid,
  row: number,
  col: number | undefined,
  unit: AmountUnit,
): { amounts: Record<AmountRole, AmountRead>; cells: Record<AmountRole, string | null> } {
  const amounts = {} as Record<AmountRole, AmountRead>;
  const cells = {} as Record<AmountRole, string | null>;
  for (const role of AMOUNT_ROLES) {
    amounts[role] = BLANK;
    cells[role] = null;
  }
  if (col !== undefined) {
    amounts.total = readTableAmount(cellAt(grid, row, col), unit, 'lenient');
    cells.total = address(row, col);
  }
  return { amounts, cells };
}

function text(grid: Grid, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(grid, row, col)).trim();
}

/**
 * The unit a line above the header states (`单位：元`), or the total column's title (`预算数(元)`); null
 * when nothing states it (the cells decide, `unitFromCells`).
 */
function statedUnit(
  grid: Grid,
  rows: readonly number[],
  headerRow: number,
  totalCol: number | undefined,
): AmountUnit | null {
  for (let i = rows.indexOf(headerRow) - 1, n = 0; i >= 0 && n < 4; i--, n++) {
    for (const [, cell] of rowEntries(grid, rows[i])) {
      const m = /单位\s*[:：]\s*(万元|元)/.exec(cellText(cell));
      if (m) return m[1] as AmountUnit;
    }
  }
  const title = totalCol === undefined ? '' : cellText(cellAt(grid, headerRow, totalCol));
  const m = /[(（](万元|元)[)）]/.exec(title);
  return m ? (m[1] as AmountUnit) : null;
}

/**
 * With no unit stated, the unit the amount cells name: 元 when every figure says `…元`; one bare
 * figure or one `万` keeps the default 万元 (and the others are converted and reported), as lists
 * and forms do.
 */
function unitFromCells(grid: Grid, rows: readonly TableRow[], col: number | undefined): AmountUnit {
  if (col === undefined) return '万元';
  let named = false;
  for (const row of rows) {
    const u = namedUnit(cellAt(grid, row.row, col), 'lenient');
    if (u === null) continue;
    if (u !== '元') return '万元';
    named = true;
  }
  return named ? '元' : '万元';
}

/** The flat list whose header is at `headerRow`; `rows` are the sheet's non-empty rows, ascending. */
export function readListRows(grid: Grid, h: ListRowsHeader, headerRow: number, rows: readonly number[]): TableModel {
  const below = rows.filter((r) => r > h.grid.bottom);
  const tableRows: TableRow[] = [];
  const groups: { row: TableRow; rows: number[]; nameCell: string }[] = [];
  let unitName: string | null = null;
  let bottom = h.grid.bottom;
  const stated = statedUnit(grid, rows, headerRow, h.total);
  let unit: AmountUnit = stated ?? '万元';
  for (const r of below) {
    const t = rowTexts(grid, r);
    // Blank cells only (a space typed far below): like an absent row, not the table's new bottom.
    if (t.cols.length === 0) continue;
    // Past a run of blank rows the list has ended: text typed far below is not one more indicator row.
    if (r - bottom > FORM_GAP + 1) break;
    if (endsGridIn(t) || listRowsHeaderFrom(t, gridHeaderFrom(grid, r, t))) break;
    bottom = r;
    const unitText = text(grid, r, h.unit);
    const name = text(grid, r, h.name);
    if (unitText) unitName = unitText;
    const value = text(grid, r, h.grid.sets[h.grid.sets.length - 1].value);
    const level3 = text(grid, r, h.grid.sets[h.grid.sets.length - 1].level3);
    if (!name && unitText && !value && !level3) {
      // `820-马踏镇部门 | 8,827,620.53`: a department row over its units' projects.
      const a = amountRow(grid, r, h.total, unit);
      tableRows.push({
        row: r,
        kind: 'total',
        name: unitText,
        indent: 0,
        amounts: a.amounts,
        amountCells: a.cells,
        goal: '',
        indicators: '',
        goalFull: '',
        indicatorsFull: '',
        unit: null,
        of: null,
      });
      continue;
    }
    if (name) {
      const a = amountRow(grid, r, h.total, unit);
      const goal = text(grid, r, h.goal);
      const row: TableRow = {
        row: r,
        kind: 'project',
        name: joinLines(name).text.trim(),
        indent: 0,
        amounts: a.amounts,
        amountCells: a.cells,
        goal,
        indicators: '',
        goalFull: goal,
        indicatorsFull: '',
        unit: unitName,
        of: null,
      };
      tableRows.push(row);
      groups.push({ row, rows: [r], nameCell: address(r, h.name) });
      continue;
    }
    if (groups.length) groups[groups.length - 1].rows.push(r);
  }
  if (stated === null && unitFromCells(grid, tableRows, h.total) === '元') {
    unit = '元';
    for (const row of tableRows) row.amounts = amountRow(grid, row.row, h.total, unit).amounts;
  }
  const projects: ProjectModel[] = groups.map((g) => {
    const read = gridIndicators(h.grid, readGridRows(grid, h.grid, g.rows));
    return {
      row: g.row,
      indicatorCell: null,
      goalCell: h.goal === undefined ? null : address(g.row.row, h.goal),
      nameCell: g.nameCell,
      parsed: { joined: joinLines(''), items: read.items, leftovers: [] },
      ownLength: 0,
      extra: { amounts: null, templates: read.templates, notApplicable: read.notApplicable },
    };
  });
  const annual = h.grid.sets[h.grid.sets.length - 1];
  const columns: Columns = { name: h.name };
  if (h.total !== undefined) columns.total = h.total;
  if (h.goal !== undefined) columns.goal = h.goal;
  if (h.grid.level1 !== undefined) columns.level1 = h.grid.level1;
  if (annual.level2 !== undefined) columns.level2 = annual.level2;
  if (annual.level3 !== undefined) columns.level3 = annual.level3;
  if (h.grid.comparator !== undefined) columns.comparator = h.grid.comparator;
  if (annual.value !== undefined) columns.value = annual.value;
  if (h.grid.valueUnit !== undefined) columns.valueUnit = h.grid.valueUnit;
  if (h.grid.weight !== undefined) columns.weight = h.grid.weight;
  const cols = Object.values(columns).filter((c): c is number => c !== undefined);
  let left = cols[0];
  let right = cols[0];
  for (const c of cols) {
    if (c < left) left = c;
    if (c > right) right = c;
  }
  if (h.unit !== undefined && h.unit < left) left = h.unit;
  // Explanation columns (指标方向性) belong to the table's range though they hold no role.
  if (h.grid.right > right) right = h.grid.right;
  if (h.grid.left < left) left = h.grid.left;
  const table: Table = {
    sheet: grid.sheet,
    header: { top: headerRow, bottom: h.grid.bottom, columns, unit },
    bottom,
    rows: tableRows,
    columns,
    left,
    right,
  };
  const title = (() => {
    for (let i = rows.indexOf(headerRow) - 1, n = 0; i >= 0 && n < 3; i--, n++) {
      const t = titleOf(grid, rows[i]);
      if (t) return t;
    }
    return null;
  })();
  return { grid, table, projects, layout: 'list-rows', title, hasLevels: h.grid.level1 !== undefined };
}
