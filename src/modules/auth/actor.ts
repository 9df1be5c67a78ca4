/**
 * Resolves who acts, once per request: the user, their unit, the union of their active roles' permissions and
 * the combined data scope (the widest of the five RuoYi levels wins; 自定 and 本单位 add units; no role → nothing).
 */
import type { Actor, DataScope } from '../../core/context';
import type { DbOrTx } from '../../core/db/database';
import { hasPermission } from '../../shared/permissions';

/** Builds the actor of an active user in an active unit, or null. `narrow` limits permissions (API tokens). */
export async function resolveUserActor(db: DbOrTx, userId: number, opts: { kind: 'user' | 'token'; sessionId?: string; csrfToken?: string; narrow?: string[] | null }): Promise<Actor | null> {
  const user = await db
    .selectFrom('app_user')
    .innerJoin('org_unit', 'org_unit.id', 'app_user.unit_id')
    .select(['app_user.id', 'app_user.username', 'app_user.display_name', 'app_user.status', 'app_user.must_change_password', 'app_user.unit_id', 'org_unit.name as unit_name', 'org_unit.path as unit_path', 'org_unit.status as unit_status'])
    .where('app_user.id', '=', userId)
    .executeTakeFirst();
  if (!user || user.status !== 'active' || user.unit_status !== 'active') return null;
  const roles = await db
    .selectFrom('user_role')
    .innerJoin('role', 'role.id', 'user_role.role_id')
    .select(['role.id', 'role.code', 'role.name', 'role.data_scope', 'role.permissions'])
    .where('user_role.user_id', '=', userId)
    .where('role.status', '=', 'active')
    .execute();
  const scope: DataScope = { all: false, unitIds: [], subtreePaths: [], selfUserId: null };
  const customRoleIds: number[] = [];
  for (const r of roles) {
    if (r.data_scope === 'all') scope.all = true;
    else if (r.data_scope === 'unit') scope.unitIds.push(user.unit_id);
    else if (r.data_scope === 'unit_and_below') scope.subtreePaths.push(user.unit_path);
    else if (r.data_scope === 'self') scope.selfUserId = user.id;
    else if (r.data_scope === 'custom') customRoleIds.push(r.id);
  }
  if (customRoleIds.length) {
    const units = await db.selectFrom('role_unit').select('unit_id').where('role_id', 'in', customRoleIds).execute();
    scope.unitIds.push(...units.map((u) => u.unit_id));
  }
  scope.unitIds = [...new Set(scope.unitIds)];
  scope.subtreePaths = [...new Set(scope.subtreePaths)];
  let permissions = [...new Set(roles.flatMap((r) => JSON.parse(r.permissions) as string[]))];
  if (opts.narrow) {
    // 令牌只能收窄，不能扩大用户本人的权限
    permissions = opts.narrow.filter((p) => hasPermission(permissions, p));
  }
  return {
    kind: opts.kind,
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    unitName: user.unit_name,
    unitPath: user.unit_path,
    roles: roles.map((r) => ({ code: r.code, name: r.name, dataScope: r.data_scope })),
    permissions,
    scope,
    sessionId: opts.sessionId ?? null,
    csrfToken: opts.csrfToken ?? null,
    mustChangePassword: user.must_change_password === 1,
  };
}
