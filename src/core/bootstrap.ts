/**
 * Opening and preparing a database: migrations, built-in roles, the root unit and the first administrator.
 * Safe to run from several processes at once (migrations take Kysely's lock; inserts are guarded by unique keys).
 */
import type { AppConfig } from './config';
import { systemActor } from './context';
import { nowIso, openDatabase, type Database_ } from './db/database';
import { migrateToLatest } from './db/migrate';
import { BUILTIN_ROLES } from '../shared/permissions';
import { recordAudit } from '../modules/audit/audit.service';
import { seedBundledYears } from '../modules/calendar/calendar.service';
import { generatePassword, hashPassword } from '../modules/auth/password';

/** Opens the database named by the configuration (PostgreSQL URL or the SQLite file in the data folder). */
export function openFromConfig(config: AppConfig): Database_ {
  return openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
}

/**
 * Inserts the built-in roles that are missing, and gives existing built-in roles the permissions a newer release
 * ships for them. What was shipped is remembered per role (setting `roles.shipped.<code>`), so a permission an
 * administrator removed is not put back, while one added by a later release is.
 */
export async function ensureBuiltinRoles(database: Database_): Promise<void> {
  const { db } = database;
  const existing = new Map((await db.selectFrom('role').select(['id', 'code', 'permissions', 'is_builtin']).execute()).map((r) => [r.code, r]));
  for (const [i, r] of BUILTIN_ROLES.entries()) {
    const now = nowIso();
    const key = `roles.shipped.${r.code}`;
    const shippedNow = JSON.stringify([...r.permissions].sort());
    const shippedRow = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
    if (shippedRow?.value === shippedNow) continue;
    const role = existing.get(r.code);
    if (!role) {
      await db
        .insertInto('role')
        .values({ code: r.code, name: r.name, data_scope: r.dataScope, permissions: JSON.stringify(r.permissions), is_builtin: 1, sort_order: i, status: 'active', remark: r.remark, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    } else if (role.is_builtin) {
      const shipped = new Set<string>(shippedRow ? (JSON.parse(shippedRow.value) as string[]) : []);
      const current = JSON.parse(role.permissions) as string[];
      const added = r.permissions.filter((p) => !shipped.has(p) && !current.includes(p));
      if (added.length > 0) {
        await db.transaction().execute(async (tx) => {
          await tx.updateTable('role').set({ permissions: JSON.stringify([...current, ...added]), updated_at: now }).where('id', '=', role.id).execute();
          await recordAudit(tx, { actor: systemActor('upgrade'), ip: null }, { action: 'org:role:update', entityType: 'role', entityId: role.id, unitId: null, summary: `升级：内置角色「${r.name}」增加新版本的权限 ${added.join('、')}`, changes: { permissions: [current, [...current, ...added]] } });
        });
      }
    }
    await db.insertInto('setting').values({ key, value: shippedNow, updated_at: now }).onConflict((oc) => oc.column('key').doUpdateSet({ value: shippedNow, updated_at: now })).execute();
  }
}

/**
 * Migrates and seeds. On an empty database creates the root unit and the `admin` user, with
 * `FAZHI_ADMIN_PASSWORD` or a generated one-time password that is returned (and printed by `serve`).
 */
export async function prepareDatabase(database: Database_, config: AppConfig): Promise<{ adminPassword: string | null }> {
  await migrateToLatest(database.db);
  await ensureBuiltinRoles(database);
  // 工作日历：首次启动时载入内置的 2022–2026 年节假日安排，此后以数据库为准
  await seedBundledYears(database.db);
  const anyUser = await database.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { adminPassword: null };
  const password = config.adminPassword ?? generatePassword();
  const hash = await hashPassword(password);
  try {
    await database.db.transaction().execute(async (tx) => {
      const now = nowIso();
      let root = await tx.selectFrom('org_unit').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
      if (!root) {
        const { id } = await tx
          .insertInto('org_unit')
          .values({ parent_id: null, path: '/', depth: 0, code: 'ROOT', name: '本级人民政府', unit_type: 'district', sort_order: 0, status: 'active', remark: '首次启动时创建，可改名', created_at: now, created_by: null, updated_at: now, updated_by: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.updateTable('org_unit').set({ path: `/${id}/` }).where('id', '=', id).execute();
        root = (await tx.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow())!;
      }
      const adminRole = await tx.selectFrom('role').select('id').where('code', '=', 'admin').executeTakeFirstOrThrow();
      const { id: userId } = await tx
        .insertInto('app_user')
        .values({ username: 'admin', display_name: '系统管理员', unit_id: root.id, password_hash: hash, status: 'active', phone: null, must_change_password: config.adminPassword ? 0 : 1, last_login_at: null, created_at: now, created_by: null, updated_at: now, updated_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('user_role').values({ user_id: userId, role_id: adminRole.id }).execute();
      await recordAudit(tx, { actor: systemActor('bootstrap'), ip: null }, { action: 'org:user:create', entityType: 'user', entityId: userId, unitId: root.id, summary: '首次启动：创建系统管理员 admin', changes: { username: [null, 'admin'] } });
    });
  } catch (err) {
    // 另一个进程同时完成了初始化（用户名唯一约束），此处无需再做
    const admin = await database.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirst();
    if (admin) return { adminPassword: null };
    throw err;
  }
  return { adminPassword: config.adminPassword ? null : password };
}
