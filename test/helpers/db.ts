/**
 * Test databases: every data-layer test runs on a fresh SQLite file and, where FAZHI_TEST_PG_URL is set, on a
 * fresh PostgreSQL database created on that server for the test file and dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepareDatabase } from '../../src/core/bootstrap';
import { loadConfig, type AppConfig } from '../../src/core/config';
import { openDatabase, type Database_, type Dialect } from '../../src/core/db/database';

/** The dialects to run on: SQLite always, PostgreSQL when FAZHI_TEST_PG_URL is set. */
export const TEST_DIALECTS: Dialect[] = process.env.FAZHI_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  database: Database_;
  config: AppConfig;
  /** The PostgreSQL URL of this test database, or null on SQLite. */
  url: string | null;
  /** The data folder (SQLite file lives there). */
  dataDir: string;
  cleanup(): Promise<void>;
}

/** Creates an empty PostgreSQL database on the test server and returns its URL. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.FAZHI_TEST_PG_URL!;
  const name = `fazhi_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Opens a fresh, migrated and seeded database of the given dialect (admin password Admin12345). */
export async function createTestDb(dialect: Dialect, env: Record<string, string> = {}): Promise<TestDb> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-test-'));
  let url: string | null = null;
  let drop: (() => Promise<void>) | null = null;
  if (dialect === 'postgres') ({ url, drop } = await createPgDatabase());
  const config = loadConfig({ FAZHI_DATA_DIR: dataDir, FAZHI_ADMIN_PASSWORD: 'Admin12345', FAZHI_LOG_LEVEL: 'silent', ...(url ? { FAZHI_DATABASE_URL: url } : {}), ...env });
  const database = openDatabase({ url, dataDir });
  await prepareDatabase(database, config);
  return {
    database,
    config,
    url,
    dataDir,
    async cleanup() {
      await database.close();
      if (drop) await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
