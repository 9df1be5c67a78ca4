/**
 * Readable names of audit actions, entity types and changed fields for 操作日志. A work line whose services
 * record new actions adds them here (unknown ones show their code).
 */
export const ACTION_LABELS: Record<string, string> = {
  'org:unit:create': '新增单位',
  'org:unit:update': '修改单位',
  'org:unit:move': '移动单位',
  'org:unit:disable': '停用/启用单位',
  'org:user:create': '新增用户',
  'org:user:update': '修改用户',
  'org:user:disable': '停用/启用用户',
  'org:user:reset-password': '重置密码',
  'org:role:create': '新增角色',
  'org:role:update': '修改角色',
  'org:role:delete': '删除角色',
  'auth:password:change': '修改本人密码',
  'auth:token:create': '创建接口令牌',
  'auth:token:revoke': '吊销接口令牌',
  'calendar:year:import': '导入/修改年度节假日安排',
  'calendar:override:create': '新增节假日调整',
  'calendar:override:delete': '删除节假日调整',
  'calendar:unit:configure': '设置是否执行调休',
  'calendar:rules:configure': '配置期限规则',
};

export const ENTITY_LABELS: Record<string, string> = {
  unit: '单位',
  user: '用户',
  role: '角色',
  api_token: '接口令牌',
  'calendar-year': '年度节假日安排',
  'calendar-override': '节假日调整',
  'calendar-unit': '单位工作日历',
  'calendar-rules': '期限规则配置',
};

export const FIELD_LABELS: Record<string, string> = {
  code: '编码',
  name: '名称',
  unit_type: '单位类型',
  unitType: '单位类型',
  sort_order: '排序',
  sortOrder: '排序',
  status: '状态',
  remark: '备注',
  parent_id: '上级单位',
  parentId: '上级单位',
  path: '路径',
  username: '用户名',
  display_name: '姓名',
  displayName: '姓名',
  unit_id: '单位',
  unitId: '单位',
  phone: '手机号码',
  role_ids: '角色',
  roleIds: '角色',
  password: '密码',
  data_scope: '数据范围',
  dataScope: '数据范围',
  permissions: '权限',
  custom_unit_ids: '自定单位',
  customUnitIds: '自定单位',
  revoked_at: '吊销时间',
  holidays: '放假安排',
  statutoryDays: '法定节日天数',
  moved_deadlines: '随之调整的期限',
  ignores_adjusted_workdays: '不执行调休上班',
  rule_config: '期限规则配置',
};

export const actionLabel = (a: string) => ACTION_LABELS[a] ?? a;
export const entityLabel = (e: string) => ENTITY_LABELS[e] ?? e;
export const fieldLabel = (f: string) => FIELD_LABELS[f] ?? f;
