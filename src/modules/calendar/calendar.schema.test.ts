import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYearArrangement } from './calendar.schema';

const base = {
  year: 2027,
  status: 'draft',
  source: { title: '测试' },
};

describe(parseYearArrangement.name, () => {
  it.each([2022, 2023, 2024, 2025, 2026])('should accept the bundled %i file unchanged', (year) => {
    const raw = JSON.parse(readFileSync(new URL(`./data/${year}.json`, import.meta.url), 'utf8'));
    const parsed = parseYearArrangement(raw);
    expect(parsed.off).toEqual(raw.off);
    expect(parsed.work).toEqual(raw.work);
    expect(parsed.source.url).toMatch(/^https?:\/\/www\.gov\.cn\//);
  });

  it('should derive off and work lists from the holidays when they are omitted', () => {
    const parsed = parseYearArrangement({ ...base, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02', work: ['2027-01-03'] }] });
    expect(parsed.off).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
    expect(parsed.work).toEqual(['2027-01-03']);
  });

  it.each([
    [{ holidays: [{ name: '春节', from: '2027-02-10', to: '2027-02-05' }] }, /晚于结束日期/],
    [{ holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-10', work: ['2027-02-03'] }] }, /2027-02-03 不是周六或周日/],
    [{ holidays: [{ name: 'A', from: '2027-05-01', to: '2027-05-03' }, { name: 'B', from: '2027-05-03', to: '2027-05-04' }] }, /同时属于“A”和“B”/],
    [{ holidays: [{ name: '国庆节', from: '2027-10-01', to: '2027-10-07', work: ['2027-10-02'] }] }, /既是放假日.*又是调休上班日|不是周六或周日/],
    [{ holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], off: ['2027-01-01', '2027-01-02'] }, /off 与 holidays 不一致，多出 2027-01-02/],
    [{ holidays: [{ name: '元旦', from: '2025-01-01', to: '2025-01-01' }] }, /放假日期应在 2026-12-01 至 2027-12-31 之间/],
    [{ holidays: [{ name: '元旦', from: '2027-1-1', to: '2027-01-01' }] }, /holidays\.0\.from：应为有效日期/],
    [{ status: 'final', holidays: [] }, /status/],
  ])('should reject an invalid arrangement %#', (patch, message) => {
    expect(() => parseYearArrangement({ ...base, ...patch })).toThrow(message);
  });
});
