/**
 * The working-day calendar: national arrangements (one record per year, domain-rules §12.2) plus the overrides of a
 * unit subtree (§12.3), compiled into flat arrays so that "N working days after D" is two array reads.
 *
 * Precedence for one day (first match wins):
 *   1. a unit override (nearest unit in the tree wins, see `mergeOverrideLayers`);
 *   2. a 调休上班 weekend day when the unit "ignores 调休" → treated as a plain weekend day (domain-rules §15.11);
 *   3. the national arrangement (放假 / 调休上班);
 *   4. Saturday and Sunday are days off, Monday–Friday are working days.
 * Days of a year whose arrangement is not loaded follow rule 4 and are "provisional" (see `missingYearsBetween`).
 */
import { CalendarError } from './calendar.errors';
import {
  addMonthsToDayNumber,
  dayNumberFromParts,
  daysInMonth,
  formatDate,
  parseDate,
  partsFromDayNumber,
  tryParseDate,
  weekdayName,
  weekdayOf,
  type DayNumber,
} from './calendar.dates';
import {
  parseOverrideLayer,
  parseYearArrangement,
  type CalendarOverride,
  type OverrideLayer,
  type YearArrangement,
  type YearStatus,
} from './calendar.schema';

/** What kind of day a date is, on a given calendar. */
export type DayKind =
  | 'workday' // 工作日 (Monday–Friday)
  | 'weekend' // 周末
  | 'holiday' // 法定节假日放假（含调休放假）
  | 'adjusted_workday' // 调休上班（周末上班）
  | 'adjusted_workday_ignored' // 调休上班日，但本单位不执行调休上班 → 按周末
  | 'override_off' // 单位/地区调整：放假（如新疆肉孜节）
  | 'override_work'; // 单位/地区调整：上班

const KIND_CODES: readonly DayKind[] = [
  'workday',
  'weekend',
  'holiday',
  'adjusted_workday',
  'adjusted_workday_ignored',
  'override_off',
  'override_work',
];
const K_WORKDAY = 0;
const K_WEEKEND = 1;
const K_HOLIDAY = 2;
const K_ADJUSTED = 3;
const K_ADJUSTED_IGNORED = 4;
const K_OVERRIDE_OFF = 5;
const K_OVERRIDE_WORK = 6;
const IS_WORKING_CODE = [true, false, false, true, false, false, true] as const;

/** Everything the calendar knows about one day. */
export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 星期一 … 星期日. */
  weekdayName: string;
  isWorkingDay: boolean;
  kind: DayKind;
  /** Chinese reason shown in traces: 工作日, 周末, 国庆节, 调休上班（春节）, 肉孜节（新疆维吾尔自治区）… */
  reason: string;
  /** Holiday name from the national arrangement, when the day belongs to one (also for 调休上班 days). */
  holiday?: string;
  /** True when the year's national arrangement is not loaded, so weekends were assumed. */
  isProvisional: boolean;
}

/** The effective overrides of one unit: all its ancestors' layers merged, nearest first. */
export interface ResolvedOverrides {
  /** One entry per date; when several units override the same date, the nearest unit's entry is kept. */
  days: CalendarOverride[];
  ignoresAdjustedWorkdays: boolean;
  /** Labels of the layers that contributed, root first (for display: 新疆维吾尔自治区 › 某县). */
  labels: string[];
}

/** Options of `createCalendar`. */
export interface CalendarOptions {
  /** National arrangements, one per year (validated again here; duplicates are rejected). */
  years: readonly (YearArrangement | unknown)[];
  /**
   * Override layers of the unit's ancestors and the unit itself, **root first, the unit last** (nearest wins), or an
   * already merged `ResolvedOverrides`.
   */
  overrides?: readonly OverrideLayer[] | ResolvedOverrides;
}

/** Summary of a loaded year. */
export interface LoadedYear {
  year: number;
  status: YearStatus;
  title: string;
  docNo?: string | null;
}

/**
 * Late-December days of year Y may be changed by the notice for Y+1 (元旦调休): the 2019 notice made 2018-12-29 a
 * working day and 2018-12-30/31 days off. So until Y+1 is loaded, days from this day of December on are provisional.
 */
const NEXT_YEAR_REACH_FROM_DAY = 25;

/**
 * Merges the override layers of a unit's ancestors and the unit (root first, the unit last). For the same date the
 * nearest layer wins; `ignoresAdjustedWorkdays` is taken from the nearest layer that sets it (domain-rules 12.3.2:
 * a unit inherits the national calendar plus every override on its ancestors).
 */
export function mergeOverrideLayers(layers: readonly OverrideLayer[]): ResolvedOverrides {
  const byDate = new Map<string, CalendarOverride>();
  let ignores = false;
  const labels: string[] = [];
  for (const raw of layers) {
    const layer = parseOverrideLayer(raw);
    if (layer.label) labels.push(layer.label);
    if (layer.ignoresAdjustedWorkdays !== undefined) ignores = layer.ignoresAdjustedWorkdays;
    const source = layer.label ?? (layer.unitId !== undefined ? String(layer.unitId) : undefined);
    const seen = new Set<string>();
    for (const d of layer.days) {
      if (seen.has(d.date)) {
        throw new CalendarError('INVALID_INPUT', `单位日历调整“${layer.label ?? layer.unitId ?? ''}”中 ${d.date} 重复`);
      }
      seen.add(d.date);
      byDate.set(d.date, { ...d, ...(source !== undefined ? { source } : {}) });
    }
  }
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { days, ignoresAdjustedWorkdays: ignores, labels };
}

function isResolved(o: CalendarOptions['overrides']): o is ResolvedOverrides {
  return !!o && !Array.isArray(o) && 'ignoresAdjustedWorkdays' in (o as object) && 'days' in (o as object);
}

/** 32-bit FNV-1a, as hex: a short fingerprint of the calendar's inputs, stored with computed deadlines. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A compiled working-day calendar. Immutable: to change a year or an override, build a new one (cheap: < 1 ms).
 * Every method takes and returns `YYYY-MM-DD` strings; the `…N` variants take day numbers (hot paths, engine).
 */
export class Calendar {
  /** Fingerprint of the inputs (years + overrides); changes whenever any day could change. */
  readonly version: string;
  readonly overrides: ResolvedOverrides;
  readonly arrangements: readonly YearArrangement[];

  private readonly loaded = new Map<number, YearArrangement>();
  private readonly base: DayNumber;
  private readonly length: number;
  private readonly kinds: Uint8Array;
  /** cum[i] = number of working days among indices [0, i). */
  private readonly cum: Int32Array;
  /** work[k] = index of the k-th working day (0-based). */
  private readonly work: Int32Array;
  /** Lazily filled `YYYY-MM-DD` strings of the compiled range, so the string API does not format twice. */
  private readonly formatted: (string | undefined)[];
  private readonly holidayNames = new Map<DayNumber, string>();
  private readonly overrideReasons = new Map<DayNumber, string>();

  constructor(options: CalendarOptions) {
    const arrangements = options.years.map((y) => parseYearArrangement(y));
    for (const a of arrangements) {
      if (this.loaded.has(a.year)) throw new CalendarError('INVALID_INPUT', `${a.year}年节假日安排重复加载`);
      this.loaded.set(a.year, a);
    }
    this.arrangements = [...arrangements].sort((a, b) => a.year - b.year);
    this.overrides = isResolved(options.overrides)
      ? options.overrides
      : mergeOverrideLayers((options.overrides as readonly OverrideLayer[] | undefined) ?? []);

    // Range compiled into arrays: 10 years before the first loaded year to 30 years after the last one, widened to
    // cover every override. Outside it the slow path (weekends only) applies.
    const yearsSorted = this.arrangements.map((a) => a.year);
    let firstYear = (yearsSorted[0] ?? 2020) - 10;
    let lastYear = (yearsSorted[yearsSorted.length - 1] ?? 2020) + 30;
    for (const o of this.overrides.days) {
      const y = Number(o.date.slice(0, 4));
      firstYear = Math.min(firstYear, y);
      lastYear = Math.max(lastYear, y);
    }
    this.base = dayNumberFromParts(firstYear, 1, 1);
    this.length = dayNumberFromParts(lastYear, 12, 31) - this.base + 1;
    const kinds = new Uint8Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const w = weekdayOf(this.base + i);
      kinds[i] = w === 0 || w === 6 ? K_WEEKEND : K_WORKDAY;
    }
    // 2–3. national arrangement; a day claimed by two years' notices must agree.
    const claimedBy = new Map<DayNumber, number>();
    for (const a of this.arrangements) {
      for (const h of a.holidays) {
        for (let d = parseDate(h.from); d <= parseDate(h.to); d++) {
          this.claim(claimedBy, d, a.year);
          kinds[d - this.base] = K_HOLIDAY;
          this.holidayNames.set(d, h.name);
        }
        for (const w of h.work) {
          const d = parseDate(w);
          this.claim(claimedBy, d, a.year);
          kinds[d - this.base] = this.overrides.ignoresAdjustedWorkdays ? K_ADJUSTED_IGNORED : K_ADJUSTED;
          this.holidayNames.set(d, h.name);
        }
      }
    }
    // 1. unit overrides win over everything.
    for (const o of this.overrides.days) {
      const d = parseDate(o.date);
      kinds[d - this.base] = o.kind === 'off' ? K_OVERRIDE_OFF : K_OVERRIDE_WORK;
      this.overrideReasons.set(d, o.reason);
    }
    const cum = new Int32Array(this.length + 1);
    let count = 0;
    for (let i = 0; i < this.length; i++) {
      cum[i] = count;
      if (IS_WORKING_CODE[kinds[i]]) count++;
    }
    cum[this.length] = count;
    const work = new Int32Array(count);
    for (let i = 0, k = 0; i < this.length; i++) if (IS_WORKING_CODE[kinds[i]]) work[k++] = i;
    this.kinds = kinds;
    this.formatted = new Array<string | undefined>(this.length);
    this.cum = cum;
    this.work = work;
    this.version = fnv1a(
      JSON.stringify({
        y: this.arrangements.map((a) => [a.year, a.status, a.holidays]),
        o: this.overrides,
      }),
    );
  }

  private claim(claimedBy: Map<DayNumber, number>, d: DayNumber, year: number): void {
    const other = claimedBy.get(d);
    if (other !== undefined && other !== year) {
      throw new CalendarError('INVALID_ARRANGEMENT', `${formatDate(d)} 同时出现在 ${other} 年和 ${year} 年的节假日安排中`);
    }
    claimedBy.set(d, year);
  }

  // ---------------------------------------------------------------- years

  /** Years whose national arrangement is loaded, with status and source title. */
  loadedYears(): LoadedYear[] {
    return this.arrangements.map((a) => ({ year: a.year, status: a.status, title: a.source.title, docNo: a.source.docNo }));
  }

  /** True when the national arrangement of `year` is loaded. */
  hasYear(year: number): boolean {
    return this.loaded.has(year);
  }

  /** Status of a loaded year, or undefined. */
  yearStatus(year: number): YearStatus | undefined {
    return this.loaded.get(year)?.status;
  }

  /** True when the day's classification may still change because a needed year's arrangement is missing. */
  isProvisionalN(dn: DayNumber): boolean {
    const [y, m, d] = partsFromDayNumber(dn);
    if (!this.loaded.has(y)) return true;
    return m === 12 && d >= NEXT_YEAR_REACH_FROM_DAY && !this.loaded.has(y + 1);
  }

  /**
   * Years whose missing arrangement makes some day of the closed interval [from, to] provisional, ascending.
   * A span ending in late December of a loaded year Y also needs Y+1 (元旦调休 may move those days).
   */
  missingYearsBetweenN(from: DayNumber, to: DayNumber): number[] {
    if (to < from) [from, to] = [to, from];
    const [y1] = partsFromDayNumber(from);
    const [y2, m2, d2] = partsFromDayNumber(to);
    const missing = new Set<number>();
    for (let y = y1; y <= y2; y++) {
      if (!this.loaded.has(y)) missing.add(y);
      // late December of y lies inside the span when y < y2, or when the span ends on/after 12-25 of y2
      const reachesLateDecember = y < y2 || (m2 === 12 && d2 >= NEXT_YEAR_REACH_FROM_DAY);
      if (reachesLateDecember && this.loaded.has(y) && !this.loaded.has(y + 1)) missing.add(y + 1);
    }
    return [...missing].sort((a, b) => a - b);
  }

  /** String variant of `missingYearsBetweenN`. */
  missingYearsBetween(from: string, to: string): number[] {
    return this.missingYearsBetweenN(parseDate(from, '开始日期'), parseDate(to, '结束日期'));
  }

  /** Loaded years in [from, to] whose status is not `official` (their data is used, with a warning). */
  nonOfficialYearsBetweenN(from: DayNumber, to: DayNumber): LoadedYear[] {
    if (to < from) [from, to] = [to, from];
    const [y1] = partsFromDayNumber(from);
    const [y2] = partsFromDayNumber(to);
    return this.loadedYears().filter((l) => l.year >= y1 && l.year <= y2 && l.status !== 'official');
  }

  // ---------------------------------------------------------------- single days

  private kindCodeN(dn: DayNumber): number {
    const i = dn - this.base;
    if (i >= 0 && i < this.length) return this.kinds[i];
    const w = weekdayOf(dn);
    return w === 0 || w === 6 ? K_WEEKEND : K_WORKDAY;
  }

  /** True when the day is a working day (day-number variant). */
  isWorkingDayN(dn: DayNumber): boolean {
    return IS_WORKING_CODE[this.kindCodeN(dn)];
  }

  /** True when `date` is a working day on this calendar (调休上班 days included unless the unit ignores 调休). */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayN(parseDate(date));
  }

  /** Kind of a day (day-number variant). */
  kindN(dn: DayNumber): DayKind {
    return KIND_CODES[this.kindCodeN(dn)];
  }

  /** Chinese reason for a day's classification (day-number variant). */
  reasonN(dn: DayNumber): string {
    const code = this.kindCodeN(dn);
    const name = this.holidayNames.get(dn);
    switch (code) {
      case K_WORKDAY:
        return '工作日';
      case K_WEEKEND:
        return '周末';
      case K_HOLIDAY:
        return name ?? '节假日';
      case K_ADJUSTED:
        return `调休上班（${name}）`;
      case K_ADJUSTED_IGNORED:
        return `周末（本单位不执行调休上班，全国为${name}调休上班日）`;
      case K_OVERRIDE_OFF:
      case K_OVERRIDE_WORK:
        return this.overrideReasons.get(dn) ?? (code === K_OVERRIDE_OFF ? '单位调整放假' : '单位调整上班');
      default:
        return '';
    }
  }

  /** Everything about one day (day-number variant). */
  dayInfoN(dn: DayNumber): DayInfo {
    const code = this.kindCodeN(dn);
    const holiday = this.holidayNames.get(dn);
    return {
      date: formatDate(dn),
      weekday: weekdayOf(dn),
      weekdayName: weekdayName(dn),
      isWorkingDay: IS_WORKING_CODE[code],
      kind: KIND_CODES[code],
      reason: this.reasonN(dn),
      ...(holiday !== undefined ? { holiday } : {}),
      isProvisional: this.isProvisionalN(dn),
    };
  }

  /** Everything about one day: working or not, kind, Chinese reason (周末 / 春节 / 调休上班（国庆节）…), provisional. */
  dayInfo(date: string): DayInfo {
    return this.dayInfoN(parseDate(date));
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * The `n`-th working day after `dn` (the start day is not counted); `n < 0` gives the |n|-th working day before
   * it; `n = 0` returns `dn`. O(1) inside the compiled range: cum[] gives the rank of the start day, work[] the day.
   */
  addWorkingDaysN(dn: DayNumber, n: number): DayNumber {
    const i = dn - this.base;
    if (i >= 0 && i < this.length) {
      if (n > 0) {
        const k = this.cum[i + 1] + n - 1;
        if (k < this.work.length) return this.base + this.work[k];
      } else if (n < 0) {
        const k = this.cum[i] + n;
        if (k >= 0) return this.base + this.work[k];
      } else {
        return dn;
      }
    }
    return this.addWorkingDaysSlow(dn, n);
  }

  /** Outside the compiled range (far past or future): walk, with weekends only. */
  private addWorkingDaysSlow(dn: DayNumber, n: number): DayNumber {
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    let d = dn;
    while (left > 0) {
      d += step;
      if (this.isWorkingDayN(d)) left--;
    }
    return d;
  }

  /**
   * N working days after a date, the start day not counted (e.g. 《政府信息公开条例》第三十三条“收到申请之日起20个工作日内”).
   * `addWorkingDays('2023-09-25', 20)` = `'2023-10-27'` (skips the 2023-09-29 – 10-06 break, counts the 调休上班
   * days 10-07 and 10-08). Negative `n` counts backwards.
   */
  addWorkingDays(date: string, n: number): string {
    const dn = tryParseDate(date);
    if (Number.isNaN(dn)) parseDate(date, '起算日');
    if (!Number.isInteger(n) || Math.abs(n) > 100_000) {
      throw new CalendarError('INVALID_INPUT', `工作日天数“${String(n)}”应为整数（绝对值不超过100000）`);
    }
    return this.format(this.addWorkingDaysN(dn, n));
  }

  /** `formatDate` with a per-calendar cache for days inside the compiled range. */
  private format(dn: DayNumber): string {
    const i = dn - this.base;
    if (i < 0 || i >= this.length) return formatDate(dn);
    return (this.formatted[i] ??= formatDate(dn));
  }

  /** Number of working days in (from, to]: the start day not counted, the end day counted. */
  workingDaysBetweenN(from: DayNumber, to: DayNumber): number {
    if (to <= from) return 0;
    const i = from - this.base;
    const j = to - this.base;
    if (i >= 0 && j < this.length) return this.cum[j + 1] - this.cum[i + 1];
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorkingDayN(d)) count++;
    return count;
  }

  /** Number of working days after `from` up to and including `to` (0 when `to ≤ from`). */
  workingDaysBetween(from: string, to: string): number {
    return this.workingDaysBetweenN(parseDate(from, '开始日期'), parseDate(to, '结束日期'));
  }

  /** The first working day on or after `dn` (day-number variant). */
  nextWorkingDayOnOrAfterN(dn: DayNumber): DayNumber {
    return this.isWorkingDayN(dn) ? dn : this.addWorkingDaysN(dn, 1);
  }

  /** The first working day on or after `date`. */
  nextWorkingDayOnOrAfter(date: string): string {
    return formatDate(this.nextWorkingDayOnOrAfterN(parseDate(date)));
  }

  /** The last working day on or before `dn` (day-number variant). */
  previousWorkingDayOnOrBeforeN(dn: DayNumber): DayNumber {
    return this.isWorkingDayN(dn) ? dn : this.addWorkingDaysN(dn, -1);
  }

  /**
   * N calendar days after a date, the start day not counted. With `rollForward` (default true), a period whose last
   * day is a day off ends on the next working day: 《民事诉讼法》(2023) 第八十五条“期间届满的最后一日是法定休假日的，
   * 以法定休假日后的第一日为期间届满的日期” — applied by 行政诉讼法第一百零一条 and 行政复议法第八十八条 (domain-rules §0.3).
   * Weekends count as 法定休假日 here, and a 调休上班 day is a working day (domain-rules §0.3, medium). Negative `n`
   * counts backwards and is never rolled.
   */
  addCalendarDays(date: string, n: number, options: { rollForward?: boolean } = {}): string {
    const dn = parseDate(date, '起算日');
    if (!Number.isInteger(n) || Math.abs(n) > 100_000) {
      throw new CalendarError('INVALID_INPUT', `天数“${String(n)}”应为整数（绝对值不超过100000）`);
    }
    const end = dn + n;
    return formatDate(options.rollForward === false || n < 0 ? end : this.nextWorkingDayOnOrAfterN(end));
  }

  /**
   * N months after a date: the corresponding day of the target month, or its last day (《民法典》第二百零二条),
   * then rolled forward to a working day when the last day is off (第二百零三条; 民事诉讼法第八十五条), unless
   * `rollForward` is false. Negative `n` counts backwards (never rolled forward).
   */
  addMonths(date: string, n: number, options: { rollForward?: boolean } = {}): string {
    const dn = parseDate(date, '起算日');
    if (!Number.isInteger(n) || Math.abs(n) > 2400) {
      throw new CalendarError('INVALID_INPUT', `月数“${String(n)}”应为整数（绝对值不超过2400）`);
    }
    const end = addMonthsToDayNumber(dn, n);
    return formatDate(options.rollForward === false || n < 0 ? end : this.nextWorkingDayOnOrAfterN(end));
  }
}

/**
 * Builds a calendar from year arrangements and (optionally) a unit's override layers, root first and the unit last.
 * The DB layer passes the years it has stored and the layers of the unit's ancestors (`org_unit.path`).
 */
export function createCalendar(options: CalendarOptions): Calendar {
  return new Calendar(options);
}

/**
 * A fixed date in the year after a reporting year, e.g. the annual reports due 3月1日 / 4月1日 / 1月31日 of the next
 * year. `reportingYear` may be a year number, `'2024'` or any date in that year. No holiday roll-forward: the
 * documents set a calendar date (see the rules' `lastDayOff`).
 */
export function fixedDateInNextYear(reportingYear: number | string, month: number, day: number): string {
  const y = typeof reportingYear === 'number' ? reportingYear : parseReportingYear(reportingYear);
  if (!Number.isInteger(y) || y < 1900 || y >= 2199) {
    throw new CalendarError('INVALID_INPUT', `报告年度“${String(reportingYear)}”不是有效年份`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > daysInMonth(y + 1, month)) {
    throw new CalendarError('INVALID_INPUT', `日期 ${month}月${day}日 无效`);
  }
  return formatDate(dayNumberFromParts(y + 1, month, day));
}

/** Parses `2024` or `2024-05-06` as a reporting year. */
export function parseReportingYear(text: string): number {
  if (/^\d{4}$/.test(text)) return Number(text);
  return partsFromDayNumber(parseDate(text, '报告年度'))[0];
}
