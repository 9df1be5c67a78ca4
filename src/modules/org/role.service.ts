/**
 * Use-cases of roles (角色管理). Roles are platform-wide configuration, not unit records: reading them needs
 * `org:role:list`, and changing them needs the 全部 data scope too, so nobody can widen their own grants.
 */
import { authorize, type Ctx } from '../../core/context';
import { nowIso } from '../../core/db/database';
import type { Role } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { diffChanges, recordAudit } from '../audit/audit.service';
import type { RoleCreateInput, RoleUpdateInput } from './org.schema';
import { roleRepo, unitRepo } from './org.repo';

export interface RoleView {
  id: number;
  code: string;
  name: string;
  dataScope: string;
  permissions: string[];
  customUnitIds: number[];
  isBuiltin: boolean;
  status: string;
  sortOrder: number;
  remark: string | null;
}

const view = (r: Role, customUnitIds: number[]): RoleView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  dataScope: r.data_scope,
  permissions: JSON.parse(r.permissions),
  customUnitIds,
  isBuiltin: r.is_builtin === 1,
  status: r.status,
  sortOrder: r.sort_order,
  remark: r.remark,
});

function authorizeRoleWrite(ctx: Ctx, permission: string) {
  authorize(ctx.actor, permission);
  if (!ctx.actor.scope.all) throw new AppError('FORBIDDEN', { message: '只有拥有全部数据权限的管理员可以维护角色' });
}

/** Lists all roles. */
export async function listRoles(ctx: Ctx): Promise<RoleView[]> {
  authorize(ctx.actor, 'org:role:list');
  const roles = await roleRepo.list(ctx.db);
  const units = await ctx.db.selectFrom('role_unit').selectAll().execute();
  return roles.map((r) => view(r, units.filter((u) => u.role_id === r.id).map((u) => u.unit_id)));
}

/** One role, or NOT_FOUND. */
export async function getRole(ctx: Ctx, id: number): Promise<RoleView> {
  authorize(ctx.actor, 'org:role:list');
  const r = await roleRepo.findById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  return view(r, await roleRepo.customUnits(ctx.db, id));
}

/** Creates a role. */
export async function createRole(ctx: Ctx, input: RoleCreateInput): Promise<RoleView> {
  authorizeRoleWrite(ctx, 'org:role:create');
  const id = await ctx.db.transaction().execute(async (tx) => {
    if (await roleRepo.findByCode(tx, input.code)) throw new AppError('CONFLICT', { message: `角色编码 ${input.code} 已存在`, fields: [{ field: 'code', message: '角色编码已存在' }] });
    for (const [i, uid] of input.customUnitIds.entries()) if (!(await unitRepo.findById(tx, uid))) throw fieldError(`customUnitIds.${i}`, `单位 ${uid} 不存在`);
    const now = nowIso();
    const { id } = await tx
      .insertInto('role')
      .values({ code: input.code, name: input.name, data_scope: input.dataScope, permissions: JSON.stringify(input.permissions), is_builtin: 0, sort_order: input.sortOrder, status: 'active', remark: input.remark ?? null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.dataScope === 'custom' && input.customUnitIds.length) {
      await tx.insertInto('role_unit').values(input.customUnitIds.map((unit_id) => ({ role_id: id, unit_id }))).execute();
    }
    await recordAudit(tx, ctx, { action: 'org:role:create', entityType: 'role', entityId: id, unitId: null, summary: `新增角色 ${input.name}`, changes: diffChanges(null, { code: input.code, name: input.name, data_scope: input.dataScope, permissions: input.permissions, custom_unit_ids: input.customUnitIds }) });
    return id;
  });
  return getRole(ctx, id);
}

/** Updates a role (built-in roles keep their code; their grants may be edited). */
export async function updateRole(ctx: Ctx, id: number, input: RoleUpdateInput): Promise<RoleView> {
  authorizeRoleWrite(ctx, 'org:role:update');
  await ctx.db.transaction().execute(async (tx) => {
    const r = await roleRepo.findById(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    if (r.code === 'admin' && (input.permissions || input.dataScope || input.status === 'disabled')) throw new AppError('INVALID_STATE', { message: '系统管理员角色的权限不可修改，也不能停用' });
    const before = { ...r, permissions: JSON.parse(r.permissions), custom_unit_ids: await roleRepo.customUnits(tx, id) };
    const patch = { name: input.name, data_scope: input.dataScope, permissions: input.permissions, sort_order: input.sortOrder, remark: input.remark, status: input.status, custom_unit_ids: input.customUnitIds };
    const changes = diffChanges(before, patch);
    if (Object.keys(changes).length === 0) return;
    await tx
      .updateTable('role')
      .set({ name: input.name, data_scope: input.dataScope, permissions: input.permissions ? JSON.stringify(input.permissions) : undefined, sort_order: input.sortOrder, remark: input.remark, status: input.status, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    if (input.customUnitIds || input.dataScope) {
      await tx.deleteFrom('role_unit').where('role_id', '=', id).execute();
      const scope = input.dataScope ?? r.data_scope;
      const ids = input.customUnitIds ?? before.custom_unit_ids;
      if (scope === 'custom' && ids.length) await tx.insertInto('role_unit').values(ids.map((unit_id) => ({ role_id: id, unit_id }))).execute();
    }
    await recordAudit(tx, ctx, { action: 'org:role:update', entityType: 'role', entityId: id, unitId: null, summary: `修改角色 ${r.name}`, changes });
  });
  return getRole(ctx, id);
}

/** Deletes a role that is not built in and no user holds. */
export async function deleteRole(ctx: Ctx, id: number): Promise<void> {
  authorizeRoleWrite(ctx, 'org:role:delete');
  await ctx.db.transaction().execute(async (tx) => {
    const r = await roleRepo.findById(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    if (r.is_builtin) throw new AppError('INVALID_STATE', { message: '内置角色不能删除' });
    const holders = await tx.selectFrom('user_role').select((eb) => eb.fn.countAll<number>().as('n')).where('role_id', '=', id).executeTakeFirstOrThrow();
    if (Number(holders.n) > 0) throw new AppError('INVALID_STATE', { message: `仍有 ${holders.n} 个用户拥有该角色，不能删除` });
    await tx.deleteFrom('role_unit').where('role_id', '=', id).execute();
    await tx.deleteFrom('role').where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'org:role:delete', entityType: 'role', entityId: id, unitId: null, summary: `删除角色 ${r.name}`, changes: { code: [r.code, null], name: [r.name, null] } });
  });
}
