/**
 * /p/:key — a portal section's own page (from the registry in ./sections.tsx), inside the portal frame.
 */
import { Suspense, useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Empty, Result } from 'antd';
import { PageLoading } from '../components/PageLoading';
import { PortalFooter, PortalHeader } from './PortalPage';
import { sectionDef } from './sections';
import { usePortalSite } from './usePortalSite';

export default function PortalSectionPage() {
  const { key = '' } = useParams();
  const site = usePortalSite();
  const def = sectionDef(key);
  const server = site?.sections.find((s) => s.key === key);
  const title = def?.title ?? server?.title ?? '栏目';
  useEffect(() => {
    if (site) document.title = `${title} - ${site.title}`;
  }, [site, title]);
  const Page = def?.page;

  let body;
  if (!site) body = <PageLoading />;
  else if (!server) body = <Result status="404" title="栏目不存在" extra={<Link to="/">返回首页</Link>} />;
  else if (!server.available || !Page) body = <Empty description="本栏目正在建设中，敬请期待" style={{ padding: '64px 0' }} />;
  else
    body = (
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    );

  return (
    <div className="fz-portal">
      <PortalHeader site={site} current={key} />
      <main className="fz-portal-inner fz-portal-main">
        <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/">首页</Link> }, { title }]} />
        <div className="fz-portal-panel">
          <h2 className="fz-portal-panel-title">{title}</h2>
          {body}
        </div>
      </main>
      <PortalFooter site={site} />
    </div>
  );
}
