/**
 * Routes: the public portal at /, its section pages at /p/:key, sign-in at /login, the admin app under /admin.
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageLoading } from './components/PageLoading';
import { NotFound } from './components/NotFound';
import PortalPage from './portal/PortalPage';

const LoginPage = lazy(() => import('./login/LoginPage'));
const AdminApp = lazy(() => import('./admin/AdminApp'));
const PortalSectionPage = lazy(() => import('./portal/PortalSectionPage'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading full />}>
      <Routes>
        <Route path="/" element={<PortalPage />} />
        <Route path="/p/:key/*" element={<PortalSectionPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/admin/*" element={<AdminApp />} />
        <Route path="*" element={<NotFound full />} />
      </Routes>
    </Suspense>
  );
}
