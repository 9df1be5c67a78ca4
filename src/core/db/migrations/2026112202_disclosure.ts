/**
 * 政务公开: proactive disclosure ledger, disclosure requests with their event log, 复议/诉讼 about disclosure,
 * GI annual reports; plus the shared document-number sequences and the rate-limit log.
 */
import type { Kysely } from 'kysely';
import { withId } from './helpers';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('doc_sequence')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_sequence_pk', ['unit_id', 'kind', 'year'])
    .execute();

  await withId(db, db.schema.createTable('rate_limit_hit'))
    .addColumn('bucket', 'varchar(128)', (c) => c.notNull())
    .addColumn('occurred_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hit_idx').on('rate_limit_hit').columns(['bucket', 'occurred_at']).execute();

  await withId(db, db.schema.createTable('gi_proactive_item'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('index_no', 'varchar(64)', (c) => c.notNull())
    .addColumn('category', 'varchar(16)', (c) => c.notNull())
    .addColumn('table2_kind', 'varchar(32)')
    .addColumn('table2_amount', 'double precision')
    .addColumn('formed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('published_on', 'varchar(10)')
    .addColumn('channel', 'varchar(64)')
    .addColumn('url', 'varchar(500)')
    .addColumn('summary', 'text')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('is_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addUniqueConstraint('gi_proactive_index_uq', ['unit_id', 'index_no'])
    .execute();
  await db.schema.createIndex('gi_proactive_unit_idx').on('gi_proactive_item').columns(['unit_id', 'published_on']).execute();

  await withId(db, db.schema.createTable('gi_request'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('tracking_code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('applicant_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('applicant_name', 'varchar(128)', (c) => c.notNull())
    .addColumn('applicant_id_no', 'varchar(64)')
    .addColumn('applicant_phone', 'varchar(32)')
    .addColumn('applicant_email', 'varchar(128)')
    .addColumn('applicant_address', 'varchar(256)')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('form', 'varchar(32)', (c) => c.notNull())
    .addColumn('delivery', 'varchar(32)', (c) => c.notNull())
    .addColumn('handler_id', 'integer')
    // 以下为由事件推导出的投影（缓存），每次追加事件时在同一事务内重算
    .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('state', 'varchar(32)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)')
    .addColumn('outcome', 'varchar(32)')
    .addColumn('outcome_sub', 'integer')
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('is_extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gi_request_unit_idx').on('gi_request').columns(['unit_id', 'received_on']).execute();
  await db.schema.createIndex('gi_request_state_idx').on('gi_request').columns(['state', 'due_on']).execute();
  await db.schema.createIndex('gi_request_closed_idx').on('gi_request').columns(['unit_id', 'closed_on']).execute();

  await withId(db, db.schema.createTable('gi_request_event'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('gi_request.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addUniqueConstraint('gi_request_event_seq_uq', ['request_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('gi_review_case'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('request_id', 'integer', (c) => c.references('gi_request.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('case_no', 'varchar(64)', (c) => c.notNull())
    .addColumn('filed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('result', 'varchar(16)', (c) => c.notNull())
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('remark', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('gi_report'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('report_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('tables', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('approved_at', 'varchar(32)')
    .addColumn('approved_by', 'integer')
    .addColumn('published_at', 'varchar(32)')
    .addUniqueConstraint('gi_report_version_uq', ['unit_id', 'year', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['gi_report', 'gi_review_case', 'gi_request_event', 'gi_request', 'gi_proactive_item', 'rate_limit_hit', 'doc_sequence']) {
    await db.schema.dropTable(t).execute();
  }
}
