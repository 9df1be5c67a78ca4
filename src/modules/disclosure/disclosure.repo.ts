/**
 * Queries of 政务公开. Every list, count, export and report query goes through the aggregate's scope function.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../core/context';
import type { DbOrTx } from '../../core/db/database';
import type { DB } from '../../core/db/schema';
import { scopeByUnit } from '../../core/scope';

/** 主动公开台账的数据范围：按所属单位；“仅本人”为本人登记的条目。 */
export function scopeProactiveItems(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'gi_proactive_item'>): Expression<SqlBool> =>
    scopeByUnit(eb, actor.scope, { unit: 'gi_proactive_item.unit_id', owner: 'gi_proactive_item.created_by' });
}

/** 依申请公开的数据范围：按受理单位；“仅本人”为本人承办的申请。 */
export function scopeRequests(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'gi_request'>): Expression<SqlBool> =>
    scopeByUnit(eb, actor.scope, { unit: 'gi_request.unit_id', owner: 'gi_request.handler_id' });
}

/** 复议诉讼台账的数据范围。 */
export function scopeReviewCases(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'gi_review_case'>): Expression<SqlBool> =>
    scopeByUnit(eb, actor.scope, { unit: 'gi_review_case.unit_id', owner: 'gi_review_case.created_by' });
}

/** 年度报告的数据范围。 */
export function scopeReports(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'gi_report'>): Expression<SqlBool> => scopeByUnit(eb, actor.scope, { unit: 'gi_report.unit_id', owner: 'gi_report.created_by' });
}

export const requestRepo = {
  findVisible(db: DbOrTx, actor: Actor, id: number) {
    return db.selectFrom('gi_request').selectAll().where('id', '=', id).where(scopeRequests(actor)).executeTakeFirst();
  },
  findByTracking(db: DbOrTx, code: string) {
    return db.selectFrom('gi_request').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  },
  events(db: DbOrTx, requestId: number) {
    return db.selectFrom('gi_request_event').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
  },
  eventsOf(db: DbOrTx, requestIds: number[]) {
    if (requestIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('gi_request_event').selectAll().where('request_id', 'in', requestIds).orderBy('request_id').orderBy('seq').execute();
  },
};
