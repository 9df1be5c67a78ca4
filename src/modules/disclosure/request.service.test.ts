/**
 * Requests walked through every path of the procedure, with due dates worked out by hand on the real calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/helpers/db';
import { buildWorld, ctxOf, systemCtx, type World } from '../../../test/helpers/fixtures';
import { AppError } from '../../core/errors';
import type { RequestCreateInput, RequestEventInput } from './disclosure.schema';
import { appendRequestEvent, createRequest, fileOnlineRequest, getRequest, listRequests, requestCounters, trackRequest } from './request.service';
import { requestLetterDocx } from './letters';

process.env.FAZHI_TODAY = '2026-11-20';

const errCode = async (p: Promise<unknown>) => p.then(() => 'OK', (e) => (e instanceof AppError ? e.code : String(e)));

describe.each(TEST_DIALECTS)('disclosure requests on %s', (dialect) => {
  let t: TestDb;
  let w: World;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    w = await buildWorld(t);
  });
  afterAll(() => t.cleanup());

  const base = (o: Partial<RequestCreateInput> = {}): RequestCreateInput => ({
    unitId: w.townA,
    channel: 'in_person',
    submittedOn: '2023-09-25',
    applicantType: 'natural',
    applicantName: '张三',
    applicantIdNo: '650102199001011234',
    applicantPhone: '13900000000',
    content: '2023年本镇农村危房改造补助资金发放明细',
    form: 'electronic',
    delivery: 'email',
    ...o,
  });
  const step = async (id: number, e: RequestEventInput) => appendRequestEvent(await ctxOf(t, w.users.lianluoA), id, e);
  const create = async (o: Partial<RequestCreateInput> = {}) => createRequest(await ctxOf(t, w.users.clerkA), base(o));

  describe('createRequest', () => {
    it('should count 20 working days across the 2023 中秋/国庆 break', async () => {
      const r = await create();
      expect(r.projection.receivedOn).toBe('2023-09-25');
      // 9/26–28（3），10/7–8 调休上班（5），10/9–13（10），10/16–20（15），10/23–27（20）
      expect(r.projection.due).toBe('2023-10-27');
      expect(r.trackingCode).toMatch(/^GK\d{4}-[A-Z0-9]{8}$/);
    });
    it('should take the signing date as the date of receipt of a registered letter (第三十一条)', async () => {
      const r = await create({ channel: 'registered_post', submittedOn: '2024-09-27', signedOn: '2024-09-30' });
      expect(r.projection.receivedOn).toBe('2024-09-30');
      // 10/1–7 国庆节；10/8–11（4），10/12 调休上班（5），10/14–18（10），10/21–25（15），10/28–11/1（20）
      expect(r.projection.due).toBe('2024-11-01');
    });
    it('should name the missing signing date of a registered letter', async () => {
      const e = await create({ channel: 'registered_post', submittedOn: '2024-09-27' }).catch((x) => x);
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.fields[0].field).toBe('signedOn');
    });
    it('should refuse a unit outside the clerk’s scope', async () => {
      expect(await errCode(createRequest(await ctxOf(t, w.users.clerkA), base({ unitId: w.townB })))).toBe('VALIDATION_FAILED');
    });
  });

  describe('appendRequestEvent', () => {
    it('should restart the clock when the 补正 arrives (第三十条), across the 2024 Spring Festival make-up day', async () => {
      const r = await create({ submittedOn: '2024-01-02' });
      await step(r.id, { type: 'supplement_requested', date: '2024-01-05', items: '请写明所需文件的文号' });
      const mid = await getRequest(systemCtx(t), r.id);
      expect(mid.projection.state).toBe('awaiting_supplement');
      expect(mid.projection.due).toBeNull();
      const after = await step(r.id, { type: 'supplement_received', date: '2024-01-15' });
      // 1/16–19（4），1/22–26（9），1/29–2/2（14），2/4 周日调休上班（15），2/5–8（19），2/9 除夕照常上班（20）
      expect(after.projection.due).toBe('2024-02-09');
      expect(after.projection.state).toBe('in_progress');
    });
    it('should allow the 补正 notice only once and only within 7 working days', async () => {
      const r = await create({ submittedOn: '2024-01-02' });
      // 1/3,4,5,8,9,10,11：第7个工作日为 1/11
      expect(await errCode(step(r.id, { type: 'supplement_requested', date: '2024-01-12', items: 'x' }))).toBe('INVALID_STATE');
      await step(r.id, { type: 'supplement_requested', date: '2024-01-11', items: '请写明时间范围' });
      await step(r.id, { type: 'supplement_received', date: '2024-01-12' });
      expect(await errCode(step(r.id, { type: 'supplement_requested', date: '2024-01-12', items: '再补' }))).toBe('INVALID_STATE');
    });
    it('should not count the third-party consultation, then add an approved extension', async () => {
      const r = await create();
      await step(r.id, { type: 'consultation_started', date: '2023-10-09', party: '某某建筑公司', partyKind: 'third_party' });
      expect(await errCode(step(r.id, { type: 'answered', date: '2023-10-10', outcome: 'disclosed', reply: 'x' }))).toBe('INVALID_STATE');
      const ended = await step(r.id, { type: 'consultation_ended', date: '2023-10-20', opinion: 'no_reply' });
      // 10/9–10/20 不计（10个工作日），原期限 10/27 顺延10个工作日
      expect(ended.projection.due).toBe('2023-11-10');
      const clerk = await ctxOf(t, w.users.clerkA);
      expect(await errCode(appendRequestEvent(clerk, r.id, { type: 'extended', date: '2023-11-01', days: 10, approvedBy: '李主任', reason: '需调档' }))).toBe('FORBIDDEN');
      const leader = await ctxOf(t, w.users.admin);
      const ext = await appendRequestEvent(leader, r.id, { type: 'extended', date: '2023-11-01', days: 10, approvedBy: '李主任', reason: '需要调取档案' });
      // 11/13–17（5），11/20–24（10）
      expect(ext.projection.due).toBe('2023-11-24');
      expect(ext.docNo).toMatch(/^TA公开延〔2023〕\d+号$/);
      expect(await errCode(appendRequestEvent(leader, r.id, { type: 'extended', date: '2023-11-02', days: 5, approvedBy: '李主任', reason: '再延' }))).toBe('INVALID_STATE');
      const done = await step(r.id, { type: 'answered', date: '2023-11-24', outcome: 'partial', reply: '提供可以公开的部分' });
      expect(done.projection).toMatchObject({ state: 'closed', outcome: 'partial', closedOn: '2023-11-24', isLate: false });
      expect(done.docNo).toMatch(/^TA公开答〔2023〕\d+号$/);
      expect(await errCode(step(r.id, { type: 'supplement_requested', date: '2023-11-24', items: 'x' }))).toBe('INVALID_STATE');
    });
    it('should refuse an extension after the period has run out', async () => {
      const r = await create();
      expect(await errCode(appendRequestEvent(await ctxOf(t, w.users.admin), r.id, { type: 'extended', date: '2023-10-30', days: 5, approvedBy: '李主任', reason: '晚了' }))).toBe('INVALID_STATE');
    });
    it.each([
      ['disclosed', null],
      ['partial', null],
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ['denied', n] as const),
      ...[1, 2, 3].map((n) => ['unable', n] as const),
      ...[1, 2, 3, 4, 5].map((n) => ['not_processed', n] as const),
      ['other', 3],
    ] as const)('should close a request with outcome %s %s', async (outcome, sub) => {
      const r = await create();
      const done = await step(r.id, { type: 'answered', date: '2023-10-30', outcome, outcomeSub: sub, reply: '答复内容' });
      expect(done.projection).toMatchObject({ state: 'closed', outcome, outcomeSub: sub, isLate: true });
    });
    it('should require the sub-item of a grouped outcome', async () => {
      const r = await create();
      const e = await step(r.id, { type: 'answered', date: '2023-10-10', outcome: 'denied', reply: 'x' }).catch((x) => x);
      expect(e.fields[0].field).toBe('outcomeSub');
    });
    it('should close as 逾期不补正 only a request waiting for its 补正, and 逾期未缴费 only one waiting for the fee', async () => {
      const a = await create({ submittedOn: '2024-03-01' });
      expect(await errCode(step(a.id, { type: 'answered', date: '2024-03-05', outcome: 'other', outcomeSub: 1, reply: 'x' }))).toBe('INVALID_STATE');
      await step(a.id, { type: 'supplement_requested', date: '2024-03-05', items: '补充身份证明' });
      expect((await step(a.id, { type: 'answered', date: '2024-04-10', outcome: 'other', outcomeSub: 1, reply: '逾期未补正' })).projection.state).toBe('closed');
      const b = await create({ submittedOn: '2024-03-01' });
      await step(b.id, { type: 'fee_notice_sent', date: '2024-03-04', amount: 200, basis: 'per_request' });
      expect((await getRequest(systemCtx(t), b.id)).projection.state).toBe('awaiting_fee');
      expect((await step(b.id, { type: 'answered', date: '2024-04-10', outcome: 'other', outcomeSub: 2, reply: '逾期未缴费' })).projection.outcome).toBe('other');
    });
    it('should refuse dates in the future or before the previous step', async () => {
      const r = await create();
      expect(await errCode(step(r.id, { type: 'answered', date: '2027-01-01', outcome: 'disclosed', reply: 'x' }))).toBe('VALIDATION_FAILED');
      expect(await errCode(step(r.id, { type: 'answered', date: '2023-09-01', outcome: 'disclosed', reply: 'x' }))).toBe('VALIDATION_FAILED');
    });
    it('should not let township B touch township A’s request', async () => {
      const r = await create();
      const b = await ctxOf(t, w.users.clerkB);
      expect(await errCode(appendRequestEvent(b, r.id, { type: 'answered', date: '2023-10-10', outcome: 'disclosed', reply: 'x' }))).toBe('NOT_FOUND');
      expect(await errCode(getRequest(b, r.id))).toBe('NOT_FOUND');
    });
  });

  describe('portal and lists', () => {
    it('should file online with today as the date of receipt and track without personal data', async () => {
      const anon = { ...systemCtx(t), actor: (await import('../../core/context')).anonymousActor(), ip: '198.51.100.7' };
      const r = await fileOnlineRequest(anon, { unitId: w.townA, applicantType: 'commercial', applicantName: '某某科技有限公司', applicantIdNo: '91650100MA7XXXXXX1', applicantPhone: '13911112222', applicantAddress: '乌鲁木齐市某路1号', content: '2026年度本镇政府采购项目清单', form: 'electronic', delivery: 'online' });
      expect(r.projection.receivedOn).toBe('2026-11-20');
      const tr = await trackRequest(t.database.db, r.trackingCode.toLowerCase());
      expect(tr.stateLabel).toBe('办理中');
      const text = JSON.stringify(tr);
      for (const secret of ['某某科技有限公司', '91650100MA7XXXXXX1', '13911112222', '乌鲁木齐市某路1号']) expect(text).not.toContain(secret);
      for (let i = 0; i < 4; i++) await fileOnlineRequest(anon, { unitId: w.townA, applicantType: 'natural', applicantName: '李四', applicantPhone: '13900000001', content: `第${i}件申请的内容`, form: 'electronic', delivery: 'online' });
      expect(await errCode(fileOnlineRequest(anon, { unitId: w.townA, applicantType: 'natural', applicantName: '李四', applicantPhone: '13900000001', content: '第六件申请的内容', form: 'electronic', delivery: 'online' }))).toBe('RATE_LIMITED');
    });
    it('should list overdue requests and count them for the home page', async () => {
      const ctx = await ctxOf(t, w.users.lianluoA);
      const overdue = await listRequests(ctx, { due: 'overdue', page: 1, pageSize: 500 });
      expect(overdue.items.length).toBeGreaterThan(0);
      expect(overdue.items.every((r) => r.due_on! < '2026-11-20' && r.state !== 'closed')).toBe(true);
      expect(overdue.items.every((r) => r.dueStatus === 'overdue')).toBe(true);
      const c = await requestCounters(ctx);
      expect(c.overdue).toBe(overdue.total);
      const b = await requestCounters(await ctxOf(t, w.users.clerkB));
      expect(b).toMatchObject({ open: 0, overdue: 0 });
    });
    it('should render the letters as .docx with their numbers', async () => {
      const r = await create({ submittedOn: '2024-05-06' });
      await step(r.id, { type: 'answered', date: '2024-05-10', outcome: 'disclosed', reply: '见附件' });
      const letter = await requestLetterDocx(systemCtx(t), r.id, 2);
      expect(letter.data.subarray(0, 2).toString()).toBe('PK');
      expect(letter.filename).toContain('答复书');
      const { default: JSZip } = await import('jszip');
      const xml = await (await JSZip.loadAsync(letter.data)).file('word/document.xml')!.async('string');
      expect(xml).toContain('张三');
      expect(xml).toMatch(/TA公开答〔2024〕\d+号/);
      expect(xml).toContain('第三十六条第（二）项');
    });
  });
});
