/**
 * The public portal's API (no sign-in). Work lines add their public sections here.
 */
import type { FastifyPluginAsync } from 'fastify';
import { typed } from '../../server/route';

export const portalRoutes: FastifyPluginAsync = async (app0) => {
  const app = typed(app0);
  app.get('/public/site', { config: { access: { kind: 'public' } }, schema: { tags: ['门户'], summary: '门户站点信息' } }, async (req) => {
    const root = await req.ctx.db.selectFrom('org_unit').select(['name']).where('parent_id', 'is', null).where('status', '=', 'active').orderBy('id').executeTakeFirst();
    const setting = await req.ctx.db.selectFrom('setting').select('value').where('key', '=', 'portal.title').executeTakeFirst();
    return {
      title: setting?.value ?? (root ? `${root.name}法治政府建设` : '法治政府建设'),
      sections: [
        { key: 'normative-docs', title: '现行有效规范性文件', available: false },
        { key: 'enforcement', title: '行政执法公示', available: false },
        { key: 'reports', title: '法治政府建设年度报告', available: false },
        { key: 'disclosure', title: '政府信息公开', available: true },
        { key: 'deadline', title: '期限计算器', available: true },
      ],
    };
  });
};
