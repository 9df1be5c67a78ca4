/**
 * HTTP routes of the working-day calendar and deadline computation. Thin: validate → call the use-case → present.
 *
 * - years (platform configuration, `global`): list, one year, preview an import, import;
 * - unit overrides (`scoped` resource `calendar-override`): list, preview and create, preview and delete;
 * - a unit's calendar (`scoped` resource `calendar-unit`): view, 调休 setting, rule configuration;
 * - rules and computation for signed-in users (`calendar-deadline`: the unit's calendar, in the data scope);
 * - the public 期限计算器: `GET /api/public/deadline/rules`, `POST /api/public/deadline` (national calendar, no unit
 *   overrides, rate-limited per address).
 */
import type { FastifyPluginAsync } from 'fastify';
import { hitRateLimit } from '../../core/rate-limit';
import { IdParams } from '../org/org.schema';
import { typed } from '../../server/route';
import {
  ComputeSchema,
  OverrideCreateSchema,
  OverrideDeleteSchema,
  OverrideListQuery,
  PublicComputeSchema,
  RuleConfigSchema,
  RulesQuery,
  UnitSettingsSchema,
  YearImportSchema,
  YearParams,
  YearPreviewSchema,
} from './calendar.api.schema';
import {
  computeForActor,
  computePublic,
  createOverride,
  deleteOverride,
  getRulesForUnit,
  getUnitCalendar,
  getYear,
  importYear,
  listOverrides,
  listRulesForActor,
  listYears,
  previewOverrideCreate,
  previewOverrideDelete,
  previewUnitSettings,
  previewYearImport,
  setRuleConfig,
  setUnitCalendarSettings,
} from './calendar.service';
import { calendarRepo } from './calendar.repo';

/** Requests of the public calculator per address and minute. */
const PUBLIC_COMPUTE_PER_MINUTE = 30;

export const calendarRoutes: FastifyPluginAsync = async (app0) => {
  const app = typed(app0);
  const tags = ['工作日历与期限'];

  // —— 年度节假日安排（平台配置） ——
  app.get('/calendar/years', { config: { access: { kind: 'global', permission: 'calendar:deadline:view', resource: 'calendar-year', op: 'list' } }, schema: { tags, summary: '已导入的年度节假日安排' } }, async (req) => ({ items: await listYears(req.ctx) }));
  app.get('/calendar/years/:year', { config: { access: { kind: 'global', permission: 'calendar:deadline:view', resource: 'calendar-year', op: 'get' } }, schema: { tags, summary: '某年节假日安排全文', params: YearParams } }, async (req) => getYear(req.ctx, req.params.year));
  app.post('/calendar/years/preview', { config: { access: { kind: 'global', permission: 'calendar:year:manage', resource: 'calendar-year', op: 'action' } }, schema: { tags, summary: '预览导入：校验文件并列出将被调整的未结期限（不写入）', body: YearPreviewSchema } }, async (req) => previewYearImport(req.ctx, req.body.arrangement));
  app.post('/calendar/years', { config: { access: { kind: 'global', permission: 'calendar:year:manage', resource: 'calendar-year', op: 'create' } }, schema: { tags, summary: '导入或修改某年节假日安排（重新计算并刷新受影响的未结期限）', body: YearImportSchema } }, async (req) =>
    importYear(req.ctx, req.body.arrangement, { expectedMoved: req.body.expectedMoved }),
  );
  app.put('/calendar/rule-config', { config: { access: { kind: 'global', permission: 'calendar:year:manage', resource: 'calendar-rules', op: 'update' } }, schema: { tags, summary: '平台期限规则配置（{} 清除）', body: RuleConfigSchema } }, async (req) => setRuleConfig(req.ctx, null, req.body.config));

  // —— 单位节假日调整 ——
  app.get('/calendar/overrides', { config: { access: { kind: 'scoped', permission: 'calendar:deadline:view', resource: 'calendar-override', op: 'list' } }, schema: { tags, summary: '节假日调整（按数据权限）', querystring: OverrideListQuery } }, async (req) => ({ items: await listOverrides(req.ctx, req.query) }));
  app.post('/calendar/overrides/preview', { config: { access: { kind: 'scoped', permission: 'calendar:override:manage', resource: 'calendar-override', op: 'action' } }, schema: { tags, summary: '预览新增调整：列出将被调整的未结期限（不写入）', body: OverrideCreateSchema } }, async (req) => previewOverrideCreate(req.ctx, req.body));
  app.post('/calendar/overrides', { config: { access: { kind: 'scoped', permission: 'calendar:override:manage', resource: 'calendar-override', op: 'create' } }, schema: { tags, summary: '新增节假日调整（本单位及下级单位适用）', body: OverrideCreateSchema } }, async (req, reply) => reply.status(201).send(await createOverride(req.ctx, req.body)));
  app.post('/calendar/overrides/:id/delete-preview', { config: { access: { kind: 'scoped', permission: 'calendar:override:manage', resource: 'calendar-override', op: 'action' } }, schema: { tags, summary: '预览删除调整：列出将被调整的未结期限（不写入）', params: IdParams } }, async (req) => previewOverrideDelete(req.ctx, req.params.id));
  app.delete('/calendar/overrides/:id', { config: { access: { kind: 'scoped', permission: 'calendar:override:manage', resource: 'calendar-override', op: 'delete' } }, schema: { tags, summary: '删除节假日调整', params: IdParams, body: OverrideDeleteSchema } }, async (req) =>
    deleteOverride(req.ctx, req.params.id, { expectedMoved: req.body?.expectedMoved }),
  );

  // —— 单位日历设置 ——
  app.get('/calendar/units/:id', { config: { access: { kind: 'scoped', permission: 'calendar:deadline:view', resource: 'calendar-unit', op: 'get' } }, schema: { tags, summary: '单位日历：本单位与继承的调整、调休设置、规则配置', params: IdParams } }, async (req) => getUnitCalendar(req.ctx, req.params.id));
  app.post('/calendar/units/:id/settings/preview', { config: { access: { kind: 'scoped', permission: 'calendar:override:manage', resource: 'calendar-unit', op: 'action' } }, schema: { tags, summary: '预览调休设置的修改（不写入）', params: IdParams, body: UnitSettingsSchema } }, async (req) => previewUnitSettings(req.ctx, req.params.id, req.body));
  app.put('/calendar/units/:id/settings', { config: { access: { kind: 'scoped', permission: 'calendar:override:manage', resource: 'calendar-unit', op: 'update' } }, schema: { tags, summary: '设置是否执行调休上班（本单位及下级单位适用）', params: IdParams, body: UnitSettingsSchema } }, async (req) => setUnitCalendarSettings(req.ctx, req.params.id, req.body));
  app.put('/calendar/units/:id/rule-config', { config: { access: { kind: 'scoped', permission: 'calendar:override:manage', resource: 'calendar-unit', op: 'update' } }, schema: { tags, summary: '本单位及下级单位的期限规则配置（{} 清除）', params: IdParams, body: RuleConfigSchema } }, async (req) => setRuleConfig(req.ctx, req.params.id, req.body.config));

  // —— 期限计算（登录用户：按单位日历） ——
  app.get('/calendar/rules', { config: { access: { kind: 'scoped', permission: 'calendar:deadline:view', resource: 'calendar-deadline', op: 'list' } }, schema: { tags, summary: '期限规则（含本单位适用的配置）', querystring: RulesQuery } }, async (req) => ({ items: await listRulesForActor(req.ctx, req.query.unitId) }));
  app.post('/calendar/deadline', { config: { access: { kind: 'scoped', permission: 'calendar:deadline:view', resource: 'calendar-deadline', op: 'action' } }, schema: { tags, summary: '计算期限并给出逐日计算过程', body: ComputeSchema } }, async (req) => computeForActor(req.ctx, req.body));

  // —— 门户：期限计算器（无需登录） ——
  app.get('/public/deadline/rules', { config: { access: { kind: 'public' } }, schema: { tags: ['门户'], summary: '期限计算器：规则与已导入的年度' } }, async (req) => {
    const [rules, years] = await Promise.all([getRulesForUnit(req.ctx.db, null), calendarRepo.listYears(req.ctx.db)]);
    return { items: rules, years: years.map((y) => ({ year: y.year, status: y.status, title: y.source_title })) };
  });
  app.post('/public/deadline', { config: { access: { kind: 'public' } }, schema: { tags: ['门户'], summary: '期限计算器：按全国节假日安排计算期限与计算过程', body: PublicComputeSchema } }, async (req) => {
    await hitRateLimit(req.ctx.db, `public-deadline:${req.ip}`, PUBLIC_COMPUTE_PER_MINUTE, 60_000, '计算过于频繁，请稍后再试');
    return computePublic(req.ctx.db, req.body);
  });
};
