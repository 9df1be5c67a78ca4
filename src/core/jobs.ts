/**
 * Scheduled jobs whose bookkeeping lives in the database. Each job runs at most once per period across every
 * server process sharing the database: a process claims a period by inserting `(job, period)` into `job_run`,
 * whose unique key lets exactly one insert succeed.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from './config';
import { nowIso, type Database_ } from './db/database';

export interface Job {
  name: string;
  /** Length of one period in ms; the job runs once in each. */
  everyMs: number;
  run(database: Database_, config: AppConfig): Promise<string | void>;
}

/** The identity of this process in `job_run.owner`. */
export const PROCESS_OWNER = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Tries to claim and run every job whose current period has not run yet. Returns the names run here. */
export async function runDueJobs(database: Database_, config: AppConfig, jobs: Job[], now = Date.now()): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const period = String(Math.floor(now / job.everyMs));
    let claimed = false;
    try {
      const r = await database.db
        .insertInto('job_run')
        .values({ job: job.name, period, owner: PROCESS_OWNER, started_at: nowIso(), finished_at: null, status: 'running', message: null })
        .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
        .executeTakeFirst();
      claimed = Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    } catch {
      claimed = false;
    }
    if (!claimed) continue;
    let status = 'done';
    let message: string | null = null;
    try {
      message = (await job.run(database, config)) ?? null;
    } catch (err) {
      status = 'failed';
      message = err instanceof Error ? err.message : String(err);
    }
    await database.db.updateTable('job_run').set({ status, message, finished_at: nowIso() }).where('job', '=', job.name).where('period', '=', period).execute();
    ran.push(job.name);
  }
  return ran;
}

/** Starts the tick loop; returns a function that stops it. */
export function startScheduler(database: Database_, config: AppConfig, jobs: Job[]): () => void {
  let stopped = false;
  let running = false;
  const timer = setInterval(async () => {
    if (stopped || running) return;
    running = true;
    try {
      await runDueJobs(database, config, jobs);
    } catch {
      // 数据库暂不可用：下一次再试
    } finally {
      running = false;
    }
  }, config.jobTickMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/** The platform's own jobs. Modules append theirs (deadline reminders…) in `src/server/jobs.ts`. */
export const PLATFORM_JOBS: Job[] = [
  {
    name: 'session.purge',
    everyMs: Number(process.env.FAZHI_PURGE_EVERY_MS) > 0 ? Number(process.env.FAZHI_PURGE_EVERY_MS) : 3_600_000,
    async run(database) {
      const now = nowIso();
      const s = await database.db.deleteFrom('session').where('expires_at', '<', now).executeTakeFirst();
      const old = new Date(Date.now() - 180 * 86_400_000).toISOString();
      const l = await database.db.deleteFrom('login_attempt').where('occurred_at', '<', old).executeTakeFirst();
      // 频率限制的窗口都不超过一天：更早的记录已无用
      const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
      const r = await database.db.deleteFrom('rate_limit_hit').where('occurred_at', '<', dayAgo).executeTakeFirst();
      return `清理过期会话 ${Number(s.numDeletedRows)} 个，180 天前登录日志 ${Number(l.numDeletedRows)} 条，过期频率记录 ${Number(r.numDeletedRows)} 条`;
    },
  },
];
