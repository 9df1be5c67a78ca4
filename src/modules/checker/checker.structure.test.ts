import { describe, expect, it } from 'vitest';
import { findGiSections, findHeadings, findParts } from './checker.structure';

function parts(text: string) {
  const { parts: found, missing } = findParts(text, findHeadings(text));
  return { found: found.map((p) => p.part), inferred: found.filter((p) => p.inferred).map((p) => p.part), missing };
}

describe(findHeadings.name, () => {
  it('should find numbered headings at line starts at every level', () => {
    const text = '一、总体情况\n（一）加强领导。正文。\n1.压实责任。正文。\n（1）细化分工\n二、存在问题\n';
    expect(findHeadings(text).map((h) => [h.level, h.text])).toEqual([
      [1, '总体情况'],
      [2, '加强领导'],
      [3, '压实责任'],
      [4, '细化分工'],
      [1, '存在问题'],
    ]);
  });

  it('should find run-in headings of a report pasted as one line', () => {
    const text = '现将情况报告如下: 一、主要举措和成效 (一)建章立制。正文。 二、存在的不足和原因 (一)力量薄弱。';
    expect(findHeadings(text).map((h) => h.text)).toEqual(['主要举措和成效', '建章立制', '存在的不足和原因', '力量薄弱']);
  });

  it('should not take an enumeration inside a sentence or a list item for a heading', () => {
    expect(findHeadings('报告包括：一、主要举措和成效；二、存在的不足和原因；三、下一年度安排。')).toEqual([]);
    expect(findHeadings('一是党政主要负责人履行第一责任人职责，二是完善制度。')).toEqual([]);
    expect(findHeadings('受理1.8万件，同比增长')).toEqual([]);
  });

  it('should take headings named by the markup', () => {
    const text = '总体情况\n正文。\n';
    expect(findHeadings(text, [{ start: 0, end: 4, level: 1 }]).map((h) => h.text)).toEqual(['总体情况']);
  });
});

describe(findParts.name, () => {
  it('should find the five parts however they are worded', () => {
    const text = [
      '一、2023年推进法治政府建设的主要举措和成效',
      '二、存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、2024年推进法治政府建设的主要安排',
      '五、其他需要报告的情况',
    ].join('\n正文内容若干。\n');
    expect(parts(text)).toEqual({
      found: ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other'],
      inferred: [],
      missing: [],
    });
  });

  it('should not count a part named only in a sentence or a list of contents', () => {
    const text =
      '本报告包括主要举措和成效、存在的不足和原因、党政主要负责人履行第一责任人职责情况、下一年度主要安排和其他需要报告的情况。\n' +
      '一、工作开展情况\n一是党政主要负责人严格履行第一责任人职责。\n二、存在的主要问题\n正文。\n三、下步工作计划\n正文。';
    expect(parts(text).missing).toEqual(['first-responsible', 'other']);
  });

  it('should find a part given as a sub-heading', () => {
    const text = '一、工作落实情况\n（一）坚持以上率下\n1.压实第一责任。为切实发挥……\n二、存在问题\n正文。\n三、改进措施\n正文。';
    expect(parts(text).found).toEqual(['measures', 'first-responsible', 'shortcomings', 'next-year']);
  });

  it('should infer the measures part from thematic headings before the shortcomings', () => {
    const text = '一、加强组织领导,推进有力。\n正文。\n二、规范行政决策。\n正文。\n三、存在问题及下一步工作思路。\n正文。';
    expect(parts(text)).toEqual({
      found: ['measures', 'shortcomings', 'next-year'],
      inferred: ['measures'],
      missing: ['first-responsible', 'other'],
    });
  });

  it('should not take a measure about solving problems for the shortcomings part', () => {
    const text = '一、主要举措和成效\n（一）着力解决群众急难愁盼问题\n正文。\n二、下一步打算\n正文。';
    expect(parts(text).found).toEqual(['measures', 'next-year']);
  });
});

describe(findGiSections.name, () => {
  it('should find the six sections of the 2021 format', () => {
    const text = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ].join('\n正文。\n');
    const { sections, missing } = findGiSections(findHeadings(text));
    expect(sections.map((s) => s.section)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(missing).toEqual([]);
  });

  it('should name the sections a report lacks', () => {
    const text = '一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。';
    expect(findGiSections(findHeadings(text)).missing).toEqual([3, 4, 5, 6]);
  });
});
