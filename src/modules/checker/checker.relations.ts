/**
 * Relations the text states between figures, and their verdicts:
 * - a rate against its numerator and denominator (调解87起，成功85起，成功率98%), the numerator possibly a sum;
 * - a total against its listed parts (共…其中…, a breakdown in the next sentence, 共…：…);
 * - a share after a part (59件、占45.3%);
 * - one rate shared by several metrics (均达100%);
 * - the same quantity stated twice with different values.
 * Tolerance: a percentage holds if the computed value rounded to the written precision equals it; one that
 * equals the truncated value only is a warning; sums of rounded decimals allow half a unit per term.
 * Growth rates and rates without a base are listed as unverifiable. Pairings are capped per rate, so the work
 * per figure is bounded and the whole check stays linear.
 */
import type { FigureX } from './checker.figures';
import { isRateWord } from './checker.figures';
import { formatNumber, percentOf } from './checker.numbers';
import type { TextIndex } from './checker.text';
import type { Operand, Relation, Verdict } from './checker.types';

/** Nearest candidate figures considered for one rate. */
const MAX_CANDIDATES = 8;
/** Longest run of counts summed into one numerator. */
const MAX_SUM_TERMS = 4;
/** Most `repeat` relations reported per report. */
const MAX_REPEATS = 100;
/** How far (in characters) from a rate or a 其中 the checker looks for the figures it relates. */
const WINDOW = 400;
/** How many figures the checker steps over from one figure, at most. */
const MAX_STEPS = 60;
/** Most 其中 breakdowns read in one sentence. */
const MAX_MARKERS_PER_SENTENCE = 20;

const GROWTH_WORDS = /同比|环比|比上年|较上年|比去年|较去年|比上一年|较上一年|增长|下降|增加|减少|提高|降低|上升|提升|增幅|降幅|增速|下滑|回落|减幅|递增|递减/g;

function op(f: FigureX, role: Operand['role']): Operand {
  return { text: f.text, value: f.value, start: f.start, end: f.end, role };
}

function isCountLike(f: FigureX): boolean {
  return f.kind === 'count';
}

function isAdditive(f: FigureX): boolean {
  return f.kind === 'count' || f.kind === 'money' || f.kind === 'measure';
}

/** Tolerance of a written value: half a unit of its last digit when it was rounded (decimals or 万/亿). */
function tolerance(f: FigureX): number {
  return f.decimals > 0 || f.precision > 1 ? f.precision / 2 : 0;
}

const NAME_LEAD = /^(做到|确保|实现|保持|力争|推动|使|让|将|其中|全区|全县|全市|全镇|全年|各级|全部|所有|我区|我县|我市|我镇)+/;

/** The name of a rate from its label (`全区各级行政机关负责人出庭应诉率` → `行政机关负责人出庭应诉率`). */
function rateName(f: FigureX): string {
  const label = f.before.replace(NAME_LEAD, '');
  const m = /([\u4e00-\u9fa5]{1,14}率)$/.exec(label);
  return m && isRateWord(m[1]!) ? m[1]! : label.slice(-12);
}

function pct(f: FigureX): string {
  return f.implicitPercent ? `${f.text}（未写百分号，按${formatNumber(f.value, f.decimals)}%理解）` : f.text;
}

type RateClass = 'growth' | 'share' | 'shared' | 'plain';

/**
 * Finds every relation the text states between its figures and checks it.
 */
export function findRelations(text: string, figures: FigureX[], index: TextIndex): Relation[] {
  const relations: Relation[] = [];
  const bySentence = groupBySentence(figures);
  const totals = findTotals(text, figures, bySentence, index, relations);
  const rates = figures.filter((f) => f.kind === 'rate' || f.kind === 'points');
  const classes = new Map<FigureX, RateClass>();
  for (const r of rates) classes.set(r, classifyRate(text, r));
  for (const r of rates) {
    const cls = classes.get(r)!;
    if (cls === 'growth') {
      relations.push(unverifiable(r, 'rate.growth', `${r.text}为增减幅度（${growthWord(text, r)}），缺少基期数值，无法核对`));
    }
  }
  checkShares(text, rates.filter((r) => classes.get(r) === 'share'), figures, totals, relations);
  checkSharedRates(text, rates.filter((r) => classes.get(r) === 'shared'), figures, index, relations);
  checkPlainRates(text, rates.filter((r) => classes.get(r) === 'plain'), figures, index, relations);
  findImplicitTotals(text, bySentence, relations);
  const inBreakdown = new Set<FigureX>(totals.flatMap((g) => [g.total, ...g.parts]));
  findRepeats(text, figures, index, relations, inBreakdown);
  relations.sort((a, b) => a.start - b.start || a.end - b.end);
  return relations;
}

function groupBySentence(figures: FigureX[]): Map<number, FigureX[]> {
  const map = new Map<number, FigureX[]>();
  for (const f of figures) {
    const list = map.get(f.sentence);
    if (list) list.push(f);
    else map.set(f.sentence, [f]);
  }
  return map;
}

function growthWord(text: string, r: FigureX): string {
  return growthWordOf(clauseBefore(text, r.start, 24)) ?? '增减';
}

/** The text of the clause before `pos` (back to a comma, stop or line break), at most `max` characters. */
function clauseBefore(text: string, pos: number, max: number): string {
  let k = pos;
  const min = Math.max(0, pos - max);
  while (k > min) {
    const ch = text[k - 1]!;
    if (ch === '，' || ch === ',' || ch === '。' || ch === '；' || ch === ';' || ch === '\n' || ch === '！' || ch === '？') break;
    k--;
  }
  return text.slice(k, pos);
}

function classifyRate(text: string, r: FigureX): RateClass {
  if (r.kind === 'points') return 'growth';
  if (growthWordOf(clauseBefore(text, r.start, 24)) !== null) return 'growth';
  const near = text.slice(Math.max(0, r.start - 8), r.start);
  if (/占[^，,。；;]{0,8}$/.test(near) || /占比[^，,。；;]{0,3}$/.test(near)) return 'share';
  if (/(均|都|全部|皆|分别)(达到|达|为|是|实现|保持|在)?(了)?$/.test(near)) return 'shared';
  return 'plain';
}

/**
 * The growth word (增长, 同比, 下降 …) that governs a rate at the end of `clause`, or null. 提高到/提升至 name a
 * level, not a change, and do not count.
 */
function growthWordOf(clause: string): string | null {
  let last: RegExpExecArray | null = null;
  GROWTH_WORDS.lastIndex = 0;
  for (let m = GROWTH_WORDS.exec(clause); m !== null; m = GROWTH_WORDS.exec(clause)) last = m;
  if (!last) return null;
  const rest = clause.slice(last.index + last[0].length).replace(/^了/, '');
  if (/^(至|到|为)/.test(rest) || rest.length > 6) return null;
  return last[0];
}

function unverifiable(r: FigureX, rule: string, message: string): Relation {
  return {
    type: 'rate',
    verdict: 'unverifiable',
    stated: op(r, 'stated'),
    operands: [],
    message,
    rule,
    start: r.start,
    end: r.end,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rates

interface Pairing {
  numerator: FigureX[];
  denominator: FigureX;
  rounded: number;
  truncated: number;
  exact: number;
  score: number;
}

/**
 * The counts a rate may be computed from: those before it in its sentence, and — when its sentence has fewer
 * than two — those of the previous sentence on the same line after that sentence's last rate. Bounded by
 * WINDOW characters and MAX_STEPS figures.
 */
function candidatesFor(
  r: FigureX,
  figures: FigureX[],
  index: TextIndex,
  consumed: Set<FigureX>,
): { cands: FigureX[]; sameSentence: FigureX[] } {
  const usable = (f: FigureX) => isCountLike(f) && !f.approx && !consumed.has(f);
  const own: FigureX[] = [];
  let k = r.index - 1;
  for (let steps = 0; k >= 0 && steps < MAX_STEPS; k--, steps++) {
    const f = figures[k]!;
    if (f.sentence !== r.sentence || r.start - f.end > WINDOW) break;
    if (usable(f) && own.length < MAX_CANDIDATES) own.push(f);
  }
  own.reverse();
  let cands = own;
  const s = r.sentence;
  if (own.length < 2 && s > 0 && index.sentenceLine[s - 1] === index.sentenceLine[s]) {
    const prev: FigureX[] = [];
    for (let steps = 0; k >= 0 && steps < MAX_STEPS; k--, steps++) {
      const f = figures[k]!;
      if (f.sentence !== s - 1 || r.start - f.end > WINDOW) break;
      if (f.kind === 'rate') break; // a rate in the previous sentence owns the figures before it
      if (usable(f) && prev.length + own.length < MAX_CANDIDATES) prev.push(f);
    }
    cands = [...prev.reverse(), ...own];
  }
  return { cands, sameSentence: own };
}

function enumeratePairings(r: FigureX, cands: FigureX[]): Pairing[] {
  const out: Pairing[] = [];
  const decimals = r.decimals;
  const allowOver = r.value > 100;
  for (let di = 0; di < cands.length; di++) {
    const d = cands[di]!;
    if (d.value <= 0) continue;
    for (let ni = 0; ni < cands.length; ni++) {
      if (ni === di) continue;
      const nf = cands[ni]!;
      if (nf.group !== d.group) continue;
      if (nf.value > d.value && !allowOver) continue;
      const p = percentOf(nf.value, d.value, decimals);
      const score = (di < ni ? 0 : 2) + (cands.length - Math.min(ni, di)) * 0.01;
      out.push({ numerator: [nf], denominator: d, ...p, score });
    }
    // Sums of consecutive counts as numerator (共受理A件，办结B件、移送C件，处理率…): only after the
    // denominator and in the rate's own sentence, where a coincidence is least likely.
    if (d.sentence !== r.sentence) continue;
    for (let a = di + 1; a < cands.length; a++) {
      let sum = 0;
      const run: FigureX[] = [];
      for (let b = a; b < cands.length && run.length < MAX_SUM_TERMS; b++) {
        const f = cands[b]!;
        if (b === di || f.group !== d.group) break;
        run.push(f);
        sum += f.value;
        if (run.length >= 2 && sum <= d.value) {
          const p = percentOf(sum, d.value, decimals);
          out.push({ numerator: [...run], denominator: d, ...p, score: 5 });
        }
      }
    }
  }
  return out;
}

function matchesRounded(r: FigureX, p: Pairing): boolean {
  if (r.hedge === '以上' || r.hedge === '超' || r.hedge === '超过' || r.hedge === '逾') return p.rounded >= r.value;
  if (r.hedge === '以下' || r.hedge === '以内' || r.hedge === '不足' || r.hedge === '不到') return p.rounded <= r.value;
  return p.rounded === r.value;
}

function describePairing(p: Pairing): string {
  const num = p.numerator.length === 1 ? p.numerator[0]!.text : `(${p.numerator.map((f) => f.text).join('+')})`;
  return `${num}÷${p.denominator.text}`;
}

function pairingOperands(p: Pairing): Operand[] {
  return [...p.numerator.map((f) => op(f, 'numerator')), op(p.denominator, 'denominator')];
}

function rateRelation(
  r: FigureX,
  p: Pairing,
  verdict: Verdict,
  type: 'rate' | 'share',
  message: string,
): Relation {
  const ops = pairingOperands(p);
  return {
    type,
    verdict,
    stated: op(r, 'stated'),
    operands: ops,
    computed: Number(p.exact.toFixed(6)),
    message,
    rule: `${type}.${verdict === 'error' ? 'mismatch' : verdict === 'warning' ? 'truncated' : 'value'}`,
    start: Math.min(r.start, ...ops.map((o) => o.start)),
    end: Math.max(r.end, ...ops.map((o) => o.end)),
  };
}

function checkPlainRates(text: string, rates: FigureX[], figures: FigureX[], index: TextIndex, out: Relation[]): void {
  const consumed = new Set<FigureX>();
  const pending: FigureX[] = [];
  // Pass 1: rates whose value some pairing reproduces, by rounding.
  for (const r of rates) {
    const { cands } = candidatesFor(r, figures, index, new Set());
    const hit = best(enumeratePairings(r, cands).filter((p) => matchesRounded(r, p)));
    if (hit) {
      const name = rateName(r);
      const msg = `${name}${pct(r)}与${describePairing(hit)}=${formatNumber(hit.exact, r.decimals + 2)}%相符`;
      out.push(rateRelation(r, hit, 'holds', 'rate', msg));
      for (const f of [...hit.numerator, hit.denominator]) consumed.add(f);
    } else pending.push(r);
  }
  // Pass 2: the others, with the operands of matched rates set aside.
  for (const r of pending) {
    const name = rateName(r);
    const isRate = /率$/.test(name);
    if (!r.hedge && isRate && r.value > 100) {
      out.push({
        type: 'rate',
        verdict: 'error',
        stated: op(r, 'stated'),
        operands: [],
        message: `${name}写作${r.text}，比率不可能超过100%`,
        rule: 'rate.mismatch',
        start: r.start,
        end: r.end,
      });
      continue;
    }
    const { cands, sameSentence } = candidatesFor(r, figures, index, consumed);
    const pairings = enumeratePairings(r, cands);
    const trunc = best(pairings.filter((p) => p.truncated === r.value && !r.hedge));
    if (trunc) {
      const msg =
        `${name}写作${pct(r)}，按${describePairing(trunc)}计算为${formatNumber(trunc.exact, r.decimals + 2)}%，` +
        `四舍五入应为${formatNumber(trunc.rounded, r.decimals)}%（疑为截断而非四舍五入）`;
      out.push(rateRelation(r, trunc, 'warning', 'rate', msg));
      continue;
    }
    // An error needs an unambiguous pairing: exactly two comparable counts stated before the rate.
    const window = sameSentence.length >= 2 ? sameSentence : cands;
    const clear = clearPair(window);
    if (clear && !r.hedge && stemSupports(name, clear.n, clear.d)) {
      const p = percentOf(clear.n.value, clear.d.value, r.decimals);
      const pairing: Pairing = { numerator: [clear.n], denominator: clear.d, ...p, score: 0 };
      const msg =
        `${name}写作${pct(r)}，但按${describePairing(pairing)}计算应为${formatNumber(p.rounded, r.decimals)}%` +
        `（精确值${formatNumber(p.exact, 4)}%）`;
      out.push(rateRelation(r, pairing, 'error', 'rate', msg));
      continue;
    }
    const reason = r.hedge
      ? `${name}${r.text}为约数或目标值，文中未给出可核对的分子和分母`
      : cands.length < 2
        ? `${name}${pct(r)}：文中未给出可核对的分子和分母`
        : `${name}${pct(r)}：无法从上下文确定分子和分母，未能核对`;
    out.push(unverifiable(r, 'rate.unverifiable', reason));
  }
  void text;
}

function clearPair(window: FigureX[]): { n: FigureX; d: FigureX } | null {
  if (window.length !== 2) return null;
  const [a, b] = window as [FigureX, FigureX];
  if (a.group !== b.group || a.value === b.value) return null;
  return a.value > b.value ? { n: b, d: a } : { n: a, d: b };
}

/**
 * True when the rate's name points at the numerator: every character of the name (less 率) is found in the
 * labels of the numerator or the denominator, and at least one only in the numerator's (在线调解成功率 over
 * 在线调解总数 and 调解成功: 成功). Without that evidence a mismatch may mean another numerator (按时答复率 is not
 * 答复÷受理; 调解率 is not 调解成功÷调解), so it is not called an error.
 */
function stemSupports(name: string, n: FigureX, d: FigureX): boolean {
  if (!name.endsWith('率') || !isRateWord(name)) return false;
  const stem = name.slice(0, -1);
  const nl = n.before + n.after;
  const dl = d.before + d.after;
  let distinguishing = false;
  for (const ch of stem) {
    const inN = nl.includes(ch);
    const inD = dl.includes(ch);
    if (!inN && !inD) return false;
    if (inN && !inD) distinguishing = true;
  }
  return distinguishing;
}

function best(ps: Pairing[]): Pairing | null {
  let bestP: Pairing | null = null;
  for (const p of ps) if (!bestP || p.score < bestP.score) bestP = p;
  return bestP;
}

// ---------------------------------------------------------------------------------------------------------------
// Shares: 59件、占45.3%

function checkShares(text: string, shares: FigureX[], figures: FigureX[], totals: TotalGroup[], out: Relation[]): void {
  const totalOf = new Map<FigureX, FigureX>();
  for (const g of totals) for (const p of g.parts) totalOf.set(p, g.total);
  for (const r of shares) {
    const idx = r.index;
    let part: FigureX | null = null;
    for (let k = idx - 1; k >= 0 && k >= idx - 3; k--) {
      const f = figures[k]!;
      if (f.sentence !== r.sentence) break;
      if (!isAdditive(f)) continue;
      if (r.start - f.end <= 8) part = f;
      break;
    }
    const name = `占比${r.text}`;
    if (!part) {
      out.push(unverifiable(r, 'share.unverifiable', `${name}：前面没有可对应的数量，无法核对`));
      continue;
    }
    let total: FigureX | null = totalOf.get(part) ?? null;
    if (!total) {
      // A total named before the part in the same or previous sentence: 共/总/合计/累计 in its label.
      for (let k = part.index - 1, steps = 0; k >= 0 && steps < MAX_STEPS; k--, steps++) {
        const f = figures[k]!;
        if (f.sentence < part.sentence - 1 || part.start - f.end > WINDOW) break;
        if (f.group === part.group && f.kind === part.kind && f.value >= part.value && /共|总|合计|累计|全年|全部/.test(text.slice(Math.max(0, f.start - 12), f.start))) {
          total = f;
          break;
        }
      }
    }
    if (!total || total.approx || part.approx || total.value <= 0) {
      out.push(unverifiable(r, 'share.unverifiable', `${name}：未找到对应的总数，无法核对${part.text}所占比例`));
      continue;
    }
    const p = percentOf(part.value, total.value, r.decimals);
    const pairing: Pairing = { numerator: [part], denominator: total, ...p, score: 0 };
    if (p.rounded === r.value) {
      out.push(rateRelation(r, pairing, 'holds', 'share', `${part.text}占${total.text}的${formatNumber(p.exact, r.decimals + 2)}%，与${r.text}相符`));
    } else if (p.truncated === r.value) {
      out.push(
        rateRelation(r, pairing, 'warning', 'share', `${part.text}占${total.text}的${formatNumber(p.exact, r.decimals + 2)}%，四舍五入应为${formatNumber(p.rounded, r.decimals)}%，文中写作${r.text}（疑为截断）`),
      );
    } else {
      out.push(
        rateRelation(r, pairing, 'error', 'share', `${part.text}占${total.text}应为${formatNumber(p.rounded, r.decimals)}%（精确值${formatNumber(p.exact, 4)}%），文中写作${r.text}`),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// One rate for several metrics: 公示率、记录率、审核率均达100%

function checkSharedRates(text: string, shared: FigureX[], figures: FigureX[], index: TextIndex, out: Relation[]): void {
  for (const r of shared) {
    const sStart = index.sentenceStarts[r.sentence]!;
    const before = text.slice(Math.max(sStart, r.start - 80), r.start);
    const names = [...before.matchAll(/[\u4e00-\u9fa5]{1,10}?率/g)].map((m) => m[0]).filter(isRateWord);
    const { cands } = candidatesFor(r, figures, index, new Set());
    // Disjoint pairings that reproduce the rate, nearest first.
    const used = new Set<FigureX>();
    const matched: Pairing[] = [];
    for (const p of enumeratePairings(r, cands).filter((q) => q.numerator.length === 1 && matchesRounded(r, q)).sort((a, b) => a.score - b.score)) {
      const fs = [...p.numerator, p.denominator];
      if (fs.some((f) => used.has(f))) continue;
      fs.forEach((f) => used.add(f));
      matched.push(p);
    }
    const metrics = names.length > 0 ? names.join('、') : '各项';
    const need = Math.max(2, names.length);
    if (matched.length >= need) {
      const ops = matched.flatMap(pairingOperands);
      out.push({
        type: 'shared-rate',
        verdict: 'holds',
        stated: op(r, 'stated'),
        operands: ops,
        message: `${metrics}均为${r.text}：${matched.map(describePairing).join('，')}均相符`,
        rule: 'rate.shared',
        start: Math.min(r.start, ...ops.map((o) => o.start)),
        end: r.end,
      });
    } else {
      out.push({
        type: 'shared-rate',
        verdict: 'unverifiable',
        stated: op(r, 'stated'),
        operands: [],
        message: `${metrics}均为${r.text}：文中未给出各项的分子和分母，无法逐项核对`,
        rule: 'rate.unverifiable',
        start: r.start,
        end: r.end,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Totals: 共…其中…

interface TotalGroup {
  total: FigureX;
  parts: FigureX[];
  marker: number;
}

const NEW_TOTAL_RE = /(共|合计|总计|累计|总数)[^，,。；;]{0,12}$/;
/** A clause about an outcome (办结, 答复 …) after the first part is not one of the categories of a breakdown. */
const OUTCOME_RE = /(办结|审结|结案|答复|办理完毕|化解|成功|满意|按期|按时|到期)[^，,。；;]{0,10}$/;

function findTotals(
  text: string,
  figures: FigureX[],
  bySentence: Map<number, FigureX[]>,
  index: TextIndex,
  out: Relation[],
): TotalGroup[] {
  const groups: TotalGroup[] = [];
  const structures: TotalGroup[][] = [];
  const starts = figures.map((f) => f.start);
  const markersInSentence = new Map<number, number>();
  // 1. 其中 markers.
  for (let k = text.indexOf('其中'); k !== -1; k = text.indexOf('其中', k + 2)) {
    const s = index.sentenceAt(k);
    const seen = markersInSentence.get(s) ?? 0;
    if (seen >= MAX_MARKERS_PER_SENTENCE) continue;
    markersInSentence.set(s, seen + 1);
    const sStart = index.sentenceStarts[s]!;
    const sEnd = index.sentenceEnd(s);
    const atStart = k - sStart <= 4 && /^[\s“"（(]*$/.test(text.slice(sStart, k));
    const firstAfter = lowerBound(starts, k);
    let totalScope: FigureX[];
    if (atStart) {
      if (s === 0) continue;
      totalScope = walkBack(figures, firstAfter - 1, (f) => f.sentence === s - 1 && k - f.end <= WINDOW).filter((f) => !f.inParens);
    } else {
      const clipAt = clipBack(text, k, Math.max(sStart, k - WINDOW));
      totalScope = walkBack(figures, firstAfter - 1, (f) => f.sentence === s && f.start >= clipAt).filter((f) => !f.inParens);
    }
    const nextMarker = text.indexOf('其中', k + 2);
    const partsEnd = Math.min(nextMarker !== -1 && nextMarker < sEnd ? nextMarker : sEnd, k + WINDOW);
    const partScope: FigureX[] = [];
    for (let j = firstAfter, steps = 0; j < figures.length && steps < MAX_STEPS; j++, steps++) {
      const f = figures[j]!;
      if (f.start >= partsEnd) break;
      if (f.inParens) continue;
      if (partScope.length > 0 && NEW_TOTAL_RE.test(clauseBefore(text, f.start, 16))) break;
      if (partScope.length > 0 && OUTCOME_RE.test(clauseBefore(text, f.start, 16))) continue;
      partScope.push(f);
    }
    const structure = buildGroups(totalScope, partScope, k);
    if (structure.length > 0) structures.push(structure);
  }
  // 2. A total followed by a colon: 共受理28件：予以公开20件，…
  for (const f of figures) {
    const next = text[f.end];
    if ((next !== '：' && next !== ':') || !isAdditive(f) || f.inParens) continue;
    const sEnd = Math.min(index.sentenceEnd(f.sentence), f.end + WINDOW);
    const partScope: FigureX[] = [];
    for (let j = f.index + 1, steps = 0; j < figures.length && steps < MAX_STEPS; j++, steps++) {
      const g = figures[j]!;
      if (g.start >= sEnd) break;
      if (!g.inParens) partScope.push(g);
    }
    const structure = buildGroups([f], partScope, f.end);
    if (structure.length > 0) structures.push(structure);
  }
  void bySentence;
  for (const structure of structures) {
    for (const g of structure) {
      groups.push(g);
      out.push(checkTotal(g, structure));
    }
  }
  return groups;
}

/** Index of the first start ≥ pos in a sorted array. */
function lowerBound(arr: number[], pos: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Figures from `from` backwards while `keep` holds, at most MAX_STEPS, in text order. */
function walkBack(figures: FigureX[], from: number, keep: (f: FigureX) => boolean): FigureX[] {
  const out: FigureX[] = [];
  for (let j = from, steps = 0; j >= 0 && steps < MAX_STEPS; j--, steps++) {
    const f = figures[j]!;
    if (!keep(f)) break;
    out.push(f);
  }
  return out.reverse();
}

/** Where the totals of a 其中 at `k` may start: after the last ；or 其中 before it, not before `min`. */
function clipBack(text: string, k: number, min: number): number {
  for (let p = k - 1; p >= min; p--) {
    const ch = text[p];
    if (ch === '；' || ch === ';') return p + 1;
    if (ch === '中' && text[p - 1] === '其' && p - 1 >= min) return p + 1;
  }
  return min;
}

function buildGroups(totalScope: FigureX[], partScope: FigureX[], marker: number): TotalGroup[] {
  const lastByUnit = new Map<string, FigureX>();
  for (const f of totalScope) if (isAdditive(f)) lastByUnit.set(`${f.kind}|${f.unit}`, f);
  const out: TotalGroup[] = [];
  for (const [key, total] of lastByUnit) {
    let parts = partScope.filter((f) => isAdditive(f) && `${f.kind}|${f.unit}` === key);
    if (parts.length === 0) continue;
    // When the parts overshoot but a leading run of them adds up to the total exactly, the breakdown is that
    // run and the sentence goes on with other facts.
    let run = 0;
    for (let j = 0; j < parts.length; j++) {
      run += parts[j]!.value;
      if (j >= 1 && j < parts.length - 1 && Math.abs(run - total.value) <= tolerance(total) + 1e-9) {
        parts = parts.slice(0, j + 1);
        break;
      }
    }
    if (parts.length === 1 && parts[0]!.value <= total.value + tolerance(total) + tolerance(parts[0]!)) continue;
    out.push({ total, parts, marker });
  }
  return out;
}

function sameDigits(a: number, b: number): boolean {
  const sa = String(a).split('').sort().join('');
  const sb = String(b).split('').sort().join('');
  return sa === sb && a !== b;
}

function checkTotal(g: TotalGroup, structure: TotalGroup[]): Relation {
  const { total, parts } = g;
  const sum = parts.reduce((s, f) => s + f.value, 0);
  const tol = tolerance(total) + parts.reduce((s, f) => s + tolerance(f), 0);
  const diff = sum - total.value;
  const unitLabel = total.unit;
  const fmt = (v: number) => formatNumber(scaleForDisplay(v, total), 4) + displayUnit(total);
  const partsText = parts.map((f) => f.text).join('+');
  const ops = [op(total, 'total'), ...parts.map((f) => op(f, 'part'))];
  const base = {
    type: 'total' as const,
    stated: op(total, 'total'),
    operands: ops,
    computed: Number(sum.toFixed(6)),
    start: Math.min(total.start, ...parts.map((f) => f.start)),
    end: Math.max(total.end, ...parts.map((f) => f.end)),
  };
  const anyApprox = total.approx || parts.some((f) => f.approx);
  if (Math.abs(diff) <= tol + 1e-9) {
    return { ...base, verdict: 'holds', rule: 'total.parts', message: `${total.text}与其中各项之和${partsText}=${fmt(sum)}相符` };
  }
  if (anyApprox) {
    return {
      ...base,
      verdict: 'unverifiable',
      rule: 'total.unverifiable',
      message: `${total.text}与各项之和${fmt(sum)}不等，但含约数，无法确认`,
    };
  }
  if (diff > 0) {
    return {
      ...base,
      verdict: 'error',
      rule: 'total.mismatch',
      message: `其中各项之和${partsText}=${fmt(sum)}，大于总数${total.text}（多${fmt(diff)}）${sameDigits(sum, total.value) ? '，疑为数字颠倒' : ''}`,
    };
  }
  // Parts below the total: an error only when the list is known to be exhaustive — a part named 其他/其余, or a
  // parallel breakdown in the same sentence whose parts add up exactly (新增市场主体 and 注册资本 by the same
  // categories).
  const exhaustiveByName = parts.some((f) => /其他|其余|其它|另有/.test(f.before));
  const parallel = structure.find(
    (o) => o !== g && o.parts.length === parts.length && Math.abs(o.parts.reduce((s, f) => s + f.value, 0) - o.total.value) <= tolerance(o.total) + o.parts.reduce((s, f) => s + tolerance(f), 0) + 1e-9,
  );
  const swapped = sameDigits(sum, total.value) ? '，疑为数字颠倒' : '';
  if (exhaustiveByName || parallel) {
    const why = parallel
      ? `同句按相同类别列出的${parallel.total.text}与其分项之和相符，可见所列类别已完整`
      : '所列分项含“其他”，应已完整';
    return {
      ...base,
      verdict: 'error',
      rule: 'total.mismatch',
      message: `其中各项之和${partsText}=${fmt(sum)}，与总数${total.text}不符（差${fmt(-diff)}${swapped}）；${why}`,
    };
  }
  void unitLabel;
  return {
    ...base,
    verdict: 'warning',
    rule: 'total.parts-short',
    message: `其中各项之和${partsText}=${fmt(sum)}，小于总数${total.text}（差${fmt(-diff)}${swapped}）；如所列分项并非全部，请注明`,
  };
}

/** Shows money in the scale it was written in (亿元, 万元). */
function scaleForDisplay(v: number, f: FigureX): number {
  if (f.unit !== '元') return v;
  if (f.text.includes('亿')) return v / 1e8;
  if (f.text.includes('万')) return v / 1e4;
  return v;
}

function displayUnit(f: FigureX): string {
  if (f.unit !== '元') return f.unit;
  if (f.text.includes('亿')) return '亿元';
  if (f.text.includes('万')) return '万元';
  return '元';
}

/**
 * A count followed in the same sentence by at least two counts of the same unit that add up to it exactly
 * (接待复议案件10件，受理2件，调解撤回7件，不予受理1件): a breakdown without 其中. Only agreement is reported —
 * without a marker the text does not state the relation, so a mismatch is no finding.
 */
function findImplicitTotals(text: string, bySentence: Map<number, FigureX[]>, out: Relation[]): void {
  const stated = new Set(out.filter((r) => r.type === 'total').map((r) => r.stated.start));
  for (const list of bySentence.values()) {
    const counts = list.filter((f) => f.kind === 'count' && !f.inParens);
    if (counts.length < 3 || counts.length > MAX_STEPS) continue;
    const first = counts[0]!;
    const s0 = first.start;
    const sentenceText = text.slice(s0, Math.min(counts[counts.length - 1]!.end, s0 + WINDOW * 4));
    if (sentenceText.includes('其中') || first.approx) continue;
    const rest = counts.slice(1).filter((f) => f.unit === first.unit);
    if (rest.length < 2 || rest.some((f) => f.approx)) continue;
    if (counts.slice(1).some((f) => f.unit !== first.unit)) continue;
    const sum = rest.reduce((s, f) => s + f.value, 0);
    if (sum !== first.value) continue;
    if (stated.has(first.start)) continue;
    const ops = [op(first, 'total'), ...rest.map((f) => op(f, 'part'))];
    out.push({
      type: 'total',
      verdict: 'holds',
      stated: op(first, 'total'),
      operands: ops,
      computed: sum,
      message: `${first.text}与随后列出的${rest.map((f) => f.text).join('+')}=${sum}${first.unit}相符`,
      rule: 'total.parts',
      start: first.start,
      end: rest[rest.length - 1]!.end,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The same quantity stated twice

const REPEAT_LEAD = /^(全年|全区|全县|全市|全镇|全省|今年|本年度|本年|年内|目前|截至目前|截止目前|一年来|累计|共|共计|先后|已|当年|我局|我区|我县|我市|我镇|我委|本单位|本局)+/;
const TIME_QUALIFIER = /(19|20)\d{2}年|\d{1,2}月|上半年|下半年|季度|月份|月底|截至|截止|以来|至今/g;

function findRepeats(text: string, figures: FigureX[], index: TextIndex, out: Relation[], inBreakdown: Set<FigureX>): void {
  const seen = new Map<string, FigureX>();
  let reported = 0;
  for (const f of figures) {
    if (!(f.kind === 'count' || f.kind === 'money') || f.approx || f.inParens) continue;
    const before = f.before.replace(REPEAT_LEAD, '');
    const key = `${before}|${f.after}|${f.unit}`;
    if ((before + f.after).replace(/[^\u4e00-\u9fa5]/g, '').length < 4 || before.length < 2) continue;
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, f);
      continue;
    }
    if (prev.value === f.value || reported >= MAX_REPEATS) continue;
    // The parts of a breakdown repeat the label of their total (新增注册资本…，其中…新增注册资本…).
    if (prev.sentence === f.sentence || inBreakdown.has(prev) || inBreakdown.has(f)) continue;
    const timeA = timeQualifiers(text, index, prev);
    const timeB = timeQualifiers(text, index, f);
    if (timeA !== timeB) continue;
    reported++;
    out.push({
      type: 'repeat',
      verdict: 'warning',
      stated: op(f, 'stated'),
      operands: [op(prev, 'other')],
      message: `同一数量前后不一致：前文为“${prev.before}${prev.text}”，此处为“${f.before}${f.text}”`,
      rule: 'figure.conflict',
      start: prev.start,
      end: f.end,
    });
  }
}

function timeQualifiers(text: string, index: TextIndex, f: FigureX): string {
  const s = Math.max(index.sentenceStarts[f.sentence]!, f.start - 200);
  const clause = text.slice(s, f.start);
  return [...clause.matchAll(TIME_QUALIFIER)].map((m) => m[0]).sort().join(',');
}
