/**
 * Legal dates are calendar dates in China (UTC+8, no daylight saving): "today" is the date in Beijing.
 */

/** Today's date in China as YYYY-MM-DD (`FAZHI_TODAY` fixes it, for demos and tests). */
export function todayCn(now: Date = new Date()): string {
  if (process.env.FAZHI_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(process.env.FAZHI_TODAY)) return process.env.FAZHI_TODAY;
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whether a string is a real YYYY-MM-DD date. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** 2026-03-05 → 2026年3月5日 */
export function cnDate(s: string): string {
  const [y, m, d] = s.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
