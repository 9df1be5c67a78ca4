import { describe, expect, it } from 'vitest';
import { formatNumber, parseChineseNumeral, parseNumber, percentOf, readArabic, readChinese } from './checker.numbers';

describe(parseChineseNumeral.name, () => {
  it.each([
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十一', 21],
    ['一百', 100],
    ['一百零五', 105],
    ['一百五', 150],
    ['三千五', 3500],
    ['三千五百', 3500],
    ['两万', 20000],
    ['两万五', 25000],
    ['一万二千', 12000],
    ['十万', 100000],
    ['一亿二千万', 120000000],
    ['二〇二二', 2022],
    ['九十八点五', 98.5],
  ])('should read %s as %d', (s, v) => {
    expect(parseChineseNumeral(s)?.value).toBe(v);
  });

  it.each(['十四五', '十百', '万', '点五', '一点'])('should reject the malformed numeral %s', (s) => {
    expect(parseChineseNumeral(s)).toBeNull();
  });
});

describe(readArabic.name, () => {
  it('should fold 万 and 亿 into the value without binary drift', () => {
    expect(readArabic('11.34万件', 0).token).toMatchObject({ value: 113400, decimals: 2, precision: 100, end: 6 });
    expect(readArabic('194.98亿元', 0).token).toMatchObject({ value: 19498000000, precision: 1000000 });
    expect(readArabic('2万余人次', 0).token).toMatchObject({ value: 20000, hedge: '余', end: 3 });
  });

  it('should read thousands separators and full-width digits', () => {
    expect(readArabic('1,234件', 0).token?.value).toBe(1234);
    expect(readArabic('１２３件', 0).token?.value).toBe(123);
    expect(readArabic('1,23件', 0).token?.value).toBe(1);
  });

  it('should not read a decimal point that is a list marker or a version dot', () => {
    expect(readArabic('1.压实', 0).token).toMatchObject({ value: 1, end: 1 });
  });

  it('should give up on digit runs too long to be a figure', () => {
    const { token, skipTo } = readArabic('12345678901234567890件', 0);
    expect(token).toBeNull();
    expect(skipTo).toBe(20);
  });
});

describe(readChinese.name, () => {
  it('should read hedged Chinese numerals', () => {
    expect(readChinese('两万余人次', 0)).toMatchObject({ value: 20000, hedge: '余', end: 3 });
    expect(readChinese('一百余条', 0)).toMatchObject({ value: 100, hedge: '余', end: 3 });
    expect(readChinese('十多次', 0)).toMatchObject({ value: 10, hedge: '多', end: 2 });
  });

  it('should stop before a numeral that starts a word', () => {
    expect(readChinese('十四五规划', 0)).toMatchObject({ value: 14, end: 2 });
  });
});

describe(parseNumber.name, () => {
  it('should read a whole cell and nothing else', () => {
    expect(parseNumber(' 28 ')).toBe(28);
    expect(parseNumber('两万')).toBe(20000);
    expect(parseNumber('28件')).toBeNull();
  });
});

describe(percentOf.name, () => {
  it('should round half up at the written precision', () => {
    expect(percentOf(85, 87, 0)).toMatchObject({ rounded: 98, truncated: 97 });
    expect(percentOf(324, 511, 2)).toMatchObject({ rounded: 63.41, truncated: 63.4 });
    expect(percentOf(637, 779, 2)).toMatchObject({ rounded: 81.77 });
    expect(percentOf(2, 3, 1)).toMatchObject({ rounded: 66.7, truncated: 66.6 });
    expect(percentOf(1, 8, 1)).toMatchObject({ rounded: 12.5, truncated: 12.5 });
    expect(percentOf(1, 200, 0)).toMatchObject({ rounded: 1, truncated: 0 });
  });
});

describe(formatNumber.name, () => {
  it('should drop trailing zeros', () => {
    expect(formatNumber(81.7715, 2)).toBe('81.77');
    expect(formatNumber(100, 2)).toBe('100');
    expect(formatNumber(148.33, 4)).toBe('148.33');
  });
});
