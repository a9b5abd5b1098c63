/**
 * The fields above a form's indicator grid: label → value, where the value is the next cell to the
 * right (`项目名称 | 雾炮车降尘抑尘服务`) or follows the label in the same cell (`年度资金总额: 16`,
 * `总额10606.7522万元`). Labels come from layouts/labels.ts; a cell that is itself a label is no value.
 */
import { type Grid, address, cellAt, type Cell } from '../../grid';
import { type RowTexts, rowTexts } from './row-texts';
import { type FieldLabel, type FormField, fieldOf, gridRoleOf, labelKey } from '../layouts/labels';

export interface FieldHit {
  field: FormField;
  rank: number;
  label: string;
  /** The value's cell and text; `cell` is the label's own cell when the value shares it. */
  cell: string;
  text: string;
  /** The value as a cell (for amounts: numbers stay numbers). */
  value: Cell;
}

const INLINE = /^([^\n]{2,24}?)[:：]\s*(\S[\s\S]*)$/;
const GLUED = /^([^\d\s:：]{2,12}?)(\d[\d,.]*\s*(?:万元|万|元)?)$/;

/**
 * A label and its value in one cell: `项目名称：城区绿化`, `总额10606.7522万元`, and behind a `其中：`
 * (`其中：财政拨款：200万元`).
 */
export function inlineField(text: string): { field: FieldLabel; label: string; value: string } | null {
  // Most cells are plain values: no separator and no figure, no inline label.
  if (text.length > 80 || !/[:：\d]/.test(text)) return null;
  let rest = text;
  for (let depth = 0; depth < 2; depth++) {
    const m = INLINE.exec(rest) ?? GLUED.exec(rest);
    if (!m) return null;
    if (/^\s*其中\s*$/.test(m[1])) {
      rest = m[2];
      continue;
    }
    const f = fieldOf(labelKey(m[1]));
    if (!f || f.field === 'label') return null;
    return { field: f, label: m[1], value: m[2].trim() };
  }
  return null;
}

function isLabel(text: string): FieldLabel | 'grid' | null {
  const k = labelKey(text);
  const f = fieldOf(k);
  if (f) return f;
  return gridRoleOf(k) ? 'grid' : null;
}

/** The value under a label, on the next field row: a non-empty cell that is no label itself. */
function valueBelow(
  grid: Grid,
  row: number,
  col: number,
  texts: ReadonlyMap<number, RowTexts>,
): Pick<FieldHit, 'cell' | 'text' | 'value'> | null {
  const next = texts.get(row + 1);
  if (!next) return null;
  const k = next.cols.indexOf(col);
  if (k < 0 || isLabel(next.texts[k]) || INLINE.test(next.texts[k])) return null;
  const value = cellAt(grid, row + 1, col) ?? { value: next.texts[k] };
  return { cell: address(row + 1, col), text: next.texts[k], value };
}

/** Every field written on the rows given (their texts, as the scan read them), in sheet order. */
export function readFields(grid: Grid, rows: readonly number[], texts: ReadonlyMap<number, RowTexts>): FieldHit[] {
  const out: FieldHit[] = [];
  for (const r of rows) {
    const t = texts.get(r) ?? rowTexts(grid, r);
    const { cols } = t;
    const words = t.texts;
    for (let i = 0; i < cols.length; i++) {
      const text = words[i];
      // `年度资金总额：250万元` is label and value, though its key also starts like a label.
      const inline = /[:：]\s*\S/.test(text) ? inlineField(text) : null;
      const f = inline ? null : fieldOf(labelKey(text));
      if (f) {
        if (f.field === 'label') continue;
        // The value: the next cell unless it is a label itself (`其他资金 | 当年其他资金`); `小计` between
        // a label and its figure (`一般公共预算拨款 | 小计 | 1800`) is skipped.
        let j = i + 1;
        while (j < cols.length && /^小计$/.test(labelKey(words[j]))) j++;
        if (j >= cols.length || isLabel(words[j])) {
          // A row of labels with their values on the row below (`资金总额 | 财政资金 | 自筹资金`).
          const below = valueBelow(grid, r, cols[i], texts);
          if (below) out.push({ field: f.field, rank: f.rank, label: text, ...below });
          continue;
        }
        const vtext = words[j];
        const vcell = cellAt(grid, r, cols[j]) ?? { value: vtext };
        out.push({ field: f.field, rank: f.rank, label: text, cell: address(r, cols[j]), text: vtext, value: vcell });
        i = j;
        continue;
      }
      const hit = inline ?? inlineField(text);
      if (!hit) continue;
      const vtext = hit.value;
      out.push({
        field: hit.field.field,
        rank: hit.field.rank,
        label: hit.label,
        cell: address(r, cols[i]),
        text: vtext,
        value: { value: vtext },
      });
    }
  }
  return out;
}

/** The best hit of a field: highest rank; among equals the last one written (the most specific name). */
export function bestField(hits: readonly FieldHit[], field: FormField, lastWins = false): FieldHit | null {
  let best: FieldHit | null = null;
  for (const h of hits) {
    if (h.field !== field) continue;
    if (!best || h.rank > best.rank || (lastWins && h.rank === best.rank)) best = h;
  }
  return best;
}

/** All hits of a field at its best rank (lines that are summed: 其他资金 + 自有资金 …). */
export function fieldLines(hits: readonly FieldHit[], field: FormField): FieldHit[] {
  let rank = -1;
  for (const h of hits) if (h.field === field && h.rank > rank) rank = h.rank;
  return hits.filter((h) => h.field === field && h.rank === rank);
}
