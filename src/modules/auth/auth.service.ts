/**
 * Sign-in, sessions, password change and API tokens. Sessions and the failure counter live in the database,
 * so any number of server processes can share them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { authorize, type Actor, type Ctx } from '../../core/context';
import { nowIso, type DbOrTx } from '../../core/db/database';
import type { AppConfig } from '../../core/config';
import { AppError, fieldError } from '../../core/errors';
import { recordAudit } from '../audit/audit.service';
import { resolveUserActor } from './actor';
import { hashPassword, passwordProblem, verifyPassword } from './password';

export const SESSION_COOKIE = 'fz_session';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** A dummy hash so that an unknown user name costs as much time as a wrong password. */
let dummyHash: Promise<string> | null = null;

/**
 * Signs a user in. After `loginMaxFailures` failures of one user name within `loginLockMinutes`, further
 * attempts are refused until the window has passed (登录失败锁定). Every attempt is written to the login log.
 */
export async function login(
  ctx: Pick<Ctx, 'db' | 'config' | 'ip'>,
  input: { username: string; password: string; userAgent?: string | null },
): Promise<{ sessionToken: string; csrfToken: string; actor: Actor; mustChangePassword: boolean }> {
  const { db, config } = ctx;
  const ip = ctx.ip ?? 'unknown';
  const since = new Date(Date.now() - config.loginLockMinutes * 60_000).toISOString();
  const lastSuccess = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.max('occurred_at').as('t'))
    .where('username', '=', input.username)
    .where('success', '=', 1)
    .executeTakeFirst();
  const from = lastSuccess?.t && lastSuccess.t > since ? lastSuccess.t : since;
  const failures = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', '=', input.username)
    .where('success', '=', 0)
    .where('occurred_at', '>', from)
    .executeTakeFirstOrThrow();
  const log = (success: boolean, reason: string | null) =>
    db.insertInto('login_attempt').values({ username: input.username.slice(0, 64), ip, occurred_at: nowIso(), success: success ? 1 : 0, reason }).execute();
  if (Number(failures.n) >= config.loginMaxFailures) {
    await log(false, 'locked');
    throw new AppError('RATE_LIMITED', { message: `登录失败次数过多，账号已临时锁定，请 ${config.loginLockMinutes} 分钟后再试` });
  }
  const user = await db.selectFrom('app_user').selectAll().where('username', '=', input.username).executeTakeFirst();
  dummyHash ??= hashPassword('dummy-password-1');
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash));
  if (!user || !ok) {
    await log(false, user ? 'bad_password' : 'unknown_user');
    throw new AppError('LOGIN_FAILED');
  }
  const actor0 = await resolveUserActor(db, user.id, { kind: 'user' });
  if (!actor0) {
    await log(false, 'disabled');
    throw new AppError('LOGIN_FAILED', { message: '账号或所在单位已停用' });
  }
  const sessionToken = token();
  const csrfToken = token(24);
  const sessionId = sha256(sessionToken);
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('session')
      .values({
        id: sessionId,
        user_id: user.id,
        csrf_token: csrfToken,
        ip,
        user_agent: input.userAgent?.slice(0, 256) ?? null,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(Date.now() + config.sessionIdleMinutes * 60_000).toISOString(),
      })
      .execute();
    await tx.updateTable('app_user').set({ last_login_at: now }).where('id', '=', user.id).execute();
    await tx.insertInto('login_attempt').values({ username: user.username, ip, occurred_at: now, success: 1, reason: null }).execute();
  });
  return { sessionToken, csrfToken, actor: { ...actor0, sessionId, csrfToken }, mustChangePassword: user.must_change_password === 1 };
}

/** Resolves a session cookie to its actor, sliding the idle expiry (at most once a minute). */
export async function actorFromSession(db: DbOrTx, config: AppConfig, sessionToken: string): Promise<Actor | null> {
  const id = sha256(sessionToken);
  const s = await db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return null;
  const now = Date.now();
  if (s.expires_at < new Date(now).toISOString()) {
    await db.deleteFrom('session').where('id', '=', id).execute();
    return null;
  }
  if (now - Date.parse(s.last_seen_at) > 60_000) {
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date(now).toISOString(), expires_at: new Date(now + config.sessionIdleMinutes * 60_000).toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return resolveUserActor(db, s.user_id, { kind: 'user', sessionId: id, csrfToken: s.csrf_token });
}

/** Resolves an API token (`Authorization: Bearer fzt_…`) to its user's actor, narrowed to the token's permissions. */
export async function actorFromApiToken(db: DbOrTx, raw: string): Promise<Actor | null> {
  const t = await db.selectFrom('api_token').selectAll().where('token_hash', '=', sha256(raw)).executeTakeFirst();
  if (!t || t.revoked_at || (t.expires_at && t.expires_at < nowIso())) return null;
  if (!t.last_used_at || Date.now() - Date.parse(t.last_used_at) > 60_000) {
    await db.updateTable('api_token').set({ last_used_at: nowIso() }).where('id', '=', t.id).execute();
  }
  return resolveUserActor(db, t.user_id, { kind: 'token', narrow: t.permissions ? (JSON.parse(t.permissions) as string[]) : null });
}

/** Ends the current session. */
export async function logout(ctx: Ctx): Promise<void> {
  if (ctx.actor.sessionId) await ctx.db.deleteFrom('session').where('id', '=', ctx.actor.sessionId).execute();
}

/** Changes the signed-in user's own password; other sessions of the user end. */
export async function changeOwnPassword(ctx: Ctx, input: { oldPassword: string; newPassword: string }): Promise<void> {
  if (ctx.actor.kind !== 'user' || !ctx.actor.userId) throw new AppError('UNAUTHENTICATED');
  const problem = passwordProblem(input.newPassword);
  if (problem) throw fieldError('newPassword', problem);
  const user = await ctx.db.selectFrom('app_user').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.oldPassword, user.password_hash))) throw fieldError('oldPassword', '原密码不正确');
  if (input.oldPassword === input.newPassword) throw fieldError('newPassword', '新密码不能与原密码相同');
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('app_user').set({ password_hash: hash, must_change_password: 0, updated_at: nowIso(), updated_by: user.id }).where('id', '=', user.id).execute();
    await tx.deleteFrom('session').where('user_id', '=', user.id).where('id', '!=', ctx.actor.sessionId ?? '').execute();
    await recordAudit(tx, ctx, { action: 'auth:password:change', entityType: 'user', entityId: user.id, unitId: user.unit_id, summary: `用户 ${user.username} 修改本人密码`, changes: { password: ['***', '***'] } });
  });
}

/** Lists the signed-in user's API tokens (never the secret). */
export async function listOwnTokens(ctx: Ctx) {
  authorize(ctx.actor, 'auth:token:manage');
  return ctx.db
    .selectFrom('api_token')
    .select(['id', 'name', 'token_prefix', 'permissions', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('user_id', '=', ctx.actor.userId!)
    .orderBy('id')
    .execute();
}

/** Creates an API token for the signed-in user; the secret is returned once. */
export async function createOwnToken(ctx: Ctx, input: { name: string; permissions?: string[] | null; expiresAt?: string | null }) {
  authorize(ctx.actor, 'auth:token:manage');
  if (ctx.actor.kind !== 'user') throw new AppError('FORBIDDEN', { message: '接口令牌只能由登录用户创建' });
  const secret = `fzt_${token()}`;
  const id = await ctx.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('api_token')
      .values({ user_id: ctx.actor.userId!, name: input.name, token_hash: sha256(secret), token_prefix: secret.slice(0, 10), permissions: input.permissions ? JSON.stringify(input.permissions) : null, created_at: nowIso(), expires_at: input.expiresAt ?? null, revoked_at: null, last_used_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'auth:token:create', entityType: 'api_token', entityId: id, unitId: ctx.actor.unitId, summary: `创建接口令牌 ${input.name}`, changes: { name: [null, input.name], permissions: [null, input.permissions ?? null] } });
    return id;
  });
  return { id, token: secret };
}

/** Revokes one of the signed-in user's API tokens. */
export async function revokeOwnToken(ctx: Ctx, id: number): Promise<void> {
  authorize(ctx.actor, 'auth:token:manage');
  await ctx.db.transaction().execute(async (tx) => {
    const t = await tx.selectFrom('api_token').selectAll().where('id', '=', id).where('user_id', '=', ctx.actor.userId!).executeTakeFirst();
    if (!t) throw new AppError('NOT_FOUND');
    if (t.revoked_at) return;
    await tx.updateTable('api_token').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'auth:token:revoke', entityType: 'api_token', entityId: id, unitId: ctx.actor.unitId, summary: `吊销接口令牌 ${t.name}`, changes: { revoked_at: [null, 'now'] } });
  });
}
