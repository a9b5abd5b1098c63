/**
 * The published layouts as data (docs/layouts.md §2–§3): which label names which field of a form,
 * which header names which column of an indicator grid, and which words mark a table that is not a
 * project target table. The readers in ../readers interpret these tables; a new province's form is
 * new synonyms here, not new control flow.
 */

/** Traditional characters seen in mirrored tables (乐昌, 岳阳楼), mapped so one synonym serves both. */
const TRADITIONAL: Record<string, string> = {
  級: '级',
  標: '标',
  實: '实',
  際: '际',
  單: '单',
  預: '预',
  額: '额',
  項: '项',
  資: '资',
  門: '门',
  評: '评',
  價: '价',
  萬: '万',
  計: '计',
  値: '值',
  體: '体',
  業: '业',
  績: '绩',
  與: '与',
  類: '类',
  數: '数',
  質: '质',
  時: '时',
  應: '应',
  滿: '满',
  經: '经',
  濟: '济',
  會: '会',
  態: '态',
  產: '产',
  現: '现',
  備: '备',
  註: '注',
  稱: '称',
  總: '总',
  範: '范',
  續: '续',
  響: '响',
  務: '务',
  對: '对',
  象: '象',
  劃: '划',
  準: '准',
  據: '据',
  權: '权',
  重: '重',
};
const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');
const TRADITIONAL_TEST = new RegExp(TRADITIONAL_RE.source);

/**
 * A label as a key: no spaces or line breaks (`一级\n指标`, `项目 名称`), ASCII brackets, no colons,
 * no leading `其中` or ordinal (`(一)`, `1、`, `二、`), simplified characters.
 */
const keys = new Map<string, string>();
const MAX_KEYS = 20000;
const NEEDS_WORK = /[\s\u3000（）:：]|^(其中|\*|★|\(|[一二三四五六七八九十\d]{1,2}[、.．])/;

export function labelKey(text: string): string {
  if (!text || text.length > 80) return '';
  // Every row of every form is matched against the labels, and sheets repeat the same texts: remember
  // the keys (bounded: arbitrary sheets must not grow the table without end).
  let k = keys.get(text);
  if (k === undefined) {
    k = computeKey(text);
    if (keys.size < MAX_KEYS) keys.set(text, k);
  }
  return k;
}

function computeKey(text: string): string {
  if (!NEEDS_WORK.test(text) && !TRADITIONAL_TEST.test(text)) return text;
  let k = text
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[:：]/g, '');
  k = k.replace(TRADITIONAL_RE, (c) => TRADITIONAL[c]);
  // `其中:财政拨款`, `(一)财政拨款小计`, `1、一般公共预算`, `二、自有资金`, `*指标值` (a required-field mark).
  for (let i = 0; i < 3; i++) {
    const before = k;
    k = k.replace(/^(其中|\*|★|\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十\d]{1,2}[、.．])/, '');
    if (k === before) break;
  }
  return k;
}

// ---------------------------------------------------------------------------------------------
// Form fields (the block above the indicator grid)

export type FormField =
  | 'name'
  | 'unit'
  | 'department'
  | 'total'
  | 'fiscal'
  | 'fiscalLine' // 一般公共预算 / 政府性基金 / 国有资本经营预算: lines that sum to 财政拨款
  | 'fiscalLevel' // 本级 / 上级 / 中央 / 省 / 市 / 县: summed when no 财政拨款 line is given
  | 'other'
  | 'carryover'
  | 'goal'
  | 'label'; // a known label that is no field (so it is never read as a value)

export interface FieldLabel {
  field: FormField;
  pattern: RegExp;
  /** Among labels of one field, the higher rank wins: the current year's figure over a multi-year one. */
  rank: number;
}

/** Matched on `labelKey`, first match wins: specific labels before general ones. */
export const FIELD_LABELS: readonly FieldLabel[] = [
  { field: 'name', pattern: /^(项目支出名称|项目名称|项目名|二级项目名称)(\(.*\))?$/, rank: 2 },
  { field: 'name', pattern: /^(专项资金名称|专项名称|一级项目名称)$/, rank: 1 },
  { field: 'unit', pattern: /^((项目)?(实施|执行|承担)(单位|主体)(名称)?|单位名称|项目单位)$/, rank: 1 },
  {
    field: 'department',
    pattern: /^(主管部门(及代码)?|预算部门|预算单位|申报单位(名称)?|编制单位|主管单位)$/,
    rank: 1,
  },
  { field: 'carryover', pattern: /^(上年结转(资金)?|上年结余(收入|资金)?)/, rank: 1 },
  { field: 'fiscal', pattern: /^(当年|本年(度)?)财政(拨款|资金)/, rank: 3 },
  { field: 'fiscal', pattern: /^(财政拨款|财政资金|财政补助|预算资金)(小计|合计)?(\(.*\))?$/, rank: 2 },
  { field: 'fiscalLine', pattern: /^(一般公共预算|政府性基金|国有资本经营)(预算)?(拨款|资金|收入)?$/, rank: 1 },
  {
    field: 'fiscalLevel',
    pattern: /^(该项目支出)?(年度)?(中央|省级?|市级?|县级?|区级?|本级|上级)(财政)?(预算金额|资金|补助|拨款)?$/,
    rank: 1,
  },
  { field: 'fiscalLevel', pattern: /^年度本级预算金额$/, rank: 1 },
  { field: 'other', pattern: /^(当年|本年(度)?)其[他它]资金/, rank: 3 },
  {
    field: 'other',
    pattern:
      /^(其[他它]资金|自有资金|(单位)?自筹(资金)?|社会资金|社会投资|单位资金|其[他它]收入|其[他它]|事业收入|经营(性)?收入)(小计)?$/,
    rank: 2,
  },
  {
    field: 'total',
    pattern:
      /^(年度资金总额|当年资金总额|当年年度预算|当年预算(数|金额)?|本年度申请.*|本年度预算(数|金额)?|年度预算(数|金额)?|当年年度资金)/,
    rank: 3,
  },
  {
    field: 'total',
    pattern: /^(项目资金|项目金额|项目预算(金额)?|预算数|资金总额|总额|合计|预算金额|(项目)?(申请|申报)金额)(\(.*\))?$/,
    rank: 2,
  },
  { field: 'total', pattern: /^(项目总预算|总预算|中期.*预算|项目总金额)/, rank: 1 },
  { field: 'goal', pattern: /^(年度目标|年度绩效目标|本年度绩效目标)$/, rank: 1 },
  {
    field: 'label',
    pattern:
      /^(其中|小计|项目来源|项目期|项目属性|项目类别|项目类型|项目负责人.*|项目责任人|联系电话|总体目标|中期目标|长期目标|实施期.*|项目支出实施期|单位\(盖章\)|填报单位.*|绩效指标|编制单位|资金情况.*|项目资金.*|项目金额.*)$/,
    rank: 0,
  },
];

/** The field a label names, or null. */
const fields = new Map<string, FieldLabel | null>();

export function fieldOf(key: string): FieldLabel | null {
  if (!key || key.length > 30) return null;
  let hit = fields.get(key);
  if (hit === undefined) {
    hit = null;
    for (const f of FIELD_LABELS) {
      if (f.pattern.test(key)) {
        hit = f;
        break;
      }
    }
    if (fields.size < MAX_KEYS) fields.set(key, hit);
  }
  return hit;
}

// ---------------------------------------------------------------------------------------------
// Indicator grid columns

export type GridRole =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'value'
  | 'comparator'
  | 'valueUnit'
  | 'weight'
  | 'never' // explanations and last year's figures: never the target
  | 'result' // an outcome column (实际完成值): a self-evaluation when scores come with it
  | 'score'; // 得分

/** Matched on `labelKey` in order: `指标值类型` is a comparator and `指标值内容` an explanation, not the value. */
export const GRID_LABELS: readonly { role: GridRole; pattern: RegExp }[] = [
  { role: 'score', pattern: /^(得分|自评得分|评分)/ },
  { role: 'result', pattern: /(实际完成值|全年实际值|全年完成值|实际完成情况|实际完成|全年执行数|完成值)/ },
  {
    role: 'never',
    pattern: /(解释|指标值内容|备注|绩效标准|依据|评\(扣\)分标准|扣分|方向|上年度?实际|实际|原因|措施|说明)/,
  },
  { role: 'comparator', pattern: /^(指标性质|指标值类型|比较符|运算符)$/ },
  { role: 'valueUnit', pattern: /^(度量单位|计量单位|指标单位|单位)$/ },
  { role: 'weight', pattern: /^(权重|指标权重|分值|权重\(分\)|分值\(分\))/ },
  // `一级` / `二级` / `三级` alone head the columns in some provinces' forms.
  { role: 'level1', pattern: /^一级(指标|目标|$)/ },
  { role: 'level2', pattern: /^二级(指标|$)/ },
  { role: 'level3', pattern: /^(三级指标名称|三级指标|三级|指标内容|指标名称|指标)(\(.*\))?$/ },
  {
    role: 'value',
    pattern:
      /^(年度)?(指标值|绩效指标值|绩效目标值|指标目标值|目标值|指标值及单位|当年预期实现值|预期实现值|本年度计划水平|计划水平|本年度指标值|年度指标值)(\(.*\))?$/,
  },
];

const roles = new Map<string, GridRole | null>();

export function gridRoleOf(key: string): GridRole | null {
  if (!key || key.length > 30) return null;
  let role = roles.get(key);
  if (role === undefined) {
    role = null;
    for (const g of GRID_LABELS) {
      if (g.pattern.test(key)) {
        role = g.role;
        break;
      }
    }
    if (roles.size < MAX_KEYS) roles.set(key, role);
  }
  return role;
}

/** Words in a grid header (or the row above it) saying which indicator set it holds. */
export const PERIOD_SET = /长期|中期|实施期|周期/;
export const ANNUAL_SET = /年度|当年|本年/;

/** Rows that end a form: signatures and notes below the grid. */
export const FORM_END =
  /^(填表人|填报人|审核人|单位负责人|财务负责人|联系人|联系电话|注[:：\d]|备注[:：]|说明[:：]|.*\(盖章\).*年.*月.*日)/;

/** 一级 / 二级 written as "not applicable" (`本项目不适用此指标 | 无`): no indicator, never an error. */
export const NOT_APPLICABLE = /不适用|^无$|^\/$|^—+$|^-+$/;

// ---------------------------------------------------------------------------------------------
// Titles and tables that are not project target tables

/** A title line: short, one cell, names a 表. */
export const TITLE = /(绩效目标|绩效自评|自评|评价|申报|批复|审批|整体支出).*表|目标表|申报表|自评表/;
export const SELF_EVALUATION_TITLE = /自评|评价指标表|评价表/;
export const DEPARTMENT_TITLE = /整体支出|部门整体|单位整体/;
/** Labels only department-level tables carry. */
export const DEPARTMENT_LABEL = /^(部门\(单位\)名称|部门名称|年度主要任务|任务名称|基本支出|项目支出|整体绩效目标)$/;
