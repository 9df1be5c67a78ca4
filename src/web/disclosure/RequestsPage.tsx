/**
 * 依申请公开: filters (unit, state, 逾期/即将到期, year, outcome, keyword — also read from the URL, so the home
 * card can link to a filtered list), the paged ledger with due dates coloured, 导出Excel with the same filters, and
 * 登记申请 (the channel decides which dates are asked, 《政府信息公开条例》第三十一条).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Table, Tag, Tooltip, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { RequestCreateSchema } from '../../modules/disclosure/disclosure.schema';
import type { Channel } from '../../shared/disclosure';
import { api, download, type Query } from '../api';
import { useAuth } from '../auth';
import { feedback, showError } from '../feedback';
import { unitTreeOptions } from '../components/units';
import { useUnits } from '../components/useUnits';
import {
  applicantTypeLabel,
  checkWith,
  CHANNEL_OPTIONS,
  cleanValues,
  DueDate,
  noFuture,
  OUTCOME_OPTIONS,
  outcomeText,
  RUNNING_STATES,
  STATE_OPTIONS,
  StateTag,
  yearOptions,
  zodRule,
  type GiRequest,
} from './common';
import { ApplicantFields } from './ApplicantFields';
import './disclosure.css';

const FILTER_KEYS = ['unitId', 'state', 'due', 'year', 'outcome', 'q'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

const DUE_OPTIONS = [
  { value: 'overdue', label: '逾期' },
  { value: 'soon', label: '即将到期（5个工作日内）' },
];
const STATE_FILTER_OPTIONS = [{ value: 'open', label: '未办结（全部）' }, ...STATE_OPTIONS];

interface ListResult {
  items: GiRequest[];
  total: number;
  today: string;
}

export default function RequestsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo<Filters>(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)), [params]);
  const { tree, units } = useUnits();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<ListResult>({ items: [], total: 0, today: dayjs().format('YYYY-MM-DD') });
  const [soonIds, setSoonIds] = useState<Set<number>>(new Set());
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [searchForm] = Form.useForm();

  useEffect(() => {
    searchForm.resetFields();
    searchForm.setFieldsValue({ ...filters, unitId: filters.unitId ? Number(filters.unitId) : undefined, year: filters.year ? Number(filters.year) : undefined });
  }, [filters, searchForm]);

  // Only the newest load may set the table (a slow earlier one must not overwrite a newer filter's result).
  const seq = useRef(0);
  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const q: Query = { ...filters, page: page.page, pageSize: page.pageSize };
      // 即将到期 is counted on working days by the server: ask it which of the unit's requests are due soon.
      const [list, soon] = await Promise.all([
        api.get<ListResult>('/api/disclosure/requests', q),
        api.get<ListResult>('/api/disclosure/requests', { unitId: filters.unitId, due: 'soon', pageSize: 500 }),
      ]);
      if (mine !== seq.current) return;
      setData(list);
      setSoonIds(new Set(soon.items.map((i) => i.id)));
    } catch (err) {
      if (mine === seq.current) showError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [filters, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const applyFilters = (v: Record<string, unknown>) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const x = v[k];
      if (x !== undefined && x !== null && String(x).trim() !== '') next.set(k, String(x).trim());
    }
    setParams(next);
    setPage((p) => ({ ...p, page: 1 }));
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await download('/api/disclosure/requests', { ...filters, format: 'xlsx' }, '依申请公开台账.xlsx');
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<GiRequest> = [
    {
      title: '查询码',
      dataIndex: 'tracking_code',
      width: 165,
      render: (v: string, r) => (
        <Link style={{ whiteSpace: 'nowrap' }} to={`/admin/disclosure/requests/${r.id}`} data-testid={`request-link-${v}`}>
          {v}
        </Link>
      ),
    },
    ...(units.length > 1 ? [{ title: '受理单位', dataIndex: 'unit_name', width: 150, ellipsis: true }] : []),
    {
      title: '申请人',
      dataIndex: 'applicant_name',
      width: 200,
      ellipsis: true,
      render: (v: string, r) => (
        <span title={`${v}（${applicantTypeLabel(r.applicant_type)}）`}>
          {v}
          <span className="fz-muted" style={{ marginLeft: 6 }}>
            {applicantTypeLabel(r.applicant_type)}
          </span>
        </span>
      ),
    },
    { title: '申请内容', dataIndex: 'content', ellipsis: { showTitle: true } },
    { title: '收到申请之日', dataIndex: 'received_on', width: 112 },
    {
      title: '答复期限',
      dataIndex: 'due_on',
      width: 150,
      render: (v: string | null, r) =>
        r.state === 'closed' ? <span className="fz-due">{v ?? '—'}</span> : <DueDate due={v} today={data.today} running={RUNNING_STATES.includes(r.state)} soon={soonIds.has(r.id)} />,
    },
    { title: '状态', dataIndex: 'state', width: 96, align: 'center', render: (v: GiRequest['state']) => <StateTag state={v} /> },
    {
      title: '办理结果',
      dataIndex: 'outcome',
      width: 160,
      ellipsis: true,
      render: (v: GiRequest['outcome'], r) => (v ? <span title={outcomeText(v, r.outcome_sub)}>{outcomeText(v, r.outcome_sub)}</span> : <span className="fz-muted">—</span>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 70,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button type="link" size="small" onClick={() => navigate(`/admin/disclosure/requests/${r.id}`)}>
          办理
        </Button>
      ),
    },
  ];

  return (
    <div className="fz-page">
      <Card variant="borderless" className="fz-search">
        <Form form={searchForm} layout="inline" name="requestSearch" onFinish={applyFilters} style={{ rowGap: 12 }}>
          <Form.Item name="unitId" label="受理单位">
            <TreeSelect treeData={unitTreeOptions(tree)} placeholder="全部单位" allowClear treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="state" label="状态">
            <Select placeholder="全部" allowClear options={STATE_FILTER_OPTIONS} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="due" label="期限">
            <Select placeholder="全部" allowClear options={DUE_OPTIONS} style={{ width: 190 }} />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <Select placeholder="全部" allowClear options={yearOptions()} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="outcome" label="办理结果">
            <Select placeholder="全部" allowClear options={OUTCOME_OPTIONS} style={{ width: 200 }} popupMatchSelectWidth={360} />
          </Form.Item>
          <Form.Item name="q" label="关键词">
            <Input placeholder="查询码、申请人或内容" allowClear style={{ width: 200 }} data-testid="request-search-q" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="request-search">
                搜索
              </Button>
              <Button icon={<ReloadOutlined />} onClick={() => applyFilters({})}>
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card variant="borderless" className="fz-table-card" style={{ marginTop: 12 }}>
        <div className="fz-toolbar">
          <Space wrap>
            {can('disclosure:request:create') && (
              <Button className="fz-btn-primary-plain" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="request-create">
                登记申请
              </Button>
            )}
            {can('disclosure:request:export') && (
              <Button className="fz-btn-warning-plain" icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
                导出Excel
              </Button>
            )}
            {filters.due && (
              <Tag color={filters.due === 'overdue' ? 'error' : 'warning'} closable onClose={() => applyFilters({ ...filters, due: undefined })}>
                {DUE_OPTIONS.find((o) => o.value === filters.due)?.label}
              </Tag>
            )}
          </Space>
          <Tooltip title="刷新">
            <Button shape="circle" icon={<ReloadOutlined />} onClick={load} aria-label="刷新" />
          </Tooltip>
        </div>
        <Table<GiRequest>
          data-testid="request-table"
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data.items}
          scroll={{ x: 1250 }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: data.total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (t) => `共 ${t} 件`,
            onChange: (p, s) => setPage({ page: s !== page.pageSize ? 1 : p, pageSize: s }),
          }}
        />
        <div className="fz-muted" style={{ marginTop: 4 }}>
          答复期限：<span className="fz-due-over">红色</span>为已逾期，<span className="fz-due-soon">橙色</span>为5个工作日内到期；待补正的申请自收到补正之日起重新计算。
        </div>
      </Card>
      {creating && (
        <RequestCreateModal
          unitOptions={unitTreeOptions(tree, (u) => u.status !== 'active')}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            navigate(`/admin/disclosure/requests/${id}`);
          }}
        />
      )}
    </div>
  );
}

/** Which receipt date each channel needs (《政府信息公开条例》第三十一条). */
const RECEIPT_FIELD: Record<Channel, 'signedOn' | 'confirmedOn' | null> = {
  in_person: null,
  registered_post: 'signedOn',
  ordinary_letter: 'confirmedOn',
  online: 'confirmedOn',
  fax: 'confirmedOn',
};
const RECEIPT_HELP: Record<Channel, string> = {
  in_person: '当面提交的，以提交之日为收到申请之日（第三十一条第（一）项）。',
  registered_post: '以邮寄方式提交的，以行政机关签收之日为收到申请之日（第三十一条第（二）项）。',
  ordinary_letter: '以平常信函等无需签收的邮寄方式提交的，应当于收到申请的当日与申请人确认，确认之日为收到申请之日（第三十一条第（二）项）。',
  online: '通过互联网渠道提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）。',
  fax: '通过传真提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）。',
};

function RequestCreateModal({ unitOptions, onClose, onSaved }: { unitOptions: ReturnType<typeof unitTreeOptions>; onClose: () => void; onSaved: (id: number) => void }) {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const channel = (Form.useWatch('channel', form) as Channel | undefined) ?? 'in_person';
  const receiptField = RECEIPT_FIELD[channel];
  const rule = (field: string, label: string) => zodRule(RequestCreateSchema, field, label);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const body = checkWith(RequestCreateSchema, cleanValues(form.getFieldsValue()), form);
    if (!body) return;
    setSaving(true);
    try {
      const r = await api.post<{ id: number; trackingCode: string; receivedOn: string; due: string }>('/api/disclosure/requests', body);
      feedback.message.success(`已登记，查询码 ${r.trackingCode}，收到申请之日 ${r.receivedOn}，答复期限 ${r.due}`);
      onSaved(r.id);
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="登记政府信息公开申请" width={760} onCancel={onClose} onOk={submit} okText="登记" cancelText="取消" confirmLoading={saving} mask={{ closable: false }} destroyOnHidden>
      <Form
        form={form}
        name="requestCreate"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 17 }}
        initialValues={{ unitId: user?.unitId ?? undefined, channel: 'in_person', submittedOn: dayjs(), applicantType: 'natural', form: 'paper', delivery: 'pickup' }}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="unitId" label="受理单位" rules={[{ required: true, message: '请选择受理单位' }]}>
          <TreeSelect treeData={unitOptions} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="channel" label="提交渠道" rules={rule('channel', '提交渠道')}>
          <Select options={CHANNEL_OPTIONS} />
        </Form.Item>
        <Row>
          <Col span={24}>
            <div className="fz-help-rule" data-testid="receipt-rule">
              <b>收到申请之日</b>（《政府信息公开条例》第三十一条）：{RECEIPT_HELP[channel]}答复期限自收到申请之日起20个工作日（第三十三条）。
            </div>
          </Col>
        </Row>
        <Form.Item name="submittedOn" label={channel === 'in_person' ? '提交日期' : channel === 'registered_post' || channel === 'ordinary_letter' ? '寄出日期' : '提交日期'} rules={rule('submittedOn', '提交日期')}>
          <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
        </Form.Item>
        {receiptField === 'signedOn' && (
          <Form.Item name="signedOn" label="签收日期" required rules={[{ required: true, message: '请填写行政机关签收之日' }]} extra="行政机关签收挂号信等的日期">
            <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
          </Form.Item>
        )}
        {receiptField === 'confirmedOn' && (
          <Form.Item name="confirmedOn" label="确认日期" required rules={[{ required: true, message: '请填写与申请人确认之日' }]} extra="与申请人确认收到申请的日期">
            <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
          </Form.Item>
        )}
        <ApplicantFields rule={rule} />
      </Form>
    </Modal>
  );
}
