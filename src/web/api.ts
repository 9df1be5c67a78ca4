/**
 * The one way the web app talks to the server: JSON in and out, the CSRF header on writes, errors as
 * `ApiError` (code, message, fields), a redirect to /login on 401, and `download()` for Excel exports.
 */

export interface FieldError {
  field: string;
  message: string;
}

/** An error answered by the server (`{ error: { code, message, fields? } }`) or a network failure. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: FieldError[];
  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from login or /api/auth/me; sent as X-CSRF-Token on every write. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

/** `/api/x` + `?a=1&b=2`, leaving out empty values. */
export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)));
    else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not send the browser to /login on 401 (the login page itself, the portal's optional checks). */
  noRedirect?: boolean;
  signal?: AbortSignal;
}

const SAFE = new Set(['GET', 'HEAD']);

/** Sends the browser to the sign-in page, remembering where it was. */
export function redirectToLogin() {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname.startsWith('/login')) return;
  window.location.assign(`/login?redirect=${encodeURIComponent(here)}`);
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const e = (body as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)?.error;
  if (e && typeof e.message === 'string') return new ApiError(res.status, e.code ?? 'ERROR', e.message, e.fields ?? []);
  const text = res.status === 429 ? '操作过于频繁，请稍后再试' : res.status >= 500 ? '服务器内部错误，请稍后再试' : `请求失败（${res.status}）`;
  return new ApiError(res.status, `HTTP_${res.status}`, text);
}

async function send(method: string, url: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(withQuery(url, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
}

/** One API call. Resolves with the parsed JSON (undefined for 204); rejects with ApiError. */
export async function request<T = unknown>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, url, opts);
  // A stale CSRF token (e.g. signed in again in another tab): fetch the current one and retry once.
  if (res.status === 403 && !SAFE.has(method)) {
    const err = await toApiError(res.clone());
    if (err.code === 'CSRF_FAILED') {
      const me = await send('GET', '/api/auth/me', { noRedirect: true });
      if (me.ok) {
        setCsrfToken(((await me.json()) as { csrfToken: string | null }).csrfToken);
        res = await send(method, url, opts);
      }
    }
  }
  if (res.status === 401 && !opts.noRedirect) {
    setCsrfToken(null);
    redirectToLogin();
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(url: string, query?: Query, opts?: Omit<RequestOptions, 'query'>) => request<T>('GET', url, { ...opts, query }),
  post: <T>(url: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', url, { ...opts, body: body ?? {} }),
  patch: <T>(url: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', url, { ...opts, body: body ?? {} }),
  put: <T>(url: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', url, { ...opts, body: body ?? {} }),
  delete: <T>(url: string, opts?: RequestOptions) => request<T>('DELETE', url, opts),
};

/** The file name from Content-Disposition (prefers RFC 5987 `filename*=UTF-8''…`). */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads a file (e.g. `?format=xlsx` exports) with the session cookie and saves it under the server's name.
 * With a `body` the request is a POST of that JSON (with the CSRF header), e.g. an export computed from an upload.
 */
export async function download(url: string, query?: Query, fallbackName = '导出.xlsx', body?: unknown): Promise<string> {
  const res = await send(body === undefined ? 'GET' : 'POST', withQuery(url, query), body === undefined ? {} : { body });
  if (res.status === 401) {
    setCsrfToken(null);
    redirectToLogin();
  }
  if (!res.ok) throw await toApiError(res);
  const blob = await res.blob();
  const name = filenameFrom(res.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
  return name;
}
