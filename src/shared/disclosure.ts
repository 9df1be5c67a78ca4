/**
 * 字典 of 政府信息公开 (domain-rules §2), shared by the server and the forms. Codes are string literals; labels
 * follow the 2021 national report format (国办公开办函〔2021〕30号, domain-rules §2.4.6).
 */

/** 申请人情况 — the seven columns of table 3 (six applicant types plus 总计). */
export const APPLICANT_TYPES = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他',
} as const;
export type ApplicantType = keyof typeof APPLICANT_TYPES;
export const APPLICANT_TYPE_CODES = Object.keys(APPLICANT_TYPES) as ApplicantType[];

/** Channels of submission (《政府信息公开条例》第三十一条, domain-rules 2.2.5). */
export const CHANNELS = {
  in_person: '当面提交',
  registered_post: '邮寄（挂号信等需签收）',
  ordinary_letter: '邮寄（平常信函）',
  online: '互联网',
  fax: '传真',
} as const;
export type Channel = keyof typeof CHANNELS;

/** Outcomes of table 3, 三、本年度办理结果 (（一）…（六）), with their numbered sub-items. */
export const OUTCOMES = {
  disclosed: { label: '（一）予以公开', subs: [] as string[] },
  partial: { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', subs: [] as string[] },
  denied: {
    label: '（三）不予公开',
    subs: ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及"三安全一稳定"', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'],
  },
  unable: { label: '（四）无法提供', subs: ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'] },
  not_processed: {
    label: '（五）不予处理',
    subs: ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'],
  },
  other: {
    label: '（六）其他处理',
    subs: ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'],
  },
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_CODES = Object.keys(OUTCOMES) as Outcome[];

/** The short label of an outcome with its sub-item, e.g. 不予公开—1.属于国家秘密. */
export function outcomeLabel(outcome: Outcome, sub: number | null | undefined): string {
  const o = OUTCOMES[outcome];
  const main = o.label.replace(/^（.）/, '').replace(/（.*）$/, '');
  return sub && o.subs[sub - 1] ? `${main}—${o.subs[sub - 1]}` : main;
}

/** 条例第二十条 categories of proactive disclosure (the 15 items), plus 第二十一条 local items. */
export const PROACTIVE_CATEGORIES = {
  a20_1: '（一）行政法规、规章和规范性文件',
  a20_2: '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  a20_3: '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策',
  a20_4: '（四）国民经济和社会发展统计信息',
  a20_5: '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  a20_6: '（六）实施行政处罚、行政强制的依据、条件、程序以及有一定社会影响的行政处罚决定',
  a20_7: '（七）财政预算、决算信息',
  a20_8: '（八）行政事业性收费项目及其依据、标准',
  a20_9: '（九）政府集中采购项目的目录、标准、实施情况',
  a20_10: '（十）重大建设项目的批准和实施情况',
  a20_11: '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  a20_12: '（十二）突发公共事件的应急预案、预警信息及应对情况',
  a20_13: '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  a20_14: '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果',
  a20_15: '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
  a21: '第二十一条 设区的市级、县级、乡（镇）人民政府应当主动公开的其他信息',
} as const;
export type ProactiveCategory = keyof typeof PROACTIVE_CATEGORIES;

/**
 * What a proactive item counts for in table 2 (第二十条第（一）（五）（六）（八）项): a 规章 or 行政规范性文件 issued or
 * repealed, a 行政许可/行政处罚/行政强制 decision, or a 行政事业性收费 amount.
 */
export const TABLE2_KINDS = {
  rule_issued: '规章（制发）',
  rule_repealed: '规章（废止）',
  normative_issued: '行政规范性文件（制发）',
  normative_repealed: '行政规范性文件（废止）',
  license: '行政许可决定',
  penalty: '行政处罚决定',
  coercion: '行政强制决定',
  fee: '行政事业性收费',
} as const;
export type Table2Kind = keyof typeof TABLE2_KINDS;

/** States of a request, derived from its events (never stored as a free field). */
export const REQUEST_STATES = {
  in_progress: '办理中',
  awaiting_supplement: '待补正',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  closed: '已答复',
} as const;
export type RequestState = keyof typeof REQUEST_STATES;

/** Event types of a request; each row is one step of the statutory procedure. */
export const REQUEST_EVENTS = {
  request_received: '收到申请',
  supplement_requested: '一次性告知补正',
  supplement_received: '收到补正材料',
  consultation_started: '征求第三方/其他机关意见',
  consultation_ended: '收到意见（或期满未答复）',
  extended: '延长答复期限',
  fee_notice_sent: '发出收费通知',
  fee_paid: '缴纳信息处理费',
  answered: '作出答复',
} as const;
export type RequestEventType = keyof typeof REQUEST_EVENTS;

/** Table 4: 行政复议 / 行政诉讼 about disclosure. */
export const REVIEW_KINDS = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after: '行政诉讼（复议后起诉）',
} as const;
export type ReviewKind = keyof typeof REVIEW_KINDS;
export const REVIEW_RESULTS = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' } as const;
export type ReviewResult = keyof typeof REVIEW_RESULTS;

/** Limits shared with the forms. */
export const DISCLOSURE_LIMITS = { contentMax: 2000, titleMax: 200, nameMax: 64 } as const;
