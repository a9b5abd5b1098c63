/**
 * The `form` reader (L3, L3b, L4a, L4b, L5, L6, L7, L8, L10): one block per project — an optional
 * title, header fields (name, units, amounts), then one or two indicator grids. Blocks may stand
 * one below another on a sheet at any offset; each becomes its own table. A block starts at a
 * project-name label (or a grid with none above it); one that is a self-evaluation or a department
 * table is returned as rejected, unchecked.
 */
import { type Grid, address, cellAt, cellText, rowEntries } from '../../grid';
import { labelKey, fieldOf, FORM_END, TITLE, gridRoleOf } from '../layouts/labels';
import { type GridHeader, type GridRow, gridHeaderAt, gridKind, readGridRows } from './indicator-grid';

export interface FormBlock {
  /** First row of the block (its title when it has one) and last row read. */
  top: number;
  bottom: number;
  title: string | null;
  titleRow: number | null;
  /** Rows of the field area (title to the first grid). */
  fieldRows: number[];
  grids: { header: GridHeader; kind: 'annual' | 'period'; rows: GridRow[] }[];
  left: number;
  right: number;
}

function firstText(grid: Grid, row: number): { text: string; count: number } {
  let text = '';
  let count = 0;
  for (const [, cell] of rowEntries(grid, row)) {
    const t = cellText(cell).trim();
    if (!t) continue;
    if (!text) text = t;
    count++;
  }
  return { text, count };
}

/** A title line: one or two cells, the first naming a 表 (`项目支出绩效目标表`, `…自评表`). */
export function titleOf(grid: Grid, row: number): string | null {
  const { text, count } = firstText(grid, row);
  if (!text || count > 3) return null;
  // `表十二 | 2023年一般性项目绩效目标表(一级项目)`: the title may follow a table number.
  for (const [, cell] of rowEntries(grid, row)) {
    const t = cellText(cell).trim();
    if (t && t.length <= 60 && TITLE.test(labelKey(t))) return t.replace(/\s+/g, ' ');
  }
  return null;
}

function hasNameLabel(grid: Grid, row: number): boolean {
  for (const [, cell] of rowEntries(grid, row)) {
    const f = fieldOf(labelKey(cellText(cell)));
    if (f && f.field === 'name') return true;
  }
  return false;
}

/** Where a grid's rows end: a signature or note line, a title, another block or grid. */
function endsGrid(grid: Grid, row: number): boolean {
  const { text } = firstText(grid, row);
  if (!text) return false;
  const k = labelKey(text);
  return FORM_END.test(k) || FORM_END.test(text) || titleOf(grid, row) !== null;
}

/**
 * Every form block among `rows` (the sheet's non-empty rows, ascending). `taken` rows belong to
 * tables of other layouts and are skipped.
 */
export function findFormBlocks(grid: Grid, rows: readonly number[], taken: (row: number) => boolean): FormBlock[] {
  const blocks: FormBlock[] = [];
  let current: FormBlock | null = null;
  let pendingTitle: { row: number; text: string } | null = null;
  let inGrid: { header: GridHeader; kind: 'annual' | 'period'; rows: GridRow[] } | null = null;
  let gridRows: number[] = [];
  /** Rows seen since the last block closed (a department table's fields above its grid). */
  let loose: number[] = [];

  const closeGrid = () => {
    if (current && inGrid) {
      inGrid.rows = readGridRows(grid, inGrid.header, gridRows);
      current.grids.push(inGrid);
      if (gridRows.length) current.bottom = Math.max(current.bottom, gridRows[gridRows.length - 1]);
    }
    inGrid = null;
    gridRows = [];
  };
  const close = () => {
    closeGrid();
    if (current && current.grids.length) blocks.push(current);
    current = null;
  };
  const open = (row: number) => {
    close();
    const t: { row: number; text: string } | null = pendingTitle;
    current = {
      top: t ? t.row : row,
      bottom: row,
      title: t ? t.text : null,
      titleRow: t ? t.row : null,
      fieldRows: t ? [t.row, ...loose.filter((x) => x > t.row)] : [...loose],
      grids: [],
      left: Number.MAX_SAFE_INTEGER,
      right: 0,
    };
    pendingTitle = null;
    loose = [];
  };

  for (const r of rows) {
    if (taken(r)) {
      close();
      continue;
    }
    const header = gridHeaderAt(grid, r);
    if (header) {
      if (!current) open(r);
      closeGrid();
      const block = current as unknown as FormBlock;
      inGrid = { header, kind: gridKind(grid, header), rows: [] };
      block.bottom = Math.max(block.bottom, header.bottom);
      continue;
    }
    if (inGrid && r <= (inGrid as { header: GridHeader }).header.bottom) continue; // the sub-header
    const title = titleOf(grid, r);
    if (title) {
      // A title after a grid starts the next block; before any grid it belongs to this one.
      if (inGrid || !current) {
        close();
        loose = [];
        pendingTitle = { row: r, text: title };
      } else {
        (current as FormBlock).title ??= title;
        (current as FormBlock).fieldRows.push(r);
      }
      continue;
    }
    if (hasNameLabel(grid, r) && (!current || inGrid || (current as FormBlock).grids.length)) {
      open(r);
      (current as unknown as FormBlock).fieldRows.push(r);
      continue;
    }
    if (inGrid) {
      if (endsGrid(grid, r)) {
        closeGrid();
        continue;
      }
      gridRows.push(r);
      continue;
    }
    if (current) {
      const block = current as FormBlock;
      if (block.grids.length) {
        // Below a closed grid: a second grid's label row (`年度绩效指标`) or signatures.
        if (!endsGrid(grid, r)) block.fieldRows.push(r);
      } else {
        block.fieldRows.push(r);
        block.bottom = r;
      }
    } else {
      loose.push(r);
      if (loose.length > 8) loose.shift();
    }
  }
  close();
  for (const b of blocks) extent(grid, b);
  return blocks;
}

/** Leftmost and rightmost written columns of a block (for its range). */
function extent(grid: Grid, b: FormBlock): void {
  const rows = [...b.fieldRows, ...b.grids.flatMap((g) => [g.header.top, ...g.rows.map((x) => x.row)])];
  for (const r of rows) {
    for (const [c, cell] of rowEntries(grid, r)) {
      if (!cellText(cell).trim()) continue;
      if (c < b.left) b.left = c;
      if (c > b.right) b.right = c;
    }
  }
  if (b.left > b.right) {
    b.left = grid.left;
    b.right = grid.left;
  }
}

/** The block's range as A1:B2. */
export function blockRange(b: FormBlock): string {
  return `${address(b.top, b.left)}:${address(b.bottom, b.right)}`;
}

/** Does any field-area row carry a header word of the grid kind (used by the rejection check)? */
export function fieldAreaWords(grid: Grid, b: FormBlock): string[] {
  const out: string[] = [];
  for (const r of b.fieldRows) {
    for (const [, cell] of rowEntries(grid, r)) {
      const k = labelKey(cellText(cell));
      if (k && k.length <= 20) out.push(k);
    }
  }
  for (const g of b.grids) {
    for (let c = g.header.left; c <= g.header.right; c++) {
      const k = labelKey(cellText(cellAt(grid, g.header.top, c)));
      if (k && gridRoleOf(k)) out.push(k);
    }
  }
  return out;
}
