/**
 * Labels for the permission tree of 角色管理: module and resource names. Permissions themselves come from
 * PERMISSIONS in src/shared/permissions.ts; a work line that adds permissions there may add its module/resource
 * labels here (unknown ones show their code).
 */
import type { ReactNode } from 'react';
import { PERMISSIONS, permissionMatches } from '../../shared/permissions';

export const MODULE_LABELS: Record<string, string> = {
  org: '组织机构',
  audit: '操作日志',
  auth: '登录与令牌',
  calendar: '工作日历与期限',
  checker: '年度报告审查',
  disclosure: '政府信息公开',
};

export const RESOURCE_LABELS: Record<string, string> = {
  'org:unit': '单位',
  'org:user': '用户',
  'org:role': '角色',
  'audit:event': '操作日志',
  'auth:token': '接口令牌',
  'auth:login-log': '登录日志',
  'calendar:year': '年度日历',
  'calendar:deadline': '期限计算',
  'checker:report': '报告审查',
  'calendar:override': '节假日调整',
  'disclosure:proactive': '主动公开',
  'disclosure:request': '依申请公开',
  'disclosure:review': '复议诉讼',
  'disclosure:report': '信息公开年报',
};

export interface PermNode {
  key: string;
  title: ReactNode;
  code?: string;
  children?: PermNode[];
  disableCheckbox?: boolean;
}

/** module → resource → permission, in the order of PERMISSIONS. Leaf keys are the permission strings. */
export function permissionTree(): PermNode[] {
  const modules: PermNode[] = [];
  for (const [perm, label] of Object.entries(PERMISSIONS)) {
    const [m, r] = perm.split(':');
    let mod = modules.find((x) => x.key === `m:${m}`);
    if (!mod) modules.push((mod = { key: `m:${m}`, title: MODULE_LABELS[m] ?? m, children: [] }));
    let res = mod.children!.find((x) => x.key === `r:${m}:${r}`);
    if (!res) mod.children!.push((res = { key: `r:${m}:${r}`, title: RESOURCE_LABELS[`${m}:${r}`] ?? r, children: [] }));
    res.children!.push({ key: perm, title: label, code: perm });
  }
  return modules;
}

export const KNOWN_PERMISSIONS = new Set(Object.keys(PERMISSIONS));

/** The known permissions that `wildcards` (strings with `*`) cover. */
export function coveredBy(wildcards: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of KNOWN_PERMISSIONS) {
    const w = wildcards.find((g) => permissionMatches(g, p));
    if (w) out.set(p, w);
  }
  return out;
}

/** A short readable form of a permission string. */
export const permissionLabel = (p: string) => (PERMISSIONS as Record<string, string>)[p] ?? p;
