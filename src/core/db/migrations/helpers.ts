/**
 * Helpers for migrations that must produce the same schema on SQLite and PostgreSQL.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database';

/** Adds an auto-increment integer primary key `id` (INTEGER AUTOINCREMENT on SQLite, SERIAL on PostgreSQL). */
export function withId<T extends string>(db: Kysely<any>, t: CreateTableBuilder<T, any>): CreateTableBuilder<T, any> {
  return dialectOf(db) === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
