/**
 * Every statutory deadline of domain-rules §§1–10, as data (house-style §6). Each rule names its unit, length, start,
 * pause and restart events, extension (cap and approver), kind (deadline "by" / minimum "not before"), legal basis
 * with article, the domain-rules row id and its confidence.
 *
 * Only national rules marked **high** are constants. Rules marked medium / unverified / local, and high rules whose
 * law allows other periods or whose day-counting is an interpretation, are `configurable`: `applyRuleConfig` applies
 * a province's or unit's settings to them (domain-rules "How to use this").
 *
 * Counting conventions (domain-rules §0.3), applied per law, not globally:
 * - 《政府信息公开条例》states 工作日 explicitly.
 * - 《行政处罚法》第八十五条：“二日”“三日”“五日”“七日”是指工作日，不含法定节假日; other day counts are calendar days.
 * - 《行政复议法》第八十八条：“三日”“五日”“七日”“十日”是指工作日; longer periods are calendar days and follow the
 *   民事诉讼法 (第八十五条：届满日为法定休假日的，顺延至其后第一日).
 * - 《行政许可法》第八十二条：期限以工作日计算.
 * - 《重大行政决策程序暂行条例》第二十六条：7个工作日.
 * - 《信访工作条例》：plain 日 = calendar days (interpretation, unverified → configurable).
 */
import { z } from 'zod';
import { CalendarError } from './calendar.errors';
import type { Confidence, DeadlineRule, LastDayOff, PauseRule, PeriodUnit, RestartRule } from './calendar.types';

const L = {
  gi: '《政府信息公开条例》(2019)',
  giFee: '《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)',
  inspection: '《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号)',
  decision: '《重大行政决策程序暂行条例》(2019)',
  threeSystems: '《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》(国办发〔2018〕118号)',
  penalty: '《行政处罚法》(2021)',
  licensing: '《行政许可法》(2019)',
  enterpriseInfo: '《企业信息公示暂行条例》(2014)',
  reconsideration: '《行政复议法》(2023)',
  litigation: '《行政诉讼法》(2017)',
  spcAppearance: '《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》(2020)',
  petition: '《信访工作条例》(2022)',
  mediation: '《人民调解法》(2010)',
  civilProcedure: '《民事诉讼法》(2023)',
  spcConfirmation: '《最高人民法院关于人民调解协议司法确认程序的若干规定》(2011)',
  mojMediation: '《人民调解工作若干规定》(司法部令第75号, 2002)',
  normativeReview: '《关于全面推行行政规范性文件合法性审核机制的指导意见》(国办发〔2018〕115号)',
  normativeManagement: '《关于加强行政规范性文件制定和监督管理工作的通知》(国办发〔2018〕37号)',
  localNormative: '地方行政规范性文件管理规定（各省不一）',
  filing: '《法规规章备案审查条例》(2024)',
  ruleMaking: '《规章制定程序条例》(2017)',
  certificate: '地方行政执法证件管理规定（例：湖南）',
} as const;

type RuleSpec = Omit<
  DeadlineRule,
  'direction' | 'kind' | 'restartOn' | 'pauseBetween' | 'extension' | 'lastDayOff' | 'dueTime' | 'configurable' | 'start'
> & {
  start: Omit<DeadlineRule['start'], 'startDayCounted'> & { startDayCounted?: boolean };
  direction?: DeadlineRule['direction'];
  kind?: DeadlineRule['kind'];
  restartOn?: RestartRule[];
  pauseBetween?: PauseRule[];
  extension?: DeadlineRule['extension'];
  lastDayOff?: LastDayOff;
  dueTime?: string;
  configurable?: boolean;
};

/** Fills the defaults: start day not counted, calendar-day and month deadlines roll forward, … */
function defineRule(spec: RuleSpec): DeadlineRule {
  const kind = spec.kind ?? 'deadline';
  const direction = spec.direction ?? 'after';
  const rollsByDefault = (spec.unit === 'calendar_day' || spec.unit === 'month') && kind === 'deadline';
  const lastDayOff: LastDayOff =
    spec.lastDayOff ?? (rollsByDefault ? (direction === 'after' ? 'next_working_day' : 'previous_working_day') : 'keep');
  return {
    ...spec,
    start: { ...spec.start, startDayCounted: spec.start.startDayCounted ?? false },
    kind,
    direction,
    restartOn: spec.restartOn ?? [],
    pauseBetween: spec.pauseBetween ?? [],
    extension: spec.extension ?? null,
    lastDayOff,
    // 《民法典》第二百零三条第二款：期间的最后一日的截止时间为二十四时
    dueTime: spec.dueTime ?? '24:00',
    configurable: spec.configurable ?? spec.confidence !== 'high',
  };
}

// 《政府信息公开条例》第三十三条第三款：征求第三方和其他机关意见所需时间不计算在前款规定的期限内 (domain-rules 2.2.3)
const GI_CONSULTATION: PauseRule = {
  from: 'consultation_started',
  to: 'consultation_ended',
  label: '征求第三方和其他机关意见',
  basis: `${L.gi}第三十三条第三款`,
  rowId: '2.2.3',
  confidence: 'high',
  enabled: true,
};

// domain-rules 2.5.4 / §15.9: whether fee-notice-to-payment time is excluded is unverified → off unless configured
const GI_FEE_PAUSE: PauseRule = {
  from: 'fee_notice_sent',
  to: 'fee_paid',
  label: '等待缴纳信息处理费',
  basis: `${L.giFee}（条款未核实）`,
  rowId: '2.5.4',
  confidence: 'unverified',
  enabled: false,
};

// 《行政复议法》第三十九条：行政复议中止；中止期间不计入审理期限 is the nature of 中止, the law does not say it in words
const RECONSIDERATION_SUSPENSION: PauseRule = {
  from: 'suspended',
  to: 'resumed',
  label: '行政复议中止',
  basis: `${L.reconsideration}第三十九条（中止期间不计入审理期限为解释，法条未明文规定）`,
  rowId: '5.12',
  confidence: 'medium',
  enabled: true,
};

/** All deadline rules of domain-rules §§1–10. */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  // ---------------------------------------------------------------- §1 法治政府建设年度报告 (all medium)
  defineRule({
    id: 'annual-report.submit-department',
    name: '法治政府建设年度报告报送（县级以上政府部门）',
    module: 'annual-report',
    unit: 'fixed_date',
    length: 0,
    fixedDate: { month: 3, day: 1 },
    start: { event: 'reporting_year', label: '报告年度' },
    basis: { law: L.inspection, article: '报告条款（可能为第二十二条、第二十三条，条号未核实）' },
    rowId: '1.4',
    confidence: 'medium',
    note: '每年3月1日前向本级党委和政府、上一级政府有关部门报告，抄送本级党委法治建设议事协调机构办事机构。',
  }),
  defineRule({
    id: 'annual-report.submit-local-government',
    name: '法治政府建设年度报告报送（市县乡党委和政府）',
    module: 'annual-report',
    unit: 'fixed_date',
    length: 0,
    fixedDate: { month: 3, day: 1 },
    start: { event: 'reporting_year', label: '报告年度' },
    basis: { law: L.inspection, article: '报告条款（条号未核实）' },
    rowId: '1.5',
    confidence: 'medium',
    note: '省级工作指引将其列于3月1日；省里另有规定的按省里规定配置。',
  }),
  defineRule({
    id: 'annual-report.submit-province',
    name: '法治政府建设年度报告报送（省级党委和政府）',
    module: 'annual-report',
    unit: 'fixed_date',
    length: 0,
    fixedDate: { month: 4, day: 1 },
    start: { event: 'reporting_year', label: '报告年度' },
    basis: { law: L.inspection, article: '报告条款（条号未核实）' },
    rowId: '1.3',
    confidence: 'medium',
    note: '每年4月1日前向党中央、国务院报告，抄送中央依法治国办；国务院各部门是否同一期限未核实。',
  }),
  defineRule({
    id: 'annual-report.publish',
    name: '法治政府建设年度报告向社会公开',
    module: 'annual-report',
    unit: 'fixed_date',
    length: 0,
    fixedDate: { month: 4, day: 1 },
    start: { event: 'reporting_year', label: '报告年度' },
    basis: {
      law: L.inspection,
      article: '第二十四条（条号 medium）',
      text: '每年4月1日之前，地方各级政府和县级以上政府部门的法治政府建设年度报告，除涉及党和国家秘密的，应当通过报刊、网站等新闻媒体向社会公开，接受人民群众监督。',
    },
    rowId: '1.6',
    confidence: 'medium',
  }),

  // ---------------------------------------------------------------- §2 政府信息公开
  defineRule({
    id: 'disclosure.reply',
    name: '依申请公开答复期限',
    module: 'disclosure',
    unit: 'working_day',
    length: 20,
    start: { event: 'request_received', label: '收到申请之日', receipt: 'by_channel' },
    // 《政府信息公开条例》第三十条：答复期限自行政机关收到补正的申请之日起计算 (domain-rules 2.2.4)
    restartOn: [
      {
        event: 'supplement_received',
        label: '收到补正的申请',
        basis: `${L.gi}第三十条`,
        rowId: '2.2.4',
        confidence: 'high',
        enabled: true,
      },
    ],
    pauseBetween: [GI_CONSULTATION, GI_FEE_PAUSE],
    // 《政府信息公开条例》第三十三条第二款：延长的期限最长不得超过20个工作日 (domain-rules 2.2.2)
    extension: {
      maxLength: 20,
      approver: '政府信息公开工作机构负责人',
      notice: '告知申请人',
      basis: `${L.gi}第三十三条第二款`,
    },
    basis: {
      law: L.gi,
      article: '第三十三条第二款',
      text: '行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。',
    },
    rowId: '2.2.2',
    confidence: 'high',
  }),
  defineRule({
    id: 'disclosure.extension',
    name: '依申请公开延长答复期限',
    module: 'disclosure',
    unit: 'working_day',
    length: 20,
    start: { event: 'reply_due', label: '原答复期限届满之日' },
    basis: { law: L.gi, article: '第三十三条第二款', text: '延长的期限最长不得超过20个工作日。' },
    rowId: '2.2.2',
    confidence: 'high',
    note: '从原答复期限届满之日起算的延长期限上限；与 disclosure.reply 加 --extend 的结果相同。',
  }),
  defineRule({
    id: 'disclosure.supplement-notice',
    name: '依申请公开补正告知',
    module: 'disclosure',
    unit: 'working_day',
    length: 7,
    start: { event: 'request_received', label: '收到申请之日', receipt: 'by_channel' },
    basis: {
      law: L.gi,
      article: '第三十条',
      text: '政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。',
    },
    rowId: '2.2.4',
    confidence: 'high',
  }),
  defineRule({
    id: 'disclosure.third-party',
    name: '第三方提出意见期限',
    module: 'disclosure',
    unit: 'working_day',
    length: 15,
    start: { event: 'consultation_received', label: '第三方收到征求意见书之日' },
    basis: { law: L.gi, article: '第三十二条', text: '第三方应当自收到征求意见书之日起15个工作日内提出意见。' },
    rowId: '2.2.6',
    confidence: 'high',
    note: '第三方逾期未提出意见的，由行政机关依照本条例的规定决定是否公开。',
  }),
  defineRule({
    id: 'disclosure.co-producer',
    name: '共同制作机关提出意见期限',
    module: 'disclosure',
    unit: 'working_day',
    length: 15,
    start: { event: 'consultation_received', label: '被征求意见机关收到征求意见之日' },
    basis: { law: L.gi, article: '第三十四条', text: '被征求意见机关应当自收到征求意见书之日起15个工作日内提出意见，逾期未提出意见的视为同意公开。' },
    rowId: '2.2.7',
    confidence: 'high',
    note: '逾期未提出意见的视为同意公开。',
  }),
  defineRule({
    id: 'disclosure.fee-payment',
    name: '申请人缴纳信息处理费期限',
    module: 'disclosure',
    unit: 'working_day',
    length: 20,
    start: { event: 'fee_notice_received', label: '申请人收到收费通知之日' },
    basis: { law: L.giFee, article: '条款未核实' },
    rowId: '2.5.4',
    confidence: 'unverified',
    note: '逾期未缴纳的不再处理；收费通知至缴费期间是否不计入答复期限见 disclosure.reply 的可配置暂停。',
  }),
  defineRule({
    id: 'proactive.publish',
    name: '主动公开期限',
    module: 'disclosure',
    unit: 'working_day',
    length: 20,
    start: { event: 'information_formed', label: '信息形成或者变更之日' },
    basis: {
      law: L.gi,
      article: '第二十六条',
      text: '属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限另有规定的，从其规定。',
    },
    rowId: '2.1.1',
    confidence: 'high',
  }),
  defineRule({
    id: 'gi-report.department-publish',
    name: '政府信息公开工作年度报告公布（县级以上政府部门）',
    module: 'disclosure',
    unit: 'fixed_date',
    length: 0,
    fixedDate: { month: 1, day: 31 },
    start: { event: 'reporting_year', label: '报告年度' },
    basis: { law: L.gi, article: '第四十九条第一款', text: '县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布。' },
    rowId: '2.4.1',
    confidence: 'high',
  }),
  defineRule({
    id: 'gi-report.government-publish',
    name: '政府信息公开工作年度报告公布（县级以上地方人民政府）',
    module: 'disclosure',
    unit: 'fixed_date',
    length: 0,
    fixedDate: { month: 3, day: 31 },
    start: { event: 'reporting_year', label: '报告年度' },
    basis: { law: L.gi, article: '第四十九条第二款', text: '县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。' },
    rowId: '2.4.2',
    confidence: 'high',
  }),

  // ---------------------------------------------------------------- §3 重大行政决策
  defineRule({
    id: 'major-decision.public-comment',
    name: '重大行政决策公开征求意见期限（不少于）',
    module: 'major-decision',
    unit: 'calendar_day',
    length: 30,
    kind: 'minimum',
    start: { event: 'comment_published', label: '公布决策草案征求意见之日' },
    basis: {
      law: L.decision,
      article: '第十五条第一款',
      text: '公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明。',
    },
    rowId: '3.5',
    confidence: 'high',
    note: '结果为征求意见截止日的最早日期；缩短期限须在公开征求意见时说明理由。',
  }),
  defineRule({
    id: 'major-decision.hearing-materials',
    name: '重大行政决策听证会材料送达（听证会7日前）',
    module: 'major-decision',
    unit: 'calendar_day',
    length: 7,
    direction: 'before',
    start: { event: 'hearing_date', label: '听证会召开之日' },
    basis: { law: L.decision, article: '第十六条第三款', text: '听证会材料应当于召开听证会7日前送达听证参加人。' },
    rowId: '3.6',
    confidence: 'high',
    note: '遇休息日提前至此前最后一个工作日送达。',
  }),
  defineRule({
    id: 'major-decision.legality-review',
    name: '重大行政决策合法性审查时间（不少于）',
    module: 'major-decision',
    unit: 'working_day',
    length: 7,
    kind: 'minimum',
    start: { event: 'review_requested', label: '送请合法性审查之日' },
    basis: { law: L.decision, article: '第二十六条第二款', text: '送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日。' },
    rowId: '3.10',
    confidence: 'high',
    note: '结果为审查时间满7个工作日的日期：决策草案不应早于此日提交讨论。',
  }),

  // ---------------------------------------------------------------- §4 行政执法
  defineRule({
    id: 'enforcement.publicity-7',
    name: '行政许可、行政处罚决定公示',
    module: 'enforcement',
    unit: 'working_day',
    length: 7,
    start: { event: 'decision_made', label: '执法决定作出之日' },
    basis: { law: L.threeSystems, article: '（六）' },
    rowId: '4.1.4',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.publicity-20',
    name: '其他行政执法决定公示',
    module: 'enforcement',
    unit: 'working_day',
    length: 20,
    start: { event: 'decision_made', label: '执法决定作出之日' },
    basis: { law: L.threeSystems, article: '（六）' },
    rowId: '4.1.4',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.statistics-report',
    name: '行政执法统计年报公开',
    module: 'enforcement',
    unit: 'fixed_date',
    length: 0,
    fixedDate: { month: 1, day: 31 },
    start: { event: 'reporting_year', label: '报告年度' },
    basis: { law: L.threeSystems, article: '（六）' },
    rowId: '4.1.5',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.penalty-decision',
    name: '行政处罚决定期限',
    module: 'enforcement',
    unit: 'calendar_day',
    length: 90,
    start: { event: 'case_filed', label: '行政处罚案件立案之日' },
    basis: {
      law: L.penalty,
      article: '第六十条',
      text: '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，从其规定。',
    },
    rowId: '4.2.12',
    confidence: 'high',
    configurable: true,
    note: '法律、法规、规章另有规定的从其规定（如部门规章规定的延长、听证鉴定期间不计入），故可配置；届满日遇节假日顺延依《民法典》第二百零三条的一般规则。',
  }),
  defineRule({
    id: 'enforcement.penalty-withdraw',
    name: '已公开行政处罚决定撤回',
    module: 'enforcement',
    unit: 'working_day',
    length: 3,
    start: { event: 'decision_changed', label: '决定被变更、撤销、确认违法或无效之日' },
    basis: { law: L.penalty, article: '第四十八条第二款、第八十五条', text: '应当在三日内撤回行政处罚决定信息并公开说明理由。' },
    rowId: '4.2.7',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.evidence-preservation',
    name: '先行登记保存证据处理决定',
    module: 'enforcement',
    unit: 'working_day',
    length: 7,
    start: { event: 'evidence_registered', label: '先行登记保存之日' },
    basis: { law: L.penalty, article: '第五十六条、第八十五条', text: '应当在七日内及时作出处理决定。' },
    rowId: '4.2.9',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.penalty-service',
    name: '行政处罚决定书送达',
    module: 'enforcement',
    unit: 'working_day',
    length: 7,
    start: { event: 'decision_made', label: '行政处罚决定作出之日' },
    basis: { law: L.penalty, article: '第六十一条、第八十五条', text: '当事人不在场的，行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定，将行政处罚决定书送达当事人。' },
    rowId: '4.2.13',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.hearing-request',
    name: '当事人要求听证期限',
    module: 'enforcement',
    unit: 'working_day',
    length: 5,
    start: { event: 'hearing_rights_notified', label: '行政机关告知听证权利之日' },
    basis: { law: L.penalty, article: '第六十四条第（一）项、第八十五条', text: '当事人要求听证的，应当在行政机关告知后五日内提出。' },
    rowId: '4.2.14',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.hearing-notice',
    name: '行政处罚听证通知（听证七日前）',
    module: 'enforcement',
    unit: 'working_day',
    length: 7,
    direction: 'before',
    start: { event: 'hearing_date', label: '举行听证之日' },
    basis: { law: L.penalty, article: '第六十四条第（二）项、第八十五条', text: '行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点。' },
    rowId: '4.2.14',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.fine-payment',
    name: '缴纳罚款期限',
    module: 'enforcement',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'decision_received', label: '当事人收到行政处罚决定书之日' },
    basis: { law: L.penalty, article: '第六十七条第三款', text: '当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。' },
    rowId: '4.2.15',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.cash-handover',
    name: '当场收缴罚款交至行政机关',
    module: 'enforcement',
    unit: 'working_day',
    length: 2,
    start: { event: 'fine_collected', label: '当场收缴罚款之日' },
    basis: { law: L.penalty, article: '第七十一条、第八十五条', text: '执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关。' },
    rowId: '4.2.16',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.license-decision',
    name: '行政许可决定期限',
    module: 'enforcement',
    unit: 'working_day',
    length: 20,
    start: { event: 'application_accepted', label: '受理行政许可申请之日' },
    // 《行政许可法》第四十五条：听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审所需时间不计算在本节规定的期限内
    pauseBetween: [
      {
        from: 'assessment_started',
        to: 'assessment_ended',
        label: '听证、检验、检测、鉴定、专家评审等',
        basis: `${L.licensing}第四十五条`,
        rowId: '4.3',
        confidence: 'high',
        enabled: true,
      },
    ],
    extension: { maxLength: 10, approver: '本行政机关负责人', notice: '将延长期限的理由告知申请人', basis: `${L.licensing}第四十二条第一款` },
    basis: { law: L.licensing, article: '第四十二条第一款、第八十二条' },
    rowId: '4.3',
    confidence: 'high',
    note: '法律、法规另有规定的，依照其规定；行政许可法的期限以工作日计算（第八十二条）。',
  }),
  defineRule({
    id: 'enforcement.license-certificate',
    name: '颁发、送达行政许可证件',
    module: 'enforcement',
    unit: 'working_day',
    length: 10,
    start: { event: 'decision_made', label: '作出准予行政许可决定之日' },
    basis: { law: L.licensing, article: '第四十四条、第八十二条' },
    rowId: '4.3',
    confidence: 'high',
  }),
  defineRule({
    id: 'enforcement.enterprise-publicity',
    name: '企业信用信息公示系统公示（行政处罚等信息）',
    module: 'enforcement',
    unit: 'working_day',
    length: 20,
    start: { event: 'information_formed', label: '信息形成之日' },
    basis: { law: L.enterpriseInfo, article: '第六条、第七条（2024年修订版未核实）' },
    rowId: '10.3.3',
    confidence: 'high',
    configurable: true,
    note: '依据为2014年文本，2024年修订未核实，故可配置。',
  }),
  defineRule({
    id: 'enforcement.random-inspection-publicity',
    name: '双随机抽查结果公开',
    module: 'enforcement',
    unit: 'working_day',
    length: 20,
    start: { event: 'inspection_finished', label: '抽查检查结果形成之日' },
    basis: { law: '未找到全国性依据', article: '—' },
    rowId: '10.3.4',
    confidence: 'unverified',
  }),

  // ---------------------------------------------------------------- §5 行政复议
  defineRule({
    id: 'reconsideration.application',
    name: '申请行政复议期限',
    module: 'reconsideration',
    unit: 'calendar_day',
    length: 60,
    start: { event: 'act_known', label: '知道或者应当知道该行政行为之日' },
    basis: { law: L.reconsideration, article: '第二十条第一款' },
    rowId: '5.1',
    confidence: 'high',
    note: '法律规定的申请期限超过六十日的除外；未告知复议权利的见第二十条第三款（最长一年）。',
  }),
  defineRule({
    id: 'reconsideration.acceptance',
    name: '行政复议受理审查',
    module: 'reconsideration',
    unit: 'working_day',
    length: 5,
    start: { event: 'application_received', label: '收到行政复议申请之日' },
    // 《行政复议法》第三十一条第三款：行政复议机关收到补正材料后，依照本法第三十条的规定处理 (domain-rules 5.5)
    restartOn: [
      {
        event: 'supplement_received',
        label: '收到补正材料',
        basis: `${L.reconsideration}第三十一条第三款`,
        rowId: '5.5',
        confidence: 'high',
        enabled: true,
      },
    ],
    basis: {
      law: L.reconsideration,
      article: '第三十条、第八十八条第二款',
      text: '行政复议申请的审查期限届满，行政复议机关未作出不予受理决定的，审查期限届满之日起视为受理。',
    },
    rowId: '5.4',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.supplement-notice',
    name: '行政复议补正通知',
    module: 'reconsideration',
    unit: 'working_day',
    length: 5,
    start: { event: 'application_received', label: '收到行政复议申请之日' },
    basis: { law: L.reconsideration, article: '第三十一条第一款、第八十八条第二款', text: '行政复议机关应当自收到申请之日起五日内书面通知申请人补正。' },
    rowId: '5.5',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.supplement',
    name: '申请人提交补正材料期限',
    module: 'reconsideration',
    unit: 'working_day',
    length: 10,
    start: { event: 'supplement_notice_received', label: '申请人收到补正通知之日' },
    basis: { law: L.reconsideration, article: '第三十一条第二款、第八十八条第二款', text: '申请人应当自收到补正通知之日起十日内提交补正材料。' },
    rowId: '5.5',
    confidence: 'high',
    note: '有正当理由不能按期补正的，行政复议机关可以延长合理的补正期限（法律未设上限）。',
    extension: { maxLength: null, approver: '行政复议机关', basis: `${L.reconsideration}第三十一条第二款` },
  }),
  defineRule({
    id: 'reconsideration.forward',
    name: '作出处罚的机关转送行政复议申请',
    module: 'reconsideration',
    unit: 'working_day',
    length: 5,
    start: { event: 'application_received', label: '收到行政复议申请之日' },
    basis: { law: L.reconsideration, article: '第三十二条第二款、第八十八条第二款' },
    rowId: '5.6',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.copy-to-respondent',
    name: '向被申请人发送申请书副本（普通程序）',
    module: 'reconsideration',
    unit: 'working_day',
    length: 7,
    start: { event: 'application_accepted', label: '行政复议申请受理之日' },
    basis: { law: L.reconsideration, article: '第四十八条、第八十八条第二款' },
    rowId: '5.7',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.reply',
    name: '被申请人书面答复（普通程序）',
    module: 'reconsideration',
    unit: 'working_day',
    length: 10,
    start: { event: 'copy_received', label: '被申请人收到申请书副本之日' },
    basis: {
      law: L.reconsideration,
      article: '第四十八条、第八十八条第二款',
      text: '被申请人应当自收到行政复议申请书副本或者行政复议申请笔录复印件之日起十日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。',
    },
    rowId: '5.7',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.hearing-notice',
    name: '行政复议听证通知（听证五日前）',
    module: 'reconsideration',
    unit: 'working_day',
    length: 5,
    direction: 'before',
    start: { event: 'hearing_date', label: '举行听证之日' },
    basis: { law: L.reconsideration, article: '第五十一条第一款、第八十八条第二款' },
    rowId: '5.8',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.simplified-copy',
    name: '向被申请人发送申请书副本（简易程序）',
    module: 'reconsideration',
    unit: 'working_day',
    length: 3,
    start: { event: 'application_accepted', label: '行政复议申请受理之日' },
    basis: { law: L.reconsideration, article: '第五十四条第一款、第八十八条第二款' },
    rowId: '5.9',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.simplified-reply',
    name: '被申请人书面答复（简易程序）',
    module: 'reconsideration',
    unit: 'working_day',
    length: 5,
    start: { event: 'copy_received', label: '被申请人收到申请书副本之日' },
    basis: { law: L.reconsideration, article: '第五十四条第一款、第八十八条第二款' },
    rowId: '5.9',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.decision',
    name: '行政复议决定期限（普通程序）',
    module: 'reconsideration',
    unit: 'calendar_day',
    length: 60,
    start: { event: 'application_accepted', label: '受理申请之日' },
    pauseBetween: [RECONSIDERATION_SUSPENSION],
    // 《行政复议法》第六十二条第一款：经行政复议机构的负责人批准，可以适当延长……延长期限最多不得超过三十日 (domain-rules 5.10)
    extension: { maxLength: 30, approver: '行政复议机构负责人', notice: '书面告知当事人', basis: `${L.reconsideration}第六十二条第一款` },
    basis: {
      law: L.reconsideration,
      article: '第六十二条第一款',
      text: '适用普通程序审理的行政复议案件，行政复议机关应当自受理申请之日起六十日内作出行政复议决定；但是法律规定的行政复议期限少于六十日的除外。',
    },
    rowId: '5.10',
    confidence: 'high',
    note: '届满日遇法定休假日顺延（第八十八条第一款→《民事诉讼法》第八十五条）。',
  }),
  defineRule({
    id: 'reconsideration.simplified-decision',
    name: '行政复议决定期限（简易程序）',
    module: 'reconsideration',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'application_accepted', label: '受理申请之日' },
    pauseBetween: [RECONSIDERATION_SUSPENSION],
    basis: { law: L.reconsideration, article: '第六十二条第二款', text: '适用简易程序审理的行政复议案件，行政复议机关应当自受理申请之日起三十日内作出行政复议决定。' },
    rowId: '5.10',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.normative-review',
    name: '附带审查规范性文件（有权处理的）',
    module: 'reconsideration',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'review_requested', label: '提出附带审查申请之日' },
    basis: { law: L.reconsideration, article: '第五十六条、第五十七条' },
    rowId: '5.11',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.normative-transfer',
    name: '附带审查规范性文件转送（无权处理的）',
    module: 'reconsideration',
    unit: 'working_day',
    length: 7,
    start: { event: 'review_requested', label: '提出附带审查申请之日' },
    basis: { law: L.reconsideration, article: '第五十六条、第五十七条、第八十八条第二款' },
    rowId: '5.11',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.drafter-reply',
    name: '规范性文件制定机关书面答复',
    module: 'reconsideration',
    unit: 'working_day',
    length: 10,
    start: { event: 'notice_received', label: '制定机关收到书面通知之日' },
    basis: { law: L.reconsideration, article: '第五十八条第一款、第八十八条第二款' },
    rowId: '5.11',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.transfer-reply',
    name: '接受转送机关回复处理意见',
    module: 'reconsideration',
    unit: 'calendar_day',
    length: 60,
    start: { event: 'transfer_received', label: '收到转送之日' },
    basis: { law: L.reconsideration, article: '第六十条' },
    rowId: '5.11',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.opinion-report',
    name: '行政复议意见书落实情况报送',
    module: 'reconsideration',
    unit: 'calendar_day',
    length: 60,
    start: { event: 'opinion_received', label: '收到行政复议意见书之日' },
    basis: { law: L.reconsideration, article: '第七十六条' },
    rowId: '5.14',
    confidence: 'high',
  }),
  defineRule({
    id: 'reconsideration.sue-after',
    name: '复议前置案件起诉期限',
    module: 'reconsideration',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'decision_received', label: '收到决定书之日或者行政复议期限届满之日' },
    basis: { law: L.reconsideration, article: '第三十四条' },
    rowId: '5.16',
    confidence: 'high',
  }),

  // ---------------------------------------------------------------- §6 行政诉讼（应诉）
  defineRule({
    id: 'litigation.answer',
    name: '行政应诉答辩及提交证据',
    module: 'litigation',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'complaint_received', label: '收到起诉状副本之日' },
    basis: {
      law: L.litigation,
      article: '第六十七条第一款',
      text: '被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状。',
    },
    rowId: '6.2',
    confidence: 'high',
    note: '期间计算依《民事诉讼法》第八十五条（行政诉讼法第一百零一条）。',
  }),
  defineRule({
    id: 'litigation.filing',
    name: '提起行政诉讼期限',
    module: 'litigation',
    unit: 'month',
    length: 6,
    start: { event: 'act_known', label: '知道或者应当知道作出行政行为之日' },
    basis: { law: L.litigation, article: '第四十六条第一款' },
    rowId: '6.3',
    confidence: 'high',
  }),
  defineRule({
    id: 'litigation.filing-after-reconsideration',
    name: '不服复议决定起诉期限',
    module: 'litigation',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'decision_received', label: '收到复议决定书之日或者复议期满之日' },
    basis: { law: L.litigation, article: '第四十五条' },
    rowId: '6.3',
    confidence: 'high',
  }),
  defineRule({
    id: 'litigation.first-instance',
    name: '第一审审理期限',
    module: 'litigation',
    unit: 'month',
    length: 6,
    start: { event: 'case_filed', label: '立案之日' },
    extension: { maxLength: null, approver: '高级人民法院（高级人民法院审理的由最高人民法院）', basis: `${L.litigation}第八十一条` },
    basis: { law: L.litigation, article: '第八十一条' },
    rowId: '6.4',
    confidence: 'high',
  }),
  defineRule({
    id: 'litigation.simplified',
    name: '简易程序审理期限',
    module: 'litigation',
    unit: 'calendar_day',
    length: 45,
    start: { event: 'case_filed', label: '立案之日' },
    basis: { law: L.litigation, article: '第八十三条' },
    rowId: '6.5',
    confidence: 'high',
  }),
  defineRule({
    id: 'litigation.appeal-judgment',
    name: '不服判决上诉期限',
    module: 'litigation',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'judgment_served', label: '判决书送达之日' },
    basis: { law: L.litigation, article: '第八十五条' },
    rowId: '6.6',
    confidence: 'high',
  }),
  defineRule({
    id: 'litigation.appeal-ruling',
    name: '不服裁定上诉期限',
    module: 'litigation',
    unit: 'calendar_day',
    length: 10,
    start: { event: 'ruling_served', label: '裁定书送达之日' },
    basis: { law: L.litigation, article: '第八十五条' },
    rowId: '6.6',
    confidence: 'high',
  }),
  defineRule({
    id: 'litigation.appeal-decision',
    name: '上诉案件审理期限',
    module: 'litigation',
    unit: 'month',
    length: 3,
    start: { event: 'appeal_received', label: '收到上诉状之日' },
    basis: { law: L.litigation, article: '第八十八条' },
    rowId: '6.6',
    confidence: 'high',
  }),
  defineRule({
    id: 'litigation.appearance-notice',
    name: '负责人出庭通知书送达（开庭三日前）',
    module: 'litigation',
    unit: 'calendar_day',
    length: 3,
    direction: 'before',
    start: { event: 'hearing_date', label: '开庭之日' },
    basis: { law: L.spcAppearance, article: '第五条' },
    rowId: '6.12',
    confidence: 'high',
    lastDayOff: 'keep',
    note: '人民法院的义务；用于核对通知是否及时。',
  }),

  // ---------------------------------------------------------------- §7 信访 (plain 日 read as calendar days: §0.3, unverified)
  defineRule({
    id: 'petition.transfer',
    name: '信访事项转送、交办',
    module: 'petition',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'petition_registered', label: '信访部门收到信访事项之日' },
    basis: { law: L.petition, article: '第二十二条' },
    rowId: '7.1',
    confidence: 'high',
    configurable: true,
    note: '“日”按自然日计算、届满遇节假日顺延为解释（domain-rules §0.3 unverified），可配置。',
  }),
  defineRule({
    id: 'petition.acceptance-notice',
    name: '直接收到信访事项的书面告知',
    module: 'petition',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'petition_received', label: '收到信访事项之日' },
    basis: { law: L.petition, article: '第二十三条第二款' },
    rowId: '7.2',
    confidence: 'high',
    configurable: true,
    note: '“日”按自然日计算为解释（domain-rules §0.3 unverified），可配置。',
  }),
  defineRule({
    id: 'petition.transferred-notice',
    name: '转送、交办信访事项的书面告知',
    module: 'petition',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'petition_transferred', label: '收到转送、交办的信访事项之日' },
    basis: { law: L.petition, article: '第二十三条第三款' },
    rowId: '7.3',
    confidence: 'high',
    configurable: true,
    note: '“日”按自然日计算为解释（domain-rules §0.3 unverified），可配置。',
  }),
  defineRule({
    id: 'petition.objection',
    name: '对转送、交办信访事项提出异议',
    module: 'petition',
    unit: 'working_day',
    length: 5,
    start: { event: 'petition_transferred', label: '收到转送、交办的信访事项之日' },
    basis: { law: L.petition, article: '第二十三条第三款' },
    rowId: '7.3',
    confidence: 'high',
  }),
  defineRule({
    id: 'petition.handling',
    name: '信访事项办理期限',
    module: 'petition',
    unit: 'calendar_day',
    length: 60,
    start: { event: 'petition_accepted', label: '受理之日' },
    extension: { maxLength: 30, approver: '本机关负责人', notice: '告知信访人延期理由', basis: `${L.petition}第三十四条` },
    basis: { law: L.petition, article: '第三十一条第（六）项、第三十四条' },
    rowId: '7.4',
    confidence: 'high',
    configurable: true,
    note: '“日”按自然日计算为解释（domain-rules §0.3 unverified），可配置。',
  }),
  defineRule({
    id: 'petition.review-request',
    name: '请求复查期限',
    module: 'petition',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'reply_received', label: '收到书面答复之日' },
    basis: { law: L.petition, article: '第三十五条' },
    rowId: '7.6',
    confidence: 'high',
    configurable: true,
    note: '“日”按自然日计算为解释（domain-rules §0.3 unverified），可配置。',
  }),
  defineRule({
    id: 'petition.review',
    name: '信访复查意见期限',
    module: 'petition',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'review_requested', label: '收到复查请求之日' },
    basis: { law: L.petition, article: '第三十五条' },
    rowId: '7.6',
    confidence: 'high',
    configurable: true,
    note: '“日”按自然日计算为解释（domain-rules §0.3 unverified），可配置。',
  }),
  defineRule({
    id: 'petition.recheck-request',
    name: '请求复核期限',
    module: 'petition',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'review_reply_received', label: '收到复查意见之日' },
    basis: { law: L.petition, article: '第三十六条' },
    rowId: '7.7',
    confidence: 'high',
    configurable: true,
    note: '“日”按自然日计算为解释（domain-rules §0.3 unverified），可配置。',
  }),
  defineRule({
    id: 'petition.recheck',
    name: '信访复核意见期限',
    module: 'petition',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'recheck_requested', label: '收到复核请求之日' },
    // 《信访工作条例》第三十六条：复核机关……听证所需时间不计算在前款规定的期限内 (domain-rules 7.7)
    pauseBetween: [
      {
        from: 'hearing_started',
        to: 'hearing_ended',
        label: '复核听证',
        basis: `${L.petition}第三十六条`,
        rowId: '7.7',
        confidence: 'high',
        enabled: true,
      },
    ],
    basis: { law: L.petition, article: '第三十六条' },
    rowId: '7.7',
    confidence: 'high',
    configurable: true,
    note: '“日”按自然日计算为解释（domain-rules §0.3 unverified），可配置。',
  }),

  // ---------------------------------------------------------------- §8 人民调解
  defineRule({
    id: 'mediation.judicial-confirmation',
    name: '申请司法确认期限',
    module: 'mediation',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'agreement_effective', label: '调解协议生效之日' },
    basis: { law: `${L.mediation}；${L.civilProcedure}`, article: '人民调解法第三十三条；民事诉讼法第二百零五条' },
    rowId: '8.5',
    confidence: 'high',
  }),
  defineRule({
    id: 'mediation.court-acceptance',
    name: '法院决定是否受理司法确认申请',
    module: 'mediation',
    unit: 'calendar_day',
    length: 3,
    start: { event: 'confirmation_applied', label: '收到司法确认申请之日' },
    basis: { law: L.spcConfirmation, article: '第四条' },
    rowId: '8.6',
    confidence: 'high',
  }),
  defineRule({
    id: 'mediation.court-confirmation',
    name: '法院作出是否确认决定（2011年规定）',
    module: 'mediation',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'confirmation_accepted', label: '受理司法确认申请之日' },
    extension: { maxLength: 10, approver: '本院院长', basis: `${L.spcConfirmation}第五条` },
    basis: { law: L.spcConfirmation, article: '第五条' },
    rowId: '8.6',
    confidence: 'high',
    configurable: true,
    note: '《民事诉讼法》第一百八十七条对特别程序规定30日（见 mediation.special-procedure），现行适用哪一期限待确认，故可配置。',
  }),
  defineRule({
    id: 'mediation.special-procedure',
    name: '特别程序（确认调解协议）审结期限',
    module: 'mediation',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'confirmation_accepted', label: '立案之日' },
    extension: { maxLength: null, approver: '本院院长', basis: `${L.civilProcedure}第一百八十七条` },
    basis: { law: L.civilProcedure, article: '第一百八十七条' },
    rowId: '8.7',
    confidence: 'high',
  }),
  defineRule({
    id: 'mediation.conclude',
    name: '人民调解一般调结期限',
    module: 'mediation',
    unit: 'month',
    length: 1,
    start: { event: 'mediation_accepted', label: '受理调解之日' },
    basis: { law: L.mojMediation, article: '第三十三条', text: '一般在一个月内调结。' },
    rowId: '8.9',
    confidence: 'medium',
  }),

  // ---------------------------------------------------------------- §9 行政规范性文件、规章
  defineRule({
    id: 'normative-doc.legality-review',
    name: '规范性文件合法性审核（最长）',
    module: 'normative-doc',
    unit: 'working_day',
    length: 15,
    start: { event: 'review_requested', label: '审核机构收到送审材料之日' },
    basis: { law: L.normativeReview, article: '审核时间（段落号未核对）' },
    rowId: '9.1.4',
    confidence: 'high',
    note: '为保障重大紧急事项或上级文件要求等需要立即制定的除外。',
  }),
  defineRule({
    id: 'normative-doc.legality-review-min',
    name: '规范性文件合法性审核（不少于）',
    module: 'normative-doc',
    unit: 'working_day',
    length: 5,
    kind: 'minimum',
    start: { event: 'review_requested', label: '审核机构收到送审材料之日' },
    basis: { law: L.normativeReview, article: '审核时间（段落号未核对）' },
    rowId: '9.1.4',
    confidence: 'high',
  }),
  defineRule({
    id: 'normative-doc.public-comment',
    name: '规范性文件公开征求意见期限（不少于）',
    module: 'normative-doc',
    unit: 'working_day',
    length: 7,
    kind: 'minimum',
    start: { event: 'comment_published', label: '公开征求意见之日' },
    basis: { law: L.normativeManagement, article: '条款未核实' },
    rowId: '9.2.3',
    confidence: 'unverified',
  }),
  defineRule({
    id: 'normative-doc.filing',
    name: '规范性文件报送备案',
    module: 'normative-doc',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'document_issued', label: '规范性文件发布之日' },
    basis: { law: '《国务院关于加强市县政府依法行政的决定》(国发〔2008〕17号)及各省规定', article: '各省不一' },
    rowId: '9.3.4',
    confidence: 'medium',
    note: '许多省份现为30日或15个工作日，须按省配置。',
  }),
  defineRule({
    id: 'normative-doc.validity',
    name: '规范性文件有效期届满',
    module: 'normative-doc',
    unit: 'month',
    length: 60,
    start: { event: 'document_effective', label: '施行之日', startDayCounted: true },
    lastDayOff: 'keep',
    basis: { law: L.localNormative, article: '“有效期一般不超过5年”（地方规定）' },
    rowId: '9.3.5',
    confidence: 'local',
    note: '暂行、试行的有效期通常更短（如2年），按文件或省里规定配置；施行之日计入有效期。',
  }),
  defineRule({
    id: 'normative-doc.evaluation',
    name: '规范性文件有效期届满前评估（届满6个月前）',
    module: 'normative-doc',
    unit: 'month',
    length: 6,
    direction: 'before',
    start: { event: 'validity_expires', label: '有效期届满之日' },
    lastDayOff: 'keep',
    basis: { law: L.localNormative, article: '有效期届满前6个月评估（地方规定）' },
    rowId: '9.3.5',
    confidence: 'local',
  }),
  defineRule({
    id: 'normative-doc.effective-min',
    name: '规范性文件施行日期（公布后不少于）',
    module: 'normative-doc',
    unit: 'calendar_day',
    length: 30,
    kind: 'minimum',
    start: { event: 'document_published', label: '公布之日' },
    basis: { law: L.localNormative, article: '自公布之日起30日后施行（地方规定）' },
    rowId: '9.3.6',
    confidence: 'local',
    note: '涉及国家安全、外汇汇率、货币政策的确定以及公布后不立即施行将有碍施行的除外。',
  }),
  defineRule({
    id: 'regulation.filing',
    name: '规章报送备案',
    module: 'normative-doc',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'regulation_published', label: '规章公布之日' },
    basis: { law: L.filing, article: '第四条', text: '法规、规章公布后，应当自公布之日起30日内，依照下列规定报送备案' },
    rowId: '9.3.1',
    confidence: 'high',
  }),
  defineRule({
    id: 'regulation.filing-supplement',
    name: '规章补充或者重新报送备案',
    module: 'normative-doc',
    unit: 'calendar_day',
    length: 15,
    start: { event: 'notice_received', label: '收到暂缓办理备案登记通知之日' },
    basis: { law: L.filing, article: '第九条第二款', text: '制定机关应当自收到通知之日起15日内按照要求补充或者重新报送备案' },
    rowId: '9.3.2',
    confidence: 'high',
  }),
  defineRule({
    id: 'regulation.annual-list',
    name: '上一年所制定规章目录报送',
    module: 'normative-doc',
    unit: 'fixed_date',
    length: 0,
    fixedDate: { month: 1, day: 31 },
    start: { event: 'reporting_year', label: '制定年度' },
    basis: { law: L.filing, article: '第二十二条', text: '法规、规章的制定机关应当于每年1月31日前将上一年所制定的法规、规章目录报国务院备案审查工作机构。' },
    rowId: '9.3.2',
    confidence: 'high',
  }),
  defineRule({
    id: 'regulation.correction-report',
    name: '规章处理情况报送',
    module: 'normative-doc',
    unit: 'calendar_day',
    length: 30,
    start: { event: 'notice_received', label: '接到审查处理通知之日' },
    basis: { law: L.filing, article: '第二十一条' },
    rowId: '9.3.2',
    confidence: 'high',
  }),
  defineRule({
    id: 'regulation.public-comment',
    name: '规章草案公开征求意见期限（不少于）',
    module: 'normative-doc',
    unit: 'calendar_day',
    length: 30,
    kind: 'minimum',
    start: { event: 'comment_published', label: '公开征求意见之日' },
    basis: { law: L.ruleMaking, article: '第十五条' },
    rowId: '9.3.3',
    confidence: 'high',
    note: '“一般不少于30日”。',
  }),
  defineRule({
    id: 'regulation.effective-min',
    name: '规章施行日期（公布后不少于）',
    module: 'normative-doc',
    unit: 'calendar_day',
    length: 30,
    kind: 'minimum',
    start: { event: 'regulation_published', label: '公布之日' },
    basis: { law: L.ruleMaking, article: '第三十二条' },
    rowId: '9.3.3',
    confidence: 'high',
    note: '涉及国家安全、外汇汇率、货币政策的确定以及公布后不立即施行将有碍规章施行的，可以自公布之日起施行。',
  }),

  // ---------------------------------------------------------------- §10 行政执法证
  defineRule({
    id: 'enforcement.certificate-validity',
    name: '行政执法证有效期届满',
    module: 'enforcement',
    unit: 'month',
    length: 60,
    start: { event: 'certificate_issued', label: '发证之日', startDayCounted: true },
    lastDayOff: 'keep',
    basis: { law: L.certificate, article: '有效期5年（湖南）' },
    rowId: '10.2.4',
    confidence: 'local',
  }),
  defineRule({
    id: 'enforcement.certificate-renewal',
    name: '行政执法证换证申请（届满6个月前起）',
    module: 'enforcement',
    unit: 'month',
    length: 6,
    direction: 'before',
    start: { event: 'certificate_expires', label: '执法证有效期届满之日' },
    lastDayOff: 'keep',
    basis: { law: L.certificate, article: '届满前6个月内申请换证（湖南）' },
    rowId: '10.2.4',
    confidence: 'local',
  }),
];

const RULES_BY_ID = new Map(DEADLINE_RULES.map((r) => [r.id, r]));

/** Looks a rule up by id in `rules` (default: the national rule set). Throws `UNKNOWN_RULE` with a Chinese message. */
export function getRule(id: string, rules: readonly DeadlineRule[] = DEADLINE_RULES): DeadlineRule {
  const rule = rules === DEADLINE_RULES ? RULES_BY_ID.get(id) : rules.find((r) => r.id === id);
  if (!rule) {
    throw new CalendarError('UNKNOWN_RULE', `没有期限规则“${id}”，可用 \`fazhi deadline rules\` 查看全部规则`);
  }
  return rule;
}

const ZUnit = z.enum(['working_day', 'calendar_day', 'month', 'fixed_date']);
const ZRuleOverride = z
  .object({
    length: z.number().int().min(0).max(10_000).optional(),
    unit: ZUnit.optional(),
    fixedDate: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).optional(),
    extension: z.object({ maxLength: z.number().int().min(1).max(10_000).nullable() }).nullable().optional(),
    lastDayOff: z.enum(['next_working_day', 'previous_working_day', 'keep']).optional(),
    startDayCounted: z.boolean().optional(),
    /** Switch pauses / restarts on or off by their event (`fee_notice_sent`, `supplement_received` …). */
    pauses: z.record(z.string(), z.boolean()).optional(),
    restarts: z.record(z.string(), z.boolean()).optional(),
    note: z.string().max(500).optional(),
  })
  .strict();

/** Settings of one rule for a province or unit (every field optional). */
export type RuleOverride = z.infer<typeof ZRuleOverride>;

/** Rule settings by rule id, as stored in the settings table (sys_config-like) per province or unit. */
export type RuleConfig = Record<string, RuleOverride>;

const HIGH: Confidence = 'high';

/**
 * Applies a configuration object of rule overrides to a rule set and returns a new rule set (the input is not
 * changed). Only `configurable` rules may change their period (length, unit, fixed date, extension, roll-forward,
 * start-day counting); on any rule, a pause or restart whose own confidence is not high may be switched on or off
 * (e.g. the unverified 信息处理费 pause, domain-rules 2.5.4 / §15.9). Everything else is refused with
 * `RULE_NOT_CONFIGURABLE`, so a national high rule stays a constant. Each changed rule records its changes in
 * `configured` so that traces show where a value came from.
 */
export function applyRuleConfig(
  rules: readonly DeadlineRule[],
  config: RuleConfig,
  source = '配置',
): DeadlineRule[] {
  const parsed = z.record(z.string(), ZRuleOverride).safeParse(config, { error: z.locales.zhCN().localeError });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`);
    throw new CalendarError('INVALID_INPUT', `期限规则配置不合法：${problems.join('；')}`, problems);
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const id of Object.keys(parsed.data)) {
    if (!byId.has(id)) throw new CalendarError('UNKNOWN_RULE', `期限规则配置中的“${id}”不是已知规则`);
  }
  return rules.map((rule) => {
    const o = parsed.data[rule.id];
    if (!o) return rule;
    const changes: Record<string, [unknown, unknown]> = {};
    const next: DeadlineRule = {
      ...rule,
      start: { ...rule.start },
      pauseBetween: rule.pauseBetween.map((p) => ({ ...p })),
      restartOn: rule.restartOn.map((r) => ({ ...r })),
    };
    const periodFields = ['length', 'unit', 'fixedDate', 'extension', 'lastDayOff', 'startDayCounted'] as const;
    const touched = periodFields.filter((f) => o[f] !== undefined);
    if (touched.length && !rule.configurable) {
      throw new CalendarError(
        'RULE_NOT_CONFIGURABLE',
        `期限规则“${rule.name}”（${rule.id}）依据${rule.basis.law}${rule.basis.article}，属全国性高置信度规则，不能通过配置修改 ${touched.join('、')}`,
      );
    }
    if (o.length !== undefined && o.length !== rule.length) {
      changes.length = [rule.length, o.length];
      next.length = o.length;
    }
    if (o.unit !== undefined && o.unit !== rule.unit) {
      changes.unit = [rule.unit, o.unit];
      next.unit = o.unit as PeriodUnit;
    }
    if (o.fixedDate !== undefined) {
      changes.fixedDate = [rule.fixedDate, o.fixedDate];
      next.fixedDate = o.fixedDate;
    }
    if (o.extension !== undefined) {
      const ext = o.extension === null ? null : { ...(rule.extension ?? { approver: '本机关负责人', basis: source }), maxLength: o.extension.maxLength };
      changes.extension = [rule.extension?.maxLength ?? null, ext?.maxLength ?? null];
      next.extension = ext;
    }
    if (o.lastDayOff !== undefined && o.lastDayOff !== rule.lastDayOff) {
      changes.lastDayOff = [rule.lastDayOff, o.lastDayOff];
      next.lastDayOff = o.lastDayOff;
    }
    if (o.startDayCounted !== undefined && o.startDayCounted !== rule.start.startDayCounted) {
      changes.startDayCounted = [rule.start.startDayCounted, o.startDayCounted];
      next.start.startDayCounted = o.startDayCounted;
    }
    const toggle = <T extends PauseRule | RestartRule>(list: T[], key: (x: T) => string, settings: Record<string, boolean> | undefined, what: string) => {
      for (const [event, enabled] of Object.entries(settings ?? {})) {
        const item = list.find((x) => key(x) === event);
        if (!item) throw new CalendarError('INVALID_INPUT', `期限规则“${rule.id}”没有${what}“${event}”`);
        if (item.enabled === enabled) continue;
        if (item.confidence === HIGH && !rule.configurable) {
          throw new CalendarError('RULE_NOT_CONFIGURABLE', `期限规则“${rule.id}”的${what}“${item.label}”依据${item.basis}，不能通过配置关闭`);
        }
        changes[`${what}:${event}`] = [item.enabled, enabled];
        item.enabled = enabled;
      }
    };
    toggle(next.pauseBetween, (p) => p.from, o.pauses, '暂停事项');
    toggle(next.restartOn, (r) => r.event, o.restarts, '重新起算事项');
    if (o.note !== undefined) next.note = o.note;
    if (next.unit === 'fixed_date' && !next.fixedDate) {
      throw new CalendarError('INVALID_INPUT', `期限规则“${rule.id}”改为固定日期时须同时配置 fixedDate`);
    }
    if (Object.keys(changes).length) next.configured = { source, changes };
    return next;
  });
}
