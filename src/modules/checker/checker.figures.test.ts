import { describe, expect, it } from 'vitest';
import { findFigures, isRateWord } from './checker.figures';
import { buildTextIndex } from './checker.text';

function figures(text: string) {
  return findFigures(text, buildTextIndex(text)).map((f) => ({
    text: f.text,
    value: f.value,
    unit: f.unit,
    approx: f.approx,
    kind: f.kind,
  }));
}

function texts(text: string): string[] {
  return figures(text).map((f) => f.text);
}

describe(findFigures.name, () => {
  it.each([
    ['培训两万余人次', { text: '两万余人次', value: 20000, unit: '人次', approx: true, kind: 'count' }],
    ['收集意见一百余条', { text: '一百余条', value: 100, unit: '条', approx: true, kind: 'count' }],
    ['从七方面推进', { text: '七方面', value: 7, unit: '方面', approx: false, kind: 'count' }],
    ['受理诉求11.34万件', { text: '11.34万件', value: 113400, unit: '件', approx: false, kind: 'count' }],
    ['完成投资194.98亿元', { text: '194.98亿元', value: 19498000000, unit: '元', approx: false, kind: 'money' }],
    ['收费900万元', { text: '900万元', value: 9000000, unit: '元', approx: false, kind: 'money' }],
    ['结案率98%，', { text: '98%', value: 98, unit: '%', approx: false, kind: 'rate' }],
    ['满意率百分之九十八，', { text: '百分之九十八', value: 98, unit: '%', approx: false, kind: 'rate' }],
    ['满意率百分之百，', { text: '百分之百', value: 100, unit: '%', approx: false, kind: 'rate' }],
    ['办理近382件', { text: '近382件', value: 382, unit: '件', approx: true, kind: 'count' }],
    ['逾200名群众', { text: '逾200名', value: 200, unit: '名', approx: true, kind: 'count' }],
    ['约30场次', { text: '约30场次', value: 30, unit: '场次', approx: true, kind: 'count' }],
    ['达到92%以上', { text: '92%以上', value: 92, unit: '%', approx: true, kind: 'rate' }],
    ['超过15场次', { text: '超过15场次', value: 15, unit: '场次', approx: true, kind: 'count' }],
    ['超3000户', { text: '超3000户', value: 3000, unit: '户', approx: true, kind: 'count' }],
    ['开展10多次', { text: '10多次', value: 10, unit: '次', approx: true, kind: 'count' }],
    ['流转土地1.8万亩', { text: '1.8万亩', value: 18000, unit: '亩', approx: false, kind: 'measure' }],
    ['同比提高3.5个百分点', { text: '3.5个百分点', value: 3.5, unit: '个百分点', approx: false, kind: 'points' }],
  ])('should read %s', (text, expected) => {
    expect(figures(text)).toEqual([expected]);
  });

  it.each(['宗', '起', '件', '条', '次', '场', '场次', '人次', '户', '家', '份', '个', '项', '名', '人', '期', '批次', '亩'])(
    'should accept the count unit %s',
    (unit) => {
      expect(texts(`共计12${unit}，`)).toEqual([`12${unit}`]);
    },
  );

  it.each([
    ['拨打12345热线反映', 'hotline'],
    ['8890诉求平台', 'platform name'],
    ['依据〔2024〕3号文件', 'document number'],
    ['浙政办发〔2021〕30号', 'document number'],
    ['于2024年3月1日发布', 'date'],
    ['发布日期2023-01-12', 'ISO date'],
    ['1-11月份', 'month range'],
    ['联系电话0571-88888888', 'phone number'],
    ['手机13800138000', 'mobile number'],
    ['数字政府2.0版上线', 'version'],
    ['一是加强领导，二是完善制度', 'list markers'],
    ['(一)加强领导 （二）完善制度', 'heading markers'],
    ['1.压实第一责任', 'numbered heading'],
    ['率先建成', '率先'],
    ['检查频率较高', '频率'],
    ['召开第三次会议', 'ordinal'],
    ['第二十四条规定', 'article'],
    ['增强“四个意识”、做到“两个维护”', 'slogans'],
    ['落实中央八项规定精神和行政执法三项制度', 'set phrases'],
    ['印发《优化营商环境十条措施》', 'document title'],
    ['“十四五”时期', 'plan name'],
    ['索引号01526288-X-/2023-0112001', 'index number'],
    ['一把手、一站式、统一登记', 'words with 一'],
    ['第六师五家渠市', 'place name'],
    ['V2.0', 'version'],
  ])('should not take %s for a figure (%s)', (text) => {
    expect(texts(text)).toEqual([]);
  });

  it('should read a rate written without its percent sign after a rate word', () => {
    const [f] = findFigures('胜诉率达到66.6,改变', buildTextIndex('胜诉率达到66.6,改变'));
    expect(f).toMatchObject({ text: '66.6', unit: '%', kind: 'rate', implicitPercent: true });
  });

  it('should not read a number after 效率 or 频率 as a rate', () => {
    expect(texts('效率提高到30，')).toEqual([]);
  });

  it('should give each figure the words it counts', () => {
    const [f] = findFigures('全区29家部门单位聘请50名法律顾问', buildTextIndex('全区29家部门单位聘请50名法律顾问')).slice(1);
    expect(f).toMatchObject({ text: '50名', label: '29家部门单位聘请法律顾问', after: '法律顾问' });
  });

  it('should give offsets into the text', () => {
    const text = '在线调解总数779件，调解成功637件。';
    for (const f of findFigures(text, buildTextIndex(text))) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});

describe(isRateWord.name, () => {
  it('should tell rates from words that merely end in 率', () => {
    expect(isRateWord('调解成功率')).toBe(true);
    expect(isRateWord('结案率')).toBe(true);
    expect(isRateWord('工作效率')).toBe(false);
    expect(isRateWord('检查频率')).toBe(false);
    expect(isRateWord('设备功率')).toBe(false);
  });
});
