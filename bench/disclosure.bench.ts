/**
 * 政府信息公开年度报告 tables over 100,000 requests of one unit, against one hand-written GROUP BY over the same
 * rows, measured in the same run (target: within 3×). SQLite by default; PostgreSQL too when FAZHI_BENCH_PG_URL
 * (or FAZHI_TEST_PG_URL) is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { prepareDatabase } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config';
import { systemActor } from '../src/core/context';
import { openDatabase, type Database_ } from '../src/core/db/database';
import { APPLICANT_TYPE_CODES, OUTCOMES, type Outcome } from '../src/shared/disclosure';
import { computeGiTables } from '../src/modules/disclosure/report.tables';

const N = Number(process.env.FAZHI_BENCH_REQUESTS) || 100_000;
const YEAR = 2025;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
}

async function fill(database: Database_, unitId: number) {
  const rand = rng(7);
  const outcomes = (Object.keys(OUTCOMES) as Outcome[]).flatMap((o): [Outcome, number | null][] => (OUTCOMES[o].subs.length ? OUTCOMES[o].subs.map((_, i): [Outcome, number | null] => [o, i + 1]) : [[o, null]]));
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const now = new Date().toISOString();
  for (let i = 0; i < N; i += 1000) {
    const rows = [];
    for (let j = i; j < Math.min(N, i + 1000); j++) {
      const r = Math.floor(rand() * 1000); // 2024-01-01 … 2026-09
      const closed = rand() < 0.9 ? r + 1 + Math.floor(rand() * 40) : null;
      const [outcome, sub]: [Outcome | null, number | null] = closed === null ? [null, null] : outcomes[Math.floor(rand() * outcomes.length)];
      rows.push({
        unit_id: unitId, tracking_code: `B${j}`, source: 'staff' as const, channel: 'in_person', applicant_type: APPLICANT_TYPE_CODES[Math.floor(rand() * 6)], applicant_name: 'x', applicant_id_no: null, applicant_phone: null, applicant_email: null, applicant_address: null,
        content: 'x', form: 'electronic', delivery: 'email', handler_id: null, received_on: day(r), state: closed === null ? 'in_progress' : 'closed', due_on: day(r + 28), outcome, outcome_sub: sub, closed_on: closed === null ? null : day(closed), is_extended: 0, is_provisional: 0, created_at: now, created_by: null, updated_at: now,
      });
    }
    await database.db.insertInto('gi_request').values(rows).execute();
  }
}

async function time(fn: () => Promise<unknown>, runs = 7): Promise<number> {
  await fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function run(label: string, url: string | null) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
  let drop: (() => Promise<void>) | null = null;
  let dbUrl = url;
  if (url) {
    const { createPgDatabase } = await import('../test/helpers/db');
    const pgdb = await createPgDatabase();
    dbUrl = pgdb.url;
    drop = pgdb.drop;
  }
  const config = loadConfig({ FAZHI_DATA_DIR: dataDir, FAZHI_ADMIN_PASSWORD: 'Admin12345', FAZHI_LOG_LEVEL: 'silent', ...(dbUrl ? { FAZHI_DATABASE_URL: dbUrl } : {}) });
  const database = openDatabase({ url: dbUrl, dataDir });
  try {
    await prepareDatabase(database, config);
    const root = await database.db.selectFrom('org_unit').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const t0 = performance.now();
    await fill(database, root.id);
    if (database.dialect === 'postgres') await sql`analyze gi_request`.execute(database.db);
    console.log(`[${label}] ${N.toLocaleString()} requests inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const scope = { actor: systemActor(), unitId: root.id, unitPath: root.path, year: YEAR, rollup: false };
    const report = await time(() => computeGiTables(database.db, scope));
    // 基准：一条手写的 GROUP BY，只数本年度办结的申请（按申请人类型、办理结果），不含结转与表二、表四
    const baseline = await time(() =>
      sql`select applicant_type, outcome, outcome_sub, count(*) as n from gi_request where unit_id = ${root.id} and closed_on >= ${`${YEAR}-01-01`} and closed_on <= ${`${YEAR}-12-31`} group by applicant_type, outcome, outcome_sub`.execute(database.db),
    );
    const ratio = report / baseline;
    console.log(`[${label}] annual report tables (2, 3, 4 + identities): ${report.toFixed(1)} ms; one hand-written GROUP BY: ${baseline.toFixed(1)} ms; ratio ${ratio.toFixed(2)}× (target ≤ 3×) ${ratio <= 3 ? 'OK' : 'OVER TARGET'}`);
  } finally {
    await database.close();
    if (drop) await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<void> {
  await run('sqlite', null);
  const pg = process.env.FAZHI_BENCH_PG_URL || process.env.FAZHI_TEST_PG_URL;
  if (pg) await run('postgres', pg);
}
