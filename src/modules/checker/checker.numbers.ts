/**
 * Numeral parsing: Arabic numbers (with thousands separators, decimals, full-width digits and 万/亿 scaling) and
 * Chinese numbers (两万余, 一百零五, 三千五, 九十八点五). Pure functions over a string and an index; each reads a
 * bounded number of characters, so a scan over a whole text stays linear.
 */

/** A number read at a position, before its unit is known. */
export interface NumberToken {
  /** Value with the scale words (万, 亿) applied: `11.34万` → 113400. */
  value: number;
  start: number;
  end: number;
  /** Decimals as written: `11.34万` → 2. */
  decimals: number;
  /** Value of one unit of the last written digit, scale applied: `11.34万` → 100, `98` → 1. */
  precision: number;
  /** Written with Chinese numerals. */
  chinese: boolean;
  /** 余 or 多 written inside the number (`2万余`, `十多`). */
  hedge?: string;
}

/** Longest Arabic integer part accepted; longer digit runs are identifiers, not figures. */
const MAX_INT_DIGITS = 13;
/** Longest Chinese numeral accepted, in characters. */
const MAX_CHINESE_LEN = 16;

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** True for an ASCII or full-width digit. */
export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

function digitOf(c: number): number {
  return c >= 0xff10 ? c - 0xff10 : c - 0x30;
}

/** Per UTF-16 code: 1 = can start a Chinese numeral (a digit other than 零, or 十), 2 = can continue one. */
const CN_CLASS = new Uint8Array(65536);
for (const ch of Object.keys(CN_DIGITS)) CN_CLASS[ch.charCodeAt(0)] = ch === '零' || ch === '〇' ? 2 : 1;
for (const ch of ['十', '拾']) CN_CLASS[ch.charCodeAt(0)] = 1;
for (const ch of [...Object.keys(CN_UNITS), ...Object.keys(CN_BIG)]) CN_CLASS[ch.charCodeAt(0)] ||= 2;

/** True for a character code that can start a Chinese numeral (a digit or 十). */
export function isChineseNumeralStartCode(c: number): boolean {
  return CN_CLASS[c] === 1;
}

/** True for a character that can start a Chinese numeral (a digit or 十). */
export function isChineseNumeralStart(ch: string): boolean {
  return ch.length > 0 && CN_CLASS[ch.charCodeAt(0)] === 1;
}

function isChineseNumeralChar(ch: string): boolean {
  return CN_CLASS[ch.charCodeAt(0)] !== 0;
}

/**
 * Multiplies an integer mantissa by a power of ten without binary drift
 * (`scaleDecimal(19498, 6)` is exactly 19498000000, `scaleDecimal(6341, -2)` is 63.41).
 */
export function scaleDecimal(mantissa: number, exp10: number): number {
  if (exp10 >= 0) return mantissa * 10 ** exp10;
  return mantissa / 10 ** -exp10;
}

/**
 * Reads an Arabic number at `i` (a digit): `1,234`, `11.34`, `11.34万`, `2万余`, `１２`. Returns null when the
 * digit run is too long to be a figure (an identifier, a phone number), with `end` of the run in `skipTo`.
 */
export function readArabic(text: string, i: number): { token: NumberToken | null; skipTo: number } {
  const n = text.length;
  let p = i;
  let mantissa = 0;
  let intDigits = 0;
  while (p < n && isDigitCode(text.charCodeAt(p))) {
    mantissa = mantissa * 10 + digitOf(text.charCodeAt(p));
    intDigits++;
    p++;
  }
  // Thousands separators: ASCII comma followed by exactly three digits.
  while (
    p + 3 < n + 0 &&
    text[p] === ',' &&
    intDigits <= 3 + 3 * 4 &&
    isDigitCode(text.charCodeAt(p + 1)) &&
    isDigitCode(text.charCodeAt(p + 2)) &&
    isDigitCode(text.charCodeAt(p + 3)) &&
    !isDigitCode(text.charCodeAt(p + 4))
  ) {
    for (let k = 1; k <= 3; k++) mantissa = mantissa * 10 + digitOf(text.charCodeAt(p + k));
    intDigits += 3;
    p += 4;
  }
  if (intDigits > MAX_INT_DIGITS) {
    while (p < n && (isDigitCode(text.charCodeAt(p)) || text[p] === '.' || text[p] === ',')) p++;
    return { token: null, skipTo: p };
  }
  let decimals = 0;
  if ((text[p] === '.' || text[p] === '．') && p + 1 < n && isDigitCode(text.charCodeAt(p + 1))) {
    p++;
    while (p < n && isDigitCode(text.charCodeAt(p))) {
      if (decimals < 8) {
        mantissa = mantissa * 10 + digitOf(text.charCodeAt(p));
        decimals++;
      }
      p++;
    }
  }
  let exp = -decimals;
  let hedge: string | undefined;
  // 余/多 may stand before the scale word (2余万 is rare) or after it (2万余).
  const scale = readScale(text, p);
  if (scale) {
    exp += scale.exp;
    p = scale.end;
  }
  if (text[p] === '余' || (text[p] === '多' && scale)) {
    hedge = text[p];
    p++;
  }
  const value = scaleDecimal(mantissa, exp);
  return {
    token: {
      value,
      start: i,
      end: p,
      decimals,
      precision: scaleDecimal(1, exp),
      chinese: false,
      hedge,
    },
    skipTo: p,
  };
}

/** Reads 万/亿/千万/百万/万亿 (and 千/百 when no metric unit follows) after an Arabic number. */
function readScale(text: string, p: number): { exp: number; end: number } | null {
  const a = text[p];
  const b = text[p + 1];
  if (a === '万' && b === '亿') return { exp: 12, end: p + 2 };
  if (a === '千' && b === '万') return { exp: 7, end: p + 2 };
  if (a === '百' && b === '万') return { exp: 6, end: p + 2 };
  if (a === '千' && b === '亿') return { exp: 11, end: p + 2 };
  if (a === '万') return { exp: 4, end: p + 1 };
  if (a === '亿') return { exp: 8, end: p + 1 };
  // 千米, 千克, 千瓦, 百分 … are units or words, not scaling.
  if (a === '千' && b !== undefined && !'米克瓦分方伏'.includes(b)) return { exp: 3, end: p + 1 };
  if (a === '百' && b !== undefined && !'分米姓货'.includes(b)) return { exp: 2, end: p + 1 };
  return null;
}

/**
 * Parses a whole Chinese numeral: `两万` → 20000, `一百零五` → 105, `十五` → 15, `三千五` → 3500, `二〇二二` → 2022,
 * `九十八点五` → 98.5. Returns null when the string is not a well-formed numeral.
 */
export function parseChineseNumeral(s: string): { value: number; decimals: number; precision: number } | null {
  const dot = s.indexOf('点');
  let intPart = dot === -1 ? s : s.slice(0, dot);
  const fracPart = dot === -1 ? '' : s.slice(dot + 1);
  if (intPart.length === 0) return null;
  let fraction = 0;
  let decimals = 0;
  if (fracPart.length > 0) {
    for (const ch of fracPart) {
      const d = CN_DIGITS[ch];
      if (d === undefined || decimals >= 8) return null;
      fraction = fraction * 10 + d;
      decimals++;
    }
  } else if (dot !== -1) return null;
  // A run of bare digits (二〇二二) is read digit by digit.
  let allDigits = true;
  for (const ch of intPart) if (CN_DIGITS[ch] === undefined) allDigits = false;
  let intValue: number;
  let precision = 1;
  if (allDigits) {
    if (intPart.length > 1 && (intPart[0] === '零' || intPart[0] === '〇')) return null;
    intValue = 0;
    for (const ch of intPart) intValue = intValue * 10 + CN_DIGITS[ch]!;
  } else {
    const parsed = parseChineseInteger(intPart);
    if (parsed === null) return null;
    intValue = parsed.value;
    precision = parsed.precision;
    if (decimals > 0 && precision !== 1) return null;
  }
  if (decimals > 0) {
    const value = scaleDecimal(intValue * 10 ** decimals + fraction, -decimals);
    return { value, decimals, precision: scaleDecimal(1, -decimals) };
  }
  return { value: intValue, decimals: 0, precision };
}

function parseChineseInteger(s: string): { value: number; precision: number } | null {
  let total = 0; // completed 亿 and 万 sections
  let section = 0; // below 万
  let num = -1; // pending digit
  let lastUnit = 0; // last small unit (十/百/千) or big unit seen, for the colloquial tail (三千五)
  let zero = false;
  let prevWasDigit = false;
  let lastBig = Infinity;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      if (prevWasDigit && !(num === 0)) return null; // 十四五: two digits in a row
      if (d === 0) {
        zero = true;
        prevWasDigit = true;
        num = 0;
        continue;
      }
      num = d;
      prevWasDigit = true;
      continue;
    }
    prevWasDigit = false;
    const u = CN_UNITS[ch];
    if (u !== undefined) {
      if (lastUnit !== 0 && lastUnit <= u && lastUnit < 1e4 && !zero && num === -1) return null; // 十百
      const k = num === -1 ? (u === 10 ? 1 : -1) : num;
      if (k === -1 || k === 0) return null;
      section += k * u;
      num = -1;
      lastUnit = u;
      zero = false;
      continue;
    }
    const big = CN_BIG[ch];
    if (big !== undefined) {
      if (big >= lastBig && !(big === 1e8 && lastBig === 1e4)) return null;
      const part = section + (num > 0 ? num : 0);
      if (part === 0 && total === 0) return null;
      if (big === 1e8) total = (total + part) * 1e8;
      else total += part * 1e4;
      section = 0;
      num = -1;
      lastUnit = big;
      lastBig = big;
      zero = false;
      continue;
    }
    return null;
  }
  let precision = 1;
  if (num > 0) {
    // 三千五 = 3500, 两万五 = 25000, 一百零五 = 105
    const tail = !zero && lastUnit >= 100 ? lastUnit / 10 : 1;
    section += num * tail;
    precision = tail;
  } else if (lastUnit >= 1e4) precision = lastUnit;
  else if (lastUnit > 0) precision = lastUnit;
  return { value: total + section, precision };
}

/**
 * Reads a Chinese numeral at `i` (`两万余`, `一百`, `三千五百`, `十多`), or returns null when the characters there
 * do not form a numeral. `end` excludes a trailing 余/多 unless it is part of the token (then it is in `hedge`).
 */
export function readChinese(text: string, i: number): NumberToken | null {
  const n = text.length;
  let p = i;
  while (p < n && p - i < MAX_CHINESE_LEN && isChineseNumeralChar(text[p]!)) p++;
  if (p - i >= MAX_CHINESE_LEN) return null;
  // decimals: 九十八点五
  if (text[p] === '点' && p + 1 < n && CN_DIGITS[text[p + 1]!] !== undefined) {
    p++;
    while (p < n && p - i < MAX_CHINESE_LEN && CN_DIGITS[text[p]!] !== undefined) p++;
  }
  // Do not take a trailing 万/亿 that begins a word (万众, 亿万) — only if the parse fails with it.
  let raw = text.slice(i, p);
  let parsed = parseChineseNumeral(raw);
  while (parsed === null && raw.length > 1) {
    raw = raw.slice(0, -1);
    p--;
    parsed = parseChineseNumeral(raw);
  }
  if (parsed === null) return null;
  let hedge: string | undefined;
  // 十多, 两万余: 余/多 directly after a numeral ending in a unit word
  const last = raw[raw.length - 1]!;
  if ((text[p] === '余' || text[p] === '多') && (CN_UNITS[last] !== undefined || CN_BIG[last] !== undefined)) {
    hedge = text[p];
    p++;
  }
  return {
    value: parsed.value,
    start: i,
    end: p,
    decimals: parsed.decimals,
    precision: parsed.precision,
    chinese: true,
    hedge,
  };
}

/**
 * Reads a whole number written in Arabic or Chinese numerals, as found in a table cell or a heading
 * (`1,234`, `２３`, `两万`). Returns null if `s` is not exactly one number.
 */
export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (t.length === 0) return null;
  if (isDigitCode(t.charCodeAt(0))) {
    const { token } = readArabic(t, 0);
    return token && token.end === t.length ? token.value : null;
  }
  const tok = readChinese(t, 0);
  return tok && tok.end === t.length ? tok.value : null;
}

/**
 * Rounds `numerator / denominator × 100` to `decimals` places, half up, and truncates it, using integer
 * arithmetic so that 85/87 at 0 decimals is exactly 98 and 324/511 at 2 decimals is exactly 63.41.
 * Both operands must be non-negative; the denominator positive.
 */
export function percentOf(
  numerator: number,
  denominator: number,
  decimals: number,
): { rounded: number; truncated: number; exact: number } {
  const exact = (numerator / denominator) * 100;
  const intOk = Number.isInteger(numerator) && Number.isInteger(denominator);
  if (intOk && decimals <= 6) {
    const scale = 10n ** BigInt(decimals + 2);
    const num = BigInt(numerator) * scale;
    const den = BigInt(denominator);
    const q = num / den;
    const r = num % den;
    const rounded = 2n * r >= den ? q + 1n : q;
    return {
      rounded: scaleDecimal(Number(rounded), -decimals),
      truncated: scaleDecimal(Number(q), -decimals),
      exact,
    };
  }
  const f = 10 ** decimals;
  return {
    rounded: Math.round(exact * f + 1e-9) / f,
    truncated: Math.floor(exact * f + 1e-9) / f,
    exact,
  };
}

/** Formats a number for a Chinese message: at most `decimals` decimals, no exponent, no binary noise. */
export function formatNumber(v: number, decimals = 2): string {
  if (!Number.isFinite(v)) return String(v);
  const s = v.toFixed(decimals);
  return s.indexOf('.') === -1 ? s : s.replace(/\.?0+$/, '');
}
