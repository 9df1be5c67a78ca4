import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../test/helpers/db';
import { BUILTIN_ROLES } from '../shared/permissions';
import { ensureBuiltinRoles } from './bootstrap';

describe.each(TEST_DIALECTS)('ensureBuiltinRoles on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(() => t.cleanup());

  const perms = async (code: string) => JSON.parse((await t.database.db.selectFrom('role').select('permissions').where('code', '=', code).executeTakeFirstOrThrow()).permissions) as string[];

  it('should give an existing built-in role the permissions a newer release ships, and keep what an administrator removed', async () => {
    const db = t.database.db;
    const shipped = BUILTIN_ROLES.find((r) => r.code === 'unit_admin')!.permissions;
    const [removedByAdmin, newInRelease] = [shipped[0], shipped[1]];
    // 模拟旧版本：当时发布的权限里没有 newInRelease；管理员后来又删掉了 removedByAdmin
    await db.updateTable('setting').set({ value: JSON.stringify(shipped.filter((p) => p !== newInRelease).sort()) }).where('key', '=', 'roles.shipped.unit_admin').execute();
    await db.updateTable('role').set({ permissions: JSON.stringify(shipped.filter((p) => p !== newInRelease && p !== removedByAdmin)) }).where('code', '=', 'unit_admin').execute();
    await ensureBuiltinRoles(t.database);
    const now = await perms('unit_admin');
    expect(now).toContain(newInRelease);
    expect(now).not.toContain(removedByAdmin);
    const ev = await db.selectFrom('audit_event').selectAll().where('entity_type', '=', 'role').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(ev.summary).toContain(newInRelease);
    // 再次启动不再改动
    const before = await perms('unit_admin');
    await ensureBuiltinRoles(t.database);
    expect(await perms('unit_admin')).toEqual(before);
  });
});
