/**
 * The admin menu and its routes — ONE registry. A work line adds its pages here:
 *
 *   1. put the page in src/web/<module>/SomePage.tsx (default export, a React component);
 *   2. add a group to MENU_GROUPS if it needs a new top-level folder (e.g. { key: 'ledger', label: '台账管理', icon: <BookOutlined />, order: 20 });
 *   3. add an entry to MENU: { path: 'ledger/normative-docs', label: '规范性文件', icon: <FileTextOutlined />,
 *        permission: 'normative:doc:list', group: 'ledger', order: 10, component: lazy(() => import('../normative/DocsPage')) }.
 *
 * The page is then routed at /admin/<path>, shown in the side menu only to users holding `permission`
 * (matched with `hasPermission`, so wildcards work), and gets a breadcrumb. `hidden: true` routes a page without a
 * menu item (detail pages such as 'ledger/normative-docs/:id'; they inherit the menu highlight of `activeMenu`).
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  KeyOutlined,
  LoginOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';

export interface MenuGroup {
  key: string;
  label: string;
  icon: ReactNode;
  /** Position among top-level items (entries without a group use their own `order`). */
  order: number;
}

export interface MenuEntry {
  /** Route under /admin ('' is the dashboard). Also the menu key. */
  path: string;
  label: string;
  icon?: ReactNode;
  /** Permission needed to see and open the page; none = every signed-in user. */
  permission?: string;
  /** Key of a MENU_GROUPS folder; none = top-level item. */
  group?: string;
  order?: number;
  /** Routed but not shown in the menu (detail pages). */
  hidden?: boolean;
  /** For hidden pages: the menu path to highlight. */
  activeMenu?: string;
  component: LazyExoticComponent<ComponentType>;
}

export const MENU_GROUPS: MenuGroup[] = [
  { key: 'disclosure', label: '政务公开', icon: <ProfileOutlined />, order: 30 },
  { key: 'calendar', label: '工作日历与期限', icon: <CalendarOutlined />, order: 60 },
  { key: 'system', label: '系统管理', icon: <SettingOutlined />, order: 80 },
  { key: 'log', label: '日志审计', icon: <AuditOutlined />, order: 90 },
  { key: 'profile', label: '个人中心', icon: <UserOutlined />, order: 100 },
];

export const MENU: MenuEntry[] = [
  { path: '', label: '首页', icon: <DashboardOutlined />, order: 0, component: lazy(() => import('./Dashboard')) },

  { path: 'disclosure/requests', label: '依申请公开', icon: <SolutionOutlined />, permission: 'disclosure:request:list', group: 'disclosure', order: 10, component: lazy(() => import('../disclosure/RequestsPage')) },
  { path: 'disclosure/requests/:id', label: '申请详情', permission: 'disclosure:request:list', group: 'disclosure', hidden: true, activeMenu: 'disclosure/requests', component: lazy(() => import('../disclosure/RequestDetailPage')) },
  { path: 'disclosure/proactive', label: '主动公开', icon: <NotificationOutlined />, permission: 'disclosure:proactive:list', group: 'disclosure', order: 20, component: lazy(() => import('../disclosure/ProactivePage')) },
  { path: 'disclosure/reviews', label: '复议诉讼', icon: <BankOutlined />, permission: 'disclosure:review:list', group: 'disclosure', order: 30, component: lazy(() => import('../disclosure/ReviewsPage')) },
  { path: 'disclosure/report', label: '年度报告', icon: <BarChartOutlined />, permission: 'disclosure:report:view', group: 'disclosure', order: 40, component: lazy(() => import('../disclosure/ReportPage')) },

  { path: 'checker', label: '报告审查', icon: <FileSearchOutlined />, permission: 'checker:report:check', order: 50, component: lazy(() => import('../checker/CheckerPage')) },

  { path: 'calendar/deadline', label: '期限计算', icon: <CalculatorOutlined />, permission: 'calendar:deadline:view', group: 'calendar', order: 10, component: lazy(() => import('../calendar/CalculatorPage')) },
  { path: 'calendar/years', label: '工作日历', icon: <CalendarOutlined />, permission: 'calendar:year:manage', group: 'calendar', order: 20, component: lazy(() => import('../calendar/YearsPage')) },
  { path: 'calendar/overrides', label: '节假日调整', icon: <ScheduleOutlined />, permission: 'calendar:override:manage', group: 'calendar', order: 30, component: lazy(() => import('../calendar/OverridesPage')) },

  { path: 'system/units', label: '单位管理', icon: <ApartmentOutlined />, permission: 'org:unit:list', group: 'system', order: 10, component: lazy(() => import('./pages/UnitsPage')) },
  { path: 'system/users', label: '用户管理', icon: <TeamOutlined />, permission: 'org:user:list', group: 'system', order: 20, component: lazy(() => import('./pages/UsersPage')) },
  { path: 'system/roles', label: '角色管理', icon: <SafetyCertificateOutlined />, permission: 'org:role:list', group: 'system', order: 30, component: lazy(() => import('./pages/RolesPage')) },

  { path: 'log/audit', label: '操作日志', icon: <FileSearchOutlined />, permission: 'audit:event:list', group: 'log', order: 10, component: lazy(() => import('./pages/AuditPage')) },
  { path: 'log/login', label: '登录日志', icon: <LoginOutlined />, permission: 'auth:login-log:list', group: 'log', order: 20, component: lazy(() => import('./pages/LoginLogPage')) },

  { path: 'profile/tokens', label: '接口令牌', icon: <KeyOutlined />, permission: 'auth:token:manage', group: 'profile', order: 10, component: lazy(() => import('./pages/TokensPage')) },
];

/** `/admin/<path>` of an entry. */
export const adminPath = (path: string) => (path ? `/admin/${path}` : '/admin');
