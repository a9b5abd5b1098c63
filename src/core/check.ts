/**
 * The one entry point of the core: grid → the tables found on it, each with rows, parsed
 * indicators and findings (docs/report-format.md).
 */
import type { Grid } from './grid';
import type { Report, TableReport } from './report';
import type { Locale } from './messages/locale';

export interface CheckOptions {
  locale?: Locale;
}

export function check(_grid: Grid, _options: CheckOptions = {}): TableReport[] {
  throw new Error('check(): being written');
}

/** Every sheet of a workbook; a sheet without a table contributes nothing. */
export function checkWorkbook(grids: readonly Grid[], options: CheckOptions & { file?: string } = {}): Report {
  const tables: TableReport[] = [];
  for (const g of grids) tables.push(...check(g, options));
  return options.file === undefined ? { tables } : { file: options.file, tables };
}
