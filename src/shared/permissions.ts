/**
 * Permission strings (`module:resource:action`) and the built-in roles. Shared by the server (authorization)
 * and the web app (menu and button gating). `*` matches any one segment; a lone `*` matches everything.
 */
export const PERMISSIONS = {
  'org:unit:list': '查看单位',
  'org:unit:create': '新增单位',
  'org:unit:update': '修改单位',
  'org:unit:move': '移动单位',
  'org:unit:disable': '停用/启用单位',
  'org:user:list': '查看用户',
  'org:user:create': '新增用户',
  'org:user:update': '修改用户',
  'org:user:disable': '停用/启用用户',
  'org:user:reset-password': '重置密码',
  'org:role:list': '查看角色',
  'org:role:create': '新增角色',
  'org:role:update': '修改角色',
  'org:role:delete': '删除角色',
  'audit:event:list': '查看操作日志',
  'audit:event:export': '导出操作日志',
  'audit:event:verify': '校验操作日志',
  'auth:token:manage': '管理本人接口令牌',
  'auth:login-log:list': '查看登录日志',
  'calendar:year:manage': '维护工作日历',
  'calendar:override:manage': '维护本单位及下级单位的节假日调整',
  'calendar:deadline:view': '期限计算',
  'checker:report:check': '年度报告审查',
  'disclosure:proactive:list': '查看主动公开台账',
  'disclosure:proactive:create': '登记主动公开',
  'disclosure:proactive:update': '修改/公开主动公开条目',
  'disclosure:request:list': '查看依申请公开',
  'disclosure:request:create': '登记依申请公开',
  'disclosure:request:update': '办理依申请公开（补正、征求意见、答复）',
  'disclosure:request:approve': '批准延长答复期限',
  'disclosure:request:export': '导出依申请公开台账',
  'disclosure:review:list': '查看政府信息公开复议诉讼',
  'disclosure:review:create': '登记政府信息公开复议诉讼',
  'disclosure:report:view': '查看政府信息公开年度报告',
  'disclosure:report:update': '编写政府信息公开年度报告',
  'disclosure:report:approve': '审核、发布政府信息公开年度报告',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const DATA_SCOPES = {
  all: '全部数据',
  custom: '自定数据',
  unit: '本单位数据',
  unit_and_below: '本单位及以下数据',
  self: '仅本人数据',
} as const;
export type DataScopeCode = keyof typeof DATA_SCOPES;

export interface BuiltinRole {
  code: string;
  name: string;
  dataScope: DataScopeCode;
  permissions: string[];
  remark: string;
}

/** The roles shipped with Fazhi. Administrators may add more; built-in ones cannot be deleted. */
export const BUILTIN_ROLES: BuiltinRole[] = [
  { code: 'admin', name: '系统管理员', dataScope: 'all', permissions: ['*'], remark: '全部权限' },
  {
    code: 'supervisor',
    name: '依法治区办',
    dataScope: 'unit_and_below',
    permissions: ['org:unit:list', 'org:user:list', 'org:role:list', 'audit:event:list', 'audit:event:export', 'calendar:deadline:view', 'checker:report:check', '*:*:list', '*:*:view', '*:*:approve', '*:*:export', '*:report:*'],
    remark: '督办：查看本单位及以下全部台账，审核汇总',
  },
  {
    code: 'unit_admin',
    name: '单位管理员/法治联络员',
    dataScope: 'unit_and_below',
    permissions: ['auth:token:manage', 'auth:login-log:list', 'org:unit:list', 'org:unit:create', 'org:unit:update', 'org:unit:move', 'org:unit:disable', 'org:user:list', 'org:user:create', 'org:user:update', 'org:user:disable', 'org:user:reset-password', 'org:role:list', 'audit:event:list', 'calendar:deadline:view', 'calendar:override:manage', 'checker:report:check', '*:*:list', '*:*:view', '*:*:create', '*:*:update', '*:*:export', '*:report:*'],
    remark: '管理本单位及下属单位的用户和台账',
  },
  {
    code: 'clerk',
    name: '经办人',
    dataScope: 'unit',
    permissions: ['org:unit:list', 'calendar:deadline:view', 'checker:report:check', 'auth:token:manage', '*:*:list', '*:*:view', '*:*:create', '*:*:update', '*:*:export'],
    remark: '录入和办理本单位台账',
  },
  {
    code: 'officer',
    name: '执法人员',
    dataScope: 'self',
    permissions: ['org:unit:list', 'calendar:deadline:view', 'enforcement:*:list', 'enforcement:*:view', 'enforcement:*:create', 'enforcement:*:update'],
    remark: '本人承办的执法案件',
  },
  {
    code: 'reviewer',
    name: '法律顾问/审核人员',
    dataScope: 'unit_and_below',
    permissions: ['org:unit:list', 'calendar:deadline:view', 'checker:report:check', '*:*:list', '*:*:view', '*:*:review', 'legal-review:*:*'],
    remark: '合法性审查、法制审核',
  },
  {
    code: 'leader',
    name: '领导',
    dataScope: 'unit_and_below',
    permissions: ['org:unit:list', 'org:user:list', 'calendar:deadline:view', 'checker:report:check', '*:*:list', '*:*:view', '*:*:approve', '*:*:export', '*:report:view'],
    remark: '查阅和审批',
  },
];

/**
 * Platform modules. A `*` in the module segment (`*:*:list`) stands for the work lines only and never matches
 * these: accounts, roles, audit and platform settings are granted by name (or by the lone `*` of 系统管理员).
 */
export const SYSTEM_MODULES = new Set(['org', 'auth', 'audit', 'calendar', 'system']);

/** Whether `granted` (possibly with `*` segments) covers `wanted`. */
export function permissionMatches(granted: string, wanted: string): boolean {
  if (granted === '*' || granted === wanted) return true;
  const g = granted.split(':');
  const w = wanted.split(':');
  if (g.length !== w.length) return false;
  if (g[0] === '*' && SYSTEM_MODULES.has(w[0])) return false;
  return g.every((seg, i) => seg === '*' || seg === w[i]);
}

/** Whether any of `granted` covers `wanted`. */
export function hasPermission(granted: Iterable<string>, wanted: string): boolean {
  for (const g of granted) if (permissionMatches(g, wanted)) return true;
  return false;
}

export const UNIT_TYPES = {
  district: '区（县）人民政府',
  office: '议事协调机构办公室',
  department: '政府部门',
  township: '乡镇',
  street: '街道',
  regiment: '团场',
  village: '村（社区）',
  other: '其他',
} as const;
export type UnitTypeCode = keyof typeof UNIT_TYPES;
