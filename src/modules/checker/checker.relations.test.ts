import { describe, expect, it } from 'vitest';
import { findFigures } from './checker.figures';
import { findRelations } from './checker.relations';
import { buildTextIndex } from './checker.text';

function relations(text: string) {
  const index = buildTextIndex(text);
  return findRelations(text, findFigures(text, index), index).map((r) => ({
    type: r.type,
    verdict: r.verdict,
    stated: r.stated.text,
    operands: r.operands.map((o) => o.text),
    rule: r.rule,
    message: r.message,
  }));
}

describe(findRelations.name, () => {
  describe('rates', () => {
    it('should accept a rate that rounds to the written precision', () => {
      expect(relations('共调解纠纷87起，调解成功85起，调解成功率98%。')).toMatchObject([
        { type: 'rate', verdict: 'holds', stated: '98%', operands: ['85起', '87起'] },
      ]);
      expect(relations('受理行政案件511件，审结324件，结案率63.41%。')[0]).toMatchObject({ verdict: 'holds' });
    });

    it('should call a rate that no pairing reproduces an error, with the computed value', () => {
      const [r] = relations('在线调解总数779件，调解成功637件，在线调解成功率96.96%。');
      expect(r).toMatchObject({ verdict: 'error', rule: 'rate.mismatch', operands: ['637件', '779件'] });
      expect(r!.message).toContain('81.77%');
    });

    it('should warn about a rate that matches truncation but not rounding', () => {
      const [r] = relations('受理申请3件，办结2件，办结率66.6%。');
      expect(r).toMatchObject({ verdict: 'warning', rule: 'rate.truncated' });
      expect(r!.message).toContain('66.7%');
    });

    it('should accept a numerator that is the sum of stated counts', () => {
      expect(relations('共收到申请50件，予以公开30件，部分公开10件，公开率80%。')).toMatchObject([
        { verdict: 'holds', operands: ['30件', '10件', '50件'] },
      ]);
    });

    it('should not take a sum of parts listed before the denominator for a numerator', () => {
      expect(relations('其中，维持98件，撤销12件，确认违法3件，驳回15件。负责人出庭应诉率100%。')).toMatchObject([{ verdict: 'unverifiable' }]);
    });

    it('should find the operands in the previous sentence', () => {
      expect(relations('全年受理投诉200件，按期办结198件。按期办结率99%。')).toMatchObject([{ verdict: 'holds' }]);
    });

    it('should list a rate without a base as unverifiable', () => {
      expect(relations('负责人出庭应诉率达到100%。')).toMatchObject([{ verdict: 'unverifiable', rule: 'rate.unverifiable' }]);
    });

    it('should not call a mismatch an error when the rate names another numerator', () => {
      // 按时答复率 is 按时答复 ÷ 答复, not 答复 ÷ 收到
      expect(relations('收到申请28件，答复26件，按时答复率100%。')).toMatchObject([{ verdict: 'unverifiable' }]);
    });

    it('should list growth rates and percentage points as unverifiable, not errors', () => {
      expect(relations('受理案件120件，同比增长12.5%。')).toMatchObject([{ verdict: 'unverifiable', rule: 'rate.growth' }]);
      expect(relations('满意度较上年提高3.5个百分点。')).toMatchObject([{ verdict: 'unverifiable', rule: 'rate.growth' }]);
    });

    it('should read 提高到 as a level, not a growth', () => {
      expect(relations('受理申请50件，按时办结50件，按时办结率提高到100%。')).toMatchObject([{ verdict: 'holds' }]);
    });

    it('should call a rate above 100% an error', () => {
      expect(relations('群众满意率105%。')).toMatchObject([{ verdict: 'error' }]);
    });

    it('should check a target with 以上 against its pairing as a lower bound', () => {
      expect(relations('受理50件，办结48件，办结率达95%以上。')).toMatchObject([{ verdict: 'holds' }]);
    });
  });

  describe('shares', () => {
    it('should check each part’s share of the total', () => {
      const rs = relations('共收到申请130件，其中予以公开59件、占45.4%，部分公开20件、占15.3%，不予公开51件、占39.2%。');
      const shares = rs.filter((r) => r.type === 'share');
      expect(shares.map((r) => [r.stated, r.verdict])).toEqual([
        ['45.4%', 'holds'],
        ['15.3%', 'warning'],
        ['39.2%', 'holds'],
      ]);
      expect(rs.find((r) => r.type === 'total')).toMatchObject({ verdict: 'holds' });
    });

    it('should call a wrong share an error', () => {
      const rs = relations('共办理案件200件，其中行政处罚150件，占60%，行政许可50件，占25%。');
      expect(rs.filter((r) => r.type === 'share').map((r) => r.verdict)).toEqual(['error', 'holds']);
    });
  });

  describe('one rate for several metrics', () => {
    it('should list 均达100% without counts as unverifiable, naming the metrics', () => {
      const [r] = relations('行政执法公示率、全过程记录率、法制审核率均达100%。');
      expect(r).toMatchObject({ type: 'shared-rate', verdict: 'unverifiable' });
      expect(r!.message).toContain('全过程记录率');
    });

    it('should accept 均为100% when each metric’s counts are stated and equal', () => {
      const [r] = relations('受理复议申请12件、办结12件，受理诉讼8件、办结8件，办结率均为100%。');
      expect(r).toMatchObject({ type: 'shared-rate', verdict: 'holds' });
    });
  });

  describe('totals', () => {
    it('should accept parts that add up to the total', () => {
      expect(relations('共受理复议案件30件，其中维持18件，纠正5件，终止7件。')).toMatchObject([
        { type: 'total', verdict: 'holds', stated: '30件', operands: ['30件', '18件', '5件', '7件'] },
      ]);
    });

    it('should call parts above the total an error', () => {
      expect(relations('共受理复议案件30件，其中维持20件，纠正15件。')).toMatchObject([{ verdict: 'error', rule: 'total.mismatch' }]);
    });

    it('should warn about parts below the total, which may not be exhaustive', () => {
      expect(relations('共组织学法9次，其中专题学习3次，交流研讨1次。')).toMatchObject([{ verdict: 'warning', rule: 'total.parts-short' }]);
    });

    it('should call parts below the total an error when 其他 shows the list is complete', () => {
      expect(relations('共收到投诉40件，其中环境类20件，交通类10件，其他类5件。')).toMatchObject([{ verdict: 'error' }]);
    });

    it('should call parts below the total an error when a parallel breakdown adds up exactly', () => {
      const rs = relations('新增市场主体5640户，新增注册资本148.33亿元，其中新增企业2056户，新增注册资本145.60亿元，新增个体工商户3548户，新增注册资本2.73亿元。');
      expect(rs.map((r) => [r.stated, r.verdict])).toEqual([
        ['5640户', 'error'],
        ['148.33亿元', 'holds'],
      ]);
      expect(rs[0]!.message).toContain('5604户');
      expect(rs[0]!.message).toContain('颠倒');
    });

    it('should leave outcome clauses out of a breakdown, and stop at the run of parts that adds up', () => {
      expect(relations('共受理申请120件，其中依申请公开80件，办结75件，主动公开40件。')).toMatchObject([{ verdict: 'holds', operands: ['120件', '80件', '40件'] }]);
      expect(relations('共受理案件100件，其中行政处罚60件，行政许可40件，另有咨询30件。')).toMatchObject([{ verdict: 'holds', operands: ['100件', '60件', '40件'] }]);
    });

    it('should read a breakdown in the next sentence', () => {
      expect(relations('全年共办理行政执法案件120件。其中，行政处罚80件，行政强制40件。')).toMatchObject([
        { type: 'total', verdict: 'holds', stated: '120件' },
      ]);
    });

    it('should read a breakdown after a colon', () => {
      expect(relations('全年受理申请28件：予以公开20件，部分公开5件，不予公开4件。')).toMatchObject([
        { type: 'total', verdict: 'error', stated: '28件' },
      ]);
    });

    it('should allow half a unit per term in sums of rounded decimals', () => {
      expect(relations('支出合计3.0万元，其中办公1.4万元，培训1.7万元。')).toMatchObject([{ verdict: 'holds' }]);
      expect(relations('支出合计3.0万元，其中办公1.0万元，培训1.7万元。')).toMatchObject([{ verdict: 'warning' }]);
    });

    it('should leave a parenthesised sub-breakdown out of the parts', () => {
      expect(relations('共受理130件，其中依申请公开80件（当场答复20件），主动公开50件。')).toMatchObject([{ verdict: 'holds' }]);
    });

    it('should not take hedged figures for exact', () => {
      expect(relations('共培训300余人次，其中干部100人次，群众150人次。')).toMatchObject([{ verdict: 'unverifiable' }]);
    });

    it('should accept an unmarked breakdown only when it adds up', () => {
      expect(relations('接待行政复议案件10件，受理2件，调解撤回案件7件，不予受理1件。')).toMatchObject([{ verdict: 'holds' }]);
      expect(relations('办理案件10件，受理2件，调解撤回案件7件，不予受理2件。')).toEqual([]);
    });
  });

  describe('the same quantity twice', () => {
    it('should warn when the same quantity is stated with two values', () => {
      const rs = relations('全年受理行政复议案件56件。……下半年工作平稳。受理行政复议案件65件，办结60件。');
      expect(rs.filter((r) => r.type === 'repeat')).toMatchObject([{ verdict: 'warning', stated: '65件', operands: ['56件'] }]);
    });

    it('should not compare quantities of different periods', () => {
      const rs = relations('1-11月份受理行政复议案件50件。全年受理行政复议案件56件。');
      expect(rs.filter((r) => r.type === 'repeat')).toEqual([]);
    });
  });
});
