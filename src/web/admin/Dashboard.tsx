/**
 * 首页: welcome card (unit, roles, data scope), counts, unit-type chart, latest operations, the business modules
 * (registry: ./dashboardModules.tsx).
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, FileSearchOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { DATA_SCOPES } from '../../shared/permissions';
import { api } from '../api';
import { useAuth } from '../auth';
import { EChart } from '../components/EChart';
import { fmtTime } from '../components/format';
import { unitTypeLabel } from '../components/units';
import type { AuditEvent, Paged, Role, Unit, User } from '../types';
import { DASHBOARD_MODULES } from './dashboardModules';

interface Counts {
  units?: Unit[];
  users?: number;
  roles?: number;
  audit?: Paged<AuditEvent>;
}

const hour = new Date().getHours();
const greeting = hour < 6 ? '夜深了' : hour < 12 ? '上午好' : hour < 14 ? '中午好' : hour < 19 ? '下午好' : '晚上好';

export default function Dashboard() {
  const { user, can } = useAuth();
  const navigate = useNavigate();
  const [counts, setCounts] = useState<Counts>({});

  useEffect(() => {
    const ignore = () => undefined;
    if (can('org:unit:list')) api.get<{ items: Unit[] }>('/api/units').then((r) => setCounts((c) => ({ ...c, units: r.items })), ignore);
    if (can('org:user:list')) api.get<Paged<User>>('/api/users', { pageSize: 1 }).then((r) => setCounts((c) => ({ ...c, users: r.total })), ignore);
    if (can('org:role:list')) api.get<{ items: Role[] }>('/api/roles').then((r) => setCounts((c) => ({ ...c, roles: r.items.length })), ignore);
    if (can('audit:event:list')) api.get<Paged<AuditEvent>>('/api/audit/events', { pageSize: 6 }).then((r) => setCounts((c) => ({ ...c, audit: r })), ignore);
  }, [can]);

  const pie = useMemo(() => {
    const by = new Map<string, number>();
    for (const u of counts.units ?? []) if (u.status === 'active') by.set(u.unitType, (by.get(u.unitType) ?? 0) + 1);
    return {
      color: ['#1890ff', '#13c2c2', '#2fc25b', '#facc14', '#f04864', '#8543e0', '#fa8c16', '#a0a7b4'],
      tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
      legend: { orient: 'vertical', right: 10, top: 'middle', itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 12 } },
      series: [
        {
          type: 'pie',
          radius: ['45%', '72%'],
          center: ['35%', '50%'],
          avoidLabelOverlap: true,
          label: { show: false },
          data: [...by].map(([k, v]) => ({ name: unitTypeLabel(k), value: v })),
        },
      ],
    };
  }, [counts.units]);

  if (!user) return null;
  const scopes = [...new Set(user.roles.map((r) => (DATA_SCOPES as Record<string, string>)[r.dataScope] ?? r.dataScope))];
  const modules = DASHBOARD_MODULES.filter((m) => can(m.permission));

  const stats = [
    { key: 'units', show: can('org:unit:list'), title: '可见单位', value: counts.units?.length, suffix: '个', icon: <ApartmentOutlined />, color: '#40c9c6', to: '/admin/system/units' },
    { key: 'users', show: can('org:user:list'), title: '用户', value: counts.users, suffix: '人', icon: <TeamOutlined />, color: '#36a3f7', to: '/admin/system/users' },
    { key: 'roles', show: can('org:role:list'), title: '角色', value: counts.roles, suffix: '个', icon: <SafetyCertificateOutlined />, color: '#f4516c', to: '/admin/system/roles' },
    { key: 'audit', show: can('audit:event:list'), title: '操作日志', value: counts.audit?.total, suffix: '条', icon: <FileSearchOutlined />, color: '#34bfa3', to: '/admin/log/audit' },
  ].filter((s) => s.show);

  return (
    <div className="fz-page" data-testid="dashboard">
      <Card className="fz-welcome" variant="borderless">
        <div className="fz-welcome-body">
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {greeting}，{user.displayName}，欢迎使用法治政府建设工作平台
            </Typography.Title>
            <div className="fz-welcome-meta">
              <span>
                所在单位：<b data-testid="dashboard-unit">{user.unitName ?? '—'}</b>
              </span>
              <span>
                角色：
                {user.roles.map((r) => (
                  <Tag key={r.code} color="blue">
                    {r.name}
                  </Tag>
                ))}
              </span>
              <span>数据范围：{scopes.join('、') || '—'}</span>
              <span>账号：{user.username}</span>
            </div>
          </div>
        </div>
      </Card>

      {stats.length > 0 && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          {stats.map((s) => (
            <Col key={s.key} xs={24} sm={12} lg={6}>
              <Card variant="borderless" className="fz-stat" hoverable onClick={() => navigate(s.to)}>
                <span className="fz-stat-icon" style={{ color: s.color }}>
                  {s.icon}
                </span>
                <Statistic title={s.title} value={s.value ?? '—'} suffix={s.value !== undefined ? s.suffix : undefined} />
              </Card>
            </Col>
          ))}
        </Row>
      )}

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {can('org:unit:list') && (
          <Col xs={24} lg={10}>
            <Card title="单位类型分布" variant="borderless" className="fz-card">
              {counts.units?.length ? <EChart option={pie} height={250} testId="unit-type-chart" /> : <Empty style={{ height: 226 }} />}
            </Card>
          </Col>
        )}
        {can('audit:event:list') && (
          <Col xs={24} lg={14}>
            <Card title="最近操作" variant="borderless" className="fz-card" extra={<Link to="/admin/log/audit">更多</Link>}>
              <List
                size="small"
                style={{ minHeight: 250 }}
                dataSource={counts.audit?.items ?? []}
                locale={{ emptyText: '暂无操作记录' }}
                renderItem={(e) => (
                  <List.Item>
                    <Typography.Text ellipsis style={{ maxWidth: '72%' }}>
                      <Tag>{e.actorName}</Tag>
                      {e.summary}
                    </Typography.Text>
                    <span className="fz-muted">{fmtTime(e.occurredAt)}</span>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>

      <Card title="业务模块" variant="borderless" className="fz-card" style={{ marginTop: 16 }}>
        <Row gutter={[16, 16]}>
          {modules.map((m) => {
            const W = m.Widget;
            return (
              <Col key={m.key} xs={24} sm={12} xl={8}>
                <Card
                  size="small"
                  className={m.available ? 'fz-module' : 'fz-module fz-module-off'}
                  hoverable={m.available && !!m.path}
                  onClick={m.available && m.path ? () => navigate(m.path!) : undefined}
                  data-testid={`module-${m.key}`}
                >
                  <div className="fz-module-head">
                    <span className="fz-module-icon" style={{ background: m.color }}>
                      {m.icon}
                    </span>
                    <div>
                      <div className="fz-module-title">
                        {m.title}
                        {!m.available && <Tag className="fz-building-tag">建设中</Tag>}
                      </div>
                      <div className="fz-muted fz-module-desc">{m.description}</div>
                    </div>
                  </div>
                  {m.available && W && <W />}
                </Card>
              </Col>
            );
          })}
        </Row>
      </Card>
    </div>
  );
}
