/**
 * 政府信息公开工作年度报告: pick a unit and a year (also from the URL: ?unitId=&year=&rollup=1); tables 2, 3 and 4
 * counted from the ledgers and drawn in the national layout, every figure of table 3 opening the records behind it;
 * the identities (a broken one in red); 汇总本单位及以下 for supervisors; the three text sections; 保存版本,
 * the versions with 审核通过 / 发布 / 导出 .docx; the publication due date (1月31日 or 3月31日, 第四十九条).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Drawer, Empty, Form, Input, Row, Select, Space, Switch, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined, CloudUploadOutlined, FileWordOutlined, QuestionCircleOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, download } from '../api';
import { useAuth } from '../auth';
import { feedback, showError } from '../feedback';
import { fmtTime } from '../components/format';
import { PageLoading } from '../components/PageLoading';
import { unitTreeOptions } from '../components/units';
import { useUnits } from '../components/useUnits';
import { applicantTypeLabel, outcomeText, StateTag, yearOptions, type GiRequest } from './common';
import { IdentityList, Table2, Table3, Table4, type GiTablesData } from './GiTables';
import { T3_ROWS, t3ColumnLabel, type T3Column } from '../../shared/gi-format';
import './disclosure.css';

interface ReportData extends GiTablesData {
  unit: { id: number; code: string; name: string };
  year: number;
  rollup: boolean;
  reportKind: 'government' | 'department';
  due: string;
  dueRule: string;
}

interface Version {
  id: number;
  version: number;
  status: 'draft' | 'approved' | 'published';
  title: string;
  report_kind: string;
  created_at: string;
  approved_at: string | null;
  published_at: string | null;
}

type Sections = { overview: string; problems: string; other: string };
const EMPTY: Sections = { overview: '', problems: '', other: '' };
const STATUS: Record<Version['status'], { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  approved: { label: '已审核', color: 'processing' },
  published: { label: '已发布', color: 'success' },
};

type CellRecord = Pick<GiRequest, 'id' | 'tracking_code' | 'unit_id' | 'applicant_type' | 'received_on' | 'closed_on' | 'state' | 'outcome' | 'outcome_sub' | 'content'>;

/** Reports for year Y are written early in Y+1: until March the default year is the last one. */
const defaultYear = () => (dayjs().month() < 3 ? dayjs().year() - 1 : dayjs().year());

export default function ReportPage() {
  const { user, can } = useAuth();
  const { tree, units } = useUnits();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unitId')) || user?.unitId || undefined;
  const year = Number(params.get('year')) || defaultYear();
  const supervisor = !!user && (user.dataScope.all || user.dataScope.subtreePaths.length > 0);
  const rollup = supervisor && params.get('rollup') === '1';
  const setQuery = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };

  const [report, setReport] = useState<ReportData | null>(null);
  const [loading, setLoading] = useState(false);
  const [versions, setVersions] = useState<Version[]>([]);
  const [sections, setSections] = useState<Sections>(EMPTY);
  const [title, setTitle] = useState('');
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [cell, setCell] = useState<{ row: string; col: T3Column } | null>(null);

  const loadVersions = useCallback(async () => {
    if (!unitId) return [];
    const r = await api.get<{ items: Version[] }>('/api/disclosure/report/versions', { unitId, year });
    setVersions(r.items);
    return r.items;
  }, [unitId, year]);

  // Only the newest load may fill the page (switching unit or year quickly).
  const seq = useRef(0);
  const load = useCallback(async () => {
    if (!unitId) return;
    const mine = ++seq.current;
    setLoading(true);
    try {
      const [rep, vs] = await Promise.all([api.get<ReportData>('/api/disclosure/report', { unitId, year, rollup: rollup ? 1 : 0 }), loadVersions()]);
      if (mine !== seq.current) return;
      setReport(rep);
      // The text of the newest version, or an empty report with the standard title.
      if (vs.length) {
        const v = await api.get<{ title: string; sections: Sections }>(`/api/disclosure/report/versions/${vs[0].id}`);
        if (mine !== seq.current) return;
        setSections({ ...EMPTY, ...v.sections });
        setTitle(v.title);
      } else {
        setSections(EMPTY);
        setTitle(`${rep.unit.name}${year}年政府信息公开工作年度报告`);
      }
      setDirty(false);
    } catch (err) {
      if (mine === seq.current) showError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [unitId, year, rollup, loadVersions]);
  useEffect(() => {
    void load();
  }, [load]);

  const edit = (k: keyof Sections) => (e: { target: { value: string } }) => {
    setSections((s) => ({ ...s, [k]: e.target.value }));
    setDirty(true);
  };

  const save = async () => {
    if (!report || !unitId) return;
    if (!title.trim()) {
      feedback.message.error('请填写报告标题');
      return;
    }
    setSaving(true);
    try {
      const r = await api.post<{ id: number; version: number; identitiesHold: boolean }>('/api/disclosure/report/versions', { unitId, year, reportKind: report.reportKind, title: title.trim(), sections });
      if (r.identitiesHold) feedback.message.success(`已保存第 ${r.version} 版`);
      else feedback.message.warning(`已保存第 ${r.version} 版，但表格有勾稽关系不成立，不能审核通过`);
      setDirty(false);
      await loadVersions();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  const act = async (v: Version, action: 'approve' | 'publish') => {
    try {
      const r = await api.post<{ ok?: boolean; late?: boolean; due?: string }>(`/api/disclosure/report/versions/${v.id}/${action}`);
      if (action === 'publish') {
        if (r.late) feedback.message.warning(`已发布到门户（晚于 ${r.due} 的法定期限）`);
        else feedback.message.success('已发布到门户');
      } else feedback.message.success(`第 ${v.version} 版已审核通过`);
      await loadVersions();
    } catch (err) {
      showError(err);
    }
  };

  const exportDocx = async (v: Version) => {
    try {
      await download(`/api/disclosure/report/versions/${v.id}/docx`, undefined, `${v.title}.docx`);
    } catch (err) {
      showError(err);
    }
  };

  const openVersion = async (v: Version) => {
    try {
      const r = await api.get<{ title: string; sections: Sections }>(`/api/disclosure/report/versions/${v.id}`);
      setSections({ ...EMPTY, ...r.sections });
      setTitle(r.title);
      setDirty(false);
      feedback.message.info(`已载入第 ${v.version} 版的文字`);
    } catch (err) {
      showError(err);
    }
  };

  const versionColumns: ColumnsType<Version> = [
    { title: '版本', dataIndex: 'version', width: 60, render: (n: number) => `第${n}版` },
    { title: '状态', dataIndex: 'status', width: 80, render: (s: Version['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
    { title: '保存时间', dataIndex: 'created_at', width: 150, render: fmtTime },
    {
      title: '操作',
      key: 'a',
      render: (_: unknown, v) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => openVersion(v)}>
            载入
          </Button>
          {v.status === 'draft' && can('disclosure:report:approve') && (
            <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => act(v, 'approve')} data-testid={`approve-${v.version}`}>
              审核通过
            </Button>
          )}
          {v.status === 'approved' && can('disclosure:report:approve') && (
            <Button type="link" size="small" icon={<CloudUploadOutlined />} onClick={() => act(v, 'publish')} data-testid={`publish-${v.version}`}>
              发布
            </Button>
          )}
          <Button type="link" size="small" icon={<FileWordOutlined />} onClick={() => exportDocx(v)}>
            导出
          </Button>
        </Space>
      ),
    },
  ];

  const broken = useMemo(() => report?.identities.filter((i) => !i.holds) ?? [], [report]);
  const canEdit = can('disclosure:report:update') && !rollup;

  return (
    <div className="fz-page" data-testid="report-page">
      <Card variant="borderless" className="fz-card">
        <div className="fz-report-bar">
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label="单位">
              <TreeSelect
                data-testid="report-unit"
                treeData={unitTreeOptions(tree)}
                value={units.length ? unitId : undefined}
                onChange={(v: number) => setQuery({ unitId: v })}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
                style={{ width: 240 }}
                placeholder="选择单位"
              />
            </Form.Item>
            <Form.Item label="年度">
              <Select data-testid="report-year" value={year} onChange={(v: number) => setQuery({ year: v })} options={yearOptions()} style={{ width: 110 }} />
            </Form.Item>
            {supervisor && (
              <Form.Item label="汇总本单位及以下">
                <Switch checked={rollup} onChange={(on) => setQuery({ rollup: on ? '1' : undefined })} data-testid="report-rollup" />
              </Form.Item>
            )}
          </Form>
          {report && (
            <span className="fz-report-due" data-testid="report-due">
              {report.reportKind === 'government' ? '人民政府年度报告' : '部门年度报告'}　公布期限 <b>{report.due}</b>{' '}
              <Tooltip title="依《政府信息公开条例》第四十九条，县级以上人民政府部门于每年1月31日前、县级以上地方人民政府（由其政府信息公开工作主管部门）于每年3月31日前公布上一年度的政府信息公开工作年度报告。">
                <QuestionCircleOutlined style={{ color: '#909399' }} />
              </Tooltip>
            </span>
          )}
        </div>
      </Card>

      {!unitId ? (
        <Empty style={{ marginTop: 48 }} description="请选择单位" />
      ) : !report ? (
        <PageLoading />
      ) : (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xxl={17}>
            <Card
              variant="borderless"
              className="fz-card"
              loading={loading && !report}
              title={
                <Input
                  value={title}
                  onChange={(e) => {
                    setTitle(e.target.value);
                    setDirty(true);
                  }}
                  variant="borderless"
                  disabled={!canEdit}
                  style={{ fontSize: 16, fontWeight: 600, padding: 0 }}
                  maxLength={200}
                  data-testid="report-title"
                />
              }
              extra={
                <Space>
                  {dirty && <Tag color="warning">未保存</Tag>}
                  <Tooltip title="重新计算">
                    <Button shape="circle" icon={<ReloadOutlined />} onClick={load} loading={loading} aria-label="重新计算" />
                  </Tooltip>
                  {canEdit && (
                    <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={save} data-testid="report-save">
                      保存版本
                    </Button>
                  )}
                </Space>
              }
            >
              {rollup && <Alert type="info" showIcon title={`汇总 ${report.unit.name} 及其下级单位的台账；汇总视图只供查阅，不能保存版本。`} style={{ marginBottom: 12 }} />}
              <div className="fz-report-h">一、总体情况</div>
              <Input.TextArea
                value={sections.overview}
                onChange={edit('overview')}
                autoSize={{ minRows: 4, maxRows: 16 }}
                maxLength={20000}
                disabled={!canEdit}
                placeholder="概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况（第五十条）"
                data-testid="report-overview"
              />
              <div className="fz-report-h">二、主动公开政府信息情况</div>
              <Table2 data={report.table2} />
              <div className="fz-report-h">三、收到和处理政府信息公开申请情况</div>
              <div className="fz-gi-scroll">
                <Table3 data={report.table3} onCell={(row, col) => setCell({ row, col })} />
              </div>
              {broken.length > 0 ? (
                <Alert type="error" showIcon style={{ marginTop: 8 }} title={`${broken.length} 处勾稽关系不成立：${broken[0].description}（${broken[0].left} ≠ ${broken[0].right}）`} />
              ) : (
                <div className="fz-muted" style={{ marginTop: 6 }}>
                  点击表中数字可查看其背后的申请记录。
                </div>
              )}
              <div className="fz-report-h">四、政府信息公开行政复议、行政诉讼情况</div>
              <div className="fz-gi-scroll">
                <Table4 data={report.table4} />
              </div>
              <div className="fz-report-h">五、存在的主要问题及改进情况</div>
              <Input.TextArea value={sections.problems} onChange={edit('problems')} autoSize={{ minRows: 3, maxRows: 16 }} maxLength={20000} disabled={!canEdit} data-testid="report-problems" />
              <div className="fz-report-h">六、其他需要报告的事项</div>
              <Input.TextArea
                value={sections.other}
                onChange={edit('other')}
                autoSize={{ minRows: 3, maxRows: 16 }}
                maxLength={20000}
                disabled={!canEdit}
                placeholder="如依据《政府信息公开信息处理费管理办法》收取信息处理费的情况"
                data-testid="report-other"
              />
            </Card>
          </Col>
          <Col xs={24} xxl={7}>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12} xxl={24}>
                <Card variant="borderless" className="fz-card" title="版本" size="small">
                  <Table<Version>
                    data-testid="report-versions"
                    rowKey="id"
                    size="small"
                    columns={versionColumns}
                    dataSource={versions}
                    pagination={false}
                    locale={{ emptyText: '尚未保存版本' }}
                  />
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                    表格按当前台账实时计算；保存版本时连同表格存为快照，审核通过后方可发布到门户。
                  </Typography.Paragraph>
                </Card>
              </Col>
              <Col xs={24} lg={12} xxl={24}>
                <Card variant="borderless" className="fz-card" title="勾稽关系校验" size="small">
                  <IdentityList identities={report.identities} />
                </Card>
              </Col>
            </Row>
          </Col>
        </Row>
      )}

      <CellDrawer cell={cell} unitId={unitId} year={year} rollup={rollup} unitNames={new Map(units.map((u) => [u.id, u.name]))} onClose={() => setCell(null)} />
    </div>
  );
}

function CellDrawer({ cell, unitId, year, rollup, unitNames, onClose }: { cell: { row: string; col: T3Column } | null; unitId?: number; year: number; rollup: boolean; unitNames: Map<number, string>; onClose: () => void }) {
  const [items, setItems] = useState<CellRecord[] | null>(null);
  useEffect(() => {
    if (!cell || !unitId) return;
    setItems(null);
    api
      .get<{ items: CellRecord[] }>('/api/disclosure/report/cell', { unitId, year, rollup: rollup ? 1 : 0, row: cell.row, col: cell.col })
      .then((r) => setItems(r.items))
      .catch((err) => {
        showError(err);
        setItems([]);
      });
  }, [cell, unitId, year, rollup]);
  const row = cell ? T3_ROWS.find((r) => r.key === cell.row) : undefined;
  const columns: ColumnsType<CellRecord> = [
    { title: '查询码', dataIndex: 'tracking_code', width: 150, render: (v: string, r) => <Link to={`/admin/disclosure/requests/${r.id}`}>{v}</Link> },
    ...(rollup ? [{ title: '单位', dataIndex: 'unit_id', width: 140, ellipsis: true, render: (v: number) => unitNames.get(v) ?? v }] : []),
    { title: '申请人类型', dataIndex: 'applicant_type', width: 100, render: (v: string) => applicantTypeLabel(v) },
    { title: '收到申请之日', dataIndex: 'received_on', width: 110 },
    { title: '答复日期', dataIndex: 'closed_on', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'state', width: 90, render: (v: GiRequest['state']) => <StateTag state={v} /> },
    { title: '办理结果', dataIndex: 'outcome', width: 150, ellipsis: true, render: (v: GiRequest['outcome'], r) => outcomeText(v, r.outcome_sub) },
    { title: '申请内容', dataIndex: 'content', ellipsis: true },
  ];
  return (
    <Drawer
      open={!!cell}
      onClose={onClose}
      size={880}
      title={cell && row ? `${row.label} · ${t3ColumnLabel(cell.col)}（${year}年）` : ''}
      data-testid="cell-drawer"
    >
      <Table<CellRecord> rowKey="id" size="small" loading={items === null} columns={columns} dataSource={items ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: '没有记录' }} scroll={{ x: 860 }} />
    </Drawer>
  );
}
