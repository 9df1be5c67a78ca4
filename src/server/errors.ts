/**
 * Maps every error to the one JSON shape `{ error: { code, message, fields? } }`. No stack trace leaves here.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../core/errors';

const CONTEXT: Record<string, string> = { body: '', querystring: '', params: '', headers: 'header.' };

/** Installs the error and not-found handlers (the latter may fall back to the SPA for page requests). */
export function installErrorHandling(app: FastifyInstance, spaFallback: ((url: string) => string | null) | null) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    let e: AppError;
    if (err instanceof AppError) e = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const prefix = CONTEXT[(err as FastifyError).validationContext ?? 'body'] ?? '';
      const fields: FieldError[] = err.validation.map((v) => ({
        field: prefix + (v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)'),
        message: v.message ?? '格式不正确',
      }));
      e = new AppError('VALIDATION_FAILED', { message: fields.map((f) => `${f.field}：${f.message}`).join('；'), fields });
    } else {
      const status = (err as FastifyError).statusCode ?? 500;
      if (status === 413) e = new AppError('PAYLOAD_TOO_LARGE');
      else if (status === 429) e = new AppError('RATE_LIMITED');
      else if (status >= 400 && status < 500) e = new AppError('BAD_REQUEST', { message: `请求有误：${(err as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? '不支持的内容类型' : '无法解析请求内容'}` });
      else {
        req.log.error({ err }, 'unhandled error');
        e = new AppError('INTERNAL');
      }
    }
    if (e.status >= 500) req.log.error({ err }, 'server error');
    reply.status(e.status).type('application/json; charset=utf-8').send(e.toBody());
  });

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0];
    if (req.method === 'GET' && spaFallback && !url.startsWith('/api/')) {
      const html = spaFallback(url);
      if (html) return reply.type('text/html; charset=utf-8').send(html);
    }
    const e = new AppError('ROUTE_NOT_FOUND', { message: `接口不存在：${req.method} ${url}` });
    reply.status(404).type('application/json; charset=utf-8').send(e.toBody());
  });
}
