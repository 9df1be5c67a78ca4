/**
 * Builds the Fastify application: API under /api, OpenAPI at /api/docs, the built web app for everything else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../core/config';
import { anonymousActor, authorize, type Actor } from '../core/context';
import type { Database_ } from '../core/db/database';
import { AppError } from '../core/errors';
import { actorFromApiToken, actorFromSession, CSRF_HEADER, SESSION_COOKIE } from '../modules/auth/auth.service';
import { installErrorHandling } from './errors';
import { MODULE_ROUTES } from './modules';
import './route';

z.config(z.locales.zhCN());

const here = dirname(fileURLToPath(import.meta.url));
/** Where `vite build` writes the web app. */
export const WEB_DIST = join(here, '..', '..', 'dist', 'web');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export interface BuildAppOptions {
  config: AppConfig;
  database: Database_;
  /** Serve the built web app (default: when dist/web exists). */
  serveWeb?: boolean;
}

/** Creates the application (not yet listening). */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: process.env.FAZHI_TRUST_PROXY === '1',
    bodyLimit: 12 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // 1. 路由表：每个路由必须声明访问方式
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (url.startsWith('/api/docs')) route.config = { ...(route.config as object), access: { kind: 'public' } } as typeof route.config;
    if (!url.startsWith('/api/')) return;
    const access = (route.config as { access?: unknown } | undefined)?.access as never;
    if (!access) throw new Error(`route ${route.method} ${url} declares no config.access`);
    for (const m of [route.method].flat()) if (m !== 'HEAD') app.routeTable.push({ method: String(m), url, access });
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Fazhi 法治政府建设工作平台 API', version: '0.1.0', description: '所有写操作均记录审计日志。Cookie 登录的写请求须带 X-CSRF-Token 头；集成系统用 Authorization: Bearer <接口令牌>。' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // 2. 每个请求只解析一次身份与数据权限
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (req) => {
    let actor: Actor | null = null;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      actor = await actorFromApiToken(database.db, auth.slice(7).trim());
      if (!actor) throw new AppError('UNAUTHENTICATED', { message: '接口令牌无效、已过期或已吊销' });
    } else {
      const raw = req.cookies[SESSION_COOKIE];
      if (raw) actor = await actorFromSession(database.db, config, raw);
    }
    req.ctx = { db: database.db, dialect: database.dialect, config, actor: actor ?? anonymousActor(), ip: req.ip ?? null };
  });

  // 3. 访问控制与 CSRF（在校验请求体之前：无权者只得到 403，不会得到字段校验结果）
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!req.routeOptions.url?.startsWith('/api/') || !access || access.kind === 'public') return;
    const { actor } = req.ctx;
    if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    if (actor.sessionId && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !actor.csrfToken || !sameToken(sent, actor.csrfToken)) throw new AppError('CSRF_FAILED');
    }
    // 初始密码或被重置的密码：改密之前只开放登录相关接口
    if (actor.kind === 'user' && actor.mustChangePassword && !req.routeOptions.url.startsWith('/api/auth/')) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access.kind === 'scoped' || access.kind === 'global') authorize(actor, access.permission);
    // 平台级配置（角色、工作日历……）只有“全部”数据范围的管理员可以修改
    if (access.kind === 'global' && access.op !== 'list' && access.op !== 'get' && !actor.scope.all) {
      throw new AppError('FORBIDDEN', { message: '只有拥有全部数据权限的管理员可以修改平台配置' });
    }
  });

  let indexHtml: string | null = null;
  const serveWeb = opts.serveWeb ?? existsSync(join(WEB_DIST, 'index.html'));
  if (serveWeb) {
    indexHtml = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
    app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(indexHtml));
  }
  installErrorHandling(app, indexHtml ? () => indexHtml : null);

  // 4. 各模块的路由
  for (const register of MODULE_ROUTES) await app.register(register, { prefix: '/api' });

  app.get('/api/health', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () => {
    await database.db.selectFrom('audit_head').select('id').executeTakeFirst();
    return { ok: true, dialect: database.dialect };
  });
  return app;
}
