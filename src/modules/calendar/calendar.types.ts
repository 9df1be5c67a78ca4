/**
 * Types of deadline rules (house-style §6: deadline rules are data) and of computed deadlines with their trace.
 */

/** How a period is counted. Which laws count working days is decided per law (domain-rules §0.3), per rule. */
export type PeriodUnit =
  | 'working_day' // 工作日：不含周末和法定节假日，含调休上班日
  | 'calendar_day' // 日（自然日）
  | 'month' // 月：到期月的对应日（《民法典》第二百零二条）
  | 'fixed_date'; // 报告年度次年的固定日期（3月1日、4月1日、1月31日…）

/** `deadline`: must happen **by** the computed date. `minimum`: must **not** happen before it (不少于…). */
export type DeadlineKind = 'deadline' | 'minimum';

/** Confidence legend of domain-rules §0.1. */
export type Confidence = 'high' | 'medium-high' | 'medium' | 'unverified' | 'local';

/**
 * What happens when the computed last day is not a working day.
 * - `next_working_day`: the period ends on the next working day (民事诉讼法第八十五条, 民法典第二百零三条).
 * - `previous_working_day`: for "N days before X" duties: act on the last working day before.
 * - `keep`: the date stands (fixed calendar dates, expiry dates, minimums).
 */
export type LastDayOff = 'next_working_day' | 'previous_working_day' | 'keep';

/** Legal basis of a rule: the law and the article, with the clause quoted where the text is verified. */
export interface LegalBasis {
  /** e.g. 《政府信息公开条例》(2019) */
  law: string;
  /** e.g. 第三十三条第二款 */
  article: string;
  /** The clause, quoted (only when taken from the official text or a verbatim copy). */
  text?: string;
}

/** How the period starts. */
export interface StartRule {
  /** Event type whose date starts the period, e.g. `request_received`. */
  event: string;
  /** Chinese label, e.g. 收到申请之日. */
  label: string;
  /**
   * `by_channel`: the start date is the date of receipt determined by the channel of submission
   * (《政府信息公开条例》第三十一条, domain-rules 2.2.5); see `resolveReceiptDate`.
   */
  receipt?: 'by_channel';
  /**
   * false (the default in Chinese law): the start day is not counted, counting begins the next day
   * (《民法典》第二百零一条；《民事诉讼法》第八十五条“期间开始的时和日，不计算在期间内”). true: the start day is day 1
   * (e.g. a validity of 5 years "自施行之日起").
   */
  startDayCounted: boolean;
}

/** An interval during which the clock does not run, opened and closed by two events. */
export interface PauseRule {
  /** Event that stops the clock, e.g. `consultation_started`. */
  from: string;
  /** Event that lets it run again, e.g. `consultation_ended`. */
  to: string;
  /** Chinese label, e.g. 征求第三方意见. */
  label: string;
  basis: string;
  rowId: string;
  confidence: Confidence;
  /** Pauses that are not verified national law are off by default and switched on by configuration. */
  enabled: boolean;
}

/** An event that restarts the period from its date (e.g. 补正 received). */
export interface RestartRule {
  event: string;
  label: string;
  basis: string;
  rowId: string;
  confidence: Confidence;
  enabled: boolean;
}

/** Extension of the period. */
export interface ExtensionRule {
  /** Cap in the rule's unit; null when the law sets no cap (the length must then be given). */
  maxLength: number | null;
  /** Who approves, e.g. 政府信息公开工作机构负责人. */
  approver: string;
  /** What else the law requires, e.g. 告知申请人. */
  notice?: string;
  basis: string;
}

/** A deadline rule, as data. */
export interface DeadlineRule {
  /** Stable id, e.g. `disclosure.reply`. */
  id: string;
  /** Chinese name, e.g. 依申请公开答复期限. */
  name: string;
  /** Module folder of the glossary: disclosure, enforcement, reconsideration … */
  module: string;
  unit: PeriodUnit;
  /** Length in `unit`; 0 for `fixed_date`. */
  length: number;
  /** For `fixed_date`: month and day in the year after the reporting year. */
  fixedDate?: { month: number; day: number };
  kind: DeadlineKind;
  /** `after`: start + length. `before`: an act due `length` before a known date (e.g. 听证通知). */
  direction: 'after' | 'before';
  start: StartRule;
  restartOn: RestartRule[];
  pauseBetween: PauseRule[];
  extension: ExtensionRule | null;
  lastDayOff: LastDayOff;
  /**
   * Time of day at which the period ends on its last day: 《民法典》第二百零三条第二款“期间的最后一日的截止时间为
   * 二十四时；有业务时间的，停止业务活动的时间为截止时间”.
   */
  dueTime: string;
  basis: LegalBasis;
  /** Row id in domain-rules.md, e.g. `2.2.2`. */
  rowId: string;
  confidence: Confidence;
  /**
   * True when a province or unit may change the rule by configuration (`applyRuleConfig`): every rule that is not
   * national-and-high, and high rules whose law itself allows other periods ("另有规定的除外") or whose day-counting
   * is an interpretation (domain-rules §0.3).
   */
  configurable: boolean;
  /** Why the rule is configurable, or other caveats. */
  note?: string;
  /** Set by `applyRuleConfig`: what configuration changed, field by field ([before, after]). */
  configured?: { source: string; changes: Record<string, [unknown, unknown]> };
}

/** An event of a case, as stored in the event log (house-style §5). */
export interface DeadlineEvent {
  type: string;
  /** YYYY-MM-DD */
  date: string;
  /** Free text shown in the trace (e.g. 第三方：某公司). */
  note?: string;
}

/** A pause given directly as an interval (CLI `--pause FROM:TO`, or events already paired by the caller). */
export interface PauseInterval {
  /** First day not counted (YYYY-MM-DD). */
  from: string;
  /** Last day not counted (YYYY-MM-DD), inclusive. */
  to: string;
  reason?: string;
}

/** How the date of receipt is determined (《政府信息公开条例》第三十一条, domain-rules 2.2.5). */
export type ReceiptChannel = 'in_person' | 'registered_post' | 'ordinary_letter' | 'online' | 'fax';

/** Facts needed to determine the date of receipt by channel. */
export interface ReceiptInput {
  channel: ReceiptChannel;
  /** 当面提交 / 寄出 / 提交 date. */
  submittedOn?: string;
  /** 挂号信等需签收的邮件：行政机关签收之日. */
  signedOn?: string;
  /** 平常信函 / 互联网 / 传真：双方确认之日. */
  confirmedOn?: string;
}

/** Input of `computeDeadline`. */
export interface ComputeDeadlineInput {
  rule: DeadlineRule;
  /** Start date (YYYY-MM-DD); for `fixed_date` rules the reporting year (`2024`) or any date in it. */
  start?: string;
  /** Instead of `start`, for rules with `receipt: 'by_channel'`. */
  receipt?: ReceiptInput;
  /** Case events: restarts (补正), pause start/end pairs (征求意见、中止), in any order. */
  events?: DeadlineEvent[];
  /** Pause intervals given directly. Both ends are days not counted. */
  pauses?: PauseInterval[];
  /**
   * Extension: `true` = the full statutory cap; a number = that many units (≤ cap); an object to record who approved.
   */
  extended?: boolean | number | { length?: number; approvedBy?: string; approvedOn?: string };
}

/** One line of the explanation. */
export type TraceStep =
  | { type: 'rule'; ruleId: string; name: string; basis: string; rowId: string; confidence: Confidence; text: string }
  | { type: 'start'; date: string; text: string }
  | { type: 'restart'; date: string; text: string }
  | { type: 'count'; date: string; n: number; phase: 'base' | 'extension'; reason: string }
  | { type: 'skip'; date: string; reason: string }
  | { type: 'pause'; from: string; to: string; days: number; text: string }
  | { type: 'extension'; length: number; text: string }
  | { type: 'roll'; from: string; to: string; text: string }
  | { type: 'note'; text: string }
  | { type: 'due'; date: string; text: string };

/** A computed deadline. */
export interface DeadlineResult {
  ruleId: string;
  kind: DeadlineKind;
  /** The due date (deadline) or the earliest permitted date (minimum), YYYY-MM-DD. */
  due: string;
  /** e.g. 24:00 */
  dueTime: string;
  /** Start date actually used (after receipt-by-channel and restarts). */
  start: string;
  /** True when a year on the way has no loaded arrangement (weekends assumed). */
  provisional: boolean;
  /** Years whose arrangement was missing. */
  missingYears: number[];
  warnings: string[];
  /** True while a pause is still open (e.g. a third party has not answered yet): the due date will move. */
  paused?: boolean;
  /** Calendar fingerprint the result was computed on. */
  calendarVersion: string;
  trace: TraceStep[];
}
