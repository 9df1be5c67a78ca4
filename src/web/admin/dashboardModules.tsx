/**
 * The cards of the 首页 dashboard's 业务模块 area — ONE registry. A work line that ships a module sets
 * `path` (an /admin route from ./menu.tsx) and `available: true`, and may add a `Widget` (a small component that
 * loads its own numbers, e.g. “本月到期 3 件”) shown inside the card. `permission` hides the card from users who
 * cannot use the module.
 */
import type { ComponentType, ReactNode } from 'react';
import { AuditOutlined, BookOutlined, CalendarOutlined, FileDoneOutlined, FileSearchOutlined, ProfileOutlined, SafetyOutlined } from '@ant-design/icons';
import DisclosureWidget from '../disclosure/DisclosureWidget';

export interface DashboardModule {
  key: string;
  title: string;
  description: string;
  icon: ReactNode;
  color: string;
  permission?: string;
  path?: string;
  available: boolean;
  Widget?: ComponentType;
}

export const DASHBOARD_MODULES: DashboardModule[] = [
  { key: 'ledger', title: '工作台账', description: '规范性文件、重大决策、执法案件等台账录入与督办', icon: <BookOutlined />, color: '#1890ff', available: false },
  { key: 'deadline', title: '法定期限', description: '按工作日历计算和提醒复议、诉讼、答复期限', icon: <CalendarOutlined />, color: '#13c2c2', permission: 'calendar:deadline:view', path: 'calendar/deadline', available: true },
  { key: 'enforcement', title: '行政执法', description: '执法主体、人员、事项与执法决定公示', icon: <SafetyOutlined />, color: '#fa8c16', available: false },
  { key: 'legal-review', title: '合法性审查', description: '规范性文件与重大决策合法性审查流程', icon: <AuditOutlined />, color: '#722ed1', available: false },
  { key: 'disclosure', title: '政务公开', description: '依申请公开办理、主动公开台账与政府信息公开工作年度报告', icon: <ProfileOutlined />, color: '#2e7d32', permission: 'disclosure:request:list', path: '/admin/disclosure/requests', available: true, Widget: DisclosureWidget },
  { key: 'report', title: '年度报告', description: '法治政府建设年度报告编写、汇总与公开', icon: <FileDoneOutlined />, color: '#eb2f96', available: false },
  { key: 'checker', title: '报告审查', description: '对照要点自动审查年度报告的完整性与时限', icon: <FileSearchOutlined />, color: '#52c41a', permission: 'checker:report:check', available: false },
];
