/** Messages for sum findings: the total, the computed sum, the parts, the difference, the likely cause. */
import { displayCents } from '../amounts';
import { ROLE_LABEL, UNIT_LABEL } from '../messages/labels';
import { formatCents } from '../amounts';
import { analyseSums, relatedCells, type Culprit, type Equation } from './sums';
import type { RuleContext } from './rule';
import type { Text } from './rule';

const MAX_PARTS_SHOWN = 12;

function partsList(eq: Equation): string {
  const shown = eq.parts.slice(0, MAX_PARTS_SHOWN).map((p) => displayCents(p.amount.cents));
  if (eq.parts.length > MAX_PARTS_SHOWN) shown.push('…');
  return shown.join(' + ');
}

function signed(cents: number): string {
  return `${cents > 0 ? '+' : ''}${displayCents(cents)}`;
}

function tolerance(eq: Equation): string {
  // Fractional cents are possible (½·10⁻²·5 = 0.025): show the bound exactly.
  return String(eq.tolerance / 100);
}

function who(eq: Equation, zh: boolean): string {
  const n = eq.row.name || (zh ? `第 ${eq.row.row} 行` : `row ${eq.row.row}`);
  return eq.row.kind === 'total' ? (zh ? '合计' : 'Grand total') : zh ? `“${n}”` : `"${n}"`;
}

function culpritText(c: Culprit | undefined, eq: Equation): Text | null {
  if (!c) return null;
  const expected = displayCents(c.term.amount.cents - c.delta);
  const zhRole = ROLE_LABEL['zh-CN'][c.term.role];
  const enRole = ROLE_LABEL['en-US'][c.term.role];
  const same = c.term.cell === eq.total.cell;
  return {
    'zh-CN': `最可能填错的是 ${c.term.cell}（${c.term.row.name || `第 ${c.term.row.row} 行`}的${zhRole}）：现为 ${displayCents(c.term.amount.cents)}，按其他数字应为 ${expected}${same ? '' : '；改正它即可同时消除相关的合计差异'}。`,
    'en-US': `The cell most likely wrong is ${c.term.cell} (${enRole} of "${c.term.row.name || `row ${c.term.row.row}`}"): it reads ${displayCents(c.term.amount.cents)}, the other figures say ${expected}.`,
  };
}

export function sumMessage(eq: Equation, unit: '万元' | '元', culprit: Culprit | undefined): Text {
  const zhU = UNIT_LABEL['zh-CN'][unit];
  const enU = UNIT_LABEL['en-US'][unit];
  const total = displayCents(eq.total.amount.cents);
  const sum = displayCents(eq.sum);
  const diff = signed(eq.diff);
  let zh: string;
  let en: string;
  if (eq.kind === 'row') {
    const parts = eq.parts.map((p) => `${ROLE_LABEL['zh-CN'][p.role]} ${displayCents(p.amount.cents)}`).join(' + ');
    const partsEn = eq.parts.map((p) => `${ROLE_LABEL['en-US'][p.role]} ${displayCents(p.amount.cents)}`).join(' + ');
    zh = `${who(eq, true)}的总计为 ${total} ${zhU}，但 ${parts} = ${sum} ${zhU}，相差 ${diff} ${zhU}。`;
    en = `${who(eq, false)}: Total is ${total} ${enU}, but ${partsEn} = ${sum} ${enU}; difference ${diff} ${enU}.`;
  } else {
    const zhRole = ROLE_LABEL['zh-CN'][eq.role];
    const enRole = ROLE_LABEL['en-US'][eq.role];
    const kids = eq.partsKind === 'unit' ? '各单位' : '所属各项目';
    const kidsEn = eq.partsKind === 'unit' ? 'units' : 'projects';
    zh = `${who(eq, true)}“${zhRole}”为 ${total} ${zhU}，${kids}之和为 ${sum} ${zhU}（${partsList(eq)}），相差 ${diff} ${zhU}。`;
    const n = eq.parts.length;
    const whose = eq.row.kind === 'total' ? 'the grand total' : who(eq, false);
    en = `${enRole} of ${whose} is ${total} ${enU}; the sum of its ${n} ${n === 1 ? kidsEn.replace(/s$/, '') : kidsEn} is ${sum} ${enU} (${partsList(eq)}); difference ${diff} ${enU}.`;
  }
  if (eq.status === 'rounding') {
    zh += `差额在四舍五入允许范围（±${tolerance(eq)}）内，可能为四舍五入，一般无需修改。`;
    en += ` Within the rounding tolerance (±${tolerance(eq)}): probably rounding, usually fine.`;
  } else {
    const c = culpritText(culprit, eq);
    if (c) {
      zh += c['zh-CN'];
      en += ` ${c['en-US']}`;
    }
  }
  return { 'zh-CN': zh, 'en-US': en };
}

/** Reports every broken (or rounding-gap) equation of one kind: shared by the row and column sum rules. */
export function reportSums({ model, unit, report }: RuleContext, kind: Equation['kind']): void {
  const { equations, culprits } = analyseSums(model);
  for (const eq of equations) {
    if (eq.kind !== kind || eq.status === 'ok') continue;
    const c = culprits.get(eq);
    report({
      cell: eq.total.cell,
      row: eq.row.row,
      project: eq.row.kind === 'project' ? eq.row.name : null,
      indicator: null,
      severity: eq.status === 'rounding' ? 'info' : 'error',
      expected: formatCents(eq.sum),
      actual: formatCents(eq.total.amount.cents),
      related: relatedCells(eq, c),
      message: sumMessage(eq, unit, c),
    });
  }
}
