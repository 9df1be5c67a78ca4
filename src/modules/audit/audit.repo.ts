/**
 * Queries of the audit log; every one goes through `scopeAuditEvents`.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../core/context';
import type { DbOrTx } from '../../core/db/database';
import type { DB } from '../../core/db/schema';
import { scopeByUnit } from '../../core/scope';

/** 操作日志的数据范围：按事件所属单位；“仅本人”看到本人的操作。无单位的事件只有全部权限可见。 */
export function scopeAuditEvents(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'audit_event'>): Expression<SqlBool> =>
    scopeByUnit(eb, actor.scope, { unit: 'audit_event.unit_id', owner: 'audit_event.actor_user_id' });
}

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  unitId?: number;
  from?: string;
  to?: string;
}

export const auditRepo = {
  list(db: DbOrTx, actor: Actor, f: AuditFilter, limit: number, offset: number) {
    const base = db
      .selectFrom('audit_event')
      .where(scopeAuditEvents(actor))
      .$if(!!f.action, (qb) => qb.where('action', 'like', `${f.action}%`))
      .$if(!!f.entityType, (qb) => qb.where('entity_type', '=', f.entityType!))
      .$if(!!f.entityId, (qb) => qb.where('entity_id', '=', f.entityId!))
      .$if(!!f.actor, (qb) => qb.where('actor_name', 'like', `%${f.actor}%`))
      .$if(!!f.unitId, (qb) => qb.where('unit_id', '=', f.unitId!))
      .$if(!!f.from, (qb) => qb.where('occurred_at', '>=', f.from!))
      .$if(!!f.to, (qb) => qb.where('occurred_at', '<=', f.to!.length === 10 ? `${f.to}T23:59:59.999Z` : f.to!));
    return Promise.all([
      base
        .leftJoin('org_unit', 'org_unit.id', 'audit_event.unit_id')
        .selectAll('audit_event')
        .select('org_unit.name as unit_name')
        .orderBy('audit_event.seq', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
    ]);
  },
};
