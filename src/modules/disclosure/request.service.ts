/**
 * Use-cases of 依申请公开 requests. A request moves only by typed events; its state and due date are derived
 * from them (request.projection.ts) and cached on the request in the same transaction, with the audit event.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { authorize, type Ctx } from '../../core/context';
import { todayCn } from '../../core/dates';
import { nowIso, type DbOrTx, type Tx } from '../../core/db/database';
import { AppError, fieldError } from '../../core/errors';
import { nextNumber } from '../../core/numbering';
import { hitRateLimit } from '../../core/rate-limit';
import { OUTCOMES, outcomeLabel, REQUEST_EVENTS, REQUEST_STATES, type RequestEventType } from '../../shared/disclosure';
import { recordAudit } from '../audit/audit.service';
import { requireWritableUnit, unitRepo } from '../org/org.repo';
import { unitCalendar } from './disclosure.calendar';
import type { PortalRequestInput, RequestCreateInput, RequestEventInput } from './disclosure.schema';
import { requestRepo, scopeRequests } from './disclosure.repo';
import { projectRequest, type RequestProjection, type StoredRequestEvent } from './request.projection';


/** Letter kinds produced by events, with their sequence and title (发文编号按单位、文种、年度连续编号). */
export const LETTERS: Partial<Record<RequestEventType, { kind: string; word: string; title: string }>> = {
  supplement_requested: { kind: 'gi-supplement', word: '公开补', title: '政府信息公开申请补正告知书' },
  consultation_started: { kind: 'gi-consultation', word: '公开征', title: '政府信息公开征求意见函' },
  extended: { kind: 'gi-extension', word: '公开延', title: '政府信息公开申请延期答复告知书' },
  answered: { kind: 'gi-reply', word: '公开答', title: '政府信息公开申请答复书' },
};

const toStored = (rows: { seq: number; type: string; occurred_on: string; payload: string }[]): StoredRequestEvent[] =>
  rows.map((r) => ({ seq: r.seq, type: r.type as RequestEventType, occurredOn: r.occurred_on, payload: JSON.parse(r.payload) }));

/** Computes the projection of a request from its stored events. */
export async function projectStored(db: DbOrTx, req: { id: number; unit_id: number }, opts: { trace?: boolean } = {}): Promise<RequestProjection> {
  const { calendar, rules } = await unitCalendar(db, req.unit_id);
  return projectRequest(toStored(await requestRepo.events(db, req.id)), calendar, { rules, today: todayCn(), trace: opts.trace });
}

/** Writes the projection into the request row (the cache of what the events say). */
async function saveProjection(tx: Tx, id: number, p: RequestProjection) {
  await tx
    .updateTable('gi_request')
    .set({ received_on: p.receivedOn, state: p.state, due_on: p.due, outcome: p.outcome, outcome_sub: p.outcomeSub, closed_on: p.closedOn, is_extended: p.isExtended ? 1 : 0, is_provisional: p.provisional ? 1 : 0, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

async function newTrackingCode(tx: Tx): Promise<string> {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  for (;;) {
    const b = randomBytes(8);
    const code = `GK${todayCn().slice(0, 4)}-${Array.from(b, (x) => alphabet[x % alphabet.length]).join('')}`;
    if (!(await requestRepo.findByTracking(tx, code))) return code;
  }
}

async function insertRequest(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip'>, unitId: number, source: 'staff' | 'portal', input: Omit<RequestCreateInput, 'unitId'>) {
  const trackingCode = await newTrackingCode(tx);
  const now = nowIso();
  const received = { channel: input.channel, submittedOn: input.submittedOn, signedOn: input.signedOn ?? null, confirmedOn: input.confirmedOn ?? null };
  const { id } = await tx
    .insertInto('gi_request')
    .values({
      unit_id: unitId,
      tracking_code: trackingCode,
      source,
      channel: input.channel,
      applicant_type: input.applicantType,
      applicant_name: input.applicantName,
      applicant_id_no: input.applicantIdNo ?? null,
      applicant_phone: input.applicantPhone ?? null,
      applicant_email: input.applicantEmail ?? null,
      applicant_address: input.applicantAddress ?? null,
      content: input.content,
      form: input.form,
      delivery: input.delivery,
      handler_id: ctx.actor.userId,
      received_on: input.submittedOn,
      state: 'in_progress',
      due_on: null,
      outcome: null,
      outcome_sub: null,
      closed_on: null,
      is_extended: 0,
      is_provisional: 0,
      created_at: now,
      created_by: ctx.actor.userId,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('gi_request_event').values({ request_id: id, seq: 1, type: 'request_received', occurred_on: input.submittedOn, payload: JSON.stringify(received), doc_no: null, created_at: now, created_by: ctx.actor.userId }).execute();
  const p = await projectStored(tx, { id, unit_id: unitId }, { trace: false });
  await saveProjection(tx, id, p);
  await recordAudit(tx, ctx, {
    action: 'disclosure:request:create',
    entityType: 'gi_request',
    entityId: id,
    unitId,
    summary: `登记依申请公开 ${trackingCode}（${source === 'portal' ? '网上申请' : '窗口登记'}），收到申请之日 ${p.receivedOn}，答复期限 ${p.due}`,
    changes: { tracking_code: [null, trackingCode], channel: [null, input.channel], received_on: [null, p.receivedOn], due_on: [null, p.due] },
  });
  return { id, trackingCode, projection: p };
}

function checkDates(input: { submittedOn: string; signedOn?: string | null; confirmedOn?: string | null; channel: string }) {
  const today = todayCn();
  if (input.submittedOn > today) throw fieldError('submittedOn', '提交日期不能晚于今天');
  for (const f of ['signedOn', 'confirmedOn'] as const) {
    const v = input[f];
    if (v && v < input.submittedOn) throw fieldError(f, '不能早于提交日期');
    if (v && v > today) throw fieldError(f, '不能晚于今天');
  }
  if (input.channel === 'registered_post' && !input.signedOn) throw fieldError('signedOn', '邮寄（需签收）的申请须填写签收日期（第三十一条第（二）项）');
  if ((input.channel === 'ordinary_letter' || input.channel === 'online' || input.channel === 'fax') && !input.confirmedOn) {
    throw fieldError('confirmedOn', '平常信函、互联网、传真提交的申请须填写双方确认之日（第三十一条）');
  }
}

/** Registers a request received at the window, by post, fax or otherwise (staff). */
export async function createRequest(ctx: Ctx, input: RequestCreateInput) {
  authorize(ctx.actor, 'disclosure:request:create');
  checkDates(input);
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await requireWritableUnit(tx, ctx.actor, input.unitId);
    return insertRequest(tx, ctx, unit.id, 'staff', input);
  });
}

/**
 * Files a request online from the public portal. The system confirms receipt at once (tracking code), so the
 * date of receipt is today (第三十一条第（三）项). Limited per client address.
 */
export async function fileOnlineRequest(ctx: Ctx, input: PortalRequestInput) {
  await hitRateLimit(ctx.db, `portal-request:${ctx.ip ?? 'unknown'}`, 5, 3_600_000, '同一网络地址一小时内最多提交 5 件申请，请稍后再试');
  const unit = await unitRepo.findById(ctx.db, input.unitId);
  if (!unit || unit.status !== 'active') throw fieldError('unitId', '受理机关不存在');
  const today = todayCn();
  return ctx.db.transaction().execute((tx) => insertRequest(tx, ctx, unit.id, 'portal', { ...input, channel: 'online', submittedOn: today, confirmedOn: today }));
}

/** One request in scope with its events and projection (with the trace of the reply deadline). */
export async function getRequest(ctx: Ctx, id: number) {
  authorize(ctx.actor, 'disclosure:request:list');
  const req = await requestRepo.findVisible(ctx.db, ctx.actor, id);
  if (!req) throw new AppError('NOT_FOUND');
  const events = await requestRepo.events(ctx.db, id);
  const projection = await projectStored(ctx.db, req);
  return { request: req, events, projection };
}

/** The guard of each step of the statutory procedure, given the projection before the step. */
function guardEvent(p: RequestProjection, input: RequestEventInput, lastDate: string) {
  const today = todayCn();
  if (p.state === 'closed') throw new AppError('INVALID_STATE', { message: '该申请已答复办结，不能再办理' });
  if (input.date > today) throw fieldError('date', '日期不能晚于今天');
  if (input.date < lastDate) throw fieldError('date', `日期不能早于上一步骤的日期 ${lastDate}`);
  const need = (states: string[], message: string) => {
    if (!states.includes(p.state)) throw new AppError('INVALID_STATE', { message: `${message}（当前状态：${REQUEST_STATES[p.state]}）` });
  };
  switch (input.type) {
    case 'supplement_requested':
      need(['in_progress'], '只有办理中的申请可以告知补正');
      // 《政府信息公开条例》第三十条：自收到申请之日起7个工作日内一次性告知申请人作出补正 (domain-rules 2.2.4)
      if (p.hasSupplementRequest) throw new AppError('INVALID_STATE', { message: '补正告知只能一次性作出（第三十条），本申请已告知过补正' });
      if (input.date > p.supplementNoticeDue) throw new AppError('INVALID_STATE', { message: `补正告知须在收到申请之日起7个工作日内（${p.supplementNoticeDue}前）作出（第三十条），已超过期限` });
      break;
    case 'supplement_received':
      need(['awaiting_supplement'], '只有待补正的申请可以登记补正材料');
      break;
    case 'consultation_started':
      need(['in_progress'], '只有办理中的申请可以征求意见');
      break;
    case 'consultation_ended':
      need(['consulting'], '没有正在进行的征求意见');
      break;
    case 'extended':
      need(['in_progress', 'consulting'], '只有办理中的申请可以延期');
      // 《政府信息公开条例》第三十三条第二款：延期须经负责人同意并告知申请人，最长不得超过20个工作日 (domain-rules 2.2.2)
      if (p.isExtended) throw new AppError('INVALID_STATE', { message: '答复期限已延长过一次，延长的期限最长不得超过20个工作日（第三十三条第二款）' });
      if (p.due && input.date > p.due) throw new AppError('INVALID_STATE', { message: `答复期限已于 ${p.due} 届满，不能再延期` });
      break;
    case 'fee_notice_sent':
      need(['in_progress'], '只有办理中的申请可以发出收费通知');
      break;
    case 'fee_paid':
      need(['awaiting_fee'], '没有待缴纳的信息处理费');
      break;
    case 'answered': {
      const subs = OUTCOMES[input.outcome].subs;
      if (subs.length > 0 && (!input.outcomeSub || input.outcomeSub > subs.length)) throw fieldError('outcomeSub', `请选择“${OUTCOMES[input.outcome].label}”的具体情形（1–${subs.length}）`);
      if (subs.length === 0 && input.outcomeSub) throw fieldError('outcomeSub', '该办理结果没有细分情形');
      if (input.outcome === 'other' && input.outcomeSub === 1) need(['awaiting_supplement'], '“逾期不补正”只适用于已告知补正、申请人未补正的申请');
      else if (input.outcome === 'other' && input.outcomeSub === 2) need(['awaiting_fee'], '“逾期未缴费”只适用于已发出收费通知、申请人未缴费的申请');
      else if (p.state === 'awaiting_supplement') throw new AppError('INVALID_STATE', { message: '申请人尚未补正：收到补正后再答复；逾期未补正的，选择“其他处理—1”' });
      else if (p.state === 'consulting') throw new AppError('INVALID_STATE', { message: '请先登记征求意见的结果（或期满未答复），再作出答复' });
      else if (p.state === 'awaiting_fee') throw new AppError('INVALID_STATE', { message: '申请人尚未缴费：缴费后再答复；逾期未缴费的，选择“其他处理—2”' });
      break;
    }
  }
}

/** Appends one step (typed event) to a request: guard → event (+ letter number) → projection → audit. */
export async function appendRequestEvent(ctx: Ctx, id: number, input: RequestEventInput) {
  authorize(ctx.actor, input.type === 'extended' ? 'disclosure:request:approve' : 'disclosure:request:update');
  return ctx.db.transaction().execute(async (tx) => {
    // 1. 范围与状态
    const req = await requestRepo.findVisible(tx, ctx.actor, id);
    if (!req) throw new AppError('NOT_FOUND');
    const rows = await requestRepo.events(tx, id);
    const before = await projectStored(tx, req, { trace: false });
    guardEvent(before, input, rows[rows.length - 1].occurred_on);
    // 2. 事件与文书编号
    const letter = LETTERS[input.type];
    let docNo: string | null = null;
    if (letter) {
      const year = Number(input.date.slice(0, 4));
      const n = await nextNumber(tx, req.unit_id, letter.kind, year);
      const unit = await unitRepo.findById(tx, req.unit_id);
      const prefix = (await tx.selectFrom('setting').select('value').where('key', '=', `disclosure.docPrefix.${req.unit_id}`).executeTakeFirst())?.value ?? unit!.code;
      docNo = `${prefix}${letter.word}〔${year}〕${n}号`;
    }
    const { type, date, ...payload } = input;
    await tx
      .insertInto('gi_request_event')
      .values({ request_id: id, seq: rows.length + 1, type, occurred_on: date, payload: JSON.stringify(payload), doc_no: docNo, created_at: nowIso(), created_by: ctx.actor.userId })
      .execute();
    // 3. 投影与审计
    const after = await projectStored(tx, req, { trace: false });
    await saveProjection(tx, id, after);
    await recordAudit(tx, ctx, {
      action: `disclosure:request:${type}`,
      entityType: 'gi_request',
      entityId: id,
      unitId: req.unit_id,
      summary: `${req.tracking_code}：${REQUEST_EVENTS[type]}${input.type === 'answered' ? `（${outcomeLabel(input.outcome, input.outcomeSub)}）` : ''}${docNo ? `，文号 ${docNo}` : ''}`,
      changes: {
        ...(before.state !== after.state ? { state: [before.state, after.state] } : {}),
        ...(before.due !== after.due ? { due_on: [before.due, after.due] } : {}),
        event: [null, { type, date, ...payload }],
      },
    });
    return { projection: after, docNo };
  });
}

/** Lists requests in scope with filters; `due=overdue|soon` gives the 逾期 and 即将到期 lists. */
export async function listRequests(
  ctx: Ctx,
  f: { unitId?: number; q?: string; state?: string; due?: 'overdue' | 'soon'; year?: number; outcome?: string; page: number; pageSize: number },
) {
  authorize(ctx.actor, 'disclosure:request:list');
  const today = todayCn();
  const soonLimit = (await unitCalendar(ctx.db, f.unitId ?? 0)).calendar.addWorkingDays(today, 5);
  const base = ctx.db
    .selectFrom('gi_request')
    .innerJoin('org_unit', 'org_unit.id', 'gi_request.unit_id')
    .where(scopeRequests(ctx.actor))
    .$if(!!f.unitId, (qb) => qb.where('gi_request.unit_id', '=', f.unitId!))
    .$if(!!f.q, (qb) => qb.where((eb) => eb.or([eb('gi_request.tracking_code', 'like', `%${f.q}%`), eb('gi_request.content', 'like', `%${f.q}%`), eb('gi_request.applicant_name', 'like', `%${f.q}%`)])))
    .$if(f.state === 'open', (qb) => qb.where('gi_request.state', '!=', 'closed'))
    .$if(!!f.state && f.state !== 'open', (qb) => qb.where('gi_request.state', '=', f.state!))
    .$if(f.due === 'overdue', (qb) => qb.where('gi_request.state', 'in', ['in_progress', 'consulting', 'awaiting_fee']).where('gi_request.due_on', '<', today))
    .$if(f.due === 'soon', (qb) => qb.where('gi_request.state', 'in', ['in_progress', 'consulting', 'awaiting_fee']).where('gi_request.due_on', '>=', today).where('gi_request.due_on', '<=', soonLimit))
    .$if(!!f.year, (qb) => qb.where('gi_request.received_on', '>=', `${f.year}-01-01`).where('gi_request.received_on', '<=', `${f.year}-12-31`))
    .$if(!!f.outcome, (qb) => qb.where('gi_request.outcome', '=', f.outcome!));
  const [items, total] = await Promise.all([
    base.selectAll('gi_request').select('org_unit.name as unit_name').orderBy('gi_request.received_on', 'desc').orderBy('gi_request.id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  const running = new Set(['in_progress', 'consulting', 'awaiting_fee']);
  // 逾期 / 即将到期（5个工作日内）标记，与 due=overdue|soon 的筛选口径一致
  const dueStatus = (r: { state: string; due_on: string | null }) => (!running.has(r.state) || !r.due_on ? null : r.due_on < today ? 'overdue' : r.due_on <= soonLimit ? 'soon' : null);
  return { items: items.map((r) => ({ ...r, dueStatus: dueStatus(r) })), total, today, soonLimit };
}

/** Counts for the home page: open, overdue and due within five working days, in scope. */
export async function requestCounters(ctx: Ctx) {
  authorize(ctx.actor, 'disclosure:request:list');
  const today = todayCn();
  const soon = (await unitCalendar(ctx.db, 0)).calendar.addWorkingDays(today, 5);
  const running = ['in_progress', 'consulting', 'awaiting_fee'];
  const r = await ctx.db
    .selectFrom('gi_request')
    .where(scopeRequests(ctx.actor))
    .select([
      sql<number>`sum(case when state != 'closed' then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when state in (${sql.join(running)}) and due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when state in (${sql.join(running)}) and due_on >= ${today} and due_on <= ${soon} then 1 else 0 end)`.as('soon'),
    ])
    .executeTakeFirstOrThrow();
  return { open: Number(r.open ?? 0), overdue: Number(r.overdue ?? 0), soon: Number(r.soon ?? 0), today };
}

/** What anyone holding the tracking code may see: no name, ID number, phone or address. */
export async function trackRequest(db: DbOrTx, code: string) {
  const req = await requestRepo.findByTracking(db, code.trim().toUpperCase());
  if (!req) throw new AppError('NOT_FOUND', { message: '未找到该查询码对应的申请，请核对后重试' });
  const unit = await unitRepo.findById(db, req.unit_id);
  const events = await requestRepo.events(db, req.id);
  const p = await projectStored(db, req, { trace: false });
  return {
    trackingCode: req.tracking_code,
    unitName: unit?.name ?? '',
    receivedOn: p.receivedOn,
    state: p.state,
    stateLabel: REQUEST_STATES[p.state],
    due: p.due,
    isExtended: p.isExtended,
    closedOn: p.closedOn,
    outcome: p.outcome,
    outcomeLabel: p.outcome ? outcomeLabel(p.outcome, p.outcomeSub) : null,
    steps: events.map((e) => ({ type: e.type, label: REQUEST_EVENTS[e.type as RequestEventType] ?? e.type, date: e.occurred_on, docNo: e.doc_no })),
  };
}

/** Recomputes the cached projection of the given requests (used when the calendar changes). */
export async function refreshRequestProjections(tx: Tx, ids: number[]) {
  for (const id of ids) {
    const req = await tx.selectFrom('gi_request').select(['id', 'unit_id']).where('id', '=', id).executeTakeFirst();
    if (req) await saveProjection(tx, id, await projectStored(tx, req, { trace: false }));
  }
}

