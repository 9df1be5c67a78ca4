/**
 * Use-cases of the 主动公开 ledger. Each item's deadline is 20 working days from the day the information was
 * formed or changed (《政府信息公开条例》第二十六条, domain-rules 2.1.1), from the deadline engine.
 */
import { sql } from 'kysely';
import { authorize, type Ctx } from '../../core/context';
import { todayCn } from '../../core/dates';
import { nowIso, type DbOrTx } from '../../core/db/database';
import { AppError, fieldError } from '../../core/errors';
import { computeDeadline, getRule } from '../calendar';
import { diffChanges, recordAudit } from '../audit/audit.service';
import { requireWritableUnit } from '../org/org.repo';
import { unitCalendar } from './disclosure.calendar';
import type { ProactiveCreateInput } from './disclosure.schema';
import { scopeProactiveItems } from './disclosure.repo';

/** 公开期限：信息形成或者变更之日起20个工作日内 (第二十六条). */
export async function proactiveDue(db: DbOrTx, unitId: number, formedOn: string) {
  const { calendar, rules } = await unitCalendar(db, unitId);
  return computeDeadline({ rule: getRule('proactive.publish', rules), start: formedOn, calendar });
}

/** Registers an item (published at once when `publishedOn` is given). */
export async function createProactiveItem(ctx: Ctx, input: ProactiveCreateInput) {
  authorize(ctx.actor, 'disclosure:proactive:create');
  if (input.formedOn > todayCn()) throw fieldError('formedOn', '信息形成日期不能晚于今天');
  if (input.publishedOn && input.publishedOn > todayCn()) throw fieldError('publishedOn', '公开日期不能晚于今天');
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await requireWritableUnit(tx, ctx.actor, input.unitId);
    const dup = await tx.selectFrom('gi_proactive_item').select('id').where('unit_id', '=', unit.id).where('index_no', '=', input.indexNo).executeTakeFirst();
    if (dup) throw new AppError('CONFLICT', { message: `索引号 ${input.indexNo} 已存在`, fields: [{ field: 'indexNo', message: '索引号已存在' }] });
    const due = (await proactiveDue(tx, unit.id, input.formedOn)).due;
    const now = nowIso();
    const values = {
      unit_id: unit.id,
      title: input.title,
      index_no: input.indexNo,
      category: input.category,
      table2_kind: input.table2Kind ?? null,
      table2_amount: input.table2Amount ?? null,
      formed_on: input.formedOn,
      published_on: input.publishedOn ?? null,
      channel: input.channel ?? null,
      url: input.url ?? null,
      summary: input.summary ?? null,
      status: (input.publishedOn ? 'published' : 'draft') as 'published' | 'draft',
      due_on: due,
      is_late: input.publishedOn && input.publishedOn > due ? 1 : 0,
    };
    const { id } = await tx.insertInto('gi_proactive_item').values({ ...values, created_at: now, created_by: ctx.actor.userId, updated_at: now, updated_by: ctx.actor.userId }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'disclosure:proactive:create', entityType: 'gi_proactive_item', entityId: id, unitId: unit.id, summary: `登记主动公开 ${input.indexNo}《${input.title}》，公开期限 ${due}`, changes: diffChanges(null, values) });
    return { id, due };
  });
}

/** Publishes a draft item (late if after its 20-working-day deadline). */
export async function publishProactiveItem(ctx: Ctx, id: number, input: { publishedOn: string; channel?: string | null; url?: string | null }) {
  authorize(ctx.actor, 'disclosure:proactive:update');
  if (input.publishedOn > todayCn()) throw fieldError('publishedOn', '公开日期不能晚于今天');
  return ctx.db.transaction().execute(async (tx) => {
    const item = await tx.selectFrom('gi_proactive_item').selectAll().where('id', '=', id).where(scopeProactiveItems(ctx.actor)).executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND');
    if (item.status !== 'draft') throw new AppError('INVALID_STATE', { message: '只有未公开的条目可以公开' });
    if (input.publishedOn < item.formed_on) throw fieldError('publishedOn', '公开日期不能早于信息形成日期');
    const patch = { status: 'published' as const, published_on: input.publishedOn, channel: input.channel ?? item.channel, url: input.url ?? item.url, is_late: input.publishedOn > item.due_on ? 1 : 0 };
    await tx.updateTable('gi_proactive_item').set({ ...patch, updated_at: nowIso(), updated_by: ctx.actor.userId }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'disclosure:proactive:update', entityType: 'gi_proactive_item', entityId: id, unitId: item.unit_id, summary: `公开 ${item.index_no}《${item.title}》${patch.is_late ? `（超过期限 ${item.due_on}）` : ''}`, changes: diffChanges(item, patch) });
  });
}

export interface ProactiveFilter {
  unitId?: number;
  q?: string;
  category?: string;
  status?: string;
  late?: '1' | '0';
  year?: number;
  page: number;
  pageSize: number;
}

/** Lists the ledger in scope. An unpublished item is late once today is past its deadline. */
export async function listProactiveItems(ctx: Ctx, f: ProactiveFilter) {
  authorize(ctx.actor, 'disclosure:proactive:list');
  const today = todayCn();
  const late = sql<number>`case when coalesce(gi_proactive_item.published_on, ${today}) > gi_proactive_item.due_on then 1 else 0 end`;
  const base = ctx.db
    .selectFrom('gi_proactive_item')
    .innerJoin('org_unit', 'org_unit.id', 'gi_proactive_item.unit_id')
    .where(scopeProactiveItems(ctx.actor))
    .$if(!!f.unitId, (qb) => qb.where('gi_proactive_item.unit_id', '=', f.unitId!))
    .$if(!!f.q, (qb) => qb.where((eb) => eb.or([eb('gi_proactive_item.title', 'like', `%${f.q}%`), eb('gi_proactive_item.index_no', 'like', `%${f.q}%`)])))
    .$if(!!f.category, (qb) => qb.where('gi_proactive_item.category', '=', f.category!))
    .$if(!!f.status, (qb) => qb.where('gi_proactive_item.status', '=', f.status as 'draft'))
    .$if(f.late === '1', (qb) => qb.where(late, '=', 1))
    .$if(f.late === '0', (qb) => qb.where(late, '=', 0))
    .$if(!!f.year, (qb) => qb.where('gi_proactive_item.formed_on', '>=', `${f.year}-01-01`).where('gi_proactive_item.formed_on', '<=', `${f.year}-12-31`));
  const [items, total] = await Promise.all([
    base.selectAll('gi_proactive_item').select(['org_unit.name as unit_name', late.as('late')]).orderBy('gi_proactive_item.formed_on', 'desc').orderBy('gi_proactive_item.id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return { items: items.map((i) => ({ ...i, late: Number(i.late) === 1 })), total };
}

/** The portal's list: published items only, with search and filters, no sign-in. */
export async function listPublishedItems(db: DbOrTx, f: { unitId?: number; q?: string; category?: string; page: number; pageSize: number }) {
  const base = db
    .selectFrom('gi_proactive_item')
    .innerJoin('org_unit', 'org_unit.id', 'gi_proactive_item.unit_id')
    .where('gi_proactive_item.status', '=', 'published')
    .$if(!!f.unitId, (qb) => qb.where('gi_proactive_item.unit_id', '=', f.unitId!))
    .$if(!!f.q, (qb) => qb.where((eb) => eb.or([eb('gi_proactive_item.title', 'like', `%${f.q}%`), eb('gi_proactive_item.index_no', 'like', `%${f.q}%`)])))
    .$if(!!f.category, (qb) => qb.where('gi_proactive_item.category', '=', f.category!));
  const [items, total] = await Promise.all([
    base
      .select(['gi_proactive_item.id', 'gi_proactive_item.title', 'gi_proactive_item.index_no', 'gi_proactive_item.category', 'gi_proactive_item.published_on', 'gi_proactive_item.formed_on', 'gi_proactive_item.url', 'gi_proactive_item.summary', 'org_unit.name as unit_name'])
      .orderBy('gi_proactive_item.published_on', 'desc')
      .orderBy('gi_proactive_item.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return { items, total };
}

/** One ledger item in scope. */
export async function getProactiveItem(ctx: Ctx, id: number) {
  authorize(ctx.actor, 'disclosure:proactive:list');
  const item = await ctx.db.selectFrom('gi_proactive_item').selectAll().where('id', '=', id).where(scopeProactiveItems(ctx.actor)).executeTakeFirst();
  if (!item) throw new AppError('NOT_FOUND');
  const due = await proactiveDue(ctx.db, item.unit_id, item.formed_on);
  return { item, due };
}
