/**
 * A computed deadline with its explanation: the due date, warnings (provisional years, unverified rules), the rule
 * with its article, and the trace day by day — numbered counted days, skipped days with their reason, pauses,
 * extension, roll-forward (house-style §12 C.1).
 */
import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { DeadlineView, TraceStep } from './types';
import './calendar.css';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const weekday = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? WEEKDAYS[dayjs(date).day()] : '');

const CONFIDENCE: Record<string, string> = { high: '高', 'medium-high': '中高', medium: '中', unverified: '未核实', local: '地方规定' };

interface Row {
  key: number;
  step: TraceStep;
}

function stepTag(s: TraceStep) {
  switch (s.type) {
    case 'start':
      return <Tag color="blue">起算</Tag>;
    case 'restart':
      return <Tag color="geekblue">重新起算</Tag>;
    case 'count':
      return <Tag color={s.phase === 'extension' ? 'purple' : 'green'}>{s.phase === 'extension' ? `延长第${s.n}日` : `第${s.n}日`}</Tag>;
    case 'skip':
      return <Tag>不计</Tag>;
    case 'pause':
      return <Tag color="orange">暂停</Tag>;
    case 'extension':
      return <Tag color="purple">延长</Tag>;
    case 'roll':
      return <Tag color="gold">顺延</Tag>;
    case 'due':
      return <Tag color="red">届满</Tag>;
    default:
      return <Tag>说明</Tag>;
  }
}

function stepDate(s: TraceStep): string {
  switch (s.type) {
    case 'start':
    case 'restart':
    case 'count':
    case 'skip':
    case 'due':
      return s.date;
    case 'pause':
      return `${s.from} 至 ${s.to}`;
    case 'roll':
      return `${s.from} → ${s.to}`;
    default:
      return '';
  }
}

function stepText(s: TraceStep): string {
  switch (s.type) {
    case 'count':
    case 'skip':
      return s.reason;
    case 'pause':
      return `${s.text}（${s.days}日）`;
    case 'rule':
      return s.text;
    default:
      return s.text;
  }
}

const columns: ColumnsType<Row> = [
  {
    title: '日期',
    key: 'date',
    width: 200,
    render: (_: unknown, r) => {
      const d = stepDate(r.step);
      const w = weekday(d);
      return (
        <span className="fz-trace-date">
          {d}
          {w && <span className="fz-trace-weekday"> {w}</span>}
        </span>
      );
    },
  },
  { title: '计数', key: 'tag', width: 110, render: (_: unknown, r) => stepTag(r.step) },
  { title: '说明', key: 'text', render: (_: unknown, r) => stepText(r.step) },
];

/** The result of a deadline computation with its trace. */
export function TraceView({ result }: { result: DeadlineView }) {
  const rows: Row[] = result.trace.filter((s) => s.type !== 'rule').map((step, i) => ({ key: i, step }));
  const rule = result.rule;
  return (
    <div className="fz-trace" data-testid="deadline-result">
      <div className="fz-trace-due">
        <div className="fz-trace-due-label">{result.kind === 'minimum' ? '最早可于' : '期限届满日'}</div>
        <div className="fz-trace-due-date" data-testid="deadline-due">
          {result.due}
        </div>
        <Space size={4} wrap>
          {result.kind !== 'minimum' && <Tag>{result.dueTime}前</Tag>}
          {result.provisional && (
            <Tag color="warning" data-testid="deadline-provisional">
              暂定
            </Tag>
          )}
          {result.paused && <Tag color="orange">暂停中</Tag>}
          {result.unit && <Tag color="blue">按{result.unit.name}的工作日历</Tag>}
          {result.calendar.ignoresAdjustedWorkdays && <Tag>不执行调休上班</Tag>}
        </Space>
      </div>
      {result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="deadline-warnings"
          style={{ marginBottom: 16 }}
          title={result.warnings.length === 1 ? result.warnings[0] : '请注意'}
          description={result.warnings.length > 1 ? <ul className="fz-trace-warnings">{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : undefined}
        />
      )}
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 104, whiteSpace: 'nowrap' } }} data-testid="deadline-rule">
        <Descriptions.Item label="期限规则">
          {rule.name}（{rule.id}）
        </Descriptions.Item>
        <Descriptions.Item label="法律依据">
          {rule.basis.law}
          {rule.basis.article}
          <Typography.Text type="secondary">
            {' '}
            · 置信度：{CONFIDENCE[rule.confidence] ?? rule.confidence} · domain-rules {rule.rowId}
          </Typography.Text>
          {rule.basis.text && <div className="fz-trace-quote">“{rule.basis.text}”</div>}
        </Descriptions.Item>
        <Descriptions.Item label="起算日">{result.start}</Descriptions.Item>
        {result.calendar.overrideLabels.length > 0 && <Descriptions.Item label="单位调整">{result.calendar.overrideLabels.join(' › ')}</Descriptions.Item>}
        <Descriptions.Item label="已载入年度">{result.calendar.years.map((y) => `${y.year}${y.status === 'official' ? '' : '（未核实）'}`).join('、') || '无'}</Descriptions.Item>
      </Descriptions>
      <Table<Row>
        data-testid="deadline-trace"
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) => `fz-trace-${r.step.type}`}
        scroll={{ y: 520 }}
      />
    </div>
  );
}
