/**
 * The wording of sum findings, in pieces the two sum rules' message blocks compose
 * (src/core/rules/amount-sum-messages.ts): the equation, the rounding note, the likely culprit.
 * Their data are plain figures in cents.
 */
import { displayCents } from '../amounts';
import type { AmountRole, RowKind } from '../report';
import { ROLE_LABEL, UNIT_LABEL } from './labels';
import type { Text } from './locale';
import { rowName } from './words';

const MAX_PARTS_SHOWN = 12;

/** The row a sum is about (for column sums, the unit or 合计 row). */
export interface SumRow {
  name: string;
  row: number;
  kind: RowKind;
}

/** The cell most likely wrong, when one cell explains several broken sums. */
export interface CulpritData {
  cell: string;
  row: SumRow;
  role: AmountRole;
  cents: number;
  expectedCents: number;
  /** Whether the culprit is this equation's own total (then nothing else needs saying). */
  isTotal: boolean;
}

export interface SumData {
  row: SumRow;
  role: AmountRole;
  unit: '万元' | '元';
  total: number;
  sum: number;
  diff: number;
  parts: { role: AmountRole; cents: number }[];
  /** Column sums: whether the parts are units or projects. */
  partsKind: 'unit' | 'project' | null;
  /** The rounding bound, in cents (fractional cents are possible: ½·10⁻²·5 = 0.025). */
  tolerance: number;
  culprit: CulpritData | null;
}

function signed(cents: number): string {
  return `${cents > 0 ? '+' : ''}${displayCents(cents)}`;
}

function partsList(d: SumData): string {
  const shown = d.parts.slice(0, MAX_PARTS_SHOWN).map((p) => displayCents(p.cents));
  if (d.parts.length > MAX_PARTS_SHOWN) shown.push('…');
  return shown.join(' + ');
}

/** `合计` / `“name”`, the way the messages name the row a sum is about. */
function who(r: SumRow): Text {
  const n = rowName(r.name, r.row);
  return r.kind === 'total'
    ? { 'zh-CN': '合计', 'en-US': 'Grand total' }
    : { 'zh-CN': `“${n['zh-CN']}”`, 'en-US': `"${n['en-US']}"` };
}

export function rowText(d: SumData): Text {
  const total = displayCents(d.total);
  const sum = displayCents(d.sum);
  const diff = signed(d.diff);
  const [zhU, enU] = [UNIT_LABEL['zh-CN'][d.unit], UNIT_LABEL['en-US'][d.unit]];
  const parts = (l: 'zh-CN' | 'en-US') =>
    d.parts.map((p) => `${ROLE_LABEL[l][p.role]} ${displayCents(p.cents)}`).join(' + ');
  return {
    'zh-CN': `${who(d.row)['zh-CN']}的总计为 ${total} ${zhU}，但 ${parts('zh-CN')} = ${sum} ${zhU}，相差 ${diff} ${zhU}。`,
    'en-US': `${who(d.row)['en-US']}: Total is ${total} ${enU}, but ${parts('en-US')} = ${sum} ${enU}; difference ${diff} ${enU}.`,
  };
}

export function columnText(d: SumData): Text {
  const total = displayCents(d.total);
  const sum = displayCents(d.sum);
  const diff = signed(d.diff);
  const [zhU, enU] = [UNIT_LABEL['zh-CN'][d.unit], UNIT_LABEL['en-US'][d.unit]];
  const kids = d.partsKind === 'unit' ? '各单位' : '所属各项目';
  const n = d.parts.length;
  const kidsEn = d.partsKind === 'unit' ? (n === 1 ? 'unit' : 'units') : n === 1 ? 'project' : 'projects';
  const whose = d.row.kind === 'total' ? 'the grand total' : who(d.row)['en-US'];
  return {
    'zh-CN': `${who(d.row)['zh-CN']}“${ROLE_LABEL['zh-CN'][d.role]}”为 ${total} ${zhU}，${kids}之和为 ${sum} ${zhU}（${partsList(d)}），相差 ${diff} ${zhU}。`,
    'en-US': `${ROLE_LABEL['en-US'][d.role]} of ${whose} is ${total} ${enU}; the sum of its ${n} ${kidsEn} is ${sum} ${enU} (${partsList(d)}); difference ${diff} ${enU}.`,
  };
}

/** Said as a clerk says it: the bound itself (`d.tolerance`) is in the data, not in the words. */
export function roundingText(_d: SumData): Text {
  return {
    'zh-CN': '差额在四舍五入误差以内，一般无需修改。',
    'en-US': ' The difference is within rounding error; usually fine.',
  };
}

export function culpritText(c: CulpritData | null): Text {
  if (!c) return { 'zh-CN': '', 'en-US': '' };
  const name = rowName(c.row.name, c.row.row);
  const [now, expected] = [displayCents(c.cents), displayCents(c.expectedCents)];
  return {
    'zh-CN': `最可能填错的是 ${c.cell}（${name['zh-CN']}的${ROLE_LABEL['zh-CN'][c.role]}）：现为 ${now}，按其他数字应为 ${expected}${c.isTotal ? '' : '；改正它即可同时消除相关的合计差异'}。`,
    'en-US': ` The cell most likely wrong is ${c.cell} (${ROLE_LABEL['en-US'][c.role]} of "${name['en-US']}"): it reads ${now}, the other figures say ${expected}.`,
  };
}

/** The likely wrong cell's own finding: its value, what the other figures imply, the sums it breaks. */
export function culpritOwnText(d: { culprit: CulpritData; unit: '万元' | '元'; sums: string[] }): Text {
  const c = d.culprit;
  const name = rowName(c.row.name, c.row.row);
  const [zhU, enU] = [UNIT_LABEL['zh-CN'][d.unit], UNIT_LABEL['en-US'][d.unit]];
  const [now, expected] = [displayCents(c.cents), displayCents(c.expectedCents)];
  return {
    'zh-CN': `“${name['zh-CN']}”的${ROLE_LABEL['zh-CN'][c.role]}为 ${now} ${zhU}，按其他数字应为 ${expected} ${zhU}：它使 ${d.sums.join('、')} 处的合计不相等，改正它即可同时消除这些差异。`,
    'en-US': `${ROLE_LABEL['en-US'][c.role]} of "${name['en-US']}" reads ${now} ${enU}; the other figures say ${expected} ${enU}: it breaks the sums at ${d.sums.join(', ')}, and correcting it clears them all.`,
  };
}

export function join(...texts: Text[]): Text {
  return { 'zh-CN': texts.map((t) => t['zh-CN']).join(''), 'en-US': texts.map((t) => t['en-US']).join('') };
}
