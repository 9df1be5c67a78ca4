/**
 * 复议诉讼: the ledger of 行政复议 and 行政诉讼 cases about 政府信息公开 (table 4 of the annual report), with 登记.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ReviewCaseSchema } from '../../modules/disclosure/disclosure.schema';
import { REVIEW_KINDS, REVIEW_RESULTS } from '../../shared/disclosure';
import { api } from '../api';
import { useAuth } from '../auth';
import { feedback, showError } from '../feedback';
import { unitTreeOptions } from '../components/units';
import { useUnits } from '../components/useUnits';
import { checkWith, cleanValues, noFuture, REVIEW_KIND_OPTIONS, REVIEW_RESULT_OPTIONS, yearOptions, zodRule, type ReviewCase } from './common';
import './disclosure.css';

const RESULT_COLORS: Record<string, string> = { upheld: 'success', corrected: 'error', other: 'default', pending: 'processing' };

export default function ReviewsPage() {
  const { can } = useAuth();
  const { tree } = useUnits();
  const [filters, setFilters] = useState<{ unitId?: number; year?: number }>({});
  const [items, setItems] = useState<ReviewCase[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [searchForm] = Form.useForm();

  const seq = useRef(0);
  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const r = await api.get<{ items: ReviewCase[] }>('/api/disclosure/reviews', filters);
      if (mine === seq.current) setItems(r.items);
    } catch (err) {
      if (mine === seq.current) showError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [filters]);
  useEffect(() => {
    void load();
  }, [load]);

  const columns: ColumnsType<ReviewCase> = [
    { title: '案号', dataIndex: 'case_no', width: 180, ellipsis: true },
    { title: '类别', dataIndex: 'kind', width: 200, render: (v: keyof typeof REVIEW_KINDS) => REVIEW_KINDS[v] ?? v },
    { title: '被申请/被诉单位', dataIndex: 'unit_name', width: 160, ellipsis: true },
    { title: '立案日期', dataIndex: 'filed_on', width: 105 },
    { title: '结果', dataIndex: 'result', width: 92, render: (v: keyof typeof REVIEW_RESULTS) => <Tag color={RESULT_COLORS[v]}>{REVIEW_RESULTS[v] ?? v}</Tag> },
    { title: '审结日期', dataIndex: 'closed_on', width: 105, render: (v: string | null) => v ?? <span className="fz-muted">—</span> },
    { title: '关联申请', dataIndex: 'request_id', width: 84, render: (v: number | null) => (v ? <Link to={`/admin/disclosure/requests/${v}`}>#{v}</Link> : <span className="fz-muted">—</span>) },
    { title: '备注', dataIndex: 'remark', ellipsis: true, render: (v: string | null) => v ?? '' },
  ];

  return (
    <div className="fz-page">
      <Card variant="borderless" className="fz-search">
        <Form
          form={searchForm}
          layout="inline"
          name="reviewSearch"
          onFinish={(v: { unitId?: number; year?: number }) => setFilters({ unitId: v.unitId || undefined, year: v.year || undefined })}
        >
          <Form.Item name="unitId" label="单位">
            <TreeSelect treeData={unitTreeOptions(tree)} placeholder="全部单位" allowClear treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="year" label="立案年度">
            <Select placeholder="全部" allowClear options={yearOptions()} style={{ width: 110 }} />
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
          <Space>
            {can('disclosure:review:create') && (
              <Button className="fz-btn-primary-plain" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="review-create">
                登记案件
              </Button>
            )}
          </Space>
          <Tooltip title="刷新">
            <Button shape="circle" icon={<ReloadOutlined />} onClick={load} aria-label="刷新" />
          </Tooltip>
        </div>
        <Table<ReviewCase> data-testid="review-table" rowKey="id" size="middle" loading={loading} columns={columns} dataSource={items} scroll={{ x: 1000 }} pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 件` }} />
        <div className="fz-muted" style={{ marginTop: 4 }}>
          年度报告表四按立案年度统计；年末尚未审结或结果为“尚未审结”的计入“尚未审结”。
        </div>
      </Card>
      {creating && (
        <ReviewCreateModal
          unitOptions={unitTreeOptions(tree, (u) => u.status !== 'active')}
          onClose={() => setCreating(false)}
          onSaved={async () => {
            setCreating(false);
            await load();
          }}
        />
      )}
    </div>
  );
}

function ReviewCreateModal({ unitOptions, onClose, onSaved }: { unitOptions: ReturnType<typeof unitTreeOptions>; onClose: () => void; onSaved: () => void }) {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const result = Form.useWatch('result', form) as string | undefined;
  const rule = (field: string, label: string) => zodRule(ReviewCaseSchema, field, label);
  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const body = checkWith(ReviewCaseSchema, cleanValues(form.getFieldsValue()), form);
    if (!body) return;
    setSaving(true);
    try {
      await api.post('/api/disclosure/reviews', body);
      feedback.message.success('已登记');
      onSaved();
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="登记复议/诉讼案件" width={640} onCancel={onClose} onOk={submit} okText="登记" cancelText="取消" confirmLoading={saving} mask={{ closable: false }} destroyOnHidden>
      <Form form={form} name="reviewCreate" labelCol={{ span: 5 }} wrapperCol={{ span: 18 }} initialValues={{ unitId: user?.unitId ?? undefined, kind: 'reconsideration', result: 'pending', filedOn: dayjs() }} style={{ marginTop: 16 }}>
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <TreeSelect treeData={unitOptions} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={rule('kind', '类别')}>
          <Select options={REVIEW_KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="caseNo" label="案号" rules={rule('caseNo', '案号')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="filedOn" label="立案日期" rules={rule('filedOn', '立案日期')}>
          <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="result" label="结果" rules={rule('result', '结果')}>
          <Select options={REVIEW_RESULT_OPTIONS} />
        </Form.Item>
        <Form.Item name="closedOn" label="审结日期" rules={rule('closedOn', '审结日期')} required={!!result && result !== 'pending'} extra={result && result !== 'pending' ? '已有结果的案件须填写审结日期' : undefined}>
          <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="requestId" label="关联申请ID" rules={rule('requestId', '关联申请')}>
          <InputNumber min={1} precision={0} style={{ width: 200 }} placeholder="可不填" />
        </Form.Item>
        <Form.Item name="remark" label="备注" rules={rule('remark', '备注')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
