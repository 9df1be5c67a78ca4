/**
 * 节假日调整: per unit, the days that differ from the national calendar (a regional holiday such as 肉孜节, an extra
 * working day) and whether the unit follows 调休上班 (domain-rules §12.3, §15.11). A unit inherits the adjustments of
 * its ancestors — shown greyed with the unit they come from — and may override them (the nearest unit wins). Every
 * change first lists the open deadlines it moves.
 */
import { useEffect, useMemo, useState, type Key } from 'react';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Radio, Select, Space, Table, Tag, Tree, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../api';
import { useAuth } from '../auth';
import { feedback, showError } from '../feedback';
import { branchIds, unitTreeOptions } from '../components/units';
import { useUnits } from '../components/useUnits';
import { confirmMoved } from './MovedTable';
import type { ChangePreview, MovedItem, UnitCalendarView, UnitOverrideView } from './types';
import './calendar.css';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

type SettingChoice = 'inherit' | 'follow' | 'ignore';
const toChoice = (v: boolean | null): SettingChoice => (v === null ? 'inherit' : v ? 'ignore' : 'follow');
const fromChoice = (c: SettingChoice): boolean | null => (c === 'inherit' ? null : c === 'ignore');

interface AddValues {
  date?: Dayjs;
  kind: 'off' | 'work';
  reason?: string;
}

/** Runs a previewed change: preview → confirm with the moved deadlines → commit with the keys that were shown. */
async function previewThenCommit(opts: { preview: () => Promise<ChangePreview>; title: string; commit: (expectedMoved: string[]) => Promise<{ moved: MovedItem[] }>; done: string }): Promise<boolean> {
  for (;;) {
    const p = await opts.preview();
    if (!(await confirmMoved({ title: opts.title, moved: p.moved, problems: p.problems }))) return false;
    try {
      const r = await opts.commit(p.moved.map((m) => m.key));
      feedback.message.success(`${opts.done}${r.moved.length ? `，${r.moved.length} 个期限已重新计算` : ''}`);
      return true;
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'CONFLICT')) throw err;
      feedback.message.warning(err.message); // 受影响的期限在预览后变化了：重新预览
    }
  }
}

export default function OverridesPage() {
  const { user } = useAuth();
  const { units, tree } = useUnits();
  const [selected, setSelected] = useState<number | null>(null);
  const [view, setView] = useState<UnitCalendarView | null>(null);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<AddValues>();
  const treeData = useMemo(() => unitTreeOptions(tree), [tree]);
  const expanded = useMemo(() => branchIds(tree), [tree]);

  useEffect(() => {
    if (selected !== null || units.length === 0) return;
    setSelected(units.some((u) => u.id === user?.unitId) ? user!.unitId! : tree[0]?.id ?? null);
  }, [units, tree, selected, user]);

  const load = async (id: number) => {
    setLoading(true);
    try {
      setView(await api.get<UnitCalendarView>(`/api/calendar/units/${id}`));
    } catch (err) {
      setView(null);
      showError(err);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    if (selected !== null) void load(selected);
  }, [selected]);

  const run = async (fn: () => Promise<boolean>) => {
    setBusy(true);
    try {
      if ((await fn()) && selected !== null) await load(selected);
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  const add = (v: AddValues) =>
    run(async () => {
      const body = { unitId: selected, date: v.date!.format('YYYY-MM-DD'), kind: v.kind, reason: v.reason?.trim() };
      const ok = await previewThenCommit({
        title: `确认为${view?.unit.name}新增调整：${body.date} ${v.kind === 'off' ? '放假' : '上班'}（${body.reason}）`,
        preview: () => api.post<ChangePreview>('/api/calendar/overrides/preview', body),
        commit: (expectedMoved) => api.post('/api/calendar/overrides', { ...body, expectedMoved }),
        done: '已新增',
      });
      if (ok) form.resetFields();
      return ok;
    });

  const remove = (o: UnitOverrideView) =>
    run(() =>
      previewThenCommit({
        title: `确认删除调整：${o.date} ${o.kind === 'off' ? '放假' : '上班'}（${o.reason}）`,
        preview: () => api.post<ChangePreview>(`/api/calendar/overrides/${o.id}/delete-preview`),
        commit: (expectedMoved) => api.delete(`/api/calendar/overrides/${o.id}`, { body: { expectedMoved } }),
        done: '已删除',
      }),
    );

  const setChoice = (c: SettingChoice) =>
    run(async () => {
      const body = { ignoresAdjustedWorkdays: fromChoice(c) };
      return previewThenCommit({
        title: `确认将${view?.unit.name}设为：${c === 'inherit' ? '随上级单位' : c === 'ignore' ? '不执行调休上班' : '执行调休上班'}`,
        preview: () => api.post<ChangePreview>(`/api/calendar/units/${selected}/settings/preview`, body),
        commit: (expectedMoved) => api.put(`/api/calendar/units/${selected}/settings`, { ...body, expectedMoved }),
        done: '已保存',
      });
    });

  const canManage = !!view?.policies.canManage;
  const setting = view?.ignoresAdjustedWorkdays;
  const inheritedLabel = setting && setting.own === null ? `（当前：${setting.effective ? '不执行' : '执行'}调休上班${setting.source ? `，来自${setting.source.name}` : '，全国安排'}）` : '';

  const columns: ColumnsType<UnitOverrideView> = [
    { title: '日期', dataIndex: 'date', key: 'date', width: 150, render: (d: string) => `${d} ${WEEKDAYS[dayjs(d).day()]}` },
    { title: '调整', dataIndex: 'kind', key: 'kind', width: 80, render: (k: string, o) => <Tag color={o.inherited ? 'default' : k === 'off' ? 'green' : 'orange'}>{k === 'off' ? '放假' : '上班'}</Tag> },
    { title: '原因（计算过程中显示）', dataIndex: 'reason', key: 'reason', ellipsis: true },
    {
      title: '来源',
      key: 'source',
      width: 220,
      render: (_: unknown, o) => (o.inherited ? <span>继承自 {o.unitName}{o.shadowed ? '（已被下级单位的调整覆盖）' : ''}</span> : '本单位'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_: unknown, o) =>
        !o.inherited && canManage ? (
          <Button type="link" size="small" danger disabled={busy} onClick={() => remove(o)}>
            删除
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="fz-page fz-split" data-testid="overrides-page">
      <Card variant="borderless" className="fz-split-left" title="单位">
        {tree.length ? (
          <Tree
            className="fz-unit-tree"
            treeData={treeData}
            expandedKeys={expanded}
            selectedKeys={selected !== null ? [selected] : []}
            onSelect={(keys: Key[]) => keys.length && setSelected(Number(keys[0]))}
            blockNode
          />
        ) : (
          <Empty description="暂无单位" />
        )}
      </Card>
      <div className="fz-split-right">
        <Card variant="borderless" loading={loading && !view} title={view ? `${view.unit.name}的工作日历` : '工作日历'}>
          {view && (
            <>
              {view.ancestors.length > 0 && (
                <Typography.Paragraph type="secondary">
                  继承：全国节假日安排 › {view.ancestors.map((a) => a.name).join(' › ')} › {view.unit.name}。同一日期有多个单位调整的，以最近的单位为准。
                </Typography.Paragraph>
              )}
              <Space align="center" wrap style={{ marginBottom: 16 }}>
                <span>调休上班日（周末补班）：</span>
                <Radio.Group
                  data-testid="adjusted-setting"
                  optionType="button"
                  disabled={!canManage || busy}
                  value={toChoice(setting?.own ?? null)}
                  onChange={(e) => setChoice(e.target.value as SettingChoice)}
                  options={[
                    { value: 'inherit', label: '随上级单位' },
                    { value: 'follow', label: '执行' },
                    { value: 'ignore', label: '不执行（按周末休息）' },
                  ]}
                />
                <span className="fz-muted">{inheritedLabel}</span>
              </Space>
              {canManage && (
                <Form<AddValues> form={form} layout="inline" name="override" initialValues={{ kind: 'off' }} onFinish={add} style={{ marginBottom: 16 }}>
                  <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
                    <DatePicker format="YYYY-MM-DD" placeholder="日期" />
                  </Form.Item>
                  <Form.Item name="kind">
                    <Select style={{ width: 110 }} options={[{ value: 'off', label: '放假' }, { value: 'work', label: '上班' }]} />
                  </Form.Item>
                  <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
                    <Input placeholder="原因，如 肉孜节（新疆维吾尔自治区）" style={{ width: 280 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item>
                    <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="override-add">
                      新增调整
                    </Button>
                  </Form.Item>
                </Form>
              )}
              {!canManage && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您可以查看本单位的工作日历；调整需由单位管理员在其数据权限范围内进行。" />}
              <Table<UnitOverrideView>
                data-testid="overrides-table"
                rowKey={(o) => `${o.unitId}:${o.date}`}
                size="middle"
                columns={columns}
                dataSource={view.overrides}
                pagination={view.overrides.length > 20 ? { pageSize: 20 } : false}
                rowClassName={(o) => (o.inherited ? (o.shadowed ? 'fz-override-inherited fz-override-shadowed' : 'fz-override-inherited') : '')}
                locale={{ emptyText: <Empty description="本单位及上级单位没有调整，按全国节假日安排" /> }}
              />
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
