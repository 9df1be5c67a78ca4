/**
 * 期限计算器, shared by the staff page (期限计算: the user's unit calendar, or another unit in scope) and the public
 * portal (national calendar, no sign-in). Pick a rule (grouped by module), give the start date — or, for 依申请公开,
 * the channel and dates that fix the date of receipt (《政府信息公开条例》第三十一条) — pauses, restarts and an
 * extension; the server computes the due date and its trace, shown day by day.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, TreeSelect, Typography } from 'antd';
import { CalculatorOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../api';
import { showError } from '../feedback';
import { unitTreeOptions } from '../components/units';
import { useUnits } from '../components/useUnits';
import { CHANNELS, periodText, ruleOptions } from './labels';
import { TraceView } from './TraceView';
import type { DeadlineRule, DeadlineView } from './types';

interface FormValues {
  unitId?: number;
  ruleId?: string;
  startMode: 'date' | 'receipt';
  start?: Dayjs;
  year?: number;
  channel?: (typeof CHANNELS)[number]['value'];
  submittedOn?: Dayjs;
  otherOn?: Dayjs;
  restarts?: Record<string, Dayjs | null | undefined>;
  pauses?: { range?: [Dayjs, Dayjs]; reason?: string }[];
  extend?: boolean;
  extendLength?: number;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export interface DeadlineCalculatorProps {
  /** `public`: the portal (national calendar, no sign-in); `staff`: a signed-in user's unit calendar. */
  mode: 'public' | 'staff';
  /** Default unit of the staff calculator (the user's own). */
  defaultUnitId?: number | null;
}

export function DeadlineCalculator({ mode, defaultUnitId }: DeadlineCalculatorProps) {
  const [form] = Form.useForm<FormValues>();
  const [rules, setRules] = useState<DeadlineRule[]>([]);
  const [years, setYears] = useState<{ year: number; status: string }[]>([]);
  const [result, setResult] = useState<DeadlineView | null>(null);
  const [busy, setBusy] = useState(false);
  const units = useUnits(undefined, mode === 'staff');
  const unitId = Form.useWatch('unitId', form);
  const ruleId = Form.useWatch('ruleId', form);
  const startMode = Form.useWatch('startMode', form);
  const channel = Form.useWatch('channel', form);
  const extend = Form.useWatch('extend', form);

  useEffect(() => {
    let alive = true;
    const load =
      mode === 'public'
        ? api.get<{ items: DeadlineRule[]; years?: { year: number; status: string }[] }>('/api/public/deadline/rules', undefined, { noRedirect: true })
        : api.get<{ items: DeadlineRule[]; years?: { year: number; status: string }[] }>('/api/calendar/rules', unitId ? { unitId } : undefined);
    load.then(
      (r) => {
        if (!alive) return;
        setRules(r.items);
        if (r.years) setYears(r.years);
      },
      (err) => showError(err),
    );
    return () => {
      alive = false;
    };
  }, [mode, unitId]);

  const rule = useMemo(() => rules.find((r) => r.id === ruleId), [rules, ruleId]);
  const options = useMemo(() => ruleOptions(rules), [rules]);
  const channelDef = CHANNELS.find((c) => c.value === channel);
  const isFixed = rule?.unit === 'fixed_date';
  const byChannel = rule?.start.receipt === 'by_channel';
  const restarts = (rule?.restartOn ?? []).filter((r) => r.enabled);
  const pauseLabels = (rule?.pauseBetween ?? []).filter((p) => p.enabled).map((p) => p.label);

  const compute = async (v: FormValues) => {
    if (!rule) return;
    const body: Record<string, unknown> = { ruleId: rule.id };
    if (mode === 'staff' && v.unitId) body.unitId = v.unitId;
    if (isFixed) body.start = v.year ? String(v.year) : undefined;
    else if (byChannel && v.startMode === 'receipt') {
      const c = CHANNELS.find((x) => x.value === v.channel)!;
      body.receipt = { channel: v.channel, submittedOn: day(v.submittedOn), ...(c.dateField !== 'submittedOn' ? { [c.dateField]: day(v.otherOn) } : {}) };
    } else body.start = day(v.start);
    body.events = Object.entries(v.restarts ?? {}).flatMap(([type, d]) => (d ? [{ type, date: day(d) }] : []));
    body.pauses = (v.pauses ?? []).filter((p) => p?.range).map((p) => ({ from: day(p.range![0]), to: day(p.range![1]), ...(p.reason ? { reason: p.reason } : {}) }));
    if (rule.extension && v.extend) body.extended = v.extendLength ?? true;
    setBusy(true);
    try {
      const url = mode === 'public' ? '/api/public/deadline' : '/api/calendar/deadline';
      setResult(await api.post<DeadlineView>(url, body, { noRedirect: mode === 'public' }));
    } catch (err) {
      setResult(null);
      showError(err, form, { 'receipt.submittedOn': 'submittedOn', 'receipt.signedOn': 'otherOn', 'receipt.confirmedOn': 'otherOn', receipt: 'channel', extended: 'extendLength', events: 'ruleId' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card variant="borderless" title="计算条件" className="fz-calc-card">
          <Form<FormValues>
            form={form}
            name="calc"
            layout="vertical"
            initialValues={{ startMode: 'date', channel: 'in_person', unitId: defaultUnitId ?? undefined }}
            onFinish={compute}
            onValuesChange={(changed) => {
              if ('ruleId' in changed) {
                setResult(null);
                form.setFieldsValue({ extend: false, extendLength: undefined, restarts: {} });
              }
            }}
          >
            {mode === 'staff' && (
              <Form.Item name="unitId" label="按哪个单位的工作日历" tooltip="单位及其上级单位的节假日调整（如地区性节日、不执行调休上班）会计入">
                <TreeSelect treeData={unitTreeOptions(units.tree)} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="本人所在单位" allowClear />
              </Form.Item>
            )}
            <Form.Item name="ruleId" label="期限规则" rules={[{ required: true, message: '请选择期限规则' }]}>
              <Select
                data-testid="calc-rule"
                placeholder="按条线选择，或输入名称搜索"
                options={options}
                showSearch={{ optionFilterProp: ['label', 'search'] }}
                listHeight={360}
              />
            </Form.Item>
            {rule && (
              <Typography.Paragraph type="secondary" style={{ marginTop: -12 }} data-testid="calc-rule-basis">
                {periodText(rule)}，{rule.start.label}
                {rule.start.startDayCounted ? '当日计入' : '次日起算'}；依据{rule.basis.law}
                {rule.basis.article}
              </Typography.Paragraph>
            )}

            {isFixed ? (
              <Form.Item name="year" label="报告年度" rules={[{ required: true, message: '请填写报告年度' }]}>
                <InputNumber min={1990} max={2199} style={{ width: 160 }} placeholder="如 2025" />
              </Form.Item>
            ) : (
              <>
                {byChannel && (
                  <Form.Item name="startMode" label="起算日的确定">
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'date', label: '直接输入起算日' },
                        { value: 'receipt', label: '按提交渠道确定收到申请之日' },
                      ]}
                    />
                  </Form.Item>
                )}
                {byChannel && startMode === 'receipt' ? (
                  <>
                    <Form.Item name="channel" label="提交渠道" extra="《政府信息公开条例》第三十一条">
                      <Select options={CHANNELS.map((c) => ({ value: c.value, label: c.label }))} />
                    </Form.Item>
                    <Space wrap>
                      <Form.Item name="submittedOn" label={channel === 'registered_post' || channel === 'ordinary_letter' ? '寄出日期' : '提交日期'} rules={[{ required: true, message: '请选择日期' }]}>
                        <DatePicker format="YYYY-MM-DD" />
                      </Form.Item>
                      {channelDef && channelDef.dateField !== 'submittedOn' && (
                        <Form.Item name="otherOn" label={channelDef.dateLabel} rules={[{ required: true, message: '请选择日期' }]}>
                          <DatePicker format="YYYY-MM-DD" />
                        </Form.Item>
                      )}
                    </Space>
                  </>
                ) : (
                  <Form.Item name="start" label={rule ? `起算日（${rule.start.label}）` : '起算日'} rules={[{ required: true, message: '请选择起算日' }]}>
                    <DatePicker format="YYYY-MM-DD" style={{ width: 200 }} data-testid="calc-start" />
                  </Form.Item>
                )}
                {restarts.map((r) => (
                  <Form.Item key={r.event} name={['restarts', r.event]} label={`${r.label}之日（重新起算，可不填）`} extra={r.basis}>
                    <DatePicker format="YYYY-MM-DD" />
                  </Form.Item>
                ))}
                {rule && rule.direction !== 'before' && (
                  <Form.Item label="不计入期限的期间（可不填）" extra={pauseLabels.length ? `本规则可扣除：${pauseLabels.join('、')}；两端日期均不计入` : '本规则未规定可扣除的期间'}>
                    <Form.List name="pauses">
                      {(fields, { add, remove }) => (
                        <>
                          {fields.map((f) => (
                            <Space key={f.key} align="baseline" wrap>
                              <Form.Item name={[f.name, 'range']} rules={[{ required: true, message: '请选择起止日期' }]}>
                                <DatePicker.RangePicker format="YYYY-MM-DD" />
                              </Form.Item>
                              <Form.Item name={[f.name, 'reason']}>
                                <Input placeholder={pauseLabels[0] ?? '原因'} style={{ width: 180 }} maxLength={100} />
                              </Form.Item>
                              <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除该期间" />
                            </Space>
                          ))}
                          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} size="small">
                            添加期间
                          </Button>
                        </>
                      )}
                    </Form.List>
                  </Form.Item>
                )}
                {rule?.extension && (
                  <Space align="baseline" wrap>
                    <Form.Item name="extend" label="延长期限" valuePropName="checked" extra={`须经${rule.extension.approver}批准${rule.extension.notice ? `并${rule.extension.notice}` : ''}`}>
                      <Switch />
                    </Form.Item>
                    {extend && (
                      <Form.Item name="extendLength" label="延长天数（不填按法定上限）">
                        <InputNumber min={1} max={rule.extension.maxLength ?? 10000} placeholder={rule.extension.maxLength ? String(rule.extension.maxLength) : ''} />
                      </Form.Item>
                    )}
                  </Space>
                )}
              </>
            )}
            <Form.Item style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={busy} disabled={!rule} data-testid="calc-submit">
                计算期限
              </Button>
            </Form.Item>
          </Form>
          {mode === 'public' && years.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              按国务院办公厅公布的 {years.map((y) => y.year).join('、')} 年节假日安排计算；其他年份按周六、周日休息推算并标注“暂定”。本计算器不含地方性节假日，结果仅供参考。
            </Typography.Paragraph>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card variant="borderless" title="计算结果与过程">
          {result ? <TraceView result={result} /> : <Alert type="info" showIcon title="选择期限规则并填写起算日后，点击“计算期限”。结果逐日列出计入与不计入的日期及原因。" />}
        </Card>
      </Col>
    </Row>
  );
}
