/**
 * The ledger of 行政复议 and 行政诉讼 cases about disclosure (table 4 of the GI report).
 */
import { authorize, type Ctx } from '../../core/context';
import { nowIso } from '../../core/db/database';
import { AppError, fieldError } from '../../core/errors';
import { diffChanges, recordAudit } from '../audit/audit.service';
import { requireWritableUnit } from '../org/org.repo';
import type { ReviewCaseInput } from './disclosure.schema';
import { requestRepo, scopeReviewCases } from './disclosure.repo';

/** Registers a case. */
export async function createReviewCase(ctx: Ctx, input: ReviewCaseInput) {
  authorize(ctx.actor, 'disclosure:review:create');
  if (input.closedOn && input.closedOn < input.filedOn) throw fieldError('closedOn', '审结日期不能早于立案日期');
  if (input.result !== 'pending' && !input.closedOn) throw fieldError('closedOn', '已有结果的案件须填写审结日期');
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await requireWritableUnit(tx, ctx.actor, input.unitId);
    if (input.requestId && !(await requestRepo.findVisible(tx, ctx.actor, input.requestId))) throw fieldError('requestId', '关联的申请不存在');
    const now = nowIso();
    const values = { unit_id: unit.id, request_id: input.requestId ?? null, kind: input.kind, case_no: input.caseNo, filed_on: input.filedOn, result: input.result, closed_on: input.closedOn ?? null, remark: input.remark ?? null };
    const { id } = await tx.insertInto('gi_review_case').values({ ...values, created_at: now, created_by: ctx.actor.userId, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'disclosure:review:create', entityType: 'gi_review_case', entityId: id, unitId: unit.id, summary: `登记政府信息公开${input.kind === 'reconsideration' ? '行政复议' : '行政诉讼'}案件 ${input.caseNo}`, changes: diffChanges(null, values) });
    return { id };
  });
}

/** Lists cases in scope. */
export async function listReviewCases(ctx: Ctx, f: { unitId?: number; year?: number }) {
  authorize(ctx.actor, 'disclosure:review:list');
  return ctx.db
    .selectFrom('gi_review_case')
    .innerJoin('org_unit', 'org_unit.id', 'gi_review_case.unit_id')
    .selectAll('gi_review_case')
    .select('org_unit.name as unit_name')
    .where(scopeReviewCases(ctx.actor))
    .$if(!!f.unitId, (qb) => qb.where('gi_review_case.unit_id', '=', f.unitId!))
    .$if(!!f.year, (qb) => qb.where('gi_review_case.filed_on', '>=', `${f.year}-01-01`).where('gi_review_case.filed_on', '<=', `${f.year}-12-31`))
    .orderBy('gi_review_case.filed_on', 'desc')
    .execute();
}

/** One case in scope. */
export async function getReviewCase(ctx: Ctx, id: number) {
  authorize(ctx.actor, 'disclosure:review:list');
  const c = await ctx.db.selectFrom('gi_review_case').selectAll().where('id', '=', id).where(scopeReviewCases(ctx.actor)).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}
