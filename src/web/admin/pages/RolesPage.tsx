/**
 * 角色管理: role table; create/edit with data scope (custom units when 自定数据), permissions as a checkbox tree
 * built from PERMISSIONS plus free-text wildcard strings (e.g. `*:*:list`, `enforcement:*:*`).
 */
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, Tree, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { DATA_SCOPES } from '../../../shared/permissions';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { feedback, showError } from '../../feedback';
import { StatusTag } from '../../components/StatusTag';
import { unitTreeOptions } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import type { Role } from '../../types';
import { coveredBy, KNOWN_PERMISSIONS, permissionLabel, permissionTree, type PermNode } from '../permissionLabels';

const SCOPE_OPTIONS = Object.entries(DATA_SCOPES).map(([value, label]) => ({ value, label }));
const SCOPE_COLORS: Record<string, string> = { all: 'red', custom: 'purple', unit: 'blue', unit_and_below: 'geekblue', self: 'default' };
const PERM_PATTERN = /^(\*|[a-z*-]+:[a-z*-]+:[a-z*-]+)$/;

export default function RolesPage() {
  const { can } = useAuth();
  const [roles, setRoles] = useState<Role[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<{ mode: 'create' | 'edit'; role?: Role } | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRoles((await api.get<{ items: Role[] }>('/api/roles')).items);
    } catch (err) {
      showError(err);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = (r: Role) =>
    feedback.modal.confirm({
      title: '确认删除',
      content: `确定删除角色「${r.name}」吗？已分配该角色的用户将失去相应权限。`,
      okText: '确定删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.delete(`/api/roles/${r.id}`);
          feedback.message.success('删除成功');
          await load();
        } catch (err) {
          showError(err);
        }
      },
    });

  const columns: ColumnsType<Role> = [
    {
      title: '角色名称',
      dataIndex: 'name',
      width: 250,
      render: (v: string, r) => (
        <div>
          <span className="fz-unit-name">{v}</span>
          {r.isBuiltin && <Tag style={{ marginLeft: 6 }}>内置</Tag>}
          {r.remark && <div className="fz-muted" style={{ fontSize: 12 }}>{r.remark}</div>}
        </div>
      ),
    },
    { title: '角色编码', dataIndex: 'code', width: 115, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: '数据范围', dataIndex: 'dataScope', width: 140, render: (v: string) => <Tag color={SCOPE_COLORS[v]}>{(DATA_SCOPES as Record<string, string>)[v] ?? v}</Tag> },
    {
      title: '权限',
      dataIndex: 'permissions',
      render: (ps: string[]) => (
        <Tooltip title={<div style={{ maxHeight: 300, overflow: 'auto' }}>{ps.map((p) => <div key={p}>{p === '*' ? '全部权限（*）' : `${permissionLabel(p)}${permissionLabel(p) !== p ? `（${p}）` : ''}`}</div>)}</div>}>
          <span>
            {ps.slice(0, 4).map((p) => (
              <Tag key={p} color={p.includes('*') ? 'gold' : undefined}>
                {p === '*' ? '全部权限' : permissionLabel(p)}
              </Tag>
            ))}
            {ps.length > 4 && <span className="fz-muted">等 {ps.length} 项</span>}
          </span>
        </Tooltip>
      ),
    },
    { title: '排序', dataIndex: 'sortOrder', width: 60, align: 'center' },
    { title: '状态', dataIndex: 'status', width: 80, align: 'center', render: (v: string) => <StatusTag status={v} /> },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Space size={2} className="fz-row-actions">
          {can('org:role:update') && (
            <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', role: r })}>
              修改
            </Button>
          )}
          {can('org:role:delete') && !r.isBuiltin && (
            <Button type="link" size="small" danger onClick={() => remove(r)}>
              删除
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="fz-page">
      <Card variant="borderless" className="fz-table-card">
        <div className="fz-toolbar">
          <Space>
            {can('org:role:create') && (
              <Button className="fz-btn-primary-plain" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="role-create">
                新增角色
              </Button>
            )}
            <span className="fz-muted">内置角色不能删除；权限字符串中的 * 匹配任意一段。</span>
          </Space>
          <Tooltip title="刷新">
            <Button shape="circle" icon={<ReloadOutlined />} onClick={load} aria-label="刷新" />
          </Tooltip>
        </div>
        <Table<Role> data-testid="role-table" rowKey="id" size="middle" loading={loading} columns={columns} dataSource={roles} pagination={false} scroll={{ x: 950 }} />
      </Card>
      {editing && (
        <RoleFormModal
          mode={editing.mode}
          role={editing.role}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await load();
          }}
        />
      )}
    </div>
  );
}

/** Form control: checked known permissions in a tree + free wildcard strings. Value: string[]. */
function PermissionEditor({ value = [], onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const tree = useMemo(() => permissionTree(), []);
  const extras = value.filter((p) => !KNOWN_PERMISSIONS.has(p));
  const explicit = value.filter((p) => KNOWN_PERMISSIONS.has(p));
  const covered = useMemo(() => coveredBy(extras.filter((p) => p.includes('*'))), [extras]);
  const [expanded, setExpanded] = useState<Key[]>(() => tree.flatMap((m) => [m.key, ...(m.children ?? []).map((r) => r.key)]));

  const decorate = (nodes: PermNode[]): PermNode[] =>
    nodes.map((n) =>
      n.children
        ? { ...n, children: decorate(n.children) }
        : {
            ...n,
            disableCheckbox: covered.has(n.key),
            title: (
              <span>
                {n.title}
                <span className="fz-perm-code">{n.code}</span>
                {covered.has(n.key) && <Tag color="gold" style={{ marginLeft: 6 }}>由 {covered.get(n.key)} 覆盖</Tag>}
              </span>
            ),
          },
    );

  const checked = [...new Set([...explicit, ...covered.keys()])];
  const emit = (known: string[], free: string[]) => onChange?.([...new Set([...known, ...free])]);

  return (
    <div>
      <div className="fz-perm-box">
        <Tree
          checkable
          selectable={false}
          treeData={decorate(tree)}
          checkedKeys={checked}
          expandedKeys={expanded}
          onExpand={(k) => setExpanded(k)}
          onCheck={(keys) => {
            const list = (Array.isArray(keys) ? keys : keys.checked).map(String).filter((k) => KNOWN_PERMISSIONS.has(k) && !covered.has(k));
            emit(list, extras);
          }}
          data-testid="permission-tree"
        />
      </div>
      <Select
        mode="tags"
        style={{ width: '100%', marginTop: 8 }}
        placeholder="通配权限，如 *:*:list、enforcement:*:*、*（全部），回车添加"
        value={extras}
        tokenSeparators={[',', ' ', '，']}
        open={false}
        suffixIcon={null}
        onChange={(v: string[]) => emit(explicit, v.map((x) => x.trim()).filter(Boolean))}
        tagRender={({ label, value: v, closable, onClose }) => (
          <Tag color={PERM_PATTERN.test(String(v)) ? 'gold' : 'error'} closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
            {label}
          </Tag>
        )}
        data-testid="permission-tags"
      />
    </div>
  );
}

function RoleFormModal({ mode, role, onClose, onSaved }: { mode: 'create' | 'edit'; role?: Role; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const scope = Form.useWatch('dataScope', form) as string | undefined;
  const { tree } = useUnits();
  const initial =
    mode === 'edit' && role
      ? { name: role.name, code: role.code, dataScope: role.dataScope, permissions: role.permissions, customUnitIds: role.customUnitIds, sortOrder: role.sortOrder, remark: role.remark ?? '' }
      : { dataScope: 'unit', permissions: [], customUnitIds: [], sortOrder: 0 };

  const submit = async () => {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const body: Record<string, unknown> = { ...v, remark: (v.remark as string | undefined)?.trim() || null, customUnitIds: v.dataScope === 'custom' ? (v.customUnitIds ?? []) : [] };
      if (mode === 'create') await api.post('/api/roles', body);
      else {
        delete body.code;
        await api.patch(`/api/roles/${role!.id}`, body);
      }
      feedback.message.success(mode === 'create' ? '新增成功' : '修改成功');
      onSaved();
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={mode === 'create' ? '新增角色' : `修改角色 · ${role?.name}`}
      width={760}
      onCancel={onClose}
      onOk={submit}
      okText="确定"
      cancelText="取消"
      confirmLoading={saving}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form form={form} name="role" labelCol={{ span: 4 }} wrapperCol={{ span: 19 }} initialValues={initial} style={{ marginTop: 16 }}>
        <Form.Item name="name" label="角色名称" rules={[{ required: true, whitespace: true, message: '请填写角色名称' }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="code"
          label="角色编码"
          rules={[
            { required: true, message: '请填写角色编码' },
            { pattern: /^[a-z0-9_-]{2,64}$/, message: '角色编码只能包含小写字母、数字、_ 和 -，至少 2 个字符' },
          ]}
        >
          <Input maxLength={64} disabled={mode === 'edit'} placeholder="如 archive_clerk" />
        </Form.Item>
        <Form.Item name="sortOrder" label="显示排序">
          <InputNumber min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="dataScope" label="数据范围" rules={[{ required: true, message: '请选择数据范围' }]} extra="决定该角色能看到哪些单位的数据">
          <Select options={SCOPE_OPTIONS} />
        </Form.Item>
        {scope === 'custom' && (
          <Form.Item name="customUnitIds" label="自定单位" rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一个单位' }]}>
            <TreeSelect
              treeData={unitTreeOptions(tree)}
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_ALL}
              treeDefaultExpandAll
              placeholder="勾选可访问的单位"
              showSearch={{ treeNodeFilterProp: 'title' }}
              maxTagCount={6}
            />
          </Form.Item>
        )}
        <Form.Item
          name="permissions"
          label="菜单权限"
          rules={[
            {
              validator: (_, v: string[] | undefined) => {
                const bad = (v ?? []).filter((p) => !PERM_PATTERN.test(p));
                return bad.length ? Promise.reject(new Error(`权限字符串格式为 模块:资源:操作：${bad.join('、')}`)) : Promise.resolve();
              },
            },
          ]}
        >
          <PermissionEditor />
        </Form.Item>
        <Form.Item name="remark" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
