import { describe, expect, it } from 'vitest';
import {
  addMonthsToDayNumber,
  dayNumberFromParts,
  formatDate,
  isValidDate,
  parseDate,
  partsFromDayNumber,
  weekdayName,
  weekdayOf,
} from './calendar.dates';

describe(parseDate.name, () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
  ])('should parse %s to day number %i', (text, dn) => {
    expect(parseDate(text)).toBe(dn);
  });

  it.each(['2023-02-29', '2024-02-30', '2023-13-01', '2023-00-10', '2023-1-01', '20230101', 'abc', '', '1899-12-31', '2023-04-31'])(
    'should reject %j with a Chinese message',
    (text) => {
      expect(() => parseDate(text, '起算日')).toThrow(/起算日.*不是有效日期/);
      expect(isValidDate(text)).toBe(false);
    },
  );

  it('should accept 2024-02-29 (leap year) and reject 2100-02-29 (not a leap year)', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2100-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true);
  });
});

describe(formatDate.name, () => {
  it('should round-trip every day from 1990 to 2100', () => {
    const from = dayNumberFromParts(1990, 1, 1);
    const to = dayNumberFromParts(2100, 12, 31);
    const bad: number[] = [];
    for (let d = from; d <= to; d++) {
      const [y, m, day] = partsFromDayNumber(d);
      if (parseDate(formatDate(d)) !== d || dayNumberFromParts(y, m, day) !== d) bad.push(d);
    }
    expect(bad).toEqual([]);
  });

  it('should agree with Date.UTC on a sample of days', () => {
    for (const text of ['2022-01-01', '2023-10-07', '2024-02-29', '2025-12-31', '2026-02-28']) {
      expect(parseDate(text)).toBe(Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8)) / 86_400_000);
    }
  });
});

describe(weekdayOf.name, () => {
  it.each([
    ['2023-10-07', 6, '星期六'], // 调休上班 Saturday
    ['2024-02-04', 0, '星期日'],
    ['2026-01-01', 4, '星期四'],
    ['2027-01-01', 5, '星期五'],
  ])('should give weekday of %s', (text, w, name) => {
    expect(weekdayOf(parseDate(text))).toBe(w);
    expect(weekdayName(parseDate(text))).toBe(name);
  });
});

describe(addMonthsToDayNumber.name, () => {
  // 《民法典》第二百零二条：到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2024-04-03', 6, '2024-10-03'],
    ['2026-02-28', -6, '2025-08-28'],
    ['2024-12-15', 1, '2025-01-15'],
  ])('should add months: %s + %i = %s', (from, n, expected) => {
    expect(formatDate(addMonthsToDayNumber(parseDate(from), n))).toBe(expected);
  });
});
