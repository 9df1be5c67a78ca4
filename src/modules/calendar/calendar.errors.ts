/**
 * Errors of the calendar module. The platform maps `CalendarError.code` to its `AppError` codes in one place
 * (house-style §9); the message is already Chinese and names the field, so it can be shown as is.
 */

/** Error codes raised by the calendar and deadline engine. */
export type CalendarErrorCode =
  | 'INVALID_DATE' // 日期格式错误或不存在的日期
  | 'INVALID_INPUT' // 参数错误（天数、暂停区间、延期长度等）
  | 'INVALID_ARRANGEMENT' // 年度节假日安排数据不合法（导入文件校验失败）
  | 'UNKNOWN_RULE' // 没有这个期限规则
  | 'RULE_NOT_CONFIGURABLE'; // 试图用配置覆盖一条 high 置信度的全国性规则

/** An input or data error with a Chinese message; never a programming error. */
export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly details?: unknown;

  constructor(code: CalendarErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.details = details;
  }
}
