/**
 * /admin/*: checks the session (GET /api/auth/me), then the layout with the routes of the menu registry.
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useAuth } from '../auth';
import { PageLoading } from '../components/PageLoading';
import { NotFound } from '../components/NotFound';
import { AdminLayout } from './AdminLayout';
import { MENU } from './menu';

function Forbidden() {
  return <Result status="403" title="无权访问" subTitle="您没有访问此页面的权限，如需开通请联系本单位管理员。" />;
}

export default function AdminApp() {
  const { user, load } = useAuth();
  const location = useLocation();
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (user === undefined) load().catch((err: Error) => setFailed(err.message));
  }, [user, load]);

  if (failed)
    return (
      <Result
        status="error"
        title="无法加载用户信息"
        subTitle={failed}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        }
      />
    );
  if (user === undefined) return <PageLoading full />;
  if (user === null) return <Navigate to={`/login?redirect=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  return (
    <AdminLayout>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          {MENU.map((m) => {
            const Page = m.component;
            const element = (
              <Guard permission={m.permission}>
                <Page />
              </Guard>
            );
            return m.path === '' ? <Route key="index" index element={element} /> : <Route key={m.path} path={m.path} element={element} />;
          })}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </AdminLayout>
  );
}

function Guard({ permission, children }: { permission?: string; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? <>{children}</> : <Forbidden />;
}
