/**
 * The open deadlines a calendar change moves, listed before the change is committed (house-style §12 C.1), and a
 * confirmation dialog built on it.
 */
import { Alert, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { feedback } from '../feedback';
import type { MovedItem, MoveProblem } from './types';

const shift = (m: MovedItem) => (m.oldDue && m.newDue ? dayjs(m.newDue).diff(dayjs(m.oldDue), 'day') : null);

const columns: ColumnsType<MovedItem> = [
  { title: '事项', dataIndex: 'label', key: 'label', ellipsis: true },
  { title: '单位', dataIndex: 'unitName', key: 'unitName', width: 160, ellipsis: true },
  { title: '原期限', dataIndex: 'oldDue', key: 'oldDue', width: 110, render: (v: string | null) => v ?? '—' },
  {
    title: '新期限',
    key: 'newDue',
    width: 170,
    render: (_: unknown, m) => {
      const d = shift(m);
      return (
        <span>
          {m.newDue ?? '—'} {d !== null && <Tag color={d > 0 ? 'green' : 'red'}>{d > 0 ? `推后${d}日` : `提前${-d}日`}</Tag>}
        </span>
      );
    },
  },
];

/** The moved deadlines (and items that could not be recomputed). */
export function MovedTable({ moved, problems = [] }: { moved: MovedItem[]; problems?: MoveProblem[] }) {
  return (
    <div data-testid="moved-deadlines">
      {moved.length === 0 ? (
        <Alert type="success" showIcon title="没有未结期限因此调整" style={{ marginBottom: problems.length ? 8 : 0 }} />
      ) : (
        <>
          <Alert type="warning" showIcon title={`以下 ${moved.length} 个未结期限将随之调整，确认后立即重新计算`} style={{ marginBottom: 8 }} />
          <Table<MovedItem> rowKey="key" size="small" columns={columns} dataSource={moved} pagination={moved.length > 10 ? { pageSize: 10 } : false} />
        </>
      )}
      {problems.length > 0 && <Alert type="error" showIcon title="以下事项无法重新计算，请人工核对" description={problems.map((p) => `${p.label}：${p.message}`).join('；')} />}
    </div>
  );
}

/** Asks to confirm a calendar change after showing the deadlines it moves; resolves true when confirmed. */
export function confirmMoved(opts: { title: string; content?: React.ReactNode; moved: MovedItem[]; problems?: MoveProblem[]; okText?: string }): Promise<boolean> {
  return new Promise((resolve) => {
    feedback.modal.confirm({
      title: opts.title,
      width: 720,
      content: (
        <div>
          {opts.content}
          <MovedTable moved={opts.moved} problems={opts.problems} />
        </div>
      ),
      okText: opts.okText ?? '确认',
      cancelText: '取消',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
