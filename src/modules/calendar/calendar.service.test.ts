import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/helpers/db';
import { buildWorld, ctxOf, systemCtx, type World } from '../../../test/helpers/fixtures';
import { nowIso, openDatabase, type DbOrTx, type Tx } from '../../core/db/database';
import type { DeadlineSource } from '../../core/deadline-sources';
import { AppError } from '../../core/errors';
import { DEADLINE_SOURCES } from '../../server/deadline-sources';
import { createCalendar, type Calendar } from './calendar.days';
import { computeDeadline } from './calendar.engine';
import { getRule } from './calendar.rules';
import {
  computeForActor,
  createOverride,
  deleteOverride,
  getCalendarForUnit,
  getRulesForUnit,
  getUnitCalendar,
  importYear,
  previewOverrideCreate,
  previewYearImport,
  seedBundledYears,
  setRuleConfig,
  setUnitCalendarSettings,
} from './calendar.service';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'OK';
};

/** A made-up 2027 arrangement (test data, not the State Council notice): 元旦 Fri 1 – Sun 3 January. */
const Y2027 = {
  year: 2027,
  status: 'unverified',
  source: { title: '测试用2027年节假日安排', docNo: null },
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', work: [] }],
};
/** The same year edited: 元旦 also takes Monday 4 January off. */
const Y2027_EDIT = { ...Y2027, status: 'official', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-04', work: [] }] };

const reply = (calendar: Calendar, start: string) => computeDeadline({ rule: getRule('disclosure.reply'), start, calendar }, { trace: false }).due;

/**
 * A work line's open deadlines, in memory: each item is a 依申请公开 reply from `start`. `refresh` recomputes the
 * stored due date with the calendar it reads through the transaction and writes it to `setting` (key `fake:KEY`),
 * so a test can see that it ran inside the change's transaction.
 */
function fakeSource(items: { key: string; unitId: number; start: string }[], opts: { failRefresh?: boolean } = {}) {
  const calls: { keys: string[]; yearsSeen: number[] }[] = [];
  const source: DeadlineSource = {
    name: 'fake',
    async listOpen(db: DbOrTx) {
      const stored = new Map((await db.selectFrom('setting').select(['key', 'value']).where('key', 'like', 'fake:%').execute()).map((r) => [r.key.slice(5), r.value]));
      return items.map((i) => ({
        key: i.key,
        unitId: i.unitId,
        label: `测试申请 ${i.key}`,
        ruleId: 'disclosure.reply',
        currentDue: stored.get(i.key) ?? null,
        dueOn: (calendar: Calendar) => reply(calendar, i.start),
      }));
    },
    async refresh(tx: Tx, keys: string[]) {
      const yearsSeen = (await getCalendarForUnit(tx, null)).loadedYears().map((y) => y.year);
      calls.push({ keys: [...keys].sort(), yearsSeen });
      for (const key of keys) {
        const item = items.find((i) => i.key === key)!;
        const due = reply(await getCalendarForUnit(tx, item.unitId), item.start);
        await tx
          .insertInto('setting')
          .values({ key: `fake:${key}`, value: due, updated_at: nowIso() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: due }))
          .execute();
      }
      if (opts.failRefresh) throw new Error('refresh failed');
    },
  };
  return { source, calls };
}

describe.each(TEST_DIALECTS)('calendar services on %s', (dialect) => {
  let t: TestDb;
  let w: World;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    w = await buildWorld(t);
  });
  afterAll(() => t.cleanup());
  afterEach(async () => {
    // remove the fake sources only: work lines register theirs in the same array
    for (let i = DEADLINE_SOURCES.length - 1; i >= 0; i--) if (DEADLINE_SOURCES[i].name === 'fake') DEADLINE_SOURCES.splice(i, 1);
    await t.database.db.deleteFrom('setting').where('key', 'like', 'fake:%').execute();
  });

  const auditOf = (action: string, entityId: string | number) =>
    t.database.db.selectFrom('audit_event').selectAll().where('action', '=', action).where('entity_id', '=', String(entityId)).orderBy('seq').execute();

  describe(seedBundledYears.name, () => {
    it('should have seeded 2022–2026 once on first start, audited as the system', async () => {
      const years = await t.database.db.selectFrom('calendar_year').select(['year', 'status']).orderBy('year').execute();
      expect(years).toEqual([2022, 2023, 2024, 2025, 2026].map((year) => ({ year, status: 'official' })));
      const events = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'calendar:year:import').execute();
      expect(events).toHaveLength(5);
      expect(events[0].actor_name).toBe('系统(bootstrap)');
      expect(await seedBundledYears(t.database.db)).toEqual([]);
      expect(await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'calendar:year:import').execute()).toHaveLength(5);
    });

    it('should seed once when two connections seed an empty calendar', async () => {
      const other = openDatabase(t.url ? { url: t.url } : { file: t.database.file! });
      try {
        const db = t.database.db;
        const marker = await db.selectFrom('setting').selectAll().where('key', '=', 'calendar.seeded').executeTakeFirstOrThrow();
        const saved = await db.selectFrom('calendar_year').selectAll().execute();
        await db.deleteFrom('calendar_year').execute();
        await db.deleteFrom('setting').where('key', '=', 'calendar.seeded').execute();
        const seq0 = (await db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow()).last_seq;
        // PostgreSQL: truly concurrent. SQLite: better-sqlite3 blocks the event loop while it waits for the lock, so
        // two connections of one process cannot wait for each other; they run one after the other here, and two
        // processes seeding an empty database are run by test/cli/calendar.cli.test.ts.
        const [a, b] = dialect === 'postgres' ? await Promise.all([seedBundledYears(db), seedBundledYears(other.db)]) : [await seedBundledYears(db), await seedBundledYears(other.db)];
        expect([...a, ...b].sort()).toEqual([2022, 2023, 2024, 2025, 2026]);
        expect(a.length === 0 || b.length === 0).toBe(true);
        expect((await db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow()).last_seq).toBe(seq0 + 5);
        // 恢复首次启动时的状态
        await db.deleteFrom('calendar_year').execute();
        await db.insertInto('calendar_year').values(saved).execute();
        await db.updateTable('setting').set({ value: marker.value }).where('key', '=', 'calendar.seeded').execute();
      } finally {
        await other.close();
      }
    });

    it('should read the calendar from the database, not from the bundled files', async () => {
      const calendar = await getCalendarForUnit(t.database.db, null);
      expect(calendar.loadedYears().map((y) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
      expect(calendar.addWorkingDays('2023-09-25', 20)).toBe('2023-10-27');
    });
  });

  describe(importYear.name, () => {
    it('should preview the deadlines a new year moves, then import it audited and refresh them in the same transaction', async () => {
      const fake = fakeSource([
        { key: 'a', unitId: w.townA1, start: '2026-12-25' },
        { key: 'b', unitId: w.townB, start: '2026-12-28' },
        { key: 'c', unitId: w.townA, start: '2026-10-09' }, // ends in November: not moved
      ]);
      DEADLINE_SOURCES.push(fake.source);
      const ctx = systemCtx(t);
      const national = await getCalendarForUnit(t.database.db, null);
      expect(reply(national, '2026-12-25')).toBe('2027-01-22');

      const preview = await previewYearImport(ctx, Y2027);
      expect(preview.year).toBe(2027);
      expect(preview.existing).toBeNull();
      expect(preview.moved.map((m) => [m.key, m.unitId, m.ruleId, m.oldDue, m.newDue])).toEqual([
        ['a', w.townA1, 'disclosure.reply', '2027-01-22', '2027-01-25'],
        ['b', w.townB, 'disclosure.reply', '2027-01-25', '2027-01-26'],
      ]);
      expect(preview.moved[0].label).toBe('测试申请 a');
      expect(fake.calls).toEqual([]);
      expect(await t.database.db.selectFrom('calendar_year').select('year').where('year', '=', 2027).executeTakeFirst()).toBeUndefined();

      // the preview was confirmed for other deadlines than those that move now
      expect(await code(importYear(ctx, Y2027, { expectedMoved: ['a'] }))).toBe('CONFLICT');

      const r = await importYear(ctx, Y2027, { expectedMoved: ['b', 'a'] });
      expect(r).toMatchObject({ year: 2027, created: true, changed: true });
      expect(r.moved.map((m) => m.key)).toEqual(['a', 'b']);
      // refreshed once, with exactly the moved keys, and inside the transaction the new year was already visible
      expect(fake.calls).toEqual([{ keys: ['a', 'b'], yearsSeen: [2022, 2023, 2024, 2025, 2026, 2027] }]);
      const stored = await t.database.db.selectFrom('setting').select(['key', 'value']).where('key', 'like', 'fake:%').orderBy('key').execute();
      expect(stored).toEqual([
        { key: 'fake:a', value: '2027-01-25' },
        { key: 'fake:b', value: '2027-01-26' },
      ]);
      const [event] = await auditOf('calendar:year:import', 2027);
      expect(event.actor_name).toBe('系统(test)');
      expect(event.summary).toContain('2 个未结期限随之调整');
      const changes = JSON.parse(event.changes);
      expect(changes.status).toEqual([null, 'unverified']);
      expect(changes.holidays[0]).toBeNull();
      expect(changes.holidays[1][0]).toMatchObject({ name: '元旦', from: '2027-01-01', to: '2027-01-03' });
      expect(changes.moved_deadlines).toEqual([
        { a: '2027-01-22', b: '2027-01-25' },
        { a: '2027-01-25', b: '2027-01-26' },
      ]);
    });

    it('should record before and after when a year is edited, and roll everything back when a refresh fails', async () => {
      const ctx = systemCtx(t);
      const failing = fakeSource([{ key: 'x', unitId: w.townA, start: '2026-12-31' }], { failRefresh: true });
      DEADLINE_SOURCES.push(failing.source);
      const seq0 = (await t.database.db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow()).last_seq;
      expect(await code(importYear(ctx, Y2027_EDIT))).toBe('Error: refresh failed');
      expect(failing.calls).toHaveLength(1);
      const row = await t.database.db.selectFrom('calendar_year').selectAll().where('year', '=', 2027).executeTakeFirstOrThrow();
      expect(row.status).toBe('unverified');
      expect(row.revision).toBe(1);
      expect((await t.database.db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow()).last_seq).toBe(seq0);
      expect(await t.database.db.selectFrom('setting').select('key').where('key', '=', 'fake:x').executeTakeFirst()).toBeUndefined();
      DEADLINE_SOURCES.splice(DEADLINE_SOURCES.indexOf(failing.source), 1);

      const preview = await previewYearImport(ctx, Y2027_EDIT);
      expect(preview.existing).toMatchObject({ year: 2027, status: 'unverified' });
      expect(Object.keys(preview.changes).sort()).toEqual(['holidays', 'status']);
      const r = await importYear(ctx, Y2027_EDIT);
      expect(r).toMatchObject({ created: false, changed: true });
      const events = await auditOf('calendar:year:import', 2027);
      expect(events).toHaveLength(2);
      const changes = JSON.parse(events[1].changes);
      expect(changes.status).toEqual(['unverified', 'official']);
      expect(changes.holidays[0][0].to).toBe('2027-01-03');
      expect(changes.holidays[1][0].to).toBe('2027-01-04');
      expect(changes.source).toBeUndefined();
      const row2 = await t.database.db.selectFrom('calendar_year').selectAll().where('year', '=', 2027).executeTakeFirstOrThrow();
      expect(row2.revision).toBe(2);
      // importing the same file again changes nothing and records nothing
      expect(await importYear(ctx, Y2027_EDIT)).toMatchObject({ changed: false });
      expect(await auditOf('calendar:year:import', 2027)).toHaveLength(2);
      // the calendar of every process reads the new row
      expect((await getCalendarForUnit(t.database.db, w.townB)).dayInfo('2027-01-04').reason).toBe('元旦');
    });

    it('should name the fields of an invalid file, and refuse a township administrator', async () => {
      const err = await previewYearImport(systemCtx(t), { ...Y2027, holidays: [{ name: '元旦', from: '2027-01-05', to: '2027-01-01' }] }).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.fields[0].field).toBe('arrangement.holidays.0');
      expect(err.fields[0].message).toContain('晚于结束日期');
      // 2022-12-31 belongs to the 2023 notice's 元旦: a 2022 file that claims it too is refused
      const overlap = await previewYearImport(systemCtx(t), { year: 2022, status: 'draft', source: { title: '测试' }, holidays: [{ name: '元旦', from: '2022-12-31', to: '2022-12-31' }] }).catch((e) => e);
      expect(overlap.code).toBe('VALIDATION_FAILED');
      expect(overlap.message).toContain('同时出现在');
      expect(await code(importYear(await ctxOf(t, w.users.lianluoA), Y2027))).toBe('FORBIDDEN');
      expect(await code(importYear(await ctxOf(t, w.users.superClerkA), Y2027))).toBe('FORBIDDEN');
    });
  });

  describe('overrides', () => {
    it('should inherit overrides down the tree, the nearest unit winning', async () => {
      const ctx = systemCtx(t);
      await createOverride(ctx, { unitId: w.rootId, date: '2024-04-10', kind: 'off', reason: '肉孜节（测试地区）' });
      await createOverride(ctx, { unitId: w.townA, date: '2024-04-10', kind: 'work', reason: '甲镇照常上班' });
      await createOverride(ctx, { unitId: w.townA, date: '2024-04-11', kind: 'off', reason: '甲镇调整放假' });
      const a1 = await getCalendarForUnit(t.database.db, w.townA1);
      expect(a1.dayInfo('2024-04-10')).toMatchObject({ isWorkingDay: true, kind: 'override_work', reason: '甲镇照常上班' });
      expect(a1.dayInfo('2024-04-11')).toMatchObject({ isWorkingDay: false, reason: '甲镇调整放假' });
      const b = await getCalendarForUnit(t.database.db, w.townB);
      expect(b.dayInfo('2024-04-10')).toMatchObject({ isWorkingDay: false, kind: 'override_off', reason: '肉孜节（测试地区）' });
      expect(b.isWorkingDay('2024-04-11')).toBe(true);
      const national = await getCalendarForUnit(t.database.db, null);
      expect(national.isWorkingDay('2024-04-10')).toBe(true);

      const view = await getUnitCalendar(ctx, w.townA1);
      expect(view.ancestors.map((a) => a.id)).toEqual([w.rootId, w.townA]);
      expect(view.overrides.map((o) => [o.date, o.unitId, o.inherited, o.shadowed])).toEqual([
        ['2024-04-10', w.rootId, true, true],
        ['2024-04-10', w.townA, true, false],
        ['2024-04-11', w.townA, true, false],
      ]);
      // computing for a unit uses its calendar, and the trace names the override
      const r = await computeForActor(await ctxOf(t, w.users.clerkB), { ruleId: 'enforcement.publicity-7', start: '2024-04-08' });
      expect(r.unit).toEqual({ id: w.townB, name: '乙街道办事处' });
      expect(r.trace).toContainEqual({ type: 'skip', date: '2024-04-10', reason: '肉孜节（测试地区）' });
      expect(r.calendar.overrideLabels).toContain('本级人民政府');
    });

    it('should preview and refresh the deadlines an override moves, listing only those in scope', async () => {
      const fake = fakeSource([
        { key: 'own', unitId: w.townA, start: '2025-03-03' },
        { key: 'child', unitId: w.townA1, start: '2025-03-03' },
        { key: 'other', unitId: w.townB, start: '2025-03-03' },
      ]);
      DEADLINE_SOURCES.push(fake.source);
      const input = { unitId: w.townA, date: '2025-03-12', kind: 'off' as const, reason: '甲镇地方节日' };
      // 本单位 scope: the unit's own deadline only; 本单位及以下: the child's too; township B is not affected at all
      const narrow = await previewOverrideCreate(await ctxOf(t, w.users.superClerkA), input);
      expect(narrow.moved.map((m) => m.key)).toEqual(['own']);
      const wide = await previewOverrideCreate(await ctxOf(t, w.users.lianluoA), input);
      expect(wide.moved.map((m) => [m.key, m.oldDue, m.newDue])).toEqual([
        ['child', '2025-03-31', '2025-04-01'],
        ['own', '2025-03-31', '2025-04-01'],
      ]);
      const created = await createOverride(await ctxOf(t, w.users.superClerkA), { ...input, expectedMoved: ['own'] });
      expect(created.moved.map((m) => m.key)).toEqual(['own']);
      // …but every moved deadline is refreshed, also the one outside the actor's scope
      expect(fake.calls.map((c) => c.keys)).toEqual([['child', 'own']]);
      const [event] = await auditOf('calendar:override:create', created.id);
      expect(event.unit_id).toBe(w.townA);
      expect(JSON.parse(event.changes)).toMatchObject({ date: [null, '2025-03-12'], kind: [null, 'off'], reason: [null, '甲镇地方节日'] });

      const deleted = await deleteOverride(await ctxOf(t, w.users.lianluoA), created.id, { expectedMoved: ['child', 'own'] });
      expect(deleted.moved.map((m) => [m.key, m.newDue])).toEqual([
        ['child', '2025-03-31'],
        ['own', '2025-03-31'],
      ]);
      expect(JSON.parse((await auditOf('calendar:override:delete', created.id))[0].changes).date).toEqual(['2025-03-12', null]);
    });

    it('should not let a township administrator change another township, nor a clerk any unit', async () => {
      const lianluoA = await ctxOf(t, w.users.lianluoA);
      const input = { unitId: w.townB, date: '2025-05-06', kind: 'off' as const, reason: '越权' };
      const err = await createOverride(lianluoA, input).catch((e) => e);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.fields[0].field).toBe('unitId');
      expect(await code(previewOverrideCreate(lianluoA, input))).toBe('VALIDATION_FAILED');
      expect(await code(createOverride(await ctxOf(t, w.users.superClerkA), input))).toBe('VALIDATION_FAILED');
      expect(await code(createOverride(await ctxOf(t, w.users.clerkA), { ...input, unitId: w.townA }))).toBe('FORBIDDEN');
      expect(await code(setUnitCalendarSettings(lianluoA, w.townB, { ignoresAdjustedWorkdays: true }))).toBe('NOT_FOUND');
      const bOverride = await createOverride(systemCtx(t), { unitId: w.townB, date: '2025-05-07', kind: 'off', reason: '乙街道调整' });
      expect(await code(deleteOverride(lianluoA, bOverride.id))).toBe('NOT_FOUND');
      expect(await code(getUnitCalendar(lianluoA, w.townB))).toBe('NOT_FOUND');
      expect(await t.database.db.selectFrom('calendar_override').select('id').where('reason', '=', '越权').executeTakeFirst()).toBeUndefined();
      // a duplicate date on the same unit names the field
      const dup = await createOverride(systemCtx(t), { unitId: w.townB, date: '2025-05-07', kind: 'work', reason: '重复' }).catch((e) => e);
      expect(dup.code).toBe('CONFLICT');
      expect(dup.fields[0].field).toBe('date');
      await deleteOverride(systemCtx(t), bOverride.id);
    });
  });

  describe(setUnitCalendarSettings.name, () => {
    it('should let a unit not follow 调休, inherited below unless a unit says otherwise', async () => {
      const lianluoA = await ctxOf(t, w.users.lianluoA);
      const r = await setUnitCalendarSettings(lianluoA, w.townA, { ignoresAdjustedWorkdays: true });
      expect(r.changed).toBe(true);
      const a1 = await getCalendarForUnit(t.database.db, w.townA1);
      expect(a1.dayInfo('2023-10-07')).toMatchObject({ isWorkingDay: false, kind: 'adjusted_workday_ignored' });
      expect(reply(a1, '2023-09-25')).toBe('2023-10-31');
      expect(reply(await getCalendarForUnit(t.database.db, w.townB), '2023-09-25')).toBe('2023-10-27');
      const view = await getUnitCalendar(lianluoA, w.townA1);
      expect(view.ignoresAdjustedWorkdays).toEqual({ own: null, effective: true, source: { id: w.townA, name: '甲镇人民政府' } });

      await setUnitCalendarSettings(lianluoA, w.townA1, { ignoresAdjustedWorkdays: false });
      expect(reply(await getCalendarForUnit(t.database.db, w.townA1), '2023-09-25')).toBe('2023-10-27');
      expect(reply(await getCalendarForUnit(t.database.db, w.townA), '2023-09-25')).toBe('2023-10-31');
      const events = await auditOf('calendar:unit:configure', w.townA);
      expect(JSON.parse(events[0].changes).ignores_adjusted_workdays).toEqual([null, true]);

      await setUnitCalendarSettings(lianluoA, w.townA1, { ignoresAdjustedWorkdays: null });
      await setUnitCalendarSettings(lianluoA, w.townA, { ignoresAdjustedWorkdays: null });
      expect(reply(await getCalendarForUnit(t.database.db, w.townA1), '2023-09-25')).toBe('2023-10-27');
    });
  });

  describe(computeForActor.name, () => {
    it('should mark a deadline that runs into a year with no arrangement as provisional, naming the year', async () => {
      await t.database.db.deleteFrom('calendar_year').where('year', '=', 2027).execute();
      const r = await computeForActor(await ctxOf(t, w.users.clerkA), { ruleId: 'disclosure.reply', start: '2026-12-15' });
      expect(r.provisional).toBe(true);
      expect(r.missingYears).toEqual([2027]);
      expect(r.warnings.join('')).toContain('2027年节假日安排（国务院办公厅通知）尚未加载');
      expect(r.trace.at(-1)).toMatchObject({ type: 'due', text: expect.stringContaining('暂定') });
      const ok = await computeForActor(await ctxOf(t, w.users.clerkA), { ruleId: 'disclosure.reply', receipt: { channel: 'in_person', submittedOn: '2023-09-25' } });
      expect(ok).toMatchObject({ due: '2023-10-27', provisional: false, start: '2023-09-25' });
      expect(ok.lines).toContain('  2023-10-07  第4日  调休上班（中秋节、国庆节）');
    });

    it('should compute only on calendars of units in scope and name bad fields', async () => {
      const clerkA = await ctxOf(t, w.users.clerkA);
      const e1 = await computeForActor(clerkA, { ruleId: 'disclosure.reply', start: '2023-09-25', unitId: w.townB }).catch((e) => e);
      expect(e1.fields?.[0].field).toBe('unitId');
      const e2 = await computeForActor(clerkA, { ruleId: 'no.such-rule', start: '2023-09-25' }).catch((e) => e);
      expect(e2.fields?.[0].field).toBe('ruleId');
      const e3 = await computeForActor(clerkA, { ruleId: 'disclosure.reply', start: '2023-09-25', extended: 30 }).catch((e) => e);
      expect(e3.fields?.[0]).toMatchObject({ field: 'extended', message: expect.stringContaining('不得超过20个工作日') });
      const e4 = await computeForActor(clerkA, { ruleId: 'disclosure.reply', start: '2023-02-30' }).catch((e) => e);
      expect(e4.fields?.[0].field).toBe('start');
    });
  });

  describe(getRulesForUnit.name, () => {
    it('should apply the platform and unit-subtree rule configuration, nearest first, and refuse national high rules', async () => {
      const ctx = systemCtx(t);
      await setRuleConfig(ctx, null, { 'normative-doc.filing': { length: 20 } });
      await setRuleConfig(await ctxOf(t, w.users.lianluoA), w.townA, { 'normative-doc.filing': { length: 30, note: '甲镇测试配置' } });
      const base = getRule('normative-doc.filing');
      expect((await getRulesForUnit(t.database.db, null)).find((r) => r.id === base.id)?.length).toBe(20);
      const a1 = (await getRulesForUnit(t.database.db, w.townA1)).find((r) => r.id === base.id)!;
      expect(a1.length).toBe(30);
      expect(a1.configured?.source).toContain('甲镇人民政府');
      expect((await getRulesForUnit(t.database.db, w.townB)).find((r) => r.id === base.id)?.length).toBe(20);
      const err = await setRuleConfig(ctx, null, { 'disclosure.reply': { length: 30 } }).catch((e) => e);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.fields[0].field).toBe('config');
      expect(await code(setRuleConfig(await ctxOf(t, w.users.lianluoA), null, {}))).toBe('FORBIDDEN');
      await setRuleConfig(ctx, w.townA, {});
      await setRuleConfig(ctx, null, {});
      expect((await getRulesForUnit(t.database.db, w.townA1)).find((r) => r.id === base.id)?.length).toBe(base.length);
      expect(JSON.parse((await auditOf('calendar:rules:configure', w.townA))[0].changes).rule_config[1]).toEqual({ 'normative-doc.filing': { length: 30, note: '甲镇测试配置' } });
    });
  });

  it('should build the same calendar as the engine from the same data', async () => {
    const stored = await getCalendarForUnit(t.database.db, null);
    const rows = await t.database.db.selectFrom('calendar_year').select('arrangement').orderBy('year').execute();
    const direct = createCalendar({ years: rows.map((r) => JSON.parse(r.arrangement)) });
    expect(stored.version).toBe(direct.version);
  });
});
