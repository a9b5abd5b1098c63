/**
 * A cell's fill as the mark record stores it. Keys are short strings so that 10,000 cells grouped by
 * previous fill stay a few kilobytes: `-` no fill, `#RRGGBB` a plain solid colour, otherwise the JSON
 * of the full fill (patterns, tints; only readable with ExcelApi 1.9).
 */
export interface FillState {
  color: string | null;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export const NO_FILL = '-';

const upper = (c: string | null | undefined): string => (c ?? '').toUpperCase();

/**
 * With ExcelApi 1.9 the pattern tells "no fill" from "white fill". Before 1.9 Excel reports a
 * cell without fill as `#FFFFFF`, so white is recorded as "no fill": restoring it clears the fill,
 * which looks the same as a white solid fill.
 */
export function fillKey(f: FillState): string {
  if (f.pattern === undefined) {
    const c = upper(f.color);
    return !c || c === '#FFFFFF' ? NO_FILL : c;
  }
  if (f.pattern === 'None') return NO_FILL;
  if (f.pattern === 'Solid' && !f.tintAndShade) return upper(f.color) || NO_FILL;
  const full: FillState = { color: f.color, pattern: f.pattern };
  if (f.patternColor && upper(f.patternColor) !== '#000000') full.patternColor = f.patternColor;
  if (f.tintAndShade) full.tintAndShade = f.tintAndShade;
  if (f.patternTintAndShade) full.patternTintAndShade = f.patternTintAndShade;
  return JSON.stringify(full);
}

export function parseFillKey(key: string): FillState | null {
  if (key === NO_FILL) return null;
  if (key.startsWith('#')) return { color: key, pattern: 'Solid' };
  try {
    const v = JSON.parse(key) as FillState;
    return typeof v === 'object' && v !== null ? v : null;
  } catch {
    return null;
  }
}

/** Is the cell still wearing the fill we painted? Only then may clear put the old fill back. */
export function isOurFill(current: FillState, painted: string): boolean {
  if (upper(current.color) !== upper(painted)) return false;
  if (current.pattern !== undefined && current.pattern !== 'Solid') return false;
  return !current.tintAndShade;
}
