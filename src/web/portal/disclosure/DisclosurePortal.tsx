/**
 * 政府信息公开 on the public portal (/p/disclosure, no sign-in): 主动公开 (published items with search and category
 * filter), 在线申请 (validated with the server's PortalRequestSchema; the tracking code is shown on success),
 * 办理查询 (by tracking code; the API returns no personal data and none is shown) and 年度报告 (published reports
 * with their text, the three tables and a .docx download).
 */
import { useEffect, useState } from 'react';
import { Link, Route, Routes, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, ConfigProvider, Descriptions, Empty, Form, Input, List, Pagination, Result, Select, Space, Spin, Tabs, Tag, Timeline, Typography } from 'antd';
import { FileWordOutlined, SearchOutlined, SendOutlined } from '@ant-design/icons';
import { PortalRequestSchema } from '../../../modules/disclosure/disclosure.schema';
import { REQUEST_STATES, type RequestState } from '../../../shared/disclosure';
import { api, ApiError } from '../../api';
import { showError } from '../../feedback';
import { fmtDate } from '../../components/format';
import { PageLoading } from '../../components/PageLoading';
import { ApplicantFields } from '../../disclosure/ApplicantFields';
import { CATEGORY_OPTIONS, categoryLabel, checkWith, cleanValues, StateTag, zodRule } from '../../disclosure/common';
import { Table2, Table3, Table4, type GiTablesData } from '../../disclosure/GiTables';
import '../../disclosure/disclosure.css';

const BASE = '/p/disclosure';
/** The portal's red instead of the staff app's blue. */
const PORTAL_THEME = { token: { colorPrimary: '#b71c1c', colorLink: '#b71c1c', colorInfo: '#b71c1c' } };
const TABS = [
  { key: '', label: '主动公开' },
  { key: 'apply', label: '在线申请' },
  { key: 'track', label: '办理查询' },
  { key: 'reports', label: '年度报告' },
];

export default function DisclosurePortal() {
  const location = useLocation();
  const navigate = useNavigate();
  const sub = location.pathname.slice(BASE.length).replace(/^\//, '').split('/')[0];
  return (
    <ConfigProvider theme={PORTAL_THEME}>
      <div data-testid="portal-disclosure">
        <Tabs activeKey={TABS.some((t) => t.key === sub) ? sub : ''} onChange={(k) => navigate(k ? `${BASE}/${k}` : BASE)} items={TABS.map((t) => ({ key: t.key, label: <span data-testid={`gk-tab-${t.key || 'proactive'}`}>{t.label}</span> }))} />
        <Routes>
          <Route index element={<ProactiveList />} />
          <Route path="apply" element={<ApplyForm />} />
          <Route path="track" element={<Track />} />
          <Route path="reports" element={<ReportList />} />
          <Route path="reports/:id" element={<ReportView />} />
          <Route path="*" element={<Empty description="页面不存在" />} />
        </Routes>
      </div>
    </ConfigProvider>
  );
}

// —— 主动公开 ——

interface PublicItem {
  id: number;
  title: string;
  index_no: string;
  category: string;
  published_on: string;
  formed_on: string;
  url: string | null;
  summary: string | null;
  unit_name: string;
}

function ProactiveList() {
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<{ q?: string; category?: string; page: number }>({ page: 1 });
  const [data, setData] = useState<{ items: PublicItem[]; total: number } | null>(null);
  useEffect(() => {
    api.get<{ items: PublicItem[]; total: number }>('/api/public/disclosure/proactive', { ...filter, pageSize: 15 }, { noRedirect: true }).then(setData, (err) => {
      showError(err);
      setData({ items: [], total: 0 });
    });
  }, [filter]);
  const page = filter.page;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select placeholder="全部公开类别" allowClear options={CATEGORY_OPTIONS} value={filter.category} onChange={(v?: string) => setFilter((f) => ({ ...f, category: v, page: 1 }))} style={{ width: 320 }} popupMatchSelectWidth={520} />
        <Input.Search placeholder="标题或索引号" allowClear enterButton="搜索" value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined, page: 1 }))} style={{ width: 320 }} />
      </Space>
      {!data ? (
        <PageLoading />
      ) : data.items.length === 0 ? (
        <Empty description="暂无已公开的政府信息" style={{ padding: '40px 0' }} />
      ) : (
        <>
          {data.items.map((i) => (
            <div key={i.id} className="fz-gk-item">
              <div className="fz-gk-item-title">
                {i.url ? (
                  <a href={i.url} target="_blank" rel="noreferrer">
                    {i.title}
                  </a>
                ) : (
                  i.title
                )}
              </div>
              {i.summary && <div style={{ color: '#595959', fontSize: 13, marginTop: 4 }}>{i.summary}</div>}
              <div className="fz-gk-item-meta">
                <span>索引号：{i.index_no}</span>
                <span>发布机构：{i.unit_name}</span>
                <span>类别：{categoryLabel(i.category)}</span>
                <span>生成日期：{i.formed_on}</span>
                <span>公开日期：{i.published_on}</span>
              </div>
            </div>
          ))}
          <Pagination style={{ marginTop: 16, textAlign: 'right' }} current={page} pageSize={15} total={data.total} onChange={(p) => setFilter((f) => ({ ...f, page: p }))} showTotal={(t) => `共 ${t} 条`} showSizeChanger={false} />
        </>
      )}
    </div>
  );
}

// —— 在线申请 ——

interface PublicUnit {
  id: number;
  name: string;
  unit_type: string;
}

function ApplyForm() {
  const [form] = Form.useForm();
  const [units, setUnits] = useState<PublicUnit[]>([]);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<{ trackingCode: string; receivedOn: string; due: string; unitName: string } | null>(null);
  useEffect(() => {
    api.get<{ items: PublicUnit[] }>('/api/public/disclosure/units', undefined, { noRedirect: true }).then((r) => setUnits(r.items), showError);
  }, []);
  const rule = (field: string, label: string) => zodRule(PortalRequestSchema, field, label);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const body = checkWith(PortalRequestSchema, cleanValues(form.getFieldsValue()), form);
    if (!body) return;
    setSaving(true);
    try {
      const r = await api.post<{ trackingCode: string; receivedOn: string; due: string }>('/api/public/disclosure/requests', body, { noRedirect: true });
      setDone({ ...r, unitName: units.find((u) => u.id === body.unitId)?.name ?? '' });
      window.scrollTo({ top: 0 });
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };

  if (done)
    return (
      <Result
        status="success"
        title="申请已提交"
        subTitle={
          <div>
            <div style={{ marginBottom: 8 }}>您的查询码（请妥善保存，凭查询码查询办理进度）：</div>
            <Typography.Paragraph copyable={{ text: done.trackingCode, tooltips: ['复制', '已复制'] }} className="fz-gk-code" data-testid="tracking-code">
              {done.trackingCode}
            </Typography.Paragraph>
            <div>
              受理机关：{done.unitName}　收到申请之日：{done.receivedOn}　答复期限：{done.due}
            </div>
            <div className="fz-muted" style={{ marginTop: 6 }}>
              行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复（《政府信息公开条例》第三十三条）。
            </div>
          </div>
        }
        extra={[
          <Link key="t" to={`${BASE}/track?code=${encodeURIComponent(done.trackingCode)}`}>
            <Button type="primary">查询办理进度</Button>
          </Link>,
          <Button
            key="n"
            onClick={() => {
              form.resetFields();
              setDone(null);
            }}
          >
            再提交一件
          </Button>,
        ]}
      />
    );

  return (
    <div style={{ maxWidth: 760 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 20 }}
        title="网上提交的申请，系统即时确认收到，提交之日为收到申请之日（《政府信息公开条例》第三十一条）。请如实填写，所需信息的描述应包括名称、文号或者便于查询的其他特征（第二十九条）。"
      />
      <Form form={form} name="portalApply" labelCol={{ span: 5 }} wrapperCol={{ span: 18 }} initialValues={{ applicantType: 'natural', form: 'electronic', delivery: 'online' }}>
        <Form.Item name="unitId" label="受理机关" rules={rule('unitId', '受理机关')}>
          <Select
            data-testid="apply-unit"
            placeholder="请选择向哪个机关申请"
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <ApplicantFields rule={rule} />
        <Form.Item wrapperCol={{ offset: 5, span: 18 }}>
          <Button type="primary" icon={<SendOutlined />} loading={saving} onClick={submit} data-testid="apply-submit">
            提交申请
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

// —— 办理查询 ——

interface Tracked {
  trackingCode: string;
  unitName: string;
  receivedOn: string;
  state: RequestState;
  stateLabel: string;
  due: string | null;
  isExtended: boolean;
  closedOn: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  steps: { type: string; label: string; date: string; docNo: string | null }[];
}

function Track() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [input, setInput] = useState(code);
  const [result, setResult] = useState<Tracked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setInput(code);
    if (!code) {
      setResult(null);
      setError(null);
      return;
    }
    setLoading(true);
    api
      .get<Tracked>(`/api/public/disclosure/requests/${encodeURIComponent(code)}`, undefined, { noRedirect: true })
      .then(
        (r) => {
          setResult(r);
          setError(null);
        },
        (err) => {
          setResult(null);
          setError(err instanceof ApiError ? err.message : String(err));
        },
      )
      .finally(() => setLoading(false));
  }, [code]);
  return (
    <div style={{ maxWidth: 820 }}>
      <Input.Search
        id="track-code"
        data-testid="track-input"
        placeholder="请输入查询码，如 GK2026-XXXXXXXX"
        enterButton={
          <span data-testid="track-submit">
            <SearchOutlined /> 查询
          </span>
        }
        size="large"
        value={input}
        onChange={(e) => setInput(e.target.value)}
        onSearch={(v) => {
          const c = v.trim().toUpperCase();
          if (c.length < 6) {
            setError('请输入完整的查询码');
            return;
          }
          setParams(c ? { code: c } : {});
        }}
      />
      <div style={{ marginTop: 20 }}>
        {loading ? (
          <Spin />
        ) : error ? (
          <Alert type="warning" showIcon title={error} data-testid="track-error" />
        ) : result ? (
          <Card size="small" data-testid="track-result">
            <Descriptions
              column={2}
              size="small"
              bordered
              items={[
                { key: 'c', label: '查询码', children: result.trackingCode },
                { key: 'u', label: '受理机关', children: result.unitName },
                { key: 's', label: '办理状态', children: <span data-testid="track-state"><StateTag state={result.state} /></span> },
                { key: 'r', label: '收到申请之日', children: result.receivedOn },
                { key: 'd', label: '答复期限', children: result.due ? `${result.due}${result.isExtended ? '（已延长）' : ''}` : result.state === 'awaiting_supplement' ? '待补正，补正后重新计算' : '—' },
                { key: 'cl', label: '答复日期', children: result.closedOn ?? '—' },
                { key: 'o', label: '办理结果', span: 2, children: <span data-testid="track-outcome">{result.outcomeLabel ?? (result.state === 'closed' ? '—' : `${REQUEST_STATES[result.state]}，尚未答复`)}</span> },
              ]}
            />
            <div style={{ margin: '16px 0 8px', fontWeight: 600 }}>办理过程</div>
            <Timeline
              items={result.steps.map((s, i) => ({
                key: i,
                color: s.type === 'answered' ? 'green' : 'blue',
                content: (
                  <span>
                    {s.label}
                    <span className="fz-muted" style={{ marginLeft: 12 }}>
                      {s.date}
                    </span>
                    {s.docNo && (
                      <span className="fz-muted" style={{ marginLeft: 12 }}>
                        {s.docNo}
                      </span>
                    )}
                  </span>
                ),
              }))}
            />
          </Card>
        ) : (
          <Typography.Paragraph type="secondary">提交申请时获得的查询码可用于查询办理进度。为保护个人信息，查询结果不显示申请人信息。</Typography.Paragraph>
        )}
      </div>
    </div>
  );
}

// —— 年度报告 ——

interface PublishedReport {
  id: number;
  unit_id: number;
  year: number;
  version: number;
  title: string;
  published_at: string;
  unit_name: string;
}

function ReportList() {
  const [items, setItems] = useState<PublishedReport[] | null>(null);
  const [year, setYear] = useState<number | undefined>();
  useEffect(() => {
    api.get<{ items: PublishedReport[] }>('/api/public/disclosure/reports', undefined, { noRedirect: true }).then(
      (r) => setItems(r.items),
      (err) => {
        showError(err);
        setItems([]);
      },
    );
  }, []);
  if (!items) return <PageLoading />;
  const years = [...new Set(items.map((i) => i.year))];
  const shown = year ? items.filter((i) => i.year === year) : items;
  return (
    <div>
      {years.length > 1 && (
        <Select placeholder="全部年度" allowClear value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年度` }))} style={{ width: 140, marginBottom: 12 }} />
      )}
      <List
        dataSource={shown}
        locale={{ emptyText: '暂无已发布的年度报告' }}
        renderItem={(r) => (
          <List.Item extra={<span className="fz-muted">{fmtDate(r.published_at)}</span>}>
            <Link to={`${BASE}/reports/${r.id}`} className="fz-gk-item-title">
              {r.title}
            </Link>
            <Tag style={{ marginLeft: 8 }}>{r.unit_name}</Tag>
          </List.Item>
        )}
      />
    </div>
  );
}

interface ReportFull {
  id: number;
  unitName: string;
  year: number;
  title: string;
  publishedAt: string;
  sections: { overview: string; problems: string; other: string };
  tables: GiTablesData;
}

function Paragraphs({ text }: { text: string }) {
  const ps = text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!ps.length) return <p className="fz-muted">无。</p>;
  return (
    <>
      {ps.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </>
  );
}

function ReportView() {
  const { id } = useParams();
  const [r, setR] = useState<ReportFull | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<ReportFull>(`/api/public/disclosure/reports/${id}`, undefined, { noRedirect: true }).then(setR, (err) => setError(err instanceof ApiError ? err.message : String(err)));
  }, [id]);
  if (error) return <Result status="404" title="报告不存在" subTitle={error} extra={<Link to={`${BASE}/reports`}>返回年度报告</Link>} />;
  if (!r) return <PageLoading />;
  return (
    <article className="fz-gk-report-text" data-testid="portal-report">
      <div className="fz-gk-report-title">{r.title}</div>
      <div style={{ textAlign: 'center', marginBottom: 16 }} className="fz-muted">
        {r.unitName}　发布日期：{fmtDate(r.publishedAt)}　
        <a href={`/api/public/disclosure/reports/${r.id}/docx`} download>
          <FileWordOutlined /> 下载 .docx
        </a>
      </div>
      <div className="fz-report-h">一、总体情况</div>
      <Paragraphs text={r.sections.overview} />
      <div className="fz-report-h">二、主动公开政府信息情况</div>
      <Table2 data={r.tables.table2} />
      <div className="fz-report-h">三、收到和处理政府信息公开申请情况</div>
      <div className="fz-gi-scroll">
        <Table3 data={r.tables.table3} />
      </div>
      <div className="fz-report-h">四、政府信息公开行政复议、行政诉讼情况</div>
      <div className="fz-gi-scroll">
        <Table4 data={r.tables.table4} />
      </div>
      <div className="fz-report-h">五、存在的主要问题及改进情况</div>
      <Paragraphs text={r.sections.problems} />
      <div className="fz-report-h">六、其他需要报告的事项</div>
      <Paragraphs text={r.sections.other} />
      <div style={{ marginTop: 24 }}>
        <Link to={`${BASE}/reports`}>← 返回年度报告列表</Link>
      </div>
    </article>
  );
}
