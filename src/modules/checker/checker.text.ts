/**
 * Sentence and line index over the extracted text, built in one pass; lookups are binary searches.
 */

const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"']);
const CLAUSE_DELIMITERS = new Set([
  '，', ',', '。', '；', ';', '：', ':', '！', '？', '!', '?', '、', '\n', '（', '(', '）', ')', '“', '”', '"',
  '《', '》', '|', '\t', '　', '【', '】', '[', ']',
]);

/** True for a character that ends a clause (comma, stop, bracket, quote, line break …). */
export function isClauseDelimiter(ch: string): boolean {
  return CLAUSE_DELIMITERS.has(ch);
}

export interface TextIndex {
  text: string;
  /** Start offset of each sentence, ascending; sentence k spans [starts[k], starts[k+1]). */
  sentenceStarts: number[];
  /** Line index of each sentence's start. */
  sentenceLine: number[];
  lineStarts: number[];
  sentenceAt(pos: number): number;
  sentenceEnd(k: number): number;
  lineAt(pos: number): number;
}

/**
 * Splits `text` into sentences (ended by 。！？ or a line break) and lines.
 */
export function buildTextIndex(text: string): TextIndex {
  const sentenceStarts: number[] = [0];
  const sentenceLine: number[] = [0];
  const lineStarts: number[] = [0];
  const n = text.length;
  let line = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStarts.push(i + 1);
      if (i + 1 < n && sentenceStarts[sentenceStarts.length - 1] !== i + 1) {
        sentenceStarts.push(i + 1);
        sentenceLine.push(line);
      }
      continue;
    }
    // 。！？!?
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63) {
      let j = i + 1;
      while (j < n && CLOSERS.has(text[j]!)) j++;
      if (j < n && text.charCodeAt(j) !== 10) {
        sentenceStarts.push(j);
        sentenceLine.push(line);
      }
      i = j - 1;
    }
  }
  const search = (arr: number[], pos: number): number => {
    let lo = 0;
    let hi = arr.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (arr[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    text,
    sentenceStarts,
    sentenceLine,
    lineStarts,
    sentenceAt: (pos) => search(sentenceStarts, pos),
    sentenceEnd: (k) => (k + 1 < sentenceStarts.length ? sentenceStarts[k + 1]! : n),
    lineAt: (pos) => search(lineStarts, pos),
  };
}

/**
 * For each of the (sorted) offsets, tells whether it lies inside （…）/(…) and inside a title 《…》. Depths reset
 * at each line break, and the paren depth at each sentence end, so that an unclosed bracket cannot swallow the
 * rest of the text.
 */
export function markBrackets(text: string, starts: number[]): { inParens: boolean[]; inTitle: boolean[] } {
  const inParens = new Array<boolean>(starts.length).fill(false);
  const inTitle = new Array<boolean>(starts.length).fill(false);
  let depth = 0;
  let title = 0;
  let k = 0;
  for (let i = 0; i < text.length && k < starts.length; i++) {
    while (k < starts.length && starts[k]! <= i) {
      inParens[k] = depth > 0;
      inTitle[k] = title > 0;
      k++;
    }
    const c = text.charCodeAt(i);
    if (c < 0x28 && c !== 10) continue;
    if (c === 0xff08 || c === 0x28) depth++; // （ (
    else if ((c === 0xff09 || c === 0x29) && depth > 0) depth--; // ） )
    else if (c === 0x300a || c === 0x3008) title++; // 《 〈
    else if ((c === 0x300b || c === 0x3009) && title > 0) title--; // 》 〉
    else if (c === 10) {
      depth = 0;
      title = 0;
    } else if (c === 0x3002) depth = 0; // 。
  }
  return { inParens, inTitle };
}
