import { describe, expect, it } from 'vitest';
import { CheckerInputError, checkReport } from './checker.service';

const REPORT = [
  'XX县司法局2023年法治政府建设年度报告',
  '现将2023年度法治政府建设情况报告如下：',
  '一、主要举措和成效',
  '全年共办理行政复议案件30件，其中维持18件，纠正12件。全年受理政府信息公开申请40件，按时答复40件，按时答复率100%。',
  '二、存在的不足和原因',
  '执法人员力量不足，培训不够系统，个别单位重视程度不高。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '主要负责人带头学法4次，专题研究法治建设工作3次，听取工作汇报2次。',
  '四、2024年工作安排',
  '持续推进严格规范公正文明执法，加强执法人员培训，完善制度建设。',
  '五、其他需要报告的情况',
  '本年度无其他需要报告的情况。',
].join('\n');

function rules(r: ReturnType<typeof checkReport>, severity?: string): string[] {
  return r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.rule);
}

describe(checkReport.name, () => {
  it('should return the documented JSON shape', () => {
    const r = checkReport({ text: REPORT, published: '2024-03-20' });
    expect(r).toMatchObject({ kind: 'fzzf', title: 'XX县司法局2023年法治政府建设年度报告', issuer: 'XX县司法局', year: 2023 });
    expect(r.missingParts).toEqual([]);
    expect(r.parts.map((p) => Object.keys(p).sort())).toContainEqual(['heading', 'level', 'part', 'start']);
    for (const f of r.figures) expect(Object.keys(f)).toEqual(expect.arrayContaining(['text', 'value', 'unit', 'approx', 'start', 'end']));
    expect(r.findings).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('should accept a complete, consistent, timely report without findings', () => {
    expect(rules(checkReport({ text: REPORT, published: '2024-04-01' }))).toEqual([]);
  });

  it('should warn about publication after 4月1日 and take the date from the text or the option', () => {
    expect(rules(checkReport({ text: REPORT, published: '2024-04-02' }))).toEqual(['date.late']);
    const withMeta = `发布日期：2024-05-06\n${REPORT}`;
    const late = checkReport({ text: withMeta });
    expect(late).toMatchObject({ published: '2024-05-06', publishedSource: 'metadata' });
    expect(rules(late)).toEqual(['date.late']);
    expect(checkReport({ text: withMeta, published: '2024-03-01' }).published).toBe('2024-03-01');
    const signed = `${REPORT}\nXX县司法局\n2024年4月18日`;
    expect(checkReport({ text: signed })).toMatchObject({ published: '2024-04-18', publishedSource: 'signature' });
    expect(rules(checkReport({ text: REPORT }))).toEqual(['date.unknown']);
  });

  it('should flag a reporting year that the text contradicts', () => {
    const text = REPORT.replace('现将2023年度', '现将2022年度').replace('四、2024年工作安排', '四、2023年工作安排');
    const r = checkReport({ text, published: '2024-03-01' });
    expect(rules(r).sort()).toEqual(['year.mismatch', 'year.next-year']);
  });

  it('should flag clauses of the measures part that open with an earlier year', () => {
    const text = REPORT.replace('全年共办理', '2022年，共办理');
    expect(rules(checkReport({ text, published: '2024-03-01' }))).toContain('year.stale');
  });

  it('should name the missing and empty parts', () => {
    const text = REPORT.replace('三、党政主要负责人履行推进法治建设第一责任人职责情况', '三、加强队伍建设').replace('本年度无其他需要报告的情况。', '');
    const r = checkReport({ text, published: '2024-03-01' });
    expect(r.missingParts).toEqual(['first-responsible']);
    expect(rules(r).sort()).toEqual(['structure.part-empty', 'structure.part-missing']);
  });

  it('should find text and figures repeated unchanged from the previous year', () => {
    const previous = REPORT.replace(/2023/g, '2022').replace(/2024/g, '2023');
    const current = REPORT.replace('执法人员力量不足', '执法队伍结构老化');
    const r = checkReport({ text: current, published: '2024-03-01', previous: { text: previous } });
    const repeated = r.findings.filter((f) => f.rule.startsWith('previous.'));
    expect(repeated.map((f) => f.rule)).toContain('previous.repeated-figures');
    expect(repeated.find((f) => f.rule === 'previous.repeated-text')).toMatchObject({ severity: 'warning' });
    const same = checkReport({ text: REPORT, published: '2024-03-01', previous: { text: REPORT } });
    expect(rules(same)).toContain('previous.same-year');
  });

  it('should list the same figure in rewritten text as information', () => {
    const previous = '2022年法治政府建设年度报告\n一、主要举措和成效\n受理行政复议申请156件，办结150件。';
    const current = '2023年法治政府建设年度报告\n一、主要举措和成效\n全年依法受理行政复议申请156件，较好完成任务。';
    const r = checkReport({ text: current, published: '2024-03-01', previous: { text: previous } });
    expect(r.findings.filter((f) => f.rule === 'previous.same-figure')).toHaveLength(1);
  });

  it('should check 合计 rows and columns of tables', () => {
    const text = `${REPORT}\n类别 | 受理 | 办结 | 合计\n复议 | 10 | 8 | 18\n诉讼 | 5 | 4 | 10\n合计 | 15 | 12 | 28`;
    const r = checkReport({ text, published: '2024-03-01' });
    const errors = r.findings.filter((f) => f.rule === 'table.total');
    expect(errors).toHaveLength(2); // 诉讼: 5+4≠10; 合计 row: 15+12≠28 (the column sums 15, 12, 28 hold)
    expect(errors.every((f) => f.severity === 'error')).toBe(true);
  });

  it('should tell an other report from the two kinds it knows', () => {
    expect(checkReport({ text: '会议纪要\n会议研究了3项议题。' }).kind).toBe('other');
  });

  it('should throw CheckerInputError, and only that, for unreadable input', () => {
    expect(() => checkReport({ bytes: new Uint8Array(0) })).toThrow(CheckerInputError);
    expect(() => checkReport({ text: REPORT, previous: { bytes: new Uint8Array([0, 1, 2, 0]) } })).toThrow(/上年报告/);
  });
});
