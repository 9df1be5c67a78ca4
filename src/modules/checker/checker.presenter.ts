/**
 * Chinese labels and the readable (non-JSON) report of a check, shared by the CLI and the Excel export.
 */
import { GI_SECTION_NAMES, PART_NAMES } from './checker.structure';
import type { CheckResult, Finding, ReportKind, Severity, Verdict } from './checker.types';

export const KIND_LABELS: Record<ReportKind, string> = {
  fzzf: '法治政府建设年度报告',
  gi: '政府信息公开工作年度报告',
  other: '其他报告',
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const VERDICT_LABELS: Record<Verdict, string> = {
  holds: '相符',
  error: '不符',
  warning: '存疑',
  unverifiable: '无法核对',
};

const SEVERITY_MARKS: Record<Severity, string> = { error: '✗', warning: '!', info: '·' };

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < pos; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

/**
 * Formats one result for a person: what the report is, its parts, the relations checked and each finding with
 * its line and context.
 */
export function formatResult(file: string, result: CheckResult, text: string): string {
  const out: string[] = [];
  const na = '（未识别）';
  out.push(`━━ ${file}`);
  out.push(
    `类型：${KIND_LABELS[result.kind]}　年度：${result.year ?? na}　标题：${result.title ?? na}　发布机构：${result.issuer ?? na}`,
  );
  const src = result.publishedSource === 'signature' ? '（落款）' : result.publishedSource === 'option' ? '（指定）' : '';
  out.push(`发布日期：${result.published ? result.published + src : '（未见）'}`);
  if (result.kind === 'fzzf') {
    const have = result.parts.map((p) => `${PART_NAMES[p.part]}〔${p.heading}${p.inferred ? '，推定' : ''}〕`);
    out.push(`结构：已有 ${have.length > 0 ? have.join('、') : '无'}`);
    if (result.missingParts.length > 0) out.push(`　　　缺少 ${result.missingParts.map((p) => PART_NAMES[p]).join('、')}`);
  } else if (result.kind === 'gi') {
    out.push(`结构：已有 ${result.giSections.map((s) => GI_SECTION_NAMES[s.section]).join('、') || '无'}`);
    if (result.missingGiSections.length > 0) {
      out.push(`　　　缺少 ${result.missingGiSections.map((s) => GI_SECTION_NAMES[s]).join('、')}`);
    }
  }
  const count = (v: Verdict) => result.relations.filter((r) => r.verdict === v).length;
  out.push(
    `数字：识别 ${result.figures.length} 个；勾稽关系 ${result.relations.length} 项：相符 ${count('holds')}，不符 ${count('error')}，存疑 ${count('warning')}，无法核对 ${count('unverifiable')}`,
  );
  const { errors, warnings, infos } = result.summary;
  out.push(`问题：错误 ${errors}，警告 ${warnings}，提示 ${infos}`);
  for (const f of result.findings) out.push(...formatFinding(f, text));
  return out.join('\n');
}

function formatFinding(f: Finding, text: string): string[] {
  const where = f.end > f.start ? `第${lineOf(text, f.start)}行` : '全文';
  const lines = [`  ${SEVERITY_MARKS[f.severity]} ${SEVERITY_LABELS[f.severity]}　${where}　${f.rule}　${f.message}`];
  if (f.excerpt) lines.push(`        ${f.excerpt}`);
  return lines;
}
