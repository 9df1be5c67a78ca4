/**
 * Sign-in, sessions, CSRF, throttling, API tokens and the error contract, over HTTP.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../helpers/db';
import { buildWorld, PASSWORD, type World } from '../helpers/fixtures';
import { call, signIn, testApp } from '../helpers/http';

describe.each(TEST_DIALECTS)('auth over HTTP on %s', (dialect) => {
  let t: TestDb;
  let w: World;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb(dialect, { FAZHI_LOGIN_MAX_FAILURES: '3' });
    w = await buildWorld(t);
    app = await testApp(t);
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('should set an HttpOnly SameSite session cookie and store only its hash', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk_a', password: PASSWORD } });
    expect(r.statusCode).toBe(200);
    const cookie = String([r.headers['set-cookie']].flat()[0]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const token = cookie.split(';')[0].split('=')[1];
    const stored = await t.database.db.selectFrom('session').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(token);
  });

  it('should answer 401 in JSON without a session', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/units' });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('should refuse a cookie write without the CSRF token', async () => {
    const s = await signIn(app, 'lly_a', PASSWORD);
    const payload = { parentId: w.townA, code: 'CSRF1', name: '防伪测试', unitType: 'other' };
    const bad = await app.inject({ method: 'POST', url: '/api/units', headers: { cookie: s.cookie }, payload });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().error.code).toBe('CSRF_FAILED');
    const wrong = await app.inject({ method: 'POST', url: '/api/units', headers: { cookie: s.cookie, 'x-csrf-token': 'x' + s.csrf.slice(1) }, payload });
    expect(wrong.json().error.code).toBe('CSRF_FAILED');
    const ok = await call(app, s, 'POST', '/api/units', payload);
    expect(ok.statusCode).toBe(201);
  });

  it('should name each bad field in Chinese with a stable code', async () => {
    const s = await signIn(app, 'lly_a', PASSWORD);
    const r = await call(app, s, 'POST', '/api/users', { username: 'x', displayName: '', unitId: 'abc' });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const fields = body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'unitId']));
    expect(body.error.fields.find((f: { field: string }) => f.field === 'username').message).toBe('用户名至少 2 个字符');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('should answer unknown routes and records with 404 JSON', async () => {
    const s = await signIn(app, 'admin', 'Admin12345');
    const a = await call(app, s, 'GET', '/api/no-such-thing');
    expect(a.statusCode).toBe(404);
    expect(a.json().error.code).toBe('ROUTE_NOT_FOUND');
    const b = await call(app, s, 'GET', '/api/units/987654');
    expect(b.statusCode).toBe(404);
    expect(b.json().error.code).toBe('NOT_FOUND');
  });

  it('should never send a stack trace for a malformed body', async () => {
    const s = await signIn(app, 'admin', 'Admin12345');
    const r = await app.inject({ method: 'POST', url: '/api/units', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, payload: '{"parentId": ' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_REQUEST');
    expect(r.body).not.toMatch(/stack|node_modules/);
  });

  it('should lock a user name after repeated failures, across attempts, and log them', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer_a', password: 'wrong-password1' } });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('LOGIN_FAILED');
    }
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer_a', password: PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('锁定');
    const log = await t.database.db.selectFrom('login_attempt').selectAll().where('username', '=', 'officer_a').execute();
    expect(log.map((l) => l.reason)).toEqual(['bad_password', 'bad_password', 'bad_password', 'locked']);
  });

  it('should end every session of a disabled user at once', async () => {
    const victim = await signIn(app, 'clerk_b', PASSWORD);
    expect((await call(app, victim, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const admin = await signIn(app, 'admin', 'Admin12345');
    expect((await call(app, admin, 'POST', `/api/users/${w.users.clerkB}/status`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await call(app, victim, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk_b', password: PASSWORD } });
    expect(again.statusCode).toBe(401);
    await call(app, admin, 'POST', `/api/users/${w.users.clerkB}/status`, { status: 'active' });
  });

  it('should let an administrator reset a password, ending the sessions, and the user change it', async () => {
    const user = await signIn(app, 'clerk_a', PASSWORD);
    const admin = await signIn(app, 'admin', 'Admin12345');
    const r = await call(app, admin, 'POST', `/api/users/${w.users.clerkA}/reset-password`, {});
    const otp = r.json().initialPassword as string;
    expect((await call(app, user, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk_a', password: otp } });
    expect(login.json().mustChangePassword).toBe(true);
    const s = await signIn(app, 'clerk_a', otp);
    const blocked = await call(app, s, 'GET', '/api/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await call(app, s, 'GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    const weak = await call(app, s, 'POST', '/api/auth/password', { oldPassword: otp, newPassword: 'short' });
    expect(weak.json().error.fields[0]).toEqual({ field: 'newPassword', message: '密码至少 8 位' });
    expect((await call(app, s, 'POST', '/api/auth/password', { oldPassword: otp, newPassword: PASSWORD })).statusCode).toBe(200);
    expect((await call(app, s, 'GET', '/api/units')).statusCode).toBe(200);
    expect((await signIn(app, 'clerk_a', PASSWORD)).cookie).toBeTruthy();
  });

  it('should scope API tokens like their user, narrow them, and stop them on revoke', async () => {
    const s = await signIn(app, 'lly_a', PASSWORD);
    const full = (await call(app, s, 'POST', '/api/auth/tokens', { name: '集成' })).json();
    const narrow = (await call(app, s, 'POST', '/api/auth/tokens', { name: '只读单位', permissions: ['org:unit:list', 'org:role:create'] })).json();
    const bearer = (tok: string, method: string, url: string, payload?: object) =>
      app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${tok}` }, ...(payload ? { payload } : {}) });
    const units = await bearer(full.token, 'GET', '/api/units');
    const ids = units.json().items.map((u: { id: number }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([w.townA, w.townA1]));
    expect(ids).not.toContain(w.townB);
    expect(ids).not.toContain(w.rootId);
    expect((await bearer(full.token, 'GET', `/api/units/${w.townB}`)).statusCode).toBe(404);
    // 令牌写操作不需要 CSRF（不是 Cookie 认证）
    expect((await bearer(full.token, 'POST', '/api/units', { parentId: w.townA, code: 'TOK1', name: '令牌建', unitType: 'other' })).statusCode).toBe(201);
    // 收窄的令牌：只有用户本人也有的权限才生效
    expect((await bearer(narrow.token, 'GET', '/api/units')).statusCode).toBe(200);
    expect((await bearer(narrow.token, 'GET', '/api/users')).statusCode).toBe(403);
    await call(app, s, 'DELETE', `/api/auth/tokens/${full.id}`);
    const revoked = await bearer(full.token, 'GET', '/api/units');
    expect(revoked.statusCode).toBe(401);
    expect((await bearer('fzt_nonsense', 'GET', '/api/units')).statusCode).toBe(401);
  });

  it('should export the audit log to Excel with before/after of each field', async () => {
    const s = await signIn(app, 'admin', 'Admin12345');
    const r = await call(app, s, 'GET', '/api/audit/events?action=org:unit&format=xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const { readXlsx } = await import('../../src/core/excel');
    const rows = await readXlsx(r.rawPayload);
    expect(rows[1]).toContain('字段变更（修改前 → 修改后）');
    expect(rows.slice(2).every((row) => row[5].startsWith('org:unit'))).toBe(true);
    expect(rows.length).toBeGreaterThan(4);
  });

  it('should describe the API in OpenAPI from the zod schemas', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3/);
    const body = doc.paths['/api/units'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['parentId', 'code', 'name', 'unitType']));
  });
});
