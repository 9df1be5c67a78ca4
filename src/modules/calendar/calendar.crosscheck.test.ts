/**
 * Independent cross-check of the bundled arrangements (domain-rules §12.2) against the `chinese-days` npm package:
 * every day of 2022–2026 must be a working day in one exactly when it is in the other, and every holiday day off must
 * carry the same festival name.
 */
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from './calendar.data';
import { formatDate, parseDate } from './calendar.dates';

const calendar = bundledCalendar();

describe('chinese-days cross-check', () => {
  it.each([2022, 2023, 2024, 2025, 2026])('should agree on every day of %i', (year) => {
    const disagreements: string[] = [];
    for (let d = parseDate(`${year}-01-01`); d <= parseDate(`${year}-12-31`); d++) {
      const date = formatDate(d);
      const ours = calendar.isWorkingDay(date);
      const theirs = chineseDays.isWorkday(date);
      if (ours !== theirs) disagreements.push(`${date}: ours ${ours ? '工作日' : '休息日'}, chinese-days ${theirs ? '工作日' : '休息日'}`);
    }
    expect(disagreements).toEqual([]);
  });

  it.each([2022, 2023, 2024, 2025, 2026])('should name the same festival for every holiday day off in %i', (year) => {
    const disagreements: string[] = [];
    for (let d = parseDate(`${year}-01-01`); d <= parseDate(`${year}-12-31`); d++) {
      const info = calendar.dayInfoN(d);
      if (info.kind !== 'holiday' && info.kind !== 'adjusted_workday') continue;
      const theirs = chineseDays.getDayDetail(info.date).name; // e.g. "Spring Festival,春节,4"
      // our names: 春节, 中秋节、国庆节 …; theirs: 春节, 中秋, 国庆节, 清明, 端午 …
      const names = (info.holiday ?? '').split('、').map((n) => n.replace(/节$/, ''));
      if (!names.some((n) => theirs.includes(n))) disagreements.push(`${info.date}: ${info.holiday} vs ${theirs}`);
    }
    expect(disagreements).toEqual([]);
  });
});
