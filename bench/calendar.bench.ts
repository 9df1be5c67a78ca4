/**
 * Working-day additions per second for 20-working-day spans from random start dates across 2022–2026, for the
 * calendar engine (precomputed working-day index, O(1) per addition) and for a naive day-by-day loop (Date objects
 * and a Set of holiday strings), measured in the same run; prints both rates and their ratio. The issue asks for at
 * least 1,000,000 additions a second on one core. No assertion on time: the numbers are printed, not tested.
 */
import { BUNDLED_YEARS, bundledCalendar } from '../src/modules/calendar/calendar.data';
import { parseDate } from '../src/modules/calendar/calendar.dates';

const SPAN = 20;

/** Deterministic pseudo-random start dates (LCG), so runs are comparable. */
function randomStarts(count: number): string[] {
  const from = Date.UTC(2022, 0, 1);
  const days = (Date.UTC(2026, 11, 31) - from) / 86_400_000;
  let seed = 20231027;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    out.push(new Date(from + (seed % (days + 1)) * 86_400_000).toISOString().slice(0, 10));
  }
  return out;
}

const OFF = new Set(BUNDLED_YEARS.flatMap((y) => y.off));
const WORK = new Set(BUNDLED_YEARS.flatMap((y) => y.work));

/** The baseline: walk one day at a time, checking weekends and the notice's lists. */
function naiveAddWorkingDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const s = d.toISOString().slice(0, 10);
    const w = d.getUTCDay();
    if (WORK.has(s) || (!OFF.has(s) && w !== 0 && w !== 6)) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Runs `fn` over the inputs for about `ms` milliseconds (after a warm-up) and returns calls per second (best of 5). */
function measure(inputs: string[], fn: (s: string) => string | number, ms: number): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += String(fn(inputs[i % inputs.length])).length;
  let best = 0;
  for (let round = 0; round < 5; round++) {
    let calls = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < ms / 5) {
      for (let i = 0; i < 10_000; i++) sink += String(fn(inputs[(calls + i) % inputs.length])).length & 1;
      calls += 10_000;
      elapsed = performance.now() - t0;
    }
    best = Math.max(best, (calls / elapsed) * 1000);
  }
  if (sink === -1) console.log(sink); // keep the results alive
  return best;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export default async function (): Promise<void> {
  const calendar = bundledCalendar();
  const starts = randomStarts(8192);
  const mismatch = starts.find((s) => calendar.addWorkingDays(s, SPAN) !== naiveAddWorkingDays(s, SPAN));
  if (mismatch) throw new Error(`engine and naive loop disagree for ${mismatch}`);

  const engine = measure(starts, (s) => calendar.addWorkingDays(s, SPAN), 1500);
  const dayNumbers = starts.map((s) => String(parseDate(s)));
  const engineN = measure(dayNumbers, (s) => calendar.addWorkingDaysN(+s, SPAN), 1000);
  const naive = measure(starts, (s) => naiveAddWorkingDays(s, SPAN), 1500);

  console.log(`addWorkingDays(date, ${SPAN}), YYYY-MM-DD in and out: ${fmt(engine)} /s`);
  console.log(`addWorkingDaysN(dayNumber, ${SPAN}), day numbers:      ${fmt(engineN)} /s`);
  console.log(`naive day-by-day loop, same inputs:                ${fmt(naive)} /s`);
  console.log(`ratio engine / naive: ${(engine / naive).toFixed(1)}×`);
  console.log(`target ≥ 1,000,000 /s on one core: ${engine >= 1_000_000 ? 'met' : 'NOT met'}`);
}
