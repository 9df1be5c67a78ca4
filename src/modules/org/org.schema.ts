/**
 * Request schemas of units, users and roles. Shared with the web forms: import only zod and `shared/` here.
 */
import { z } from 'zod';
import { DATA_SCOPES, UNIT_TYPES } from '../../shared/permissions';

const id = z.coerce.number().int().positive();
const status = z.enum(['active', 'disabled']);

export const UnitCode = z
  .string()
  .trim()
  .min(1, '请填写单位编码')
  .max(64, '单位编码不能超过 64 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '单位编码只能包含字母、数字、下划线、点和连字符');

export const UnitCreateSchema = z.object({
  parentId: id.nullable().describe('上级单位；为空表示根单位'),
  code: UnitCode,
  name: z.string().trim().min(1, '请填写单位名称').max(128, '单位名称不能超过 128 个字符'),
  unitType: z.enum(Object.keys(UNIT_TYPES) as [keyof typeof UNIT_TYPES, ...(keyof typeof UNIT_TYPES)[]]),
  sortOrder: z.coerce.number().int().min(0).max(99999).default(0),
  remark: z.string().max(500, '备注不能超过 500 个字符').nullish(),
});
export type UnitCreateInput = z.infer<typeof UnitCreateSchema>;

export const UnitUpdateSchema = UnitCreateSchema.omit({ parentId: true }).partial();
export type UnitUpdateInput = z.infer<typeof UnitUpdateSchema>;

export const UnitMoveSchema = z.object({ parentId: id.describe('新的上级单位') });
export const StatusSchema = z.object({ status });

export const UnitListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  status: status.optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export const Username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(64, '用户名不能超过 64 个字符')
  .regex(/^[A-Za-z0-9_.@-]+$/, '用户名只能包含字母、数字和 _ . @ -');

export const UserCreateSchema = z.object({
  username: Username,
  displayName: z.string().trim().min(1, '请填写姓名').max(64, '姓名不能超过 64 个字符'),
  unitId: id,
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, '电话号码格式不正确').nullish(),
  roleIds: z.array(id).max(20).default([]),
  password: z.string().min(1).max(128).optional().describe('不填则生成一次性密码'),
});
export type UserCreateInput = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = UserCreateSchema.omit({ username: true, password: true }).partial();
export type UserUpdateInput = z.infer<typeof UserUpdateSchema>;

export const UserListQuery = z.object({
  unitId: id.optional(),
  q: z.string().trim().max(64).optional(),
  status: status.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export const ResetPasswordSchema = z.object({ password: z.string().min(1).max(128).optional() });

const scopeCodes = Object.keys(DATA_SCOPES) as [keyof typeof DATA_SCOPES, ...(keyof typeof DATA_SCOPES)[]];
export const RoleCreateSchema = z.object({
  code: z.string().trim().min(2, '角色编码至少 2 个字符').max(64).regex(/^[a-z0-9_-]+$/, '角色编码只能包含小写字母、数字、_ 和 -'),
  name: z.string().trim().min(1, '请填写角色名称').max(64),
  dataScope: z.enum(scopeCodes),
  permissions: z.array(z.string().regex(/^(\*|[a-z*-]+:[a-z*-]+:[a-z*-]+)$/, '权限字符串格式为 模块:资源:操作')).max(200),
  customUnitIds: z.array(id).max(1000).default([]),
  sortOrder: z.coerce.number().int().min(0).default(0),
  remark: z.string().max(500).nullish(),
});
export type RoleCreateInput = z.infer<typeof RoleCreateSchema>;
export const RoleUpdateSchema = RoleCreateSchema.omit({ code: true }).partial().extend({ status: status.optional().describe('停用的角色不再授予任何权限和数据范围') });
export type RoleUpdateInput = z.infer<typeof RoleUpdateSchema>;

export const IdParams = z.object({ id });
