/**
 * Use-cases of user accounts (用户管理).
 */
import { authorize, type Actor, type Ctx } from '../../core/context';
import { nowIso, type Tx } from '../../core/db/database';
import type { Role } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { hasPermission } from '../../shared/permissions';
import { diffChanges, recordAudit } from '../audit/audit.service';
import { generatePassword, hashPassword, passwordProblem } from '../auth/password';
import type { UserCreateInput, UserUpdateInput } from './org.schema';
import { requireWritableUnit, roleRepo, unitRepo, userRepo } from './org.repo';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  status: string;
  phone: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  roles: { id: number; code: string; name: string }[];
}

/** Lists users in the actor's scope, paged. */
export async function listUsers(ctx: Ctx, f: { unitId?: number; q?: string; status?: string; page: number; pageSize: number }) {
  authorize(ctx.actor, 'org:user:list');
  const [rows, total] = await userRepo.list(ctx.db, ctx.actor, { ...f, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  const roles = await userRepo.rolesOf(ctx.db, rows.map((r) => r.id));
  const items: UserView[] = rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    status: r.status,
    phone: r.phone,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => ({ id: x.id, code: x.code, name: x.name })),
  }));
  return { items, total };
}

/** One user in scope, or NOT_FOUND. */
export async function getUser(ctx: Ctx, id: number): Promise<UserView> {
  authorize(ctx.actor, 'org:user:list');
  const u = await userRepo.findVisible(ctx.db, ctx.actor, id);
  if (!u) throw new AppError('NOT_FOUND');
  const unit = await unitRepo.findById(ctx.db, u.unit_id);
  const roles = await userRepo.rolesOf(ctx.db, [u.id]);
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    unitId: u.unit_id,
    unitName: unit?.name ?? '',
    status: u.status,
    phone: u.phone,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
    roles: roles.map((x) => ({ id: x.id, code: x.code, name: x.name })),
  };
}

/**
 * Whether the actor may hand out a role. Only a 全部-scope actor may grant 全部/自定 roles; others may grant a
 * role only if they hold every permission it contains, so no one can make a user more powerful than themselves.
 */
export function canGrantRole(actor: Actor, role: Role): boolean {
  if (actor.scope.all) return true;
  if (role.data_scope === 'all' || role.data_scope === 'custom') return false;
  const perms = JSON.parse(role.permissions) as string[];
  return perms.every((p) => hasPermission(actor.permissions, p));
}

async function checkRoles(ctx: Ctx, tx: Tx, roleIds: number[]) {
  for (const [i, rid] of roleIds.entries()) {
    const role = await roleRepo.findById(tx, rid);
    if (!role) throw fieldError(`roleIds.${i}`, `角色 ${rid} 不存在`);
    if (!canGrantRole(ctx.actor, role)) throw fieldError(`roleIds.${i}`, `您无权授予角色「${role.name}」`);
  }
}

const targetUnit = (ctx: Ctx, tx: Tx, unitId: number) => requireWritableUnit(tx, ctx.actor, unitId);

async function userForWrite(ctx: Ctx, tx: Tx, id: number) {
  const u = await userRepo.findVisible(tx, ctx.actor, id);
  if (!u) throw new AppError('NOT_FOUND');
  return u;
}

/** Creates a user; returns the one-time password when none was given. */
export async function createUser(ctx: Ctx, input: UserCreateInput): Promise<{ user: UserView; initialPassword: string | null }> {
  authorize(ctx.actor, 'org:user:create');
  if (input.password) {
    const p = passwordProblem(input.password);
    if (p) throw fieldError('password', p);
  }
  const initialPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? initialPassword!);
  const id = await ctx.db.transaction().execute(async (tx) => {
    // 1. 校验
    const unit = await targetUnit(ctx, tx, input.unitId);
    if (await userRepo.findByUsername(tx, input.username)) {
      throw new AppError('CONFLICT', { message: `用户名 ${input.username} 已存在`, fields: [{ field: 'username', message: '用户名已存在' }] });
    }
    await checkRoles(ctx, tx, input.roleIds);
    // 2. 写入
    const now = nowIso();
    const { id } = await tx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        unit_id: unit.id,
        password_hash: passwordHash,
        status: 'active',
        phone: input.phone ?? null,
        must_change_password: initialPassword ? 1 : 0,
        created_at: now,
        created_by: ctx.actor.userId,
        updated_at: now,
        updated_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.roleIds.length) await tx.insertInto('user_role').values(input.roleIds.map((role_id) => ({ user_id: id, role_id }))).execute();
    // 3. 审计
    await recordAudit(tx, ctx, {
      action: 'org:user:create',
      entityType: 'user',
      entityId: id,
      unitId: unit.id,
      summary: `新增用户 ${input.username}（${input.displayName}），单位 ${unit.name}`,
      changes: diffChanges(null, { username: input.username, display_name: input.displayName, unit_id: unit.id, phone: input.phone ?? null, role_ids: input.roleIds }),
    });
    return id;
  });
  return { user: await getUser(ctx, id), initialPassword };
}

/** Updates a user's name, unit, phone or roles. */
export async function updateUser(ctx: Ctx, id: number, input: UserUpdateInput): Promise<UserView> {
  authorize(ctx.actor, 'org:user:update');
  await ctx.db.transaction().execute(async (tx) => {
    const u = await userForWrite(ctx, tx, id);
    if (input.unitId !== undefined && input.unitId !== u.unit_id) await targetUnit(ctx, tx, input.unitId);
    const before = { ...u, role_ids: (await userRepo.rolesOf(tx, [id])).map((r) => r.id).sort((a, b) => a - b) };
    const patch = { display_name: input.displayName, unit_id: input.unitId, phone: input.phone };
    const changes = diffChanges(before, { ...patch, role_ids: input.roleIds ? [...input.roleIds].sort((a, b) => a - b) : undefined });
    if (input.roleIds) {
      // 只校验新增的角色：保留已有角色不需要授予权
      await checkRoles(ctx, tx, input.roleIds.filter((r) => !before.role_ids.includes(r)));
      const removed = before.role_ids.filter((r) => !input.roleIds!.includes(r));
      for (const rid of removed) {
        const role = await roleRepo.findById(tx, rid);
        if (role && !canGrantRole(ctx.actor, role)) throw fieldError('roleIds', `您无权收回角色「${role.name}」`);
      }
    }
    if (Object.keys(changes).length === 0) return;
    await tx.updateTable('app_user').set({ ...patch, updated_at: nowIso(), updated_by: ctx.actor.userId }).where('id', '=', id).execute();
    if (input.roleIds) {
      await tx.deleteFrom('user_role').where('user_id', '=', id).execute();
      if (input.roleIds.length) await tx.insertInto('user_role').values(input.roleIds.map((role_id) => ({ user_id: id, role_id }))).execute();
    }
    await recordAudit(tx, ctx, { action: 'org:user:update', entityType: 'user', entityId: id, unitId: input.unitId ?? u.unit_id, summary: `修改用户 ${u.username}`, changes });
  });
  return getUser(ctx, id);
}

/** Disables (ending every session of the user) or re-enables a user. */
export async function setUserStatus(ctx: Ctx, id: number, status: 'active' | 'disabled'): Promise<UserView> {
  authorize(ctx.actor, 'org:user:disable');
  await ctx.db.transaction().execute(async (tx) => {
    const u = await userForWrite(ctx, tx, id);
    if (u.id === ctx.actor.userId && status === 'disabled') throw new AppError('INVALID_STATE', { message: '不能停用自己的账号' });
    if (u.status === status) return;
    await tx.updateTable('app_user').set({ status, updated_at: nowIso(), updated_by: ctx.actor.userId }).where('id', '=', id).execute();
    let ended = 0;
    if (status === 'disabled') {
      const r = await tx.deleteFrom('session').where('user_id', '=', id).executeTakeFirst();
      ended = Number(r.numDeletedRows);
    }
    await recordAudit(tx, ctx, {
      action: 'org:user:disable',
      entityType: 'user',
      entityId: id,
      unitId: u.unit_id,
      summary: `${status === 'disabled' ? `停用用户 ${u.username}，结束其 ${ended} 个会话` : `启用用户 ${u.username}`}`,
      changes: { status: [u.status, status] },
    });
  });
  return getUser(ctx, id);
}

/** Resets a user's password (by an administrator): ends their sessions and asks them to change it at next sign-in. */
export async function resetUserPassword(ctx: Ctx, id: number, password?: string): Promise<{ initialPassword: string | null }> {
  authorize(ctx.actor, 'org:user:reset-password');
  if (password) {
    const p = passwordProblem(password);
    if (p) throw fieldError('password', p);
  }
  const initialPassword = password ? null : generatePassword();
  const hash = await hashPassword(password ?? initialPassword!);
  await ctx.db.transaction().execute(async (tx) => {
    const u = await userForWrite(ctx, tx, id);
    await tx.updateTable('app_user').set({ password_hash: hash, must_change_password: 1, updated_at: nowIso(), updated_by: ctx.actor.userId }).where('id', '=', id).execute();
    await tx.deleteFrom('session').where('user_id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'org:user:reset-password', entityType: 'user', entityId: id, unitId: u.unit_id, summary: `重置用户 ${u.username} 的密码`, changes: { password: ['***', '***'] } });
  });
  return { initialPassword };
}
