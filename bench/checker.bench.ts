/**
 * Report checker throughput on 20 KB reports, against one regular-expression pass over the same texts
 * (a figure-like pattern), measured in the same run so the ratio compares across machines.
 * Target: at least 200 reports per second on one core.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport } from '../src/modules/checker/checker.service';

const here = dirname(fileURLToPath(import.meta.url));
const seedDir = join(here, '../test/fixtures/seeds');
const TARGET_BYTES = 20 * 1024;

/** 20 KB reports: each seed followed by the next ones until 20 KB of UTF-8, cut at a line end. */
function reports(): string[] {
  const seeds = readdirSync(seedDir)
    .sort()
    .map((f) => readFileSync(join(seedDir, f), 'utf8'));
  return seeds.map((_, k) => {
    let text = '';
    for (let j = 0; Buffer.byteLength(text) < TARGET_BYTES; j++) text += `${seeds[(k + j) % seeds.length]}\n`;
    while (Buffer.byteLength(text) > TARGET_BYTES) text = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
    return Buffer.from(text).toString('utf8'); // a flat string, as read from a file
  });
}

function measure(label: string, texts: string[], run: (t: string) => number, minMs = 2000): number {
  let sink = 0;
  const warm = performance.now();
  while (performance.now() - warm < 2500) for (const t of texts) sink += run(t); // warm-up: let the JIT settle
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const t of texts) sink += run(t);
    count += texts.length;
    elapsed = performance.now() - start;
  }
  const perSecond = (count * 1000) / elapsed;
  console.log(`${label.padEnd(34)} ${perSecond.toFixed(1).padStart(10)} reports/s   ${(elapsed / count).toFixed(3)} ms/report   (sink ${sink % 10})`);
  return perSecond;
}

export default async function (): Promise<void> {
  const texts = reports();
  const kb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / texts.length / 1024;
  console.log(`${texts.length} reports of ${kb.toFixed(1)} KB (UTF-8), ${Math.round(texts[0]!.length)} characters each`);
  const figureLike = /(\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)(?:余|多)?(?:万|亿)?(?:人次|场次|件|起|宗|条|次|场|户|家|份|个|项|名|人|期|亩|元|%)/g;
  const baseline = measure('one regular-expression pass', texts, (t) => {
    let n = 0;
    figureLike.lastIndex = 0;
    while (figureLike.exec(t) !== null) n++;
    return n;
  });
  const checker = measure('checkReport', texts, (t) => checkReport({ text: t }).figures.length);
  const bytes = texts.map((t) => Buffer.from(t));
  const fromBytes = measure('checkReport from bytes (decode)', texts, (t) => {
    const b = bytes[texts.indexOf(t)]!;
    return checkReport({ bytes: b, filename: 'r.txt' }).findings.length;
  });
  console.log(`ratio checker / regex pass: 1 : ${(baseline / checker).toFixed(1)} (the checker is ${(baseline / checker).toFixed(1)}× slower than one regex pass)`);
  console.log(`target 200 reports/s on one core: ${checker >= 200 ? 'met' : 'NOT met'} (${checker.toFixed(0)}/s; from bytes ${fromBytes.toFixed(0)}/s)`);
}
