/**
 * The public portal's sections — ONE registry. The server decides which sections exist and whether they are
 * open (`GET /api/public/site` → sections [{ key, title, available }], see src/modules/portal/portal.routes.ts);
 * this file decides how each one looks. A work line that opens a section:
 *
 *   1. sets `available: true` for its key on the server (or adds a new { key, title, available });
 *   2. adds/edits its entry below: `page: lazy(() => import('../normative/PublicDocsPage'))` is routed at
 *      /p/<key> (and /p/<key>/* for its own sub-routes), and `Summary` (optional) renders inside the portal card
 *      (e.g. the five newest documents). Both receive nothing and load their data from /api/public/….
 *
 * A section the server lists but this file does not know still shows, with a default icon; one that is not
 * available shows “建设中”.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { CalculatorOutlined, FileProtectOutlined, FileTextOutlined, ProfileOutlined, ReadOutlined, SafetyOutlined } from '@ant-design/icons';
import DisclosureSummary from './disclosure/DisclosureSummary';

export interface PortalSectionDef {
  key: string;
  /** Overrides the server's title (normally leave it to the server). */
  title?: string;
  icon: ReactNode;
  /** One line under the title. */
  description: string;
  /** Accent colour of the card's icon. */
  color?: string;
  /** Rendered inside the portal card when the section is available. */
  Summary?: ComponentType;
  /** The section's public page at /p/<key>. */
  page?: LazyExoticComponent<ComponentType>;
}

export const PORTAL_SECTIONS: PortalSectionDef[] = [
  { key: 'normative-docs', icon: <FileTextOutlined />, color: '#c0392b', description: '本级政府及部门现行有效的行政规范性文件目录与全文' },
  { key: 'enforcement', icon: <SafetyOutlined />, color: '#1f6fb2', description: '行政执法主体、人员、事项清单及执法决定公示' },
  { key: 'reports', icon: <ReadOutlined />, color: '#b8860b', description: '历年法治政府建设情况年度报告' },
  {
    key: 'disclosure',
    icon: <ProfileOutlined />,
    color: '#2e7d32',
    description: '政府信息主动公开与依申请公开：在线申请、办理查询、年度报告',
    Summary: DisclosureSummary,
    page: lazy(() => import('./disclosure/DisclosurePortal')),
  },
  { key: 'deadline', icon: <CalculatorOutlined />, color: '#6a1b9a', description: '按法定工作日计算复议、诉讼、公开答复等期限', page: lazy(() => import('../calendar/PublicCalculatorPage')) },
];

export const DEFAULT_SECTION_ICON = <FileProtectOutlined />;

export const sectionDef = (key: string): PortalSectionDef | undefined => PORTAL_SECTIONS.find((s) => s.key === key);
