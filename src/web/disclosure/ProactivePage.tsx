/**
 * 主动公开台账: filters (unit, category, status, 逾期, year, keyword), the ledger with the 20-working-day due date
 * (《政府信息公开条例》第二十六条) and the lateness flag, 导出Excel, 登记 (category from PROACTIVE_CATEGORIES; optional
 * 表二统计口径 from TABLE2_KINDS with its amount) and 公开.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ProactiveCreateSchema, ProactivePublishSchema } from '../../modules/disclosure/disclosure.schema';
import { DISCLOSURE_LIMITS, TABLE2_KINDS, type ProactiveCategory, type Table2Kind } from '../../shared/disclosure';
import { api, download, type Query } from '../api';
import { useAuth } from '../auth';
import { feedback, showError } from '../feedback';
import { unitTreeOptions } from '../components/units';
import { useUnits } from '../components/useUnits';
import { CATEGORY_OPTIONS, categoryLabel, checkWith, cleanValues, noFuture, TABLE2_KIND_OPTIONS, todayStr, yearOptions, zodRule, type ProactiveItem } from './common';
import './disclosure.css';

interface Filters {
  unitId?: number;
  category?: string;
  status?: string;
  late?: string;
  year?: number;
  q?: string;
}

const STATUS_OPTIONS = [
  { value: 'draft', label: '未公开' },
  { value: 'published', label: '已公开' },
  { value: 'withdrawn', label: '已撤回' },
];
const LATE_OPTIONS = [
  { value: '1', label: '逾期' },
  { value: '0', label: '未逾期' },
];

/**
 * Which 表二统计口径 go with a category, asked of the schema itself (its refinement knows that 规章/规范性文件 belong
 * to 第（一）项, 许可 to 第（五）项, 处罚/强制 to 第（六）项, 收费 to 第（八）项).
 */
function table2KindsFor(category: ProactiveCategory | undefined): Table2Kind[] {
  if (!category) return [];
  return (Object.keys(TABLE2_KINDS) as Table2Kind[]).filter(
    (k) => ProactiveCreateSchema.safeParse({ unitId: 1, title: 't', indexNo: 'i', category, table2Kind: k, formedOn: '2020-01-01' }).success,
  );
}

export default function ProactivePage() {
  const { can } = useAuth();
  const { tree, units } = useUnits();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<{ items: ProactiveItem[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [publishing, setPublishing] = useState<ProactiveItem | null>(null);
  const [searchForm] = Form.useForm<Filters>();

  // Only the newest load may set the table (a slow earlier one must not overwrite a newer filter's result).
  const seq = useRef(0);
  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const r = await api.get<{ items: ProactiveItem[]; total: number }>('/api/disclosure/proactive', { ...(filters as Query), page: page.page, pageSize: page.pageSize });
      if (mine === seq.current) setData(r);
    } catch (err) {
      if (mine === seq.current) showError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [filters, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const onExport = async () => {
    setExporting(true);
    try {
      await download('/api/disclosure/proactive', { ...(filters as Query), format: 'xlsx' }, '主动公开台账.xlsx');
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };

  const today = todayStr();
  const columns: ColumnsType<ProactiveItem> = [
    { title: '索引号', dataIndex: 'index_no', width: 128, ellipsis: true },
    {
      title: '标题',
      dataIndex: 'title',
      ellipsis: { showTitle: true },
      render: (v: string, r) =>
        r.url ? (
          <a href={r.url} target="_blank" rel="noreferrer">
            {v}
          </a>
        ) : (
          v
        ),
    },
    { title: '公开类别', dataIndex: 'category', width: 120, ellipsis: { showTitle: false }, render: (v: string) => <Tooltip title={categoryLabel(v)}>{categoryLabel(v)}</Tooltip> },
    ...(units.length > 1 ? [{ title: '单位', dataIndex: 'unit_name', width: 140, ellipsis: true }] : []),
    {
      title: '表二口径',
      dataIndex: 'table2_kind',
      width: 120,
      ellipsis: true,
      render: (v: Table2Kind | null, r) => (v ? `${TABLE2_KINDS[v]}${r.table2_amount !== null ? ` × ${r.table2_amount}` : ''}` : <span className="fz-muted">—</span>),
    },
    { title: '形成/变更日期', dataIndex: 'formed_on', width: 112 },
    {
      title: '公开期限',
      dataIndex: 'due_on',
      width: 100,
      render: (v: string, r) => <span className={r.status === 'draft' && v < today ? 'fz-due fz-due-over' : 'fz-due'}>{v}</span>,
    },
    { title: '公开日期', dataIndex: 'published_on', width: 100, render: (v: string | null) => v ?? <span className="fz-muted">—</span> },
    {
      title: '状态',
      dataIndex: 'status',
      width: 112,
      render: (v: ProactiveItem['status'], r) => (
        <Space size={4}>
          <Tag color={v === 'published' ? 'success' : v === 'draft' ? 'default' : 'warning'}>{STATUS_OPTIONS.find((o) => o.value === v)?.label}</Tag>
          {r.late && <Tag color="error">逾期</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 64,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.status === 'draft' && can('disclosure:proactive:update') ? (
          <Button type="link" size="small" onClick={() => setPublishing(r)} data-testid={`publish-${r.id}`}>
            公开
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="fz-page">
      <Card variant="borderless" className="fz-search">
        <Form
          form={searchForm}
          layout="inline"
          name="proactiveSearch"
          style={{ rowGap: 12 }}
          onFinish={(v) => {
            setFilters(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && String(x).trim() !== '')) as Filters);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        >
          <Form.Item name="unitId" label="单位">
            <TreeSelect treeData={unitTreeOptions(tree)} placeholder="全部单位" allowClear treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="category" label="公开类别">
            <Select placeholder="全部" allowClear options={CATEGORY_OPTIONS} style={{ width: 220 }} popupMatchSelectWidth={480} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="late" label="逾期">
            <Select placeholder="全部" allowClear options={LATE_OPTIONS} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <Select placeholder="全部" allowClear options={yearOptions()} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input placeholder="标题或索引号" allowClear style={{ width: 180 }} />
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
            {can('disclosure:proactive:create') && (
              <Button className="fz-btn-primary-plain" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="proactive-create">
                登记
              </Button>
            )}
            {can('disclosure:proactive:list') && (
              <Button className="fz-btn-warning-plain" icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
                导出Excel
              </Button>
            )}
          </Space>
          <Tooltip title="刷新">
            <Button shape="circle" icon={<ReloadOutlined />} onClick={load} aria-label="刷新" />
          </Tooltip>
        </div>
        <Table<ProactiveItem>
          data-testid="proactive-table"
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data.items}
          scroll={{ x: 1040 }}
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
        <div className="fz-muted" style={{ marginTop: 4 }}>
          公开期限：信息形成或者变更之日起20个工作日内（《政府信息公开条例》第二十六条），按工作日历计算。
        </div>
      </Card>
      {creating && (
        <ProactiveCreateModal
          unitOptions={unitTreeOptions(tree, (u) => u.status !== 'active')}
          onClose={() => setCreating(false)}
          onSaved={async () => {
            setCreating(false);
            await load();
          }}
        />
      )}
      {publishing && (
        <PublishModal
          item={publishing}
          onClose={() => setPublishing(null)}
          onDone={async () => {
            setPublishing(null);
            await load();
          }}
        />
      )}
    </div>
  );
}

function ProactiveCreateModal({ unitOptions, onClose, onSaved }: { unitOptions: ReturnType<typeof unitTreeOptions>; onClose: () => void; onSaved: () => void }) {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const category = Form.useWatch('category', form) as ProactiveCategory | undefined;
  const kind = Form.useWatch('table2Kind', form) as Table2Kind | undefined;
  const kinds = useMemo(() => table2KindsFor(category), [category]);
  const rule = (field: string, label: string) => zodRule(ProactiveCreateSchema, field, label);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const body = checkWith(ProactiveCreateSchema, cleanValues(form.getFieldsValue()), form);
    if (!body) return;
    setSaving(true);
    try {
      const r = await api.post<{ id: number; due: string }>('/api/disclosure/proactive', body);
      feedback.message.success(`已登记，公开期限 ${r.due}`);
      onSaved();
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="登记主动公开" width={760} onCancel={onClose} onOk={submit} okText="登记" cancelText="取消" confirmLoading={saving} mask={{ closable: false }} destroyOnHidden>
      <div className="fz-help-rule">
        属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开（第二十六条）。填写公开日期即登记为已公开；不填则为未公开，公开后在列表中点“公开”。
      </div>
      <Form form={form} name="proactiveCreate" labelCol={{ span: 5 }} wrapperCol={{ span: 18 }} initialValues={{ unitId: user?.unitId ?? undefined, formedOn: dayjs() }}>
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <TreeSelect treeData={unitOptions} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={rule('title', '标题')}>
          <Input maxLength={DISCLOSURE_LIMITS.titleMax} />
        </Form.Item>
        <Form.Item name="indexNo" label="索引号" rules={rule('indexNo', '索引号')}>
          <Input maxLength={64} placeholder="如 QS-NLZ/2026-00012" />
        </Form.Item>
        <Form.Item name="category" label="公开类别" rules={rule('category', '公开类别')}>
          <Select
            options={CATEGORY_OPTIONS}
            onChange={() => form.setFieldsValue({ table2Kind: undefined, table2Amount: undefined })}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="《政府信息公开条例》第二十条、第二十一条"
          />
        </Form.Item>
        <Form.Item name="table2Kind" label="表二统计口径" rules={rule('table2Kind', '表二统计口径')} extra={category && !kinds.length ? '该类别不计入年度报告表二' : '计入年度报告“二、主动公开政府信息情况”的口径（可不选）'}>
          <Select options={TABLE2_KIND_OPTIONS.filter((o) => kinds.includes(o.value))} allowClear disabled={!kinds.length} placeholder="不计入表二" />
        </Form.Item>
        {kind && kind !== 'rule_issued' && kind !== 'rule_repealed' && kind !== 'normative_issued' && kind !== 'normative_repealed' && (
          <Form.Item name="table2Amount" label={kind === 'fee' ? '收费金额' : '决定数量'} rules={rule('table2Amount', kind === 'fee' ? '收费金额' : '决定数量')} extra={kind === 'fee' ? '本条目对应的收费金额（万元）' : '本条目包含的处理决定数量，不填按 1 件'}>
            <InputNumber min={0} max={1e9} precision={kind === 'fee' ? 2 : 0} style={{ width: 200 }} addonAfter={kind === 'fee' ? '万元' : '件'} />
          </Form.Item>
        )}
        <Form.Item name="formedOn" label="形成/变更日期" rules={rule('formedOn', '信息形成或者变更之日')}>
          <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="publishedOn" label="公开日期" rules={rule('publishedOn', '公开日期')}>
          <DatePicker style={{ width: '100%' }} disabledDate={noFuture} placeholder="已公开的填写" />
        </Form.Item>
        <Form.Item name="channel" label="公开渠道" rules={rule('channel', '公开渠道')}>
          <Input maxLength={64} placeholder="如 政府网站、政务新媒体、公开栏" />
        </Form.Item>
        <Form.Item name="url" label="网址" rules={rule('url', '网址')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="summary" label="内容概述" rules={rule('summary', '内容概述')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PublishModal({ item, onClose, onDone }: { item: ProactiveItem; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const publishedOn = Form.useWatch('publishedOn', form) as dayjs.Dayjs | undefined;
  const late = publishedOn ? publishedOn.format('YYYY-MM-DD') > item.due_on : false;
  const rule = (field: string, label: string) => zodRule(ProactivePublishSchema, field, label);
  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const body = checkWith(ProactivePublishSchema, cleanValues(form.getFieldsValue()), form);
    if (!body) return;
    setSaving(true);
    try {
      await api.post(`/api/disclosure/proactive/${item.id}/publish`, body);
      feedback.message.success('已公开');
      onDone();
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`公开 · ${item.title}`} onCancel={onClose} onOk={submit} okText="公开" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        形成/变更日期 {item.formed_on}，公开期限 <b>{item.due_on}</b>。
      </Typography.Paragraph>
      <Form form={form} name="proactivePublish" layout="vertical" initialValues={{ publishedOn: dayjs(), channel: item.channel ?? undefined, url: item.url ?? undefined }}>
        <Form.Item name="publishedOn" label="公开日期" rules={rule('publishedOn', '公开日期')} extra={late ? <span className="fz-due-over">晚于公开期限，将标记为逾期公开</span> : undefined}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => noFuture(d) || d.isBefore(dayjs(item.formed_on), 'day')} />
        </Form.Item>
        <Form.Item name="channel" label="公开渠道" rules={rule('channel', '公开渠道')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="url" label="网址" rules={rule('url', '网址')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
