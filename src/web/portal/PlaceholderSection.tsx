import { Empty } from 'antd';

/** Shown for a section that is open but has no page yet. */
export default function PlaceholderSection() {
  return <Empty description="本栏目内容正在整理中，敬请期待" style={{ padding: '48px 0' }} />;
}
