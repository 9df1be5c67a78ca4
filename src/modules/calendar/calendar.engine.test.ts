/**
 * Deadline engine over real years. Expected dates are worked out by hand from the 2022–2026 notices; each row's
 * comment shows the count.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_YEARS, bundledCalendar } from './calendar.data';
import { createCalendar } from './calendar.days';
import { computeDeadline, diffDeadlines, formatTrace, resolveReceiptDate, type OpenDeadline } from './calendar.engine';
import { applyRuleConfig, getRule } from './calendar.rules';
import type { ComputeDeadlineInput, TraceStep } from './calendar.types';

const calendar = bundledCalendar();
const due = (input: Omit<ComputeDeadlineInput, 'rule'> & { rule: string }) =>
  computeDeadline({ ...input, rule: getRule(input.rule), calendar });

describe(computeDeadline.name, () => {
  it.each([
    // 依申请公开 20 wd (第三十三条): the issue example over the 2023 中秋/国庆 break
    ['disclosure.reply', '2023-09-25', '2023-10-27'],
    // 补正告知 7 wd: 9-26 9-27 9-28 10-07 10-08 10-09 10-10
    ['disclosure.supplement-notice', '2023-09-25', '2023-10-10'],
    // 第三方 15 wd from 2024-02-01: 02-02 02-04 02-05…02-09 02-18 02-19…02-23 02-26 02-27 → 15th = 02-27
    ['disclosure.third-party', '2024-02-01', '2024-02-27'],
    // 主动公开 20 wd over New Year 2025/26: 12-29 → 12-30(1) 12-31(2) 01-04(3) 01-05…01-09(4–8) 01-12…01-16(9–13) 01-19…01-23(14–18) 01-26(19) 01-27(20)
    ['proactive.publish', '2025-12-29', '2026-01-27'],
    // 执法公示 7 wd from 2025-04-30: 05-06…05-09(1–4) 05-12…05-14(5–7)
    ['enforcement.publicity-7', '2025-04-30', '2025-05-14'],
    // 执法公示 20 wd from 2026-09-18 (Fri): 09-20 Sun 调休(1) 09-21…09-24(2–5) 09-28…09-30(6–8) 10-08(9) 10-09(10) 10-10 Sat 调休(11) 10-12…10-16(12–16) 10-19…10-22(17–20)
    ['enforcement.publicity-20', '2026-09-18', '2026-10-22'],
    // 行政处罚 90 days from 2024-07-03: Jul 28 + Aug 31 + Sep 30 = 89 → 10-01 is day 90, 国庆节 → 10-08
    ['enforcement.penalty-decision', '2024-07-03', '2024-10-08'],
    // 复议受理审查 5 wd from 2024-09-27 (Fri): 09-29 Sun 调休(1) 09-30(2) 10-08(3) 10-09(4) 10-10(5)
    ['reconsideration.acceptance', '2024-09-27', '2024-10-10'],
    // 被申请人答复 10 wd from 2023-01-19: 01-20(1) 01-28 Sat 调休(2) 01-29 Sun 调休(3) 01-30…02-03(4–8) 02-06(9) 02-07(10)
    ['reconsideration.reply', '2023-01-19', '2023-02-07'],
    // 复议决定 60 days from 2024-08-02 → 10-01 → 10-08
    ['reconsideration.decision', '2024-08-02', '2024-10-08'],
    // 简易程序 30 days from 2025-01-05: 02-04 is day 30, 春节 → 02-05
    ['reconsideration.simplified-decision', '2025-01-05', '2025-02-05'],
    // 应诉答辩 15 days from 2023-09-14: 09-29 中秋 → 10-07 (调休上班 Saturday)
    ['litigation.answer', '2023-09-14', '2023-10-07'],
    // 信访告知 15 days from 2022-01-16: 01-31 春节 → 02-01…02-06 off → 02-07
    ['petition.acceptance-notice', '2022-01-16', '2022-02-07'],
    // 信访办理 60 days from 2022-03-01: Mar 30 + Apr 30 = 60 → 04-30 劳动节 (04-30…05-04) → 05-05
    ['petition.handling', '2022-03-01', '2022-05-05'],
    // 复查 30 days from 2026-05-06: 06-05 (Fri) → no roll
    ['petition.review', '2026-05-06', '2026-06-05'],
    // 司法确认申请 30 days from 2026-09-01: 10-01 国庆节 → 10-08
    ['mediation.judicial-confirmation', '2026-09-01', '2026-10-08'],
    // 规范性文件审核 ≤15 wd from 2023-09-25: 9-26 9-27 9-28 10-07 10-08 10-09…10-13 10-16…10-20
    ['normative-doc.legality-review', '2023-09-25', '2023-10-20'],
    // 规章备案 30 days from 2026-01-05: 02-04 (Wed)
    ['regulation.filing', '2026-01-05', '2026-02-04'],
    // 规范性文件备案 15 days from 2026-02-05: 02-20 春节 → 02-24
    ['normative-doc.filing', '2026-02-05', '2026-02-24'],
  ])('should compute %s from %s = %s', (rule, start, expected) => {
    const result = due({ rule, start });
    expect(result.due).toBe(expected);
    expect(result.provisional).toBe(false);
  });

  it.each([
    // minimums ("not before"): 公开征求意见 ≥30 days from 2024-09-30 → 10-30, no roll-forward
    ['major-decision.public-comment', '2024-09-30', '2024-10-30'],
    // 合法性审查 ≥7 wd from 2024-09-27: 09-29 Sun 调休(1) 09-30(2) 10-08…10-11(3–6) 10-12 Sat 调休(7)
    ['major-decision.legality-review', '2024-09-27', '2024-10-12'],
    // 规范性文件审核 ≥5 wd from 2023-09-25: 9-26 9-27 9-28 10-07 10-08
    ['normative-doc.legality-review-min', '2023-09-25', '2023-10-08'],
  ])('should compute the minimum %s from %s = not before %s', (rule, start, expected) => {
    const result = due({ rule, start });
    expect(result).toMatchObject({ due: expected, kind: 'minimum' });
  });

  it.each([
    // "before" rules: 听证通知 7 wd before a hearing on 2024-10-10: 10-09(1) 10-08(2) 09-30(3) 09-29 Sun 调休(4) 09-27(5) 09-26(6) 09-25(7)
    ['enforcement.hearing-notice', '2024-10-10', '2024-09-25'],
    // 听证会材料 7 days before 2024-10-08 = 10-01 (国庆节) → last working day before: 09-30
    ['major-decision.hearing-materials', '2024-10-08', '2024-09-30'],
    // 复议听证 5 wd before 2026-02-25 (Wed): 02-24(1) 02-14 Sat 调休(2) 02-13(3) 02-12(4) 02-11(5)
    ['reconsideration.hearing-notice', '2026-02-25', '2026-02-11'],
    // 有效期届满前6个月评估: 2026-02-28 − 6 months = 2025-08-28
    ['normative-doc.evaluation', '2026-02-28', '2025-08-28'],
  ])('should compute %s before %s = %s', (rule, start, expected) => {
    expect(due({ rule, start }).due).toBe(expected);
  });

  it.each([
    // months: 6 months from 2024-04-03 → 10-03 国庆节 → 10-08
    ['litigation.first-instance', '2024-04-03', '2024-10-08'],
    // validity 5 years, start day counted: 2021-03-01 + 60 months − 1 day = 2026-02-28 (Saturday, expiry not rolled)
    ['normative-doc.validity', '2021-03-01', '2026-02-28'],
    // 上诉审理 3 months from 2025-07-01 → 10-01 → 10-09
    ['litigation.appeal-decision', '2025-07-01', '2025-10-09'],
  ])('should compute the month period %s from %s = %s', (rule, start, expected) => {
    expect(due({ rule, start }).due).toBe(expected);
  });

  it.each([
    ['annual-report.publish', '2025', '2026-04-01'],
    ['annual-report.submit-department', '2023', '2024-03-01'],
    ['annual-report.submit-province', '2024-12-31', '2025-04-01'],
    ['gi-report.department-publish', '2024', '2025-01-31'],
    ['gi-report.government-publish', '2024', '2025-03-31'],
    ['enforcement.statistics-report', '2025', '2026-01-31'],
    ['regulation.annual-list', '2026', '2027-01-31'],
  ])('should compute the fixed date %s for reporting year %s = %s', (rule, year, expected) => {
    const result = due({ rule, start: year });
    expect(result.due).toBe(expected);
    // a fixed date does not depend on the holiday calendar, so it is never provisional
    expect(result.provisional).toBe(false);
  });

  it('should note, not move, a fixed date that falls on a weekend', () => {
    const result = due({ rule: 'enforcement.statistics-report', start: '2025' });
    expect(result.due).toBe('2026-01-31'); // a Saturday
    expect(result.trace.some((s) => s.type === 'note' && s.text.includes('不顺延'))).toBe(true);
  });

  it('should list each counted day numbered and each skipped day with its reason', () => {
    const { trace } = due({ rule: 'disclosure.reply', start: '2023-09-25' });
    const counted = trace.filter((s): s is Extract<TraceStep, { type: 'count' }> => s.type === 'count');
    const skipped = trace.filter((s): s is Extract<TraceStep, { type: 'skip' }> => s.type === 'skip');
    expect(counted.map((s) => s.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(counted[3]).toMatchObject({ date: '2023-10-07', n: 4, reason: '调休上班（中秋节、国庆节）' });
    expect(counted[19]).toMatchObject({ date: '2023-10-27', n: 20 });
    expect(skipped.map((s) => s.date).slice(0, 8)).toEqual([
      '2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06',
    ]);
    expect(skipped[0].reason).toBe('中秋节、国庆节');
    expect(skipped.find((s) => s.date === '2023-10-14')?.reason).toBe('周末');
    expect(trace[0]).toMatchObject({ type: 'rule', ruleId: 'disclosure.reply', basis: '《政府信息公开条例》(2019)第三十三条第二款', rowId: '2.2.2' });
    expect(trace.at(-1)).toMatchObject({ type: 'due', date: '2023-10-27' });
  });

  it('should combine a third-party consultation pause with the 20-wd extension', () => {
    // 03-04…03-08(1–5), 03-11…03-22 征求第三方意见 (both ends not counted), 03-25…03-29(6–10), 04-01…04-03(11–13),
    // 04-04…04-06 清明 off, 04-07 Sun 调休(14), 04-08…04-12(15–19), 04-15(20) = original due.
    // Extension: 04-16…04-19(1–4) 04-22…04-26(5–9) 04-28 Sun 调休(10) 04-29(11) 04-30(12), 05-01…05-05 off,
    // 05-06…05-10(13–17) 05-11 Sat 调休(18) 05-13(19) 05-14(20).
    const events = [
      { type: 'consultation_started', date: '2024-03-11' },
      { type: 'consultation_ended', date: '2024-03-22' },
    ];
    expect(due({ rule: 'disclosure.reply', start: '2024-03-01', events }).due).toBe('2024-04-15');
    const extended = due({ rule: 'disclosure.reply', start: '2024-03-01', events, extended: true });
    expect(extended.due).toBe('2024-05-14');
    const pause = extended.trace.find((s) => s.type === 'pause');
    expect(pause).toMatchObject({ from: '2024-03-11', to: '2024-03-22', days: 12 });
    const ext = extended.trace.find((s) => s.type === 'extension');
    expect(ext).toMatchObject({ length: 20 });
    expect(ext && 'text' in ext && ext.text).toContain('原期限届满日：2024-04-15');
    expect(extended.trace.filter((s) => s.type === 'count' && s.phase === 'extension')).toHaveLength(20);
    // the same pause given as an interval (CLI --pause) gives the same result
    expect(due({ rule: 'disclosure.reply', start: '2024-03-01', pauses: [{ from: '2024-03-11', to: '2024-03-22' }], extended: true }).due).toBe('2024-05-14');
  });

  it('should restart the clock on 补正 and then apply a pause', () => {
    // restart 2024-09-10: 09-11…09-13(1–3) 09-14 Sat 调休(4), 09-15…17 中秋, 09-18…09-20(5–7), 09-23…09-27 paused,
    // 09-29 Sun 调休(8) 09-30(9), 国庆, 10-08…10-11(10–13) 10-12 Sat 调休(14) 10-14…10-18(15–19) 10-21(20)
    const result = due({
      rule: 'disclosure.reply',
      start: '2024-09-02',
      events: [
        { type: 'supplement_received', date: '2024-09-10' },
        { type: 'consultation_started', date: '2024-09-23' },
        { type: 'consultation_ended', date: '2024-09-27' },
      ],
    });
    expect(result.due).toBe('2024-10-21');
    expect(result.start).toBe('2024-09-10');
    expect(result.trace.find((s) => s.type === 'restart')).toMatchObject({ date: '2024-09-10' });
  });

  it('should exclude a 中止 period and add the 30-day extension to a 复议 decision', () => {
    // 06-04…06-19 = days 1–16, 06-20…06-29 中止, 06-30 = 17, 07-31 = 48, 08-12 = 60; +30 → 09-11 (Wednesday)
    const events = [
      { type: 'suspended', date: '2024-06-20' },
      { type: 'resumed', date: '2024-06-29' },
    ];
    expect(due({ rule: 'reconsideration.decision', start: '2024-06-03', events }).due).toBe('2024-08-12');
    expect(due({ rule: 'reconsideration.decision', start: '2024-06-03', events, extended: true }).due).toBe('2024-09-11');
    expect(due({ rule: 'reconsideration.decision', start: '2024-06-03', events, extended: 10 }).due).toBe('2024-08-22');
  });

  it('should refuse an extension above the cap or on a rule without one', () => {
    expect(() => due({ rule: 'disclosure.reply', start: '2024-03-01', extended: 21 })).toThrow(/延长期限不得超过20个工作日/);
    expect(() => due({ rule: 'proactive.publish', start: '2024-03-01', extended: true })).toThrow(/没有延长期限的规定/);
    expect(() => due({ rule: 'litigation.first-instance', start: '2024-03-01', extended: true })).toThrow(/未设上限/);
    expect(due({ rule: 'litigation.first-instance', start: '2024-03-01', extended: 3 }).due).toBe('2024-12-02'); // 9 months → 12-01 Sunday → 12-02
  });

  it('should mark a deadline that runs into 2027 provisional, with a warning naming the year', () => {
    // weekends assumed in 2027: 12-11(1) … 12-31(15), 2027-01-01 Fri(16), 01-04…01-07(17–20)
    const result = due({ rule: 'disclosure.reply', start: '2026-12-10' });
    expect(result).toMatchObject({ due: '2027-01-07', provisional: true, missingYears: [2027] });
    expect(result.warnings.join()).toMatch(/2027年节假日安排.*尚未加载.*暂定/);
  });

  it('should mark a deadline ending in late December 2026 provisional (the 2027 notice may move 元旦 days)', () => {
    const result = due({ rule: 'disclosure.reply', start: '2026-12-01' });
    expect(result).toMatchObject({ due: '2026-12-29', provisional: true, missingYears: [2027] });
    expect(result.warnings.join()).toMatch(/2026年12月下旬/);
    expect(due({ rule: 'disclosure.reply', start: '2026-11-02' }).provisional).toBe(false);
  });

  it('should mark a month period whose last day falls in 2027 provisional', () => {
    // 2026-08-31 + 6 months = 2027-02-28 (Sunday, weekends assumed) → 2027-03-01
    expect(due({ rule: 'litigation.filing', start: '2026-08-31' })).toMatchObject({ due: '2027-03-01', provisional: true });
  });

  it('should compute on a unit calendar: Xinjiang 肉孜节 and a unit that does not follow 调休', () => {
    const xinjiang = bundledCalendar([{ label: '新疆维吾尔自治区', days: [{ date: '2024-04-10', kind: 'off', reason: '肉孜节（新疆维吾尔自治区）' }] }]);
    // national: 7 wd from 2024-04-03 = 04-07 Sun 调休(1) 04-08…04-12(2–6) 04-15(7); Xinjiang skips 04-10 → 04-16
    expect(computeDeadline({ rule: getRule('enforcement.publicity-7'), start: '2024-04-03', calendar }).due).toBe('2024-04-15');
    const result = computeDeadline({ rule: getRule('enforcement.publicity-7'), start: '2024-04-03', calendar: xinjiang });
    expect(result.due).toBe('2024-04-16');
    expect(result.trace).toContainEqual({ type: 'skip', date: '2024-04-10', reason: '肉孜节（新疆维吾尔自治区）' });
    const noTiaoxiu = bundledCalendar([{ label: '某单位', ignoresAdjustedWorkdays: true, days: [] }]);
    expect(computeDeadline({ rule: getRule('disclosure.reply'), start: '2023-09-25', calendar: noTiaoxiu }).due).toBe('2023-10-31');
  });

  it('should use the date of receipt by channel (第三十一条)', () => {
    const result = due({ rule: 'disclosure.reply', receipt: { channel: 'registered_post', submittedOn: '2023-09-20', signedOn: '2023-09-25' } });
    expect(result.due).toBe('2023-10-27');
    expect(result.trace[1]).toMatchObject({ type: 'start', date: '2023-09-25' });
    expect(() => due({ rule: 'disclosure.reply', receipt: { channel: 'online' } })).toThrow(/confirmedOn/);
  });

  it('should keep an open pause open and mark the result paused', () => {
    const result = computeDeadline(
      { rule: getRule('disclosure.reply'), start: '2024-03-01', events: [{ type: 'consultation_started', date: '2024-03-11' }], calendar },
      { asOf: '2024-03-22' },
    );
    expect(result).toMatchObject({ due: '2024-04-15', paused: true });
    expect(result.warnings.join()).toMatch(/尚未结束/);
  });

  it('should reject inconsistent pauses and warn about pauses a rule does not provide for', () => {
    expect(() => due({ rule: 'disclosure.reply', start: '2024-03-01', pauses: [{ from: '2024-03-10', to: '2024-03-05' }] })).toThrow(/早于开始日期/);
    expect(() => due({ rule: 'disclosure.reply', start: '2024-03-01', events: [{ type: 'consultation_ended', date: '2024-03-05' }] })).toThrow(/没有开始事件/);
    const result = due({ rule: 'enforcement.penalty-decision', start: '2024-07-03', pauses: [{ from: '2024-07-10', to: '2024-07-19' }] });
    expect(result.due).toBe('2024-10-11'); // 10 paused days: 90th counted day = 10-11 (Friday)
    expect(result.warnings.join()).toMatch(/未规定可不计入期限的期间/);
  });

  it('should ignore the unverified fee pause unless configured, and warn', () => {
    const events = [
      { type: 'fee_notice_sent', date: '2024-03-04' },
      { type: 'fee_paid', date: '2024-03-08' },
    ];
    const off = due({ rule: 'disclosure.reply', start: '2024-03-01', events });
    expect(off.due).toBe('2024-03-29'); // 03-04…03-08, 03-11…03-15, 03-18…03-22, 03-25…03-29 = 20
    expect(off.warnings.join()).toMatch(/等待缴纳信息处理费.*未启用/);
    const [configured] = applyRuleConfig([getRule('disclosure.reply')], { 'disclosure.reply': { pauses: { fee_notice_sent: true } } }, '某省配置');
    expect(computeDeadline({ rule: configured, start: '2024-03-01', events, calendar }).due).toBe('2024-04-08'); // +5 working days: 04-01…04-03, 04-07 Sun 调休, 04-08
  });

  it('should return the calendar version and render a Chinese trace', () => {
    const result = due({ rule: 'litigation.answer', start: '2023-09-14' });
    expect(result.calendarVersion).toBe(calendar.version);
    const text = formatTrace(result).join('\n');
    expect(text).toContain('《行政诉讼法》(2017)第六十七条第一款');
    expect(text).toContain('以其后第一个工作日2023-10-07为届满日');
  });
});

describe(resolveReceiptDate.name, () => {
  it.each([
    [{ channel: 'in_person', submittedOn: '2024-05-06' }, '2024-05-06'],
    [{ channel: 'registered_post', submittedOn: '2024-05-06', signedOn: '2024-05-09' }, '2024-05-09'],
    [{ channel: 'ordinary_letter', confirmedOn: '2024-05-10' }, '2024-05-10'],
    [{ channel: 'fax', confirmedOn: '2024-05-11' }, '2024-05-11'],
  ] as const)('should resolve %j to %s', (input, expected) => {
    expect(resolveReceiptDate(input).date).toBe(expected);
  });
});

describe(diffDeadlines.name, () => {
  // A hypothetical 2027 arrangement (not the real notice): 元旦 2027-01-01…01-03 off.
  const with2027 = createCalendar({
    years: [
      ...BUNDLED_YEARS,
      {
        year: 2027,
        status: 'draft',
        source: { title: '测试用假设安排（非真实通知）' },
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', work: [] }],
      },
    ],
  });
  const items: OpenDeadline[] = [
    { id: 'A', input: { rule: getRule('disclosure.reply'), start: '2026-12-10' } },
    { id: 'B', input: { rule: getRule('disclosure.reply'), start: '2026-11-02' } },
    { id: 'C', input: { rule: getRule('annual-report.publish'), start: '2026' } },
  ];

  it('should list the open deadlines that move when a year is imported', () => {
    // A: 2027-01-01 becomes a day off → 01-04(16) … 01-08(20)
    expect(diffDeadlines(items, calendar, with2027)).toEqual([
      { id: 'A', ruleId: 'disclosure.reply', oldDue: '2027-01-07', newDue: '2027-01-08', shiftDays: 1, oldProvisional: true, newProvisional: false },
    ]);
  });

  it('should list the deadlines that move when a unit override is added', () => {
    const xinjiang = bundledCalendar([{ label: '新疆维吾尔自治区', days: [{ date: '2026-11-05', kind: 'off', reason: '示例地方假日' }] }]);
    const moved = diffDeadlines(items, calendar, xinjiang);
    // B: 11-03…11-06(1–4) … 11-30(20); with 11-05 off one more working day → 12-01. A and C do not move.
    expect(moved.map((m) => [m.id, m.oldDue, m.newDue])).toEqual([['B', '2026-11-30', '2026-12-01']]);
  });

  it('should report items that cannot be computed through onError', () => {
    const failed: unknown[] = [];
    const bad: OpenDeadline = { id: 'X', input: { rule: getRule('disclosure.reply'), start: '2026-13-01' } };
    expect(diffDeadlines([bad], calendar, with2027, { onError: (item) => failed.push(item.id) })).toEqual([]);
    expect(failed).toEqual(['X']);
    expect(() => diffDeadlines([bad], calendar, with2027)).toThrow(/不是有效日期/);
  });
});
