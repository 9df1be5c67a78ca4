/**
 * 单位管理: the unit tree as a table, with search, 新增/修改/移动/停用·启用 (gated by permission), 变更历史 and
 * Excel export.
 */
import { useEffect, useMemo, useState, type Key } from 'react';
import { Button, Card, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Timeline, Tooltip, TreeSelect, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ColumnHeightOutlined, DownloadOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { api, download } from '../../api';
import { useAuth } from '../../auth';
import { feedback, showError } from '../../feedback';
import { fmtTime, fmtValue } from '../../components/format';
import { STATUS_OPTIONS, StatusTag } from '../../components/StatusTag';
import { branchIds, buildUnitTree, UNIT_TYPE_OPTIONS, unitTreeOptions, unitTypeLabel, type UnitNode } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import type { Unit, UnitHistoryItem } from '../../types';

interface Filters {
  q?: string;
  status?: string;
}

const HISTORY_ACTIONS: Record<string, { label: string; color: string }> = {
  create: { label: '新增', color: 'green' },
  update: { label: '修改', color: 'blue' },
  move: { label: '移动', color: 'orange' },
  status: { label: '停用/启用', color: 'red' },
  disable: { label: '停用', color: 'red' },
  enable: { label: '启用', color: 'green' },
};

const FIELD_LABELS: Record<string, string> = {
  code: '单位编码',
  name: '单位名称',
  unitType: '单位类型',
  sortOrder: '排序',
  status: '状态',
  remark: '备注',
  parentId: '上级单位',
  path: '路径',
  depth: '层级',
};

export default function UnitsPage() {
  const { can, user } = useAuth();
  const [filters, setFilters] = useState<Filters>({});
  const [searchForm] = Form.useForm<Filters>();
  const { units, tree, loading, reload } = useUnits(filters as Record<string, string>);
  // All units (unfiltered) for the parent pickers.
  const all = useUnits(undefined, can('org:unit:create') || can('org:unit:move'));
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const [editing, setEditing] = useState<{ mode: 'create' | 'edit'; unit?: Unit; parentId?: number } | null>(null);
  const [moving, setMoving] = useState<Unit | null>(null);
  const [history, setHistory] = useState<Unit | null>(null);
  const [exporting, setExporting] = useState(false);
  // The unit just created or edited is highlighted for a few seconds.
  const [highlight, setHighlight] = useState<number | null>(null);
  useEffect(() => {
    if (highlight === null) return;
    const t = setTimeout(() => setHighlight(null), 6000);
    return () => clearTimeout(t);
  }, [highlight]);

  const allIds = useMemo(() => branchIds(tree), [tree]);
  const expandedKeys = expanded ?? allIds;
  const byId = useMemo(() => new Map(all.units.map((u) => [u.id, u])), [all.units]);

  const refresh = async () => {
    await Promise.all([reload(), all.reload()]);
  };

  const setStatus = (u: Unit) => {
    const to = u.status === 'active' ? 'disabled' : 'active';
    const verb = to === 'disabled' ? '停用' : '启用';
    feedback.modal.confirm({
      title: `确认${verb}`,
      content: `确定${verb}单位「${u.name}」吗？${to === 'disabled' ? '停用后该单位不能再新增用户和下级单位。' : ''}`,
      okText: `确定${verb}`,
      okButtonProps: { danger: to === 'disabled' },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.post(`/api/units/${u.id}/status`, { status: to });
          feedback.message.success(`已${verb}`);
          await refresh();
        } catch (err) {
          showError(err);
        }
      },
    });
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await download('/api/units', { ...filters, format: 'xlsx' }, '单位列表.xlsx');
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<UnitNode> = [
    { title: '单位名称', dataIndex: 'name', key: 'name', ellipsis: true, render: (v: string) => <span className="fz-unit-name">{v}</span> },
    { title: '单位编码', dataIndex: 'code', key: 'code', width: 120, ellipsis: true },
    { title: '单位类型', dataIndex: 'unitType', key: 'unitType', width: 150, ellipsis: true, render: (v: string) => unitTypeLabel(v) },
    { title: '排序', dataIndex: 'sortOrder', key: 'sortOrder', width: 60, align: 'center' },
    { title: '状态', dataIndex: 'status', key: 'status', width: 70, align: 'center', render: (v: string) => <StatusTag status={v} /> },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={2} wrap={false} className="fz-row-actions">
          {can('org:unit:update') && (
            <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', unit: u })}>
              修改
            </Button>
          )}
          {can('org:unit:create') && u.status === 'active' && (
            <Button type="link" size="small" onClick={() => setEditing({ mode: 'create', parentId: u.id })}>
              新增下级
            </Button>
          )}
          {can('org:unit:move') && u.parentId !== null && (
            <Button type="link" size="small" onClick={() => setMoving(u)}>
              移动
            </Button>
          )}
          {can('org:unit:disable') && u.parentId !== null && (
            <Button type="link" size="small" danger={u.status === 'active'} onClick={() => setStatus(u)}>
              {u.status === 'active' ? '停用' : '启用'}
            </Button>
          )}
          <Button type="link" size="small" onClick={() => setHistory(u)}>
            历史
          </Button>
        </Space>
      ),
    },
  ];

  const defaultParent = user?.unitId && byId.has(user.unitId) ? user.unitId : all.tree[0]?.id;

  return (
    <div className="fz-page">
      <Card variant="borderless" className="fz-search">
        <Form
          form={searchForm}
          layout="inline"
          name="unitSearch"
          onFinish={(v) => {
            setExpanded(null);
            setFilters({ q: v.q?.trim() || undefined, status: v.status || undefined });
          }}
        >
          <Form.Item name="q" label="单位名称">
            <Input placeholder="请输入单位名称或编码" allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select placeholder="单位状态" allowClear options={STATUS_OPTIONS} style={{ width: 140 }} />
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
                  setExpanded(null);
                  setFilters({});
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>

      <Card variant="borderless" className="fz-table-card">
        <div className="fz-toolbar">
          <Space wrap>
            {can('org:unit:create') && (
              <Button className="fz-btn-primary-plain" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parentId: defaultParent })} data-testid="unit-create">
                新增单位
              </Button>
            )}
            <Button className="fz-btn-info-plain" icon={<ColumnHeightOutlined />} onClick={() => setExpanded(expandedKeys.length ? [] : allIds)}>
              {expandedKeys.length ? '全部折叠' : '全部展开'}
            </Button>
            <Button className="fz-btn-warning-plain" icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
              导出Excel
            </Button>
          </Space>
          <Space>
            <span className="fz-muted">共 {units.length} 个单位</span>
            <Tooltip title="刷新">
              <Button shape="circle" icon={<ReloadOutlined />} onClick={refresh} aria-label="刷新" />
            </Tooltip>
          </Space>
        </div>
        <Table<UnitNode>
          data-testid="unit-table"
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={tree}
          pagination={false}
          rowClassName={(u) => (u.id === highlight ? 'fz-row-new' : '')}
          scroll={{ x: 900 }}
          expandable={{ expandedRowKeys: expandedKeys as Key[], onExpandedRowsChange: (k) => setExpanded(k), indentSize: 20 }}
          locale={{ emptyText: <Empty description="暂无单位" /> }}
        />
      </Card>

      {editing && (
        <UnitFormModal
          mode={editing.mode}
          unit={editing.unit}
          parentId={editing.parentId}
          allUnits={all.units}
          onClose={() => setEditing(null)}
          onSaved={async (u) => {
            setEditing(null);
            await refresh();
            if (u.parentId != null) setExpanded((k) => (k ? [...new Set([...k, u.parentId!])] : k));
            setHighlight(u.id);
          }}
        />
      )}
      {moving && (
        <MoveModal
          unit={moving}
          allUnits={all.units}
          onClose={() => setMoving(null)}
          onSaved={async () => {
            setMoving(null);
            await refresh();
          }}
        />
      )}
      <HistoryDrawer unit={history} onClose={() => setHistory(null)} />
    </div>
  );
}

function UnitFormModal({
  mode,
  unit,
  parentId,
  allUnits,
  onClose,
  onSaved,
}: {
  mode: 'create' | 'edit';
  unit?: Unit;
  parentId?: number;
  allUnits: Unit[];
  onClose: () => void;
  onSaved: (u: Unit) => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const parentOptions = useMemo(() => unitTreeOptions(buildUnitTree(allUnits), (u) => u.status !== 'active'), [allUnits]);
  const initial =
    mode === 'edit' && unit
      ? { code: unit.code, name: unit.name, unitType: unit.unitType, sortOrder: unit.sortOrder, remark: unit.remark ?? '' }
      : { parentId, unitType: 'department', sortOrder: 0 };

  const submit = async () => {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const body = { ...v, remark: (v.remark as string | undefined)?.trim() || null };
      const saved = mode === 'create' ? await api.post<Unit>('/api/units', body) : await api.patch<Unit>(`/api/units/${unit!.id}`, body);
      feedback.message.success(mode === 'create' ? '新增成功' : '修改成功');
      onSaved(saved);
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={mode === 'create' ? '新增单位' : `修改单位 · ${unit?.name}`}
      width={640}
      onCancel={onClose}
      onOk={submit}
      okText="确定"
      cancelText="取消"
      confirmLoading={saving}
      mask={{ closable: false }}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'unit-form-submit' } as ButtonProps}
    >
      <Form form={form} name="unit" layout="horizontal" labelCol={{ span: 5 }} wrapperCol={{ span: 18 }} initialValues={initial} onFinish={submit} data-testid="unit-form" style={{ marginTop: 16 }}>
        {mode === 'create' && (
          <Form.Item name="parentId" label="上级单位" rules={[{ required: true, message: '请选择上级单位' }]}>
            <TreeSelect treeData={parentOptions} placeholder="选择上级单位" treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
          </Form.Item>
        )}
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { max: 128, message: '单位名称不能超过 128 个字符' }]}>
          <Input placeholder="如：青山区司法局" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="code"
          label="单位编码"
          rules={[
            { required: true, whitespace: true, message: '请填写单位编码' },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: '单位编码只能包含字母、数字、下划线、点和连字符' },
          ]}
          extra="全系统唯一，如统一社会信用代码或内部编码"
        >
          <Input placeholder="如：QS-SFJ" maxLength={64} />
        </Form.Item>
        <Form.Item name="unitType" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select options={UNIT_TYPE_OPTIONS} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="sortOrder" label="显示排序">
          <InputNumber min={0} max={99999} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="remark" label="备注">
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="请输入内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MoveModal({ unit, allUnits, onClose, onSaved }: { unit: Unit; allUnits: Unit[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ parentId: number }>();
  const [saving, setSaving] = useState(false);
  // Not itself, nor anything below it (that would make a cycle), nor a disabled unit.
  const options = useMemo(() => unitTreeOptions(buildUnitTree(allUnits), (u) => u.id === unit.id || u.status !== 'active', true), [allUnits, unit.id]);
  const submit = async () => {
    let v: { parentId: number };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await api.post(`/api/units/${unit.id}/move`, v);
      feedback.message.success('移动成功');
      onSaved();
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };
  const parent = allUnits.find((u) => u.id === unit.parentId);
  return (
    <Modal open title={`移动单位 · ${unit.name}`} onCancel={onClose} onOk={submit} okText="确定移动" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph type="secondary">当前上级单位：{parent?.name ?? '—'}。移动后，其下级单位和用户随之移动，数据权限按新位置计算。</Typography.Paragraph>
      <Form form={form} name="unitMove" layout="vertical">
        <Form.Item name="parentId" label="新的上级单位" rules={[{ required: true, message: '请选择新的上级单位' }]}>
          <TreeSelect treeData={options} placeholder="选择新的上级单位" treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HistoryDrawer({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const [items, setItems] = useState<UnitHistoryItem[] | null>(null);
  const unitId = unit?.id;
  useEffect(() => {
    if (unitId === undefined) return;
    let alive = true;
    setItems(null);
    api.get<{ items: UnitHistoryItem[] }>(`/api/units/${unitId}/history`).then(
      (r) => alive && setItems(r.items),
      (err) => {
        showError(err);
        if (alive) setItems([]);
      },
    );
    return () => {
      alive = false;
    };
  }, [unitId]);

  // Newest first; each entry shows what changed against the snapshot before it.
  const sorted = [...(items ?? [])].sort((a, b) => a.changedAt.localeCompare(b.changedAt) || a.id - b.id);
  const entries = sorted
    .map((h, i) => {
      const prev = i > 0 ? sorted[i - 1].snapshot : null;
      const keys = Object.keys(FIELD_LABELS).filter((k) => k !== 'path' && k !== 'depth');
      const diffs = prev ? keys.filter((k) => JSON.stringify(prev[k]) !== JSON.stringify(h.snapshot[k])).map((k) => ({ k, before: prev[k], after: h.snapshot[k] })) : [];
      return { h, diffs };
    })
    .reverse();

  return (
    <Drawer title={unit ? `变更历史 · ${unit.name}` : '变更历史'} open={!!unit} onClose={onClose} size={520} data-testid="unit-history">
      {items === null ? (
        <Typography.Text type="secondary">加载中…</Typography.Text>
      ) : entries.length === 0 ? (
        <Empty description="暂无变更记录" />
      ) : (
        <Timeline
          items={entries.map(({ h, diffs }) => {
            const a = HISTORY_ACTIONS[h.action] ?? { label: h.action, color: 'gray' };
            return {
              color: a.color,
              content: (
                <div>
                  <div>
                    <Tag color={a.color}>{a.label}</Tag>
                    <span>{fmtTime(h.changedAt)}</span>
                    {h.changedBy != null && <span className="fz-muted">　操作人 ID：{h.changedBy}</span>}
                  </div>
                  {h.action === 'create' ? (
                    <div className="fz-muted" style={{ marginTop: 4 }}>
                      {String(h.snapshot.name ?? '')}（{String(h.snapshot.code ?? '')}），{unitTypeLabel(String(h.snapshot.unitType ?? ''))}
                    </div>
                  ) : diffs.length ? (
                    <table className="fz-diff" style={{ marginTop: 6 }}>
                      <tbody>
                        {diffs.map((d) => (
                          <tr key={d.k}>
                            <th>{FIELD_LABELS[d.k] ?? d.k}</th>
                            <td className="fz-diff-before">{d.k === 'unitType' ? unitTypeLabel(String(d.before)) : fmtValue(d.before)}</td>
                            <td>→</td>
                            <td className="fz-diff-after">{d.k === 'unitType' ? unitTypeLabel(String(d.after)) : fmtValue(d.after)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </div>
              ),
            };
          })}
        />
      )}
    </Drawer>
  );
}
