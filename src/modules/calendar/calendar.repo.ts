/**
 * Queries of the stored calendar: year arrangements, unit overrides and unit settings. One function per query;
 * lists of unit-owned rows go through `scopeCalendarOverrides` (house-style §4).
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../core/context';
import { nowIso, type DbOrTx, type Tx } from '../../core/db/database';
import type { DB } from '../../core/db/schema';
import { scopeByUnit } from '../../core/scope';
import type { YearArrangement } from './calendar.schema';

/** 节假日调整的数据范围：按调整所属单位。 */
export function scopeCalendarOverrides(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'calendar_override'>): Expression<SqlBool> => scopeByUnit(eb, actor.scope, { unit: 'calendar_override.unit_id' });
}

/** Ids of a materialized path, root first: `/1/12/37/` → [1, 12, 37]. */
export const idsOfPath = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

export const calendarRepo = {
  /** Every stored year, oldest first. */
  listYears(db: DbOrTx) {
    return db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
  },
  /** Only the JSON of every year (what a calendar is built from). */
  yearTexts(db: DbOrTx) {
    return db.selectFrom('calendar_year').select(['year', 'arrangement']).orderBy('year').execute();
  },
  findYear(db: DbOrTx, year: number) {
    return db.selectFrom('calendar_year').selectAll().where('year', '=', year).executeTakeFirst();
  },
  /** Inserts a year unless it exists (returns whether it was inserted): safe when two processes seed at once. */
  async insertYearIfMissing(tx: Tx, a: YearArrangement, userId: number | null): Promise<boolean> {
    const now = nowIso();
    const rows = await tx
      .insertInto('calendar_year')
      .values({ year: a.year, status: a.status, arrangement: JSON.stringify(a), source_title: a.source.title, doc_no: a.source.docNo ?? null, revision: 1, created_at: now, created_by: userId, updated_at: now, updated_by: userId })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .execute();
    return rows.length > 0;
  },
  async updateYear(tx: Tx, a: YearArrangement, userId: number | null): Promise<void> {
    await tx
      .updateTable('calendar_year')
      .set((eb) => ({ status: a.status, arrangement: JSON.stringify(a), source_title: a.source.title, doc_no: a.source.docNo ?? null, revision: eb('revision', '+', 1), updated_at: nowIso(), updated_by: userId }))
      .where('year', '=', a.year)
      .execute();
  },

  /** Units by id (id, name, code, path). */
  unitsByIds(db: DbOrTx, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('org_unit').select(['id', 'name', 'code', 'path', 'status']).where('id', 'in', ids).execute();
  },
  /** Every unit (id, name, path): previews need the path of each open item's unit. */
  allUnits(db: DbOrTx) {
    return db.selectFrom('org_unit').select(['id', 'name', 'code', 'path', 'status']).execute();
  },
  findUnit(db: DbOrTx, id: number) {
    return db.selectFrom('org_unit').select(['id', 'name', 'code', 'path', 'status']).where('id', '=', id).executeTakeFirst();
  },
  findUnitByCode(db: DbOrTx, code: string) {
    return db.selectFrom('org_unit').select(['id', 'name', 'code', 'path', 'status']).where('code', '=', code).executeTakeFirst();
  },

  /** Overrides declared on these units (no scope: used to build calendars, which every user may compute on). */
  overridesOfUnits(db: DbOrTx, unitIds: number[]) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('calendar_override').selectAll().where('unit_id', 'in', unitIds).orderBy('date').orderBy('id').execute();
  },
  allOverrides(db: DbOrTx) {
    return db.selectFrom('calendar_override').selectAll().orderBy('date').orderBy('id').execute();
  },
  /** Overrides the actor may see, optionally of one unit, with the unit's name. */
  listOverrides(db: DbOrTx, actor: Actor, f: { unitId?: number; year?: number }) {
    return db
      .selectFrom('calendar_override')
      .innerJoin('org_unit', 'org_unit.id', 'calendar_override.unit_id')
      .selectAll('calendar_override')
      .select(['org_unit.name as unit_name'])
      .where(scopeCalendarOverrides(actor))
      .$if(f.unitId !== undefined, (qb) => qb.where('calendar_override.unit_id', '=', f.unitId!))
      .$if(f.year !== undefined, (qb) => qb.where('calendar_override.date', 'like', `${f.year}-%`))
      .orderBy('calendar_override.date')
      .orderBy('calendar_override.id')
      .execute();
  },
  findOverrideVisible(db: DbOrTx, actor: Actor, id: number) {
    return db.selectFrom('calendar_override').selectAll().where('id', '=', id).where(scopeCalendarOverrides(actor)).executeTakeFirst();
  },
  findOverride(db: DbOrTx, unitId: number, date: string) {
    return db.selectFrom('calendar_override').selectAll().where('unit_id', '=', unitId).where('date', '=', date).executeTakeFirst();
  },
  insertOverride(tx: Tx, row: { unit_id: number; date: string; kind: 'off' | 'work'; reason: string; created_by: number | null }) {
    return tx
      .insertInto('calendar_override')
      .values({ ...row, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  },
  async deleteOverride(tx: Tx, id: number): Promise<void> {
    await tx.deleteFrom('calendar_override').where('id', '=', id).execute();
  },

  settingsOfUnits(db: DbOrTx, unitIds: number[]) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('calendar_unit_setting').selectAll().where('unit_id', 'in', unitIds).execute();
  },
  allSettings(db: DbOrTx) {
    return db.selectFrom('calendar_unit_setting').selectAll().execute();
  },
  /** Writes the given columns of a unit's setting row (creating it when missing). */
  async upsertSetting(tx: Tx, unitId: number, patch: { ignores_adjusted_workdays?: number | null; rule_config?: string | null }, userId: number | null): Promise<void> {
    const now = nowIso();
    await tx
      .insertInto('calendar_unit_setting')
      .values({ unit_id: unitId, ignores_adjusted_workdays: patch.ignores_adjusted_workdays ?? null, rule_config: patch.rule_config ?? null, updated_at: now, updated_by: userId })
      .onConflict((oc) => oc.column('unit_id').doUpdateSet({ ...patch, updated_at: now, updated_by: userId }))
      .execute();
  },

  /** A row of the key/value `setting` table (platform-wide rule configuration, seeding marker). */
  getSetting(db: DbOrTx, key: string) {
    return db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst().then((r) => r?.value ?? null);
  },
  async putSetting(tx: Tx, key: string, value: string): Promise<void> {
    await tx
      .insertInto('setting')
      .values({ key, value, updated_at: nowIso() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso() }))
      .execute();
  },
  /** Inserts a setting unless it exists; returns whether it was inserted (a once-only marker across processes). */
  async insertSettingIfMissing(tx: Tx, key: string, value: string): Promise<boolean> {
    const rows = await tx
      .insertInto('setting')
      .values({ key, value, updated_at: nowIso() })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    return rows.length > 0;
  },
};
