/**
 * Table-driven tests of the working-day calendar over the real 2022–2026 arrangements (domain-rules §12.2).
 * Every expected date was worked out by hand from the notices; the comment of each row shows the count.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_YEARS, bundledCalendar } from './calendar.data';
import { Calendar, createCalendar, fixedDateInNextYear, mergeOverrideLayers } from './calendar.days';
import type { OverrideLayer } from './calendar.schema';

const national = bundledCalendar();

// Illustrative regional override (domain-rules 12.3.1: regional — verify the region's annual notice). 2024-04-10 is
// the date of Eid al-Fitr (肉孜节) in 2024; the real Xinjiang arrangement may differ.
const XINJIANG: OverrideLayer = {
  unitId: 65,
  label: '新疆维吾尔自治区',
  days: [{ date: '2024-04-10', kind: 'off', reason: '肉孜节（新疆维吾尔自治区）' }],
};
const xinjiang = bundledCalendar([XINJIANG]);
const ignoresTiaoxiu = bundledCalendar([{ label: '某单位（不执行调休上班）', ignoresAdjustedWorkdays: true, days: [] }]);

describe(Calendar.prototype.addWorkingDays.name, () => {
  it.each([
    // issue example: 9-26(1) 9-27(2) 9-28(3), 9-29…10-06 中秋国庆 off, 10-07(4) 10-08(5) 调休上班, 10-09 … 10-27(20)
    ['2023-09-25', 20, '2023-10-27', 'the long 2023 中秋/国庆 break with its two 调休上班 weekend days'],
    ['2023-09-28', 1, '2023-10-07', '2023-09-29…10-06 off, Saturday 10-07 is a 调休上班 day'],
    ['2023-09-28', 3, '2023-10-09', '10-07(1) 10-08(2) 10-09(3)'],
    ['2022-09-30', 1, '2022-10-08', '2022 国庆 10-01…10-07 off, Saturday 10-08 调休上班'],
    ['2023-06-21', 1, '2023-06-25', '2023 端午 06-22…06-24 off, Sunday 06-25 调休上班'],
    // 2024 Spring Festival: Sunday 02-04 and Sunday 02-18 are make-up days, 02-09 (除夕) is a working day
    ['2024-02-02', 1, '2024-02-04', 'Saturday 02-03 off, Sunday 02-04 调休上班'],
    ['2024-02-08', 1, '2024-02-09', '2024 除夕 is a working day (notice only encourages a day off)'],
    ['2024-02-09', 1, '2024-02-18', '02-10…02-17 春节 off, Sunday 02-18 调休上班'],
    ['2024-02-09', 2, '2024-02-19', '02-18(1) 02-19(2)'],
    ['2024-02-01', 20, '2024-03-05', '02-02(1) 02-04(2) 02-05…02-09(3–7) 02-18(8) 02-19…02-23(9–13) 02-26…03-01(14–18) 03-04(19) 03-05(20)'],
    // 2026 Spring Festival: Saturday 02-14 and Saturday 02-28 are make-up days, 02-15…02-23 off (9 days)
    ['2026-02-13', 1, '2026-02-14', 'Saturday 02-14 调休上班'],
    ['2026-02-14', 1, '2026-02-24', '02-15…02-23 春节 off'],
    ['2026-02-27', 1, '2026-02-28', 'Saturday 02-28 调休上班'],
    ['2026-02-12', 10, '2026-03-04', '02-13(1) 02-14(2) 02-24…02-27(3–6) 02-28(7) 03-02(8) 03-03(9) 03-04(10)'],
    // 2025, the first year with 13 statutory days: 除夕 01-28 is off, 劳动节 05-01…05-05
    ['2025-01-24', 1, '2025-01-26', 'Saturday 01-25 off, Sunday 01-26 调休上班'],
    ['2025-01-24', 3, '2025-02-05', '01-26(1) 01-27(2), 01-28…02-04 off, 02-05(3)'],
    ['2025-04-30', 1, '2025-05-06', '2025 劳动节 05-01…05-05 off'],
    // crossing New Year
    ['2022-12-28', 5, '2023-01-05', '12-29(1) 12-30(2), 12-31…01-02 元旦 off, 01-03(3) 01-04(4) 01-05(5)'],
    ['2025-12-29', 5, '2026-01-06', '12-30(1) 12-31(2), 01-01…01-03 元旦 off, Sunday 01-04 调休上班(3), 01-05(4) 01-06(5)'],
    ['2023-12-29', 1, '2024-01-02', 'weekend, then 2024-01-01 元旦'],
  ])('should count %s + %i working days = %s (%s)', (start, n, expected) => {
    expect(national.addWorkingDays(start, n)).toBe(expected);
  });

  it.each([
    ['2023-10-09', -1, '2023-10-08'],
    ['2023-10-09', -3, '2023-09-28'], // 10-08(1) 10-07(2), 10-06…09-29 off, 09-28(3)
    ['2024-02-19', -2, '2024-02-09'], // 02-18(1), 02-17…02-10 off, 02-09(2)
    ['2024-02-19', 0, '2024-02-19'],
  ])('should count backwards: %s %i working days = %s', (start, n, expected) => {
    expect(national.addWorkingDays(start, n)).toBe(expected);
  });

  it('should reject a non-integer count and an invalid date in Chinese', () => {
    expect(() => national.addWorkingDays('2023-09-25', 1.5)).toThrow(/应为整数/);
    expect(() => national.addWorkingDays('2023-09-31', 1)).toThrow(/起算日“2023-09-31”不是有效日期/);
  });

  it('should agree with a day-by-day walk for every start day of 2022–2026 and spans 1–60', () => {
    const mismatches: string[] = [];
    for (let d = Date.UTC(2021, 11, 1); d <= Date.UTC(2026, 11, 31); d += 86_400_000) {
      const start = new Date(d).toISOString().slice(0, 10);
      let cursor = d;
      for (let n = 1; n <= 60; n++) {
        do cursor += 86_400_000;
        while (!national.isWorkingDay(new Date(cursor).toISOString().slice(0, 10)));
        const walked = new Date(cursor).toISOString().slice(0, 10);
        if (national.addWorkingDays(start, n) !== walked) mismatches.push(`${start}+${n}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe(Calendar.prototype.workingDaysBetween.name, () => {
  // 2024: 366 days − 104 weekend days − 19 weekday holidays + 8 调休上班 days = 251
  // 2025: 365 days − 104 weekend days − 18 weekday holidays + 5 调休上班 days = 248 (13 statutory days from 2025)
  it.each([
    ['2023-12-31', '2024-12-31', 251],
    ['2024-12-31', '2025-12-31', 248],
    ['2023-09-25', '2023-10-27', 20],
    ['2023-10-27', '2023-09-25', 0],
  ])('should count working days in (%s, %s] = %i', (from, to, expected) => {
    expect(national.workingDaysBetween(from, to)).toBe(expected);
  });

  it('should record 11 statutory days before 2025 and 13 from 2025 (domain-rules 12.1.1–12.1.3)', () => {
    expect(BUNDLED_YEARS.map((y) => [y.year, y.statutoryDays])).toEqual([
      [2022, 11],
      [2023, 11],
      [2024, 11],
      [2025, 13],
      [2026, 13],
    ]);
  });
});

describe(Calendar.prototype.dayInfo.name, () => {
  it.each([
    ['2023-10-07', true, 'adjusted_workday', '调休上班（中秋节、国庆节）'],
    ['2023-10-05', false, 'holiday', '中秋节、国庆节'],
    ['2024-02-09', true, 'workday', '工作日'], // 2024 除夕
    ['2025-01-28', false, 'holiday', '春节'], // 2025 除夕, a statutory holiday from 2025
    ['2024-02-04', true, 'adjusted_workday', '调休上班（春节）'],
    ['2026-02-28', true, 'adjusted_workday', '调休上班（春节）'],
    ['2024-03-16', false, 'weekend', '周末'],
    ['2022-12-31', false, 'holiday', '元旦'], // in the 2023 notice
    ['2026-10-10', true, 'adjusted_workday', '调休上班（国庆节）'],
  ])('should describe %s', (date, isWorking, kind, reason) => {
    const info = national.dayInfo(date);
    expect(info).toMatchObject({ date, isWorkingDay: isWorking, kind, reason, isProvisional: false });
  });

  it('should mark days of a year without arrangement as provisional, weekends assumed', () => {
    expect(national.dayInfo('2027-01-01')).toMatchObject({ isWorkingDay: true, kind: 'workday', isProvisional: true });
    expect(national.dayInfo('2027-01-02')).toMatchObject({ isWorkingDay: false, kind: 'weekend', isProvisional: true });
    expect(national.dayInfo('2021-10-01')).toMatchObject({ isProvisional: true });
  });

  it('should mark late December of the last loaded year provisional (the next notice may move 元旦 days)', () => {
    expect(national.dayInfo('2026-12-24').isProvisional).toBe(false);
    expect(national.dayInfo('2026-12-28').isProvisional).toBe(true);
    expect(national.dayInfo('2025-12-28').isProvisional).toBe(false);
  });
});

describe(Calendar.prototype.missingYearsBetween.name, () => {
  it.each([
    ['2022-01-01', '2026-12-24', []],
    ['2026-12-01', '2027-01-07', [2027]],
    ['2026-12-01', '2026-12-29', [2027]],
    ['2021-12-20', '2022-01-10', [2021]],
  ])('should list missing years between %s and %s', (from, to, expected) => {
    expect(national.missingYearsBetween(from, to)).toEqual(expected);
  });
});

describe(Calendar.prototype.addCalendarDays.name, () => {
  // 《民事诉讼法》第八十五条：期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期
  it.each([
    ['2024-08-02', 60, '2024-10-08', '60th day 10-01 国庆节 → first working day 10-08'],
    ['2023-09-14', 15, '2023-10-07', '15th day 09-29 中秋 → 10-07, a 调休上班 Saturday, is the first working day'],
    ['2024-03-01', 15, '2024-03-18', '15th day Saturday 03-16 → Monday 03-18'],
    ['2025-08-02', 60, '2025-10-09', '60th day 10-01 → 10-01…10-08 off → 10-09'],
    ['2024-03-01', 10, '2024-03-11', '10th day is a Monday: no roll-forward'],
  ])('should add %s + %i days = %s (%s)', (start, n, expected) => {
    expect(national.addCalendarDays(start, n)).toBe(expected);
  });

  it('should not roll forward when asked not to', () => {
    expect(national.addCalendarDays('2024-08-02', 60, { rollForward: false })).toBe('2024-10-01');
  });
});

describe(Calendar.prototype.addMonths.name, () => {
  it.each([
    ['2024-04-03', 6, '2024-10-08', '2024-10-03 国庆节 → 10-08'],
    ['2024-01-31', 1, '2024-02-29', 'no 31st in February → last day of the month (民法典第二百零二条)'],
    ['2023-03-31', 6, '2023-10-07', '2023-09-30 off → first working day 10-07 (调休上班)'],
    ['2026-08-31', 6, '2027-03-01', '2027-02-28 (Sunday, weekends assumed) → 03-01'],
  ])('should add %s + %i months = %s (%s)', (start, n, expected) => {
    expect(national.addMonths(start, n)).toBe(expected);
  });
});

describe(fixedDateInNextYear.name, () => {
  it.each([
    [2025, 4, 1, '2026-04-01'],
    ['2024', 1, 31, '2025-01-31'],
    ['2023-06-30', 3, 1, '2024-03-01'],
    [2023, 2, 29, '2024-02-29'],
    [2022, 2, 29, 'error'],
  ] as const)('should give the fixed date for reporting year %s: %i月%i日', (year, month, day, expected) => {
    if (expected === 'error') expect(() => fixedDateInNextYear(year, month, day)).toThrow(/无效/);
    else expect(fixedDateInNextYear(year, month, day)).toBe(expected);
  });
});

describe(mergeOverrideLayers.name, () => {
  const county: OverrideLayer = {
    unitId: 6501,
    label: '某县',
    days: [
      { date: '2024-04-10', kind: 'work', reason: '本县安排上班' },
      { date: '2024-06-17', kind: 'off', reason: '古尔邦节（示例）' },
    ],
  };

  it('should let the nearest unit win and inherit the rest from ancestors', () => {
    const merged = mergeOverrideLayers([XINJIANG, county]);
    expect(merged.labels).toEqual(['新疆维吾尔自治区', '某县']);
    expect(merged.days.map((d) => [d.date, d.kind, d.source])).toEqual([
      ['2024-04-10', 'work', '某县'],
      ['2024-06-17', 'off', '某县'],
    ]);
    const countyCalendar = createCalendar({ years: BUNDLED_YEARS, overrides: [XINJIANG, county] });
    expect(countyCalendar.isWorkingDay('2024-04-10')).toBe(true);
    expect(countyCalendar.dayInfo('2024-06-17')).toMatchObject({ isWorkingDay: false, kind: 'override_off', reason: '古尔邦节（示例）' });
  });

  it('should take ignoresAdjustedWorkdays from the nearest layer that sets it', () => {
    const root: OverrideLayer = { label: '自治区', ignoresAdjustedWorkdays: true, days: [] };
    expect(mergeOverrideLayers([root, { label: '县', days: [] }]).ignoresAdjustedWorkdays).toBe(true);
    expect(mergeOverrideLayers([root, { label: '县', ignoresAdjustedWorkdays: false, days: [] }]).ignoresAdjustedWorkdays).toBe(false);
  });

  it('should reject the same date twice in one layer', () => {
    expect(() =>
      mergeOverrideLayers([{ label: 'x', days: [{ date: '2024-04-10', kind: 'off', reason: 'a' }, { date: '2024-04-10', kind: 'work', reason: 'b' }] }]),
    ).toThrow(/重复/);
  });
});

describe('regional and unit overrides', () => {
  it('should skip a Xinjiang 肉孜节 day off in working-day counts', () => {
    // national: 04-09(1) 04-10(2) 04-11(3); Xinjiang: 04-09(1), 04-10 肉孜节, 04-11(2) 04-12(3)
    expect(national.addWorkingDays('2024-04-08', 3)).toBe('2024-04-11');
    expect(xinjiang.addWorkingDays('2024-04-08', 3)).toBe('2024-04-12');
    expect(xinjiang.dayInfo('2024-04-10')).toMatchObject({ isWorkingDay: false, kind: 'override_off', reason: '肉孜节（新疆维吾尔自治区）' });
  });

  it('should treat 调休上班 weekend days as weekends for a unit that does not follow 调休', () => {
    // 9-26(1) 9-27(2) 9-28(3), 10-07/10-08 now weekend, 10-09(4) … 10-31(20)
    expect(ignoresTiaoxiu.addWorkingDays('2023-09-25', 20)).toBe('2023-10-31');
    expect(ignoresTiaoxiu.dayInfo('2023-10-07')).toMatchObject({ isWorkingDay: false, kind: 'adjusted_workday_ignored' });
    // 15 days from 2023-09-14 → 09-29 off → 10-07/10-08 are weekends for this unit → 10-09
    expect(ignoresTiaoxiu.addCalendarDays('2023-09-14', 15)).toBe('2023-10-09');
  });

  it('should give each calendar a version that changes with its inputs', () => {
    expect(national.version).toMatch(/^[0-9a-f]{8}$/);
    expect(xinjiang.version).not.toBe(national.version);
    expect(bundledCalendar().version).toBe(national.version);
  });
});

describe(createCalendar.name, () => {
  it('should reject two arrangements for the same year', () => {
    expect(() => createCalendar({ years: [BUNDLED_YEARS[0], BUNDLED_YEARS[0]] })).toThrow(/2022年节假日安排重复加载/);
  });

  it('should list loaded years with status and source', () => {
    expect(national.loadedYears().map((y) => [y.year, y.status])).toEqual([
      [2022, 'official'],
      [2023, 'official'],
      [2024, 'official'],
      [2025, 'official'],
      [2026, 'official'],
    ]);
    expect(national.hasYear(2027)).toBe(false);
  });

  it('should still compute far outside the compiled range (weekends only)', () => {
    expect(national.addWorkingDays('2100-01-01', 1)).toBe('2100-01-04'); // 2100-01-01 is a Friday
    expect(national.addWorkingDays('1950-01-06', 1)).toBe('1950-01-09'); // Friday → Monday
  });
});
