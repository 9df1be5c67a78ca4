import { describe, expect, it } from 'vitest';
import { GI_FORMAT_2021 } from './checker.gi-format';
import { checkGiCarryOver, checkGiTables, readGiTables } from './checker.gi';
import { checkReport } from './checker.service';

type Layout = 'pipes' | 'lines';

/** Table 3 values, row id → 7 columns; a consistent table by default. */
function table3Values(): Map<string, number[]> {
  const v = new Map<string, number[]>();
  for (const r of GI_FORMAT_2021.table3Rows) if (!r.header) v.set(r.id, [0, 0, 0, 0, 0, 0, 0]);
  v.set('new', [20, 3, 0, 1, 0, 1, 25]);
  v.set('carried_in', [2, 0, 0, 0, 0, 0, 2]);
  v.set('disclosed', [10, 2, 0, 1, 0, 0, 13]);
  v.set('partial', [3, 0, 0, 0, 0, 0, 3]);
  v.set('unable.1', [5, 1, 0, 0, 0, 1, 7]);
  v.set('not_processed.2', [1, 0, 0, 0, 0, 0, 1]);
  v.set('total', [19, 3, 0, 1, 0, 1, 24]);
  v.set('carried_out', [3, 0, 0, 0, 0, 0, 3]);
  return v;
}

/** A GI report in the 2021 format, its tables laid out as `|` rows or one cell per line. */
function giReport(opts: { layout: Layout; values?: Map<string, number[]>; table4?: number[]; table2?: number[]; year?: number; issuer?: string }): string {
  const year = opts.year ?? 2023;
  const values = opts.values ?? table3Values();
  const row = (cells: Array<string | number>) =>
    opts.layout === 'pipes' ? `| ${cells.join(' | ')} |` : cells.map(String).join('\n');
  const t2 = opts.table2 ?? [0, 0, 0, 5, 2, 31];
  const lines: string[] = [
    `${opts.issuer ?? 'XX市司法局'}${year}年政府信息公开工作年度报告`,
    '一、总体情况',
    `${year}年，我局认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。`,
    '二、主动公开政府信息情况',
    row(['第二十条第（一）项']),
    row(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    row(['规章', t2[0]!, t2[1]!, t2[2]!]),
    row(['行政规范性文件', t2[3]!, t2[4]!, t2[5]!]),
    row(['第二十条第（五）项']),
    row(['信息内容', '本年处理决定数量']),
    row(['行政许可', 1520]),
    '三、收到和处理政府信息公开申请情况',
    row(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况']),
    row(['自然人', '法人或其他组织', '总计']),
    row(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']),
  ];
  for (const r of GI_FORMAT_2021.table3Rows) {
    if (r.header) lines.push(row([r.label]));
    else lines.push(row([r.label, ...values.get(r.id)!]));
  }
  lines.push('四、政府信息公开行政复议、行政诉讼情况');
  lines.push(row(['行政复议', '行政诉讼']));
  lines.push(row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']));
  lines.push(row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']));
  lines.push(row(opts.table4 ?? [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]));
  lines.push('五、存在的主要问题及改进情况', '一是公开内容不够全面。下一步将加强培训。');
  lines.push('六、其他需要报告的事项', `本年度未收取信息处理费。`);
  return lines.join('\n');
}

describe(readGiTables.name, () => {
  it.each<Layout>(['pipes', 'lines'])('should read tables 2, 3 and 4 laid out as %s', (layout) => {
    const t = readGiTables(giReport({ layout }));
    expect(t.table3?.rows.get('new')?.map((c) => c.value)).toEqual([20, 3, 0, 1, 0, 1, 25]);
    expect(t.table3?.rows.get('denied.3')?.map((c) => c.value)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(t.table3?.rows.get('other.3')?.length).toBe(7);
    expect(t.table3?.rows.get('carried_out')?.map((c) => c.value)).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(t.table3?.unreadRows).toEqual([]);
    expect(t.table3?.trialFormat).toBe(false);
    expect(t.table4?.map((c) => c.value)).toEqual([1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(t.table2?.map((r) => [r.id, r.issued.value, r.abolished.value, r.inForce.value])).toEqual([
      ['rules', 0, 0, 0],
      ['normative', 5, 2, 31],
    ]);
  });
});

describe(checkGiTables.name, () => {
  it('should find every identity of a consistent table holding', () => {
    const rels = checkGiTables(readGiTables(giReport({ layout: 'pipes' })));
    expect(rels.filter((r) => r.rule === 'gi.table3.balance')).toHaveLength(7);
    expect(rels.filter((r) => r.rule === 'gi.table3.total')).toHaveLength(7);
    expect(rels.filter((r) => r.rule === 'gi.table4.total')).toHaveLength(3);
    expect(rels.filter((r) => r.verdict !== 'holds')).toEqual([]);
  });

  it('should catch a broken 一+二=三+四 balance, column total and row total', () => {
    const values = table3Values();
    values.set('new', [21, 3, 0, 1, 0, 1, 25]); // 自然人 21 breaks the row total and the balance
    const rels = checkGiTables(readGiTables(giReport({ layout: 'lines', values })));
    const bad = rels.filter((r) => r.verdict === 'error').map((r) => r.rule).sort();
    expect(bad).toEqual(['gi.table3.balance', 'gi.table3.row-total']);
    const balance = rels.find((r) => r.rule === 'gi.table3.balance' && r.verdict === 'error')!;
    expect(balance.message).toContain('自然人');
    expect(balance.message).toContain('23');
  });

  it('should catch a （七）总计 that is not the sum of the outcomes', () => {
    const values = table3Values();
    values.set('partial', [4, 0, 0, 0, 0, 0, 4]);
    const rels = checkGiTables(readGiTables(giReport({ layout: 'pipes', values })));
    expect(rels.filter((r) => r.verdict === 'error').map((r) => r.rule)).toEqual(['gi.table3.total', 'gi.table3.total']);
  });

  it('should catch a table 4 总计 that is not the sum of its results', () => {
    const rels = checkGiTables(readGiTables(giReport({ layout: 'pipes', table4: [1, 0, 0, 1, 3, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0] })));
    expect(rels.filter((r) => r.verdict === 'error')).toMatchObject([{ rule: 'gi.table4.total', computed: 2 }]);
  });

  it('should read the 2019 trial format with （六）其他处理 as one row', () => {
    const text = giReport({ layout: 'pipes' })
      .split('\n')
      .filter((l) => !/逾期不补正|缴纳费用|\| 3\.其他 \|/.test(l))
      .map((l) => (l.includes('（六）其他处理') ? '| （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |' : l))
      .join('\n');
    const tables = readGiTables(text);
    expect(tables.table3?.trialFormat).toBe(true);
    expect(checkGiTables(tables).filter((r) => r.verdict !== 'holds')).toEqual([]);
  });
});

describe(checkGiCarryOver.name, () => {
  it('should check 现行有效 against last year plus issued minus abolished', () => {
    const prev = readGiTables(giReport({ layout: 'pipes', year: 2022, table2: [0, 0, 0, 4, 1, 28] }));
    const ok = readGiTables(giReport({ layout: 'pipes', table2: [0, 0, 0, 5, 2, 31] }));
    const bad = readGiTables(giReport({ layout: 'pipes', table2: [0, 0, 0, 5, 2, 33] }));
    expect(checkGiCarryOver(ok, prev).map((r) => r.verdict)).toEqual(['holds', 'holds']);
    expect(checkGiCarryOver(bad, prev).map((r) => r.verdict)).toEqual(['holds', 'warning']);
  });
});

describe(checkReport.name, () => {
  it('should recognise a GI report, its sections and its deadline by issuer', () => {
    const r = checkReport({ text: giReport({ layout: 'pipes' }), published: '2024-02-20' });
    expect(r.kind).toBe('gi');
    expect(r.missingGiSections).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'date.late')).toHaveLength(1); // a department: 1月31日
    const gov = checkReport({ text: giReport({ layout: 'pipes', issuer: 'XX区人民政府' }), published: '2024-02-20' });
    expect(gov.findings.filter((f) => f.rule === 'date.late')).toEqual([]); // a government: 3月31日
  });

  it('should report the table errors of a GI report as findings', () => {
    const values = table3Values();
    values.set('total', [19, 3, 0, 1, 0, 1, 25]);
    const r = checkReport({ text: giReport({ layout: 'lines', values }) });
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort()).toEqual([
      'gi.table3.balance',
      'gi.table3.row-total',
      'gi.table3.total',
    ]);
  });
});
