/**
 * `fazhi calendar …` and `fazhi deadline … --unit` as real processes on a real database: import with --dry-run
 * (nothing written, the moved deadlines listed) and for real (stored, audited), a unit's calendar from the database,
 * and two processes seeding an empty database at the same time.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, createTestDb, TEST_DIALECTS, type TestDb } from '../helpers/db';
import { systemCtx } from '../helpers/fixtures';
import { openDatabase } from '../../src/core/db/database';
import { verifyAuditChain } from '../../src/modules/audit/audit.verify';
import { BUNDLED_YEARS } from '../../src/modules/calendar';
import { previewYearImport, setUnitCalendarSettings } from '../../src/modules/calendar/calendar.service';
import { createRequest } from '../../src/modules/disclosure/request.service';
import { createUnit } from '../../src/modules/org/unit.service';
import { DEADLINE_SOURCES } from '../../src/server/deadline-sources';

const run = promisify(execFile);

async function fazhi(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const r = await run(process.execPath, ['bin/fazhi.mjs', ...args], { env, timeout: 60_000 });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** The 2026 arrangement with one more day off (test data): deadlines running over 2026-12-01 move by a day. */
const edited2026 = () => {
  const y = BUNDLED_YEARS.find((a) => a.year === 2026)!;
  const { off: _off, work: _work, ...rest } = y;
  return { ...rest, status: 'unverified', source: { ...y.source, title: `${y.source.title}（测试修订）` }, holidays: [...y.holidays, { name: '测试调整', from: '2026-12-01', to: '2026-12-01', work: [] }] };
};

describe.each(TEST_DIALECTS)('fazhi calendar on %s', (dialect) => {
  let t: TestDb;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  let townId: number;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    env = { ...process.env, FAZHI_DATA_DIR: t.dataDir, FAZHI_DATABASE_URL: t.url ?? '', FAZHI_LOG_LEVEL: 'silent' };
    dir = mkdtempSync(join(tmpdir(), 'fazhi-cal-'));
    const ctx = systemCtx(t);
    const root = await t.database.db.selectFrom('org_unit').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    townId = (await createUnit(ctx, { parentId: root.id, code: 'TA', name: '甲镇', unitType: 'township', sortOrder: 1 })).id;
    // an open 依申请公开 request whose reply period runs over 2026-12-01
    await createRequest(ctx, { unitId: townId, channel: 'in_person', submittedOn: '2026-11-20', applicantType: 'natural', applicantName: '张三', applicantPhone: '13900000000', content: '测试申请', form: 'electronic', delivery: 'email' } as never);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.cleanup();
  });

  it('should list the seeded years', async () => {
    const r = await fazhi(env, 'calendar', 'list', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((y: { year: number; status: string }) => [y.year, y.status])).toEqual([2022, 2023, 2024, 2025, 2026].map((y) => [y, 'official']));
    const text = await fazhi(env, 'calendar', 'list');
    expect(text.out).toContain('2023  已核对  国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）');
  });

  it('should list the moved deadlines with --dry-run and write nothing', async () => {
    const file = join(dir, '2026.json');
    writeFileSync(file, JSON.stringify(edited2026()));
    const seq0 = (await t.database.db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow()).last_seq;
    const r = await fazhi(env, 'calendar', 'import', file, '--dry-run', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ dryRun: true, year: 2026, existing: { year: 2026, status: 'official' } });
    expect(out.changed.sort()).toEqual(['holidays', 'source', 'status']);
    // the same list as the service computes in this process, on the same registered sources
    const preview = await previewYearImport(systemCtx(t), edited2026());
    expect(out.moved).toEqual(JSON.parse(JSON.stringify(preview.moved)));
    if (DEADLINE_SOURCES.some((s) => s.name === 'disclosure-request')) {
      expect(preview.moved).toEqual([expect.objectContaining({ unitId: townId, ruleId: 'disclosure.reply', oldDue: '2026-12-18', newDue: '2026-12-21' })]);
    }
    const text = await fazhi(env, 'calendar', 'import', file, '--dry-run');
    expect(text.code).toBe(0);
    expect(text.out).toContain('2026年节假日安排（国务院办公厅关于2026年部分节假日安排的通知（测试修订），未核实）：校验通过，将替换已导入的同年安排');
    expect(text.out).toContain('试运行（--dry-run）：未导入。');
    for (const m of preview.moved) expect(text.out).toContain(`${m.oldDue} → ${m.newDue}  ${m.label}`);
    const row = await t.database.db.selectFrom('calendar_year').selectAll().where('year', '=', 2026).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'official', revision: 1 });
    expect((await t.database.db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow()).last_seq).toBe(seq0);
  });

  it('should import the year, audited as the command line, and say so', async () => {
    const file = join(dir, '2026.json');
    const r = await fazhi(env, 'calendar', 'import', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已替换2026年节假日安排');
    expect(r.out).toContain('已记录操作日志');
    const row = await t.database.db.selectFrom('calendar_year').selectAll().where('year', '=', 2026).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'unverified', revision: 2 });
    const event = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'calendar:year:import').where('entity_id', '=', '2026').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(event.actor_name).toBe('系统(cli)');
    expect(JSON.parse(event.changes).status).toEqual(['official', 'unverified']);
    const again = await fazhi(env, 'calendar', 'import', file);
    expect(again.out).toContain('与已导入的内容相同，未作修改');
  });

  it('should refuse an invalid file with exit code 2, naming the field, without a stack trace', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...edited2026(), holidays: [{ name: '元旦', from: '2026-01-03', to: '2026-01-01' }] }));
    const r = await fazhi(env, 'calendar', 'import', file, '--dry-run');
    expect(r.code).toBe(2);
    expect(r.err).toContain('arrangement.holidays.0：开始日期 2026-01-03 晚于结束日期 2026-01-01');
    expect(r.err).not.toMatch(/at .*\(/);
    const missing = await fazhi(env, 'calendar', 'import', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
  });

  it('should compute on a unit calendar from the database with --unit, and from the bundled data without', async () => {
    await setUnitCalendarSettings(systemCtx(t), townId, { ignoresAdjustedWorkdays: true });
    const plain = await fazhi(env, 'deadline', 'add-working-days', '2023-09-25', '20');
    expect(plain.out.trim()).toBe('2023-10-27');
    const unit = await fazhi(env, 'deadline', 'add-working-days', '2023-09-25', '20', '--unit', 'TA');
    expect(unit.code).toBe(0);
    expect(unit.out.trim()).toBe('2023-10-31');
    const rule = await fazhi(env, 'deadline', 'disclosure.reply', '--start', '2023-09-25', '--unit', 'TA', '--json');
    expect(JSON.parse(rule.out)).toMatchObject({ due: '2023-10-31' });
    const bad = await fazhi(env, 'deadline', 'day', '2023-10-07', '--unit', 'NOPE');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('单位编码“NOPE”不存在');
  });

  it('should seed an empty database once when two processes start on it together', async () => {
    let url: string | null = null;
    let drop: (() => Promise<void>) | null = null;
    if (dialect === 'postgres') ({ url, drop } = await createPgDatabase());
    const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-seed-'));
    const env2 = { ...process.env, FAZHI_DATA_DIR: dataDir, FAZHI_DATABASE_URL: url ?? '', FAZHI_LOG_LEVEL: 'silent', FAZHI_ADMIN_PASSWORD: 'Admin12345' };
    try {
      const [a, b] = await Promise.all([fazhi(env2, 'calendar', 'list', '--json'), fazhi(env2, 'calendar', 'list', '--json')]);
      expect([a.code, b.code, a.err, b.err]).toEqual([0, 0, '', '']);
      expect(JSON.parse(a.out)).toHaveLength(5);
      const database = openDatabase(url ? { url } : { dataDir });
      try {
        expect(await database.db.selectFrom('calendar_year').select('year').execute()).toHaveLength(5);
        expect(await database.db.selectFrom('audit_event').select('id').where('action', '=', 'calendar:year:import').execute()).toHaveLength(5);
        expect((await verifyAuditChain(database.db)).ok).toBe(true);
      } finally {
        await database.close();
      }
    } finally {
      if (drop) await drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
