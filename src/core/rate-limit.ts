/**
 * A rate limit kept in the database (so it holds across server processes): at most `max` hits of one bucket
 * (e.g. `portal-request:203.0.113.5`) within `windowMs`.
 */
import { nowIso, type Db } from './db/database';
import { AppError } from './errors';

/** Records a hit, or throws RATE_LIMITED if the bucket is full. */
export async function hitRateLimit(db: Db, bucket: string, max: number, windowMs: number, message?: string): Promise<void> {
  const since = new Date(Date.now() - windowMs).toISOString();
  const { n } = await db
    .selectFrom('rate_limit_hit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('bucket', '=', bucket)
    .where('occurred_at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(n) >= max) throw new AppError('RATE_LIMITED', { message: message ?? '提交过于频繁，请稍后再试' });
  await db.insertInto('rate_limit_hit').values({ bucket, occurred_at: nowIso() }).execute();
}
