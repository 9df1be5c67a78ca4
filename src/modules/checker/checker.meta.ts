/**
 * What a report says about itself: its kind, title, issuer, reporting year and publication date, read from
 * the title line, the page metadata (发布机构 | 发布日期), the opening sentence (现将2022年…报告如下) and the
 * signature block (落款单位 and 日期).
 */
import { parseChineseNumeral } from './checker.numbers';
import type { DateSource, ReportKind } from './checker.types';

export interface YearClaim {
  year: number;
  source: 'title' | 'opening' | 'first-sentence' | 'heading' | 'published';
  start: number;
  end: number;
}

export interface ReportMeta {
  kind: ReportKind;
  title: string | null;
  titleStart: number | null;
  issuer: string | null;
  year: number | null;
  yearClaims: YearClaim[];
  published: string | null;
  publishedSource: DateSource | null;
  publishedStart: number | null;
  publishedEnd: number | null;
}

const YEAR = '((?:19|20)\\d{2}|[二][〇零○][〇零○一二三四五六七八九]{2})';

/** Reads a four-digit year written in Arabic or Chinese digits (二〇二二). */
export function parseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  const normalized = s.replace(/○/g, '〇');
  const v = parseChineseNumeral(normalized);
  return v && v.value >= 1900 && v.value <= 2100 ? v.value : null;
}

function parseSmall(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const v = parseChineseNumeral(s);
  return v ? v.value : null;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Validates a `YYYY-MM-DD` date and returns it, or null. */
export function parseIsoDate(s: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const METADATA_LINE = /^(索引号|发布机构|发文机关|发布单位|信息来源|来源|发布日期|发布时间|成文日期|生成日期|公开日期|文号|主题分类|组配分类|公开方式|公开目录|浏览量|时效|有效性|主题词|信息名称|名称)/;
const ORG_SUFFIX = /(人民政府|政府|委员会|党工委、?管委会|管委会|党工委|办公室|办公厅|办事处|街道|局|厅|委|办|院|所|中心|团|镇|乡|区|县|市|公司|部|署|队|站|处)$/;
const CN_DATE_LINE = new RegExp(
  `^\\s*${YEAR}年(\\d{1,2}|[一二三四五六七八九十]{1,3})月(\\d{1,2}|[一二三四五六七八九十]{1,3})日\\s*$`,
);

/**
 * Reads kind, title, issuer, year and publication date. `published` (from the caller) overrides the text.
 */
export function readMeta(text: string, giLabelCount: number, published?: string): ReportMeta {
  const lines = splitLines(text, 4000);
  const tail = splitTail(text, 1500);
  // 1. Title: a short line near the top that names a report.
  let title: string | null = null;
  let titleStart: number | null = null;
  for (const l of lines.slice(0, 15)) {
    const t = l.text.trim();
    if (t.length === 0 || t.length > 80 || METADATA_LINE.test(t) || t.includes('|')) continue;
    if (/^([一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.])/.test(t)) continue;
    if (/如下[:：]?$/.test(t) || /。./.test(t)) continue;
    let candidate = t.replace(/[_｜].*$/, '').replace(/\s+-\s+.*$/, '');
    if (/报告|总结/.test(candidate) && candidate.length <= 60) {
      candidate = candidate.replace(/^[《“]|[》”]$/g, '');
      title = candidate;
      titleStart = l.start + l.text.indexOf(candidate);
      break;
    }
  }
  // 2. Kind.
  const head = text.slice(0, 600);
  let kind: ReportKind = 'other';
  const giTitle = /政府信息公开(工作)?年度报告/;
  if ((title !== null && giTitle.test(title)) || (title === null && giTitle.test(head)) || giLabelCount >= 3) kind = 'gi';
  else if (title !== null && /法治政府|法治建设|依法行政|依法治/.test(title)) kind = 'fzzf';
  else if (countOf(text, '法治政府建设') >= 2 || (/法治/.test(head) && /报告如下|汇报如下|年度报告/.test(text.slice(0, 3000)))) {
    kind = 'fzzf';
  }
  // 3. Issuer: metadata, title prefix, or a signature line next to a date line.
  let issuer: string | null = null;
  const metaIssuer = /(?:发布机构|发文机关|发布单位|信息来源|来源)\s*[|:：]\s*([^|\n]{2,40}?)\s*(?:\||\n|$)/.exec(text.slice(0, 2000));
  if (metaIssuer && metaIssuer[1]!.trim().length >= 2) issuer = metaIssuer[1]!.trim();
  if (!issuer && title) {
    const m = new RegExp(`^(.{2,40}?)(?:关于)?${YEAR}年`).exec(title);
    if (m && !/^\d+$/.test(m[1]!)) issuer = m[1]!.replace(/关于$/, '');
  }
  let signatureDate: { date: string; start: number; end: number } | null = null;
  const dateLines = [...lines.slice(0, 8), ...tail.slice(-8)];
  for (const l of dateLines) {
    const m = CN_DATE_LINE.exec(l.text);
    if (!m) continue;
    const y = parseYear(m[1]!);
    const mo = parseSmall(m[2]!);
    const d = parseSmall(m[3]!);
    const iso = y && mo && d ? isoDate(y, mo, d) : null;
    if (!iso) continue;
    signatureDate = { date: iso, start: l.start, end: l.start + l.text.length };
    const all = [...lines, ...tail];
    const idx = all.findIndex((x) => x.start === l.start);
    for (const k of [idx - 1, idx + 1]) {
      const cand = all[k]?.text.trim();
      if (!issuer && cand && cand.length <= 30 && !/[。，,；]/.test(cand) && ORG_SUFFIX.test(cand)) issuer = cand;
    }
  }
  // 4. Publication date: the option, the page metadata, or the signature date.
  let pub: string | null = null;
  let pubSource: DateSource | null = null;
  let pubStart: number | null = null;
  let pubEnd: number | null = null;
  if (published) {
    pub = parseIsoDate(published);
    pubSource = pub ? 'option' : null;
  }
  if (!pub) {
    const re = /(发布日期|发布时间|公开日期|生成日期|成文日期|发文日期)\s*[|:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
    const m = re.exec(text.slice(0, 3000));
    if (m) {
      pub = isoDate(Number(m[2]), Number(m[3]), Number(m[4]));
      if (pub) {
        pubSource = 'metadata';
        pubStart = m.index;
        pubEnd = m.index + m[0].length;
      }
    }
  }
  if (!pub && signatureDate) {
    pub = signatureDate.date;
    pubSource = 'signature';
    pubStart = signatureDate.start;
    pubEnd = signatureDate.end;
  }
  // 5. Reporting year.
  const yearClaims: YearClaim[] = [];
  if (title && titleStart !== null) {
    const m = new RegExp(`${YEAR}年`).exec(title);
    const y = m ? parseYear(m[1]!) : null;
    if (m && y) yearClaims.push({ year: y, source: 'title', start: titleStart + m.index, end: titleStart + m.index + m[0].length });
  }
  const body = text.slice(0, 5000);
  const opening = new RegExp(`现(?:将|就)[^。\\n]{0,40}?${YEAR}年`).exec(body);
  if (opening) {
    const y = parseYear(opening[1]!);
    const at = opening.index + opening[0].length - opening[1]!.length - 1;
    if (y) yearClaims.push({ year: y, source: 'opening', start: at, end: at + opening[1]!.length + 1 });
  }
  const firstSentence = new RegExp(`(?:^|\\n)\\s*(?:[^\\n。]{0,6}?)${YEAR}年(?:度|以来)?[,，]`).exec(body);
  if (firstSentence) {
    const y = parseYear(firstSentence[1]!);
    const at = firstSentence.index + firstSentence[0].indexOf(firstSentence[1]!);
    if (y) yearClaims.push({ year: y, source: 'first-sentence', start: at, end: at + firstSentence[1]!.length + 1 });
  }
  let year: number | null = yearClaims[0]?.year ?? null;
  if (year === null && pub) year = Number(pub.slice(0, 4)) - 1;
  return {
    kind,
    title,
    titleStart,
    issuer,
    year,
    yearClaims,
    published: pub,
    publishedSource: pubSource,
    publishedStart: pubStart,
    publishedEnd: pubEnd,
  };
}

function countOf(text: string, word: string): number {
  let count = 0;
  for (let k = text.indexOf(word); k !== -1 && count < 10; k = text.indexOf(word, k + word.length)) count++;
  return count;
}

interface Line {
  text: string;
  start: number;
}

function splitLines(text: string, limit: number): Line[] {
  const out: Line[] = [];
  let s = 0;
  const max = Math.min(text.length, limit);
  while (s < max) {
    let e = text.indexOf('\n', s);
    if (e === -1) e = text.length;
    out.push({ text: text.slice(s, e), start: s });
    s = e + 1;
  }
  return out;
}

function splitTail(text: string, size: number): Line[] {
  const from = Math.max(0, text.length - size);
  const nl = from === 0 ? 0 : text.indexOf('\n', from) + 1;
  if (from > 0 && nl === 0) return [];
  const out: Line[] = [];
  let s = nl;
  while (s < text.length) {
    let e = text.indexOf('\n', s);
    if (e === -1) e = text.length;
    out.push({ text: text.slice(s, e), start: s });
    s = e + 1;
  }
  return out;
}
