/**
 * Runs the Kysely migrations. Migrations are listed here explicitly (no directory scan), so bundling and
 * tsx behave the same; each file exports `up`/`down` written with the schema builder, valid on both dialects.
 */
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as m2026112201 from './migrations/2026112201_platform';
import * as m2026112202 from './migrations/2026112202_disclosure';
import * as m2026112203 from './migrations/2026112203_calendar';

const migrations: Record<string, Migration> = {
  '2026112201_platform': m2026112201,
  '2026112202_disclosure': m2026112202,
  '2026112203_calendar': m2026112203,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return Object.fromEntries(Object.entries(migrations).sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** Applies every pending migration; throws if one fails. Returns the names applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
