/**
 * 报告审查: paste a report or upload it (.txt .md .html .docx), optionally with its publication date and last
 * year's report; see what the checker read (kind, title, issuer, year, the parts and the missing ones), the text
 * with every figure and every finding highlighted (error red, warning orange, info blue), the findings beside it
 * — a click scrolls to the span and flashes it — the relations it checked, and download the findings as Excel.
 *
 * The text is rendered once per check as segments (see segments.ts); selecting or flashing a finding changes
 * classes on the existing elements, so a 100 KB report stays fast.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Input, Row, Segmented, Space, Table, Tabs, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, DownloadOutlined, FileSearchOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, download } from '../api';
import { showError } from '../feedback';
import { GI_SECTION_NAMES, PART_NAMES } from '../../modules/checker/checker.structure';
import { KIND_LABELS, SEVERITY_LABELS, VERDICT_LABELS } from '../../modules/checker/checker.presenter';
import type { CheckResult, Finding, Relation, RelationType, Severity, Verdict } from '../../modules/checker/checker.types';
import { segmentsIn, segmentText, type Segment } from './segments';
import './checker.css';

/** The server accepts 12 MB of JSON: files up to 8 MB fit once base64-encoded, with last year's beside them. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx';

interface CheckResponse {
  result: CheckResult;
  text: string;
}

interface PickedFile {
  name: string;
  size: number;
  base64: string;
}

interface CheckBody {
  text?: string;
  fileBase64?: string;
  filename?: string;
  published?: string;
  previousBase64?: string;
  previousFilename?: string;
}

const SEVERITY_COLORS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'processing' };
const VERDICT_COLORS: Record<Verdict, string> = { holds: 'success', error: 'error', warning: 'warning', unverifiable: 'default' };
const RELATION_LABELS: Record<RelationType, string> = {
  rate: '比率',
  share: '占比',
  'shared-rate': '共同比率',
  total: '合计',
  repeat: '重复数据',
  table: '表格合计',
  'gi-table': '公开年报表格',
};
const ROLE_LABELS: Record<string, string> = { numerator: '分子', denominator: '分母', total: '合计', part: '分项', stated: '所述', other: '' };
const SOURCE_LABELS: Record<string, string> = { option: '指定', metadata: '文中发布日期', signature: '落款' };

/** Reads a file as base64 (without the data: prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const url = String(r.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error ?? new Error('无法读取文件'));
    r.readAsDataURL(file);
  });
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** A file chooser that keeps one file in memory as base64. */
function FilePicker(props: { file: PickedFile | null; onChange: (f: PickedFile | null) => void; testId: string; hint: string; dragger?: boolean }) {
  const { file, onChange, testId, hint, dragger } = props;
  const [error, setError] = useState<string | null>(null);
  const pick = async (f: File) => {
    setError(null);
    if (f.size > MAX_FILE_BYTES) {
      setError(`文件过大（${sizeText(f.size)}）：网页上最多审查 ${MAX_FILE_BYTES / 1024 / 1024} MB 的文件，更大的文件请用命令行 fazhi check`);
      return Upload.LIST_IGNORE;
    }
    try {
      onChange({ name: f.name, size: f.size, base64: await readBase64(f) });
    } catch (err) {
      setError((err as Error).message);
    }
    return Upload.LIST_IGNORE;
  };
  const chosen = file && (
    <div className="fz-chk-file" data-testid={`${testId}-chosen`}>
      <PaperClipOutlined /> <span>{file.name}</span> <span className="fz-muted">（{sizeText(file.size)}）</span>
      <Button type="link" size="small" icon={<DeleteOutlined />} onClick={() => onChange(null)} aria-label="移除文件" />
    </div>
  );
  const common = { accept: ACCEPT, multiple: false, showUploadList: false, beforeUpload: pick } as const;
  return (
    <div data-testid={testId}>
      {dragger ? (
        <Upload.Dragger {...common} className="fz-chk-dragger">
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入报告文件</p>
          <p className="ant-upload-hint">{hint}</p>
        </Upload.Dragger>
      ) : (
        <Upload {...common}>
          <Button icon={<PaperClipOutlined />}>{file ? '更换文件' : '选择文件'}</Button>
        </Upload>
      )}
      {chosen}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </div>
  );
}

/** What the checker read: kind, title, issuer, year, date, and the parts found and missing. */
function Overview({ result }: { result: CheckResult }) {
  const na = <span className="fz-muted">未识别</span>;
  const s = result.summary;
  const parts: ReactNode =
    result.kind === 'gi' ? (
      <Space size={[4, 4]} wrap>
        {result.giSections.map((p) => (
          <Tooltip key={`${p.section}-${p.start}`} title={`标题：${p.heading}`}>
            <Tag color="green">
              {'一二三四五六'[p.section - 1]}、{GI_SECTION_NAMES[p.section]}
            </Tag>
          </Tooltip>
        ))}
      </Space>
    ) : (
      <div className="fz-chk-parts">
        {result.parts.map((p) => (
          <div key={`${p.part}-${p.start}`}>
            <Tag color={p.inferred ? 'default' : 'green'}>{PART_NAMES[p.part]}</Tag>
            <span className="fz-chk-heading">{p.heading}</span>
            {p.inferred && <span className="fz-muted">（由专题标题推断）</span>}
          </div>
        ))}
        {result.parts.length === 0 && <span className="fz-muted">未找到</span>}
      </div>
    );
  const missing = result.kind === 'gi' ? result.missingGiSections.map((m) => `${'一二三四五六'[m - 1]}、${GI_SECTION_NAMES[m]}`) : result.missingParts.map((m) => PART_NAMES[m]);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="checker-overview"
      items={[
        { key: 'kind', label: '报告类型', children: <span data-testid="checker-kind">{KIND_LABELS[result.kind]}</span> },
        { key: 'title', label: '标题', children: result.title ?? na },
        { key: 'issuer', label: '发布机构', children: result.issuer ?? na },
        { key: 'year', label: '报告年度', children: result.year ?? na },
        { key: 'published', label: '发布日期', children: result.published ? `${result.published}（${SOURCE_LABELS[result.publishedSource ?? ''] ?? ''}）` : na },
        {
          key: 'summary',
          label: '审查结果',
          children: (
            <Space size={4} wrap data-testid="checker-counts">
              <Tag color="error">错误 {s.errors}</Tag>
              <Tag color="warning">警告 {s.warnings}</Tag>
              <Tag color="processing">提示 {s.infos}</Tag>
              <span className="fz-muted">
                数字 {s.figures} 个，勾稽关系 {s.relations} 处
              </span>
            </Space>
          ),
        },
        ...(result.kind !== 'other'
          ? [
              { key: 'parts', label: result.kind === 'gi' ? '已有部分' : '已有部分（标题）', span: 2, children: parts },
              {
                key: 'missing',
                label: '缺少部分',
                children: missing.length ? (
                  <Space size={[4, 4]} wrap data-testid="checker-missing">
                    {missing.map((m) => (
                      <Tag key={m} color="orange">
                        {m}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  <span className="fz-muted">无</span>
                ),
              },
            ]
          : []),
        { key: 'format', label: '读取方式', children: <span className="fz-muted">{`${result.format}，${result.encoding}，${result.textLength.toLocaleString()} 字`}</span> },
      ]}
    />
  );
}

/** The text as segments; rendered once per result (memo), selection is applied to the DOM by the page. */
const ReportText = memo(function ReportText({ text, segments, result }: { text: string; segments: Segment[]; result: CheckResult }) {
  const children: ReactNode[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const body = text.slice(s.start, s.end);
    if (!s.figure && !s.severity && !s.operand) {
      children.push(body);
      continue;
    }
    const cls = ['fz-chk-seg'];
    if (s.figure) cls.push('fz-chk-fig');
    if (s.severity) cls.push(`fz-chk-${s.severity}`);
    if (s.operand) cls.push('fz-chk-opd');
    const title = s.findings.length ? s.findings.map((k) => `【${SEVERITY_LABELS[result.findings[k]!.severity]}】${result.findings[k]!.message}`).join('\n') : undefined;
    children.push(
      <span key={i} className={cls.join(' ')} data-seg={i} title={title}>
        {body}
      </span>,
    );
  }
  return (
    <div className="fz-chk-text" data-testid="checker-text">
      {children}
    </div>
  );
});

const FindingItem = memo(function FindingItem({ f, index, selected, onSelect }: { f: Finding; index: number; selected: boolean; onSelect: (i: number) => void }) {
  const whole = f.end <= f.start;
  return (
    <div
      className={`fz-chk-item fz-chk-item-${f.severity}${selected ? ' fz-chk-item-selected' : ''}`}
      data-testid={`checker-finding-${index}`}
      data-severity={f.severity}
      data-finding={index}
      role="button"
      tabIndex={0}
      onClick={() => onSelect(index)}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(index)}
    >
      <div className="fz-chk-item-head">
        <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
        <span className="fz-chk-rule">{f.rule}</span>
        {whole && <Tag>全文</Tag>}
      </div>
      <div className="fz-chk-msg">{f.message}</div>
      {f.excerpt && <div className="fz-chk-excerpt">{f.excerpt}</div>}
    </div>
  );
});

type SeverityFilter = 'all' | Severity;

export default function CheckerPage() {
  const [mode, setMode] = useState<'paste' | 'file'>('paste');
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [previous, setPrevious] = useState<PickedFile | null>(null);
  const [published, setPublished] = useState<Dayjs | null>(null);
  const [checking, setChecking] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [inputError, setInputError] = useState<string | null>(null);
  const [data, setData] = useState<CheckResponse | null>(null);
  const [lastBody, setLastBody] = useState<CheckBody | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const textRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const segments = useMemo(() => (data ? segmentText(data.text, data.result) : []), [data]);

  const body = (): CheckBody | null => {
    const b: CheckBody = {};
    if (mode === 'file') {
      if (!file) return null;
      b.fileBase64 = file.base64;
      b.filename = file.name;
    } else {
      if (!pasted.trim()) return null;
      b.text = pasted;
    }
    if (published) b.published = published.format('YYYY-MM-DD');
    if (previous) {
      b.previousBase64 = previous.base64;
      b.previousFilename = previous.name;
    }
    return b;
  };

  const run = async () => {
    const b = body();
    if (!b) {
      setInputError(mode === 'file' ? '请先选择报告文件' : '请先粘贴报告文字');
      return;
    }
    setInputError(null);
    setChecking(true);
    try {
      const r = await api.post<CheckResponse>('/api/checker/check', b);
      setSelected(null);
      setFilter('all');
      setData(r);
      setLastBody(b);
    } catch (err) {
      showError(err);
      const fields = (err as { fields?: { field: string; message: string }[] }).fields;
      if (fields?.length) setInputError(fields.map((f) => f.message).join('；'));
    } finally {
      setChecking(false);
    }
  };

  const exportXlsx = async () => {
    if (!lastBody) return;
    setExporting(true);
    try {
      await download('/api/checker/check.xlsx', undefined, '问题清单.xlsx', lastBody);
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };

  /** The elements of the segments inside [start, end). */
  const elementsIn = useCallback(
    (start: number, end: number): HTMLElement[] => {
      const root = textRef.current;
      if (!root) return [];
      const out: HTMLElement[] = [];
      for (const i of segmentsIn(segments, start, end)) {
        const el = root.querySelector<HTMLElement>(`[data-seg="${i}"]`);
        if (el) out.push(el);
      }
      return out;
    },
    [segments],
  );

  // The selected finding: outline its span and its operands; flash and scroll to the span.
  useEffect(() => {
    const root = textRef.current;
    if (!root || !data) return;
    root.querySelectorAll('.fz-chk-sel, .fz-chk-sel-opd').forEach((el) => el.classList.remove('fz-chk-sel', 'fz-chk-sel-opd'));
    if (selected === null) return;
    const f = data.result.findings[selected];
    if (!f || f.end <= f.start) return;
    const own = elementsIn(f.start, f.end);
    for (const sp of f.spans ?? []) for (const el of elementsIn(sp.start, sp.end)) el.classList.add('fz-chk-sel-opd');
    for (const el of own) {
      el.classList.add('fz-chk-sel');
      el.classList.remove('fz-chk-flash');
      void el.offsetWidth; // restart the animation
      el.classList.add('fz-chk-flash');
    }
    own[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const timer = window.setTimeout(() => own.forEach((el) => el.classList.remove('fz-chk-flash')), 1600);
    return () => window.clearTimeout(timer);
  }, [selected, data, elementsIn]);

  // A click on a highlighted span selects its worst finding and shows it in the list.
  const onTextClick = (e: React.MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-seg]');
    if (!el || !data) return;
    const seg = segments[Number(el.dataset.seg)];
    if (!seg || seg.findings.length === 0) return;
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const best = [...seg.findings].sort((a, b) => rank[data.result.findings[a]!.severity] - rank[data.result.findings[b]!.severity])[0]!;
    if (filter !== 'all' && data.result.findings[best]!.severity !== filter) setFilter('all');
    setSelected(best);
    window.setTimeout(() => listRef.current?.querySelector(`[data-finding="${best}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), 50);
  };

  // A relation's stated figure: select its finding, or (a relation that holds) scroll to the figure.
  const locate = useCallback(
    (r: Relation) => {
      if (!data) return;
      const k = data.result.findings.findIndex((f) => f.start === r.stated.start && f.end === r.stated.end && f.rule === r.rule);
      if (k >= 0) {
        setFilter('all');
        setSelected(k);
      } else {
        const el = elementsIn(r.stated.start, r.stated.end)[0];
        if (!el) return;
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
        el.classList.remove('fz-chk-flash');
        void el.offsetWidth;
        el.classList.add('fz-chk-flash');
        window.setTimeout(() => el.classList.remove('fz-chk-flash'), 1600);
      }
    },
    [data, elementsIn],
  );

  const findings = data?.result.findings ?? [];
  const shown = findings.map((f, i) => ({ f, i })).filter(({ f }) => filter === 'all' || f.severity === filter);

  return (
    <div className="fz-page fz-chk">
      <Card variant="borderless" title="审查报告" data-testid="checker-input">
        <Row gutter={24}>
          <Col xs={24} lg={15}>
            <Tabs
              activeKey={mode}
              onChange={(k) => setMode(k as 'paste' | 'file')}
              items={[
                {
                  key: 'paste',
                  label: '粘贴文字',
                  children: (
                    <Input.TextArea
                      value={pasted}
                      onChange={(e) => setPasted(e.target.value)}
                      placeholder="将法治政府建设年度报告或政府信息公开工作年度报告的全文粘贴到这里"
                      rows={12}
                      spellCheck={false}
                      style={{ resize: 'vertical' }}
                      data-testid="checker-paste"
                    />
                  ),
                },
                {
                  key: 'file',
                  label: '上传文件',
                  children: <FilePicker file={file} onChange={setFile} testId="checker-file" hint="支持 .docx、.html、.txt、.md；文字编码自动识别（UTF-8、GB18030 等）" dragger />,
                },
              ]}
            />
          </Col>
          <Col xs={24} lg={9}>
            <div className="fz-chk-options">
              <div className="fz-chk-option">
                <div className="fz-chk-label">发布日期（可选）</div>
                <DatePicker value={published} onChange={setPublished} placeholder="覆盖文中的发布日期" style={{ width: 220 }} data-testid="checker-published" />
                <div className="fz-muted fz-chk-help">用于核对是否在法定期限前公开；不填则按文中的发布日期或落款日期。</div>
              </div>
              <div className="fz-chk-option">
                <div className="fz-chk-label">上一年度报告（可选）</div>
                <FilePicker file={previous} onChange={setPrevious} testId="checker-previous" hint="" />
                <div className="fz-muted fz-chk-help">对照上年报告，找出原样沿用的文字和数字。</div>
              </div>
              {inputError && <Alert type="error" showIcon title={inputError} data-testid="checker-input-error" />}
              <Space>
                <Button type="primary" icon={<FileSearchOutlined />} loading={checking} onClick={run} data-testid="checker-run">
                  开始审查
                </Button>
                <Button className="fz-btn-warning-plain" icon={<DownloadOutlined />} disabled={!data} loading={exporting} onClick={exportXlsx} data-testid="checker-download">
                  下载问题清单
                </Button>
              </Space>
            </div>
          </Col>
        </Row>
      </Card>

      {data && (
        <>
          <Card variant="borderless" title="报告概况">
            <Overview result={data.result} />
          </Card>

          <Row gutter={12} className="fz-chk-main">
            <Col xs={24} xl={15}>
              <Card
                variant="borderless"
                title="报告全文"
                extra={
                  <Space size={12} className="fz-chk-legend">
                    <span className="fz-chk-seg fz-chk-error">错误</span>
                    <span className="fz-chk-seg fz-chk-warning">警告</span>
                    <span className="fz-chk-seg fz-chk-info">提示</span>
                    <span className="fz-chk-seg fz-chk-fig">数字</span>
                  </Space>
                }
              >
                <div ref={textRef} onClick={onTextClick} className="fz-chk-text-wrap">
                  <ReportText text={data.text} segments={segments} result={data.result} />
                </div>
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Card
                variant="borderless"
                title={`问题清单（${findings.length}）`}
                className="fz-chk-side"
                extra={
                  <Segmented<SeverityFilter>
                    size="small"
                    value={filter}
                    onChange={setFilter}
                    options={[
                      { value: 'all', label: '全部' },
                      { value: 'error', label: `错误 ${data.result.summary.errors}` },
                      { value: 'warning', label: `警告 ${data.result.summary.warnings}` },
                      { value: 'info', label: `提示 ${data.result.summary.infos}` },
                    ]}
                  />
                }
              >
                <div className="fz-chk-list" ref={listRef} data-testid="checker-findings">
                  {shown.length === 0 ? <Empty description={findings.length ? '此级别没有问题' : '未发现问题'} /> : shown.map(({ f, i }) => <FindingItem key={i} f={f} index={i} selected={selected === i} onSelect={setSelected} />)}
                </div>
              </Card>
            </Col>
          </Row>

          <Relations result={data.result} onLocate={locate} />
        </>
      )}
    </div>
  );
}

/** The relations checked: counts by verdict (a click filters) and the list with their operands. */
const Relations = memo(function Relations({ result, onLocate }: { result: CheckResult; onLocate: (r: Relation) => void }) {
  const [verdict, setVerdict] = useState<Verdict | 'all'>('all');
  const counts = useMemo(() => {
    const c: Record<Verdict, number> = { holds: 0, error: 0, warning: 0, unverifiable: 0 };
    for (const r of result.relations) c[r.verdict]++;
    return c;
  }, [result]);
  const rows = useMemo(() => result.relations.map((r, i) => ({ ...r, key: i })).filter((r) => verdict === 'all' || r.verdict === verdict), [result, verdict]);
  const columns: ColumnsType<Relation & { key: number }> = [
    { title: '关系', dataIndex: 'type', width: 110, render: (t: RelationType) => RELATION_LABELS[t] ?? t },
    { title: '结论', dataIndex: 'verdict', width: 90, render: (v: Verdict) => <Tag color={VERDICT_COLORS[v]}>{VERDICT_LABELS[v]}</Tag> },
    {
      title: '所述数值',
      width: 120,
      render: (_: unknown, r) => (
        <Typography.Link onClick={() => onLocate(r)} data-testid="checker-relation-stated">
          {r.stated.text}
        </Typography.Link>
      ),
    },
    {
      title: '核对依据',
      width: 260,
      render: (_: unknown, r) =>
        r.operands.length ? (
          <Space size={[4, 4]} wrap>
            {r.operands.map((o, k) => (
              <Tag key={k} className="fz-chk-operand-tag">
                {ROLE_LABELS[o.role] ? `${ROLE_LABELS[o.role]} ` : ''}
                {o.text}
              </Tag>
            ))}
          </Space>
        ) : (
          <span className="fz-muted">—</span>
        ),
    },
    { title: '计算值', dataIndex: 'computed', width: 100, render: (v: number | undefined) => (v === undefined ? '—' : Number.isInteger(v) ? v : Number(v.toFixed(4))) },
    { title: '说明', dataIndex: 'message' },
  ];
  return (
    <Card
      variant="borderless"
      title="勾稽关系"
      data-testid="checker-relations"
    >
      <Space size={8} wrap className="fz-chk-verdicts" data-testid="checker-verdict-counts">
        <Tag.CheckableTag checked={verdict === 'all'} onChange={() => setVerdict('all')} data-verdict="all">
          全部 {result.relations.length}
        </Tag.CheckableTag>
        {(Object.keys(counts) as Verdict[]).map((v) => (
          <Tag.CheckableTag key={v} checked={verdict === v} onChange={() => setVerdict(verdict === v ? 'all' : v)} data-verdict={v} className={`fz-chk-verdict fz-chk-verdict-${v}`}>
            {VERDICT_LABELS[v]} {counts[v]}
          </Tag.CheckableTag>
        ))}
        <span className="fz-muted">相符：文中数字与计算一致；不符：计算结果与所述不同；存疑：可能有误，需人工核对；无法核对：缺少计算所需的数字。</span>
      </Space>
      <Table size="small" rowKey="key" dataSource={rows} columns={columns} pagination={{ pageSize: 10, showSizeChanger: true, hideOnSinglePage: true }} scroll={{ x: 900 }} />
    </Card>
  );
});
