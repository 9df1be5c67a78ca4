/**
 * Runtime configuration, read once from the environment. Every variable is documented in the README.
 */
import { resolve } from 'node:path';

export interface AppConfig {
  /** HTTP port (`PORT`, default 3000). */
  port: number;
  /** Listen address (`HOST`, default 0.0.0.0). */
  host: string;
  /** Folder of the embedded SQLite database and backups (`FAZHI_DATA_DIR`, default ./data). */
  dataDir: string;
  /** `postgres://…` to run on PostgreSQL (`FAZHI_DATABASE_URL`); empty means embedded SQLite. */
  databaseUrl: string | null;
  /** Initial administrator password (`FAZHI_ADMIN_PASSWORD`); if unset a one-time password is printed. */
  adminPassword: string | null;
  /** Idle lifetime of a sign-in session in minutes (`FAZHI_SESSION_IDLE_MINUTES`, default 480). */
  sessionIdleMinutes: number;
  /** How often the scheduler looks for due jobs, in ms (`FAZHI_JOB_TICK_MS`, default 60000). */
  jobTickMs: number;
  /** Mark cookies Secure (`FAZHI_SECURE_COOKIES=1` behind HTTPS). */
  secureCookies: boolean;
  /** Failed sign-ins of one user name before it is locked (`FAZHI_LOGIN_MAX_FAILURES`, default 5). */
  loginMaxFailures: number;
  /** How long failures count and the lock lasts, in minutes (`FAZHI_LOGIN_LOCK_MINUTES`, default 15). */
  loginLockMinutes: number;
  /** Log level (`FAZHI_LOG_LEVEL`, default info; `silent` in tests). */
  logLevel: string;
}

const int = (v: string | undefined, d: number) => {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : d;
};

/** Reads the configuration from an environment (defaults to `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: int(env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.FAZHI_DATA_DIR || './data'),
    databaseUrl: env.FAZHI_DATABASE_URL || null,
    adminPassword: env.FAZHI_ADMIN_PASSWORD || null,
    sessionIdleMinutes: int(env.FAZHI_SESSION_IDLE_MINUTES, 480),
    jobTickMs: int(env.FAZHI_JOB_TICK_MS, 60_000),
    secureCookies: env.FAZHI_SECURE_COOKIES === '1',
    loginMaxFailures: int(env.FAZHI_LOGIN_MAX_FAILURES, 5),
    loginLockMinutes: int(env.FAZHI_LOGIN_LOCK_MINUTES, 15),
    logLevel: env.FAZHI_LOG_LEVEL || 'info',
  };
}
