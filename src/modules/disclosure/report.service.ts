/**
 * The 政府信息公开工作年度报告: computed tables, staff-written text sections, versions, approval, publication,
 * .docx export. Due dates come from the deadline engine: departments publish by 1月31日, governments by
 * 3月31日 (《政府信息公开条例》第四十九条, domain-rules 2.4.1–2.4.2).
 */
import { authorize, type Ctx } from '../../core/context';
import { todayCn } from '../../core/dates';
import { nowIso, type DbOrTx } from '../../core/db/database';
import type { OrgUnit } from '../../core/db/schema';
import { renderOfficialDocx, type DocBlock } from '../../core/docx';
import { AppError } from '../../core/errors';
import { APPLICANT_TYPES } from '../../shared/disclosure';
import { T3_NOTE } from '../../shared/gi-format';
import { computeDeadline, getRule } from '../calendar';
import { diffChanges, recordAudit } from '../audit/audit.service';
import { unitRepo } from '../org/org.repo';
import { unitCalendar } from './disclosure.calendar';
import type { ReportSaveInput } from './disclosure.schema';
import { scopeReports } from './disclosure.repo';
import { computeGiTables, T2_COLUMN_LABELS, T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMN_LABELS, T4_COLUMNS, T4_GROUPS, type GiTables, type ReportScope } from './report.tables';

/** A government (人民政府) reports by 3月31日; everything else, as a department, by 1月31日. */
export const reportKindOf = (unit: OrgUnit): 'government' | 'department' => (['district', 'township', 'regiment'].includes(unit.unit_type) ? 'government' : 'department');

/** Resolves the report scope for a unit the actor may see. */
export async function reportScope(ctx: Ctx, unitId: number, year: number, rollup = false): Promise<{ scope: ReportScope; unit: OrgUnit }> {
  authorize(ctx.actor, 'disclosure:report:view');
  const unit = await unitRepo.findVisible(ctx.db, ctx.actor, unitId);
  if (!unit) throw new AppError('NOT_FOUND', { message: '单位不存在或不在您的数据权限范围内' });
  return { scope: { actor: ctx.actor, unitId: unit.id, unitPath: unit.path, year, rollup }, unit };
}

/** The publication due date of the report, with the rule's trace. */
export async function reportDue(db: DbOrTx, unit: OrgUnit, year: number) {
  const { calendar, rules } = await unitCalendar(db, unit.id);
  const rule = getRule(reportKindOf(unit) === 'government' ? 'gi-report.government-publish' : 'gi-report.department-publish', rules);
  return computeDeadline({ rule, start: String(year), calendar });
}

/** Computes the tables for a unit and year (roll-up: the unit and everything below it). */
export async function computeReport(ctx: Ctx, unitId: number, year: number, rollup = false) {
  const { scope, unit } = await reportScope(ctx, unitId, year, rollup);
  const tables = await computeGiTables(ctx.db, scope);
  const due = await reportDue(ctx.db, unit, year);
  return { unit: { id: unit.id, code: unit.code, name: unit.name }, year, rollup, reportKind: reportKindOf(unit), due: due.due, dueRule: due.ruleId, ...tables };
}

/** Saves a new version of the report: the text sections plus a snapshot of the computed tables. */
export async function saveReportVersion(ctx: Ctx, input: ReportSaveInput) {
  authorize(ctx.actor, 'disclosure:report:update');
  const { scope, unit } = await reportScope(ctx, input.unitId, input.year);
  const tables = await computeGiTables(ctx.db, scope);
  return ctx.db.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('gi_report').select(['version', 'status']).where('unit_id', '=', unit.id).where('year', '=', input.year).orderBy('version', 'desc').executeTakeFirst();
    const version = (last?.version ?? 0) + 1;
    const { id } = await tx
      .insertInto('gi_report')
      .values({ unit_id: unit.id, year: input.year, version, report_kind: input.reportKind, status: 'draft', title: input.title, sections: JSON.stringify(input.sections), tables: JSON.stringify(tables), created_at: nowIso(), created_by: ctx.actor.userId, approved_at: null, approved_by: null, published_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'disclosure:report:update', entityType: 'gi_report', entityId: id, unitId: unit.id, summary: `保存${input.year}年度政府信息公开工作年度报告第 ${version} 版`, changes: diffChanges(null, { version, title: input.title }) });
    return { id, version, identitiesHold: tables.identities.every((i) => i.holds) };
  });
}

async function reportForWrite(ctx: Ctx, id: number) {
  const r = await ctx.db.selectFrom('gi_report').selectAll().where('id', '=', id).where(scopeReports(ctx.actor)).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

/** Approves a draft version (a broken identity blocks approval). */
export async function approveReport(ctx: Ctx, id: number) {
  authorize(ctx.actor, 'disclosure:report:approve');
  const r = await reportForWrite(ctx, id);
  if (r.status !== 'draft') throw new AppError('INVALID_STATE', { message: '只有草稿可以审核通过' });
  const broken = (JSON.parse(r.tables) as GiTables).identities.filter((i) => !i.holds);
  if (broken.length) throw new AppError('INVALID_STATE', { message: `报告表格有 ${broken.length} 处勾稽关系不成立，不能审核通过：${broken[0].description}` });
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('gi_report').set({ status: 'approved', approved_at: nowIso(), approved_by: ctx.actor.userId }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'disclosure:report:approve', entityType: 'gi_report', entityId: id, unitId: r.unit_id, summary: `审核通过${r.year}年度政府信息公开工作年度报告第 ${r.version} 版`, changes: { status: ['draft', 'approved'] } });
  });
}

/** Publishes an approved version on the portal (a later publication of the same year replaces it there). */
export async function publishReport(ctx: Ctx, id: number) {
  authorize(ctx.actor, 'disclosure:report:approve');
  const r = await reportForWrite(ctx, id);
  if (r.status !== 'approved') throw new AppError('INVALID_STATE', { message: '报告须先审核通过才能发布' });
  const unit = (await unitRepo.findById(ctx.db, r.unit_id))!;
  const due = await reportDue(ctx.db, unit, r.year);
  const today = todayCn();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('gi_report').set({ status: 'published', published_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'disclosure:report:publish',
      entityType: 'gi_report',
      entityId: id,
      unitId: r.unit_id,
      summary: `发布${r.year}年度政府信息公开工作年度报告第 ${r.version} 版${today > due.due ? `（晚于 ${due.due} 的法定期限）` : ''}`,
      changes: { status: ['approved', 'published'] },
    });
  });
  return { late: today > due.due, due: due.due };
}

/** Versions of a unit's report for a year. */
export async function listReportVersions(ctx: Ctx, unitId: number, year: number) {
  await reportScope(ctx, unitId, year);
  return ctx.db.selectFrom('gi_report').select(['id', 'version', 'status', 'title', 'report_kind', 'created_at', 'approved_at', 'published_at']).where('unit_id', '=', unitId).where('year', '=', year).where(scopeReports(ctx.actor)).orderBy('version', 'desc').execute();
}

/** A stored version (sections and the table snapshot). */
export async function getReportVersion(db: DbOrTx, id: number, opts: { ctx?: Ctx; publishedOnly?: boolean }) {
  const q = db.selectFrom('gi_report').innerJoin('org_unit', 'org_unit.id', 'gi_report.unit_id').selectAll('gi_report').select('org_unit.name as unit_name').where('gi_report.id', '=', id);
  const r = opts.ctx ? await q.where(scopeReports(opts.ctx.actor)).executeTakeFirst() : await q.where('gi_report.status', '=', 'published').executeTakeFirst();
  if (!r || (opts.publishedOnly && r.status !== 'published')) throw new AppError('NOT_FOUND');
  return { ...r, sections: JSON.parse(r.sections) as ReportSaveInput['sections'], tables: JSON.parse(r.tables) as GiTables };
}

/** The published reports for the portal (latest published version per unit and year). */
export async function listPublishedReports(db: DbOrTx) {
  const rows = await db
    .selectFrom('gi_report')
    .innerJoin('org_unit', 'org_unit.id', 'gi_report.unit_id')
    .select(['gi_report.id', 'gi_report.unit_id', 'gi_report.year', 'gi_report.version', 'gi_report.title', 'gi_report.published_at', 'org_unit.name as unit_name'])
    .where('gi_report.status', '=', 'published')
    .orderBy('gi_report.year', 'desc')
    .orderBy('gi_report.version', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(`${r.unit_id}:${r.year}`) ? false : (seen.add(`${r.unit_id}:${r.year}`), true)));
}

/** The report as a GB/T 9704 .docx with the three national tables. */
export async function reportDocx(report: Awaited<ReturnType<typeof getReportVersion>>): Promise<Buffer> {
  const t = report.tables;
  const para = (text: string) => text.split(/\n+/).map((s) => s.trim()).filter(Boolean);
  const body: DocBlock[] = [
    { heading1: '一、总体情况' },
    ...para(report.sections.overview),
    { heading1: '二、主动公开政府信息情况' },
    {
      table: {
        header: [['第二十条第（一）项'], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']],
        rows: T2_ROWS.filter((r) => r.block === '第二十条第（一）项').map((r) => [r.label, t.table2[r.key].issued, t.table2[r.key].repealed, t.table2[r.key].valid]),
      },
    },
    ...T2_ROWS.filter((r) => r.block !== '第二十条第（一）项').map((r): DocBlock => ({ table: { header: [[r.block], ['信息内容', T2_COLUMN_LABELS[r.columns[0]]]], rows: [[r.label, t.table2[r.key][r.columns[0]]]] } })),
    { heading1: '三、收到和处理政府信息公开申请情况' },
    {
      table: {
        header: [[T3_NOTE, ...Object.values(APPLICANT_TYPES), '总计']],
        rows: T3_ROWS.map((r) => [r.label, ...T3_COLUMNS.map((c) => t.table3[r.key][c])]),
      },
    },
    { heading1: '四、政府信息公开行政复议、行政诉讼情况' },
    {
      table: {
        header: [T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `${g.label}${T4_COLUMN_LABELS[c]}`))],
        rows: [T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => t.table4[g.key][c]))],
      },
    },
    { heading1: '五、存在的主要问题及改进情况' },
    ...para(report.sections.problems),
    { heading1: '六、其他需要报告的事项' },
    ...para(report.sections.other),
  ];
  return renderOfficialDocx({ title: report.title, body, issuer: report.unit_name, date: (report.published_at ?? report.approved_at ?? report.created_at).slice(0, 10) });
}
