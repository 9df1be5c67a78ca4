/**
 * HTTP routes of units, users and roles. Thin: validate → call the use-case → present.
 */
import type { FastifyPluginAsync } from 'fastify';
import { sendXlsx, toXlsx } from '../../core/excel';
import { UNIT_TYPES } from '../../shared/permissions';
import { typed } from '../../server/route';
import {
  IdParams,
  ResetPasswordSchema,
  RoleCreateSchema,
  RoleUpdateSchema,
  StatusSchema,
  UnitCreateSchema,
  UnitListQuery,
  UnitMoveSchema,
  UnitUpdateSchema,
  UserCreateSchema,
  UserListQuery,
  UserUpdateSchema,
} from './org.schema';
import { createRole, deleteRole, getRole, listRoles, updateRole } from './role.service';
import { createUnit, getUnit, getUnitHistory, listUnits, moveUnit, setUnitStatus, updateUnit } from './unit.service';
import { createUser, getUser, listUsers, resetUserPassword, setUserStatus, updateUser } from './user.service';

const unitView = (u: Awaited<ReturnType<typeof getUnit>>) => ({
  id: u.id,
  parentId: u.parent_id,
  path: u.path,
  depth: u.depth,
  code: u.code,
  name: u.name,
  unitType: u.unit_type,
  sortOrder: u.sort_order,
  status: u.status,
  remark: u.remark,
  createdAt: u.created_at,
  updatedAt: u.updated_at,
});

export const orgRoutes: FastifyPluginAsync = async (app0) => {
  const app = typed(app0);
  const tags = ['单位与用户'];

  // —— 单位 ——
  app.get('/units', { config: { access: { kind: 'scoped', permission: 'org:unit:list', resource: 'unit', op: 'list' } }, schema: { tags, summary: '单位列表（按数据权限）', querystring: UnitListQuery } }, async (req, reply) => {
    const units = await listUnits(req.ctx, req.query);
    if (req.query.format === 'xlsx') {
      const byId = new Map(units.map((u) => [u.id, u]));
      const buf = await toXlsx('单位', [
        { header: '单位编码', value: (u) => u.code, width: 16 },
        { header: '单位名称', value: (u) => u.name, width: 28 },
        { header: '单位类型', value: (u) => UNIT_TYPES[u.unit_type as keyof typeof UNIT_TYPES] ?? u.unit_type, width: 18 },
        { header: '上级单位', value: (u) => (u.parent_id ? byId.get(u.parent_id)?.name ?? '' : ''), width: 28 },
        { header: '状态', value: (u) => (u.status === 'active' ? '正常' : '停用') },
        { header: '排序', value: (u) => u.sort_order },
      ], units);
      return sendXlsx(reply, '单位列表.xlsx', buf);
    }
    return { items: units.map(unitView) };
  });
  app.get('/units/:id', { config: { access: { kind: 'scoped', permission: 'org:unit:list', resource: 'unit', op: 'get' } }, schema: { tags, summary: '单位详情', params: IdParams } }, async (req) => unitView(await getUnit(req.ctx, req.params.id)));
  app.get('/units/:id/history', { config: { access: { kind: 'scoped', permission: 'org:unit:list', resource: 'unit', op: 'get' } }, schema: { tags, summary: '单位变更历史', params: IdParams } }, async (req) => ({
    items: (await getUnitHistory(req.ctx, req.params.id)).map((h) => ({ id: h.id, action: h.action, changedAt: h.changed_at, changedBy: h.changed_by, snapshot: unitView(h.snapshot) })),
  }));
  app.post('/units', { config: { access: { kind: 'scoped', permission: 'org:unit:create', resource: 'unit', op: 'create' } }, schema: { tags, summary: '新增单位', body: UnitCreateSchema } }, async (req, reply) => reply.status(201).send(unitView(await createUnit(req.ctx, req.body))));
  app.patch('/units/:id', { config: { access: { kind: 'scoped', permission: 'org:unit:update', resource: 'unit', op: 'update' } }, schema: { tags, summary: '修改单位', params: IdParams, body: UnitUpdateSchema } }, async (req) => unitView(await updateUnit(req.ctx, req.params.id, req.body)));
  app.post('/units/:id/move', { config: { access: { kind: 'scoped', permission: 'org:unit:move', resource: 'unit', op: 'update' } }, schema: { tags, summary: '移动单位', params: IdParams, body: UnitMoveSchema } }, async (req) => unitView(await moveUnit(req.ctx, req.params.id, req.body.parentId)));
  app.post('/units/:id/status', { config: { access: { kind: 'scoped', permission: 'org:unit:disable', resource: 'unit', op: 'update' } }, schema: { tags, summary: '停用/启用单位', params: IdParams, body: StatusSchema } }, async (req) => unitView(await setUnitStatus(req.ctx, req.params.id, req.body.status)));

  // —— 用户 ——
  app.get('/users', { config: { access: { kind: 'scoped', permission: 'org:user:list', resource: 'user', op: 'list' } }, schema: { tags, summary: '用户列表（按数据权限）', querystring: UserListQuery } }, async (req, reply) => {
    if (req.query.format === 'xlsx') {
      const { items } = await listUsers(req.ctx, { ...req.query, page: 1, pageSize: 100_000 });
      const buf = await toXlsx('用户', [
        { header: '用户名', value: (u) => u.username, width: 16 },
        { header: '姓名', value: (u) => u.displayName, width: 12 },
        { header: '所属单位', value: (u) => u.unitName, width: 28 },
        { header: '角色', value: (u) => u.roles.map((r) => r.name).join('、'), width: 28 },
        { header: '状态', value: (u) => (u.status === 'active' ? '正常' : '停用') },
        { header: '最近登录', value: (u) => u.lastLoginAt ?? '', width: 22 },
      ], items);
      return sendXlsx(reply, '用户列表.xlsx', buf);
    }
    return listUsers(req.ctx, req.query);
  });
  app.get('/users/:id', { config: { access: { kind: 'scoped', permission: 'org:user:list', resource: 'user', op: 'get' } }, schema: { tags, summary: '用户详情', params: IdParams } }, async (req) => getUser(req.ctx, req.params.id));
  app.post('/users', { config: { access: { kind: 'scoped', permission: 'org:user:create', resource: 'user', op: 'create' } }, schema: { tags, summary: '新增用户（不填密码则返回一次性密码）', body: UserCreateSchema } }, async (req, reply) => reply.status(201).send(await createUser(req.ctx, req.body)));
  app.patch('/users/:id', { config: { access: { kind: 'scoped', permission: 'org:user:update', resource: 'user', op: 'update' } }, schema: { tags, summary: '修改用户', params: IdParams, body: UserUpdateSchema } }, async (req) => updateUser(req.ctx, req.params.id, req.body));
  app.post('/users/:id/status', { config: { access: { kind: 'scoped', permission: 'org:user:disable', resource: 'user', op: 'update' } }, schema: { tags, summary: '停用/启用用户（停用即结束其全部会话）', params: IdParams, body: StatusSchema } }, async (req) => setUserStatus(req.ctx, req.params.id, req.body.status));
  app.post('/users/:id/reset-password', { config: { access: { kind: 'scoped', permission: 'org:user:reset-password', resource: 'user', op: 'update' } }, schema: { tags, summary: '管理员重置密码', params: IdParams, body: ResetPasswordSchema } }, async (req) => resetUserPassword(req.ctx, req.params.id, req.body.password));

  // —— 角色 ——
  app.get('/roles', { config: { access: { kind: 'global', permission: 'org:role:list', resource: 'role', op: 'list' } }, schema: { tags, summary: '角色列表' } }, async (req) => ({ items: await listRoles(req.ctx) }));
  app.get('/roles/:id', { config: { access: { kind: 'global', permission: 'org:role:list', resource: 'role', op: 'get' } }, schema: { tags, summary: '角色详情', params: IdParams } }, async (req) => getRole(req.ctx, req.params.id));
  app.post('/roles', { config: { access: { kind: 'global', permission: 'org:role:create', resource: 'role', op: 'create' } }, schema: { tags, summary: '新增角色', body: RoleCreateSchema } }, async (req, reply) => reply.status(201).send(await createRole(req.ctx, req.body)));
  app.patch('/roles/:id', { config: { access: { kind: 'global', permission: 'org:role:update', resource: 'role', op: 'update' } }, schema: { tags, summary: '修改角色', params: IdParams, body: RoleUpdateSchema } }, async (req) => updateRole(req.ctx, req.params.id, req.body));
  app.delete('/roles/:id', { config: { access: { kind: 'global', permission: 'org:role:delete', resource: 'role', op: 'delete' } }, schema: { tags, summary: '删除角色', params: IdParams } }, async (req, reply) => {
    await deleteRole(req.ctx, req.params.id);
    return reply.status(204).send();
  });
};

