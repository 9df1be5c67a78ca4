/**
 * The GI report tables counted from records: exact national rows, hand-counted cells, identities that hold for
 * real data (the demo district) and fail visibly for doctored data, drill-down to the records behind a cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/helpers/db';
import { buildWorld, ctxOf, systemCtx, type World } from '../../../test/helpers/fixtures';
import { loadDemo } from '../demo/demo.service';
import type { RequestCreateInput, RequestEventInput } from './disclosure.schema';
import { createProactiveItem } from './proactive.service';
import { computeReport, reportScope } from './report.service';
import { checkGiIdentities, table3ByLabel, table3CellRecords } from './report.tables';
import { appendRequestEvent, createRequest } from './request.service';
import { createReviewCase } from './review.service';

process.env.FAZHI_TODAY = '2026-11-20';

/** The row labels of table 3 as written in domain-rules §2.4.6, typed here independently of the code. */
const NATIONAL_LABELS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）1.属于国家秘密',
  '（三）2.其他法律行政法规禁止公开',
  '（三）3.危及"三安全一稳定"',
  '（三）4.保护第三方合法权益',
  '（三）5.属于三类内部事务信息',
  '（三）6.属于四类过程性信息',
  '（三）7.属于行政执法案卷',
  '（三）8.属于行政查询事项',
  '（四）1.本机关不掌握相关政府信息',
  '（四）2.没有现成信息需要另行制作',
  '（四）3.补正后申请内容仍不明确',
  '（五）1.信访举报投诉类申请',
  '（五）2.重复申请',
  '（五）3.要求提供公开出版物',
  '（五）4.无正当理由大量反复申请',
  '（五）5.要求行政机关确认或重新出具已获取信息',
  '（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '（六）3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];

describe.each(TEST_DIALECTS)('GI report tables on %s', (dialect) => {
  let t: TestDb;
  let w: World;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    w = await buildWorld(t);
    const ctx = systemCtx(t);
    const req = async (unitId: number, submittedOn: string, applicantType: RequestCreateInput['applicantType'], answer?: Omit<Extract<RequestEventInput, { type: 'answered' }>, 'type' | 'reply'>) => {
      const r = await createRequest(ctx, { unitId, channel: 'in_person', submittedOn, applicantType, applicantName: '申请人', content: '某项政府信息的申请内容', form: 'electronic', delivery: 'email' });
      if (answer) await appendRequestEvent(ctx, r.id, { type: 'answered', reply: '答复', ...answer });
      return r.id;
    };
    // 甲镇：2024 年收到、2025 年答复 1 件（结转入 2025）；2025 年收到 5 件，其中 1 件 2026 年才答复、1 件至今未办结
    await req(w.townA, '2024-12-20', 'natural', { date: '2025-01-10', outcome: 'disclosed' });
    await req(w.townA, '2025-03-03', 'natural', { date: '2025-03-20', outcome: 'denied', outcomeSub: 4 });
    await req(w.townA, '2025-04-01', 'commercial', { date: '2025-04-15', outcome: 'partial' });
    await req(w.townA, '2025-06-02', 'legal_service', { date: '2025-06-10', outcome: 'not_processed', outcomeSub: 2 });
    await req(w.townA, '2025-12-15', 'research', { date: '2026-01-08', outcome: 'unable', outcomeSub: 1 });
    await req(w.townA, '2025-12-29', 'natural');
    // 甲镇下属司法所 1 件（只在汇总中出现）；乙 1 件（永不出现）
    await req(w.townA1, '2025-05-05', 'other_org', { date: '2025-05-09', outcome: 'disclosed' });
    await req(w.townB, '2025-05-05', 'natural', { date: '2025-05-09', outcome: 'disclosed' });
    for (const [i, kind] of (['normative_issued', 'normative_issued', 'normative_repealed', 'penalty'] as const).entries()) {
      await createProactiveItem(ctx, { unitId: w.townA, title: `文件${i}`, indexNo: `A-${i}`, category: kind === 'penalty' ? 'a20_6' : 'a20_1', table2Kind: kind, table2Amount: kind === 'penalty' ? 3 : null, formedOn: i === 0 ? '2024-06-01' : '2025-06-01', publishedOn: i === 0 ? '2024-06-03' : '2025-06-03' });
    }
    await createReviewCase(ctx, { unitId: w.townA, kind: 'reconsideration', caseNo: '复1', filedOn: '2025-02-01', result: 'upheld', closedOn: '2025-03-01' });
    await createReviewCase(ctx, { unitId: w.townA, kind: 'reconsideration', caseNo: '复2', filedOn: '2025-11-01', result: 'corrected', closedOn: '2026-01-20' });
  });
  afterAll(() => t.cleanup());

  it('should use exactly the national rows of table 3', async () => {
    const r = await computeReport(systemCtx(t), w.townA, 2025);
    expect(Object.keys(table3ByLabel(r.table3))).toEqual(NATIONAL_LABELS);
    expect(Object.values(table3ByLabel(r.table3)).every((v) => v.length === 7)).toBe(true);
  });

  it('should count table 3 from the requests, with carry-over in and out', async () => {
    const r = await computeReport(systemCtx(t), w.townA, 2025);
    const L = table3ByLabel(r.table3);
    //              自然人 商业 科研 公益 法律 其他 总计
    expect(L['一、本年新收政府信息公开申请数量']).toEqual([2, 1, 1, 0, 1, 0, 5]);
    expect(L['二、上年结转政府信息公开申请数量']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(L['（一）予以公开']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(L['（二）部分公开（区分处理的，只计这一情形，不计其他情形）']).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(L['（三）4.保护第三方合法权益']).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(L['（五）2.重复申请']).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(L['（七）总计']).toEqual([2, 1, 0, 0, 1, 0, 4]);
    expect(L['四、结转下年度继续办理']).toEqual([1, 0, 1, 0, 0, 0, 2]);
    expect(r.identities.every((i) => i.holds)).toBe(true);
    const next = table3ByLabel((await computeReport(systemCtx(t), w.townA, 2026)).table3);
    expect(next['二、上年结转政府信息公开申请数量']).toEqual([1, 0, 1, 0, 0, 0, 2]);
    expect(next['（四）1.本机关不掌握相关政府信息']).toEqual([0, 0, 1, 0, 0, 0, 1]);
    expect(next['四、结转下年度继续办理']).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('should roll up the unit and everything below it', async () => {
    const r = await computeReport(systemCtx(t), w.townA, 2025, true);
    expect(table3ByLabel(r.table3)['一、本年新收政府信息公开申请数量']).toEqual([2, 1, 1, 0, 1, 1, 6]);
    const root = await computeReport(systemCtx(t), w.rootId, 2025, true);
    expect(root.table3.new.total).toBe(7);
  });

  it('should count table 2 and table 4 from their ledgers', async () => {
    const r = await computeReport(systemCtx(t), w.townA, 2025);
    expect(r.table2.normative).toEqual({ issued: 1, repealed: 1, valid: 1 });
    expect(r.table2.penalty).toEqual({ decisions: 3 });
    expect(r.table4.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    const r26 = await computeReport(systemCtx(t), w.townA, 2026);
    expect(r26.table4.reconsideration.total).toBe(0);
  });

  it('should list the records behind a cell, as many as the cell says', async () => {
    const ctx = systemCtx(t);
    const { scope } = await reportScope(ctx, w.townA, 2025);
    const r = await computeReport(ctx, w.townA, 2025);
    for (const [row, col] of [['new', 'total'], ['new', 'natural'], ['carried_out', 'total'], ['total', 'total'], ['denied.4', 'natural']] as const) {
      const recs = await table3CellRecords(t.database.db, scope, row, col);
      expect(recs!.length, `${row}/${col}`).toBe(r.table3[row][col]);
    }
  });

  it('should not show township B figures to a township-A user, even by roll-up from the district', async () => {
    const ctx = await ctxOf(t, w.users.superClerkA);
    await expect(computeReport(ctx, w.townB, 2025)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should show a broken identity for doctored data', async () => {
    // 篡改：把一件2025年收到的申请的答复日期改到收到之前的上一年——记录自相矛盾，表三的勾稽关系随之不成立
    const db = t.database.db;
    const victim = await db.selectFrom('gi_request').select('id').where('unit_id', '=', w.townA).where('received_on', '=', '2025-03-03').executeTakeFirstOrThrow();
    await db.updateTable('gi_request').set({ closed_on: '2024-12-31' }).where('id', '=', victim.id).execute();
    const r = await computeReport(systemCtx(t), w.townA, 2025);
    const broken = r.identities.filter((i) => !i.holds).map((i) => i.id);
    expect(broken).toContain('t3.balance.natural');
    expect(broken).toContain('t3.balance.total');
    await db.updateTable('gi_request').set({ closed_on: '2025-03-20' }).where('id', '=', victim.id).execute();
    // 直接篡改表格数字也会被发现
    const tables = await computeReport(systemCtx(t), w.townA, 2025);
    tables.table3.total.natural += 1;
    tables.table4.reconsideration.total = 5;
    const ids = checkGiIdentities(tables.table3, tables.table4).filter((i) => !i.holds).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['t3.balance.natural', 't3.total.natural', 't3.row.total', 't4.reconsideration']));
  });
});

describe('GI report tables of the demo district', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
  });
  afterAll(() => t.cleanup());

  it('should hold every identity for every unit, both years, with requests of every outcome', async () => {
    await loadDemo(systemCtx(t));
    const units = await t.database.db.selectFrom('org_unit').select(['id', 'code']).execute();
    const seen = new Set<string>();
    for (const u of units) {
      for (const year of [2025, 2026]) {
        const r = await computeReport(systemCtx(t), u.id, year, u.code === 'ROOT');
        const broken = r.identities.filter((i) => !i.holds);
        expect(broken, `${u.code} ${year}`).toEqual([]);
        for (const [k, v] of Object.entries(r.table3)) if (v.total > 0) seen.add(k);
      }
    }
    for (const key of ['new', 'carried_in', 'disclosed', 'partial', 'denied.1', 'denied.8', 'unable.3', 'not_processed.5', 'other.1', 'other.2', 'other.3', 'carried_out']) expect(seen, key).toContain(key);
    const states = await t.database.db.selectFrom('gi_request').select('state').distinct().execute();
    expect(states.map((s) => s.state).sort()).toEqual(['awaiting_supplement', 'closed', 'consulting', 'in_progress']);
    expect(await t.database.db.selectFrom('gi_request').select('id').where('is_extended', '=', 1).where('state', '!=', 'closed').execute()).not.toHaveLength(0);
  });
});
