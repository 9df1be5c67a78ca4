/**
 * Structure of a report: its headings, the five parts of a 法治政府建设年度报告 (domain-rules 1.7) and the six
 * sections of a 政府信息公开工作年度报告 (domain-rules 2.4.6). Parts are found by headings — numbered
 * (一、 （一） 1. （1）), styled (Word heading styles, HTML h1–h6, Markdown #), at a line start or run into a
 * paragraph after a stop — never by a keyword inside a sentence or a list of what the report contains.
 */
import type { HeadingHint } from './checker.extract';
import type { GiSectionFound, GiSectionId, Heading, PartFound, PartId } from './checker.types';

const CN_ORD: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Longest heading text accepted; a longer run without a stop is a paragraph, not a heading. */
const MAX_HEADING = 60;

function ordinalOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_ORD[s] ?? 0;
  if (s[0] === '十') return 10 + (CN_ORD[s[1] ?? ''] ?? 0);
  if (s.length === 2 && s[1] === '十') return (CN_ORD[s[0]!] ?? 0) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_ORD[s[0]!] ?? 0) * 10 + (CN_ORD[s[2]!] ?? 0);
  return 0;
}

const CN_NUM_CLASS = '[一二三四五六七八九十]';
const MARKER_RE = new RegExp(
  `^(?:(${CN_NUM_CLASS}{1,3})[、．.]|[（(](${CN_NUM_CLASS}{1,3})[）)]|(\\d{1,2})(?:[、．]|\\.(?!\\d))|[（(](\\d{1,2})[）)]|第(${CN_NUM_CLASS}{1,3})(?:部分|章)[、：:\\s　]?)`,
);

/** Reads a heading marker at `p`: its level, ordinal and length. */
function readMarker(text: string, p: number): { level: number; ordinal: number; length: number; marker: string } | null {
  const c = text[p];
  if (c === undefined) return null;
  if (!(CN_ORD[c] !== undefined || c === '（' || c === '(' || c === '第' || (c >= '0' && c <= '9'))) return null;
  const m = MARKER_RE.exec(text.slice(p, p + 10));
  if (!m) return null;
  if (m[1]) return { level: 1, ordinal: ordinalOf(m[1]), length: m[0].length, marker: m[0] };
  if (m[2]) return { level: 2, ordinal: ordinalOf(m[2]), length: m[0].length, marker: m[0] };
  if (m[3]) return { level: 3, ordinal: Number(m[3]), length: m[0].length, marker: m[0] };
  if (m[4]) return { level: 4, ordinal: Number(m[4]), length: m[0].length, marker: m[0] };
  if (m[5]) return { level: 1, ordinal: ordinalOf(m[5]), length: m[0].length, marker: m[0] };
  return null;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '　' || ch === '\t' || ch === '\u00a0';
}

/**
 * Finds the headings of a text: numbered headings at a line start, numbered run-in headings after a stop or a
 * space (a report pasted as one line), and the headings the markup names. Linear in the text length.
 */
export function findHeadings(text: string, hints: HeadingHint[] = []): Heading[] {
  const out: Heading[] = [];
  const n = text.length;
  let lineStart = 0;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    if (!isTableLine(text, lineStart, lineEnd)) {
      let p = lineStart;
      while (p < lineEnd && (isSpace(text[p]) || text[p] === '#' || text[p] === '*' || text[p] === '>')) p++;
      scanLine(text, p, lineEnd, out);
    }
    lineStart = lineEnd + 1;
  }
  const numbered = out.map((o) => o.start); // ascending: lines are scanned in order
  for (const h of hints) {
    if (h.level < 1) continue;
    let lo = 0;
    let hi = numbered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numbered[mid]! < h.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < numbered.length && numbered[lo]! < h.end) continue; // a numbered heading already covers it
    const raw = text.slice(h.start, h.end).trim();
    if (raw.length === 0 || raw.length > 80) continue;
    out.push({ level: h.level, marker: '', ordinal: 0, text: raw.replace(/^[#*\s]+/, ''), start: h.start, end: h.end });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function isTableLine(text: string, a: number, b: number): boolean {
  let bars = 0;
  for (let k = a; k < b && bars < 2; k++) if (text[k] === '|') bars++;
  return bars >= 2;
}

function scanLine(text: string, first: number, lineEnd: number, out: Heading[]): void {
  // The line start, then every run-in position: after a space, or right after 。：: .
  tryAt(text, first, lineEnd, true, out);
  for (let p = first + 1; p < lineEnd; p++) {
    const pc = text.charCodeAt(p - 1);
    // space, ideographic space, tab, nbsp, 。 ： : ！ ？
    if (!(pc === 32 || pc === 0x3000 || pc === 9 || pc === 0xa0 || pc === 0x3002 || pc === 0xff1a || pc === 58 || pc === 0xff01 || pc === 0xff1f)) {
      continue;
    }
    const c = text[p]!;
    if (!(CN_ORD[c] !== undefined || c === '（' || c === '(' || c === '第' || (c >= '0' && c <= '9'))) continue;
    const h = tryAt(text, p, lineEnd, false, out);
    if (h) p = h.end - 1;
  }
}

function tryAt(text: string, p: number, lineEnd: number, atLineStart: boolean, out: Heading[]): Heading | null {
  const mk = readMarker(text, p);
  if (!mk || mk.ordinal === 0) return null;
  let s = p + mk.length;
  while (s < lineEnd && s < p + mk.length + 8 && isSpace(text[s])) s++;
  let e = s;
  const max = Math.min(lineEnd, s + MAX_HEADING);
  while (e < max) {
    const ch = text[e]!;
    if (ch === '。' || ch === '！' || ch === '？' || ch === '：' || ch === ':' || ch === '|') break;
    if (ch === '；' || ch === ';') return null; // 一、…；二、…: items of a list, not headings
    if (isSpace(ch)) {
      // A run-in heading ends at a space (a report pasted as one line); a heading on its own line ends at a
      // space only when another marker or the line end follows.
      if (!atLineStart) break;
      let q = e;
      while (q < lineEnd && q < max && isSpace(text[q])) q++;
      if (q >= lineEnd || readMarker(text, q)) break;
    }
    e++;
  }
  if (e === max && e < lineEnd) return null; // no stop within reach: a paragraph that starts with a number
  const headingText = text.slice(s, e).trim();
  if (headingText.length === 0) return null;
  // 1.8万亩, 3、5项: an Arabic marker followed by a number is not a heading
  if (mk.level >= 3 && /^[\d.．%％]/.test(headingText)) return null;
  // 一、二、三 in a sentence ("分为一、二两类") — the text must contain a word character.
  if (!/[\u4e00-\u9fa5A-Za-z]/.test(headingText)) return null;
  const h: Heading = { level: mk.level, marker: mk.marker, ordinal: mk.ordinal, text: headingText, start: p, end: e };
  out.push(h);
  return h;
}

// ---------------------------------------------------------------------------------------------------------------
// Parts of a 法治政府建设年度报告

const PART_ORDER: PartId[] = ['measures', 'shortcomings', 'first-responsible', 'next-year', 'other'];

/** Part names as the 督察工作规定 words them (domain-rules 1.7). */
export const PART_NAMES: Record<PartId, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  'first-responsible': '党政主要负责人履行推进法治建设第一责任人职责情况',
  'next-year': '下一年度主要安排',
  other: '其他需要报告的情况',
};

function classifyHeading(text: string, isTop: boolean): Set<PartId> {
  const t = text.replace(/[\s“”"'‘’]/g, '');
  const parts = new Set<PartId>();
  if (/第一责任|主要负责(人|同志)[^。]{0,12}(职责|责任|履职|情况)|一把手[^。]{0,8}(职责|责任)|主要领导[^。]{0,8}(履行|履职|职责|责任)/.test(t)) {
    parts.add('first-responsible');
  }
  const strongShort = /存在的?(主要|突出)?(问题|不足|困难|短板)|不足(和|与|及)(其)?原因|问题(和|与|及)不足|差距(和|与|及)不足|短板(和|与|及)弱项|薄弱环节/;
  const looseShort = /不足|问题|短板|差距|困难|薄弱/;
  if (strongShort.test(t) || (isTop && looseShort.test(t) && !/解决[^。]{0,10}问题/.test(t))) parts.add('shortcomings');
  const strongNext = /下一?年度|下一步|下步|明年|来年|下阶段|下一阶段|今后(工作|一个时期)|(19|20)\d{2}年度?[^。]{0,16}(安排|计划|思路|打算|重点|目标|设想|展望)/;
  const looseNext = /工作(安排|计划|思路|打算|重点|设想|展望)|努力方向|改进(措施|举措|方向)|下一步|整改(措施|方向)/;
  if (strongNext.test(t) || (isTop && looseNext.test(t))) parts.add('next-year');
  const strongOther = /其[他它](需要|应当|需)?(报告|说明)的?(情况|事项)|需要报告的其[他它]|其[他它]需报告/;
  if (strongOther.test(t) || (isTop && /^其[他它](情况|事项|工作)?$/.test(t))) parts.add('other');
  if (parts.size === 0) {
    const strongMeasures = /主要举措|举措(和|与|及)成效|主要(做法|成效|工作)|工作成效|取得的?(成效|成绩)/;
    const looseMeasures = /(工作|建设|开展|落实|推进|进展|完成|总体|基本)(的)?情况|工作回顾|主要做法|成效|成绩|做法/;
    if (strongMeasures.test(t) || (isTop && looseMeasures.test(t))) parts.add('measures');
  }
  return parts;
}

/**
 * Finds the five parts of a 法治政府建设年度报告 among the headings. A heading may open two parts
 * (五、存在问题及下一步工作思路). When no heading names 主要举措和成效 but thematic top-level headings come before
 * the 不足 part, the first of them is taken as the measures part, marked `inferred`.
 */
export function findParts(text: string, headings: Heading[]): { parts: PartFound[]; missing: PartId[] } {
  const top = topLevel(headings);
  const found = new Map<PartId, PartFound>();
  const classified: Array<{ h: Heading; parts: Set<PartId> }> = [];
  for (const h of headings) {
    const parts = classifyHeading(h.text, h.level === top);
    classified.push({ h, parts });
    for (const part of parts) {
      if (!found.has(part)) found.set(part, { part, heading: h.text, start: h.start, level: h.level });
    }
  }
  if (!found.has('measures')) {
    const firstOther = classified.find((c) => c.h.level === top && c.parts.size > 0 && !c.parts.has('measures'));
    const limit = firstOther ? firstOther.h.start : text.length;
    const thematic = classified.find((c) => c.h.level === top && c.parts.size === 0 && c.h.start < limit);
    if (thematic && firstOther) {
      found.set('measures', {
        part: 'measures',
        heading: thematic.h.text,
        start: thematic.h.start,
        level: thematic.h.level,
        inferred: true,
      });
    }
  }
  const parts = PART_ORDER.filter((p) => found.has(p)).map((p) => found.get(p)!);
  parts.sort((a, b) => a.start - b.start);
  return { parts, missing: PART_ORDER.filter((p) => !found.has(p)) };
}

function topLevel(headings: Heading[]): number {
  let top = Infinity;
  for (const h of headings) if (h.level >= 1 && h.level < top) top = h.level;
  return top;
}

/**
 * The end of the part that starts at heading `start`: the next heading at the same or a higher level that opens
 * another part, or the next top-level heading.
 */
export function partEnd(text: string, headings: Heading[], parts: PartFound[], part: PartFound): number {
  const top = topLevel(headings);
  let end = text.length;
  for (const p of parts) if (p.start > part.start && p.level <= part.level && p.start < end) end = p.start;
  for (const h of headings) {
    if (h.start > part.start && h.level <= Math.min(part.level, top) && h.start < end) {
      end = h.start;
      break;
    }
  }
  return end;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections of a GI report (2021 format, domain-rules 2.4.6)

/** Headings of the six sections, as the 2021 format words them. */
export const GI_SECTION_NAMES: Record<GiSectionId, string> = {
  1: '总体情况',
  2: '主动公开政府信息情况',
  3: '收到和处理政府信息公开申请情况',
  4: '政府信息公开行政复议、行政诉讼情况',
  5: '存在的主要问题及改进情况',
  6: '其他需要报告的事项',
};

const GI_SECTION_PATTERNS: Array<[GiSectionId, RegExp]> = [
  [1, /总体情况|基本情况|概述/],
  [2, /主动公开/],
  [3, /收到和处理|依申请公开|申请(的)?(情况|办理)|处理政府信息公开申请/],
  [4, /行政复议|行政诉讼/],
  [5, /存在的?(主要)?问题|问题(及|和|与)改进|改进情况/],
  [6, /其[他它](需要)?报告|其[他它]事项|其[他它]情况/],
];

/** Finds the six sections of a GI report among the headings (first matching heading of each). */
export function findGiSections(headings: Heading[]): { sections: GiSectionFound[]; missing: GiSectionId[] } {
  const found = new Map<GiSectionId, GiSectionFound>();
  const top = topLevel(headings);
  for (const h of headings) {
    if (h.level !== top && h.level !== 1) continue;
    const t = h.text.replace(/\s/g, '');
    if (t.length > 40) continue;
    for (const [id, re] of GI_SECTION_PATTERNS) {
      if (found.has(id) || !re.test(t)) continue;
      // 主动公开 also appears in 收到和处理 headings? no — but 行政复议 rows of tables are not top headings.
      found.set(id, { section: id, heading: h.text, start: h.start });
      break;
    }
  }
  const ids: GiSectionId[] = [1, 2, 3, 4, 5, 6];
  return {
    sections: ids.filter((i) => found.has(i)).map((i) => found.get(i)!),
    missing: ids.filter((i) => !found.has(i)),
  };
}
