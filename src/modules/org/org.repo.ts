/**
 * Queries of units, users and roles. One function per query; every list goes through its aggregate's scope.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { scopeCoversUnit, type Actor, type DataScope } from '../../core/context';
import { fieldError } from '../../core/errors';
import type { DbOrTx } from '../../core/db/database';
import type { DB } from '../../core/db/schema';
import { scopeByUnit } from '../../core/scope';

/** 单位的数据范围：按单位本身；“仅本人”只看到本人所在单位。 */
export function scopeUnits(actor: Actor) {
  const scope: DataScope =
    actor.scope.selfUserId !== null && actor.unitId !== null
      ? { ...actor.scope, unitIds: [...actor.scope.unitIds, actor.unitId] }
      : actor.scope;
  return (eb: ExpressionBuilder<DB, 'org_unit'>): Expression<SqlBool> => scopeByUnit(eb, scope, { unit: 'org_unit.id' });
}

/** 用户的数据范围：按用户所属单位；“仅本人”只看到本人。 */
export function scopeUsers(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'app_user'>): Expression<SqlBool> =>
    scopeByUnit(eb, actor.scope, { unit: 'app_user.unit_id', owner: 'app_user.id' });
}

export const unitRepo = {
  findVisible(db: DbOrTx, actor: Actor, id: number) {
    return db.selectFrom('org_unit').selectAll().where('id', '=', id).where(scopeUnits(actor)).executeTakeFirst();
  },
  findById(db: DbOrTx, id: number) {
    return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByCode(db: DbOrTx, code: string) {
    return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
  },
  list(db: DbOrTx, actor: Actor, f: { q?: string; status?: string }) {
    return db
      .selectFrom('org_unit')
      .selectAll()
      .where(scopeUnits(actor))
      .$if(!!f.status, (qb) => qb.where('status', '=', f.status as 'active'))
      .$if(!!f.q, (qb) => qb.where((eb) => eb.or([eb('name', 'like', `%${f.q}%`), eb('code', 'like', `%${f.q}%`)])))
      .orderBy('depth')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  },
  /** The unit and everything below it (one indexed LIKE on the materialized path). */
  subtree(db: DbOrTx, path: string) {
    return db.selectFrom('org_unit').selectAll().where('path', 'like', `${path}%`).execute();
  },
  countActiveChildren(db: DbOrTx, id: number) {
    return db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
  history(db: DbOrTx, unitId: number) {
    return db.selectFrom('org_unit_history').selectAll().where('unit_id', '=', unitId).orderBy('id').execute();
  },
};

export const userRepo = {
  findVisible(db: DbOrTx, actor: Actor, id: number) {
    return db.selectFrom('app_user').selectAll().where('id', '=', id).where(scopeUsers(actor)).executeTakeFirst();
  },
  findByUsername(db: DbOrTx, username: string) {
    return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  },
  list(db: DbOrTx, actor: Actor, f: { unitId?: number; q?: string; status?: string; limit: number; offset: number }) {
    const base = db
      .selectFrom('app_user')
      .innerJoin('org_unit', 'org_unit.id', 'app_user.unit_id')
      .where(scopeUsers(actor))
      .$if(!!f.unitId, (qb) => qb.where('app_user.unit_id', '=', f.unitId!))
      .$if(!!f.status, (qb) => qb.where('app_user.status', '=', f.status as 'active'))
      .$if(!!f.q, (qb) => qb.where((eb) => eb.or([eb('app_user.username', 'like', `%${f.q}%`), eb('app_user.display_name', 'like', `%${f.q}%`)])));
    return Promise.all([
      base
        .select(['app_user.id', 'app_user.username', 'app_user.display_name', 'app_user.unit_id', 'app_user.status', 'app_user.phone', 'app_user.last_login_at', 'app_user.created_at', 'org_unit.name as unit_name'])
        .orderBy('app_user.id')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
    ]);
  },
  rolesOf(db: DbOrTx, userIds: number[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('user_role')
      .innerJoin('role', 'role.id', 'user_role.role_id')
      .select(['user_role.user_id', 'role.id', 'role.code', 'role.name'])
      .where('user_role.user_id', 'in', userIds)
      .execute();
  },
};

export const roleRepo = {
  list(db: DbOrTx) {
    return db.selectFrom('role').selectAll().orderBy('sort_order').orderBy('id').execute();
  },
  findById(db: DbOrTx, id: number) {
    return db.selectFrom('role').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByCode(db: DbOrTx, code: string) {
    return db.selectFrom('role').selectAll().where('code', '=', code).executeTakeFirst();
  },
  customUnits(db: DbOrTx, roleId: number) {
    return db.selectFrom('role_unit').select('unit_id').where('role_id', '=', roleId).execute().then((r) => r.map((x) => x.unit_id));
  },
};

/**
 * The unit a record is written into: visible to the actor, inside its data scope (not merely its own unit for
 * 仅本人) and active. Otherwise a field error on `field`, so a form shows it on the unit picker.
 */
export async function requireWritableUnit(db: DbOrTx, actor: Actor, unitId: number, field = 'unitId') {
  const unit = await unitRepo.findVisible(db, actor, unitId);
  if (!unit || !scopeCoversUnit(actor.scope, unit)) throw fieldError(field, '单位不存在或不在您的数据权限范围内');
  if (unit.status !== 'active') throw fieldError(field, '单位已停用');
  return unit;
}
