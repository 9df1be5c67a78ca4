/**
 * 用户管理: unit tree on the left filters a paged user table; 新增/修改/停用·启用/重置密码; 导出.
 * One-time passwords (new user, reset) are shown once in a dialog.
 */
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { Alert, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Tree, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { api, download } from '../../api';
import { useAuth } from '../../auth';
import { feedback, showError } from '../../feedback';
import { fmtTime } from '../../components/format';
import { STATUS_OPTIONS, StatusTag } from '../../components/StatusTag';
import { branchIds, unitTreeOptions } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import type { Paged, Role, User } from '../../types';
import { passwordRules } from '../ChangePasswordModal';

interface Filters {
  q?: string;
  status?: string;
}

export default function UsersPage() {
  const { can, user: me } = useAuth();
  const { tree, units } = useUnits();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [treeQ, setTreeQ] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Paged<User>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [roles, setRoles] = useState<Role[]>([]);
  const [editing, setEditing] = useState<{ mode: 'create' | 'edit'; user?: User } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [secret, setSecret] = useState<{ title: string; username: string; password: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [searchForm] = Form.useForm<Filters>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.get<Paged<User>>('/api/users', { ...filters, unitId, page: page.page, pageSize: page.pageSize }));
    } catch (err) {
      showError(err);
    } finally {
      setLoading(false);
    }
  }, [filters, unitId, page]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (can('org:role:list')) api.get<{ items: Role[] }>('/api/roles').then((r) => setRoles(r.items), showError);
  }, [can]);

  // The left tree, filtered by name (keeps the ancestors of matches).
  const treeData = useMemo(() => {
    const opts = unitTreeOptions(tree);
    if (!treeQ.trim()) return opts;
    const q = treeQ.trim();
    const filter = (ns: typeof opts): typeof opts =>
      ns.flatMap((n) => {
        const kids = n.children ? filter(n.children) : [];
        return n.title.includes(q) || kids.length ? [{ ...n, children: kids.length ? kids : undefined }] : [];
      });
    return filter(opts);
  }, [tree, treeQ]);
  const [expandedTree, setExpandedTree] = useState<Key[] | null>(null);
  // By default the roots are open (one level of units visible).
  const defaultExpanded = useMemo(() => tree.filter((n) => n.children).map((n) => n.id), [tree]);

  const setStatus = (u: User) => {
    const to = u.status === 'active' ? 'disabled' : 'active';
    const verb = to === 'disabled' ? '停用' : '启用';
    feedback.modal.confirm({
      title: `确认${verb}`,
      content: `确定${verb}用户「${u.displayName}（${u.username}）」吗？${to === 'disabled' ? '停用后该用户的全部会话立即失效。' : ''}`,
      okText: `确定${verb}`,
      okButtonProps: { danger: to === 'disabled' },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.post(`/api/users/${u.id}/status`, { status: to });
          feedback.message.success(`已${verb}`);
          await load();
        } catch (err) {
          showError(err);
        }
      },
    });
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await download('/api/users', { ...filters, unitId, format: 'xlsx' }, '用户列表.xlsx');
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 120, ellipsis: true },
    { title: '姓名', dataIndex: 'displayName', width: 90, ellipsis: true },
    { title: '所属单位', dataIndex: 'unitName', width: 190, ellipsis: true },
    { title: '状态', dataIndex: 'status', width: 70, align: 'center', render: (v: string) => <StatusTag status={v} /> },
    { title: '角色', dataIndex: 'roles', width: 180, render: (rs: User['roles']) => rs.map((r) => <Tag key={r.id} color="blue">{r.name}</Tag>) },
    { title: '手机号码', dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '最后登录', dataIndex: 'lastLoginAt', width: 165, render: fmtTime },
    { title: '创建时间', dataIndex: 'createdAt', width: 165, render: fmtTime },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={2} className="fz-row-actions">
          {can('org:user:update') && (
            <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', user: u })}>
              修改
            </Button>
          )}
          {can('org:user:disable') && u.id !== me?.userId && (
            <Button type="link" size="small" danger={u.status === 'active'} onClick={() => setStatus(u)}>
              {u.status === 'active' ? '停用' : '启用'}
            </Button>
          )}
          {can('org:user:reset-password') && (
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              重置密码
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="fz-page fz-split">
      <Card variant="borderless" className="fz-split-left" data-testid="user-unit-tree">
        <Input.Search placeholder="请输入单位名称" allowClear onChange={(e) => setTreeQ(e.target.value)} />
        <div className="fz-unit-tree">
          {treeData.length ? (
            <Tree
              blockNode
              treeData={treeData}
              selectedKeys={unitId ? [unitId] : []}
              expandedKeys={treeQ ? branchIds(tree) : (expandedTree ?? defaultExpanded)}
              onExpand={(k) => setExpandedTree(k)}
              onSelect={(keys) => {
                setUnitId(keys.length ? Number(keys[0]) : undefined);
                setPage((p) => ({ ...p, page: 1 }));
              }}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无匹配单位" />
          )}
        </div>
      </Card>

      <div className="fz-split-right">
        <Card variant="borderless" className="fz-search">
          <Form
            form={searchForm}
            layout="inline"
            name="userSearch"
            onFinish={(v) => {
              setFilters({ q: v.q?.trim() || undefined, status: v.status || undefined });
              setPage((p) => ({ ...p, page: 1 }));
            }}
          >
            <Form.Item name="q" label="用户">
              <Input placeholder="用户名或姓名" allowClear style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="status" label="状态">
              <Select placeholder="用户状态" allowClear options={STATUS_OPTIONS} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  搜索
                </Button>
                <Button
                  icon={<ReloadOutlined />}
                  onClick={() => {
                    searchForm.resetFields();
                    setFilters({});
                    setUnitId(undefined);
                    setPage((p) => ({ ...p, page: 1 }));
                  }}
                >
                  重置
                </Button>
              </Space>
            </Form.Item>
          </Form>
        </Card>
        <Card variant="borderless" className="fz-table-card" style={{ marginTop: 12 }}>
          <div className="fz-toolbar">
            <Space wrap>
              {can('org:user:create') && (
                <Button className="fz-btn-primary-plain" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="user-create">
                  新增用户
                </Button>
              )}
              <Button className="fz-btn-warning-plain" icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
                导出Excel
              </Button>
              {unitId && <Tag closable onClose={() => setUnitId(undefined)} color="processing">单位：{units.find((u) => u.id === unitId)?.name}</Tag>}
            </Space>
            <Tooltip title="刷新">
              <Button shape="circle" icon={<ReloadOutlined />} onClick={load} aria-label="刷新" />
            </Tooltip>
          </div>
          <Table<User>
            data-testid="user-table"
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data.items}
            scroll={{ x: 1300 }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: data.total,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p, s) => setPage({ page: s !== page.pageSize ? 1 : p, pageSize: s }),
            }}
          />
        </Card>
      </div>

      {editing && (
        <UserFormModal
          mode={editing.mode}
          user={editing.user}
          defaultUnitId={unitId ?? me?.unitId ?? undefined}
          unitOptions={unitTreeOptions(tree, (u) => u.status !== 'active')}
          roles={roles}
          onClose={() => setEditing(null)}
          onSaved={async (r) => {
            setEditing(null);
            if (r?.initialPassword) setSecret({ title: '用户已创建', username: r.user.username, password: r.initialPassword });
            await load();
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(password) => {
            const u = resetting;
            setResetting(null);
            if (password) setSecret({ title: '密码已重置', username: u.username, password });
            else feedback.message.success('密码已重置，用户下次登录须修改密码');
          }}
        />
      )}
      <Modal
        open={!!secret}
        title={secret?.title}
        onCancel={() => setSecret(null)}
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            我已记下
          </Button>
        }
        mask={{ closable: false }}
      >
        <Alert type="warning" showIcon title="一次性密码只显示这一次，请立即转交用户本人。用户首次登录时须修改密码。" style={{ marginBottom: 16 }} />
        <p>
          用户名：<b>{secret?.username}</b>
        </p>
        <Typography.Paragraph copyable={{ text: secret?.password, tooltips: ['复制', '已复制'] }} className="fz-secret" data-testid="one-time-password">
          {secret?.password}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}

function UserFormModal({
  mode,
  user,
  defaultUnitId,
  unitOptions,
  roles,
  onClose,
  onSaved,
}: {
  mode: 'create' | 'edit';
  user?: User;
  defaultUnitId?: number;
  unitOptions: ReturnType<typeof unitTreeOptions>;
  roles: Role[];
  onClose: () => void;
  onSaved: (r: { user: User; initialPassword: string | null } | null) => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const initial =
    mode === 'edit' && user
      ? { displayName: user.displayName, unitId: user.unitId, phone: user.phone ?? '', roleIds: user.roles.map((r) => r.id) }
      : { unitId: defaultUnitId, roleIds: [] };
  const submit = async () => {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const body = { ...v, phone: (v.phone as string | undefined)?.trim() || null, password: (v.password as string | undefined) || undefined };
      if (mode === 'create') {
        const r = await api.post<{ user: User; initialPassword: string | null }>('/api/users', body);
        feedback.message.success('新增成功');
        onSaved(r);
      } else {
        delete (body as Record<string, unknown>).password;
        await api.patch(`/api/users/${user!.id}`, body);
        feedback.message.success('修改成功');
        onSaved(null);
      }
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={mode === 'create' ? '新增用户' : `修改用户 · ${user?.username}`}
      width={620}
      onCancel={onClose}
      onOk={submit}
      okText="确定"
      cancelText="取消"
      confirmLoading={saving}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form form={form} name="user" labelCol={{ span: 5 }} wrapperCol={{ span: 18 }} initialValues={initial} style={{ marginTop: 16 }}>
        {mode === 'create' && (
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, whitespace: true, message: '请填写用户名' },
              { min: 2, message: '用户名至少 2 个字符' },
              { pattern: /^[A-Za-z0-9_.@-]+$/, message: '用户名只能包含字母、数字和 _ . @ -' },
            ]}
          >
            <Input placeholder="登录用的账号，如 sfj_zhang" maxLength={64} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <TreeSelect treeData={unitOptions} placeholder="选择单位" treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码" rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: '电话号码格式不正确' }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="roleIds" label="角色">
          <Select
            mode="multiple"
            placeholder="选择角色"
            options={roles.filter((r) => r.status === 'active' || (user?.roles ?? []).some((x) => x.id === r.id)).map((r) => ({ value: r.id, label: r.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        {mode === 'create' && (
          <Form.Item name="password" label="初始密码" rules={passwordRules.slice(1)} extra="不填则自动生成一次性密码；用户首次登录须修改">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: (password: string | null) => void }) {
  const [form] = Form.useForm<{ password?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let v: { password?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const r = await api.post<{ initialPassword: string | null }>(`/api/users/${user.id}/reset-password`, { password: v.password || undefined });
      onDone(r.initialPassword);
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`重置密码 · ${user.displayName}（${user.username}）`} onCancel={onClose} onOk={submit} okText="确定重置" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph type="secondary">重置后该用户下次登录须修改密码。</Typography.Paragraph>
      <Form form={form} name="resetPassword" layout="vertical">
        <Form.Item name="password" label="新密码" rules={passwordRules.slice(1)} extra="不填则生成一次性密码">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
