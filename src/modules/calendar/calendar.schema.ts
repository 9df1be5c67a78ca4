/**
 * zod schemas at the edge of the calendar module: the year-arrangement file (the `fazhi calendar import FILE`
 * format, see CALENDAR-FORMAT.md), unit overrides and rule configuration. Every parse goes through the Chinese locale
 * of zod, so messages can be shown to administrators as they are.
 */
import { z } from 'zod';
import { CalendarError } from './calendar.errors';
import { formatDate, isValidDate, isWeekend, parseDate, yearOf } from './calendar.dates';

const ZDate = z.string().refine(isValidDate, { message: '应为有效日期，格式 YYYY-MM-DD' });

/**
 * Status of a year's arrangement.
 * - `official`: entered from the State Council notice and checked against it.
 * - `unverified`: entered (e.g. from a news copy) but not yet checked against the notice; used, with a warning.
 * - `draft`: an edit not yet committed; used only to preview its effect (`diffDeadlines`), with a warning.
 */
export const ZYearStatus = z.enum(['official', 'unverified', 'draft']);

/** The notice a year's arrangement comes from. */
export const ZYearSource = z.object({
  title: z.string().min(1).max(200),
  docNo: z.string().max(100).nullable().optional(), // 文号, e.g. 国办发明电〔2022〕16号; null when unverified
  url: z.string().max(500).nullable().optional(), // gov.cn address of the notice
  published: ZDate.nullable().optional(), // 发布日期
  copies: z.array(z.string().max(500)).optional(), // other copies of the notice that were checked
});

/** One holiday of the notice: a run of consecutive days off and the weekend days worked to make up for it. */
export const ZHolidaySpan = z.object({
  name: z.string().min(1).max(40), // 元旦, 春节, 中秋节、国庆节 …
  from: ZDate,
  to: ZDate,
  work: z.array(ZDate).default([]), // 调休上班日 (weekend days that become working days)
});

const ZYearArrangementInput = z.object({
  year: z.number().int().min(1990).max(2199),
  status: ZYearStatus,
  source: ZYearSource,
  statutoryDays: z.number().int().min(0).max(40).optional(), // 全体公民放假的节日天数: 11 before 2025, 13 from 2025
  note: z.string().max(2000).optional(),
  holidays: z.array(ZHolidaySpan),
  off: z.array(ZDate).optional(), // redundant flat lists: if present they must equal what `holidays` implies
  work: z.array(ZDate).optional(),
});

/** Input type of a year-arrangement file (before normalisation). */
export type YearArrangementInput = z.input<typeof ZYearArrangementInput>;

/** A normalised year arrangement: `off` and `work` always present, sorted, consistent with `holidays`. */
export interface YearArrangement {
  year: number;
  status: z.infer<typeof ZYearStatus>;
  source: z.infer<typeof ZYearSource>;
  statutoryDays?: number;
  note?: string;
  holidays: { name: string; from: string; to: string; work: string[] }[];
  off: string[];
  work: string[];
}

/** Status of a year's arrangement. */
export type YearStatus = z.infer<typeof ZYearStatus>;

/**
 * Parses and checks one year arrangement (an imported file, a DB row, a form submission) and returns it normalised.
 * Checks: dates valid; each holiday `from ≤ to`; holidays do not overlap; every 调休上班 day is a Saturday or Sunday
 * (domain-rules 12.2: "Every WORK date is a Saturday or Sunday") and not inside a holiday; all dates belong to the
 * year, except days off in late December of the previous year (the 2023 notice starts 元旦 on 2022-12-31);
 * `off`/`work`, when given, equal the lists the holidays imply. Throws `CalendarError('INVALID_ARRANGEMENT')`
 * with every problem listed in Chinese.
 */
export function parseYearArrangement(input: unknown): YearArrangement {
  const parsed = ZYearArrangementInput.safeParse(input, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`);
    throw new CalendarError('INVALID_ARRANGEMENT', `节假日安排数据不合法：${problems.join('；')}`, problems);
  }
  const a = parsed.data;
  const problems: string[] = [];
  const earliest = parseDate(`${a.year - 1}-12-01`);
  const latest = parseDate(`${a.year}-12-31`);
  const offSet = new Map<number, string>();
  const workSet = new Map<number, string>();
  a.holidays.forEach((h, i) => {
    const from = parseDate(h.from);
    const to = parseDate(h.to);
    if (from > to) problems.push(`holidays.${i}（${h.name}）：开始日期 ${h.from} 晚于结束日期 ${h.to}`);
    if (to - from > 15) problems.push(`holidays.${i}（${h.name}）：连续放假超过16天，请核对`);
    if (from < earliest || to > latest) {
      problems.push(`holidays.${i}（${h.name}）：放假日期应在 ${a.year - 1}-12-01 至 ${a.year}-12-31 之间`);
    }
    for (let d = from; d <= to && d - from <= 40; d++) {
      const other = offSet.get(d);
      if (other !== undefined) problems.push(`${formatDate(d)} 同时属于“${other}”和“${h.name}”的放假期间`);
      offSet.set(d, h.name);
    }
    for (const w of h.work) {
      const d = parseDate(w);
      if (!isWeekend(d)) problems.push(`holidays.${i}（${h.name}）：调休上班日 ${w} 不是周六或周日`);
      if (yearOf(d) !== a.year && yearOf(d) !== a.year - 1) problems.push(`holidays.${i}（${h.name}）：调休上班日 ${w} 不在 ${a.year} 年`);
      if (workSet.has(d)) problems.push(`调休上班日 ${w} 重复`);
      workSet.set(d, h.name);
    }
  });
  for (const [d, name] of workSet) {
    if (offSet.has(d)) problems.push(`${formatDate(d)} 既是放假日（${offSet.get(d)}）又是调休上班日（${name}）`);
  }
  const off = [...offSet.keys()].sort((x, y) => x - y).map(formatDate);
  const work = [...workSet.keys()].sort((x, y) => x - y).map(formatDate);
  const sameList = (given: string[] | undefined, derived: string[], label: string) => {
    if (!given) return;
    const g = [...new Set(given)].sort();
    const missing = derived.filter((d) => !g.includes(d));
    const extra = g.filter((d) => !derived.includes(d));
    if (missing.length || extra.length) {
      problems.push(
        `${label} 与 holidays 不一致` +
          (missing.length ? `，缺少 ${missing.join('、')}` : '') +
          (extra.length ? `，多出 ${extra.join('、')}` : ''),
      );
    }
  };
  sameList(a.off, off, 'off');
  sameList(a.work, work, 'work');
  if (problems.length) {
    throw new CalendarError('INVALID_ARRANGEMENT', `${a.year}年节假日安排数据不合法：${problems.join('；')}`, problems);
  }
  return {
    year: a.year,
    status: a.status,
    source: a.source,
    ...(a.statutoryDays !== undefined ? { statutoryDays: a.statutoryDays } : {}),
    ...(a.note !== undefined ? { note: a.note } : {}),
    holidays: a.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to, work: [...h.work].sort() })),
    off,
    work,
  };
}

/** One override of a unit subtree: a regional holiday (`off`) or an extra working day (`work`). */
export const ZCalendarOverride = z.object({
  date: ZDate,
  kind: z.enum(['off', 'work']),
  reason: z.string().min(1).max(100), // shown in traces, e.g. 肉孜节（新疆维吾尔自治区）
});

/**
 * The overrides one unit declares for itself and its subtree (domain-rules 12.3.2). `ignoresAdjustedWorkdays`:
 * true = the unit does not count 调休上班 weekend days as working days (domain-rules §15.11); false = it does (even if
 * an ancestor said otherwise); absent = inherit.
 */
export const ZOverrideLayer = z.object({
  unitId: z.union([z.string(), z.number()]).optional(),
  label: z.string().max(100).optional(), // e.g. 新疆维吾尔自治区
  ignoresAdjustedWorkdays: z.boolean().optional(),
  days: z.array(ZCalendarOverride).default([]),
});

/** A single date override. */
export type CalendarOverride = z.infer<typeof ZCalendarOverride> & { source?: string };
/** The overrides declared on one unit. */
export type OverrideLayer = z.input<typeof ZOverrideLayer>;

/** Parses an override layer (from a form or the DB) with Chinese messages. */
export function parseOverrideLayer(input: unknown): z.infer<typeof ZOverrideLayer> {
  const parsed = ZOverrideLayer.safeParse(input, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`);
    throw new CalendarError('INVALID_INPUT', `单位日历调整不合法：${problems.join('；')}`, problems);
  }
  return parsed.data;
}

