/**
 * 工作日历: the national year arrangements (one row per State Council notice), the overrides of unit subtrees
 * (regional holidays, extra working days; domain-rules §12.3), the per-unit "does not follow 调休" flag and the
 * per-subtree rule configuration. The platform-wide rule configuration lives in `setting` (key `calendar.rules`).
 */
import type { Kysely } from 'kysely';
import { withId } from './helpers';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    // the normalised arrangement (CALENDAR-FORMAT.md), as parsed by parseYearArrangement
    .addColumn('arrangement', 'text', (c) => c.notNull())
    .addColumn('source_title', 'varchar(200)', (c) => c.notNull())
    .addColumn('doc_no', 'varchar(100)')
    // +1 on every change: a cheap version stamp of the year
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();

  await withId(db, db.schema.createTable('calendar_override'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('reason', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addUniqueConstraint('calendar_override_unit_date_uq', ['unit_id', 'date'])
    .execute();
  await db.schema.createIndex('calendar_override_date_idx').on('calendar_override').column('date').execute();

  await db.schema
    .createTable('calendar_unit_setting')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('org_unit.id'))
    // 1 = the unit does not count 调休上班 weekend days as working days; 0 = it does; null = inherit (§15.11)
    .addColumn('ignores_adjusted_workdays', 'integer')
    // JSON RuleConfig (applyRuleConfig) for the unit and its subtree, or null
    .addColumn('rule_config', 'text')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['calendar_unit_setting', 'calendar_override', 'calendar_year']) await db.schema.dropTable(t).execute();
}
