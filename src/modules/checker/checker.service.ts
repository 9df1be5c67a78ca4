/**
 * The report checker (报告审查): `checkReport` reads a report, finds its figures, checks the relations its text
 * states, its structure, its year and its publication date, and explains each finding. No database, no I/O:
 * the CLI, the API route and the web page all call this function.
 */
import { extractText, type Extracted } from './checker.extract';
import { findFigures, type FigureX } from './checker.figures';
import { checkGiCarryOver, checkGiTables, countGiLabels, readGiTables, type GiTables } from './checker.gi';
import { readMeta, parseYear, type ReportMeta } from './checker.meta';
import { comparePrevious } from './checker.previous';
import { findRelations } from './checker.relations';
import { findGiSections, findHeadings, findParts, GI_SECTION_NAMES, PART_NAMES, partEnd } from './checker.structure';
import { checkTables, isGiRow } from './checker.tables';
import { buildTextIndex, type TextIndex } from './checker.text';
import type { CheckInput, CheckResult, Figure, Finding, Heading, Relation, Severity } from './checker.types';

export { CheckerInputError } from './checker.extract';

/** Analysis of one document, with what the comparison with another year needs. */
interface Analysis {
  result: CheckResult;
  text: string;
  index: TextIndex;
  figures: FigureX[];
  gi: GiTables | null;
}

/**
 * Checks one report. Give `text`, or `bytes` with a `filename` (.txt, .md, .html, .docx; the encoding —
 * UTF-8, UTF-16 or GB18030 — is detected). `published` (YYYY-MM-DD) overrides the date found in the text;
 * `previous` is the same unit's report of the year before. Throws `CheckerInputError` when the input cannot be
 * read (empty, binary, corrupt, PDF, too large); never anything else for any input.
 */
export function checkReport(input: CheckInput): CheckResult {
  return checkReportWithText(input).result;
}

/**
 * Like `checkReport`, and also returns the extracted plain text the offsets refer to (for the CLI's line
 * numbers and `--text`, and for a page that highlights the spans).
 */
export function checkReportWithText(input: CheckInput): { result: CheckResult; text: string } {
  const current = analyze(extractText(input), input.published);
  if (input.previous) {
    let prevExtracted: Extracted;
    try {
      prevExtracted = extractText(input.previous);
    } catch (err) {
      if (err instanceof Error && err.name === 'CheckerInputError') err.message = `上年报告：${err.message}`;
      throw err;
    }
    const prev = analyze(prevExtracted, undefined);
    const findings = comparePrevious(
      { text: current.text, index: current.index, figures: current.figures, year: current.result.year },
      { text: prev.text, index: prev.index, figures: prev.figures, year: prev.result.year },
    );
    if (current.gi && prev.gi) {
      const carry = checkGiCarryOver(current.gi, prev.gi);
      current.result.relations.push(...carry);
      findings.push(...relationFindings(carry));
    }
    current.result.findings.push(...findings);
    finalize(current.result, current.text);
  }
  return { result: current.result, text: current.text };
}

function analyze(ex: Extracted, published: string | undefined): Analysis {
  const text = ex.text;
  const index = buildTextIndex(text);
  // 1. Figures and the relations between them.
  const figures = findFigures(text, index);
  const relations = findRelations(text, figures, index);
  // 2. What the report says about itself, and its structure.
  const giLabels = countGiLabels(text);
  const meta = readMeta(text, giLabels, published);
  const headings = findHeadings(text, ex.headingHints);
  const findings: Finding[] = [];
  let gi: GiTables | null = null;
  let parts: CheckResult['parts'] = [];
  let missingParts: CheckResult['missingParts'] = [];
  let giSections: CheckResult['giSections'] = [];
  let missingGiSections: CheckResult['missingGiSections'] = [];
  if (meta.kind === 'gi' || giLabels >= 2) {
    gi = readGiTables(text);
    relations.push(...checkGiTables(gi));
  }
  relations.push(...checkTables(text, isGiRow));
  relations.sort((a, b) => a.start - b.start || a.end - b.end);
  if (meta.kind === 'fzzf') {
    const p = findParts(text, headings);
    parts = p.parts;
    missingParts = p.missing;
    findings.push(...partFindings(text, headings, p.parts, p.missing));
  } else if (meta.kind === 'gi') {
    const s = findGiSections(headings);
    giSections = s.sections;
    missingGiSections = s.missing;
    for (const id of s.missing) {
      findings.push({
        rule: 'gi.section-missing',
        severity: 'warning',
        message: `未找到第${'一二三四五六'[id - 1]}部分“${GI_SECTION_NAMES[id]}”（年度报告格式规定的六部分之一，domain-rules 2.4.6）`,
        start: 0,
        end: 0,
      });
    }
    if (gi) findings.push(...giTableFindings(gi));
  }
  // 3. Relations as findings, then year and date.
  findings.push(...relationFindings(relations));
  for (const f of figures) {
    if (f.implicitPercent) {
      findings.push({
        rule: 'rate.percent-sign',
        severity: 'warning',
        message: `比率“${f.label}${f.text}”缺少百分号（%）`,
        start: f.start,
        end: f.end,
      });
    }
  }
  findings.push(...yearFindings(text, meta, headings, parts));
  if (meta.kind !== 'other') findings.push(...dateFindings(meta));
  const result: CheckResult = {
    kind: meta.kind,
    title: meta.title,
    issuer: meta.issuer,
    year: meta.year,
    published: meta.published,
    publishedSource: meta.publishedSource,
    parts,
    missingParts,
    giSections,
    missingGiSections,
    figures: figures.map(publicFigure),
    relations,
    findings,
    summary: { errors: 0, warnings: 0, infos: 0, figures: figures.length, relations: relations.length },
    textLength: text.length,
    format: ex.format,
    encoding: ex.encoding,
  };
  finalize(result, text);
  return { result, text, index, figures, gi };
}

function publicFigure(f: FigureX): Figure {
  const out: Figure = {
    text: f.text,
    value: f.value,
    unit: f.unit,
    approx: f.approx,
    start: f.start,
    end: f.end,
    kind: f.kind,
    precision: f.precision,
    decimals: f.decimals,
    label: f.label,
  };
  if (f.hedge !== undefined) out.hedge = f.hedge;
  if (f.implicitPercent) out.implicitPercent = true;
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function finalize(r: CheckResult, text: string): void {
  for (const f of r.findings) if (f.excerpt === undefined) f.excerpt = excerptOf(text, f.start, f.end);
  r.findings.sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  r.summary = {
    errors: r.findings.filter((f) => f.severity === 'error').length,
    warnings: r.findings.filter((f) => f.severity === 'warning').length,
    infos: r.findings.filter((f) => f.severity === 'info').length,
    figures: r.figures.length,
    relations: r.relations.length,
  };
}

/** The finding's text with a little context, on one line (empty for findings about the whole report). */
function excerptOf(text: string, start: number, end: number): string {
  if (end <= start) return '';
  const a = Math.max(0, start - 16);
  const b = Math.min(text.length, Math.max(end, start) + 16);
  const body = text.slice(a, Math.min(b, a + 160)).replace(/\s+/g, ' ');
  return `${a > 0 ? '…' : ''}${body}${b < text.length ? '…' : ''}`;
}

/** Findings for the relations that do not hold (errors), may not hold (warnings) or cannot be checked (info). */
function relationFindings(relations: Relation[]): Finding[] {
  const out: Finding[] = [];
  for (const r of relations) {
    if (r.verdict === 'holds') continue;
    const severity: Severity = r.verdict === 'error' ? 'error' : r.verdict === 'warning' ? 'warning' : 'info';
    const spans = r.operands.map((o) => ({ start: o.start, end: o.end }));
    out.push({
      rule: r.rule,
      severity,
      message: r.message,
      start: r.stated.start,
      end: r.stated.end,
      ...(spans.length > 0 ? { spans } : {}),
    });
  }
  return out;
}

function partFindings(text: string, headings: Heading[], parts: CheckResult['parts'], missing: CheckResult['missingParts']): Finding[] {
  const out: Finding[] = [];
  for (const id of missing) {
    out.push({
      rule: 'structure.part-missing',
      severity: 'warning',
      message: `未找到“${PART_NAMES[id]}”部分：督察工作规定要求年度报告包括五部分内容（domain-rules 1.7），未见以此为题的标题`,
      start: 0,
      end: 0,
    });
  }
  for (const p of parts) {
    if (p.inferred) continue;
    const end = partEnd(text, headings, parts, p);
    const heading = headings.find((h) => h.start === p.start);
    const bodyStart = heading ? heading.end : p.start;
    const bodyLength = countContent(text, bodyStart, end, 6);
    if (bodyLength < 6 && !parts.some((o) => o !== p && o.start === p.start)) {
      out.push({
        rule: 'structure.part-empty',
        severity: 'warning',
        message: `“${p.heading}”部分几乎没有内容（${bodyLength}字）`,
        start: p.start,
        end: Math.min(end, p.start + p.heading.length + 8),
      });
    }
  }
  return out;
}

/** Counts the characters of [a, b) that are not spaces or punctuation, stopping at `enough`. */
function countContent(text: string, a: number, b: number, enough: number): number {
  let n = 0;
  for (let k = a; k < b && n < enough; k++) if (!/[\s。；;，,：:]/.test(text[k]!)) n++;
  return n;
}

function giTableFindings(gi: GiTables): Finding[] {
  const out: Finding[] = [];
  const missing: string[] = [];
  if (!gi.table2) missing.push('表二（主动公开政府信息情况）');
  if (!gi.table3) missing.push('表三（收到和处理政府信息公开申请情况）');
  if (!gi.table4) missing.push('表四（政府信息公开行政复议、行政诉讼情况）');
  for (const m of missing) {
    out.push({
      rule: 'gi.table-missing',
      severity: 'warning',
      message: `未能识别${m}：表格缺失、行标签与年度报告格式不一致或数据不全，无法核对`,
      start: 0,
      end: 0,
    });
  }
  if (gi.table3 && gi.table3.unreadRows.length > 0) {
    out.push({
      rule: 'gi.table-unread',
      severity: 'info',
      message: `表三有${gi.table3.unreadRows.length}行未能读出7个数字（${gi.table3.unreadRows.slice(0, 5).join('、')}），相关勾稽关系未核对`,
      start: gi.table3.start,
      end: gi.table3.start,
    });
  }
  return out;
}

const YEAR_RE = /((?:19|20)\d{2})年/g;

function yearFindings(text: string, meta: ReportMeta, headings: Heading[], parts: CheckResult['parts']): Finding[] {
  const out: Finding[] = [];
  const year = meta.year;
  if (year === null) {
    if (meta.kind !== 'other') {
      out.push({ rule: 'year.unknown', severity: 'info', message: '未能从标题或开头确定报告年度，年度相关检查未进行', start: 0, end: 0 });
    }
    return out;
  }
  // 1. Title, opening and first sentence must name the same year.
  const first = meta.yearClaims[0];
  for (const c of meta.yearClaims.slice(1)) {
    if (first && c.year !== first.year) {
      out.push({
        rule: 'year.mismatch',
        severity: 'warning',
        message: `报告年度前后不一致：${sourceName(first.source)}为${first.year}年，${sourceName(c.source)}为${c.year}年`,
        start: c.start,
        end: c.end,
        spans: [{ start: first.start, end: first.end }],
      });
    }
  }
  // 2. The next-year part must plan for year + 1.
  const next = parts.find((p) => p.part === 'next-year');
  if (next) {
    const m = /((?:19|20)\d{2})年/.exec(next.heading);
    const y = m ? parseYear(m[1]!) : null;
    if (y !== null && y !== year + 1) {
      out.push({
        rule: 'year.next-year',
        severity: 'warning',
        message: `“${next.heading}”写的是${y}年，${year}年度报告的下一年度应为${year + 1}年`,
        start: next.start,
        end: next.start + next.heading.length,
      });
    }
  }
  // 3. Clauses opening with an earlier year in the measures part: text carried over from an older report?
  const measures = parts.find((p) => p.part === 'measures');
  if (measures) {
    const end = partEnd(text, headings, parts, measures);
    const body = text.slice(measures.start, end);
    const re = /(?:^|[。\n])\s*(?:[一二三四五六七八九十]是)?((?:19|20)\d{2})年(?:度)?[，,]/g;
    let listed = 0;
    for (let m = re.exec(body); m !== null && listed < 10; m = re.exec(body)) {
      const y = Number(m[1]);
      if (y >= year) continue;
      listed++;
      const at = measures.start + m.index + m[0].indexOf(m[1]!);
      out.push({
        rule: 'year.stale',
        severity: 'warning',
        message: `“主要举措和成效”部分有以“${y}年，”开头的表述，而报告年度为${year}年，可能沿用了往年的文字或数据`,
        start: at,
        end: at + 5,
      });
    }
  }
  // 4. Years after the next year are not plausible in an annual report (plans and ranges aside).
  let later = 0;
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m !== null && later < 5; m = YEAR_RE.exec(text)) {
    const y = Number(m[1]);
    if (y <= year + 1) continue;
    const around = text.slice(Math.max(0, m.index - 8), m.index + 12);
    if (/[-—–－~～至到]\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index)) || /[—–－~～至到-]/.test(text[m.index + 5] ?? '')) continue;
    if (/《[^》]*$/.test(text.slice(Math.max(0, m.index - 40), m.index)) || /规划|纲要|目标|远景|到\d{4}年|以前|之前|前完成|届时/.test(around)) continue;
    later++;
    out.push({
      rule: 'year.future',
      severity: 'info',
      message: `文中提到${y}年，晚于报告年度${year}年的下一年，请核对年份`,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

function sourceName(s: string): string {
  switch (s) {
    case 'title':
      return '标题';
    case 'opening':
      return '“现将…报告如下”';
    case 'first-sentence':
      return '正文开头';
    default:
      return s;
  }
}

/** Publication deadlines: 4月1日 for 法治政府建设年度报告 (domain-rules 1.6); for GI reports 1月31日 for
 * departments and 3月31日 for governments (《政府信息公开条例》第四十九条, domain-rules 2.4.1–2.4.2). */
function dateFindings(meta: ReportMeta): Finding[] {
  const out: Finding[] = [];
  if (meta.year === null) return out;
  const y = meta.year + 1;
  let deadline: string;
  let basis: string;
  if (meta.kind === 'gi') {
    const dept = isDepartment(meta.issuer ?? meta.title ?? '');
    deadline = dept ? `${y}-01-31` : `${y}-03-31`;
    basis = dept
      ? '《政府信息公开条例》第四十九条：政府部门应于每年1月31日前公布本部门上一年度报告'
      : '《政府信息公开条例》第四十九条：县级以上地方人民政府应于每年3月31日前公布本级政府上一年度报告';
  } else {
    deadline = `${y}-04-01`;
    basis = '督察工作规定：法治政府建设年度报告应于每年4月1日之前向社会公开（domain-rules 1.6）';
  }
  if (!meta.published) {
    out.push({
      rule: 'date.unknown',
      severity: 'info',
      message: `文中未见发布日期，无法核对是否在${Number(deadline.slice(5, 7))}月${Number(deadline.slice(8))}日前公开；可用 --published 指定`,
      start: 0,
      end: 0,
    });
    return out;
  }
  const where = meta.publishedSource === 'signature' ? '落款日期' : meta.publishedSource === 'option' ? '指定的发布日期' : '发布日期';
  const span = { start: meta.publishedStart ?? 0, end: meta.publishedEnd ?? 0 };
  if (meta.published > deadline) {
    out.push({
      rule: 'date.late',
      severity: 'warning',
      message: `${where}${meta.published}晚于${deadline}（${basis}）`,
      ...span,
    });
  } else if (meta.published < `${meta.year}-12-01`) {
    out.push({
      rule: 'date.early',
      severity: 'warning',
      message: `${where}${meta.published}早于${meta.year}年度结束，与报告年度${meta.year}年不符`,
      ...span,
    });
  }
  return out;
}

/** A GI report issuer that is a department (局, 委员会, 办公室 …) rather than a government. */
function isDepartment(name: string): boolean {
  const n = name.replace(/\d{4}年.*$/, '').replace(/政府信息公开.*$/, '');
  if (/(人民政府|政府)$/.test(n)) return false;
  return /(局|委员会|委|厅|办公室|办公厅|署|中心|院|所|队|站|办)$/.test(n);
}
