/**
 * Comparison with the same unit's report of the previous year: sentences repeated word for word (a report
 * copied forward without a data check — house-style C.2, the 东莞 2010 case), figures repeated unchanged, and a
 * previous report that claims the same year.
 */
import type { FigureX } from './checker.figures';
import type { TextIndex } from './checker.text';
import type { Finding } from './checker.types';

/** Shortest sentence (in Han characters) compared; shorter ones are set phrases. */
const MIN_SENTENCE_HAN = 15;
/** Most findings listed individually per kind. */
const MAX_LISTED = 30;

export interface ReportSide {
  text: string;
  index: TextIndex;
  figures: FigureX[];
  year: number | null;
}

function sentenceKey(s: string): string {
  return s.replace(/[^\u4e00-\u9fa5A-Za-z0-9]/g, '');
}

function hanCount(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x4e00 && c <= 0x9fa5) n++;
  }
  return n;
}

/** What a figure counts and its value; the label's last words only, as sentences get reworded around them. */
function figureKey(f: FigureX): string {
  return `${f.before.slice(-6)}|${f.after}|${f.unit}|${f.value}`;
}

/**
 * Finds what the current report repeats unchanged from the previous one. Linear in both texts (hash sets).
 */
export function comparePrevious(cur: ReportSide, prev: ReportSide): Finding[] {
  const findings: Finding[] = [];
  if (cur.year !== null && prev.year !== null && cur.year === prev.year) {
    findings.push({
      rule: 'previous.same-year',
      severity: 'warning',
      message: `作为上年报告提供的文件与本报告的报告年度相同（均为${cur.year}年），请确认是否选错了文件`,
      start: 0,
      end: 0,
    });
  }
  // 1. Sentences of the previous report.
  const prevSentences = new Set<string>();
  for (let k = 0; k < prev.index.sentenceStarts.length; k++) {
    const s = prev.text.slice(prev.index.sentenceStarts[k], prev.index.sentenceEnd(k));
    if (hanCount(s) >= MIN_SENTENCE_HAN) prevSentences.add(sentenceKey(s));
  }
  // 2. Sentences of this report found there.
  const figuresBySentence = new Map<number, FigureX[]>();
  for (const f of cur.figures) {
    const list = figuresBySentence.get(f.sentence);
    if (list) list.push(f);
    else figuresBySentence.set(f.sentence, [f]);
  }
  let repeatedChars = 0;
  let comparedChars = 0;
  const repeatedSpans: Array<{ start: number; end: number }> = [];
  const repeatedSentences = new Set<number>();
  let listedFigures = 0;
  for (let k = 0; k < cur.index.sentenceStarts.length; k++) {
    const a = cur.index.sentenceStarts[k]!;
    const b = cur.index.sentenceEnd(k);
    const s = cur.text.slice(a, b);
    const han = hanCount(s);
    if (han < MIN_SENTENCE_HAN) continue;
    comparedChars += han;
    if (!prevSentences.has(sentenceKey(s))) continue;
    repeatedChars += han;
    repeatedSentences.add(k);
    const end = a + s.trimEnd().length;
    repeatedSpans.push({ start: a, end });
    const figs = (figuresBySentence.get(k) ?? []).filter((f) => f.kind !== 'duration');
    if (figs.length > 0 && listedFigures < MAX_LISTED) {
      listedFigures++;
      findings.push({
        rule: 'previous.repeated-figures',
        severity: 'warning',
        message: `此句连同其中的数字（${figs.map((f) => f.text).join('、')}）与上年报告一字不差，请核实数据是否已按本年度更新`,
        start: a,
        end,
        spans: figs.map((f) => ({ start: f.start, end: f.end })),
      });
    }
  }
  if (repeatedSpans.length > 0) {
    const share = comparedChars > 0 ? repeatedChars / comparedChars : 0;
    const pctText = (share * 100).toFixed(1);
    findings.push({
      rule: 'previous.repeated-text',
      severity: share >= 0.3 ? 'warning' : 'info',
      message: `${repeatedSpans.length}句（约占正文${pctText}%）与上年报告逐字相同${share >= 0.3 ? '，报告可能沿用了上年文字' : ''}`,
      start: repeatedSpans[0]!.start,
      end: repeatedSpans[0]!.end,
      spans: repeatedSpans.slice(0, 200),
    });
  }
  // 3. Figures repeated unchanged in sentences that were rewritten: same label, unit and value.
  const prevKeys = new Map<string, FigureX>();
  for (const f of prev.figures) {
    if (f.approx || f.kind === 'rate' || f.kind === 'duration') continue;
    prevKeys.set(figureKey(f), f);
  }
  let listed = 0;
  for (const f of cur.figures) {
    if (listed >= MAX_LISTED) break;
    if (repeatedSentences.has(f.sentence) || f.approx || f.kind === 'rate' || f.kind === 'duration') continue;
    if (f.value < 10 && f.decimals === 0) continue;
    if ((f.before + f.after).replace(/[^\u4e00-\u9fa5]/g, '').length < 3) continue;
    const twin = prevKeys.get(figureKey(f));
    if (!twin) continue;
    listed++;
    findings.push({
      rule: 'previous.same-figure',
      severity: 'info',
      message: `“${f.before}${f.text}${f.after}”与上年报告的数字相同，请确认是否为本年度数据`,
      start: f.start,
      end: f.end,
    });
  }
  return findings;
}
