/**
 * 操作日志: filters (action, actor, unit, date range, object), the paged list with 字段变更 in an expandable row,
 * Excel export of the filtered list, and 校验哈希链.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, AutoComplete, Button, Card, DatePicker, Form, Input, Modal, Result, Select, Space, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, download, type Query } from '../../api';
import { useAuth } from '../../auth';
import { showError } from '../../feedback';
import { fmtTime, fmtValue } from '../../components/format';
import { unitTreeOptions } from '../../components/units';
import { useUnits } from '../../components/useUnits';
import type { AuditEvent, AuditVerifyResult, Paged } from '../../types';
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel, fieldLabel } from '../auditLabels';

interface FilterForm {
  action?: string;
  actor?: string;
  unitId?: number;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }));

const actionColor = (a: string) => (/create$/.test(a) ? 'green' : /delete$|disable$|revoke$/.test(a) ? 'red' : /update$|move$/.test(a) ? 'blue' : 'default');

/** The changes of one event as a 字段/修改前/修改后 table. */
function ChangesTable({ e }: { e: AuditEvent }) {
  const rows = Object.entries(e.changes ?? {}).map(([field, [before, after]]) => ({ field, before, after }));
  const head = (
    <div className="fz-muted" style={{ marginBottom: 8 }}>
      操作对象：{entityLabel(e.entityType)}
      {e.entityId ? ` #${e.entityId}` : ''}　操作类型：{e.action}　摘要：{e.summary}
    </div>
  );
  if (!rows.length)
    return (
      <div>
        {head}
        <Typography.Text type="secondary">此操作没有记录字段变更。</Typography.Text>
      </div>
    );
  return (
    <div>
      {head}
      <Table
      className="fz-changes"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      data-testid={`audit-changes-${e.id}`}
      columns={[
        { title: '字段', dataIndex: 'field', width: 180, render: (f: string) => (<span>{fieldLabel(f)}{fieldLabel(f) !== f && <span className="fz-perm-code">{f}</span>}</span>) },
        { title: '修改前', dataIndex: 'before', render: (v: unknown) => <span className="fz-value fz-diff-before">{fmtValue(v)}</span> },
        { title: '修改后', dataIndex: 'after', render: (v: unknown) => <span className="fz-value fz-diff-after">{fmtValue(v)}</span> },
      ]}
      />
    </div>
  );
}

export default function AuditPage() {
  const { can } = useAuth();
  const { tree } = useUnits();
  const [form] = Form.useForm<FilterForm>();
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Paged<AuditEvent>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.get<Paged<AuditEvent>>('/api/audit/events', { ...query, page: page.page, pageSize: page.pageSize }));
    } catch (err) {
      showError(err, form);
    } finally {
      setLoading(false);
    }
  }, [query, page, form]);
  useEffect(() => {
    void load();
  }, [load]);

  const toQuery = (v: FilterForm): Query => ({
    action: v.action?.trim() || undefined,
    actor: v.actor?.trim() || undefined,
    unitId: v.unitId,
    entityType: v.entityType || undefined,
    entityId: v.entityId?.trim() || undefined,
    // Whole local days, sent as instants (the server stores UTC).
    from: v.range?.[0] ? v.range[0].startOf('day').toISOString() : undefined,
    to: v.range?.[1] ? v.range[1].endOf('day').toISOString() : undefined,
  });

  const onExport = async () => {
    setExporting(true);
    try {
      await download('/api/audit/events', { ...query, format: 'xlsx' }, '操作日志.xlsx');
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };

  const onVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<AuditVerifyResult>('/api/audit/verify'));
    } catch (err) {
      showError(err);
    } finally {
      setVerifying(false);
    }
  };

  const columns: ColumnsType<AuditEvent> = [
    { title: '序号', dataIndex: 'seq', width: 70 },
    { title: '操作时间', dataIndex: 'occurredAt', width: 165, render: fmtTime },
    { title: '操作人', dataIndex: 'actorName', width: 100, ellipsis: true },
    { title: '所属单位', dataIndex: 'unitName', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '操作类型',
      dataIndex: 'action',
      width: 125,
      render: (a: string) => (
        <Tooltip title={a}>
          <Tag color={actionColor(a)}>{actionLabel(a)}</Tag>
        </Tooltip>
      ),
    },
    { title: '摘要', dataIndex: 'summary', ellipsis: { showTitle: true } },
    { title: 'IP 地址', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <div className="fz-page">
      <Card variant="borderless" className="fz-search">
        <Form
          form={form}
          layout="inline"
          name="auditSearch"
          onFinish={(v) => {
            setQuery(toQuery(v));
            setPage((p) => ({ ...p, page: 1 }));
          }}
        >
          <Form.Item name="action" label="操作类型">
            <AutoComplete options={ACTION_OPTIONS} placeholder="如 org:unit 或 org:unit:create" allowClear style={{ width: 220 }} filterOption={(input, o) => String(o?.value).includes(input) || String(o?.label).includes(input)} />
          </Form.Item>
          <Form.Item name="actor" label="操作人">
            <Input placeholder="操作人姓名" allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="unitId" label="单位">
            <TreeSelect treeData={unitTreeOptions(tree)} placeholder="全部单位" allowClear treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="entityType" label="对象">
            <Select options={ENTITY_OPTIONS} placeholder="全部" allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="range" label="操作时间">
            <DatePicker.RangePicker style={{ width: 250 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                搜索
              </Button>
              <Button
                icon={<ReloadOutlined />}
                onClick={() => {
                  form.resetFields();
                  setQuery({});
                  setPage((p) => ({ ...p, page: 1 }));
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
            {can('audit:event:export') && (
              <Button className="fz-btn-warning-plain" icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
                导出Excel
              </Button>
            )}
            {can('audit:event:verify') && (
              <Button className="fz-btn-success-plain" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={onVerify} data-testid="audit-verify">
                校验哈希链
              </Button>
            )}
            <span className="fz-muted">每条记录以哈希链相连，任何删改都能被校验发现。点击行首“+”查看字段变更。</span>
          </Space>
          <Tooltip title="刷新">
            <Button shape="circle" icon={<ReloadOutlined />} onClick={load} aria-label="刷新" />
          </Tooltip>
        </div>
        <Table<AuditEvent>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={data.items}
          scroll={{ x: 950 }}
          expandable={{ expandedRowRender: (e) => <ChangesTable e={e} />, rowExpandable: () => true }}
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

      <Modal
        open={!!verify}
        title="操作日志哈希链校验"
        width={720}
        onCancel={() => setVerify(null)}
        footer={
          <Button type="primary" onClick={() => setVerify(null)}>
            关闭
          </Button>
        }
      >
        {verify && (
          <div data-testid="audit-verify-result">
            {verify.ok ? (
              <Result status="success" title="校验通过" subTitle={`已校验 ${verify.checked} 条记录，哈希链完整，未发现篡改。`} />
            ) : (
              <>
                <Alert type="error" showIcon title={`校验未通过：已校验 ${verify.checked} 条记录，发现 ${verify.problems.length} 处问题。`} style={{ marginBottom: 12 }} />
                <Table
                  size="small"
                  rowKey={(p) => `${p.kind}-${p.seq}-${p.eventId}`}
                  dataSource={verify.problems}
                  pagination={verify.problems.length > 10 ? { pageSize: 10 } : false}
                  columns={[
                    { title: '序号', dataIndex: 'seq', width: 80 },
                    { title: '记录 ID', dataIndex: 'eventId', width: 90 },
                    { title: '类型', dataIndex: 'kind', width: 140 },
                    { title: '说明', dataIndex: 'message' },
                  ]}
                />
              </>
            )}
          </div>
        )}
      </Modal>
    </div>
  );
}
