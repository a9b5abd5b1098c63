/** V8 value-qualitative-count: words on a 11 数量指标. */
import { VALID_INDICATORS, byRule, expectOne, oneProject, withItem4 } from './helpers';

describe('value-qualitative-count', () => {
  it('reports `正常开展` on a 数量指标', () => {
    expectOne(oneProject(withItem4('1-产出指标', '11-数量指标', '文明口岸建设', '正常开展')), {
      rule: 'value-qualitative-count',
      severity: 'warning',
      cell: 'G4',
      indicator: 4,
      messageId: 'qualitative',
      data: {
        ordinal: 4,
        name: '文明口岸建设',
        values: [
          { which: 'period', raw: '正常开展' },
          { which: 'annual', raw: '正常开展' },
        ],
      },
    });
  });

  it('accepts words on a 22 社会效益 and numbers on a 数量指标', () => {
    expect(
      byRule(
        oneProject(withItem4('2-效益指标', '22-社会效益', '共建文明口岸工作开展', '正常开展')),
        'value-qualitative-count',
      ),
    ).toEqual([]);
    expect(byRule(oneProject(VALID_INDICATORS), 'value-qualitative-count')).toEqual([]);
  });
});
