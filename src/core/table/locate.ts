/**
 * Finds the 绩效目标表 on a sheet: the header row(s) by their column titles (synonyms, wrapped
 * titles such as `财政专\n户拨款`, one-row or grouped two-row headers), wherever the table starts;
 * the amount unit (万元 or 元) from the lines above it.
 */
import { boundedMemo } from '../memo';
import { type Grid, cellAt, cellText, lastRow, rowEntries, rowIndexFrom, rowNumbers } from '../grid';
import type { ColumnRole } from '../report';

export type Columns = Partial<Record<ColumnRole, number>>;

export interface LocatedHeader {
  /** First and last header row (equal for a one-row header). */
  top: number;
  bottom: number;
  columns: Columns;
  unit: '万元' | '元';
  /** No `单位：` line or `(万元)` title states the unit: 万元 stands until the amount cells name another. */
  unitUnstated?: boolean;
}

/** Header text without spaces, line breaks or brackets' width differences. */
export function headerKey(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[:：]/g, '');
}

/** Forms repeat the same label texts on every block: each is read once (bounded). */
const roleByTitle = boundedMemo(roleOfTitle, 20000);

/** Which column a header title names, if any. */
export function headerRole(text: string): ColumnRole | null {
  // Titles are short; skipping long texts early keeps the scan of data rows cheap.
  if (!text || text.length > 60) return null;
  return roleByTitle(text);
}

/**
 * Whether a cell reads as the name column's title, exactly as `headerRole(text) === 'name'`. Every
 * name title holds 项, 名 or 使 (项目名称, 名称, 资金使用单位, 项目): the other texts — most project
 * names, read on every data row — are answered without building a key or filling the title memo.
 */
export function isNameTitle(text: string): boolean {
  if (text.indexOf('项') < 0 && text.indexOf('名') < 0 && text.indexOf('使') < 0) return false;
  return headerRole(text) === 'name';
}

/** Order matters: 财政专户拨款 before 财政拨款. */
function roleOfTitle(text: string): ColumnRole | null {
  const k = headerKey(text);
  if (!k || k.length > 40) return null;
  if (/绩效指标/.test(k)) return 'indicators';
  if (/绩效目标/.test(k) && !/表/.test(k)) return 'goal';
  if (/专户/.test(k)) return 'specialAccount';
  if (/^(财政拨款|一般公共预算|财政补助|财政资金)/.test(k)) return 'fiscal';
  if (/^其他/.test(k)) return 'other';
  if (/^(总计|合计|金额合计|预算金额|资金总额|总金额|预算数)/.test(k)) return 'total';
  if (/项目名称|资金使用单位|单位名称\/?项目|^项目(\(单位\))?$|^名称$/.test(k)) return 'name';
  return null;
}

const REQUIRED: ColumnRole[] = ['name', 'total'];
const MIN_ROLES = 4;

const NO_ROLES: ReadonlyMap<number, ColumnRole> = new Map();

// Scans walk the row's present cells: a value typed at column XFD must not cost 16,384 reads per row.
// Nearly every row names no column: it allocates nothing (a 190,000-row sheet of forms is scanned
// once for list headers before the form reader runs).
function rolesOfRow(grid: Grid, row: number): Map<number, ColumnRole> | typeof NO_ROLES {
  let found: Map<number, ColumnRole> | null = null;
  let taken: Set<ColumnRole> | null = null;
  for (const [c, cell] of rowEntries(grid, row)) {
    const role = headerRole(cellText(cell));
    if (!role) continue;
    found ??= new Map();
    taken ??= new Set();
    if (!taken.has(role)) {
      found.set(c, role);
      taken.add(role);
    }
  }
  return found ?? NO_ROLES;
}

function toColumns(m: Map<number, ColumnRole>): Columns {
  const cols: Columns = {};
  for (const [c, role] of m) cols[role] = c;
  return cols;
}

/** Is this row a header (also used to skip a header repeated after a PDF page break)? */
export function headerAt(grid: Grid, row: number): { bottom: number; columns: Columns } | null {
  const found = rolesOfRow(grid, row);
  if (found.size < 2) return null;
  const roles = found as Map<number, ColumnRole>;
  let bottom = row;
  // Grouped or wrapped two-row header: the row below names the columns the first one left open
  // (`资金来源` over 财政拨款 | 财政专户拨款 | 其他资金), or completes split titles (`财政专` / `户拨款`).
  if (row < lastRow(grid)) {
    const taken = new Set(roles.values());
    const below = rolesOfRow(grid, row + 1);
    let added = false;
    for (const [c, role] of below) {
      if (!roles.has(c) && !taken.has(role)) {
        roles.set(c, role);
        taken.add(role);
        added = true;
      }
    }
    // Only a column with text in the row below can complete a split title.
    for (const [c, belowCell] of rowEntries(grid, row + 1)) {
      if (roles.has(c)) continue;
      const belowText = cellText(belowCell);
      const role = headerRole(cellText(cellAt(grid, row, c)) + belowText);
      if (role && !taken.has(role) && belowText.trim()) {
        roles.set(c, role);
        taken.add(role);
        added = true;
      }
    }
    if (added) bottom = row + 1;
  }
  const columns = toColumns(roles);
  if (roles.size < MIN_ROLES || REQUIRED.some((r) => columns[r] === undefined)) return null;
  if (columns.fiscal === undefined && columns.indicators === undefined) return null;
  return { bottom, columns };
}

const UNIT_PATTERN = /(?:金额)?单位\s*[:：]\s*(万元|元)/;

/** The amount unit: `单位：万元` above the table, or `总计（元）` in the header; else unstated. */
export function findUnit(grid: Grid, from: number, to: number): '万元' | '元' | 'unstated' {
  const rows = rowNumbers(grid);
  const first = rowIndexFrom(grid, from);
  for (let i = rowIndexFrom(grid, to + 1) - 1; i >= first; i--) {
    for (const [, cell] of rowEntries(grid, rows[i])) {
      const t = cellText(cell);
      if (!t) continue;
      const m = UNIT_PATTERN.exec(t) ?? /[(（](万元|元)[)）]/.exec(t);
      if (m) return m[1] as '万元' | '元';
    }
  }
  return 'unstated';
}

/** The first header at or below `fromRow`, or null when the sheet holds no table. */
export function locateHeader(grid: Grid, fromRow = grid.top, aboveFrom = grid.top): LocatedHeader | null {
  // An absent row has no titles: only present rows can be headers.
  const rows = rowNumbers(grid);
  for (let i = rowIndexFrom(grid, fromRow); i < rows.length; i++) {
    const r = rows[i];
    const h = headerAt(grid, r);
    if (!h) continue;
    const unit = findUnit(grid, aboveFrom, h.bottom);
    const header: LocatedHeader = { top: r, bottom: h.bottom, columns: h.columns, unit: unit === '元' ? '元' : '万元' };
    if (unit === 'unstated') header.unitUnstated = true;
    return header;
  }
  return null;
}
