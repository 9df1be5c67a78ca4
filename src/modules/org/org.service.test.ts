import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/helpers/db';
import { buildWorld, ctxOf, systemCtx, type World } from '../../../test/helpers/fixtures';
import { AppError } from '../../core/errors';
import { createUnit, getUnitHistory, listUnits, moveUnit, setUnitStatus, updateUnit } from './unit.service';
import { createUser, listUsers, resetUserPassword, setUserStatus, updateUser } from './user.service';
import { createRole, updateRole } from './role.service';
import { unitRepo } from './org.repo';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'OK';
};

describe.each(TEST_DIALECTS)('org services on %s', (dialect) => {
  let t: TestDb;
  let w: World;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    w = await buildWorld(t);
  });
  afterAll(() => t.cleanup());

  describe('createUnit', () => {
    it('should set a materialized path and depth under the parent', async () => {
      const ctx = systemCtx(t);
      const u = await createUnit(ctx, { parentId: w.townA1, code: 'TA1-X', name: '甲镇某村', unitType: 'village', sortOrder: 0 });
      const a1 = await unitRepo.findById(t.database.db, w.townA1);
      expect(u.path).toBe(`${a1!.path}${u.id}/`);
      expect(u.depth).toBe(a1!.depth + 1);
    });
    it('should refuse a duplicate code with CONFLICT naming the field', async () => {
      const err = await createUnit(systemCtx(t), { parentId: w.rootId, code: 'TA', name: '重复', unitType: 'other', sortOrder: 0 }).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe('CONFLICT');
      expect(err.fields[0].field).toBe('code');
    });
    it('should not let a township admin create a unit under another township', async () => {
      const ctx = await ctxOf(t, w.users.lianluoA);
      expect(await code(createUnit(ctx, { parentId: w.townB, code: 'HACK', name: '越权', unitType: 'other', sortOrder: 0 }))).toBe('VALIDATION_FAILED');
      expect(await code(createUnit(ctx, { parentId: w.townA, code: 'TA-OK', name: '甲镇新单位', unitType: 'other', sortOrder: 0 }))).toBe('OK');
      expect(await unitRepo.findByCode(t.database.db, 'HACK')).toBeUndefined();
    });
    it('should write the unit, its history and its audit event together, and none of them when a step fails', async () => {
      const db = t.database.db;
      const before = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await createUnit(systemCtx(t), { parentId: 999999, code: 'NOPE', name: '无上级', unitType: 'other', sortOrder: 0 }).catch(() => undefined);
      const after = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      expect(await unitRepo.findByCode(db, 'NOPE')).toBeUndefined();
    });
  });

  describe('moveUnit', () => {
    it('should rewrite the paths of the whole subtree and keep history', async () => {
      const ctx = systemCtx(t);
      const p = await createUnit(ctx, { parentId: w.townA, code: 'MV-P', name: '待移动', unitType: 'other', sortOrder: 0 });
      const c = await createUnit(ctx, { parentId: p.id, code: 'MV-C', name: '待移动下级', unitType: 'other', sortOrder: 0 });
      await moveUnit(ctx, p.id, w.townB);
      const b = await unitRepo.findById(t.database.db, w.townB);
      const c2 = await unitRepo.findById(t.database.db, c.id);
      expect(c2!.path).toBe(`${b!.path}${p.id}/${c.id}/`);
      expect(c2!.depth).toBe(b!.depth + 2);
      const hist = await getUnitHistory(ctx, p.id);
      expect(hist.map((h) => h.action)).toEqual(['create', 'move']);
      expect(await code(moveUnit(ctx, p.id, c.id))).toBe('VALIDATION_FAILED');
    });
  });

  describe('setUnitStatus', () => {
    it('should refuse to disable a unit with active sub-units, and disable a leaf', async () => {
      const ctx = systemCtx(t);
      expect(await code(setUnitStatus(ctx, w.townA, 'disabled'))).toBe('INVALID_STATE');
      const leaf = await createUnit(ctx, { parentId: w.dept, code: 'LEAF', name: '叶子', unitType: 'other', sortOrder: 0 });
      const d = await setUnitStatus(ctx, leaf.id, 'disabled');
      expect(d.status).toBe('disabled');
    });
  });

  describe('listUnits', () => {
    it('should show a clerk only their own unit and a supervisor the whole tree', async () => {
      const clerk = await listUnits(await ctxOf(t, w.users.clerkA), {});
      expect(clerk.map((u) => u.id)).toEqual([w.townA]);
      const sup = await listUnits(await ctxOf(t, w.users.supervisor), {});
      expect(sup.map((u) => u.id)).toEqual(expect.arrayContaining([w.rootId, w.townA, w.townA1, w.townB, w.dept]));
      const lly = await listUnits(await ctxOf(t, w.users.lianluoA), {});
      expect(lly.map((u) => u.id)).toContain(w.townA1);
      expect(lly.map((u) => u.id)).not.toContain(w.townB);
    });
    it('should show nothing to a user without any role (deny by default)', async () => {
      const { user } = await createUser(systemCtx(t), { username: 'norole', displayName: '无角色', unitId: w.townA, roleIds: [], password: 'Passw0rd123' });
      const ctx = await ctxOf(t, user.id);
      expect(await code(listUnits(ctx, {}))).toBe('FORBIDDEN');
      expect(ctx.actor.scope).toEqual({ all: false, unitIds: [], subtreePaths: [], selfUserId: null });
    });
  });

  describe('users', () => {
    it('should not let a township admin grant the administrator role', async () => {
      const ctx = await ctxOf(t, w.users.lianluoA);
      const admin = await t.database.db.selectFrom('role').select('id').where('code', '=', 'admin').executeTakeFirstOrThrow();
      expect(await code(createUser(ctx, { username: 'esc', displayName: '提权', unitId: w.townA, roleIds: [admin.id], password: 'Passw0rd123' }))).toBe('VALIDATION_FAILED');
    });
    it('should end the sessions of a disabled user and log the change with before/after', async () => {
      const ctx = systemCtx(t);
      await t.database.db.insertInto('session').values({ id: 'x'.repeat(64), user_id: w.users.clerkB, csrf_token: 'c', ip: null, user_agent: null, created_at: '2026-01-01', last_seen_at: '2026-01-01', expires_at: '2099-01-01' }).execute();
      await setUserStatus(ctx, w.users.clerkB, 'disabled');
      expect(await t.database.db.selectFrom('session').selectAll().where('user_id', '=', w.users.clerkB).execute()).toHaveLength(0);
      const ev = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'org:user:disable').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(JSON.parse(ev.changes)).toEqual({ status: ['active', 'disabled'] });
      await setUserStatus(ctx, w.users.clerkB, 'active');
    });
    it('should log a partial update without touching other fields', async () => {
      const ctx = systemCtx(t);
      await updateUser(ctx, w.users.clerkA, { phone: '0991-1234567' });
      const ev = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'org:user:update').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(JSON.parse(ev.changes)).toEqual({ phone: [null, '0991-1234567'] });
    });
    it('should reset a password with a one-time password', async () => {
      const r = await resetUserPassword(systemCtx(t), w.users.clerkA);
      expect(r.initialPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    });
    it('should page users within scope', async () => {
      const r = await listUsers(await ctxOf(t, w.users.lianluoA), { page: 1, pageSize: 2 });
      expect(r.items.length).toBe(2);
      expect(r.total).toBeGreaterThanOrEqual(4);
      const all = await listUsers(await ctxOf(t, w.users.lianluoA), { page: 1, pageSize: 100 });
      expect(all.items.every((u) => u.unitId === w.townA || u.unitId === w.townA1)).toBe(true);
    });
  });

  describe('roles', () => {
    it('should combine roles by taking the widest scope', async () => {
      const ctx = systemCtx(t);
      const custom = await createRole(ctx, { code: 'custom_b', name: '自定乙', dataScope: 'custom', permissions: ['org:unit:list'], customUnitIds: [w.townB], sortOrder: 0 });
      const { user } = await createUser(ctx, { username: 'two_roles', displayName: '双角色', unitId: w.townA, roleIds: [custom.id], password: 'Passw0rd123' });
      const clerkRole = await t.database.db.selectFrom('role').select('id').where('code', '=', 'clerk').executeTakeFirstOrThrow();
      await updateUser(ctx, user.id, { roleIds: [custom.id, clerkRole.id] });
      const units = await listUnits(await ctxOf(t, user.id), {});
      expect(units.map((u) => u.id).sort()).toEqual([w.townA, w.townB].sort());
      await updateRole(ctx, custom.id, { customUnitIds: [w.dept] });
      const units2 = await listUnits(await ctxOf(t, user.id), {});
      expect(units2.map((u) => u.id).sort()).toEqual([w.townA, w.dept].sort());
    });
    it('should take away every grant of a disabled role', async () => {
      const ctx = systemCtx(t);
      const r = await createRole(ctx, { code: 'to_disable', name: '待停用', dataScope: 'unit', permissions: ['org:unit:list'], customUnitIds: [], sortOrder: 0 });
      const { user } = await createUser(ctx, { username: 'holder', displayName: '持有者', unitId: w.townA, roleIds: [r.id], password: 'Passw0rd123' });
      expect((await listUnits(await ctxOf(t, user.id), {})).map((u) => u.id)).toEqual([w.townA]);
      await updateRole(ctx, r.id, { status: 'disabled' });
      expect(await code(listUnits(await ctxOf(t, user.id), {}))).toBe('FORBIDDEN');
    });
    it('should let only a 全部-scope actor change roles', async () => {
      const ctx = await ctxOf(t, w.users.superClerkA);
      expect(await code(createRole(ctx, { code: 'x_all', name: 'x', dataScope: 'all', permissions: ['*'], customUnitIds: [], sortOrder: 0 }))).toBe('FORBIDDEN');
    });
  });

  describe('updateUnit', () => {
    it('should record only changed fields', async () => {
      const ctx = systemCtx(t);
      await updateUnit(ctx, w.dept, { name: '区司法局（改）', sortOrder: 3 });
      const ev = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'org:unit:update').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(JSON.parse(ev.changes)).toEqual({ name: ['区司法局', '区司法局（改）'] });
    });
  });
});
