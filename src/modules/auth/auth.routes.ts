/**
 * Sign-in routes: login/logout, the current user, own password and own API tokens, the login log.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { authorize, type Actor } from '../../core/context';
import { scopeUsers } from '../org/org.repo';
import { typed } from '../../server/route';
import { changeOwnPassword, createOwnToken, listOwnTokens, login, logout, revokeOwnToken, SESSION_COOKIE } from './auth.service';

/** What the web app needs to know about the signed-in user. */
export const presentActor = (a: Actor) => ({
  userId: a.userId,
  username: a.username,
  displayName: a.displayName,
  unitId: a.unitId,
  unitName: a.unitName,
  roles: a.roles,
  permissions: a.permissions,
  dataScope: { all: a.scope.all, unitIds: a.scope.unitIds, subtreePaths: a.scope.subtreePaths, self: a.scope.selfUserId !== null },
  csrfToken: a.csrfToken,
  mustChangePassword: a.mustChangePassword === true,
});

export const authRoutes: FastifyPluginAsync = async (app0) => {
  const app = typed(app0);
  const tags = ['登录与会话'];

  app.post(
    '/auth/login',
    {
      config: { access: { kind: 'public' } },
      schema: { tags, summary: '用户名密码登录（设置 HttpOnly 会话 Cookie）', body: z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(128) }) },
    },
    async (req, reply) => {
      const r = await login(req.ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, r.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.ctx.config.secureCookies,
        maxAge: req.ctx.config.sessionIdleMinutes * 60,
      });
      return { user: presentActor(r.actor), mustChangePassword: r.mustChangePassword };
    },
  );
  app.post('/auth/logout', { config: { access: { kind: 'self' } }, schema: { tags, summary: '退出登录' } }, async (req, reply) => {
    await logout(req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  app.get('/auth/me', { config: { access: { kind: 'self' } }, schema: { tags, summary: '当前用户、权限与数据范围' } }, async (req) => presentActor(req.ctx.actor));
  app.post(
    '/auth/password',
    { config: { access: { kind: 'self' } }, schema: { tags, summary: '修改本人密码', body: z.object({ oldPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }) } },
    async (req) => {
      await changeOwnPassword(req.ctx, req.body);
      return { ok: true };
    },
  );
  app.get('/auth/tokens', { config: { access: { kind: 'self' } }, schema: { tags, summary: '本人的接口令牌' } }, async (req) => ({ items: await listOwnTokens(req.ctx) }));
  app.post(
    '/auth/tokens',
    {
      config: { access: { kind: 'self' } },
      schema: {
        tags,
        summary: '创建接口令牌（令牌只显示一次；权限不超过本人）',
        body: z.object({ name: z.string().trim().min(1).max(64), permissions: z.array(z.string().max(128)).max(200).nullish(), expiresAt: z.iso.datetime().nullish() }),
      },
    },
    async (req, reply) => reply.status(201).send(await createOwnToken(req.ctx, req.body)),
  );
  app.delete('/auth/tokens/:id', { config: { access: { kind: 'self' } }, schema: { tags, summary: '吊销接口令牌', params: z.object({ id: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    await revokeOwnToken(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.get(
    '/auth/login-log',
    {
      config: { access: { kind: 'scoped', permission: 'auth:login-log:list', resource: 'login-log', op: 'list' } },
      schema: { tags, summary: '登录日志', querystring: z.object({ username: z.string().max(64).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }) },
    },
    async (req) => {
      authorize(req.ctx.actor, 'auth:login-log:list');
      // 登录日志按用户所属单位限定数据范围；不存在的用户名只有“全部”范围可见
      const q = req.ctx.db
        .selectFrom('login_attempt')
        .$if(!req.ctx.actor.scope.all, (qb) => qb.where('username', 'in', req.ctx.db.selectFrom('app_user').select('app_user.username').where(scopeUsers(req.ctx.actor))))
        .$if(!!req.query.username, (qb) => qb.where('username', '=', req.query.username!));
      const [items, total] = await Promise.all([
        q.selectAll().orderBy('id', 'desc').limit(req.query.pageSize).offset((req.query.page - 1) * req.query.pageSize).execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },
  );
};
