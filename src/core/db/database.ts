/**
 * Opens the database: embedded SQLite (default) or PostgreSQL when a `postgres://` URL is given.
 * All SQL goes through Kysely so the same queries and migrations run on both.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories accept both. */
export type DbOrTx = Kysely<DB> | Transaction<DB>;

export interface Database_ {
  db: Db;
  dialect: Dialect;
  /** The SQLite file path (null on PostgreSQL). */
  file: string | null;
  close(): Promise<void>;
}

/**
 * SQLite transactions start with BEGIN IMMEDIATE: a transaction that reads before it writes would otherwise
 * fail with SQLITE_BUSY when another process (a second server, `fazhi demo`, a backup) writes at the same time.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

let pgParsersSet = false;
/** pg returns int8 as string and DATE as a Date unless told otherwise (house-style §9). */
function setPgTypeParsers() {
  if (pgParsersSet) return;
  pg.types.setTypeParser(20, (v) => Number(v)); // int8 (count(*))
  pg.types.setTypeParser(1700, (v) => Number(v)); // numeric (sum())
  pg.types.setTypeParser(1082, (v) => v); // date stays YYYY-MM-DD
  pgParsersSet = true;
}

/** Opens SQLite at `file` (created if missing) or PostgreSQL at `url`. */
export function openDatabase(opts: { url?: string | null; file?: string; dataDir?: string }): Database_ {
  if (opts.url && /^postgres(ql)?:\/\//.test(opts.url)) {
    setPgTypeParsers();
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle connection that the server closes (restart, failover, pg_terminate_backend) emits 'error' on the pool;
    // without a listener Node would crash the process. The pool drops that client and opens a new one on demand.
    pool.on('error', (err) => {
      if (process.env.FAZHI_LOG_LEVEL !== 'silent') console.warn(`PostgreSQL 空闲连接被关闭：${err.message}`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', file: null, close: () => db.destroy() };
  }
  const file = opts.file ?? join(opts.dataDir ?? './data', 'fazhi.sqlite');
  if (file !== ':memory:') mkdirSync(join(file, '..'), { recursive: true });
  const sqlite = new Database(file);
  // busy_timeout first: another process (a second server, `fazhi demo`) may be creating the same file right now
  sqlite.pragma('busy_timeout = 30000');
  setWalMode(sqlite);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', file, close: () => db.destroy() };
}

/**
 * Switches a SQLite file to WAL. The switch needs a moment of exclusive access and SQLite does not wait for it
 * (the busy handler does not apply), so when two processes open a new file together, retry for a while.
 */
function setWalMode(sqlite: Database.Database) {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/** The dialect of a Kysely instance (used by migrations and the few dialect-aware helpers). */
export function dialectOf(db: Kysely<any>): Dialect {
  const name = db.getExecutor().adapter.constructor.name;
  return /postgres/i.test(name) ? 'postgres' : 'sqlite';
}

/** The current instant as UTC ISO text (how instants are stored). */
export const nowIso = () => new Date().toISOString();
