/**
 * 工作日历: the national year arrangements stored in the database (status, source), each viewable; administrators
 * import a new year (a JSON file in the CALENDAR-FORMAT.md format, uploaded or pasted), see the open deadlines it
 * moves, and confirm. The import is audited and refreshes the moved deadlines in the same transaction.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Input, Modal, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ImportOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../api';
import { useAuth } from '../auth';
import { feedback, showError } from '../feedback';
import { fmtTime } from '../components/format';
import { YEAR_STATUS } from './labels';
import { MovedTable } from './MovedTable';
import type { YearArrangement, YearPreview, YearSummary } from './types';
import './calendar.css';

const FIELD_NAMES: Record<string, string> = { status: '状态', source: '来源', statutoryDays: '法定节日天数', note: '说明', holidays: '放假安排' };

function HolidaysTable({ a }: { a: YearArrangement }) {
  return (
    <Table
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={a.holidays}
      columns={[
        { title: '节日', dataIndex: 'name', key: 'name', width: 130 },
        { title: '放假', key: 'off', render: (_: unknown, h: YearArrangement['holidays'][number]) => (h.from === h.to ? h.from : `${h.from} 至 ${h.to}`) },
        { title: '调休上班', key: 'work', render: (_: unknown, h: YearArrangement['holidays'][number]) => (h.work.length ? h.work.join('、') : '—') },
      ]}
    />
  );
}

function YearDrawer({ year, onClose }: { year: number | null; onClose: () => void }) {
  const [data, setData] = useState<{ summary: YearSummary; arrangement: YearArrangement } | null>(null);
  useEffect(() => {
    setData(null);
    if (year === null) return;
    api.get<{ summary: YearSummary; arrangement: YearArrangement }>(`/api/calendar/years/${year}`).then(setData, (e) => showError(e));
  }, [year]);
  const a = data?.arrangement;
  return (
    <Drawer open={year !== null} onClose={onClose} size="large" title={year ? `${year}年节假日安排` : ''}>
      {a && data && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="状态">
              <Tag color={YEAR_STATUS[a.status].color}>{YEAR_STATUS[a.status].label}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="通知">{a.source.title}</Descriptions.Item>
            <Descriptions.Item label="文号">{a.source.docNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="发布日期">{a.source.published ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="原文">{a.source.url ? <Typography.Link href={a.source.url} target="_blank" rel="noreferrer">{a.source.url}</Typography.Link> : '—'}</Descriptions.Item>
            {a.note && <Descriptions.Item label="说明">{a.note}</Descriptions.Item>}
            <Descriptions.Item label="最近修改">
              {fmtTime(data.summary.updatedAt)}（第 {data.summary.revision} 版）
            </Descriptions.Item>
          </Descriptions>
          <HolidaysTable a={a} />
        </>
      )}
    </Drawer>
  );
}

function ImportModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<YearPreview | null>(null);
  const [problem, setProblem] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) {
      setText('');
      setFileName(null);
      setPreview(null);
      setProblem(null);
    }
  }, [open]);

  const parse = (): unknown | null => {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      setProblem([`不是有效的 JSON：${(e as Error).message}`]);
      return null;
    }
  };

  const doPreview = async () => {
    setProblem(null);
    setPreview(null);
    const arrangement = parse();
    if (arrangement === null) return;
    setBusy(true);
    try {
      setPreview(await api.post<YearPreview>('/api/calendar/years/preview', { arrangement }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') setProblem(err.fields.length ? err.fields.map((f) => `${f.field}：${f.message}`) : [err.message]);
      else showError(err);
    } finally {
      setBusy(false);
    }
  };

  const doImport = async () => {
    const arrangement = parse();
    if (arrangement === null || !preview) return;
    setBusy(true);
    try {
      const r = await api.post<{ year: number; created: boolean; changed: boolean; moved: unknown[] }>('/api/calendar/years', { arrangement, expectedMoved: preview.moved.map((m) => m.key) });
      feedback.message.success(r.changed ? `已${r.created ? '导入' : '替换'}${r.year}年节假日安排${r.moved.length ? `，${r.moved.length} 个期限已重新计算` : ''}` : '内容与已导入的相同，未作修改');
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        feedback.message.warning(err.message);
        await doPreview();
      } else showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="导入年度节假日安排"
      width={860}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          {preview ? (
            <>
              <Button onClick={() => setPreview(null)}>返回修改</Button>
              <Button type="primary" loading={busy} onClick={doImport} data-testid="year-import-confirm">
                确认导入
              </Button>
            </>
          ) : (
            <Button type="primary" loading={busy} disabled={!text.trim()} onClick={doPreview} data-testid="year-import-preview">
              校验并预览
            </Button>
          )}
        </Space>
      }
    >
      {!preview ? (
        <>
          <Typography.Paragraph type="secondary">
            每年一个文件，对应国务院办公厅的一份通知，格式见 CALENDAR-FORMAT.md。尚未与 gov.cn 原文核对的，status 填 unverified；核对后改为 official 再导入一次即可替换。
          </Typography.Paragraph>
          <Space style={{ marginBottom: 8 }}>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={async (file) => {
                setText(await file.text());
                setFileName(file.name);
                setProblem(null);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>选择 JSON 文件</Button>
            </Upload>
            {fileName && <span className="fz-muted">{fileName}</span>}
          </Space>
          <Input.TextArea
            data-testid="year-json"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={14}
            placeholder='或在此粘贴：{"year": 2027, "status": "unverified", "source": {"title": "国务院办公厅关于2027年部分节假日安排的通知"}, "holidays": [...]}'
            style={{ fontFamily: 'monospace', fontSize: 12 }}
          />
          {problem && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title="文件未通过校验"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {problem.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
              data-testid="year-import-problems"
            />
          )}
        </>
      ) : (
        <div data-testid="year-import-summary">
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="年度">{preview.year}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={YEAR_STATUS[preview.parsed.status].color}>{YEAR_STATUS[preview.parsed.status].label}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="通知" span={2}>
              {preview.parsed.source.title}
              {preview.parsed.source.docNo ? `（${preview.parsed.source.docNo}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="操作" span={2}>
              {preview.existing ? (
                <span>
                  替换已导入的{preview.year}年安排（第 {preview.existing.revision} 版）；变更：{Object.keys(preview.changes).map((k) => FIELD_NAMES[k] ?? k).join('、') || '无'}
                </span>
              ) : (
                '新增年度'
              )}
            </Descriptions.Item>
          </Descriptions>
          <HolidaysTable a={preview.parsed} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            受影响的未结期限
          </Typography.Title>
          <MovedTable moved={preview.moved} problems={preview.problems} />
        </div>
      )}
    </Modal>
  );
}

export default function YearsPage() {
  const { can } = useAuth();
  const [years, setYears] = useState<YearSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setYears((await api.get<{ items: YearSummary[] }>('/api/calendar/years')).items);
    } catch (err) {
      showError(err);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const last = years.at(-1)?.year;
  const columns: ColumnsType<YearSummary> = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 80 },
    { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (s: YearSummary['status']) => <Tag color={YEAR_STATUS[s].color}>{YEAR_STATUS[s].label}</Tag> },
    { title: '通知', dataIndex: 'title', key: 'title', ellipsis: true },
    { title: '文号', dataIndex: 'docNo', key: 'docNo', width: 190, render: (v: string | null) => v ?? <span className="fz-muted">未核实</span> },
    { title: '发布日期', dataIndex: 'published', key: 'published', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '放假/调休上班', key: 'days', width: 120, render: (_: unknown, y) => `${y.offDays} 天 / ${y.workDays} 天` },
    { title: '最近修改', dataIndex: 'updatedAt', key: 'updatedAt', width: 170, render: (v: string) => fmtTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, y) => (
        <Button type="link" size="small" onClick={() => setViewing(y.year)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <div className="fz-page" data-testid="years-page">
      {last !== undefined && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已载入至 ${last} 年。期限计算涉及 ${last + 1} 年及以后时，按周六、周日休息推算并标注“暂定”；${last + 1} 年的通知发布后（通常在上一年 10–12 月）请及时导入。`}
        />
      )}
      <Card variant="borderless" className="fz-table-card">
        <div className="fz-toolbar">
          <Space wrap>
            {can('calendar:year:manage') && (
              <Button className="fz-btn-primary-plain" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="year-import">
                导入年度安排
              </Button>
            )}
          </Space>
          <Space>
            <span className="fz-muted">共 {years.length} 个年度</span>
            <Tooltip title="刷新">
              <Button shape="circle" icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" />
            </Tooltip>
          </Space>
        </div>
        <Table<YearSummary>
          data-testid="years-table"
          rowKey="year"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={years}
          pagination={false}
          locale={{ emptyText: <Empty description="尚未导入任何年度" /> }}
        />
      </Card>
      <YearDrawer year={viewing} onClose={() => setViewing(null)} />
      <ImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onDone={() => {
          setImporting(false);
          void reload();
        }}
      />
    </div>
  );
}
