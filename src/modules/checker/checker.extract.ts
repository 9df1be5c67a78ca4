/**
 * Readers: turn .txt, .md, .html and .docx bytes into plain text, decoding UTF-8, UTF-16 and GB18030.
 * Every reader is a single linear pass with bounded output, so no input can make it run away.
 */
import { inflateRawSync } from 'node:zlib';
import type { CheckDocument, InputFormat } from './checker.types';

/** Largest input accepted, in bytes (a report is rarely above 1 MB; 10 MB inputs must still work). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/** Largest text accepted after extraction, in characters. */
export const MAX_TEXT_CHARS = 30 * 1024 * 1024;
/** Largest uncompressed size of a .docx entry (guards against zip bombs). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

export type CheckerInputErrorCode = 'EMPTY' | 'BINARY' | 'UNSUPPORTED_FORMAT' | 'CORRUPT' | 'TOO_LARGE';

/**
 * The input cannot be read as a report. The message is Chinese and meant for the user; the API maps it to a
 * 400 (`TOO_LARGE` to a 413) and the CLI to exit code 2.
 */
export class CheckerInputError extends Error {
  readonly code: CheckerInputErrorCode;
  constructor(code: CheckerInputErrorCode, message: string) {
    super(message);
    this.name = 'CheckerInputError';
    this.code = code;
  }
}

/** A heading known from the document's markup (Word heading styles, HTML h1–h6, Markdown #). */
export interface HeadingHint {
  start: number;
  end: number;
  level: number;
}

export interface Extracted {
  text: string;
  format: InputFormat;
  encoding: string;
  headingHints: HeadingHint[];
}

/**
 * Extracts the plain text of a document. Throws `CheckerInputError` (never anything else) when the input is
 * empty, binary, corrupt, too large or in an unsupported format (PDF, .doc, .xlsx).
 */
export function extractText(doc: CheckDocument): Extracted {
  if (doc.text !== undefined && doc.bytes === undefined) {
    if (doc.text.length > MAX_TEXT_CHARS) throw tooLarge();
    const format = formatFromName(doc.filename) ?? sniffTextFormat(doc.text);
    return finish(format === 'docx' ? 'text' : format, doc.text, 'utf-16');
  }
  const bytes = doc.bytes ?? new Uint8Array(0);
  if (bytes.length === 0) throw new CheckerInputError('EMPTY', '文件为空，没有可审查的内容');
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge();
  const magic = sniffBinary(bytes);
  if (magic === 'pdf') {
    throw new CheckerInputError(
      'UNSUPPORTED_FORMAT',
      '暂不支持 PDF：请将报告另存为 .docx、.html 或 .txt 后再审查（PDF 中的中文文字需按字体映射还原，尚未实现）',
    );
  }
  if (magic === 'ole') {
    throw new CheckerInputError('UNSUPPORTED_FORMAT', '暂不支持旧版 Word（.doc）或 Excel（.xls）文件，请另存为 .docx 后再审查');
  }
  const named = formatFromName(doc.filename);
  if (magic === 'zip') {
    if (named !== undefined && named !== 'docx') {
      throw new CheckerInputError('UNSUPPORTED_FORMAT', `文件内容是压缩包（zip），与扩展名不符，无法按文本读取`);
    }
    return docxToText(bytes);
  }
  if (named === 'docx') throw new CheckerInputError('CORRUPT', '文件扩展名为 .docx，但内容不是有效的 Word 文档');
  const { text, encoding } = decodeBytes(bytes);
  const format = named ?? sniffTextFormat(text);
  return finish(format, text, encoding);
}

function finish(format: InputFormat, raw: string, encoding: string): Extracted {
  if (format === 'html') {
    const { text, headingHints } = htmlToText(raw);
    return checked({ text, format, encoding, headingHints });
  }
  const text = normalizeNewlines(raw);
  const headingHints = format === 'markdown' ? markdownHeadings(text) : [];
  return checked({ text, format, encoding, headingHints });
}

function checked(e: Extracted): Extracted {
  if (e.text.trim().length === 0) throw new CheckerInputError('EMPTY', '文件中没有可审查的文字');
  if (e.text.length > MAX_TEXT_CHARS) throw tooLarge();
  return e;
}

function tooLarge(): CheckerInputError {
  return new CheckerInputError('TOO_LARGE', `文件过大：最多审查 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的文件`);
}

/** The format a file name announces, if any. */
export function formatFromName(filename: string | undefined): InputFormat | undefined {
  if (!filename) return undefined;
  const m = /\.([A-Za-z0-9]+)$/.exec(filename);
  const ext = m?.[1]?.toLowerCase();
  switch (ext) {
    case 'txt':
    case 'text':
    case 'csv':
      return 'text';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'html':
    case 'htm':
    case 'xhtml':
    case 'shtml':
      return 'html';
    case 'docx':
      return 'docx';
    case 'pdf':
    case 'doc':
    case 'xls':
    case 'xlsx':
    case 'wps':
    case 'ofd':
      throw new CheckerInputError(
        'UNSUPPORTED_FORMAT',
        `暂不支持 .${ext} 文件：请提供 .txt、.md、.html 或 .docx 格式的报告`,
      );
    default:
      return undefined;
  }
}

function sniffBinary(b: Uint8Array): 'pdf' | 'zip' | 'ole' | null {
  if (b.length >= 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6)) {
    return 'zip';
  }
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole';
  return null;
}

function sniffTextFormat(text: string): InputFormat {
  const head = text.slice(0, 2048).toLowerCase();
  if (/<!doctype html|<html[\s>]|<body[\s>]|<(p|div|table)[\s>]/.test(head)) return 'html';
  return 'text';
}

/**
 * Decodes bytes as UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern) or, when they are not valid UTF-8,
 * GB18030 (which covers GBK and GB2312, common on government sites). Rejects binary data.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } {
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    encoding = 'utf-8';
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else if (looksUtf16(bytes)) {
    const le = bytes[1] === 0;
    text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
    encoding = le ? 'utf-16le' : 'utf-16be';
  } else {
    if (hasNul(bytes)) throw binary();
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
      encoding = 'gb18030';
    }
  }
  if (!looksLikeText(text)) throw binary();
  return { text, encoding };
}

function binary(): CheckerInputError {
  return new CheckerInputError('BINARY', '无法识别文件内容：既不是 UTF-8/GB18030 文本，也不是 .docx/.html 文档');
}

function hasNul(b: Uint8Array): boolean {
  return b.indexOf(0) !== -1;
}

function looksUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 2000) & ~1;
  if (n < 4) return false;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  // ASCII-heavy UTF-16 has one NUL per pair; CJK UTF-16 has few. Require a clear one-sided pattern.
  return (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) || (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05);
}

/** True unless the text is full of control characters or replacement characters (binary data decoded). */
function looksLikeText(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  const step = n > 200_000 ? Math.floor(n / 200_000) : 1;
  let bad = 0;
  let seen = 0;
  for (let i = 0; i < n; i += step) {
    const c = text.charCodeAt(i);
    seen++;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) bad++;
    else if (c >= 0xe000 && c <= 0xf8ff) bad++; // private use: GB18030 decoding of random bytes lands here
  }
  return bad <= seen * 0.02;
}

function normalizeNewlines(s: string): string {
  const noBom = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  return noBom.indexOf('\r') === -1 ? noBom : noBom.replace(/\r\n?/g, '\n');
}

function markdownHeadings(text: string): HeadingHint[] {
  const hints: HeadingHint[] = [];
  const re = /^(#{1,6})[ \t]+([^\n]*)$/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    hints.push({ start: m.index + m[1]!.length + 1, end: m.index + m[0].length, level: m[1]!.length });
  }
  return hints;
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tbody',
  'thead', 'tfoot', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'hr', 'form', 'nav', 'aside',
  'title', 'caption', 'figure', 'figcaption', 'main', 'address', 'center',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'object', 'iframe', 'select']);

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', ensp: ' ', emsp: ' ', thinsp: ' ', times: '×', divide: '÷',
  le: '≤', ge: '≥', permil: '‰', yen: '¥', copy: '©', reg: '®', deg: '°', plusmn: '±', bull: '•', zwj: '', zwnj: '',
};

/** Decodes HTML/XML character references in a text run. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/**
 * Converts HTML to plain text: block elements become lines, table cells are joined by ` | ` (the way pasted
 * tables look in the seed reports), scripts and styles are dropped, entities decoded. h1–h6 become heading hints.
 */
export function htmlToText(html: string): { text: string; headingHints: HeadingHint[] } {
  const out = new TextBuilder();
  const hints: HeadingHint[] = [];
  const cellCount: number[] = [];
  const openHeadings: Array<{ level: number; start: number }> = [];
  let i = 0;
  const n = html.length;
  let inCell = 0;
  let lower: string | null = null; // lower-cased copy, made once when a <script>/<style> needs its end tag
  let gtCache = -1; // the next '>' found so far: positions only grow, so each '>' is searched for once
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) out.inline(decodeEntities(html.slice(i, textEnd)));
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (gtCache !== -2 && gtCache <= lt) gtCache = html.indexOf('>', lt + 1);
    if (gtCache === -1) gtCache = -2; // no '>' left
    const gt = gtCache === -2 ? -1 : gtCache;
    if (gt === -1) {
      out.inline(html.slice(lt));
      break;
    }
    const m = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    i = gt + 1;
    if (!m) continue; // <!doctype>, <?xml?>, stray '<'
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (!closing && SKIP_TAGS.has(tag)) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${tag}`, i);
      if (close === -1) break;
      const closeGt = html.indexOf('>', close);
      i = closeGt === -1 ? n : closeGt + 1;
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      inCell = closing ? Math.max(0, inCell - 1) : inCell + 1;
      if (!closing) {
        const k = cellCount.length - 1;
        if (k >= 0) {
          if (cellCount[k]! > 0) out.raw(' | ');
          cellCount[k] = cellCount[k]! + 1;
        } else out.raw(' | ');
      }
      continue;
    }
    if (tag === 'tr') {
      inCell = 0;
      out.newline();
      if (!closing) cellCount.push(0);
      else cellCount.pop();
      continue;
    }
    if (/^h[1-6]$/.test(tag)) {
      if (!closing) {
        out.newline();
        openHeadings.push({ level: Number(tag[1]), start: out.length });
      } else {
        const h = openHeadings.pop();
        if (h && out.length > h.start) hints.push({ start: h.start, end: out.trimmedLength(), level: h.level });
        out.newline();
      }
      continue;
    }
    // Paragraphs inside a table cell stay on the row's line, so that a row reads as one line of cells.
    if (BLOCK_TAGS.has(tag)) {
      if (inCell > 0 && tag !== 'table') out.inline(' ');
      else out.newline();
    }
  }
  const raw = out.collected();
  const text = out.toString();
  return { text, headingHints: text.length === raw.length ? hints : remapHints(raw, text, hints) };
}

/**
 * Collects text, collapsing whitespace runs the way a browser does and keeping at most one blank line.
 */
class TextBuilder {
  private chunks: string[] = [];
  length = 0;
  private lastChar = '\n';
  private newlines = 2;

  inline(s: string): void {
    let buf = '';
    for (let k = 0; k < s.length; k++) {
      const c = s[k]!;
      const isSpace = c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\u00a0';
      if (isSpace) {
        if (this.lastChar !== ' ' && this.lastChar !== '\n') {
          buf += ' ';
          this.lastChar = ' ';
        }
      } else {
        buf += c;
        this.lastChar = c;
        this.newlines = 0;
      }
    }
    this.push(buf);
  }

  raw(s: string): void {
    this.push(s);
    this.lastChar = s[s.length - 1] ?? this.lastChar;
    this.newlines = 0;
  }

  /** Length without trailing spaces (the end of the last word written). */
  trimmedLength(): number {
    let len = this.length;
    for (let k = this.chunks.length - 1; k >= 0; k--) {
      const c = this.chunks[k]!;
      const t = c.replace(/ +$/, '');
      len -= c.length - t.length;
      if (t.length > 0) break;
    }
    return len;
  }

  newline(): void {
    if (this.newlines >= 1) return;
    this.push('\n');
    this.lastChar = '\n';
    this.newlines++;
  }

  private push(s: string): void {
    if (s.length === 0) return;
    this.chunks.push(s);
    this.length += s.length;
  }

  /** The text as collected. */
  collected(): string {
    return this.chunks.join('');
  }

  /** The text without spaces before line ends and cell separators. */
  toString(): string {
    return this.collected().replace(/ +\n/g, '\n').replace(/ {2,}\| /g, ' | ');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// .docx: a zip archive; word/document.xml holds the body.

/**
 * Reads one entry of a zip archive (stored or deflated), or returns null when it is absent.
 * Throws `CheckerInputError('CORRUPT')` on a malformed archive.
 */
export function readZipEntry(bytes: Uint8Array, name: string): Uint8Array | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = () => new CheckerInputError('CORRUPT', '文件已损坏：无法读取 .docx 压缩包的目录');
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - 65557);
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (dv.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const entries = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const target = new TextEncoder().encode(name);
  for (let k = 0; k < entries; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) throw corrupt();
    const method = dv.getUint16(p + 10, true);
    const compSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    const entryName = bytes.subarray(p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!sameBytes(entryName, target)) continue;
    if (localOffset + 30 > bytes.length || dv.getUint32(localOffset, true) !== 0x04034b50) throw corrupt();
    const dataStart = localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compSize);
    if (data.length < compSize) throw corrupt();
    if (size > MAX_ENTRY_BYTES) throw tooLarge();
    if (method === 0) return data;
    if (method !== 8) throw new CheckerInputError('CORRUPT', `无法读取 .docx：不支持的压缩方式 ${method}`);
    try {
      return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
    } catch {
      throw new CheckerInputError('CORRUPT', '文件已损坏：.docx 中的正文无法解压');
    }
  }
  return null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Extracts the text of a .docx: one line per paragraph, table rows as lines with cells joined by ` | `.
 * Paragraphs in Word heading styles (or with an outline level) become heading hints.
 */
export function docxToText(bytes: Uint8Array): Extracted {
  const doc = readZipEntry(bytes, 'word/document.xml');
  if (!doc) throw new CheckerInputError('CORRUPT', '不是有效的 Word 文档：缺少 word/document.xml');
  const stylesXml = readZipEntry(bytes, 'word/styles.xml');
  const headingStyles = stylesXml ? headingStyleLevels(new TextDecoder().decode(stylesXml)) : new Map<string, number>();
  const xml = new TextDecoder().decode(doc);
  const { text, headingHints } = wordXmlToText(xml, headingStyles);
  return checked({ text, format: 'docx', encoding: 'utf-8', headingHints });
}

/** Maps style ids to heading levels from word/styles.xml ("heading 1", "标题 1", "Title"). */
function headingStyleLevels(xml: string): Map<string, number> {
  const map = new Map<string, number>();
  for (let p = xml.indexOf('<w:style '); p !== -1; ) {
    const end = xml.indexOf('</w:style>', p);
    if (end === -1) break;
    const block = xml.slice(p, end);
    const id = /w:styleId="([^"]{1,100})"/.exec(block.slice(0, 400))?.[1];
    if (id !== undefined) {
      const name = /<w:name\s+w:val="([^"]{1,100})"/.exec(block)?.[1] ?? '';
      const level = headingLevelOfName(name) ?? headingLevelOfName(id);
      const outline = /<w:outlineLvl\s+w:val="(\d)"/.exec(block)?.[1];
      if (level !== undefined) map.set(id, level);
      else if (outline !== undefined) map.set(id, Number(outline) + 1);
    }
    p = xml.indexOf('<w:style ', end);
  }
  return map;
}

function headingLevelOfName(name: string): number | undefined {
  const m = /^(?:heading|标题)\s*([1-9])$/i.exec(name.trim());
  if (m) return Number(m[1]);
  if (/^(title|标题)$/i.test(name.trim())) return 0;
  return undefined;
}

function wordXmlToText(xml: string, headingStyles: Map<string, number>): { text: string; headingHints: HeadingHint[] } {
  const chunks: string[] = [];
  let length = 0;
  const push = (s: string) => {
    if (s.length === 0) return;
    chunks.push(s);
    length += s.length;
  };
  const hints: HeadingHint[] = [];
  const cellCounts: number[] = [];
  let inCell = 0;
  let paraStart = 0;
  let paraLevel: number | undefined;
  let paraHasText = false;
  let inText = false;
  let i = 0;
  const n = xml.length;
  let gtCache = -1;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) break;
    if (inText && lt > i) {
      push(decodeEntities(xml.slice(i, lt)));
      paraHasText = true;
    }
    if (gtCache <= lt) gtCache = xml.indexOf('>', lt + 1);
    const gt = gtCache;
    if (gt === -1) break;
    const tagText = xml.slice(lt + 1, gt);
    i = gt + 1;
    const closing = tagText[0] === '/';
    const selfClosing = tagText[tagText.length - 1] === '/';
    const nameEnd = tagText.search(/[\s/>]|$/);
    const name = (closing ? tagText.slice(1) : tagText.slice(0, nameEnd === -1 ? undefined : nameEnd)).trim();
    switch (name) {
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (!closing) push(inCell > 0 ? ' ' : '\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (!closing) push(inCell > 0 ? ' ' : '\n');
        break;
      case 'w:p':
        if (!closing && !selfClosing) {
          paraStart = length;
          paraLevel = undefined;
          paraHasText = false;
        } else if (closing) {
          if (paraLevel !== undefined && paraLevel > 0 && length > paraStart) {
            hints.push({ start: paraStart, end: length, level: paraLevel });
          }
          if (inCell > 0) {
            if (paraHasText) push(' ');
          } else push('\n');
        } else if (inCell === 0) push('\n');
        break;
      case 'w:pStyle': {
        const v = /w:val="([^"]+)"/.exec(tagText)?.[1];
        if (v !== undefined) {
          const lvl = headingStyles.get(v) ?? headingLevelOfName(v);
          if (lvl !== undefined) paraLevel = lvl;
        }
        break;
      }
      case 'w:outlineLvl': {
        const v = /w:val="(\d)"/.exec(tagText)?.[1];
        if (v !== undefined && paraLevel === undefined && Number(v) < 9) paraLevel = Number(v) + 1;
        break;
      }
      case 'w:tr':
        if (!closing && !selfClosing) cellCounts.push(0);
        else if (closing) {
          cellCounts.pop();
          push('\n');
        }
        break;
      case 'w:tc':
        if (!closing && !selfClosing) {
          const k = cellCounts.length - 1;
          if (k >= 0) {
            if (cellCounts[k]! > 0) push(' | ');
            cellCounts[k] = cellCounts[k]! + 1;
          }
          inCell++;
        } else if (closing) inCell = Math.max(0, inCell - 1);
        break;
      default:
        break;
    }
  }
  const text = chunks.join('').replace(/ +\n/g, '\n').replace(/ {2,}\| /g, ' | ');
  // The replacements above only shrink runs of spaces before separators and line ends; recompute hints safely
  // by clamping them to the final text when the text changed length.
  if (text.length !== length) return { text, headingHints: remapHints(chunks.join(''), text, hints) };
  return { text, headingHints: hints };
}

/** Re-maps heading hints after whitespace was removed from the text (both strings differ only by spaces). */
function remapHints(before: string, after: string, hints: HeadingHint[]): HeadingHint[] {
  if (hints.length === 0) return hints;
  const map = new Int32Array(before.length + 1);
  let j = 0;
  for (let k = 0; k < before.length; k++) {
    map[k] = j;
    if (j < after.length && before[k] === after[j]) j++;
  }
  map[before.length] = j;
  return hints.map((h) => ({ start: map[h.start]!, end: map[h.end]!, level: h.level }));
}
