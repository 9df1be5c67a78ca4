/**
 * The national format of the 政府信息公开工作年度报告, as versioned data (domain-rules 2.4.6 and 2.4.7):
 * 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号, and the rows of the 2019 trial format
 * that differ. A wording correction is a change here, not in the code.
 */

export interface GiRowDef {
  /** Stable id of the row. */
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

const TABLE3_2021: GiRowDef[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', keys: ['本年新收政府信息公开申请数量', '本年新收'] },
  { id: 'carried', label: '二、上年结转政府信息公开申请数量', keys: ['上年结转政府信息公开申请数量', '上年结转'] },
  { id: 'results', label: '三、本年度办理结果', keys: ['本年度办理结果', '办理结果'], header: true },
  { id: 'disclosed', label: '（一）予以公开', keys: ['予以公开'], outcome: true },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', keys: ['部分公开'], outcome: true },
  { id: 'withheld', label: '（三）不予公开', keys: ['不予公开'], header: true },
  { id: 'withheld.secret', label: '1.属于国家秘密', keys: ['属于国家秘密', '国家秘密'], outcome: true },
  { id: 'withheld.prohibited', label: '2.其他法律行政法规禁止公开', keys: ['其他法律行政法规禁止公开', '禁止公开'], outcome: true },
  { id: 'withheld.security', label: '3.危及“三安全一稳定”', keys: ['三安全一稳定'], outcome: true },
  { id: 'withheld.third-party', label: '4.保护第三方合法权益', keys: ['保护第三方合法权益', '第三方合法权益'], outcome: true },
  { id: 'withheld.internal', label: '5.属于三类内部事务信息', keys: ['属于三类内部事务信息', '内部事务信息'], outcome: true },
  { id: 'withheld.process', label: '6.属于四类过程性信息', keys: ['属于四类过程性信息', '过程性信息'], outcome: true },
  { id: 'withheld.enforcement', label: '7.属于行政执法案卷', keys: ['属于行政执法案卷', '行政执法案卷'], outcome: true },
  { id: 'withheld.inquiry', label: '8.属于行政查询事项', keys: ['属于行政查询事项', '行政查询事项'], outcome: true },
  { id: 'unable', label: '（四）无法提供', keys: ['无法提供'], header: true },
  { id: 'unable.not-held', label: '1.本机关不掌握相关政府信息', keys: ['本机关不掌握相关政府信息', '不掌握相关政府信息'], outcome: true },
  { id: 'unable.needs-making', label: '2.没有现成信息需要另行制作', keys: ['没有现成信息需要另行制作', '另行制作'], outcome: true },
  { id: 'unable.unclear', label: '3.补正后申请内容仍不明确', keys: ['补正后申请内容仍不明确', '仍不明确'], outcome: true },
  { id: 'unprocessed', label: '（五）不予处理', keys: ['不予处理'], header: true },
  { id: 'unprocessed.petition', label: '1.信访举报投诉类申请', keys: ['信访举报投诉类申请', '信访举报投诉'], outcome: true },
  { id: 'unprocessed.repeat', label: '2.重复申请', keys: ['重复申请'], outcome: true },
  { id: 'unprocessed.publication', label: '3.要求提供公开出版物', keys: ['要求提供公开出版物', '公开出版物'], outcome: true },
  { id: 'unprocessed.excessive', label: '4.无正当理由大量反复申请', keys: ['无正当理由大量反复申请', '大量反复申请'], outcome: true },
  { id: 'unprocessed.confirm', label: '5.要求行政机关确认或重新出具已获取信息', keys: ['要求行政机关确认或重新出具已获取信息', '重新出具已获取信息'], outcome: true },
  { id: 'other', label: '（六）其他处理', keys: ['其他处理'], header: true },
  { id: 'other.no-correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', keys: ['逾期不补正'], outcome: true },
  { id: 'other.no-fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', keys: ['逾期未按收费通知要求缴纳费用', '缴纳费用'], outcome: true },
  { id: 'other.other', label: '3.其他', keys: ['其他'], outcome: true },
  { id: 'total', label: '（七）总计', keys: ['总计'] },
  { id: 'next', label: '四、结转下年度继续办理', keys: ['结转下年度继续办理', '结转下年度'] },
];

/** The 2021 format (国办公开办函〔2021〕30号). In the 2019 trial format （六）其他处理 is one row; the reader
 * falls back to that when the three sub-rows are absent. */
export const GI_FORMAT_2021: GiFormat = {
  id: 'gi-2021',
  title: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）',
  table3Rows: TABLE3_2021,
  table3Columns: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
  table4Columns: [
    '行政复议·结果维持', '行政复议·结果纠正', '行政复议·其他结果', '行政复议·尚未审结', '行政复议·总计',
    '未经复议直接起诉·结果维持', '未经复议直接起诉·结果纠正', '未经复议直接起诉·其他结果', '未经复议直接起诉·尚未审结', '未经复议直接起诉·总计',
    '复议后起诉·结果维持', '复议后起诉·结果纠正', '复议后起诉·其他结果', '复议后起诉·尚未审结', '复议后起诉·总计',
  ],
  table4HeaderKeys: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
};
