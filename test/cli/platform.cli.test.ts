/**
 * The `fazhi` command line, run as a newcomer would: a real process on a real database.
 */
import { execFile } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../helpers/db';

const run = promisify(execFile);

describe.each(TEST_DIALECTS)('fazhi CLI on %s', (dialect) => {
  let t: TestDb;
  let env: NodeJS.ProcessEnv;
  const fazhi = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, ['bin/fazhi.mjs', ...args], { env, timeout: 240_000 });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };
  beforeAll(async () => {
    t = await createTestDb(dialect);
    env = { ...process.env, FAZHI_DATA_DIR: t.dataDir, FAZHI_DATABASE_URL: t.url ?? '', FAZHI_LOG_LEVEL: 'silent' };
  });
  afterAll(() => t.cleanup());

  it('should add units and list them as JSON', async () => {
    expect((await fazhi('unit', 'add', '--code', 'T1', '--name', '一号镇', '--type', 'township')).code).toBe(0);
    expect((await fazhi('unit', 'add', '--code', 'T1-S', '--name', '一号镇司法所', '--parent', 'T1', '--type', 'other')).code).toBe(0);
    const bad = await fazhi('unit', 'add', '--code', 'bad code!', '--name', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('code');
    expect(bad.err).not.toMatch(/at .*\(/);
    const list = JSON.parse((await fazhi('unit', 'list', '--json')).out);
    const sub = list.find((u: { code: string }) => u.code === 'T1-S');
    expect(sub).toMatchObject({ name: '一号镇司法所', parentCode: 'T1', type: 'other', status: 'active' });
  });

  it('should add, disable and reset users', async () => {
    const add = await fazhi('user', 'add', '--username', 'zhang', '--name', '张三', '--unit', 'T1', '--role', 'clerk');
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/一次性密码：[A-Za-z0-9]{14}/);
    expect((await fazhi('user', 'disable', 'zhang')).code).toBe(0);
    const u = await t.database.db.selectFrom('app_user').selectAll().where('username', '=', 'zhang').executeTakeFirstOrThrow();
    expect(u.status).toBe('disabled');
    const reset = await fazhi('user', 'reset-password', 'zhang', '--password', 'NewPass123');
    expect(reset.code).toBe(0);
    expect((await fazhi('user', 'disable', 'nobody')).code).toBe(2);
  });

  it('should verify the audit log and name a tampered event', async () => {
    const ok = await fazhi('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('哈希链无断点');
    const ev = await t.database.db.selectFrom('audit_event').select(['id', 'seq']).where('action', '=', 'org:user:create').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await t.database.db.updateTable('audit_event').set({ summary: '篡改' }).where('id', '=', ev.id).execute();
    const bad = await fazhi('audit', 'verify', '--json');
    expect(bad.code).toBe(1);
    const r = JSON.parse(bad.out);
    expect(r.problems[0]).toMatchObject({ kind: 'edited', seq: ev.seq, eventId: ev.id });
  });

  it.runIf(dialect === 'sqlite')('should back up the SQLite database into a consistent copy', async () => {
    const out = `${t.dataDir}/copy.sqlite`;
    const r = await fazhi('backup', '--out', out);
    expect(r.code).toBe(0);
    const copy = new Database(out, { readonly: true });
    const n = copy.prepare('select count(*) n from org_unit').get() as { n: number };
    copy.close();
    expect(n.n).toBeGreaterThanOrEqual(3);
  });

  it('should load the demo district with a user of every role, once', async () => {
    const r = await fazhi('demo');
    expect(r.code).toBe(0);
    const roles = await t.database.db.selectFrom('user_role').innerJoin('role', 'role.id', 'user_role.role_id').select('role.code').distinct().execute();
    expect(roles.map((x) => x.code).sort()).toEqual(['admin', 'clerk', 'leader', 'officer', 'reviewer', 'supervisor', 'unit_admin']);
    const units = await t.database.db.selectFrom('org_unit').select(['unit_type']).execute();
    expect(units.filter((u) => u.unit_type === 'department').length).toBeGreaterThanOrEqual(4);
    expect(units.filter((u) => u.unit_type === 'township' || u.unit_type === 'street').length).toBeGreaterThanOrEqual(6);
    expect((await fazhi('demo')).code).toBe(2);
    expect((await fazhi('demo', '--once')).code).toBe(0);
  }, 300_000);
});

describe('npx fazhi', () => {
  const fazhi = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, ['bin/fazhi.mjs', ...args], { timeout: 60_000 });
      return { code: 0, out: r.stdout };
    } catch (e) {
      const x = e as { code: number; stdout: string };
      return { code: x.code, out: x.stdout };
    }
  };
  it('should print help for every command', async () => {
    const cases = [['--help'], ['serve', '--help'], ['migrate', '--help'], ['demo', '--help'], ['user', 'add', '--help'], ['user', 'disable', '--help'], ['user', 'reset-password', '--help'], ['unit', 'add', '--help'], ['unit', 'list', '--help'], ['backup', '--help'], ['audit', 'verify', '--help']];
    // 并行运行：每个命令都是一个新进程
    const results = await Promise.all(cases.map((args) => fazhi(...args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i].join(' ')).toBe(0);
      expect(r.out, cases[i].join(' ')).toMatch(/Usage: fazhi/);
    });
  });

  it('should be linked into node_modules/.bin by npm install', () => {
    expect(existsSync('node_modules/.bin/fazhi')).toBe(true);
    expect(readlinkSync('node_modules/.bin/fazhi')).toBe('../../bin/fazhi.mjs');
  });
});
