/**
 * Routes of 政务公开: the staff ledger and workflow under /api/disclosure, the portal under /api/public/disclosure.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { docxHeaders } from '../../core/docx';
import { sendXlsx, toXlsx } from '../../core/excel';
import { APPLICANT_TYPES, CHANNELS, outcomeLabel, PROACTIVE_CATEGORIES, REQUEST_STATES, type Outcome } from '../../shared/disclosure';
import { typed } from '../../server/route';
import {
  ProactiveCreateSchema,
  ProactiveListQuery,
  ProactivePublishSchema,
  PortalRequestSchema,
  ReportQuery,
  ReportSaveSchema,
  RequestCreateSchema,
  RequestEventSchema,
  RequestListQuery,
  ReviewCaseSchema,
} from './disclosure.schema';
import { requestLetterDocx } from './letters';
import { createProactiveItem, getProactiveItem, listProactiveItems, listPublishedItems, publishProactiveItem } from './proactive.service';
import { approveReport, computeReport, getReportVersion, listPublishedReports, listReportVersions, publishReport, reportDocx, reportScope, saveReportVersion } from './report.service';
import { table3CellRecords, T3_COLUMNS, T3_ROWS } from './report.tables';
import { appendRequestEvent, createRequest, fileOnlineRequest, getRequest, listRequests, requestCounters, trackRequest } from './request.service';
import { createReviewCase, getReviewCase, listReviewCases } from './review.service';
import { formatTrace } from '../calendar';

const Id = z.object({ id: z.coerce.number().int().positive() });
const scoped = (permission: string, resource: string, op: 'list' | 'get' | 'create' | 'update' | 'export') => ({ access: { kind: 'scoped' as const, permission, resource, op } });

export const disclosureRoutes: FastifyPluginAsync = async (app0) => {
  const app = typed(app0);
  const tags = ['政务公开'];

  // —— 主动公开 ——
  app.get('/disclosure/proactive', { config: scoped('disclosure:proactive:list', 'gi-proactive', 'list'), schema: { tags, summary: '主动公开台账（format=xlsx 按筛选导出）', querystring: ProactiveListQuery } }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      const { items } = await listProactiveItems(req.ctx, { ...req.query, page: 1, pageSize: 100_000 });
      const buf = await toXlsx('主动公开', [
        { header: '索引号', value: (i) => i.index_no, width: 22 },
        { header: '标题', value: (i) => i.title, width: 40 },
        { header: '公开类别', value: (i) => PROACTIVE_CATEGORIES[i.category as keyof typeof PROACTIVE_CATEGORIES] ?? i.category, width: 30 },
        { header: '单位', value: (i) => i.unit_name, width: 24 },
        { header: '形成/变更日期', value: (i) => i.formed_on, width: 14 },
        { header: '公开期限', value: (i) => i.due_on, width: 14 },
        { header: '公开日期', value: (i) => i.published_on ?? '', width: 14 },
        { header: '是否逾期', value: (i) => (i.late ? '逾期' : ''), width: 10 },
        { header: '公开渠道', value: (i) => i.channel ?? '', width: 16 },
      ], items, '主动公开政府信息台账');
      return sendXlsx(reply, '主动公开台账.xlsx', buf);
    }
    return listProactiveItems(req.ctx, req.query);
  });
  app.post('/disclosure/proactive', { config: scoped('disclosure:proactive:create', 'gi-proactive', 'create'), schema: { tags, summary: '登记主动公开条目', body: ProactiveCreateSchema } }, async (req, reply) => reply.status(201).send(await createProactiveItem(req.ctx, req.body)));
  app.get('/disclosure/proactive/:id', { config: scoped('disclosure:proactive:list', 'gi-proactive', 'get'), schema: { tags, summary: '主动公开条目（含公开期限的计算过程）', params: Id } }, async (req) => {
    const { item, due } = await getProactiveItem(req.ctx, req.params.id);
    return { item, due, trace: formatTrace(due) };
  });
  app.post('/disclosure/proactive/:id/publish', { config: scoped('disclosure:proactive:update', 'gi-proactive', 'update'), schema: { tags, summary: '公开', params: Id, body: ProactivePublishSchema } }, async (req) => {
    await publishProactiveItem(req.ctx, req.params.id, req.body);
    return { ok: true };
  });

  // —— 依申请公开 ——
  app.get('/disclosure/requests', { config: scoped('disclosure:request:list', 'gi-request', 'list'), schema: { tags, summary: '依申请公开台账（due=overdue 逾期、soon 即将到期；format=xlsx 导出）', querystring: RequestListQuery } }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      const { items } = await listRequests(req.ctx, { ...req.query, page: 1, pageSize: 100_000 });
      const buf = await toXlsx('依申请公开', [
        { header: '查询码', value: (r) => r.tracking_code, width: 20 },
        { header: '受理单位', value: (r) => r.unit_name, width: 24 },
        { header: '申请人类型', value: (r) => APPLICANT_TYPES[r.applicant_type as keyof typeof APPLICANT_TYPES] ?? r.applicant_type },
        { header: '申请人', value: (r) => r.applicant_name, width: 16 },
        { header: '提交渠道', value: (r) => CHANNELS[r.channel as keyof typeof CHANNELS] ?? r.channel, width: 18 },
        { header: '申请内容', value: (r) => r.content, width: 40 },
        { header: '收到申请之日', value: (r) => r.received_on, width: 14 },
        { header: '状态', value: (r) => REQUEST_STATES[r.state as keyof typeof REQUEST_STATES] ?? r.state },
        { header: '答复期限', value: (r) => r.due_on ?? '', width: 14 },
        { header: '答复日期', value: (r) => r.closed_on ?? '', width: 14 },
        { header: '办理结果', value: (r) => (r.outcome ? outcomeLabel(r.outcome as Outcome, r.outcome_sub) : ''), width: 30 },
      ], items, '依申请公开台账');
      return sendXlsx(reply, '依申请公开台账.xlsx', buf);
    }
    return listRequests(req.ctx, req.query);
  });
  app.get('/disclosure/requests/counters', { config: scoped('disclosure:request:list', 'gi-request', 'list'), schema: { tags, summary: '办理中、逾期、即将到期（5个工作日内）件数' } }, async (req) => requestCounters(req.ctx));
  app.post('/disclosure/requests', { config: scoped('disclosure:request:create', 'gi-request', 'create'), schema: { tags, summary: '登记依申请公开（收到申请之日按第三十一条确定）', body: RequestCreateSchema } }, async (req, reply) => {
    const r = await createRequest(req.ctx, req.body);
    return reply.status(201).send({ id: r.id, trackingCode: r.trackingCode, receivedOn: r.projection.receivedOn, due: r.projection.due });
  });
  app.get('/disclosure/requests/:id', { config: scoped('disclosure:request:list', 'gi-request', 'get'), schema: { tags, summary: '申请详情：事件、状态与答复期限的逐日计算', params: Id } }, async (req) => {
    const { request, events, projection } = await getRequest(req.ctx, req.params.id);
    const unit = await req.ctx.db.selectFrom('org_unit').select('name').where('id', '=', request.unit_id).executeTakeFirst();
    return { request: { ...request, unit_name: unit?.name ?? '' }, events: events.map((e) => ({ ...e, payload: JSON.parse(e.payload) })), projection, trace: projection.reply ? formatTrace(projection.reply) : [] };
  });
  // 路由只要求能看到申请；具体步骤的权限在服务层按步骤判断（延期须 disclosure:request:approve，其余须 disclosure:request:update）
  app.post('/disclosure/requests/:id/events', { config: scoped('disclosure:request:list', 'gi-request', 'update'), schema: { tags, summary: '办理一个步骤（补正、征求意见、答复等须 disclosure:request:update；延期须 disclosure:request:approve）', params: Id, body: RequestEventSchema } }, async (req) => appendRequestEvent(req.ctx, req.params.id, req.body));
  app.get('/disclosure/requests/:id/letters/:seq', { config: scoped('disclosure:request:list', 'gi-request', 'get'), schema: { tags, summary: '下载文书（.docx）', params: z.object({ id: z.coerce.number().int().positive(), seq: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    const { filename, data } = await requestLetterDocx(req.ctx, req.params.id, req.params.seq);
    return reply.headers(docxHeaders(filename)).send(data);
  });

  // —— 复议、诉讼 ——
  app.get('/disclosure/reviews', { config: scoped('disclosure:review:list', 'gi-review', 'list'), schema: { tags, summary: '政府信息公开行政复议、行政诉讼案件', querystring: z.object({ unitId: z.coerce.number().int().positive().optional(), year: z.coerce.number().int().optional() }) } }, async (req) => ({ items: await listReviewCases(req.ctx, req.query) }));
  app.post('/disclosure/reviews', { config: scoped('disclosure:review:create', 'gi-review', 'create'), schema: { tags, summary: '登记复议/诉讼案件', body: ReviewCaseSchema } }, async (req, reply) => reply.status(201).send(await createReviewCase(req.ctx, req.body)));
  app.get('/disclosure/reviews/:id', { config: scoped('disclosure:review:list', 'gi-review', 'get'), schema: { tags, summary: '案件详情', params: Id } }, async (req) => getReviewCase(req.ctx, req.params.id));

  // —— 年度报告 ——
  app.get('/disclosure/report', { config: scoped('disclosure:report:view', 'gi-report', 'list'), schema: { tags, summary: '计算年度报告表格（rollup=1 汇总本单位及以下）', querystring: ReportQuery.extend({ rollup: z.enum(['0', '1']).default('0') }) } }, async (req) => computeReport(req.ctx, req.query.unitId, req.query.year, req.query.rollup === '1'));
  app.get(
    '/disclosure/report/cell',
    {
      config: scoped('disclosure:report:view', 'gi-report', 'list'),
      schema: { tags, summary: '表三单元格背后的申请记录', querystring: ReportQuery.extend({ rollup: z.enum(['0', '1']).default('0'), row: z.enum(T3_ROWS.map((r) => r.key) as [string, ...string[]]), col: z.enum(T3_COLUMNS) }) },
    },
    async (req) => {
      const { scope } = await reportScope(req.ctx, req.query.unitId, req.query.year, req.query.rollup === '1');
      return { items: await table3CellRecords(req.ctx.db, scope, req.query.row, req.query.col) };
    },
  );
  app.get('/disclosure/report/versions', { config: scoped('disclosure:report:view', 'gi-report', 'list'), schema: { tags, summary: '报告版本', querystring: ReportQuery } }, async (req) => ({ items: await listReportVersions(req.ctx, req.query.unitId, req.query.year) }));
  app.post('/disclosure/report/versions', { config: scoped('disclosure:report:update', 'gi-report', 'create'), schema: { tags, summary: '保存新版本（文字部分 + 表格快照）', body: ReportSaveSchema } }, async (req, reply) => reply.status(201).send(await saveReportVersion(req.ctx, req.body)));
  app.get('/disclosure/report/versions/:id', { config: scoped('disclosure:report:view', 'gi-report', 'get'), schema: { tags, summary: '某一版本', params: Id } }, async (req) => getReportVersion(req.ctx.db, req.params.id, { ctx: req.ctx }));
  app.get('/disclosure/report/versions/:id/docx', { config: scoped('disclosure:report:view', 'gi-report', 'get'), schema: { tags, summary: '导出 .docx', params: Id } }, async (req, reply) => {
    const r = await getReportVersion(req.ctx.db, req.params.id, { ctx: req.ctx });
    return reply.headers(docxHeaders(`${r.title}.docx`)).send(await reportDocx(r));
  });
  app.post('/disclosure/report/versions/:id/approve', { config: scoped('disclosure:report:approve', 'gi-report', 'update'), schema: { tags, summary: '审核通过', params: Id } }, async (req) => {
    await approveReport(req.ctx, req.params.id);
    return { ok: true };
  });
  app.post('/disclosure/report/versions/:id/publish', { config: scoped('disclosure:report:approve', 'gi-report', 'update'), schema: { tags, summary: '发布到门户', params: Id } }, async (req) => publishReport(req.ctx, req.params.id));

  // —— 门户（无需登录；不含任何个人信息） ——
  const pub = { access: { kind: 'public' as const } };
  const ptags = ['门户'];
  app.get('/public/disclosure/units', { config: pub, schema: { tags: ptags, summary: '可受理政府信息公开申请的机关' } }, async (req) => ({
    items: await req.ctx.db.selectFrom('org_unit').select(['id', 'name', 'unit_type']).where('status', '=', 'active').where('unit_type', 'in', ['district', 'department', 'township', 'street', 'regiment', 'office']).orderBy('depth').orderBy('sort_order').execute(),
  }));
  app.get('/public/disclosure/proactive', { config: pub, schema: { tags: ptags, summary: '已主动公开的政府信息', querystring: z.object({ unitId: z.coerce.number().int().positive().optional(), q: z.string().trim().max(64).optional(), category: z.string().max(16).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }) } }, async (req) => listPublishedItems(req.ctx.db, req.query));
  app.post('/public/disclosure/requests', { config: pub, bodyLimit: 64 * 1024, schema: { tags: ptags, summary: '在线提交政府信息公开申请（返回查询码）', body: PortalRequestSchema } }, async (req, reply) => {
    const r = await fileOnlineRequest(req.ctx, req.body);
    return reply.status(201).send({ trackingCode: r.trackingCode, receivedOn: r.projection.receivedOn, due: r.projection.due });
  });
  app.get('/public/disclosure/requests/:code', { config: pub, schema: { tags: ptags, summary: '凭查询码查看办理进度', params: z.object({ code: z.string().trim().min(6).max(32) }) } }, async (req) => trackRequest(req.ctx.db, req.params.code));
  app.get('/public/disclosure/reports', { config: pub, schema: { tags: ptags, summary: '已发布的政府信息公开工作年度报告' } }, async (req) => ({ items: await listPublishedReports(req.ctx.db) }));
  app.get('/public/disclosure/reports/:id', { config: pub, schema: { tags: ptags, summary: '年度报告全文与表格', params: Id } }, async (req) => {
    const r = await getReportVersion(req.ctx.db, req.params.id, { publishedOnly: true });
    return { id: r.id, unitName: r.unit_name, year: r.year, title: r.title, publishedAt: r.published_at, sections: r.sections, tables: r.tables };
  });
  app.get('/public/disclosure/reports/:id/docx', { config: pub, schema: { tags: ptags, summary: '下载年度报告（.docx）', params: Id } }, async (req, reply) => {
    const r = await getReportVersion(req.ctx.db, req.params.id, { publishedOnly: true });
    return reply.headers(docxHeaders(`${r.title}.docx`)).send(await reportDocx(r));
  });
};
