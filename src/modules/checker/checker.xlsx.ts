/**
 * Excel export of check results, for supervisors who review dozens of reports: one summary row per report,
 * one row per finding, one row per relation checked.
 */
import ExcelJS from 'exceljs';
import { KIND_LABELS, SEVERITY_LABELS, VERDICT_LABELS } from './checker.presenter';
import { PART_NAMES } from './checker.structure';
import type { CheckResult } from './checker.types';

/** A result with the name of the file it came from. */
export type NamedResult = CheckResult & { file?: string };

function header(ws: ExcelJS.Worksheet, columns: Array<{ header: string; key: string; width: number }>): void {
  ws.columns = columns;
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/**
 * Writes the results as an .xlsx workbook (sheets 汇总, 问题清单, 勾稽关系) and returns its bytes.
 */
export async function findingsToXlsx(results: NamedResult[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi 报告审查';
  wb.created = new Date(0);
  const name = (r: NamedResult, k: number) => r.file ?? r.title ?? `报告${k + 1}`;

  const summary = wb.addWorksheet('汇总');
  header(summary, [
    { header: '文件', key: 'file', width: 36 },
    { header: '类型', key: 'kind', width: 22 },
    { header: '标题', key: 'title', width: 40 },
    { header: '发布机构', key: 'issuer', width: 24 },
    { header: '年度', key: 'year', width: 8 },
    { header: '发布日期', key: 'published', width: 12 },
    { header: '错误', key: 'errors', width: 8 },
    { header: '警告', key: 'warnings', width: 8 },
    { header: '提示', key: 'infos', width: 8 },
    { header: '缺少部分', key: 'missing', width: 50 },
  ]);
  results.forEach((r, k) => {
    summary.addRow({
      file: name(r, k),
      kind: KIND_LABELS[r.kind],
      title: r.title ?? '',
      issuer: r.issuer ?? '',
      year: r.year ?? '',
      published: r.published ?? '',
      errors: r.summary.errors,
      warnings: r.summary.warnings,
      infos: r.summary.infos,
      missing: r.kind === 'gi' ? r.missingGiSections.map((s) => `第${s}部分`).join('、') : r.missingParts.map((p) => PART_NAMES[p]).join('、'),
    });
  });

  const findings = wb.addWorksheet('问题清单');
  header(findings, [
    { header: '文件', key: 'file', width: 30 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '规则', key: 'rule', width: 24 },
    { header: '说明', key: 'message', width: 80 },
    { header: '原文', key: 'excerpt', width: 60 },
    { header: '起', key: 'start', width: 8 },
    { header: '止', key: 'end', width: 8 },
  ]);
  results.forEach((r, k) => {
    for (const f of r.findings) {
      const row = findings.addRow({
        file: name(r, k),
        severity: SEVERITY_LABELS[f.severity],
        rule: f.rule,
        message: f.message,
        excerpt: f.excerpt ?? '',
        start: f.start,
        end: f.end,
      });
      if (f.severity === 'error') row.getCell('severity').font = { color: { argb: 'FFC00000' }, bold: true };
    }
  });
  findings.getColumn('message').alignment = { wrapText: true, vertical: 'top' };

  const relations = wb.addWorksheet('勾稽关系');
  header(relations, [
    { header: '文件', key: 'file', width: 30 },
    { header: '关系', key: 'type', width: 12 },
    { header: '结论', key: 'verdict', width: 10 },
    { header: '所述数值', key: 'stated', width: 14 },
    { header: '核对依据', key: 'operands', width: 36 },
    { header: '说明', key: 'message', width: 80 },
  ]);
  results.forEach((r, k) => {
    for (const rel of r.relations) {
      relations.addRow({
        file: name(r, k),
        type: rel.type,
        verdict: VERDICT_LABELS[rel.verdict],
        stated: rel.stated.text,
        operands: rel.operands.map((o) => o.text).join('、'),
        message: rel.message,
      });
    }
  });
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
