import { Tag } from 'antd';

/** 正常 / 停用, as RuoYi shows it. */
export function StatusTag({ status }: { status: string }) {
  return status === 'active' ? <Tag color="success">正常</Tag> : <Tag color="error">停用</Tag>;
}

export const STATUS_OPTIONS = [
  { value: 'active', label: '正常' },
  { value: 'disabled', label: '停用' },
];
