/**
 * The sums of a table as equations `total − Σ parts = diff`: every row (总计 = 财政拨款 + 财政专户拨款
 * + 其他资金), every unit (unit = Σ its projects) and 合计 (= Σ units, or Σ projects when the table has
 * no unit rows; never units and projects together). Computed once per table in integer cents.
 *
 * When one wrong cell breaks several sums, it sits in every broken equation with the same error δ
 * (a part too large by δ makes diff = −δ, a total too large makes diff = +δ). The cell that explains
 * the most broken sums, and contradicts none that hold, is named as the likely cause.
 */
import { type Amount, toleranceCents } from '../amounts';
import { AMOUNT_ROLES, type AmountRole } from '../report';
import type { TableModel } from '../model';
import type { TableRow } from '../table/classify';

export interface Term {
  cell: string;
  row: TableRow;
  role: AmountRole;
  amount: Amount;
}

export interface Equation {
  kind: 'row' | 'column';
  /** For row sums: the row; for column sums: the parent (unit or 合计) row. */
  row: TableRow;
  role: AmountRole;
  total: Term;
  parts: Term[];
  sum: number;
  diff: number;
  decimals: number;
  tolerance: number;
  status: 'ok' | 'rounding' | 'error';
  /** For column sums: whether the parts are units or projects. */
  partsKind?: 'unit' | 'project';
}

export interface Culprit {
  term: Term;
  /** How much the cell is too large (cents); its expected value is amount − delta. */
  delta: number;
}

export interface SumAnalysis {
  /** The sums that do not hold (broken or off by rounding), row sums first, in table order. */
  equations: Equation[];
  culprits: Map<Equation, Culprit>;
}

const cache = new WeakMap<TableModel, SumAnalysis>();

function term(row: TableRow, role: AmountRole): Term | null {
  const read = row.amounts[role];
  const cell = row.amountCells[role];
  if (!read.ok || cell === null || read.amount.cents < 0) return null;
  return { cell, row, role, amount: read.amount };
}

function equation(kind: Equation['kind'], row: TableRow, role: AmountRole, total: Term, parts: Term[]): Equation {
  // Loops, not [total, ...parts].filter(…): a table's sums are computed twice (see findCulprits),
  // and each copy was garbage for every sum of every row.
  let sum = 0;
  for (const p of parts) sum += p.amount.cents;
  const diff = total.amount.cents - sum;
  // Each shown figure stands for ±½·10⁻ᵈ of its own d; blank cells are exact zeros. With one d for
  // all figures this is domain.md's ½·10⁻ᵈ·(n+1); with mixed decimals each figure brings its own share.
  let figures = 0;
  let decimals = 0;
  let tolerance = 0;
  for (let i = -1; i < parts.length; i++) {
    const a = (i < 0 ? total : parts[i]).amount;
    if (a.blank) continue;
    figures++;
    if (a.decimals > decimals) decimals = a.decimals;
    tolerance += toleranceCents(a.decimals, 0);
  }
  if (figures === 0) decimals = 2;
  if (figures < 2) tolerance = toleranceCents(decimals, 1);
  const status = diff === 0 ? 'ok' : Math.abs(diff) <= tolerance ? 'rounding' : 'error';
  return { kind, row, role, total, parts, sum, diff, decimals, tolerance, status };
}

/** Every row sum, in table order, handed to `each` (most hold: none is kept unless `each` keeps it). */
function rowEquations(model: TableModel, each: (eq: Equation) => void): void {
  const cols = model.table.columns;
  if (cols.total === undefined) return;
  const partRoles = AMOUNT_ROLES.filter((r) => r !== 'total' && cols[r] !== undefined);
  if (partRoles.length === 0) return;
  for (const row of model.table.rows) {
    if (row.kind === 'continuation') continue;
    const total = term(row, 'total');
    const parts = partRoles.map((r) => term(row, r));
    if (!total || parts.some((p) => p === null)) continue; // unreadable amounts are reported by amount-not-number
    each(equation('row', row, 'total', total, parts as Term[]));
  }
}

/** Every column sum (unit = Σ projects, 合计 = Σ units or projects), after the row sums' order. */
function columnEquations(model: TableModel, each: (eq: Equation) => void): void {
  const rows = model.table.rows.filter((r) => r.kind !== 'continuation');
  const cols = model.table.columns;
  const roles = AMOUNT_ROLES.filter((r) => cols[r] !== undefined);
  const groups: { parent: TableRow; children: TableRow[]; kind: 'unit' | 'project' }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind === 'unit') {
      const children: TableRow[] = [];
      for (let j = i + 1; j < rows.length && rows[j].kind === 'project'; j++) children.push(rows[j]);
      if (children.length) groups.push({ parent: r, children, kind: 'project' });
    } else if (r.kind === 'total') {
      // 合计 covers the rows after it up to the next 合计.
      const below: TableRow[] = [];
      for (let j = i + 1; j < rows.length && rows[j].kind !== 'total'; j++) below.push(rows[j]);
      const hasUnits = below.some((b) => b.kind === 'unit');
      const children = below.filter((b) => b.kind === (hasUnits ? 'unit' : 'project'));
      if (children.length) groups.push({ parent: r, children, kind: hasUnits ? 'unit' : 'project' });
    }
  }
  for (const g of groups) {
    for (const role of roles) {
      const total = term(g.parent, role);
      const parts = g.children.map((c) => term(c, role));
      if (!total || parts.some((p) => p === null)) continue;
      const eq = equation('column', g.parent, role, total, parts as Term[]);
      eq.partsKind = g.kind;
      each(eq);
    }
  }
}

function allEquations(model: TableModel, each: (eq: Equation) => void): void {
  rowEquations(model, each);
  columnEquations(model, each);
}

/**
 * The likely wrong cell of each broken sum. Only cells of broken sums can be culprits, so only they
 * are followed through every sum (a second pass over the sums, whose terms are not kept): on a
 * 250,000-project table where nearly every sum holds, a map of every cell held 2 million entries.
 */
function findCulprits(model: TableModel, broken: ReadonlyMap<number, Equation>): Map<Equation, Culprit> {
  const out = new Map<Equation, Culprit>();
  if (broken.size === 0) return out;
  const byCell = new Map<string, { term: Term; eqs: { eq: Equation; coef: 1 | -1 }[]; holds: boolean }>();
  for (const eq of broken.values()) {
    for (const t of [eq.total, ...eq.parts])
      if (!byCell.has(t.cell)) byCell.set(t.cell, { term: t, eqs: [], holds: false });
  }
  // The same sums in the same order: a broken one is replaced by the object the rules report.
  let ordinal = 0;
  allEquations(model, (fresh) => {
    const eq = broken.get(ordinal++) ?? fresh;
    const add = (t: Term, coef: 1 | -1): void => {
      const e = byCell.get(t.cell);
      if (!e) return;
      if (eq.status === 'error') e.eqs.push({ eq, coef });
      else e.holds = true;
    };
    add(eq.total, 1);
    for (const p of eq.parts) add(p, -1);
  });
  const candidates: Culprit[] = [];
  const explains = new Map<string, Equation[]>();
  for (const [cell, entry] of byCell) {
    if (entry.holds || entry.eqs.length < 2) continue;
    const deltas = entry.eqs.map((x) => x.eq.diff * x.coef);
    if (deltas.some((d) => d !== deltas[0])) continue;
    candidates.push({ term: entry.term, delta: deltas[0] });
    explains.set(
      cell,
      entry.eqs.map((x) => x.eq),
    );
  }
  candidates.sort((a, b) => (explains.get(b.term.cell)?.length ?? 0) - (explains.get(a.term.cell)?.length ?? 0));
  for (const c of candidates) {
    for (const eq of explains.get(c.term.cell) ?? []) if (!out.has(eq)) out.set(eq, c);
  }
  return out;
}

/**
 * The cells a sum finding involves besides its own (the total's) cell: the parts, then the likely
 * culprit when it is not already among them — each once.
 */
export function relatedCells(eq: Equation, culprit: Culprit | undefined): string[] {
  // A Set, not out.includes: a column total over 250,000 projects would make that quadratic.
  const seen = new Set<string>([eq.total.cell]);
  const out: string[] = [];
  const add = (cell: string): void => {
    if (seen.has(cell)) return;
    seen.add(cell);
    out.push(cell);
  };
  for (const p of eq.parts) add(p.cell);
  if (culprit) add(culprit.term.cell);
  return out;
}

export function analyseSums(model: TableModel): SumAnalysis {
  let a = cache.get(model);
  if (!a) {
    // Only the sums that do not hold are kept: the rules report nothing on the others.
    const equations: Equation[] = [];
    const broken = new Map<number, Equation>();
    let ordinal = 0;
    allEquations(model, (eq) => {
      if (eq.status !== 'ok') equations.push(eq);
      if (eq.status === 'error') broken.set(ordinal, eq);
      ordinal++;
    });
    a = { equations, culprits: findCulprits(model, broken) };
    cache.set(model, a);
  }
  return a;
}
