/**
 * Fixture builders: a district with two townships (A with a sub-unit, B) and users of several roles,
 * created through the services like real data.
 */
import { systemActor, type Actor, type Ctx } from '../../src/core/context';
import type { TestDb } from './db';
import { resolveUserActor } from '../../src/modules/auth/actor';
import { roleRepo } from '../../src/modules/org/org.repo';
import { createRole } from '../../src/modules/org/role.service';
import { createUnit } from '../../src/modules/org/unit.service';
import { createUser } from '../../src/modules/org/user.service';

export const PASSWORD = 'Passw0rd123';

/** A ctx acting as the system (CLI) on the test database. */
export const systemCtx = (t: TestDb): Ctx => ({ db: t.database.db, dialect: t.database.dialect, config: t.config, actor: systemActor('test'), ip: '127.0.0.1' });

/** A ctx acting as the given user. */
export async function ctxOf(t: TestDb, userId: number): Promise<Ctx> {
  const actor = (await resolveUserActor(t.database.db, userId, { kind: 'user' })) as Actor;
  return { ...systemCtx(t), actor };
}

export interface World {
  rootId: number;
  townA: number;
  townA1: number;
  townB: number;
  dept: number;
  users: { admin: number; clerkA: number; superClerkA: number; lianluoA: number; clerkB: number; supervisor: number; officerA: number };
}

/** Builds the two-township world used by the scope tests. */
export async function buildWorld(t: TestDb): Promise<World> {
  const ctx = systemCtx(t);
  const root = await t.database.db.selectFrom('org_unit').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const townA = await createUnit(ctx, { parentId: root.id, code: 'TA', name: '甲镇人民政府', unitType: 'township', sortOrder: 1 });
  const townA1 = await createUnit(ctx, { parentId: townA.id, code: 'TA1', name: '甲镇司法所', unitType: 'other', sortOrder: 1 });
  const townB = await createUnit(ctx, { parentId: root.id, code: 'TB', name: '乙街道办事处', unitType: 'street', sortOrder: 2 });
  const dept = await createUnit(ctx, { parentId: root.id, code: 'DEP', name: '区司法局', unitType: 'department', sortOrder: 3 });
  const role = async (code: string) => (await roleRepo.findByCode(t.database.db, code))!.id;
  // 拥有全部权限、但数据范围为“本单位”的角色：证明拦住越权的是数据权限，而不只是功能权限
  const everything = await createRole(ctx, { code: 'everything_unit', name: '全权限本单位', dataScope: 'unit', permissions: ['*'], customUnitIds: [], sortOrder: 99 });
  const user = async (username: string, unitId: number, roleIds: number[]) =>
    (await createUser(ctx, { username, displayName: username, unitId, roleIds, password: PASSWORD })).user.id;
  const admin = (await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
  return {
    rootId: root.id,
    townA: townA.id,
    townA1: townA1.id,
    townB: townB.id,
    dept: dept.id,
    users: {
      admin,
      clerkA: await user('clerk_a', townA.id, [await role('clerk')]),
      superClerkA: await user('super_a', townA.id, [everything.id]),
      lianluoA: await user('lly_a', townA.id, [await role('unit_admin')]),
      clerkB: await user('clerk_b', townB.id, [await role('clerk')]),
      supervisor: await user('supervisor', root.id, [await role('supervisor')]),
      officerA: await user('officer_a', townA.id, [await role('officer')]),
    },
  };
}
