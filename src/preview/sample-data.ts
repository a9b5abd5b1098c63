/**
 * The built-in sample, used when `examples/sample.xlsx` cannot be fetched (e.g. the page opened
 * from disk): the first three projects of the reference table (广州市花都区口岸服务保障中心), laid
 * out the way a hand-made sheet has them — title, unit line, header, 合计, the unit, indented
 * projects. 合计 and the unit row are the sums of these three projects.
 */
import { addr, newSheet, type PreviewCell, type PreviewSheet } from './preview-workbook';

const UNIT = '广州市花都区口岸服务保障中心';

const PROJECTS: [string, number, string, string][] = [
  [
    '机构运行辅助经费',
    21.6,
    '通过聘用编外人员，保障单位的正常运作，顺利开展口岸保障服务工作，为我区的经济社会持续稳定发展提供良好口岸通关服务保障。',
    '1、1-产出指标；11-数量指标；发放编外人员工资人数；实施周期指标值:≥4人；年度指标值:≥4人。2、1-产出指标；11-数量指标；编外人员五险一金缴纳率；实施周期指标值:100%；年度指标值:100%。3、1-产出指标；13-时效指标；编外人员工资发放及时率；实施周期指标值:≥90%；年度指标值:≥90%。4、2-效益指标；22-社会效益；编外人员有效支持单位正常运作；实施周期指标值:效果显著；年度指标值:效果显著。',
  ],
  [
    '车检场口岸单位经费',
    1152,
    '按照区口岸服务保障中心的职能相关要求，更好地保障车检场口岸单位（花都海关）行政运行工作，如后勤服务保障到位、口岸基础设施良好、口岸查验单位满意等。提高通关速度，完成车检场的转型和升级，令进出口企业满意，助力花都外贸持续健康发展。',
    '1、1-产出指标；11-数量指标；保障口岸查验单位数；实施周期指标值:1个/年；年度指标值:1个/年。2、1-产出指标；11-数量指标；资金拨付标准；实施周期指标值:≥500万元；年度指标值:≥500万元。3、1-产出指标；12-质量指标；口岸基础和配套设施建设质量验收合格率；实施周期指标值:≥90%；年度指标值:≥90%。4、1-产出指标；12-质量指标；安保工作保障率；实施周期指标值:100%；年度指标值:100%。5、1-产出指标；12-质量指标；绿化养护完成率；实施周期指标值:100%；年度指标值:100%。6、1-产出指标；13-时效指标；口岸基础和配套设施维护及时率；实施周期指标值:≥90%；年度指标值:≥90%。7、2-效益指标；22-社会效益；安全事故发生次数；实施周期指标值:0次；年度指标值:0次。8、3-满意度指标；31-服务对象满意度；口岸查验单位对保障工作的满意度；实施周期指标值:≥95%；年度指标值:≥95%。',
  ],
  [
    '港口口岸单位经费',
    175.39,
    '按照区口岸服务保障中心的职能相关要求，更好地为港口口岸单位（洲头嘴出入境边防检查站驻花都港办事处、广州花都海事处）提供有力的后勤服务（如行政运行工作、后勤服务、口岸基础设施良好，口岸查验单位满意等），保障口岸现场工作正常运作，口岸业务顺利开展。',
    '1、1-产出指标；11-数量指标；保障口岸查验单位数；实施周期指标值:2个/年；年度指标值:2个/年。2、1-产出指标；12-质量指标；绿化养护完成率；实施周期指标值:100%；年度指标值:100%。3、1-产出指标；13-时效指标；资金拨付准确率；实施周期指标值:≥90%；年度指标值:≥90%。4、2-效益指标；22-社会效益；安全事故发生次数；实施周期指标值:0次；年度指标值:0次。5、3-满意度指标；31-服务对象满意度；行政相对人对港口查验单位满意度；实施周期指标值:≥98%；年度指标值:≥98%。',
  ],
];

export function builtInSample(): PreviewSheet[] {
  const s = newSheet('项目支出绩效目标表');
  const set = (row: number, col: number, c: PreviewCell): void => {
    s.cells.set(addr(row, col), c);
  };
  const money = (v: number): PreviewCell => ({ value: v, numberFormat: '#,##0.00' });
  set(1, 1, { value: '项目支出绩效目标表（含转移支付项目）', bold: true, align: 'center' });
  s.merges.push('A1:G1');
  set(2, 1, { value: `单位名称：${UNIT}` });
  set(2, 7, { value: '单位：万元', align: 'right' });
  const header = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
  header.forEach((h, i) => set(3, i + 1, { value: h, bold: true, align: 'center', fill: '#F2F2F2' }));
  const sum = Math.round(PROJECTS.reduce((acc, p) => acc + p[1] * 100, 0)) / 100;
  set(4, 1, { value: '合计' });
  set(4, 2, money(sum));
  set(4, 3, money(sum));
  set(5, 1, { value: UNIT });
  set(5, 2, money(sum));
  set(5, 3, money(sum));
  PROJECTS.forEach(([name, amount, goal, indicators], i) => {
    const r = 6 + i;
    set(r, 1, { value: name, indent: 1 });
    set(r, 2, money(amount));
    set(r, 3, money(amount));
    set(r, 6, { value: goal });
    set(r, 7, { value: indicators });
  });
  [200, 80, 80, 80, 70, 260, 420].forEach((w, i) => s.colWidths.set(i + 1, w));
  return [s];
}
