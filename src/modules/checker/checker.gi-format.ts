/**
 * How the checker finds the tables of a 政府信息公开工作年度报告 in a report's text. The format itself — rows,
 * printed labels, columns, groups and identities — is defined once in src/shared/gi-format.ts (国办公开办函〔2021〕30号,
 * domain-rules 2.4.6 and 2.4.7); this file adds only the substrings the reader searches for. A wording correction
 * of the format is a change there, not here.
 */
import { GI_FORMAT_ID, GI_FORMAT_TITLE, T3_COLUMNS, T3_LINES, T4_COLUMN_LABELS, T4_COLUMNS, T4_GROUPS, t3ColumnLabel } from '../../shared/gi-format';

export interface GiRowDef {
  /** The row key of src/shared/gi-format.ts (T3_ROWS), or for a heading `results` or its outcome code. */
  id: string;
  /** The label as printed in the format. */
  label: string;
  /** Distinctive substrings to find the row, searched in text with whitespace and quotes removed. */
  keys: string[];
  /** A heading row without cells (三、本年度办理结果, （三）不予公开). */
  header?: boolean;
  /** The row counts in （七）总计. */
  outcome?: boolean;
}

export interface GiFormat {
  id: string;
  title: string;
  /** Table 3: 收到和处理政府信息公开申请情况, rows in order. */
  table3Rows: GiRowDef[];
  /** Table 3 columns: 自然人, five 法人或其他组织 columns, 总计. */
  table3Columns: string[];
  /** Table 4 columns, 15 numbers in one data row. */
  table4Columns: string[];
  /** Table 4 header labels, used to find where the data row starts. */
  table4HeaderKeys: string[];
}

/** Search keys of each line of table 3, by its key in src/shared/gi-format.ts. */
const FIND_KEYS: Record<string, string[]> = {
  new: ['本年新收政府信息公开申请数量', '本年新收'],
  carried_in: ['上年结转政府信息公开申请数量', '上年结转'],
  results: ['本年度办理结果', '办理结果'],
  disclosed: ['予以公开'],
  partial: ['部分公开'],
  denied: ['不予公开'],
  'denied.1': ['属于国家秘密', '国家秘密'],
  'denied.2': ['其他法律行政法规禁止公开', '禁止公开'],
  'denied.3': ['三安全一稳定'],
  'denied.4': ['保护第三方合法权益', '第三方合法权益'],
  'denied.5': ['属于三类内部事务信息', '内部事务信息'],
  'denied.6': ['属于四类过程性信息', '过程性信息'],
  'denied.7': ['属于行政执法案卷', '行政执法案卷'],
  'denied.8': ['属于行政查询事项', '行政查询事项'],
  unable: ['无法提供'],
  'unable.1': ['本机关不掌握相关政府信息', '不掌握相关政府信息'],
  'unable.2': ['没有现成信息需要另行制作', '另行制作'],
  'unable.3': ['补正后申请内容仍不明确', '仍不明确'],
  not_processed: ['不予处理'],
  'not_processed.1': ['信访举报投诉类申请', '信访举报投诉'],
  'not_processed.2': ['重复申请'],
  'not_processed.3': ['要求提供公开出版物', '公开出版物'],
  'not_processed.4': ['无正当理由大量反复申请', '大量反复申请'],
  'not_processed.5': ['要求行政机关确认或重新出具已获取信息', '重新出具已获取信息'],
  other: ['其他处理'],
  'other.1': ['逾期不补正'],
  'other.2': ['逾期未按收费通知要求缴纳费用', '缴纳费用'],
  'other.3': ['其他'],
  total: ['总计'],
  carried_out: ['结转下年度继续办理', '结转下年度'],
};

/** The 2021 format (国办公开办函〔2021〕30号). In the 2019 trial format （六）其他处理 is one row; the reader
 * falls back to that when the three sub-rows are absent. */
export const GI_FORMAT_2021: GiFormat = {
  id: GI_FORMAT_ID,
  title: GI_FORMAT_TITLE,
  table3Rows: T3_LINES.map((l) => ({
    id: l.key,
    label: l.text,
    keys: FIND_KEYS[l.key] ?? [l.text],
    ...(l.heading ? { header: true } : {}),
    ...(l.row?.kind === 'outcome' ? { outcome: true } : {}),
  })),
  table3Columns: T3_COLUMNS.map(t3ColumnLabel),
  table4Columns: T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `${g.label.replace(/^行政诉讼（(.*)）$/, '$1')}·${T4_COLUMN_LABELS[c]}`)),
  table4HeaderKeys: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
};
