/**
 * 申请详情 (/admin/disclosure/requests/:id): the applicant and the request, the steps taken (each with its date,
 * document number and 下载文书), the due date with its day-by-day calculation, and one form per next step
 * (补正告知, 收到补正, 征求意见, 意见返回, 延期, 收费通知, 缴费, 答复). The server guards every step; its reason
 * (INVALID_STATE, with the article of the 条例) is shown in the form.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Result, Row, Select, Space, Spin, Tag, Timeline, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { RequestEventSchema } from '../../modules/disclosure/disclosure.schema';
import { OUTCOMES, REQUEST_EVENTS, type Outcome, type RequestEventType } from '../../shared/disclosure';
import { api, ApiError, download } from '../api';
import { useAuth } from '../auth';
import { feedback, showError } from '../feedback';
import { fmtTime } from '../components/format';
import { PageLoading } from '../components/PageLoading';
import { useUnits } from '../components/useUnits';
import {
  applicantTypeLabel,
  channelLabel,
  checkWith,
  cleanValues,
  deliveryLabel,
  DueDate,
  eventLabel,
  formLabel,
  noFuture,
  OUTCOME_OPTIONS,
  outcomeSubOptions,
  outcomeText,
  RUNNING_STATES,
  StateTag,
  todayStr,
  zodRule,
  type GiRequestDetail,
  type GiRequestEvent,
} from './common';
import './disclosure.css';

type StepType = Exclude<RequestEventType, 'request_received'>;

const PARTY_KIND_OPTIONS = [
  { value: 'third_party', label: '第三方（第三十二条）' },
  { value: 'agency', label: '其他机关（第三十四条）' },
];
const OPINION_OPTIONS = [
  { value: 'agree', label: '同意公开' },
  { value: 'disagree', label: '不同意公开' },
  { value: 'no_reply', label: '期满未提出意见' },
];
const FEE_BASIS_OPTIONS = [
  { value: 'per_request', label: '按件计收' },
  { value: 'per_volume', label: '按量计收' },
];
const optLabel = (opts: { value: string; label: string }[], v: unknown) => opts.find((o) => o.value === v)?.label ?? String(v ?? '');

/**
 * The buttons of the next steps, by state (the server decides; these are the ones that can succeed). 延期 needs
 * disclosure:request:approve; every other step needs disclosure:request:update (the service checks each step).
 */
function nextSteps(d: GiRequestDetail, canUpdate: boolean, canApprove: boolean): { type: StepType; label: string; primary?: boolean }[] {
  const p = d.projection;
  const out: { type: StepType; label: string; primary?: boolean }[] = [];
  switch (p.state) {
    case 'in_progress':
      if (!p.hasSupplementRequest) out.push({ type: 'supplement_requested', label: '补正告知' });
      out.push({ type: 'consultation_started', label: '征求意见' });
      if (canApprove && !p.isExtended) out.push({ type: 'extended', label: '延期' });
      out.push({ type: 'fee_notice_sent', label: '收费通知' });
      out.push({ type: 'answered', label: '答复', primary: true });
      break;
    case 'awaiting_supplement':
      out.push({ type: 'supplement_received', label: '收到补正', primary: true });
      out.push({ type: 'answered', label: '答复（逾期不补正）' });
      break;
    case 'consulting':
      out.push({ type: 'consultation_ended', label: '意见返回', primary: true });
      if (canApprove && !p.isExtended) out.push({ type: 'extended', label: '延期' });
      break;
    case 'awaiting_fee':
      out.push({ type: 'fee_paid', label: '缴费', primary: true });
      out.push({ type: 'answered', label: '答复（逾期未缴费）' });
      break;
    default:
      break;
  }
  return out.filter((s) => (s.type === 'extended' ? canApprove : canUpdate));
}

/** What an event says, in a line or two. */
function EventPayload({ e }: { e: GiRequestEvent }) {
  const p = e.payload;
  switch (e.type) {
    case 'request_received':
      return (
        <>
          {channelLabel(String(p.channel))}，提交日期 {String(p.submittedOn)}
          {p.signedOn ? `，签收日期 ${String(p.signedOn)}` : ''}
          {p.confirmedOn ? `，确认日期 ${String(p.confirmedOn)}` : ''}
        </>
      );
    case 'supplement_requested':
      return <>需补正事项：{String(p.items)}</>;
    case 'supplement_received':
      return <>{p.note ? String(p.note) : '申请人已补正'}</>;
    case 'consultation_started':
      return (
        <>
          征求{optLabel(PARTY_KIND_OPTIONS, p.partyKind).replace(/（.*）/, '')}意见：{String(p.party)}
        </>
      );
    case 'consultation_ended':
      return (
        <>
          {optLabel(OPINION_OPTIONS, p.opinion)}
          {p.note ? `；${String(p.note)}` : ''}
        </>
      );
    case 'extended':
      return (
        <>
          延长 {String(p.days)} 个工作日，经负责人 {String(p.approvedBy)} 同意；理由：{String(p.reason)}
        </>
      );
    case 'fee_notice_sent':
      return (
        <>
          {optLabel(FEE_BASIS_OPTIONS, p.basis)}，金额 {String(p.amount)} 元
        </>
      );
    case 'fee_paid':
      return <>申请人已缴纳信息处理费</>;
    case 'answered':
      return (
        <>
          <b>{outcomeText(p.outcome as Outcome, p.outcomeSub ? Number(p.outcomeSub) : null)}</b>
          {p.reply ? <div className="fz-event-payload">{String(p.reply)}</div> : null}
        </>
      );
    default:
      return null;
  }
}

/** The `trace` lines of the detail route: rule, start, one line per day, pauses, the end. */
function Trace({ lines }: { lines: string[] }) {
  if (!lines.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无计算过程" />;
  return (
    <div className="fz-trace" data-testid="due-trace">
      {lines.map((line, i) => {
        const day = /^\s+(\d{4}-\d{2}-\d{2})\s+(第\d+日|不计)\s+(.*)$/.exec(line);
        if (day)
          return (
            <div key={i} className={day[2] === '不计' ? 'fz-trace-day skipped' : 'fz-trace-day counted'}>
              <span>{day[1]}</span>
              <span className="n">{day[2]}</span>
              <span>{day[3]}</span>
            </div>
          );
        if (line.startsWith('规则 '))
          return (
            <div key={i} className="fz-trace-rule">
              {line.replace(/^规则 [\w.-]+：/, '').replace(/（domain-rules[^）]*）/, '')}
            </div>
          );
        if (line.startsWith('期限届满日'))
          return (
            <div key={i} className="fz-trace-end">
              {line}
            </div>
          );
        return (
          <div key={i} className="fz-trace-head">
            {line.trim()}
          </div>
        );
      })}
    </div>
  );
}

export default function RequestDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [data, setData] = useState<GiRequestDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [step, setStep] = useState<StepType | null>(null);
  const [soon, setSoon] = useState(false);
  const [showTrace, setShowTrace] = useState(false);
  const { units } = useUnits();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const d = await api.get<GiRequestDetail>(`/api/disclosure/requests/${id}`);
      setData(d);
      setError(null);
      if (RUNNING_STATES.includes(d.projection.state)) {
        const s = await api.get<{ items: { id: number }[] }>('/api/disclosure/requests', { unitId: d.request.unit_id, due: 'soon', pageSize: 500 });
        setSoon(s.items.some((x) => x.id === d.request.id));
      } else setSoon(false);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else showError(err);
    } finally {
      setLoading(false);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Result status={error.status === 404 ? '404' : 'error'} title={error.status === 404 ? '申请不存在' : '加载失败'} subTitle={error.message} extra={<Link to="/admin/disclosure/requests">返回依申请公开</Link>} />;
  if (!data) return <PageLoading />;
  const { request: r, events, projection: p } = data;
  const steps = nextSteps(data, can('disclosure:request:update'), can('disclosure:request:approve'));
  const today = todayStr();

  const letter = async (e: GiRequestEvent) => {
    try {
      await download(`/api/disclosure/requests/${r.id}/letters/${e.seq}`, undefined, `${eventLabel(e.type)}-${r.tracking_code}.docx`);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div className="fz-page" data-testid="request-detail">
      <Card variant="borderless" className="fz-card">
        <div className="fz-toolbar" style={{ marginBottom: 0 }}>
          <Space size={12} wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              返回
            </Button>
            <Typography.Title level={5} style={{ margin: 0 }}>
              政府信息公开申请 <span data-testid="detail-tracking-code">{r.tracking_code}</span>
            </Typography.Title>
            <span data-testid="detail-state">
              <StateTag state={p.state} />
            </span>
            {p.isLate && <Tag color="error">{p.state === 'closed' ? '逾期答复' : '已逾期'}</Tag>}
            {p.isExtended && <Tag color="orange">已延期 {p.extensionDays} 个工作日</Tag>}
            <span className="fz-muted">{units.find((u) => u.id === r.unit_id)?.name ?? ''}</span>
          </Space>
          <Tooltip title="刷新">
            <Button shape="circle" icon={<ReloadOutlined />} onClick={load} loading={loading} aria-label="刷新" />
          </Tooltip>
        </div>
      </Card>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={15}>
          <Card variant="borderless" className="fz-card" title="申请信息">
            <Descriptions
              size="small"
              bordered
              column={2}
              styles={{ label: { width: 120 } }}
              items={[
                { key: 'type', label: '申请人类型', children: applicantTypeLabel(r.applicant_type) },
                { key: 'name', label: '申请人', children: r.applicant_name },
                { key: 'idno', label: '证件号码', children: r.applicant_id_no ?? '—' },
                { key: 'phone', label: '联系电话', children: r.applicant_phone ?? '—' },
                { key: 'email', label: '电子邮箱', children: r.applicant_email ?? '—' },
                { key: 'addr', label: '通信地址', children: r.applicant_address ?? '—' },
                { key: 'channel', label: '提交渠道', children: `${channelLabel(r.channel)}${r.source === 'portal' ? '（门户网上申请）' : ''}` },
                { key: 'received', label: '收到申请之日', children: p.receivedOn },
                { key: 'form', label: '获取形式', children: formLabel(r.form) },
                { key: 'delivery', label: '获取方式', children: deliveryLabel(r.delivery) },
                { key: 'content', label: '所需信息', span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.content}</span> },
                { key: 'created', label: '登记时间', span: 2, children: fmtTime(r.created_at) },
              ]}
            />
          </Card>
          <Card variant="borderless" className="fz-card" title="办理过程" style={{ marginTop: 16 }}>
            <Timeline
              data-testid="request-timeline"
              items={events.map((e) => ({
                key: e.seq,
                color: e.type === 'answered' ? 'green' : e.type === 'request_received' ? 'blue' : 'gray',
                content: (
                  <div data-testid={`event-${e.seq}`}>
                    <div>
                      <b>{REQUEST_EVENTS[e.type] ?? e.type}</b>
                      <span className="fz-event-meta" style={{ marginLeft: 12 }}>
                        {e.occurred_on}
                      </span>
                      {e.doc_no && (
                        <span className="fz-event-meta" style={{ marginLeft: 12 }}>
                          文号：{e.doc_no}
                        </span>
                      )}
                      {e.doc_no && (
                        <Button type="link" size="small" icon={<FileWordOutlined />} onClick={() => letter(e)} data-testid={`letter-${e.seq}`}>
                          下载文书
                        </Button>
                      )}
                    </div>
                    <div className="fz-event-payload">
                      <EventPayload e={e} />
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card variant="borderless" className="fz-card" title="办理">
            {p.state === 'closed' ? (
              <Typography.Text type="secondary">该申请已于 {p.closedOn} 答复办结。</Typography.Text>
            ) : steps.length ? (
              <div className="fz-actions-bar">
                {steps.map((s) => (
                  <Button key={s.type} type={s.primary ? 'primary' : 'default'} onClick={() => setStep(s.type)} data-testid={`step-${s.type}`}>
                    {s.label}
                  </Button>
                ))}
              </div>
            ) : (
              <Typography.Text type="secondary">您没有办理该申请的权限。</Typography.Text>
            )}
          </Card>
          <Card variant="borderless" className="fz-card" title="答复期限" style={{ marginTop: 16 }}>
            <div className="fz-bigdue" data-testid="detail-due">
              {p.state === 'closed' ? <span className="fz-due">{p.due ?? '—'}</span> : <DueDate due={p.due} today={today} running={RUNNING_STATES.includes(p.state)} soon={soon} />}
            </div>
            <Descriptions
              size="small"
              column={1}
              style={{ marginTop: 12 }}
              items={[
                { key: 'r', label: '收到申请之日', children: p.receivedOn },
                { key: 's', label: '补正告知期限', children: `${p.supplementNoticeDue}（第三十条，7个工作日）` },
                ...(p.closedOn ? [{ key: 'c', label: '答复日期', children: p.closedOn }] : []),
                ...(p.outcome ? [{ key: 'o', label: '办理结果', children: <span data-testid="detail-outcome">{outcomeText(p.outcome, p.outcomeSub)}</span> }] : []),
              ]}
            />
            {p.state === 'awaiting_supplement' && <Alert type="warning" showIcon title="待申请人补正：答复期限自收到补正的申请之日起重新计算（第三十条）。" style={{ marginTop: 8 }} />}
            {(p.reply?.warnings ?? []).map((w) => (
              <Alert key={w} type="info" showIcon title={w} style={{ marginTop: 8 }} />
            ))}
            {data.trace.length > 0 && (
              <div style={{ marginTop: 12 }}>
                <Button type="link" style={{ padding: 0 }} onClick={() => setShowTrace(true)} data-testid="toggle-trace">
                  查看逐日计算过程
                </Button>
              </div>
            )}
          </Card>
        </Col>
      </Row>

      <Drawer open={showTrace} onClose={() => setShowTrace(false)} size={640} title={`答复期限的逐日计算 · ${r.tracking_code}`} data-testid="trace-drawer">
        <Trace lines={data.trace} />
      </Drawer>

      {step && (
        <StepModal
          type={step}
          detail={data}
          onClose={() => setStep(null)}
          onDone={async (docNo) => {
            setStep(null);
            feedback.message.success(docNo ? `已办理，文号 ${docNo}` : '已办理');
            await load();
          }}
        />
      )}
    </div>
  );
}

const STEP_TITLES: Record<StepType, string> = {
  supplement_requested: '补正告知（一次性告知）',
  supplement_received: '收到补正材料',
  consultation_started: '征求意见',
  consultation_ended: '意见返回',
  extended: '延长答复期限',
  fee_notice_sent: '发出收费通知',
  fee_paid: '缴纳信息处理费',
  answered: '作出答复',
};

const STEP_HELP: Partial<Record<StepType, (d: GiRequestDetail) => ReactNode>> = {
  supplement_requested: (d) => `申请内容不明确的，应当自收到申请之日起7个工作日内一次性告知申请人作出补正（第三十条），本申请须在 ${d.projection.supplementNoticeDue} 前告知。答复期限自收到补正的申请之日起计算。`,
  consultation_started: () => '征求第三方（第三十二条）或其他机关（第三十四条）意见所需时间不计算在答复期限内（第三十三条第三款）。',
  extended: () => '需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日（第三十三条第二款）。只能延长一次。',
  fee_notice_sent: () => '发出收费通知至申请人缴费的时间不计算在答复期限内；申请人逾期未缴费的，行政机关不再处理（信息处理费管理办法）。',
  answered: () => '逾期不补正、逾期未缴费的，选择“（六）其他处理”中对应的情形。',
};

function StepModal({ type, detail, onClose, onDone }: { type: StepType; detail: GiRequestDetail; onClose: () => void; onDone: (docNo: string | null) => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const schema = useMemo(() => RequestEventSchema.options.find((o) => o.shape.type.value === type)!, [type]);
  const rule = (field: string, label: string) => zodRule(schema, field, label);
  const outcome = Form.useWatch('outcome', form) as Outcome | undefined;
  const subs = outcomeSubOptions(outcome);
  const lastDate = detail.events[detail.events.length - 1]?.occurred_on;
  const help = STEP_HELP[type]?.(detail);

  const initial: Record<string, unknown> = { date: dayjs() };
  if (type === 'extended') initial.days = 20;
  if (type === 'consultation_started') initial.partyKind = 'third_party';
  if (type === 'fee_notice_sent') initial.basis = 'per_request';
  if (type === 'answered') {
    const st = detail.projection.state;
    if (st === 'awaiting_supplement') Object.assign(initial, { outcome: 'other', outcomeSub: 1 });
    if (st === 'awaiting_fee') Object.assign(initial, { outcome: 'other', outcomeSub: 2 });
  }

  const submit = async () => {
    setServerError(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const body = checkWith(RequestEventSchema, { type, ...cleanValues(form.getFieldsValue()) }, form);
    if (!body) return;
    setSaving(true);
    try {
      const r = await api.post<{ docNo: string | null }>(`/api/disclosure/requests/${detail.request.id}/events`, body);
      onDone(r.docNo);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) showError(err, form);
      else if (err instanceof ApiError) setServerError(err.message);
      else showError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={STEP_TITLES[type]}
      width={640}
      onCancel={onClose}
      onOk={submit}
      okText="确定"
      cancelText="取消"
      confirmLoading={saving}
      mask={{ closable: false }}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'step-submit' } as Record<string, string>}
    >
      {serverError && <Alert type="error" showIcon title="不能办理" description={serverError} style={{ marginBottom: 16 }} data-testid="step-error" />}
      {help && <div className="fz-help-rule">{help}</div>}
      <Spin spinning={saving}>
        <Form form={form} name={`step_${type}`} labelCol={{ span: 6 }} wrapperCol={{ span: 17 }} initialValues={initial}>
          <Form.Item name="date" label="日期" rules={rule('date', '日期')} extra={lastDate ? `不早于上一步骤的日期 ${lastDate}` : undefined}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => noFuture(d) || (!!lastDate && d.isBefore(dayjs(lastDate), 'day'))} />
          </Form.Item>
          {type === 'supplement_requested' && (
            <Form.Item name="items" label="需补正事项" rules={rule('items', '需要补正的事项')}>
              <Input.TextArea rows={4} maxLength={1000} showCount placeholder="一次性写明需要补正的全部事项" />
            </Form.Item>
          )}
          {type === 'supplement_received' && (
            <Form.Item name="note" label="备注" rules={rule('note', '备注')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
          {type === 'consultation_started' && (
            <>
              <Form.Item name="partyKind" label="征求对象" rules={rule('partyKind', '征求对象')}>
                <Select options={PARTY_KIND_OPTIONS} />
              </Form.Item>
              <Form.Item name="party" label="名称" rules={rule('party', '第三方或机关名称')}>
                <Input maxLength={128} />
              </Form.Item>
            </>
          )}
          {type === 'consultation_ended' && (
            <>
              <Form.Item name="opinion" label="意见" rules={rule('opinion', '意见')}>
                <Select options={OPINION_OPTIONS} />
              </Form.Item>
              <Form.Item name="note" label="备注" rules={rule('note', '备注')}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </>
          )}
          {type === 'extended' && (
            <>
              <Form.Item name="days" label="延长工作日" rules={rule('days', '延长的工作日数')} extra="最长20个工作日">
                <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} addonAfter="个工作日" />
              </Form.Item>
              <Form.Item name="approvedBy" label="批准负责人" rules={rule('approvedBy', '批准延期的负责人')}>
                <Input maxLength={64} placeholder="政府信息公开工作机构负责人姓名" />
              </Form.Item>
              <Form.Item name="reason" label="延期理由" rules={rule('reason', '延期理由')}>
                <Input.TextArea rows={3} maxLength={500} showCount />
              </Form.Item>
            </>
          )}
          {type === 'fee_notice_sent' && (
            <>
              <Form.Item name="basis" label="计收方式" rules={rule('basis', '计收方式')}>
                <Select options={FEE_BASIS_OPTIONS} />
              </Form.Item>
              <Form.Item name="amount" label="金额" rules={rule('amount', '收费金额')}>
                <InputNumber min={0.01} max={10_000_000} precision={2} style={{ width: 200 }} addonAfter="元" />
              </Form.Item>
            </>
          )}
          {type === 'answered' && (
            <>
              <Form.Item name="outcome" label="办理结果" rules={rule('outcome', '办理结果')}>
                <Select options={OUTCOME_OPTIONS} onChange={() => form.setFieldValue('outcomeSub', undefined)} data-testid="answer-outcome" />
              </Form.Item>
              {subs.length > 0 && (
                <Form.Item name="outcomeSub" label="具体情形" required rules={[{ required: true, message: `请选择“${OUTCOMES[outcome!].label}”的具体情形` }]}>
                  <Select options={subs} data-testid="answer-outcome-sub" />
                </Form.Item>
              )}
              <Form.Item name="reply" label="答复内容" rules={rule('reply', '答复内容')} extra="写入答复书正文">
                <Input.TextArea rows={5} maxLength={5000} showCount data-testid="answer-reply" />
              </Form.Item>
            </>
          )}
        </Form>
      </Spin>
    </Modal>
  );
}
