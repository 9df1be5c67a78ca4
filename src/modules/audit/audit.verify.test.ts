import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/helpers/db';
import { systemCtx } from '../../../test/helpers/fixtures';
import { createUnit } from '../org/unit.service';
import { verifyAuditChain } from './audit.verify';

describe.each(TEST_DIALECTS)('verifyAuditChain on %s', (dialect) => {
  let t: TestDb;
  let rootId: number;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    rootId = (await t.database.db.selectFrom('org_unit').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.cleanup());

  // 每个用例重建一条干净的链：清空后重新写入 6 个事件
  beforeEach(async () => {
    const db = t.database.db;
    await db.deleteFrom('audit_event').execute();
    await db.updateTable('audit_head').set({ last_seq: 0, last_hash: '0'.repeat(64) }).execute();
    await db.deleteFrom('org_unit_history').execute();
    await db.deleteFrom('org_unit').where('parent_id', 'is not', null).execute();
    for (let i = 1; i <= 6; i++) await createUnit(systemCtx(t), { parentId: rootId, code: `U${i}`, name: `单位${i}`, unitType: 'other', sortOrder: i });
  });

  it('should accept an untouched chain', async () => {
    const r = await verifyAuditChain(t.database.db);
    expect(r).toEqual({ ok: true, checked: 6, problems: [] });
  });

  it('should name an edited event', async () => {
    await t.database.db.updateTable('audit_event').set({ summary: '新增单位 篡改' }).where('seq', '=', 3).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ kind: 'edited', seq: 3 });
  });

  it('should notice an edit whose hash was recomputed, at the next link', async () => {
    const { hashEvent } = await import('./audit.hash');
    const e = await t.database.db.selectFrom('audit_event').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...e, summary: '伪造' };
    await t.database.db.updateTable('audit_event').set({ summary: '伪造', hash: hashEvent(e.prev_hash, forged) }).where('seq', '=', 2).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ kind: 'broken', seq: 3 });
  });

  it('should name a deleted event', async () => {
    await t.database.db.deleteFrom('audit_event').where('seq', '=', 4).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.kind, p.seq])).toEqual([['deleted', 4]]);
  });

  it('should notice events deleted from the end of the log', async () => {
    await t.database.db.deleteFrom('audit_event').where('seq', '>=', 5).execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.problems.map((p) => [p.kind, p.seq])).toEqual([['deleted', 5]]);
  });

  it('should name reordered events', async () => {
    const db = t.database.db;
    // 交换第 2、3 号事件的顺序
    await db.updateTable('audit_event').set({ seq: 1002 }).where('seq', '=', 2).execute();
    await db.updateTable('audit_event').set({ seq: 2 }).where('seq', '=', 3).execute();
    await db.updateTable('audit_event').set({ seq: 3 }).where('seq', '=', 1002).execute();
    const r = await verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.problems.every((p) => p.kind === 'reordered')).toBe(true);
    expect(r.problems.map((p) => p.seq)).toEqual([2, 3, 4]);
    expect(r.problems[0].message).toContain('应紧接第 3 号事件之后');
  });

  it('should keep the chain linear under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => createUnit(systemCtx(t), { parentId: rootId, code: `C${i}`, name: `并发${i}`, unitType: 'other', sortOrder: i })));
    const r = await verifyAuditChain(t.database.db);
    expect(r).toMatchObject({ ok: true, checked: 18 });
    const seqs = await t.database.db.selectFrom('audit_event').select(sql<number>`max(seq)`.as('m')).executeTakeFirstOrThrow();
    expect(Number(seqs.m)).toBe(18);
  });
});
