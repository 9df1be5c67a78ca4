import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReportWithText } from '../../modules/checker/checker.service';
import type { Figure, Finding } from '../../modules/checker/checker.types';
import { segmentsIn, segmentText } from './segments';

const fig = (start: number, end: number): Figure => ({ text: '', value: 0, unit: '', approx: false, start, end, kind: 'count', precision: 1, decimals: 0, label: '' });
const finding = (start: number, end: number, severity: Finding['severity'], spans?: Finding['spans']): Finding => ({ rule: 'x', severity, message: 'm', start, end, ...(spans ? { spans } : {}) });

describe(segmentText.name, () => {
  it('should cut at every boundary, cover the text, and colour by the worst finding', () => {
    const text = '0123456789abcdef';
    const segs = segmentText(text, { figures: [fig(2, 6)], findings: [finding(4, 10, 'info'), finding(5, 8, 'error', [{ start: 12, end: 14 }]), finding(0, 0, 'warning')] });
    expect(segs.map((s) => [s.start, s.end])).toEqual([[0, 2], [2, 4], [4, 5], [5, 6], [6, 8], [8, 10], [10, 12], [12, 14], [14, 16]]);
    expect(segs.map((s) => s.severity)).toEqual([null, null, 'info', 'error', 'error', 'info', null, null, null]);
    expect(segs.map((s) => s.figure)).toEqual([false, true, true, true, false, false, false, false, false]);
    expect(segs[3]!.findings).toEqual([0, 1]);
    expect(segs[7]!.operand).toBe(true);
  });

  it('should find the segments of a span by binary search', () => {
    const segs = segmentText('0123456789', { figures: [fig(2, 4), fig(6, 8)], findings: [] });
    expect(segmentsIn(segs, 2, 8).map((i) => [segs[i]!.start, segs[i]!.end])).toEqual([[2, 4], [4, 6], [6, 8]]);
    expect(segmentsIn(segs, 3, 3)).toEqual([]);
  });

  it('should render a 100 KB report as a few thousand segments, quickly', () => {
    const seeds = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/seeds');
    let text = '';
    for (const f of readdirSync(seeds)) text += readFileSync(join(seeds, f), 'utf8') + '\n';
    while (text.length < 100_000) text += text;
    const { result, text: t } = checkReportWithText({ text });
    const started = performance.now();
    const segs = segmentText(t, result);
    const ms = performance.now() - started;
    expect(segs[0]!.start).toBe(0);
    expect(segs.at(-1)!.end).toBe(t.length);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
    expect(segs.length).toBeLessThan(t.length / 10);
    expect(ms).toBeLessThan(200);
  });
});
