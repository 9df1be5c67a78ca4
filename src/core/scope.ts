/**
 * Data scope (数据权限) as Kysely where-expressions. Each aggregate has one scope function built from
 * `scopeByUnit`, and every list, count, export and report query of that aggregate goes through it
 * (house-style §4). With no grant the expression is `1 = 0`: deny by default, as RuoYi's `dept_id = 0`.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DataScope } from './context';
import type { DB } from './db/schema';

export interface ScopeColumns {
  /** Column holding the record's unit id, e.g. `app_user.unit_id`. */
  unit: string;
  /** Column holding the record's owner (creator/handler) user id, for 仅本人; omit if the record has none. */
  owner?: string;
}

/**
 * The where-expression granting exactly the records of `scope`. Subtrees use the materialized path index:
 * `unit IN (SELECT id FROM org_unit WHERE path LIKE '/1/12/%')`, one indexed query on both dialects.
 */
export function scopeByUnit<TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: DataScope,
  cols: ScopeColumns,
): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const unitRef = sql.ref(cols.unit);
  const ors: Expression<SqlBool>[] = [];
  if (scope.unitIds.length > 0) ors.push(sql<SqlBool>`${unitRef} in (${sql.join(scope.unitIds)})`);
  for (const p of scope.subtreePaths) {
    ors.push(sql<SqlBool>`${unitRef} in (select ou.id from org_unit ou where ou.path like ${p + '%'})`);
  }
  if (scope.selfUserId !== null && cols.owner) ors.push(sql<SqlBool>`${sql.ref(cols.owner)} = ${scope.selfUserId}`);
  if (ors.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(ors);
}
