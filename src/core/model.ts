/**
 * The checked table as the rules see it: located table, classified rows, each project's parsed
 * indicators, and where each indicator's text sits in the project's own cell (for fixes).
 */
import { type Grid, address } from './grid';
import { parseIndicatorCell, type ParsedCell } from './indicators/parse';
import type { Table, TableRow } from './table/classify';
import type { AmountRead } from './amounts';
import type { TemplateRow } from './table/readers/grid-indicators';

/** How a table is laid out (docs/report-format.md, last section). */
export type Layout = 'list' | 'list-rows' | 'form';

/** One amount a form writes beside its label. */
export interface AmountLine {
  label: string;
  cell: string;
  read: AmountRead;
}

/** A form's amounts as written: the parts the identity total = fiscal + carryover + other is checked on. */
export interface FormAmounts {
  total: AmountLine | null;
  fiscal: AmountLine | null;
  carryover: AmountLine | null;
  /** 其他资金, 自有资金, 事业收入 …: summed. */
  other: AmountLine[];
  /** 一般公共预算 / 政府性基金 / 国有资本经营预算: sum to 财政拨款. */
  fiscalLines: AmountLine[];
  /** 本级 / 上级 / 中央 / 省 …: 财政拨款 when the form gives no 财政拨款 line. */
  fiscalLevels: AmountLine[];
}

/** What a grid layout adds to a project: its form amounts, and rows that are no indicator. */
export interface ProjectExtra {
  amounts: FormAmounts | null;
  templates: TemplateRow[];
  notApplicable: number[];
}

export interface ProjectModel {
  row: TableRow;
  /** The 绩效指标 cell of the project's own row (findings point here even for continued text). */
  indicatorCell: string | null;
  goalCell: string | null;
  nameCell: string | null;
  parsed: ParsedCell;
  /** Length of the project's own cell text inside `row.indicatorsFull` (the rest came from continuation rows). */
  ownLength: number;
  /** Forms and flat lists only. */
  extra?: ProjectExtra;
}

export interface TableModel {
  grid: Grid;
  table: Table;
  projects: ProjectModel[];
  /** Absent for the list layout (the reference table). */
  layout?: Layout;
  title?: string | null;
  /** False for a grid without 一级 / 二级 (L6): level rules do not apply. */
  hasLevels?: boolean;
}

export function buildModel(grid: Grid, table: Table): TableModel {
  const { columns } = table;
  const projects: ProjectModel[] = [];
  for (const row of table.rows) {
    if (row.kind !== 'project') continue;
    projects.push({
      row,
      indicatorCell: columns.indicators === undefined ? null : address(row.row, columns.indicators),
      goalCell: columns.goal === undefined ? null : address(row.row, columns.goal),
      nameCell: columns.name === undefined ? null : address(row.row, columns.name),
      parsed: parseIndicatorCell(row.indicatorsFull),
      ownLength: row.indicators.length,
    });
  }
  return { grid, table, projects };
}

/** The cell a project-level finding points at: its 绩效指标 cell, else its name. */
export function projectCell(p: ProjectModel): string {
  return p.indicatorCell ?? p.nameCell ?? address(p.row.row, 1);
}
