import { describe, expect, it } from 'vitest';
import { bundledCalendar } from './calendar.data';
import { computeDeadline } from './calendar.engine';
import { applyRuleConfig, DEADLINE_RULES, getRule } from './calendar.rules';

describe('DEADLINE_RULES', () => {
  it('should have unique ids', () => {
    const ids = DEADLINE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    // the deadlines named in issue 3, with unit, length and kind
    ['disclosure.reply', 'working_day', 20, 'deadline'],
    ['disclosure.extension', 'working_day', 20, 'deadline'],
    ['disclosure.supplement-notice', 'working_day', 7, 'deadline'],
    ['disclosure.third-party', 'working_day', 15, 'deadline'],
    ['proactive.publish', 'working_day', 20, 'deadline'],
    ['enforcement.publicity-7', 'working_day', 7, 'deadline'],
    ['enforcement.publicity-20', 'working_day', 20, 'deadline'],
    ['enforcement.penalty-decision', 'calendar_day', 90, 'deadline'],
    ['reconsideration.acceptance', 'working_day', 5, 'deadline'],
    ['reconsideration.reply', 'working_day', 10, 'deadline'],
    ['reconsideration.decision', 'calendar_day', 60, 'deadline'],
    ['reconsideration.simplified-decision', 'calendar_day', 30, 'deadline'],
    ['litigation.answer', 'calendar_day', 15, 'deadline'],
    ['petition.acceptance-notice', 'calendar_day', 15, 'deadline'],
    ['petition.handling', 'calendar_day', 60, 'deadline'],
    ['petition.review', 'calendar_day', 30, 'deadline'],
    ['petition.recheck', 'calendar_day', 30, 'deadline'],
    ['mediation.judicial-confirmation', 'calendar_day', 30, 'deadline'],
    ['major-decision.public-comment', 'calendar_day', 30, 'minimum'],
    ['major-decision.legality-review', 'working_day', 7, 'minimum'],
    ['normative-doc.legality-review-min', 'working_day', 5, 'minimum'],
    ['normative-doc.legality-review', 'working_day', 15, 'deadline'],
    ['normative-doc.filing', 'calendar_day', 15, 'deadline'],
    ['normative-doc.validity', 'month', 60, 'deadline'],
    ['normative-doc.evaluation', 'month', 6, 'deadline'],
    ['annual-report.submit-department', 'fixed_date', 0, 'deadline'],
    ['annual-report.publish', 'fixed_date', 0, 'deadline'],
    ['gi-report.department-publish', 'fixed_date', 0, 'deadline'],
    ['enforcement.statistics-report', 'fixed_date', 0, 'deadline'],
  ])('should define %s as %s × %i (%s)', (id, unit, length, kind) => {
    expect(getRule(id)).toMatchObject({ unit, length, kind });
  });

  it.each([
    ['disclosure.reply', 20, '政府信息公开工作机构负责人'],
    ['reconsideration.decision', 30, '行政复议机构负责人'],
    ['petition.handling', 30, '本机关负责人'],
    ['enforcement.license-decision', 10, '本行政机关负责人'],
  ])('should give %s an extension cap of %i approved by %s', (id, cap, approver) => {
    expect(getRule(id).extension).toMatchObject({ maxLength: cap, approver });
  });

  it('should give every rule a basis with law and article, a domain-rules row and a confidence', () => {
    for (const r of DEADLINE_RULES) {
      expect(r.basis.law, r.id).toMatch(/\S/);
      expect(r.basis.article, r.id).toMatch(/\S/);
      expect(r.rowId, r.id).toMatch(/^\d+(\.\d+)+$/);
      expect(['high', 'medium-high', 'medium', 'unverified', 'local'], r.id).toContain(r.confidence);
      if (r.unit === 'fixed_date') expect(r.fixedDate, r.id).toBeDefined();
    }
  });

  it('should make every rule that is not national-and-high configurable', () => {
    const notConfigurable = DEADLINE_RULES.filter((r) => r.confidence !== 'high' && !r.configurable).map((r) => r.id);
    expect(notConfigurable).toEqual([]);
    // 信访 periods: the calendar-day reading is an interpretation (domain-rules §0.3, unverified)
    expect(DEADLINE_RULES.filter((r) => r.module === 'petition' && r.unit === 'calendar_day').every((r) => r.configurable)).toBe(true);
  });

  it('should count days per law (domain-rules §0.3)', () => {
    // 行政复议法第八十八条：“三日”“五日”“七日”“十日”是指工作日; longer periods are calendar days
    for (const r of DEADLINE_RULES.filter((x) => x.module === 'reconsideration')) {
      expect(r.unit, r.id).toBe([3, 5, 7, 10].includes(r.length) ? 'working_day' : 'calendar_day');
    }
    // 行政处罚法第八十五条：“二日”“三日”“五日”“七日”是指工作日
    for (const id of ['enforcement.penalty-withdraw', 'enforcement.evidence-preservation', 'enforcement.penalty-service', 'enforcement.hearing-request', 'enforcement.hearing-notice', 'enforcement.cash-handover']) {
      expect(getRule(id).unit, id).toBe('working_day');
    }
    expect(getRule('enforcement.fine-payment').unit).toBe('calendar_day');
  });
});

describe(getRule.name, () => {
  it('should refuse an unknown rule in Chinese', () => {
    expect(() => getRule('disclosure.nope')).toThrow(/没有期限规则“disclosure.nope”/);
  });
});

describe(applyRuleConfig.name, () => {
  it('should apply a province setting to a configurable rule and record the change', () => {
    const rules = applyRuleConfig(DEADLINE_RULES, { 'normative-doc.filing': { length: 30 } }, '某省规范性文件备案规定');
    const rule = getRule('normative-doc.filing', rules);
    expect(rule.length).toBe(30);
    expect(rule.configured).toEqual({ source: '某省规范性文件备案规定', changes: { length: [15, 30] } });
    expect(getRule('normative-doc.filing').length).toBe(15); // the national set is unchanged
    // 30 days from 2026-02-05 = 03-07 (Saturday) → 03-09
    const result = computeDeadline({ rule, start: '2026-02-05', calendar: bundledCalendar() });
    expect(result.due).toBe('2026-03-09');
    expect(result.trace.some((s) => s.type === 'note' && s.text.includes('某省规范性文件备案规定'))).toBe(true);
  });

  it('should switch a province to 15 working days for filing', () => {
    const [rule] = applyRuleConfig([getRule('normative-doc.filing')], { 'normative-doc.filing': { unit: 'working_day', length: 15 } });
    // 2026-02-05: 02-06(1) 02-09…02-13(2–6) 02-14 Sat 调休(7), 春节, 02-24…02-27(8–11) 02-28 Sat 调休(12) 03-02…03-04(13–15)
    expect(computeDeadline({ rule, start: '2026-02-05', calendar: bundledCalendar() }).due).toBe('2026-03-04');
  });

  it('should refuse to change a national high-confidence rule', () => {
    expect(() => applyRuleConfig(DEADLINE_RULES, { 'disclosure.reply': { length: 15 } })).toThrow(/不能通过配置修改 length/);
    expect(() => applyRuleConfig(DEADLINE_RULES, { 'disclosure.reply': { pauses: { consultation_started: false } } })).toThrow(/不能通过配置关闭/);
  });

  it('should allow switching on an unverified pause of a high rule', () => {
    const [rule] = applyRuleConfig([getRule('disclosure.reply')], { 'disclosure.reply': { pauses: { fee_notice_sent: true } } });
    expect(rule.pauseBetween.find((p) => p.from === 'fee_notice_sent')?.enabled).toBe(true);
  });

  it('should reject unknown rules, fields and values', () => {
    expect(() => applyRuleConfig(DEADLINE_RULES, { 'no.such': { length: 1 } })).toThrow(/不是已知规则/);
    expect(() => applyRuleConfig(DEADLINE_RULES, { 'normative-doc.filing': { length: -1 } })).toThrow(/期限规则配置不合法/);
    expect(() => applyRuleConfig(DEADLINE_RULES, { 'normative-doc.filing': { lenght: 3 } as never })).toThrow(/期限规则配置不合法/);
  });
});
