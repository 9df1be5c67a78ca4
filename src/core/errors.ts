/**
 * The one error type of Fazhi. Each code maps, here and only here, to an HTTP status and a Chinese message.
 * Clients receive `{ error: { code, message, fields? } }` and never a stack trace.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: '提交的数据不符合要求' },
  BAD_REQUEST: { status: 400, message: '请求有误' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  CSRF_FAILED: { status: 403, message: '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '没有执行此操作的权限' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改初始密码后再使用系统' },
  NOT_FOUND: { status: 404, message: '记录不存在或无权访问' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  CONFLICT: { status: 409, message: '数据冲突' },
  INVALID_STATE: { status: 409, message: '当前状态不允许此操作' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器内部错误' },
} as const;

export type AppErrorCode = keyof typeof ERROR_CODES;

/** A field-level validation problem: which field (dotted path) and why, in Chinese. */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: FieldError[];
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, opts: { message?: string; fields?: FieldError[]; details?: Record<string, unknown> } = {}) {
    super(opts.message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  /** The JSON body sent to clients. */
  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

/** Builds a VALIDATION_FAILED error for one field. */
export const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', { message: `${field}：${message}`, fields: [{ field, message }] });
