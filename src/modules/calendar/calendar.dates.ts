/**
 * Date primitives for legal dates. A legal date is a `YYYY-MM-DD` string (house-style §9); internally the engine
 * works on day numbers (days since 1970-01-01), which are plain integers: no `Date` objects, no time zones, so a
 * deadline never shifts by a day because a server runs in UTC and the user in Asia/Shanghai.
 */
import { CalendarError } from './calendar.errors';

/** Days since 1970-01-01 (proleptic Gregorian). 1970-01-01 = 0. */
export type DayNumber = number;

/** Earliest and latest year accepted anywhere in the engine (guards against typos such as 20233-01-01). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/**
 * Converts a civil date to a day number (H. Hinnant's `days_from_civil`, integer arithmetic only).
 */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Converts a day number back to `[year, month, day]` (H. Hinnant's `civil_from_days`).
 */
export function partsFromDayNumber(dn: DayNumber): [number, number, number] {
  const z = dn + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Number of days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses a `YYYY-MM-DD` string into a day number, or returns -Infinity-free `NaN` when the text is not a real date.
 * Hot path of `addWorkingDays`: char codes only, no regex, no allocation.
 */
export function tryParseDate(text: string): DayNumber {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return NaN;
  }
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    year = year * 10 + c;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return NaN;
  }
  return dayNumberFromParts(year, month, day);
}

/**
 * Parses a `YYYY-MM-DD` legal date. Throws a `CalendarError` with a Chinese message naming the field otherwise.
 */
export function parseDate(text: string, field = '日期'): DayNumber {
  const dn = tryParseDate(text);
  if (Number.isNaN(dn)) {
    throw new CalendarError('INVALID_DATE', `${field}“${String(text)}”不是有效日期，应为 YYYY-MM-DD 格式（${MIN_YEAR}–${MAX_YEAR}年）`);
  }
  return dn;
}

/** Returns true when `text` is a valid `YYYY-MM-DD` date. */
export function isValidDate(text: string): boolean {
  return !Number.isNaN(tryParseDate(text));
}

const TWO_DIGITS: string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Formats a day number as `YYYY-MM-DD`. */
export function formatDate(dn: DayNumber): string {
  const [y, m, d] = partsFromDayNumber(dn);
  return `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dn: DayNumber): number {
  return (((dn + 4) % 7) + 7) % 7;
}

/** Chinese weekday name, e.g. 星期六. */
export function weekdayName(dn: DayNumber): string {
  return WEEKDAY_NAMES[weekdayOf(dn)];
}

/** True for Saturday and Sunday. */
export function isWeekend(dn: DayNumber): boolean {
  const w = weekdayOf(dn);
  return w === 0 || w === 6;
}

/** Year of a day number. */
export function yearOf(dn: DayNumber): number {
  return partsFromDayNumber(dn)[0];
}

/** Adds `n` calendar days to a `YYYY-MM-DD` date (no holiday logic). */
export function addDays(date: string, n: number): string {
  return formatDate(parseDate(date) + n);
}

/**
 * Adds `n` months to a civil date: the same day of the target month, or the last day of that month when it has no
 * such day. 《民法典》第二百零二条：按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。
 */
export function addMonthsToDayNumber(dn: DayNumber, months: number): DayNumber {
  const [y, m, d] = partsFromDayNumber(dn);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return dayNumberFromParts(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}
