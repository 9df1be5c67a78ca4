/**
 * The admin frame (RuoYi style): dark side menu filtered by permission, a header with breadcrumb, the current
 * unit, roles and the user menu (修改密码, 退出登录).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { matchPath, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Breadcrumb, Dropdown, Layout, Menu, Space, Tag, Tooltip, type MenuProps } from 'antd';
import {
  BankOutlined,
  DownOutlined,
  GlobalOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useAuth } from '../auth';
import { feedback } from '../feedback';
import { ChangePasswordModal } from './ChangePasswordModal';
import { adminPath, MENU, MENU_GROUPS, type MenuEntry } from './menu';

const { Sider, Header, Content } = Layout;

/** The menu entry for the current location (exact path or hidden pattern), and its group. */
function currentEntry(pathname: string): MenuEntry | undefined {
  const rel = pathname.replace(/^\/admin\/?/, '').replace(/\/$/, '');
  const exact = MENU.find((m) => m.path === rel);
  if (exact) return exact;
  return MENU.find((m) => m.path && matchPath({ path: m.path, end: true }, rel)) ?? MENU.filter((m) => m.path && rel.startsWith(`${m.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
}

export function AdminLayout({ children }: { children: ReactNode }) {
  const { user, can, logout, mustChangePassword, passwordChanged } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);

  const visible = useMemo(() => MENU.filter((m) => !m.hidden && can(m.permission)), [can]);

  const items = useMemo<MenuProps['items']>(() => {
    type Top = { order: number; item: NonNullable<MenuProps['items']>[number] };
    const tops: Top[] = [];
    const toItem = (m: MenuEntry) => ({ key: adminPath(m.path), icon: m.icon, label: m.label });
    for (const m of visible.filter((e) => !e.group)) tops.push({ order: m.order ?? 0, item: toItem(m) });
    for (const g of MENU_GROUPS) {
      const children = visible.filter((m) => m.group === g.key).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
      if (children.length) tops.push({ order: g.order, item: { key: `group:${g.key}`, icon: g.icon, label: g.label, children: children.map(toItem) } });
    }
    return tops.sort((a, b) => a.order - b.order).map((t) => t.item);
  }, [visible]);

  const entry = currentEntry(location.pathname);
  const active = entry?.hidden && entry.activeMenu !== undefined ? MENU.find((m) => m.path === entry.activeMenu) : entry;
  const selectedKey = active ? adminPath(active.path) : '';
  const [openKeys, setOpenKeys] = useState<string[]>(() => (active?.group ? [`group:${active.group}`] : []));
  const group = active?.group ? MENU_GROUPS.find((g) => g.key === active.group) : undefined;
  // Opening a page from elsewhere (dashboard card, link) unfolds its menu group; the tab title follows the page.
  useEffect(() => {
    if (active?.group) setOpenKeys((keys) => (keys.includes(`group:${active.group}`) ? keys : [...keys, `group:${active.group}`]));
    document.title = `${entry?.label ?? '工作台'} - 法治政府建设工作平台`;
  }, [active?.group, entry?.label]);

  const crumbs = [{ title: '首页', onClick: () => navigate('/admin') }];
  if (group) crumbs.push({ title: group.label, onClick: () => undefined });
  if (active && active.path !== '') crumbs.push({ title: active.label, onClick: () => navigate(adminPath(active.path)) });
  if (entry && entry !== active) crumbs.push({ title: entry.label, onClick: () => undefined });

  if (!user) return null;

  const onUserMenu: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') setPwOpen(true);
    else if (key === 'portal') navigate('/');
    else if (key === 'logout') {
      feedback.modal.confirm({
        title: '提示',
        content: '确定注销并退出系统吗？',
        okText: '确定',
        cancelText: '取消',
        onOk: async () => {
          await logout();
          navigate('/login', { replace: true });
        },
      });
    }
  };

  return (
    <Layout className="fz-admin" hasSider>
      <Sider width={220} collapsedWidth={64} collapsible collapsed={collapsed} trigger={null} className="fz-sider">
        <div className="fz-logo" onClick={() => navigate('/admin')} role="link" title="返回首页">
          <span className="fz-logo-mark">法</span>
          {!collapsed && <span className="fz-logo-text">法治政府建设工作平台</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[selectedKey]}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={(keys) => setOpenKeys(keys as string[])}
          onClick={({ key }) => navigate(String(key))}
          data-testid="side-menu"
        />
      </Sider>
      <Layout>
        <Header className="fz-header">
          <Space size={12} align="center">
            <span className="fz-trigger" onClick={() => setCollapsed(!collapsed)} role="button" aria-label={collapsed ? '展开菜单' : '收起菜单'}>
              {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            </span>
            <Breadcrumb
              items={crumbs.map((c, i) => ({
                title: i < crumbs.length - 1 && c.title !== group?.label ? <a onClick={c.onClick}>{c.title}</a> : c.title,
              }))}
            />
          </Space>
          <Space size={16} align="center" className="fz-header-right">
            <Tooltip title="当前单位">
              <span className="fz-current-unit" data-testid="current-unit">
                <BankOutlined /> {user.unitName ?? '（无单位）'}
              </span>
            </Tooltip>
            <span className="fz-roles" data-testid="current-roles">
              {user.roles.map((r) => (
                <Tag key={r.code} color="blue" variant="outlined">
                  {r.name}
                </Tag>
              ))}
            </span>
            <Dropdown
              trigger={['click']}
              menu={{
                onClick: onUserMenu,
                items: [
                  { key: 'info', disabled: true, label: <span className="fz-user-info">{user.username} · {user.unitName}</span> },
                  { type: 'divider' },
                  { key: 'password', icon: <LockOutlined />, label: '修改密码' },
                  { key: 'portal', icon: <GlobalOutlined />, label: '门户网站' },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
                ],
              }}
            >
              <a className="fz-user" data-testid="user-menu" onClick={(e) => e.preventDefault()}>
                <Avatar size={30} icon={<UserOutlined />} style={{ background: '#1890ff' }} />
                <span className="fz-user-name" data-testid="current-user">{user.displayName}</span>
                <DownOutlined style={{ fontSize: 10 }} />
              </a>
            </Dropdown>
          </Space>
        </Header>
        <Content className="fz-content">{children}</Content>
      </Layout>
      <ChangePasswordModal
        open={pwOpen || mustChangePassword}
        forced={mustChangePassword}
        onDone={() => {
          setPwOpen(false);
          passwordChanged();
        }}
        onCancel={() => setPwOpen(false)}
      />
    </Layout>
  );
}
