/**
 * Finds the figures of a report: a number with its unit and what it counts. One left-to-right pass; at each
 * numeral the scanner reads a bounded window around it, so the whole scan is linear in the text length.
 * What is not a figure: hotline and platform names (12345, 8890诉求), document numbers (〔2024〕3号), dates,
 * phone numbers, versions (2.0), list markers (一是, （一）), ordinals (第三次), slogans (“四个意识”).
 */
import type { Figure, FigureKind } from './checker.types';
import {
  isChineseNumeralStart,
  isChineseNumeralStartCode,
  isDigitCode,
  readArabic,
  readChinese,
  type NumberToken,
} from './checker.numbers';
import { isClauseDelimiter, markBrackets, type TextIndex } from './checker.text';

/** A figure with the context the relation checks need (not part of the public JSON). */
export interface FigureX extends Figure {
  /** Words before the number within its clause, without hedges and verbs like 达到. */
  before: string;
  /** Noun right after the unit (`50名法律顾问` → `法律顾问`). */
  after: string;
  /** Unit group for pairing: counts of cases (件/起/宗) are comparable with each other. */
  group: string;
  /** Index of the sentence that holds the figure. */
  sentence: number;
  /** Position of the figure in the list returned by `findFigures`. */
  index: number;
  /** Inside （…）. */
  inParens: boolean;
  /** Position of the pre-hedge (近, 约 …) or the number, for spans. */
  hedgeBefore?: string;
}

interface UnitDef {
  unit: string;
  kind: FigureKind;
  /** Canonical unit reported (个月 → 月 … ) and the multiplier to it. */
  base?: string;
  /** Characters that, right after the unit, make it part of a word (项目, 人民, 台账). */
  notBefore?: string[];
}

const COUNT = (unit: string, notBefore?: string[]): UnitDef => ({ unit, kind: 'count', notBefore });

/** Units, longest first within each starting character. */
const UNIT_DEFS: UnitDef[] = [
  { unit: '个百分点', kind: 'points', base: '个百分点' },
  { unit: '百分点', kind: 'points', base: '个百分点' },
  { unit: '个工作日', kind: 'duration', base: '工作日' },
  { unit: '工作日', kind: 'duration', base: '工作日' },
  { unit: '个月', kind: 'duration', base: '月' },
  { unit: '个小时', kind: 'duration', base: '小时' },
  { unit: '小时', kind: 'duration' },
  { unit: '分钟', kind: 'duration' },
  { unit: '天', kind: 'duration', notBefore: ['津', '然', '下', '空'] },
  { unit: '周岁', kind: 'duration' },
  { unit: '岁', kind: 'duration', notBefore: ['月'] },
  { unit: '学时', kind: 'duration' },
  { unit: '课时', kind: 'duration' },
  { unit: '亿元', kind: 'money', base: '元' },
  { unit: '万元', kind: 'money', base: '元' },
  { unit: '千元', kind: 'money', base: '元' },
  { unit: '元', kind: 'money', notBefore: ['旦', '素', '宵', '化', '年', '首'] },
  { unit: '平方公里', kind: 'measure' },
  { unit: '平方米', kind: 'measure' },
  { unit: '立方米', kind: 'measure' },
  { unit: '公顷', kind: 'measure' },
  { unit: '公里', kind: 'measure' },
  { unit: '千米', kind: 'measure' },
  { unit: '米', kind: 'measure', notBefore: ['面', '饭', '粉'] },
  { unit: '亩', kind: 'measure' },
  { unit: '吨', kind: 'measure' },
  { unit: '公斤', kind: 'measure' },
  { unit: '千克', kind: 'measure' },
  { unit: '千瓦', kind: 'measure' },
  COUNT('人次'),
  COUNT('户次'),
  COUNT('件次'),
  COUNT('场次'),
  COUNT('批次'),
  COUNT('班次'),
  COUNT('车次'),
  COUNT('架次'),
  COUNT('项次'),
  COUNT('个方面'),
  COUNT('方面'),
  COUNT('个', ['体', '性', '别', '案']),
  COUNT('次', ['日', '要', '序', '级', '生']),
  COUNT('件', ['事']),
  COUNT('起', ['来', '草', '点', '步', '止', '见', '源', '始']),
  COUNT('宗', ['旨', '教']),
  COUNT('条', ['例', '件', '款', '文', '线', '理']),
  COUNT('场', ['所', '地', '景', '合', '馆', '面', '域', '长', '站']),
  COUNT('户', ['籍', '口', '外', '型']),
  COUNT('家', ['庭', '属', '长', '乡', '园', '风', '具']),
  COUNT('份', ['额', '子']),
  COUNT('项', ['目', '链']),
  COUNT('名', ['单', '称', '录', '额', '义', '誉', '片', '字']),
  COUNT('人', ['民', '大', '社', '防', '力', '才', '口', '员', '格', '身', '工', '事', '类', '性', '文', '生', '均']),
  COUNT('期', ['间', '限', '满', '刊', '末', '初', '待', '望', '货']),
  COUNT('批', ['准', '复', '示', '评', '判', '发']),
  COUNT('例', ['如', '外', '会', '行']),
  COUNT('笔', ['录', '者']),
  COUNT('位', ['置', '于', '列']),
  COUNT('篇', ['章', '幅']),
  COUNT('册', ['子']),
  COUNT('张', ['贴']),
  COUNT('套', ['餐', '路']),
  COUNT('台', ['账', '帐', '阶', '湾', '胞', '风']),
  COUNT('辆'),
  COUNT('处', ['罚', '理', '置', '分', '室', '长', '于', '在', '境', '级', '事', '所']),
  COUNT('所', ['有', '属', '在', '谓', '以', '得', '长']),
  COUNT('座', ['谈', '右']),
  COUNT('间', ['隔', '接', '断']),
  COUNT('支', ['持', '部', '付', '出', '撑', '援', '队长']),
  COUNT('堂', ['课']),
  COUNT('类', ['型', '别', '似']),
  COUNT('部', ['门', '分', '署', '长', '位', '委', '队', '署']),
  COUNT('轮', ['流', '岗', '值']),
  COUNT('宗'),
];

const UNITS_BY_FIRST = new Map<string, UnitDef[]>();
for (const def of UNIT_DEFS) {
  const list = UNITS_BY_FIRST.get(def.unit[0]!) ?? [];
  list.push(def);
  UNITS_BY_FIRST.set(def.unit[0]!, list);
}
for (const list of UNITS_BY_FIRST.values()) list.sort((a, b) => b.unit.length - a.unit.length);

/** Count units that count the same kind of thing (cases), so a rate may pair 受理…件 with 办结…起. */
const UNIT_GROUPS: Record<string, string> = { 件: '件', 起: '件', 宗: '件', 例: '件', 个: '个', 家: '家', 户: '户' };

/** Set phrases whose numeral is a name, not a figure (中央八项规定, 行政执法三项制度, 两个确立 …). */
const SET_PHRASES = [
  '三项制度', '八项规定', '两个确立', '两个维护', '四个意识', '四个自信', '四个全面', '三个代表', '两个责任',
  '三个务必', '两个一百年', '三个区分', '五个一', '三个一批', '两个结合', '四个不两直', '三个必须', '两个先行',
];

const PRE_HEDGES = ['超过', '大约', '将近', '不足', '不到', '近乎', '逾', '近', '约', '超', '达约'];
const POST_HEDGES = ['以上', '左右', '上下', '以下', '以内', '余', '多'];

/** Chinese numeral directly after these is an ordinal or a date part (第三次, 周三, 初五). */
const ORDINAL_BEFORE = new Set(['第', '初', '周', '星', '期', '拜', '历', '正', '腊', '其', '之', '统', '唯', '专', '万']);

/**
 * Words with 率 that are not rates (率先, 频率, 效率): a 率 label must not be one of these.
 */
export function isRateWord(label: string): boolean {
  if (!label.endsWith('率')) return false;
  return !/(频|效|汇|速|利|税|费|概|坡|斜|曲|分辨|折射|收益)率$/.test(label) && !/(?<!成)功率$/.test(label);
}

/**
 * Finds all figures in `text`. Never throws; linear in the text length.
 */
export function findFigures(text: string, index: TextIndex): FigureX[] {
  const figures: FigureX[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      const { token, skipTo } = readArabic(text, i);
      if (token) {
        const f = figureFromToken(text, token, index);
        if (f) {
          figures.push(f);
          i = f.end;
          continue;
        }
      }
      i = Math.max(skipTo, i + 1);
      continue;
    }
    if (c < 0x4e00) {
      i++;
      continue;
    }
    if (c === 0x767e /* 百 */ && text.charCodeAt(i + 1) === 0x5206 /* 分 */ && text.charCodeAt(i + 2) === 0x4e4b /* 之 */) {
      const f = percentWords(text, i, index);
      if (f) {
        figures.push(f);
        i = f.end;
        continue;
      }
      i += 3;
      continue;
    }
    if (isChineseNumeralStartCode(c)) {
      const token = readChinese(text, i);
      if (token) {
        const f = figureFromToken(text, token, index);
        if (f) {
          figures.push(f);
          i = f.end;
          continue;
        }
        i = Math.max(token.end, i + 1);
        continue;
      }
    }
    i++;
  }
  // Numbers inside a document title (《…十条举措》, 《…87项措施》) name the document; they are not figures.
  const { inParens, inTitle } = markBrackets(text, figures.map((f) => f.start));
  const kept: FigureX[] = [];
  figures.forEach((f, k) => {
    if (inTitle[k]) return;
    f.inParens = inParens[k]!;
    f.index = kept.length;
    kept.push(f);
  });
  return kept;
}

function isAsciiIdentChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return /[A-Za-z0-9_\-/:#@~.．\\]/.test(ch);
}

function matchUnit(text: string, p: number): UnitDef | null {
  const list = UNITS_BY_FIRST.get(text[p] ?? '');
  if (!list) return null;
  for (const def of list) {
    if (!text.startsWith(def.unit, p)) continue;
    const next = text[p + def.unit.length];
    if (def.notBefore && next !== undefined && def.notBefore.some((w) => text.startsWith(w, p + def.unit.length))) {
      return null;
    }
    return def;
  }
  return null;
}

function figureFromToken(text: string, tok: NumberToken, index: TextIndex): FigureX | null {
  const prev = text[tok.start - 1];
  // 1. Not a figure when glued to identifiers, dates, versions, document numbers, ranges.
  if (!tok.chinese) {
    if (isAsciiIdentChar(prev) || prev === '－' || prev === '—' || prev === '~' || prev === '～') return null;
    const next = text[tok.end];
    if (next !== undefined && /[A-Za-z_\-/:@－~～]/.test(next)) return null;
    if ((next === '.' || next === '．') && isDigitCode(text.charCodeAt(tok.end + 1))) return null;
  } else {
    if (tok.value <= 1 && tok.hedge === undefined) return null; // 一是, 一把手, 统一 …
    if (prev !== undefined && ORDINAL_BEFORE.has(prev)) return null;
    if (isChineseNumeralStart(prev ?? '') || prev === '零' || prev === '〇') return null;
  }
  if (prev === '第' || (prev === ' ' && text[tok.start - 2] === '第')) return null;
  if (prev === '〔' || prev === '[' || prev === '［') return null;

  let p = tok.end;
  let hedge = tok.hedge;
  // 2. Percent written with a sign.
  if (text[p] === '%' || text[p] === '％' || text[p] === '‰') {
    const permille = text[p] === '‰';
    p++;
    const post = postHedge(text, p);
    if (post) {
      hedge ??= post;
      p += post.length;
    }
    const value = permille ? tok.value / 10 : tok.value;
    if (value > 100000) return null;
    return build(text, tok, index, p, 'rate', '%', value, permille ? tok.precision / 10 : tok.precision, hedge);
  }
  // 10多次: 多 before a count unit
  if (hedge === undefined && (text[p] === '多' || text[p] === '余')) {
    const def = matchUnit(text, p + 1);
    if (def && def.kind !== 'money' && def.kind !== 'rate') {
      hedge = text[p];
      p++;
    }
  }
  const def = matchUnit(text, p);
  if (!def) {
    return implicitRate(text, tok, index);
  }
  if (tok.chinese && isSetPhrase(text, tok.start)) return null;
  // 五家渠市, 七台河市: a numeral that begins a place name
  if (tok.chinese && /^[\u4e00-\u9fa5]{1,2}[市县]/.test(text.slice(p + def.unit.length, p + def.unit.length + 3))) {
    return null;
  }
  if (tok.chinese && inShortQuotes(text, tok.start, p + def.unit.length)) return null;
  let value = tok.value;
  let precision = tok.precision;
  let unit = def.base ?? def.unit;
  if (def.unit === '万元') {
    value = value * 1e4;
    precision *= 1e4;
  } else if (def.unit === '亿元') {
    value = value * 1e8;
    precision *= 1e8;
  } else if (def.unit === '千元') {
    value = value * 1e3;
    precision *= 1e3;
  }
  if (def.kind === 'points') unit = '个百分点';
  if (def.unit === '个方面') unit = '方面';
  p += def.unit.length;
  const post = postHedge(text, p);
  if (post && post !== '多' && post !== '余') {
    hedge ??= post;
    p += post.length;
  }
  if (!Number.isFinite(value) || value > 1e16) return null;
  return build(text, tok, index, p, def.kind, unit, value, precision, hedge);
}

function postHedge(text: string, p: number): string | undefined {
  for (const h of POST_HEDGES) if (text.startsWith(h, p)) return h;
  return undefined;
}

function isSetPhrase(text: string, start: number): boolean {
  const ch = text[start];
  for (const phrase of SET_PHRASES) if (phrase[0] === ch && text.startsWith(phrase, start)) return true;
  return false;
}

/** “四个意识”: a Chinese numeral opening a short quoted phrase is a slogan. */
function inShortQuotes(text: string, start: number, end: number): boolean {
  const open = text[start - 1];
  if (open !== '“' && open !== '"' && open !== '「' && open !== '『' && open !== '‘') return false;
  for (let k = end; k < Math.min(text.length, end + 8); k++) {
    const ch = text[k];
    if (ch === '”' || ch === '"' || ch === '」' || ch === '』' || ch === '’') return true;
  }
  return false;
}

/** 百分之九十八, 百分之98.5 */
function percentWords(text: string, i: number, index: TextIndex): FigureX | null {
  const s = i + 3;
  let tok: NumberToken | null = null;
  if (isDigitCode(text.charCodeAt(s))) tok = readArabic(text, s).token;
  else if (text[s] === '百' && text[s + 1] !== '分') tok = { value: 100, start: s, end: s + 1, decimals: 0, precision: 1, chinese: true };
  else if (isChineseNumeralStart(text[s] ?? '') || text[s] === '百' || text[s] === '零') tok = readChinese(text, s);
  if (!tok || tok.value > 1000) return null;
  let p = tok.end;
  let hedge = tok.hedge;
  const post = postHedge(text, p);
  if (post && post !== '多' && post !== '余') {
    hedge ??= post;
    p += post.length;
  }
  const token: NumberToken = { ...tok, start: i };
  return build(text, token, index, p, 'rate', '%', tok.value, tok.precision, hedge);
}

/** 胜诉率达到66.6: a number without unit right after a rate word is a rate whose % sign was left out. */
function implicitRate(text: string, tok: NumberToken, index: TextIndex): FigureX | null {
  if (tok.chinese || tok.value <= 0 || tok.value > 100) return null;
  const next = text[tok.end];
  if (next !== undefined && !isClauseDelimiter(next) && next !== ' ') return null;
  const back = text.slice(Math.max(0, tok.start - 8), tok.start);
  const m = /([\u4e00-\u9fa5]*率)(达到|达|为|是|提高到|提升到|提高至|提升至|上升到|上升至)?[了]?$/.exec(back);
  if (!m || !isRateWord(m[1]!)) return null;
  const f = build(text, tok, index, tok.end, 'rate', '%', tok.value, tok.precision, undefined);
  f.implicitPercent = true;
  return f;
}

function build(
  text: string,
  tok: NumberToken,
  index: TextIndex,
  end: number,
  kind: FigureKind,
  unit: string,
  value: number,
  precision: number,
  hedge: string | undefined,
): FigureX {
  let start = tok.start;
  let hedgeBefore: string | undefined;
  for (const h of PRE_HEDGES) {
    if (start >= h.length && text.startsWith(h, start - h.length)) {
      hedgeBefore = h;
      start -= h.length;
      break;
    }
  }
  // 达约 is not a hedge word of its own; keep only 约
  if (hedgeBefore === '达约') {
    hedgeBefore = '约';
    start += 1;
  }
  const before = labelBefore(text, start);
  const after = kind === 'count' || kind === 'measure' ? nounAfter(text, end) : '';
  const finalHedge = hedge ?? hedgeBefore;
  return {
    text: text.slice(start, end),
    value,
    unit,
    approx: finalHedge !== undefined,
    start,
    end,
    kind,
    precision,
    decimals: tok.decimals,
    ...(finalHedge !== undefined ? { hedge: finalHedge } : {}),
    label: before + after,
    before,
    after,
    group: UNIT_GROUPS[unit] ?? unit,
    sentence: index.sentenceAt(start),
    index: -1,
    inParens: false,
    hedgeBefore,
  };
}

const LABEL_TRAIL = /(达到了|达到|达|为|是|共计|共有|共|计|累计|总计|合计|有|了|约为|均为|均达|均|分别为|分别|至|到|已)+$/;
const LABEL_LEAD =
  /^(其中|全年|全区|全县|全市|全镇|全街道|今年|本年度|本年|年内|目前|截至目前|截止目前|一年来|全年共|累计|共|先后|已|当年|同期)+/;

/** The words before a figure within its clause (`在线调解成功率达` → `在线调解成功率`). */
function labelBefore(text: string, start: number): string {
  let k = start;
  const min = Math.max(0, start - 32);
  while (k > min && !isClauseDelimiter(text[k - 1]!) && text[k - 1] !== ' ') k--;
  let s = text.slice(k, start);
  s = s.replace(LABEL_TRAIL, '').replace(LABEL_LEAD, '');
  return s;
}

/** The noun after a count unit (`50名法律顾问` → `法律顾问`), up to the clause end. */
function nounAfter(text: string, end: number): string {
  let k = end;
  const max = Math.min(text.length, end + 10);
  while (k < max) {
    const c = text.charCodeAt(k);
    if (!(c >= 0x4e00 && c <= 0x9fa5) && text[k] !== '“' && text[k] !== '”') break;
    k++;
  }
  return text.slice(end, k).replace(/[“”]/g, '');
}
