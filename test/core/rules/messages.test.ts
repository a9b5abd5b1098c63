/**
 * The wording of every rule message, checked here once (rule tests assert message ids and data).
 * Each rule's every message id has at least one sample; a new message without one fails the first test.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { RULES } from '../../../src/core/rules';
import type { Message } from '../../../src/core/messages/define';

interface Wording {
  rule: string;
  id: string;
  data: unknown;
  'zh-CN': string;
  'en-US': string;
}

const row = (name: string, r: number, kind: string) => ({ name, row: r, kind });
/** Sum data with the fields most samples share. */
const sum = (o: Record<string, unknown>) => ({ unit: '万元', partsKind: null, culprit: null, ...o });

const WORDING: Wording[] = [
  // Grid layouts (forms, flat lists).
  {
    rule: 'form-amount-sum',
    id: 'sum',
    data: {
      name: '农民职业技能培训',
      label: '年度资金总额',
      total: '520.00',
      parts: '财政拨款 450.00 + 上年结转 20.00 + 其他资金 40.00',
      sum: '510.00',
      gap: '10.00',
      unit: '万元',
      culprit: null,
    },
    'zh-CN':
      '项目“农民职业技能培训”的年度资金总额 520.00 不等于 财政拨款 450.00 + 上年结转 20.00 + 其他资金 40.00 = 510.00，相差 10.00 万元。',
    'en-US': 'Project "农民职业技能培训": 年度资金总额 520.00 is not the sum of its parts 510.00 (off by 10.00).',
  },
  {
    rule: 'form-amount-sum',
    id: 'sum',
    data: {
      name: '昭化区就业补助',
      label: '年度资金总额',
      total: '6.30',
      parts: '财政拨款小计 7.30 + 自有资金小计 0.00',
      sum: '7.30',
      gap: '1.00',
      unit: '万元',
      culprit: '财政拨款小计',
    },
    'zh-CN':
      '项目“昭化区就业补助”的年度资金总额 6.30 不等于 财政拨款小计 7.30 + 自有资金小计 0.00 = 7.30，相差 1.00 万元。很可能是财政拨款小计填错了（另一处合计也差同样的数）。',
    'en-US':
      'Project "昭化区就业补助": 年度资金总额 6.30 is not the sum of its parts 7.30 (off by 1.00). 财政拨款小计 is the likely cause (another sum is off by the same amount).',
  },
  {
    rule: 'form-amount-sum',
    id: 'rounding',
    data: {
      name: '宁乡项目',
      label: '总额',
      total: '10,606.75',
      parts: '财政拨款 6,923.36 + 其他 3,683.40',
      sum: '10,606.76',
      gap: '0.01',
      unit: '万元',
      culprit: null,
    },
    'zh-CN':
      '项目“宁乡项目”的总额 10,606.75 与 财政拨款 6,923.36 + 其他 3,683.40 = 10,606.76 相差 0.01 万元，差额在四舍五入误差以内，一般无需修改。',
    'en-US': 'Project "宁乡项目": 总额 10,606.75 and the sum of its parts 10,606.76 differ by 0.01, within rounding.',
  },
  {
    rule: 'form-amount-sum',
    id: 'partOverTotal',
    data: {
      name: '农民职业技能培训',
      part: '财政拨款',
      amount: '7.30',
      total: '年度资金总额',
      totalAmount: '6.30',
      unit: '万元',
    },
    'zh-CN': '项目“农民职业技能培训”的财政拨款 7.30 万元大于年度资金总额 6.30 万元：其中的一部分不能超过总额。',
    'en-US': 'Project "农民职业技能培训": 财政拨款 7.30 exceeds 年度资金总额 6.30.',
  },
  {
    rule: 'indicator-level-name',
    id: 'unknownLevel1',
    data: { ordinal: 4, name: '制度完善率', level1: '管理指标' },
    'zh-CN': '第 4 条指标“制度完善率”的一级指标“管理指标”不是产出指标、效益指标、满意度指标或成本指标。',
    'en-US': 'Indicator 4 "制度完善率": level 1 "管理指标" is none of 产出 / 效益 / 满意度 / 成本.',
  },
  {
    rule: 'indicator-level-name',
    id: 'wrongLevel1',
    data: { ordinal: 4, name: '受训人数', level1: '效益指标', level2: '数量指标', belongs: '产出指标' },
    'zh-CN': '二级指标“数量指标”属于产出指标，不应列在一级指标“效益指标”下（第 4 条指标“受训人数”）。',
    'en-US': 'Level 2 "数量指标" belongs under 产出指标, not under level 1 "效益指标" (Indicator 4 "受训人数").',
  },
  {
    rule: 'indicator-template-row',
    id: 'noIndicator',
    data: { row: 8, level2: '经济效益指标' },
    'zh-CN': '第 8 行只有二级指标“经济效益指标”，没有三级指标和指标值：请填写，或删除这一模板行。',
    'en-US':
      'Row 8 has the level 2 "经济效益指标" but no indicator and no target: fill it in or delete the template row.',
  },
  {
    rule: 'indicator-template-row',
    id: 'qualitativeEmpty',
    data: { name: '促进社会和谐' },
    'zh-CN': '指标“促进社会和谐”标为定性，但没有写出目标（文字描述）。',
    'en-US': 'Indicator "促进社会和谐" is marked qualitative but states no target.',
  },
  {
    rule: 'indicator-weight-sum',
    id: 'weights',
    data: { name: '农民职业技能培训', sum: 80, execution: false },
    'zh-CN': '项目“农民职业技能培训”的指标权重合计为 80，应为 100（未列预算执行率时为 90）。',
    'en-US':
      'Project "农民职业技能培训": the indicator weights sum to 80; they should sum to 100 (90 without a 预算执行率 line).',
  },
  {
    rule: 'indicator-weight-sum',
    id: 'weights',
    data: { name: '农民职业技能培训', sum: 95, execution: true },
    'zh-CN': '项目“农民职业技能培训”的指标权重合计为 95，应为 100。',
    'en-US': 'Project "农民职业技能培训": the indicator weights sum to 95; they should sum to 100.',
  },
  {
    rule: 'value-cost-over-budget',
    id: 'overBudget',
    data: { ordinal: 4, name: '人工成本', raw: '≤620万元', budget: '500.00', unit: '万元' },
    'zh-CN': '第 4 条指标“人工成本”的目标“≤620万元”超过项目预算 500.00万元，请核对金额或单位。',
    'en-US': 'Indicator 4 "人工成本": the target "≤620万元" exceeds the project\'s budget of 500.00 万元.',
  },
  {
    rule: 'value-unit-mismatch',
    id: 'mismatch',
    data: { ordinal: 2, name: '带动增收', own: '万元', column: '%' },
    'zh-CN': '第 2 条指标“带动增收”的指标值带单位“万元”，与计量单位“%”不符，请核对。',
    'en-US': 'Indicator 2 "带动增收": the value\'s unit "万元" contradicts the unit column "%".',
  },
  {
    rule: 'amount-not-number',
    id: 'notNumber',
    data: { name: '机构运行辅助经费', row: 4, role: 'fiscal', text: 'abc' },
    'zh-CN': '“机构运行辅助经费”的财政拨款“abc”不是数字，无法参与合计校验，请填写数字金额（无金额可留空）。',
    'en-US':
      'Fiscal appropriation of "机构运行辅助经费" reads "abc", which is not a number; enter an amount (leave blank for none).',
  },
  {
    rule: 'amount-not-number',
    id: 'errorValue',
    data: { name: '', row: 7, role: 'total', text: '#VALUE!' },
    'zh-CN': '“第 7 行”的总计“#VALUE!”是错误值，无法参与合计校验，请填写数字金额（无金额可留空）。',
    'en-US': 'Total of "row 7" reads "#VALUE!", which is not a number; enter an amount (leave blank for none).',
  },
  {
    rule: 'amount-unit-converted',
    id: 'converted',
    data: {
      name: '机构运行辅助经费',
      row: 4,
      role: 'total',
      label: null,
      text: '120000元',
      from: '元',
      unit: '万元',
      exact: '12.0000',
    },
    'zh-CN':
      '“机构运行辅助经费”的总计写作“120000元”，单位是元，而本表金额单位为万元：已按万元折算为 12.0000 参与合计校验。请改写为万元金额，或核对单位。',
    'en-US':
      'Total of "机构运行辅助经费" is written "120000元" in yuan, but the table is in ×10k yuan: it was converted to 12.0000 for the sums. Write it in the table\'s unit, or check the unit.',
  },
  {
    rule: 'amount-unit-converted',
    id: 'converted',
    data: {
      name: '农民职业技能培训',
      row: 2,
      role: null,
      label: '财政拨款',
      text: '45万',
      from: '万元',
      unit: '元',
      exact: '450,000.00',
    },
    'zh-CN':
      '“农民职业技能培训”的财政拨款写作“45万”，单位是万元，而本表金额单位为元：已按元折算为 450,000.00 参与合计校验。请改写为元金额，或核对单位。',
    'en-US':
      '财政拨款 of "农民职业技能培训" is written "45万" in ×10k yuan, but the table is in yuan: it was converted to 450,000.00 for the sums. Write it in the table\'s unit, or check the unit.',
  },
  {
    rule: 'amount-negative',
    id: 'negative',
    data: { name: '口岸广域网运作经费', row: 4, role: 'other', amount: '-1,648.49' },
    'zh-CN': '“口岸广域网运作经费”的其他资金为负数 -1,648.49，预算金额不能为负。',
    'en-US': 'Other funds of "口岸广域网运作经费" is negative (-1,648.49); budget amounts cannot be negative.',
  },
  {
    rule: 'indicator-unparsed',
    id: 'noItems',
    data: { text: '详见项目申报书附件' },
    'zh-CN':
      '绩效指标无法识别：未找到“1、1-产出指标；11-数量指标；指标名称；实施周期指标值:…；年度指标值:…。”格式的条目。原文 “详见项目申报书附件”',
    'en-US':
      'Indicators cannot be read: no item of the form "1、1-产出指标；11-数量指标；name；实施周期指标值:…；年度指标值:…。" was found. Text: “详见项目申报书附件”',
  },
  {
    rule: 'indicator-unparsed',
    id: 'leftover',
    data: { text: '指标如下：', position: 1 },
    'zh-CN': '绩效指标第 1 个字起的文字不属于任何一条指标：“指标如下：”。请检查编号“N、”是否缺失。',
    'en-US': 'Text from character 1 belongs to no indicator: “指标如下：”. Check for a missing "N、" number.',
  },
  {
    rule: 'indicator-unparsed',
    id: 'swallowed',
    data: { ordinal: 3, text: '≥90%；年度指标值:≥95%' },
    'zh-CN': '第 3 条指标的年度指标值里混入了下一条指标的内容：“≥90%；年度指标值:≥95%”，可能缺少“。”和编号“N、”。',
    'en-US':
      'Indicator 3: the annual value runs into the next indicator: “≥90%；年度指标值:≥95%”; a "。" and a number "N、" may be missing.',
  },
  {
    rule: 'indicator-unparsed',
    id: 'extra',
    data: { ordinal: 3, text: '备注：以上指标由办公室负责统计', position: 151 },
    'zh-CN':
      '第 3 条指标之后（第 151 个字起）还有不属于任何指标的文字：“备注：以上指标由办公室负责统计”，可能缺少编号“N、”或多写了内容。',
    'en-US':
      'Indicator 3: text after it (from character 151) belongs to no indicator: “备注：以上指标由办公室负责统计”; a number "N、" may be missing.',
  },
  {
    rule: 'indicator-unterminated',
    id: 'unterminated',
    data: { ordinal: 3, name: '口岸查验单位对保障工作的满意度' },
    'zh-CN': '第 3 条指标“口岸查验单位对保障工作的满意度”末尾缺少“。”。',
    'en-US': 'Indicator 3 "口岸查验单位对保障工作的满意度" does not end with "。".',
  },
  {
    rule: 'project-indicators-empty',
    id: 'empty',
    data: { project: '口岸车检场配套设施维修维护' },
    'zh-CN': '项目“口岸车检场配套设施维修维护”未填写绩效指标。',
    'en-US': 'Project "口岸车检场配套设施维修维护" has no performance indicators.',
  },
  {
    rule: 'indicator-ordinal',
    id: 'repeat',
    data: { ordinal: 1 },
    'zh-CN': '指标编号 1 重复出现。',
    'en-US': 'Indicator number 1 appears twice.',
  },
  {
    rule: 'indicator-ordinal',
    id: 'swap',
    data: { ordinal: 3, missing: '2' },
    'zh-CN': '指标编号顺序错乱：3 排在 2 之前。',
    'en-US': 'Indicator numbers out of order: 3 comes before 2.',
  },
  {
    rule: 'indicator-ordinal',
    id: 'gap',
    data: { ordinal: 6, missing: '3–5' },
    'zh-CN': '指标编号跳号：缺少第 3–5 条（编号直接到了 6）。',
    'en-US': 'Indicator numbering skips 3–5 (goes to 6).',
  },
  {
    rule: 'indicator-ordinal',
    id: 'after',
    data: { ordinal: 2, previous: 4 },
    'zh-CN': '指标编号顺序错乱：第 4 条之后是 2。',
    'en-US': 'Indicator numbers out of order: 2 follows 4.',
  },
  {
    rule: 'indicator-level1',
    id: 'unknown',
    data: { ordinal: 4, written: '5-管理指标' },
    'zh-CN': '第 4 条指标的一级指标“5-管理指标”代码未知，应为：1-产出指标、2-效益指标、3-满意度指标、4-成本指标。',
    'en-US':
      'Indicator 4: unknown level-1 indicator "5-管理指标"; expected one of 1-产出指标、2-效益指标、3-满意度指标、4-成本指标.',
  },
  {
    rule: 'indicator-level1',
    id: 'nameMismatch',
    data: { ordinal: 4, written: '1-效益指标', code: '1', codeMeans: '产出指标', name: '效益指标', nameCode: '2' },
    'zh-CN': '第 4 条指标的一级指标“1-效益指标”代码与名称不符：代码 1 是“产出指标”，“效益指标”的代码是 2。',
    'en-US': 'Indicator 4: level-1 "1-效益指标" — code 1 is "产出指标", "效益指标" is code 2.',
  },
  {
    rule: 'indicator-level2',
    id: 'missing',
    data: { ordinal: 4, level1: '1-产出指标' },
    'zh-CN': '第 4 条指标缺少二级指标（如“11-数量指标”），一级指标“1-产出指标”后应紧跟二级指标。',
    'en-US': 'Indicator 4: the level-2 indicator (e.g. "11-数量指标") is missing after "1-产出指标".',
  },
  {
    rule: 'indicator-level2',
    id: 'unknown',
    data: { ordinal: 4, written: '19-数量指标', meant: { code: '11', name: '数量指标' } },
    'zh-CN': '第 4 条指标的二级指标“19-数量指标”代码未知；“数量指标”的代码是 11。',
    'en-US': 'Indicator 4: unknown level-2 code "19-数量指标"; "数量指标" is code 11.',
  },
  {
    rule: 'indicator-level2',
    id: 'nameMismatch',
    data: { ordinal: 4, written: '12-数量指标', code: '12', codeMeans: '质量指标', name: '数量指标', nameCode: '11' },
    'zh-CN': '第 4 条指标的二级指标“12-数量指标”代码与名称不符：代码 12 是“质量指标”，“数量指标”的代码是 11。',
    'en-US': 'Indicator 4: level-2 "12-数量指标" — code 12 is "质量指标", "数量指标" is code 11.',
  },
  {
    rule: 'indicator-level2',
    id: 'notUnder',
    data: { ordinal: 4, written: '12-质量指标', level1: '2-效益指标', level1Code: '2' },
    'zh-CN': '第 4 条指标的二级指标“12-质量指标”不属于一级指标“2-效益指标”（二级代码的首位应为一级代码 2）。',
    'en-US': 'Indicator 4: level-2 "12-质量指标" is not under level-1 "2-效益指标" (its first digit must be 2).',
  },
  {
    rule: 'indicator-name-empty',
    id: 'empty',
    data: { ordinal: 4 },
    'zh-CN': '第 4 条指标缺少三级指标名称（二级指标之后、“实施周期指标值”之前应写明指标名称）。',
    'en-US': 'Indicator 4 has no level-3 name (it goes between the level-2 indicator and 实施周期指标值).',
  },
  {
    rule: 'indicator-name-duplicate',
    id: 'duplicate',
    data: { ordinal: 4, name: '巡查次数', first: 1 },
    'zh-CN': '第 4 条指标“巡查次数”与第 1 条指标名称重复，请确认是否重复填写。',
    'en-US': 'Indicator 4 "巡查次数" repeats the name of indicator 1.',
  },
  {
    rule: 'indicator-annual-missing',
    id: 'noKeyword',
    data: { ordinal: 4, name: '验收合格项目数' },
    'zh-CN': '第 4 条指标“验收合格项目数”缺少“年度指标值:…”。',
    'en-US': 'Indicator 4 "验收合格项目数" has no 年度指标值 (annual target).',
  },
  {
    rule: 'indicator-annual-missing',
    id: 'empty',
    data: { ordinal: 4, name: '验收合格项目数' },
    'zh-CN': '第 4 条指标“验收合格项目数”的年度指标值为空。',
    'en-US': 'Indicator 4 "验收合格项目数": the annual target is empty.',
  },
  {
    rule: 'indicator-period-missing',
    id: 'missing',
    data: { ordinal: 4, name: '验收合格项目数' },
    'zh-CN': '第 4 条指标“验收合格项目数”缺少实施周期指标值。',
    'en-US': 'Indicator 4 "验收合格项目数" has no 实施周期指标值 (period target).',
  },
  {
    rule: 'project-indicator-coverage',
    id: 'missing',
    data: { project: '口岸车检场配套设施维修维护', missing: ['output', 'benefit'] },
    'zh-CN':
      '项目“口岸车检场配套设施维修维护”没有产出指标（1-产出指标）和效益指标（2-效益指标），每个项目至少应有一条。',
    'en-US':
      'Project "口岸车检场配套设施维修维护" has no output (1-产出指标) and no benefit (2-效益指标) indicator; each project needs at least one.',
  },
  {
    rule: 'project-no-satisfaction',
    id: 'missing',
    data: { project: '口岸车检场配套设施维修维护' },
    'zh-CN': '项目“口岸车检场配套设施维修维护”没有满意度指标（3-满意度指标），请确认是否需要设置。',
    'en-US':
      'Project "口岸车检场配套设施维修维护" has no satisfaction indicator (3-满意度指标); check whether one is needed.',
  },
  {
    rule: 'project-goal-empty',
    id: 'empty',
    data: { project: '口岸车检场配套设施维修维护' },
    'zh-CN': '项目“口岸车检场配套设施维修维护”未填写绩效目标。',
    'en-US': 'Project "口岸车检场配套设施维修维护" has no performance goal.',
  },
  {
    rule: 'value-placeholder',
    id: 'placeholder',
    data: {
      ordinal: 4,
      name: '供水保障月数',
      values: [
        { which: 'period', raw: '≥**个月' },
        { which: 'annual', raw: '≥**个月' },
      ],
    },
    'zh-CN': '第 4 条指标“供水保障月数”的实施周期指标值和年度指标值均为“≥**个月”，仍是模板占位符，请填写实际目标值。',
    'en-US':
      'Indicator 4 "供水保障月数": the target "≥**个月" (period and annual) is still a template placeholder; enter the real target.',
  },
  {
    rule: 'value-no-number',
    id: 'noNumber',
    data: { ordinal: 4, name: '组织参加或举办共建活动数', values: [{ which: 'annual', raw: '≥' }] },
    'zh-CN': '第 4 条指标“组织参加或举办共建活动数”的年度指标值“≥”，有比较符但缺少数值。',
    'en-US': 'Indicator 4 "组织参加或举办共建活动数": the annual target "≥" has a comparator but no number.',
  },
  {
    rule: 'value-percent-over-100',
    id: 'over100',
    data: { ordinal: 4, name: '就餐人员满意度', values: [{ which: 'period', raw: '≥105%' }] },
    'zh-CN': '第 4 条指标“就餐人员满意度”是比率，实施周期指标值“≥105%”，超过 100%。',
    'en-US': 'Indicator 4 "就餐人员满意度" is a rate; the period target "≥105%" is above 100%.',
  },
  {
    rule: 'value-comparator-form',
    id: 'comparator',
    data: {
      ordinal: 4,
      name: '项目验收合格率',
      values: [
        { which: 'period', raw: '不低于90%' },
        { which: 'annual', raw: '95%以上' },
      ],
      want: ['≥90%', '≥95%'],
    },
    'zh-CN':
      '第 4 条指标“项目验收合格率”的实施周期指标值“不低于90%”和年度指标值“95%以上”，比较符写法不规范，应写作“≥90%”、“≥95%”。',
    'en-US':
      'Indicator 4 "项目验收合格率": write the period target "不低于90%" and the annual target "95%以上" as "≥90%"、"≥95%".',
  },
  {
    rule: 'value-full-width',
    id: 'fullWidth',
    data: {
      ordinal: 4,
      name: '项目验收合格率',
      values: [
        { which: 'period', raw: '≥９０％' },
        { which: 'annual', raw: '≥９０％' },
      ],
      halfWidth: ['≥90%'],
    },
    'zh-CN':
      '第 4 条指标“项目验收合格率”的实施周期指标值和年度指标值均为“≥９０％”，含全角数字或符号，建议改为半角“≥90%”。',
    'en-US':
      'Indicator 4 "项目验收合格率": the target "≥９０％" (period and annual) uses full-width characters; "≥90%" is the usual form.',
  },
  {
    rule: 'value-no-unit',
    id: 'noUnit',
    data: {
      ordinal: 4,
      name: '验收合格项目数',
      values: [
        { which: 'period', raw: '≥5' },
        { which: 'annual', raw: '≥5' },
      ],
    },
    'zh-CN':
      '第 4 条指标“验收合格项目数”的实施周期指标值和年度指标值均为“≥5”，没有计量单位（如 %、个、次），名称中也未注明单位。',
    'en-US':
      'Indicator 4 "验收合格项目数": the target "≥5" (period and annual) has no unit (%, 个, 次…) and the name gives none.',
  },
  {
    rule: 'value-satisfaction-not-percent',
    id: 'notPercent',
    data: { ordinal: 4, name: '就餐人员满意度', values: [{ which: 'annual', raw: '满意' }] },
    'zh-CN': '第 4 条指标“就餐人员满意度”是满意度指标，年度指标值“满意”，应为百分比（如 ≥90%）。',
    'en-US':
      'Indicator 4 "就餐人员满意度" is a satisfaction indicator; the annual target "满意" should be a percentage (e.g. ≥90%).',
  },
  {
    rule: 'value-cost-lower-bound',
    id: 'lowerBound',
    data: {
      ordinal: 4,
      name: '车检场设施维修单价',
      values: [
        { which: 'period', raw: '≥500元' },
        { which: 'annual', raw: '≥500元' },
      ],
    },
    'zh-CN':
      '第 4 条指标“车检场设施维修单价”是成本指标，通常应设上限（≤），但实施周期指标值和年度指标值均为“≥500元”，是下限（≥），请确认方向是否正确。',
    'en-US':
      'Indicator 4 "车检场设施维修单价" is a cost indicator, normally an upper bound (≤), but the target "≥500元" (period and annual) is a lower bound.',
  },
  {
    rule: 'value-qualitative-count',
    id: 'qualitative',
    data: {
      ordinal: 4,
      name: '文明口岸建设',
      values: [
        { which: 'period', raw: '正常开展' },
        { which: 'annual', raw: '正常开展' },
      ],
    },
    'zh-CN':
      '第 4 条指标“文明口岸建设”是数量指标，实施周期指标值和年度指标值均为“正常开展”，却是文字描述，应写明数量（如 ≥4人）。',
    'en-US':
      'Indicator 4 "文明口岸建设" is a quantity indicator, but the target "正常开展" (period and annual) is words, not a number.',
  },
  {
    rule: 'period-annual-mismatch',
    id: 'unit',
    data: { ordinal: 4, name: '组织卫生知识培训数', period: '1次', annual: '1个' },
    'zh-CN': '第 4 条指标“组织卫生知识培训数”的实施周期指标值“1次”与年度指标值“1个”单位不一致。',
    'en-US': 'Indicator 4 "组织卫生知识培训数": period target "1次" and annual target "1个" have different units.',
  },
  {
    rule: 'period-annual-mismatch',
    id: 'direction',
    data: { ordinal: 4, name: '组织卫生知识培训数', period: '≥1次', annual: '≤1次' },
    'zh-CN': '第 4 条指标“组织卫生知识培训数”的实施周期指标值“≥1次”与年度指标值“≤1次”比较方向相反。',
    'en-US':
      'Indicator 4 "组织卫生知识培训数": period target "≥1次" and annual target "≤1次" have opposite comparators.',
  },
  {
    rule: 'period-annual-exceeds',
    id: 'exceeds',
    data: { ordinal: 4, name: '巡查批次', period: '≥12次', annual: '≥24次' },
    'zh-CN': '第 4 条指标“巡查批次”的年度指标值“≥24次”大于实施周期指标值“≥12次”；年度目标应是实施周期目标的一部分。',
    'en-US':
      'Indicator 4 "巡查批次": the annual target "≥24次" exceeds the period target "≥12次"; the year is a share of the period.',
  },
  {
    rule: 'amount-row-sum',
    id: 'mismatch',
    data: sum({
      row: row('车检场口岸单位经费', 4, 'project'),
      role: 'total',
      total: 115200,
      sum: 114200,
      diff: 1000,
      tolerance: 2,
      parts: [
        { role: 'fiscal', cents: 110000 },
        { role: 'specialAccount', cents: 4000 },
        { role: 'other', cents: 200 },
      ],
    }),
    'zh-CN':
      '“车检场口岸单位经费”的总计为 1,152.00 万元，但 财政拨款 1,100.00 + 财政专户拨款 40.00 + 其他资金 2.00 = 1,142.00 万元，相差 +10.00 万元。',
    'en-US':
      '"车检场口岸单位经费": Total is 1,152.00 ×10k yuan, but Fiscal appropriation 1,100.00 + Special account 40.00 + Other funds 2.00 = 1,142.00 ×10k yuan; difference +10.00 ×10k yuan.',
  },
  {
    rule: 'amount-row-sum',
    id: 'mismatch',
    data: sum({
      row: row('口岸车检场水电费', 5, 'project'),
      role: 'total',
      total: 4200,
      sum: 2400,
      diff: 1800,
      tolerance: 1.5,
      parts: [
        { role: 'fiscal', cents: 2400 },
        { role: 'specialAccount', cents: 0 },
        { role: 'other', cents: 0 },
      ],
      culprit: {
        cell: 'C5',
        row: row('口岸车检场水电费', 5, 'project'),
        role: 'fiscal',
        cents: 2400,
        expectedCents: 4200,
        isTotal: false,
      },
    }),
    'zh-CN':
      '“口岸车检场水电费”的总计为 42.00 万元，但 财政拨款 24.00 + 财政专户拨款 0.00 + 其他资金 0.00 = 24.00 万元，相差 +18.00 万元。最可能填错的是 C5（口岸车检场水电费的财政拨款）：现为 24.00，按其他数字应为 42.00；改正它即可同时消除相关的合计差异。',
    'en-US':
      '"口岸车检场水电费": Total is 42.00 ×10k yuan, but Fiscal appropriation 24.00 + Special account 0.00 + Other funds 0.00 = 24.00 ×10k yuan; difference +18.00 ×10k yuan. The cell most likely wrong is C5 (Fiscal appropriation of "口岸车检场水电费"): it reads 24.00, the other figures say 42.00.',
  },
  {
    rule: 'amount-row-sum',
    id: 'rounding',
    data: sum({
      row: row('', 9, 'project'),
      unit: '元',
      role: 'total',
      total: 1001,
      sum: 1000,
      diff: 1,
      tolerance: 2,
      parts: [
        { role: 'fiscal', cents: 500 },
        { role: 'specialAccount', cents: 300 },
        { role: 'other', cents: 200 },
      ],
    }),
    'zh-CN':
      '“第 9 行”的总计为 10.01 元，但 财政拨款 5.00 + 财政专户拨款 3.00 + 其他资金 2.00 = 10.00 元，相差 +0.01 元。差额在四舍五入误差以内，一般无需修改。',
    'en-US':
      '"row 9": Total is 10.01 yuan, but Fiscal appropriation 5.00 + Special account 3.00 + Other funds 2.00 = 10.00 yuan; difference +0.01 yuan. The difference is within rounding error; usually fine.',
  },
  {
    rule: 'amount-column-sum',
    id: 'mismatch',
    data: sum({
      row: row('合计', 2, 'total'),
      role: 'total',
      total: 6370,
      sum: 6360,
      diff: 10,
      tolerance: 1,
      partsKind: 'unit',
      parts: [{ role: 'total', cents: 6360 }],
      culprit: {
        cell: 'B2',
        row: row('合计', 2, 'total'),
        role: 'total',
        cents: 6370,
        expectedCents: 6360,
        isTotal: true,
      },
    }),
    'zh-CN':
      '合计“总计”为 63.70 万元，各单位之和为 63.60 万元（63.60），相差 +0.10 万元。最可能填错的是 B2（合计的总计）：现为 63.70，按其他数字应为 63.60。',
    'en-US':
      'Total of the grand total is 63.70 ×10k yuan; the sum of its 1 unit is 63.60 ×10k yuan (63.60); difference +0.10 ×10k yuan. The cell most likely wrong is B2 (Total of "合计"): it reads 63.70, the other figures say 63.60.',
  },
  {
    rule: 'amount-column-sum',
    id: 'mismatch',
    data: sum({
      row: row('广州市花都区口岸服务保障中心', 3, 'unit'),
      role: 'fiscal',
      total: 6360,
      sum: 4560,
      diff: 1800,
      tolerance: 1.5,
      partsKind: 'project',
      parts: [
        { role: 'fiscal', cents: 2160 },
        { role: 'fiscal', cents: 2400 },
      ],
      culprit: {
        cell: 'C5',
        row: row('口岸车检场水电费', 5, 'project'),
        role: 'fiscal',
        cents: 2400,
        expectedCents: 4200,
        isTotal: false,
      },
    }),
    'zh-CN':
      '“广州市花都区口岸服务保障中心”“财政拨款”为 63.60 万元，所属各项目之和为 45.60 万元（21.60 + 24.00），相差 +18.00 万元。最可能填错的是 C5（口岸车检场水电费的财政拨款）：现为 24.00，按其他数字应为 42.00；改正它即可同时消除相关的合计差异。',
    'en-US':
      'Fiscal appropriation of "广州市花都区口岸服务保障中心" is 63.60 ×10k yuan; the sum of its 2 projects is 45.60 ×10k yuan (21.60 + 24.00); difference +18.00 ×10k yuan. The cell most likely wrong is C5 (Fiscal appropriation of "口岸车检场水电费"): it reads 24.00, the other figures say 42.00.',
  },
  {
    rule: 'amount-column-sum',
    id: 'mismatch',
    data: sum({
      row: row('广州市花都区口岸服务保障中心', 3, 'unit'),
      role: 'other',
      total: 1400,
      sum: 1300,
      diff: 100,
      tolerance: 7,
      partsKind: 'project',
      parts: Array.from({ length: 13 }, (_, i) => ({ role: 'other', cents: 100 * (i === 0 ? 1 : 1) })),
    }),
    'zh-CN':
      '“广州市花都区口岸服务保障中心”“其他资金”为 14.00 万元，所属各项目之和为 13.00 万元（1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + …），相差 +1.00 万元。',
    'en-US':
      'Other funds of "广州市花都区口岸服务保障中心" is 14.00 ×10k yuan; the sum of its 13 projects is 13.00 ×10k yuan (1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + 1.00 + …); difference +1.00 ×10k yuan.',
  },
  {
    rule: 'amount-column-sum',
    id: 'rounding',
    data: sum({
      row: row('广州市花都区口岸服务保障中心', 3, 'unit'),
      role: 'total',
      total: 10151,
      sum: 10150,
      diff: 1,
      tolerance: 2.5,
      partsKind: 'project',
      parts: [1025, 2050, 3075, 4000].map((cents) => ({ role: 'total', cents })),
    }),
    'zh-CN':
      '“广州市花都区口岸服务保障中心”“总计”为 101.51 万元，所属各项目之和为 101.50 万元（10.25 + 20.50 + 30.75 + 40.00），相差 +0.01 万元。差额在四舍五入误差以内，一般无需修改。',
    'en-US':
      'Total of "广州市花都区口岸服务保障中心" is 101.51 ×10k yuan; the sum of its 4 projects is 101.50 ×10k yuan (10.25 + 20.50 + 30.75 + 40.00); difference +0.01 ×10k yuan. The difference is within rounding error; usually fine.',
  },
  {
    rule: 'amount-row-sum',
    id: 'culprit',
    data: {
      culprit: {
        cell: 'C9',
        row: row('口岸车检场水电费', 9, 'project'),
        role: 'fiscal',
        cents: 2400,
        expectedCents: 4200,
        isTotal: false,
      },
      unit: '万元',
      sums: ['B9', 'C3'],
    },
    'zh-CN':
      '“口岸车检场水电费”的财政拨款为 24.00 万元，按其他数字应为 42.00 万元：它使 B9、C3 处的合计不相等，改正它即可同时消除这些差异。',
    'en-US':
      'Fiscal appropriation of "口岸车检场水电费" reads 24.00 ×10k yuan; the other figures say 42.00 ×10k yuan: it breaks the sums at B9, C3, and correcting it clears them all.',
  },
  {
    rule: 'amount-column-sum',
    id: 'culprit',
    data: {
      culprit: {
        cell: 'C9',
        row: row('口岸车检场水电费', 9, 'project'),
        role: 'fiscal',
        cents: 2400,
        expectedCents: 4200,
        isTotal: false,
      },
      unit: '万元',
      sums: ['B9', 'C3'],
    },
    'zh-CN':
      '“口岸车检场水电费”的财政拨款为 24.00 万元，按其他数字应为 42.00 万元：它使 B9、C3 处的合计不相等，改正它即可同时消除这些差异。',
    'en-US':
      'Fiscal appropriation of "口岸车检场水电费" reads 24.00 ×10k yuan; the other figures say 42.00 ×10k yuan: it breaks the sums at B9, C3, and correcting it clears them all.',
  },
];

function say(w: Wording): Message {
  const rule = RULES.find((r) => r.id === w.rule);
  if (!rule) throw new Error(`no rule ${w.rule}`);
  const build = rule.messages[w.id] as ((data: unknown) => Message) | undefined;
  if (!build) throw new Error(`${w.rule} has no message ${w.id}`);
  return build(w.data);
}

describe('rule messages', () => {
  it('every message of every rule has its wording checked here, and nothing else is', () => {
    const declared = RULES.flatMap((r) => Object.keys(r.messages).map((id) => `${r.id} ${id}`)).sort();
    const sampled = [...new Set(WORDING.map((w) => `${w.rule} ${w.id}`))].sort();
    expect(sampled).toEqual(declared);
    for (const r of RULES) expect(Object.keys(r.messages).length).toBeGreaterThan(0);
  });

  it.each(WORDING)('$rule $id', (w) => {
    const m = say(w);
    expect(m.messageId).toBe(w.id);
    expect(m.data).toBe(w.data);
    expect(m.text).toEqual({ 'zh-CN': w['zh-CN'], 'en-US': w['en-US'] });
  });

  it('rule files write bilingual text only in their messages block and description', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'src', 'core', 'rules');
    const stray: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
      // Inside `defineMessages({ … })` up to its closing `});`, and the `description:` entry.
      let inMessages = false;
      let inDescription = false;
      lines.forEach((line, i) => {
        if (/defineMessages\(\{/.test(line)) inMessages = true;
        if (/^\s*description: \{/.test(line)) inDescription = !/\},?\s*$/.test(line);
        else if (inDescription && /^\s*\},?\s*$/.test(line)) inDescription = false;
        const allowed = inMessages || inDescription || /^\s*description: \{.*\},?\s*$/.test(line);
        if (/'zh-CN':/.test(line) && !allowed) stray.push(`${file}:${i + 1}`);
        if (inMessages && /^\}\);/.test(line)) inMessages = false;
      });
    }
    expect(stray).toEqual([]);
  });
});
