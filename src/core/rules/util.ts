/** Small helpers shared by the indicator rules. */
import type { Fix } from '../report';
import { originalIndex } from '../indicators/normalise';
import { isSpaceCode } from '../text';
import { type ProjectModel, type TableModel, projectCell } from '../model';
import type { ParsedIndicator, Span } from '../indicators/parse';
import type { TargetValue } from '../indicators/value';
import { judgeLevel1 } from '../indicators/framework';
import type { ShownValue, Which } from '../messages/words';
import type { FindingInput } from './rule';

export type { Which } from '../messages/words';

/** Where an indicator finding points: the project's own 绩效指标 cell, the item's ordinal. */
export function at(
  p: ProjectModel,
  it: ParsedIndicator | null,
): Pick<FindingInput, 'cell' | 'row' | 'project' | 'indicator'> {
  // An indicator read from a grid row (forms, flat lists) has a cell of its own.
  const own = it?.source;
  if (own) return { cell: own.cell, row: own.row, project: p.row.name, indicator: it.ordinal };
  return { cell: projectCell(p), row: p.row.row, project: p.row.name, indicator: it ? it.ordinal : null };
}

/**
 * A fix replacing a span of the joined text with `replacement` in the project's own cell, or null
 * when the span reaches into a continuation row (the text lives in another cell: no automatic fix).
 */
export function spanFix(p: ProjectModel, span: Span, replacement: string): Fix | null {
  return spansFix(p, [{ span, text: replacement }]);
}

export interface ValueEntry {
  which: Which;
  value: TargetValue;
  span: Span | null;
}

/**
 * Calls `visit` with every item of every project, in order. The item rules walk the items through
 * this one loop rather than each with a `for…of` of its own: a check runs once per process, and
 * some twenty loops over 50,000 items, each run cold (an iterator result per step, each loop
 * compiled on its own), took about twice as long as one shared loop that is optimised once.
 */
export function forEachItem(model: TableModel, visit: (p: ProjectModel, it: ParsedIndicator) => void): void {
  const projects = model.projects;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    const items = p.parsed.items;
    for (let k = 0; k < items.length; k++) visit(p, items[k]);
  }
}

/**
 * Each item's values that fail a test, grouped so that one item gets one finding even when both its
 * 实施周期 and 年度 values have the same problem (recurring projects repeat the same value).
 */
export function failingValues(
  model: TableModel,
  fails: (v: TargetValue, it: ParsedIndicator) => boolean,
): [ProjectModel, ParsedIndicator, ValueEntry[]][] {
  const out: [ProjectModel, ParsedIndicator, ValueEntry[]][] = [];
  forEachItem(model, (p, it) => {
    // Most items pass: allocate nothing for them.
    let entries: ValueEntry[] | null = null;
    if (it.period && fails(it.period, it)) entries = [{ which: 'period', value: it.period, span: it.periodSpan }];
    // An annual value that swallowed the rest of a broken item (`extra-text`) is reported by
    // indicator-unparsed; judging it as a value would only repeat that finding in other words.
    const annualUsable = it.extra === null || it.extra !== it.annual?.raw;
    if (it.annual && annualUsable && fails(it.annual, it)) {
      const e: ValueEntry = { which: 'annual', value: it.annual, span: it.annualSpan };
      if (entries) entries.push(e);
      else entries = [e];
    }
    if (entries) out.push([p, it, entries]);
  });
  return out;
}

/** The failing values as a message names them (its data: plain values, no parser objects). */
export function shownValues(entries: readonly ValueEntry[]): ShownValue[] {
  return entries.map((e) => ({ which: e.which, raw: e.value.raw }));
}

export function rawOf(entries: ValueEntry[]): string {
  return entries.map((e) => e.value.raw).join(' / ');
}

/** Several replacements in the project's own cell, as one fix (applied right to left). */
export function spansFix(p: ProjectModel, edits: { span: Span | null; text: string }[]): Fix | null {
  const ownCell = edits[0]?.span?.own;
  if (ownCell) return ownCellFix(ownCell, edits);
  const cell = p.indicatorCell;
  if (!cell) return null;
  const j = p.parsed.joined;
  const own = p.row.indicators;
  const ranges: { a: number; b: number; text: string }[] = [];
  for (const e of edits) {
    if (!e.span) return null;
    const a = originalIndex(j, e.span.start);
    const b = e.span.end > e.span.start ? originalIndex(j, e.span.end - 1) + 1 : a;
    if (a === undefined || b === undefined || b > own.length) return null;
    ranges.push({ a, b, text: e.text });
  }
  ranges.sort((x, y) => y.a - x.a);
  let text = own;
  for (const r of ranges) text = text.slice(0, r.a) + r.text + text.slice(r.b);
  return text === own ? null : { cell, before: own, text };
}

/** Replacements in a value cell of its own (forms, flat lists): all edits must be in that cell. */
function ownCellFix(own: { cell: string; text: string }, edits: { span: Span | null; text: string }[]): Fix | null {
  const ranges: { a: number; b: number; text: string }[] = [];
  for (const e of edits) {
    if (!e.span || e.span.own?.cell !== own.cell) return null;
    ranges.push({ a: e.span.start, b: e.span.end, text: e.text });
  }
  ranges.sort((x, y) => y.a - x.a);
  let text = own.text;
  for (const r of ranges) text = text.slice(0, r.a) + r.text + text.slice(r.b);
  return text === own.text ? null : { cell: own.cell, before: own.text, text };
}

/** Rates and satisfaction: names ending in 率 or 度 (满意度, 完成率), brackets aside. */
export function isRateName(name: string): boolean {
  // Without a regex replace per item: skip trailing spaces and one trailing bracketed unit.
  let e = name.length;
  while (e > 0 && isSpaceCode(name.charCodeAt(e - 1))) e--;
  if (name[e - 1] === ')' || name[e - 1] === '）') {
    const open = Math.max(name.lastIndexOf('(', e - 1), name.lastIndexOf('（', e - 1));
    if (open >= 0) e = open;
    while (e > 0 && isSpaceCode(name.charCodeAt(e - 1))) e--;
  }
  const last = name[e - 1];
  return last === '率' || last === '度';
}

/**
 * The 一级 an item belongs to, for rules that count kinds (产出 / 效益 / 满意度): its code, unless the
 * code and name disagree and the name is a known 一级 (`1-效益指标；22-社会效益` is a 效益 item with a
 * mistyped code; indicator-level1 reports the slip, the coverage rules should not report it again).
 */
export function level1Code(it: ParsedIndicator): string | undefined {
  const l1 = it.level1;
  if (!l1) return undefined;
  const v = judgeLevel1(l1);
  if ((!v.entry || !v.nameOk) && v.byName) return v.byName.code;
  return l1.code;
}

/** Whether some item belongs to the 一级 `code` (by `level1Code`): a loop, no set or closure per project. */
export function hasLevel1(items: readonly ParsedIndicator[], code: string): boolean {
  for (let i = 0; i < items.length; i++) if (level1Code(items[i]) === code) return true;
  return false;
}
