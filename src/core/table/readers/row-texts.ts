/**
 * The non-empty texts of a sheet row. The readers ask each row several questions (title? name
 * label? grid header? signature?): the scan computes the texts once per row and hands them to each
 * question, so a 10,000-form sheet builds them once, not once per question.
 */
import { type Grid, cellText, rowEntries } from '../../grid';

export interface RowTexts {
  /** Columns of the non-empty cells, ascending, and their trimmed texts. */
  cols: number[];
  texts: string[];
}

export function rowTexts(grid: Grid, row: number): RowTexts {
  const cols: number[] = [];
  const texts: string[] = [];
  for (const [c, cell] of rowEntries(grid, row)) {
    const t = cellText(cell).trim();
    if (!t) continue;
    cols.push(c);
    texts.push(t);
  }
  return { cols, texts };
}
