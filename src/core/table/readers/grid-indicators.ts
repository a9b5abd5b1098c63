/**
 * Grid rows → indicators of the one model (`ParsedIndicator` with a `source`): levels mapped by
 * meaning, a split comparator / value / unit combined into one value (`raw` = the three joined),
 * `定性` qualitative, `百分比` = `%`. Rows that are no indicator are kept apart: template rows (a 二级
 * with no 三级 and no value) and not-applicable rows (`本项目不适用此指标 | 无`).
 */
import type { IndicatorSource, Level, ParsedIndicator, Span } from '../../indicators/parse';
import { levelByCode, level1CodeByName, level2CodeByName } from '../../indicators/level-names';
import { type TargetValue, parseTargetValue, unitFromName } from '../../indicators/value';
import { NOT_APPLICABLE } from '../layouts/labels';
import type { CellText, GridHeader, GridRow } from './indicator-grid';

/** A row with a 二级 (or a `定性` mark) but nothing to judge: a warning at most, never a parse failure. */
export interface TemplateRow {
  row: number;
  cell: string;
  what: 'no-indicator' | 'qualitative-empty';
  level2: string | null;
  name: string | null;
}

export interface GridIndicators {
  items: ParsedIndicator[];
  templates: TemplateRow[];
  /** Rows marked not applicable (never an error). */
  notApplicable: number[];
}

const NO_PROBLEMS = Object.freeze([]) as readonly never[];

/** Where a layout writes no levels at all (L6): present, so S7 applies, but never a level finding. */
export const NO_LEVEL: Level = Object.freeze({ code: '', name: '' });

const unmapped = new Map<string, Level>();

/** A written name the framework cannot place: kept as written, with no code. */
function unmappedLevel(name: string): Level {
  let l = unmapped.get(name);
  if (!l) {
    l = Object.freeze({ code: '', name });
    if (unmapped.size < 5000) unmapped.set(name, l);
  }
  return l;
}

function levelsOf(
  l1: string | null,
  l2: string | null,
  hasLevels: boolean,
): { level1: Level | null; level2: Level | null } {
  if (!hasLevels) return { level1: NO_LEVEL, level2: null };
  let code1 = l1 ? level1CodeByName(l1) : null;
  const code2 = l2 ? level2CodeByName(l2, code1) : null;
  if (!code1 && !l1 && code2) code1 = code2[0];
  const level1 = code1 ? levelByCode(code1) : l1 ? unmappedLevel(l1) : null;
  const level2 = code2 ? levelByCode(code2) : l2 ? unmappedLevel(l2) : null;
  return { level1, level2 };
}

const PERCENT_WORD = /百分比/g;

function unitWord(u: string): string {
  return u.replace(PERCENT_WORD, '%').replace(/^％$/, '%');
}

interface ValueRead {
  value: TargetValue | null;
  span: Span | null;
  unitInValue: string | null;
}

function qualitative(raw: string, text: string | null): TargetValue {
  return {
    raw,
    shape: 'qualitative',
    comparator: null,
    value: null,
    numberText: null,
    unit: null,
    unitFromName: false,
    text,
    comparatorWritten: null,
    canonical: null,
  };
}

/** One target: a value cell alone, or comparator / number / unit in columns of their own. */
export function readTarget(
  value: CellText | null,
  cmp: CellText | null,
  unit: CellText | null,
  nameUnit: string | null,
): ValueRead {
  const c = cmp?.text ?? '';
  const u = unit ? unitWord(unit.text) : '';
  const v = value?.text ?? '';
  if (/^定性$/.test(c)) {
    return { value: qualitative(v, v || null), span: null, unitInValue: null };
  }
  if (!v) return { value: null, span: null, unitInValue: null };
  const split = cmp !== null || unit !== null;
  const comparator = /^定量$/.test(c) ? '' : c;
  const ownUnit = split ? parseTargetValue(v.replace(PERCENT_WORD, '%')).unit : null;
  // A value with a unit of its own (`28.8万元` under `%`) keeps it: value-unit-mismatch reports the clash.
  const withUnit = u && !ownUnit && !v.endsWith(u) ? `${v}${u}` : v;
  const written = split ? `${comparator}${withUnit}` : v;
  const parsed = parseTargetValue(written.replace(PERCENT_WORD, '%'), nameUnit);
  const target: TargetValue = { ...parsed, raw: written };
  // Only a value alone in its cell can be fixed by rewriting that cell.
  const start = value ? value.full.indexOf(v) : -1;
  const span: Span | null =
    !split && value && start >= 0
      ? { start, end: start + v.length, own: { cell: value.cell, text: value.full } }
      : null;
  return { value: target, span, unitInValue: ownUnit };
}

function weightOf(w: CellText | null): number | null {
  if (!w) return null;
  const m = /^(\d+(?:\.\d+)?)\s*分?$/.exec(w.text);
  return m ? Number(m[1]) : null;
}

/** The 长期 value of the same (一级, 二级, 三级) from a separate long-term grid (L10). */
export type PeriodLookup = (level1: string | null, level2: string | null, name: string) => ValueRead | null;

export function periodKey(level1: string | null, level2: string | null, name: string): string {
  return `${level1 ?? ''}\u0000${level2 ?? ''}\u0000${name}`;
}

export function gridIndicators(
  header: GridHeader,
  rows: readonly GridRow[],
  periodLookup: PeriodLookup | null = null,
): GridIndicators {
  const items: ParsedIndicator[] = [];
  const templates: TemplateRow[] = [];
  const notApplicable: number[] = [];
  const annualAt = header.sets.length - 1;
  const periodAt = header.sets.length > 1 ? 0 : -1;
  const hasLevels = header.level1 !== undefined || header.sets.some((s) => s.level2 !== undefined);
  for (const r of rows) {
    const set = r.sets[annualAt];
    const name = set.name?.text ?? '';
    const l1 = r.level1?.text ?? null;
    const l2 = set.level2?.text ?? null;
    if (NOT_APPLICABLE.test(name) || (name === '' && set.value !== null && NOT_APPLICABLE.test(set.value.text))) {
      notApplicable.push(r.row);
      continue;
    }
    if (!name && !set.value) {
      // A 二级 written on this row with nothing under it: a template row left in.
      if (set.level2Written && set.level2)
        templates.push({ row: r.row, cell: set.level2.cell, what: 'no-indicator', level2: l2, name: null });
      continue;
    }
    const nameUnit = unitFromName(name);
    const annual = readTarget(set.value, r.comparator, r.valueUnit, nameUnit);
    if (annual.value && annual.value.shape === 'qualitative' && annual.value.text === null) {
      templates.push({
        row: r.row,
        cell: r.comparator?.cell ?? set.name?.cell ?? '',
        what: 'qualitative-empty',
        level2: l2,
        name,
      });
    }
    let period: ValueRead | null = null;
    if (periodAt >= 0) {
      const p = r.sets[periodAt];
      period = p.value ? readTarget(p.value, null, null, nameUnit) : null;
    } else if (periodLookup) {
      period = periodLookup(l1, l2, name);
    }
    const { level1, level2 } = levelsOf(l1, l2, hasLevels);
    const cell = set.value?.cell ?? set.name?.cell ?? r.level1?.cell ?? '';
    const source: IndicatorSource = {
      cell,
      row: r.row,
      level1Written: hasLevels ? l1 : null,
      level2Written: hasLevels ? l2 : null,
      level2Cell: set.level2?.cell ?? null,
      unitColumn: r.valueUnit?.text ?? null,
      unitInValue: annual.unitInValue,
    };
    if (r.comparator && !/^(定量|定性)$/.test(r.comparator.text))
      source.comparatorCell = { cell: r.comparator.cell, text: r.comparator.full };
    if (header.weight !== undefined) {
      source.weight = weightOf(r.weight);
      source.weightCell = r.weight?.cell ?? null;
    }
    items.push({
      ordinal: items.length + 1,
      span: { start: 0, end: 0 },
      level1,
      level2,
      name,
      period: period?.value ?? null,
      annual: annual.value,
      periodSpan: period?.span ?? null,
      annualSpan: annual.span,
      problems: NO_PROBLEMS,
      extra: null,
      extraAt: null,
      source,
    });
  }
  return { items, templates, notApplicable };
}
