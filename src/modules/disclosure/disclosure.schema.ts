/**
 * Request schemas of 政务公开. Shared with the web forms: import only zod and `shared/` here.
 */
import { z } from 'zod';
import { APPLICANT_TYPES, CHANNELS, DISCLOSURE_LIMITS, OUTCOMES, PROACTIVE_CATEGORIES, REVIEW_KINDS, REVIEW_RESULTS, TABLE2_KINDS } from '../../shared/disclosure';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const id = z.coerce.number().int().positive();

// —— 主动公开 ——
export const ProactiveCreateSchema = z
  .object({
    unitId: id,
    title: z.string().trim().min(1, '请填写标题').max(DISCLOSURE_LIMITS.titleMax),
    indexNo: z.string().trim().min(1, '请填写索引号').max(64),
    category: z.enum(keys(PROACTIVE_CATEGORIES)),
    table2Kind: z.enum(keys(TABLE2_KINDS)).nullish(),
    table2Amount: z.number().min(0).max(1e9).nullish().describe('table2Kind=fee 时的收费金额（万元）；许可/处罚/强制为决定数量，默认 1'),
    formedOn: IsoDate.describe('信息形成或者变更之日'),
    publishedOn: IsoDate.nullish(),
    channel: z.string().trim().max(64).nullish(),
    url: z.string().trim().max(500).nullish(),
    summary: z.string().max(2000).nullish(),
  })
  .refine((v) => !v.publishedOn || v.publishedOn >= v.formedOn, { message: '公开日期不能早于信息形成日期', path: ['publishedOn'] })
  .refine((v) => !v.table2Kind || v.category === ({ rule_issued: 'a20_1', rule_repealed: 'a20_1', normative_issued: 'a20_1', normative_repealed: 'a20_1', license: 'a20_5', penalty: 'a20_6', coercion: 'a20_6', fee: 'a20_8' } as const)[v.table2Kind], {
    message: '统计口径与公开类别不符（规章/规范性文件属第（一）项，许可属第（五）项，处罚/强制属第（六）项，收费属第（八）项）',
    path: ['table2Kind'],
  });
export type ProactiveCreateInput = z.infer<typeof ProactiveCreateSchema>;

export const ProactivePublishSchema = z.object({ publishedOn: IsoDate, channel: z.string().trim().max(64).nullish(), url: z.string().trim().max(500).nullish() });

export const ProactiveListQuery = z.object({
  unitId: id.optional(),
  q: z.string().trim().max(64).optional(),
  category: z.enum(keys(PROACTIVE_CATEGORIES)).optional(),
  status: z.enum(['draft', 'published', 'withdrawn']).optional(),
  late: z.enum(['1', '0']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  format: z.enum(['json', 'xlsx']).default('json'),
});

// —— 依申请公开 ——
const applicant = {
  applicantType: z.enum(keys(APPLICANT_TYPES)),
  applicantName: z.string().trim().min(1, '请填写申请人姓名或名称').max(DISCLOSURE_LIMITS.nameMax),
  applicantIdNo: z.string().trim().max(64).nullish().describe('身份证件号码或统一社会信用代码'),
  applicantPhone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, '联系电话格式不正确').nullish(),
  applicantEmail: z.email('电子邮箱格式不正确').max(128).nullish(),
  applicantAddress: z.string().trim().max(256).nullish(),
  content: z.string().trim().min(5, '请描述所需政府信息（名称、文号或便于查询的其他特征），至少 5 个字').max(DISCLOSURE_LIMITS.contentMax),
  form: z.enum(['paper', 'electronic', 'other']).default('electronic'),
  delivery: z.enum(['post', 'email', 'pickup', 'online']).default('online'),
};

export const RequestCreateSchema = z.object({
  unitId: id,
  channel: z.enum(keys(CHANNELS)),
  /** 当面提交、寄出或在线提交之日 */
  submittedOn: IsoDate,
  /** 挂号信等：行政机关签收之日 */
  signedOn: IsoDate.nullish(),
  /** 平常信函、互联网、传真：双方确认之日 */
  confirmedOn: IsoDate.nullish(),
  ...applicant,
});
export type RequestCreateInput = z.infer<typeof RequestCreateSchema>;

export const PortalRequestSchema = z.object({ unitId: id, ...applicant, applicantPhone: applicant.applicantPhone.unwrap().unwrap() });
export type PortalRequestInput = z.infer<typeof PortalRequestSchema>;

export const RequestEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('supplement_requested'), date: IsoDate, items: z.string().trim().min(1, '请写明需要补正的事项').max(1000) }),
  z.object({ type: z.literal('supplement_received'), date: IsoDate, note: z.string().max(1000).nullish() }),
  z.object({ type: z.literal('consultation_started'), date: IsoDate, party: z.string().trim().min(1, '请填写被征求意见的第三方或机关').max(128), partyKind: z.enum(['third_party', 'agency']) }),
  z.object({ type: z.literal('consultation_ended'), date: IsoDate, opinion: z.enum(['agree', 'disagree', 'no_reply']), note: z.string().max(1000).nullish() }),
  z.object({ type: z.literal('extended'), date: IsoDate, days: z.coerce.number().int().min(1).max(20, '延长的期限最长不得超过20个工作日'), approvedBy: z.string().trim().min(1, '请填写批准延期的负责人').max(64), reason: z.string().trim().min(1, '请填写延期理由').max(500) }),
  z.object({ type: z.literal('fee_notice_sent'), date: IsoDate, amount: z.number().positive().max(1e7), basis: z.enum(['per_request', 'per_volume']) }),
  z.object({ type: z.literal('fee_paid'), date: IsoDate }),
  z.object({
    type: z.literal('answered'),
    date: IsoDate,
    outcome: z.enum(keys(OUTCOMES)),
    outcomeSub: z.coerce.number().int().min(1).max(8).nullish(),
    reply: z.string().trim().min(1, '请填写答复内容').max(5000),
  }),
]);
export type RequestEventInput = z.infer<typeof RequestEventSchema>;

export const RequestListQuery = z.object({
  unitId: id.optional(),
  q: z.string().trim().max(64).optional(),
  state: z.enum(['in_progress', 'awaiting_supplement', 'consulting', 'awaiting_fee', 'closed', 'open']).optional(),
  due: z.enum(['overdue', 'soon']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  outcome: z.enum(keys(OUTCOMES)).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  format: z.enum(['json', 'xlsx']).default('json'),
});

// —— 复议、诉讼 ——
export const ReviewCaseSchema = z.object({
  unitId: id,
  requestId: id.nullish(),
  kind: z.enum(keys(REVIEW_KINDS)),
  caseNo: z.string().trim().min(1, '请填写案号').max(64),
  filedOn: IsoDate,
  result: z.enum(keys(REVIEW_RESULTS)),
  closedOn: IsoDate.nullish(),
  remark: z.string().max(1000).nullish(),
});
export type ReviewCaseInput = z.infer<typeof ReviewCaseSchema>;

// —— 年度报告 ——
export const ReportQuery = z.object({ unitId: id, year: z.coerce.number().int().min(2019).max(2100) });
export const ReportSaveSchema = z.object({
  unitId: id,
  year: z.coerce.number().int().min(2019).max(2100),
  reportKind: z.enum(['department', 'government']),
  title: z.string().trim().min(1).max(200),
  sections: z.object({ overview: z.string().max(20000), problems: z.string().max(20000), other: z.string().max(20000) }),
});
export type ReportSaveInput = z.infer<typeof ReportSaveSchema>;
