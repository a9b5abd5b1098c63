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

/** A readable, non-negative amount with a cell: what a sum takes as a term (else the sum is skipped). */
function readable(row: TableRow, role: AmountRole): Amount | null {
  const read = row.amounts[role];
  if (!read.ok || row.amountCells[role] === null || read.amount.cents < 0) return null;
  return read.amount;
}

function term(row: TableRow, role: AmountRole): Term | null {
  const amount = readable(row, role);
  return amount === null ? null : { cell: row.amountCells[role] as string, row, role, amount };
}

type Balance = Pick<Equation, 'sum' | 'diff' | 'decimals' | 'tolerance' | 'status'>;

/** total − Σ parts and whether it holds, within the rounding of the figures as shown. */
function balance(total: Amount, parts: readonly Amount[]): Balance {
  // Index loops here and below: they run per row, mostly before the code is optimised, where a
  // `for…of` allocates an iterator result per step.
  let sum = 0;
  for (let i = 0; i < parts.length; i++) sum += parts[i].cents;
  const diff = total.cents - sum;
  // Each shown figure stands for ±½·10⁻ᵈ of its own d; blank cells are exact zeros. With one d for
  // all figures this is domain.md's ½·10⁻ᵈ·(n+1); with mixed decimals each figure brings its own share.
  let figures = 0;
  let decimals = 0;
  let tolerance = 0;
  for (let i = -1; i < parts.length; i++) {
    const a = i < 0 ? total : parts[i];
    if (a.blank) continue;
    figures++;
    if (a.decimals > decimals) decimals = a.decimals;
    tolerance += toleranceCents(a.decimals, 0);
  }
  if (figures === 0) decimals = 2;
  if (figures < 2) tolerance = toleranceCents(decimals, 1);
  const status = diff === 0 ? 'ok' : Math.abs(diff) <= tolerance ? 'rounding' : 'error';
  return { sum, diff, decimals, tolerance, status };
}

/**
 * Every sum, in order: row sums in table order, then column sums. `each` gets the sums that do not
 * hold, or with `every` all of them (the culprit search follows cells through the sums that hold).
 */
function allEquations(model: TableModel, each: (eq: Equation) => void, every: boolean): void {
  rowEquations(model, each, every);
  columnEquations(model, each, every);
}

/** Every row sum: 总计 = the part columns the table has. */
function rowEquations(model: TableModel, each: (eq: Equation) => void, every: boolean): void {
  const cols = model.table.columns;
  if (cols.total === undefined) return;
  const partRoles = AMOUNT_ROLES.filter((r) => r !== 'total' && cols[r] !== undefined);
  if (partRoles.length === 0) return;
  const amounts: Amount[] = [];
  for (const row of model.table.rows) {
    if (row.kind === 'continuation') continue;
    const total = readable(row, 'total');
    // Unreadable amounts are reported by amount-not-number: no sum is checked on them.
    if (!total || !readRoles(amounts, row, partRoles)) continue;
    const b = balance(total, amounts);
    if (b.status === 'ok' && !every) continue;
    const parts = partRoles.map((r) => term(row, r) as Term);
    each({ kind: 'row', row, role: 'total', total: term(row, 'total') as Term, parts, ...b });
  }
}

/** Every column sum (unit = Σ projects, 合计 = Σ units or projects), after the row sums' order. */
function columnEquations(model: TableModel, each: (eq: Equation) => void, every: boolean): void {
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
  const amounts: Amount[] = [];
  for (const g of groups) {
    for (const role of roles) {
      const total = readable(g.parent, role);
      if (!total || !readRows(amounts, g.children, role)) continue;
      const b = balance(total, amounts);
      if (b.status === 'ok' && !every) continue;
      const parts = g.children.map((c) => term(c, role) as Term);
      each({
        kind: 'column',
        row: g.parent,
        role,
        total: term(g.parent, role) as Term,
        parts,
        ...b,
        partsKind: g.kind,
      });
    }
  }
}

/** `into` := the row's amounts of `roles`; false as soon as one is unreadable. */
function readRoles(into: Amount[], row: TableRow, roles: readonly AmountRole[]): boolean {
  into.length = 0;
  for (let i = 0; i < roles.length; i++) {
    const a = readable(row, roles[i]);
    if (a === null) return false;
    into.push(a);
  }
  return true;
}

/** `into` := the amounts of `role` on `rows`; false as soon as one is unreadable. */
function readRows(into: Amount[], rows: readonly TableRow[], role: AmountRole): boolean {
  into.length = 0;
  for (let i = 0; i < rows.length; i++) {
    const a = readable(rows[i], role);
    if (a === null) return false;
    into.push(a);
  }
  return true;
}

/** Which sum an equation is: one per row and role for each kind (a unit row has a row and a column sum). */
function sumKey(eq: Equation): string {
  return `${eq.kind}:${eq.row.row}:${eq.role}`;
}

/**
 * The likely wrong cell of each broken sum. Only cells of broken sums can be culprits, so only they
 * are followed through every sum (a second pass over the sums, whose terms are not kept): on a
 * 250,000-project table where nearly every sum holds, a map of every cell held 2 million entries.
 */
function findCulprits(model: TableModel, broken: ReadonlyMap<string, Equation>): Map<Equation, Culprit> {
  const out = new Map<Equation, Culprit>();
  if (broken.size === 0) return out;
  const byCell = new Map<string, { term: Term; eqs: { eq: Equation; coef: 1 | -1 }[]; holds: boolean }>();
  for (const eq of broken.values()) {
    for (const t of [eq.total, ...eq.parts])
      if (!byCell.has(t.cell)) byCell.set(t.cell, { term: t, eqs: [], holds: false });
  }
  // Every sum again: a broken one is replaced by the object the rules report.
  allEquations(
    model,
    (fresh) => {
      const eq = broken.get(sumKey(fresh)) ?? fresh;
      const add = (t: Term, coef: 1 | -1): void => {
        const e = byCell.get(t.cell);
        if (!e) return;
        if (eq.status === 'error') e.eqs.push({ eq, coef });
        else e.holds = true;
      };
      add(eq.total, 1);
      for (const p of eq.parts) add(p, -1);
    },
    true,
  );
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
    const broken = new Map<string, Equation>();
    allEquations(
      model,
      (eq) => {
        equations.push(eq);
        if (eq.status === 'error') broken.set(sumKey(eq), eq);
      },
      false,
    );
    a = { equations, culprits: findCulprits(model, broken) };
    cache.set(model, a);
  }
  return a;
}
