/**
 * Use-cases of the unit tree (单位管理): scope → authorize → state guard → transaction with audit.
 */
import { sql } from 'kysely';
import { authorize, scopeCoversUnit, type Ctx } from '../../core/context';
import { nowIso, type Tx } from '../../core/db/database';
import type { OrgUnit } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { diffChanges, recordAudit } from '../audit/audit.service';
import type { UnitCreateInput, UnitUpdateInput } from './org.schema';
import { unitRepo } from './org.repo';

/** Lists the units the actor may see (flat, ordered by depth then sort order; the client builds the tree). */
export async function listUnits(ctx: Ctx, f: { q?: string; status?: string }) {
  authorize(ctx.actor, 'org:unit:list');
  return unitRepo.list(ctx.db, ctx.actor, f);
}

/** One unit, or NOT_FOUND if it does not exist or is outside the actor's scope. */
export async function getUnit(ctx: Ctx, id: number): Promise<OrgUnit> {
  authorize(ctx.actor, 'org:unit:list');
  const unit = await unitRepo.findVisible(ctx.db, ctx.actor, id);
  if (!unit) throw new AppError('NOT_FOUND');
  return unit;
}

/** A unit the actor may change: visible and inside its scope (not merely its own unit for 仅本人). */
async function unitForWrite(ctx: Ctx, db: Tx, id: number, field = 'id'): Promise<OrgUnit> {
  const unit = await unitRepo.findVisible(db, ctx.actor, id);
  if (!unit || !scopeCoversUnit(ctx.actor.scope, unit)) {
    if (field === 'id') throw new AppError('NOT_FOUND');
    throw fieldError(field, '单位不存在或不在您的数据权限范围内');
  }
  return unit;
}

async function writeHistory(tx: Tx, ctx: Ctx, unitId: number, action: string) {
  const unit = await unitRepo.findById(tx, unitId);
  await tx
    .insertInto('org_unit_history')
    .values({ unit_id: unitId, action, changed_at: nowIso(), changed_by: ctx.actor.userId, snapshot: JSON.stringify(unit) })
    .execute();
}

/** Creates a unit under a parent in the actor's scope (a root unit needs the 全部 scope). */
export async function createUnit(ctx: Ctx, input: UnitCreateInput): Promise<OrgUnit> {
  authorize(ctx.actor, 'org:unit:create');
  return ctx.db.transaction().execute(async (tx) => {
    // 1. 校验上级单位与编码
    let parent: OrgUnit | null = null;
    if (input.parentId === null) {
      if (!ctx.actor.scope.all) throw fieldError('parentId', '只有拥有全部数据权限的用户可以创建根单位');
    } else {
      parent = await unitForWrite(ctx, tx, input.parentId, 'parentId');
      if (parent.status !== 'active') throw fieldError('parentId', '上级单位已停用');
    }
    if (await unitRepo.findByCode(tx, input.code)) throw new AppError('CONFLICT', { message: `单位编码 ${input.code} 已存在`, fields: [{ field: 'code', message: '单位编码已存在' }] });
    // 2. 写入，路径在取得 id 后补齐
    const now = nowIso();
    const { id } = await tx
      .insertInto('org_unit')
      .values({
        parent_id: parent?.id ?? null,
        path: '/',
        depth: parent ? parent.depth + 1 : 0,
        code: input.code,
        name: input.name,
        unit_type: input.unitType,
        sort_order: input.sortOrder ?? 0,
        status: 'active',
        remark: input.remark ?? null,
        created_at: now,
        created_by: ctx.actor.userId,
        updated_at: now,
        updated_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent?.path ?? '/'}${id}/`;
    await tx.updateTable('org_unit').set({ path }).where('id', '=', id).execute();
    // 3. 历史与审计
    await writeHistory(tx, ctx, id, 'create');
    await recordAudit(tx, ctx, {
      action: 'org:unit:create',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      summary: `新增单位 ${input.name}（${input.code}）`,
      changes: diffChanges(null, { parent_id: parent?.id ?? null, code: input.code, name: input.name, unit_type: input.unitType }),
    });
    return (await unitRepo.findById(tx, id))!;
  });
}

/** Updates a unit's name, code, type, order or remark. */
export async function updateUnit(ctx: Ctx, id: number, input: UnitUpdateInput): Promise<OrgUnit> {
  authorize(ctx.actor, 'org:unit:update');
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await unitForWrite(ctx, tx, id);
    if (input.code && input.code !== unit.code && (await unitRepo.findByCode(tx, input.code))) {
      throw new AppError('CONFLICT', { message: `单位编码 ${input.code} 已存在`, fields: [{ field: 'code', message: '单位编码已存在' }] });
    }
    const patch = { code: input.code, name: input.name, unit_type: input.unitType, sort_order: input.sortOrder, remark: input.remark };
    const changes = diffChanges(unit, patch);
    if (Object.keys(changes).length === 0) return unit;
    await tx.updateTable('org_unit').set({ ...patch, updated_at: nowIso(), updated_by: ctx.actor.userId }).where('id', '=', id).execute();
    await writeHistory(tx, ctx, id, 'update');
    await recordAudit(tx, ctx, { action: 'org:unit:update', entityType: 'unit', entityId: id, unitId: id, summary: `修改单位 ${unit.name}`, changes });
    return (await unitRepo.findById(tx, id))!;
  });
}

/** Moves a unit (with its whole subtree) under another parent; paths below are rewritten in one statement. */
export async function moveUnit(ctx: Ctx, id: number, parentId: number): Promise<OrgUnit> {
  authorize(ctx.actor, 'org:unit:move');
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await unitForWrite(ctx, tx, id);
    const parent = await unitForWrite(ctx, tx, parentId, 'parentId');
    if (parent.path.startsWith(unit.path)) throw fieldError('parentId', '不能移动到本单位或其下级单位之下');
    if (unit.parent_id === parent.id) return unit;
    const oldPath = unit.path;
    const newPath = `${parent.path}${unit.id}/`;
    const depthDelta = parent.depth + 1 - unit.depth;
    await tx
      .updateTable('org_unit')
      .set({
        path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
        depth: sql<number>`depth + ${depthDelta}`,
        updated_at: nowIso(),
        updated_by: ctx.actor.userId,
      })
      .where('path', 'like', `${oldPath}%`)
      .execute();
    await tx.updateTable('org_unit').set({ parent_id: parent.id }).where('id', '=', id).execute();
    await writeHistory(tx, ctx, id, 'move');
    await recordAudit(tx, ctx, {
      action: 'org:unit:move',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      summary: `移动单位 ${unit.name} 到 ${parent.name} 之下`,
      changes: { parent_id: [unit.parent_id, parent.id], path: [oldPath, newPath] },
    });
    return (await unitRepo.findById(tx, id))!;
  });
}

/** Disables or re-enables a unit. A unit with active sub-units cannot be disabled (as RuoYi). */
export async function setUnitStatus(ctx: Ctx, id: number, status: 'active' | 'disabled'): Promise<OrgUnit> {
  authorize(ctx.actor, 'org:unit:disable');
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await unitForWrite(ctx, tx, id);
    if (unit.status === status) return unit;
    if (status === 'disabled' && (await unitRepo.countActiveChildren(tx, id)) > 0) {
      throw new AppError('INVALID_STATE', { message: '该单位还有未停用的下级单位，请先停用下级单位' });
    }
    if (status === 'active' && unit.parent_id !== null) {
      const parent = await unitRepo.findById(tx, unit.parent_id);
      if (parent?.status !== 'active') throw new AppError('INVALID_STATE', { message: '上级单位已停用，请先启用上级单位' });
    }
    await tx.updateTable('org_unit').set({ status, updated_at: nowIso(), updated_by: ctx.actor.userId }).where('id', '=', id).execute();
    await writeHistory(tx, ctx, id, status === 'disabled' ? 'disable' : 'enable');
    await recordAudit(tx, ctx, {
      action: 'org:unit:disable',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      summary: `${status === 'disabled' ? '停用' : '启用'}单位 ${unit.name}`,
      changes: { status: [unit.status, status] },
    });
    return (await unitRepo.findById(tx, id))!;
  });
}

/** The change history of a unit (snapshots after each change). */
export async function getUnitHistory(ctx: Ctx, id: number) {
  const unit = await getUnit(ctx, id);
  const rows = await unitRepo.history(ctx.db, unit.id);
  return rows.map((r) => ({ ...r, snapshot: JSON.parse(r.snapshot) as OrgUnit }));
}
