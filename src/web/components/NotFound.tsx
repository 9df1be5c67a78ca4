import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';

export function NotFound({ full }: { full?: boolean }) {
  return (
    <div className={full ? 'fz-loading-full' : undefined}>
      <Result
        status="404"
        title="404"
        subTitle="抱歉，您访问的页面不存在。"
        extra={
          <Link to={full ? '/' : '/admin'}>
            <Button type="primary">{full ? '返回门户首页' : '返回工作台首页'}</Button>
          </Link>
        }
      />
    </div>
  );
}
