/**
 * The checker must end with a result or a CheckerInputError on any input: random bytes, empty files, 10 MB
 * files and number soup. Inputs come from a seeded generator, so a failure can be replayed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CheckerInputError, checkReport } from './checker.service';
import type { CheckInput, CheckResult } from './checker.types';

const here = dirname(fileURLToPath(import.meta.url));
const seedDir = join(here, '../../../test/fixtures/seeds');
const seedTexts = readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8'));

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the checker; returns the result, or null when it refused the input with a CheckerInputError. */
function attempt(input: CheckInput): CheckResult | null {
  try {
    const r = checkReport(input);
    validate(r);
    return r;
  } catch (err) {
    if (err instanceof CheckerInputError) {
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
      return null;
    }
    throw err;
  }
}

/** Checks the invariants of a result with plain loops (one expect per result, not per figure). */
function validate(r: CheckResult): void {
  expect(['fzzf', 'gi', 'other']).toContain(r.kind);
  const bad: string[] = [];
  for (const f of r.figures) {
    if (!Number.isFinite(f.value) || f.start >= f.end || f.end > r.textLength) bad.push(`figure ${f.text}@${f.start}`);
  }
  for (const f of r.findings) {
    if (f.start > f.end || f.end > r.textLength || !/[\u4e00-\u9fa5]/.test(f.message)) bad.push(`finding ${f.rule}@${f.start}`);
  }
  expect(bad.slice(0, 5)).toEqual([]);
}

const SOUP = [
  '0', '1', '2', '5', '9', '12', '100', '3.5', '.', '．', ',', '，', '。', '；', '、', '：', '\n', ' ', '|', '\t',
  '一', '二', '两', '三', '十', '百', '千', '万', '亿', '零', '〇', '点', '余', '多', '近', '逾', '约', '超过', '以上',
  '件', '起', '次', '人次', '户', '元', '万元', '亿元', '%', '％', '‰', '个百分点', '百分之', '率', '成功率', '均达',
  '共', '其中', '合计', '总计', '占', '同比增长', '第', '〔', '〕', '号', '年', '月', '日', '（', '）', '(', ')', '《', '》',
  '“', '”', '一、', '（一）', '1.', '存在的不足', '下一步', '第一责任人', '其他需要报告', '12345', '-', '/', 'x',
  '本年新收', '总计', '结转下年度', '复议后起诉', '发布日期：', '2024-04-05', '现将2023年', '\u0000', '\ud800', '😀',
];

function soup(rand: () => number, tokens: number): string {
  const out: string[] = [];
  for (let k = 0; k < tokens; k++) out.push(SOUP[Math.floor(rand() * SOUP.length)]!);
  return out.join('');
}

describe(checkReport.name, () => {
  it('should end with a result or a clear error on random bytes', () => {
    const rand = mulberry32(20240401);
    for (let k = 0; k < 150; k++) {
      const bytes = new Uint8Array(Math.floor(rand() * 4096));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(rand() * 256);
      if (k % 5 === 0 && bytes.length > 4) bytes.set([0x50, 0x4b, 3, 4]); // looks like a zip
      if (k % 7 === 0 && bytes.length > 4) bytes.set([0x25, 0x50, 0x44, 0x46]); // looks like a PDF
      const names = ['r.txt', 'r.docx', 'r.html', 'r.md', undefined];
      attempt({ bytes, filename: names[k % names.length] });
    }
  });

  it('should end with a result or a clear error on empty and blank files', () => {
    for (const input of [{ bytes: new Uint8Array(0) }, { text: '' }, { text: '\n\n \t' }, { bytes: new Uint8Array([0xef, 0xbb, 0xbf]) }]) {
      expect(attempt(input)).toBeNull();
    }
  });

  it('should end with a result on number soup', () => {
    const rand = mulberry32(7);
    for (let k = 0; k < 300; k++) {
      attempt({ text: soup(rand, 50 + Math.floor(rand() * 400)) });
    }
  });

  it('should end with a result on soup mixed into real reports, with a previous report', () => {
    const rand = mulberry32(11);
    for (let k = 0; k < 60; k++) {
      const base = seedTexts[k % seedTexts.length]!;
      const at = Math.floor(rand() * base.length);
      const text = base.slice(0, at) + soup(rand, 80) + base.slice(at);
      attempt({ text, previous: { text: seedTexts[(k + 1) % seedTexts.length]! }, published: '2024-03-31' });
    }
  });

  it('should check a 10 MB report and a million-character line of number soup', () => {
    const big = seedTexts.join('\n');
    const copies = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(big));
    const bytes = Buffer.from(Array.from({ length: copies }, () => big).join('\n'));
    expect(bytes.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const r = attempt({ bytes, filename: 'big.txt' })!;
    expect(r.kind).toBe('fzzf');
    expect(r.figures.length).toBeGreaterThan(1000);
    const soupText = soup(mulberry32(3), 700_000).replace(/\n/g, '');
    expect(soupText.length).toBeGreaterThan(1_000_000);
    attempt({ text: soupText });
  });

  it('should check pathological repetitions without running away', () => {
    for (const unit of ['一', '十', '万', '1', '1,', '其中', '（', '《', '“', '一、', '(一)', '率达', '%']) {
      attempt({ text: unit.repeat(200_000) });
    }
    attempt({ text: '共100件，其中' + '1件，'.repeat(50_000) });
    attempt({ text: '1件，'.repeat(50_000) + '成功率98%。' });
  });
});
