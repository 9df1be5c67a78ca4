import { Spin } from 'antd';

export function PageLoading({ full }: { full?: boolean }) {
  return (
    <div className={full ? 'fz-loading fz-loading-full' : 'fz-loading'}>
      <Spin size="large" />
    </div>
  );
}
