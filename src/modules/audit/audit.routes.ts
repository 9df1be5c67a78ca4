/**
 * Browsing, exporting and verifying the audit log (操作日志).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/context';
import { sendXlsx, toXlsx } from '../../core/excel';
import { typed } from '../../server/route';
import { auditRepo } from './audit.repo';
import { verifyAuditChain } from './audit.verify';

const Query = z.object({
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}/, '日期格式为 YYYY-MM-DD').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}/, '日期格式为 YYYY-MM-DD').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(['json', 'xlsx']).default('json'),
});

/** One row per changed field, as 字段/修改前/修改后 (RuoYi 操作日志 style). */
const changeLines = (changes: string) =>
  Object.entries(JSON.parse(changes) as Record<string, [unknown, unknown]>)
    .map(([k, [a, b]]) => `${k}：${JSON.stringify(a)} → ${JSON.stringify(b)}`)
    .join('\n');

export const auditRoutes: FastifyPluginAsync = async (app0) => {
  const app = typed(app0);
  const tags = ['操作日志'];
  app.get('/audit/events', { config: { access: { kind: 'scoped', permission: 'audit:event:list', resource: 'audit', op: 'list' } }, schema: { tags, summary: '操作日志（按数据权限；format=xlsx 导出）', querystring: Query } }, async (req, reply) => {
    const q = req.query;
    if (q.format === 'xlsx') {
      authorize(req.ctx.actor, 'audit:event:export');
      const [rows] = await auditRepo.list(req.ctx.db, req.ctx.actor, q, 100_000, 0);
      const buf = await toXlsx('操作日志', [
        { header: '序号', value: (r) => r.seq, width: 8 },
        { header: '时间(UTC)', value: (r) => r.occurred_at, width: 26 },
        { header: '操作人', value: (r) => r.actor_name, width: 14 },
        { header: '单位', value: (r) => r.unit_name ?? '', width: 24 },
        { header: 'IP', value: (r) => r.ip ?? '', width: 16 },
        { header: '操作', value: (r) => r.action, width: 24 },
        { header: '对象', value: (r) => `${r.entity_type}#${r.entity_id ?? ''}`, width: 16 },
        { header: '摘要', value: (r) => r.summary, width: 40 },
        { header: '字段变更（修改前 → 修改后）', value: (r) => changeLines(r.changes), width: 60 },
      ], rows, '操作日志');
      return sendXlsx(reply, '操作日志.xlsx', buf);
    }
    const [rows, total] = await auditRepo.list(req.ctx.db, req.ctx.actor, q, q.pageSize, (q.page - 1) * q.pageSize);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        seq: r.seq,
        occurredAt: r.occurred_at,
        actorUserId: r.actor_user_id,
        actorName: r.actor_name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        ip: r.ip,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        summary: r.summary,
        changes: JSON.parse(r.changes) as Record<string, [unknown, unknown]>,
      })),
    };
  });
  app.get('/audit/verify', { config: { access: { kind: 'global', permission: 'audit:event:verify', resource: 'audit-chain', op: 'action' } }, schema: { tags, summary: '校验操作日志哈希链' } }, async (req) => verifyAuditChain(req.ctx.db));
};
