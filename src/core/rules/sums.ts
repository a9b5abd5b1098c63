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
  const sum = parts.reduce((s, p) => s + p.amount.cents, 0);
  const diff = total.amount.cents - sum;
  const figures = [total, ...parts].filter((t) => !t.amount.blank);
  let decimals = figures.length ? 0 : 2;
  for (const t of figures) if (t.amount.decimals > decimals) decimals = t.amount.decimals;
  // Each shown figure stands for ±½·10⁻ᵈ of its own d; blank cells are exact zeros. With one d for
  // all figures this is domain.md's ½·10⁻ᵈ·(n+1); with mixed decimals each figure brings its own share.
  let tolerance = 0;
  for (const f of figures) tolerance += toleranceCents(f.amount.decimals, 0);
  if (figures.length < 2) tolerance = toleranceCents(decimals, 1);
  const status = diff === 0 ? 'ok' : Math.abs(diff) <= tolerance ? 'rounding' : 'error';
  return { kind, row, role, total, parts, sum, diff, decimals, tolerance, status };
}

function rowEquations(model: TableModel): Equation[] {
  const out: Equation[] = [];
  const cols = model.table.columns;
  if (cols.total === undefined) return out;
  const partRoles = AMOUNT_ROLES.filter((r) => r !== 'total' && cols[r] !== undefined);
  if (partRoles.length === 0) return out;
  for (const row of model.table.rows) {
    if (row.kind === 'continuation') continue;
    const total = term(row, 'total');
    const parts = partRoles.map((r) => term(row, r));
    if (!total || parts.some((p) => p === null)) continue; // unreadable amounts are reported by amount-not-number
    out.push(equation('row', row, 'total', total, parts as Term[]));
  }
  return out;
}

function columnEquations(model: TableModel): Equation[] {
  const out: Equation[] = [];
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
      out.push(eq);
    }
  }
  return out;
}

function findCulprits(equations: Equation[]): Map<Equation, Culprit> {
  if (!equations.some((e) => e.status === 'error')) return new Map();
  const byCell = new Map<string, { term: Term; eqs: { eq: Equation; coef: 1 | -1 }[] }>();
  const add = (t: Term, eq: Equation, coef: 1 | -1) => {
    const e = byCell.get(t.cell) ?? { term: t, eqs: [] };
    e.eqs.push({ eq, coef });
    byCell.set(t.cell, e);
  };
  for (const eq of equations) {
    add(eq.total, eq, 1);
    for (const p of eq.parts) add(p, eq, -1);
  }
  const candidates: Culprit[] = [];
  const explains = new Map<string, Equation[]>();
  for (const [cell, entry] of byCell) {
    if (entry.eqs.length < 2 || entry.eqs.some((x) => x.eq.status !== 'error')) continue;
    const deltas = entry.eqs.map((x) => x.eq.diff * x.coef);
    if (deltas.some((d) => d !== deltas[0])) continue;
    candidates.push({ term: entry.term, delta: deltas[0] });
    explains.set(
      cell,
      entry.eqs.map((x) => x.eq),
    );
  }
  candidates.sort((a, b) => (explains.get(b.term.cell)?.length ?? 0) - (explains.get(a.term.cell)?.length ?? 0));
  const out = new Map<Equation, Culprit>();
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
    const equations = [...rowEquations(model), ...columnEquations(model)];
    a = { equations, culprits: findCulprits(equations) };
    cache.set(model, a);
  }
  return a;
}
