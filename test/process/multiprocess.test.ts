/**
 * Two server processes on one database: a session made on one works on the other, logging out on one ends it
 * on both, the sign-in lock counts failures from both, concurrent writes keep one linear audit chain, and the
 * scheduled job runs once per period in total. Nothing that matters lives in process memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../helpers/db';
import { verifyAuditChain } from '../../src/modules/audit/audit.verify';

const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });

async function waitHealthy(port: number, proc: ChildProcess, log: () => string) {
  // a fresh clone compiles every TypeScript file on the first start (tsx cache empty): allow for it
  const until = Date.now() + 240_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${log()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return;
    } catch {
      // 尚未监听
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${port} not healthy: ${log()}`);
}

interface Srv {
  port: number;
  proc: ChildProcess;
  url: string;
}

describe.each(TEST_DIALECTS)('two server processes on one %s database', (dialect) => {
  let t: TestDb;
  const servers: Srv[] = [];

  beforeAll(async () => {
    t = await createTestDb(dialect);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      let out = '';
      const proc = spawn(process.execPath, ['bin/fazhi.mjs', 'serve'], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          FAZHI_DATA_DIR: t.dataDir,
          FAZHI_DATABASE_URL: t.url ?? '',
          FAZHI_LOG_LEVEL: 'warn',
          FAZHI_JOB_TICK_MS: '100',
          FAZHI_PURGE_EVERY_MS: '400',
          FAZHI_LOGIN_MAX_FAILURES: '4',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      proc.stdout!.on('data', (d) => (out += d));
      proc.stderr!.on('data', (d) => (out += d));
      await waitHealthy(port, proc, () => out);
      servers.push({ port, proc, url: `http://127.0.0.1:${port}` });
    }
  }, 300_000);

  afterAll(async () => {
    for (const s of servers) s.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await t.cleanup();
  });

  const login = async (srv: Srv, username: string, password: string) => {
    const r = await fetch(`${srv.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
    const body = await r.json();
    return { status: r.status, cookie, csrf: body.user?.csrfToken as string, body };
  };

  it('should share sessions: made on one process, used and ended on the other', async () => {
    const [a, b] = servers;
    const s = await login(a, 'admin', 'Admin12345');
    expect(s.status).toBe(200);
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: s.cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).username).toBe('admin');
    const out = await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.status).toBe(200);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('should count failed sign-ins from both processes toward one lock', async () => {
    const [a, b] = servers;
    for (const srv of [a, b, a, b]) expect((await login(srv, 'admin', 'wrong-pass-1')).status).toBe(401);
    expect((await login(a, 'admin', 'Admin12345')).status).toBe(429);
    expect((await login(b, 'admin', 'Admin12345')).status).toBe(429);
    await t.database.db.deleteFrom('login_attempt').execute();
  });

  it('should keep one linear audit chain when both processes write at once', async () => {
    const [a, b] = servers;
    const sa = await login(a, 'admin', 'Admin12345');
    const sb = await login(b, 'admin', 'Admin12345');
    const root = await t.database.db.selectFrom('org_unit').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const create = (srv: Srv, s: { cookie: string; csrf: string }, i: number) =>
      fetch(`${srv.url}/api/units`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ parentId: root.id, code: `MP${i}`, name: `并发单位${i}`, unitType: 'other' }),
      }).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? create(a, sa, i) : create(b, sb, i))));
    expect(statuses).toEqual(Array(16).fill(201));
    const v = await verifyAuditChain(t.database.db);
    expect(v.ok).toBe(true);
    const seqs = (await t.database.db.selectFrom('audit_event').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it('should run the scheduled job once per period across both processes', async () => {
    await new Promise((r) => setTimeout(r, 2500));
    const runs = await t.database.db.selectFrom('job_run').selectAll().where('job', '=', 'session.purge').execute();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(new Set(runs.map((r) => r.period)).size).toBe(runs.length);
    expect(runs.every((r) => r.status === 'done' || r.status === 'running')).toBe(true);
  });
});
