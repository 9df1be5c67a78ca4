/**
 * HTTP tests of the calendar routes: the public 期限计算器 (no sign-in, rate-limited), computation on a unit's
 * calendar, year import with its preview, unit overrides and the 调休 setting, with 401/403/400/409 bodies.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../helpers/db';
import { buildWorld, PASSWORD, type World } from '../helpers/fixtures';
import { call, signIn, testApp, type Session } from '../helpers/http';
import { DEADLINE_SOURCES } from '../../src/server/deadline-sources';
import type { DeadlineSource } from '../../src/core/deadline-sources';
import { computeDeadline, getRule, type Calendar } from '../../src/modules/calendar';

const Y2027 = {
  year: 2027,
  status: 'unverified',
  source: { title: '测试用2027年节假日安排' },
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', work: [] }],
};

describe.each(TEST_DIALECTS)('calendar routes on %s', (dialect) => {
  let t: TestDb;
  let w: World;
  let app: FastifyInstance;
  let admin: Session;
  let clerkA: Session;
  let lianluoA: Session;
  const refreshed: string[][] = [];

  beforeAll(async () => {
    t = await createTestDb(dialect);
    w = await buildWorld(t);
    app = await testApp(t);
    admin = await signIn(app, 'admin', 'Admin12345');
    clerkA = await signIn(app, 'clerk_a', PASSWORD);
    lianluoA = await signIn(app, 'lly_a', PASSWORD);
    // one open deadline in township A that runs into 2027
    const source: DeadlineSource = {
      name: 'http-test',
      listOpen: async () => [
        {
          key: 'http-test:1',
          unitId: w.townA1,
          label: '测试申请 1',
          ruleId: 'disclosure.reply',
          currentDue: null,
          dueOn: (calendar: Calendar) => computeDeadline({ rule: getRule('disclosure.reply'), start: '2026-12-25', calendar }, { trace: false }).due,
        },
      ],
      refresh: async (_tx, keys) => {
        refreshed.push(keys);
      },
    };
    DEADLINE_SOURCES.push(source);
  });
  afterAll(async () => {
    DEADLINE_SOURCES.splice(DEADLINE_SOURCES.findIndex((s) => s.name === 'http-test'), 1);
    await app.close();
    await t.cleanup();
  });

  describe('the public calculator', () => {
    it('should list the rules and the loaded years without sign-in', async () => {
      const r = await call(app, null, 'GET', '/api/public/deadline/rules');
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body.items.find((x: { id: string }) => x.id === 'disclosure.reply')).toMatchObject({ name: '依申请公开答复期限', module: 'disclosure', length: 20 });
      expect(body.years.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    });

    it('should compute disclosure.reply from 2023-09-25 with its trace', async () => {
      const r = await call(app, null, 'POST', '/api/public/deadline', { ruleId: 'disclosure.reply', start: '2023-09-25' });
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body).toMatchObject({ due: '2023-10-27', dueTime: '24:00', provisional: false, unit: null, rule: { id: 'disclosure.reply' } });
      expect(body.trace).toContainEqual({ type: 'skip', date: '2023-10-01', reason: '中秋节、国庆节' });
      expect(body.trace).toContainEqual({ type: 'count', date: '2023-10-07', n: 4, phase: 'base', reason: '调休上班（中秋节、国庆节）' });
      expect(body.lines[0]).toContain('第三十三条第二款');
    });

    it('should name the bad field in Chinese', async () => {
      const r = await call(app, null, 'POST', '/api/public/deadline', { ruleId: 'disclosure.reply', start: '2023-09-25', extended: 21 });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: '延长期限不得超过20个工作日（《政府信息公开条例》(2019)第三十三条第二款）',
          fields: [{ field: 'extended', message: '延长期限不得超过20个工作日（《政府信息公开条例》(2019)第三十三条第二款）' }],
        },
      });
      const bad = await call(app, null, 'POST', '/api/public/deadline', { ruleId: 'disclosure.reply', start: '2023/09/25' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].field).toBe('start');
    });

    it('should ignore a unitId and never use unit overrides', async () => {
      const r = await call(app, null, 'POST', '/api/public/deadline', { ruleId: 'disclosure.reply', start: '2023-09-25', unitId: w.townA });
      expect(r.statusCode).toBe(200);
      expect(r.json().calendar.overrideLabels).toEqual([]);
    });
  });

  describe('computing for signed-in users', () => {
    it('should ask for sign-in, then compute on the unit calendar', async () => {
      expect((await call(app, null, 'POST', '/api/calendar/deadline', { ruleId: 'disclosure.reply', start: '2023-09-25' })).statusCode).toBe(401);
      const r = await call(app, clerkA, 'POST', '/api/calendar/deadline', { ruleId: 'disclosure.reply', receipt: { channel: 'online', confirmedOn: '2026-12-15' } });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ provisional: true, missingYears: [2027], unit: { id: w.townA, name: '甲镇人民政府' } });
      expect(r.json().warnings[0]).toContain('2027年节假日安排');
      const other = await call(app, clerkA, 'POST', '/api/calendar/deadline', { ruleId: 'disclosure.reply', start: '2023-09-25', unitId: w.townB });
      expect(other.statusCode).toBe(400);
      expect(other.json().error.fields).toEqual([{ field: 'unitId', message: '单位不存在或不在您的数据权限范围内' }]);
      const rules = await call(app, clerkA, 'GET', '/api/calendar/rules');
      expect(rules.json().items.length).toBeGreaterThan(80);
    });
  });

  describe('years', () => {
    it('should let only a 全部 administrator preview and import a year, listing the moved deadlines first', async () => {
      const years = await call(app, clerkA, 'GET', '/api/calendar/years');
      expect(years.json().items.map((y: { year: number; status: string }) => [y.year, y.status])).toContainEqual([2026, 'official']);
      expect((await call(app, clerkA, 'POST', '/api/calendar/years/preview', { arrangement: Y2027 })).statusCode).toBe(403);
      expect((await call(app, lianluoA, 'POST', '/api/calendar/years', { arrangement: Y2027 })).statusCode).toBe(403);

      const preview = await call(app, admin, 'POST', '/api/calendar/years/preview', { arrangement: Y2027 });
      expect(preview.statusCode).toBe(200);
      expect(preview.json().moved).toEqual([
        { key: 'http-test:1', source: 'http-test', unitId: w.townA1, unitName: '甲镇司法所', label: '测试申请 1', ruleId: 'disclosure.reply', oldDue: '2027-01-22', newDue: '2027-01-25' },
      ]);
      const conflict = await call(app, admin, 'POST', '/api/calendar/years', { arrangement: Y2027, expectedMoved: [] });
      expect(conflict.statusCode).toBe(409);
      expect(conflict.json().error.code).toBe('CONFLICT');
      const r = await call(app, admin, 'POST', '/api/calendar/years', { arrangement: Y2027, expectedMoved: ['http-test:1'] });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ year: 2027, created: true, changed: true });
      expect(refreshed).toEqual([['http-test:1']]);
      const y = await call(app, clerkA, 'GET', '/api/calendar/years/2027');
      expect(y.json()).toMatchObject({ summary: { year: 2027, status: 'unverified', title: '测试用2027年节假日安排' }, arrangement: { off: ['2027-01-01', '2027-01-02', '2027-01-03'] } });
      const audit = await call(app, admin, 'GET', '/api/audit/events?action=calendar:year:import&entityId=2027');
      expect(audit.json().items[0].changes.status).toEqual([null, 'unverified']);
      // the public calculator reads the imported year at once
      const pub = await call(app, null, 'POST', '/api/public/deadline', { ruleId: 'disclosure.reply', start: '2026-12-25' });
      expect(pub.json()).toMatchObject({ due: '2027-01-25', provisional: false });
    });

    it('should put each problem of an invalid file on its field', async () => {
      const r = await call(app, admin, 'POST', '/api/calendar/years/preview', { arrangement: { ...Y2027, holidays: [{ name: '元旦', from: '2027-01-02', to: '2027-01-02', work: ['2027-01-05'] }] } });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields).toEqual([{ field: 'arrangement.holidays.0', message: '调休上班日 2027-01-05 不是周六或周日' }]);
    });
  });

  describe('overrides and the 调休 setting', () => {
    it('should let a township administrator add and remove an override of its unit, with the moved deadlines', async () => {
      const body = { unitId: w.townA, date: '2027-01-05', kind: 'off', reason: '甲镇地方节日' };
      const preview = await call(app, lianluoA, 'POST', '/api/calendar/overrides/preview', body);
      expect(preview.statusCode).toBe(200);
      expect(preview.json().moved.map((m: { key: string; newDue: string }) => [m.key, m.newDue])).toEqual([['http-test:1', '2027-01-26']]);
      expect((await call(app, clerkA, 'POST', '/api/calendar/overrides', body)).statusCode).toBe(403);
      const created = await call(app, lianluoA, 'POST', '/api/calendar/overrides', { ...body, expectedMoved: ['http-test:1'] });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      const list = await call(app, clerkA, 'GET', `/api/calendar/overrides?unitId=${w.townA}`);
      expect(list.json().items).toEqual([expect.objectContaining({ id, unitName: '甲镇人民政府', date: '2027-01-05', kind: 'off', reason: '甲镇地方节日' })]);
      const view = await call(app, lianluoA, 'GET', `/api/calendar/units/${w.townA1}`);
      expect(view.json().overrides).toEqual([expect.objectContaining({ id: null, date: '2027-01-05', unitId: w.townA, unitName: '甲镇人民政府', inherited: true, shadowed: false })]);
      const own = await call(app, clerkA, 'GET', `/api/calendar/units/${w.townA}`);
      expect(own.json().overrides).toEqual([expect.objectContaining({ id, inherited: false })]);
      expect(own.json().policies).toEqual({ canManage: false });
      expect((await call(app, clerkA, 'GET', `/api/calendar/units/${w.townA1}`)).statusCode).toBe(404);
      const dup = await call(app, lianluoA, 'POST', '/api/calendar/overrides', body);
      expect(dup.statusCode).toBe(409);

      const delPreview = await call(app, lianluoA, 'POST', `/api/calendar/overrides/${id}/delete-preview`);
      expect(delPreview.json().moved.map((m: { newDue: string }) => m.newDue)).toEqual(['2027-01-25']);
      const stale = await call(app, lianluoA, 'DELETE', `/api/calendar/overrides/${id}`, { expectedMoved: [] });
      expect(stale.statusCode).toBe(409);
      const del = await call(app, lianluoA, 'DELETE', `/api/calendar/overrides/${id}`);
      expect(del.statusCode).toBe(200);
      expect((await call(app, clerkA, 'GET', `/api/calendar/overrides?unitId=${w.townA}`)).json().items).toEqual([]);
    });

    it('should set a unit not to follow 调休 and show where the setting comes from', async () => {
      const r = await call(app, lianluoA, 'PUT', `/api/calendar/units/${w.townA}/settings`, { ignoresAdjustedWorkdays: true });
      expect(r.statusCode).toBe(200);
      const view = await call(app, lianluoA, 'GET', `/api/calendar/units/${w.townA1}`);
      expect(view.json().ignoresAdjustedWorkdays).toEqual({ own: null, effective: true, source: { id: w.townA, name: '甲镇人民政府' } });
      expect(view.json().policies).toEqual({ canManage: true });
      const c = await call(app, clerkA, 'POST', '/api/calendar/deadline', { ruleId: 'disclosure.reply', start: '2023-09-25' });
      expect(c.json().due).toBe('2023-10-31');
      expect(c.json().trace).toContainEqual({ type: 'skip', date: '2023-10-07', reason: '周末（本单位不执行调休上班，全国为中秋节、国庆节调休上班日）' });
      expect((await call(app, lianluoA, 'PUT', `/api/calendar/units/${w.townB}/settings`, { ignoresAdjustedWorkdays: true })).statusCode).toBe(404);
      await call(app, lianluoA, 'PUT', `/api/calendar/units/${w.townA}/settings`, { ignoresAdjustedWorkdays: null });
    });
  });

  it('should rate-limit the public calculator per address', async () => {
    await t.database.db.deleteFrom('rate_limit_hit').execute();
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await call(app, null, 'POST', '/api/public/deadline', { ruleId: 'disclosure.reply', start: '2023-09-25' })).statusCode;
    expect(last).toBe(429);
    const r = await call(app, null, 'POST', '/api/public/deadline', { ruleId: 'disclosure.reply', start: '2023-09-25' });
    expect(r.json().error).toEqual({ code: 'RATE_LIMITED', message: '计算过于频繁，请稍后再试' });
  });
});
