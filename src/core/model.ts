/**
 * The checked table as the rules see it: located table, classified rows, each project's parsed
 * indicators, and where each indicator's text sits in the project's own cell (for fixes).
 */
import { type Grid, address } from './grid';
import { parseIndicatorCell, type ParsedCell } from './indicators/parse';
import type { Table, TableRow } from './table/classify';

export interface ProjectModel {
  row: TableRow;
  /** The 绩效指标 cell of the project's own row (findings point here even for continued text). */
  indicatorCell: string | null;
  goalCell: string | null;
  nameCell: string | null;
  parsed: ParsedCell;
  /** Length of the project's own cell text inside `row.indicatorsFull` (the rest came from continuation rows). */
  ownLength: number;
}

export interface TableModel {
  grid: Grid;
  table: Table;
  projects: ProjectModel[];
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
