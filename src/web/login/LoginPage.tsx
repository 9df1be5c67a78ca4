/**
 * 工作人员登录. Shows the server's message (wrong password, account locked with 429), then goes to /admin or to
 * the page the user came from (?redirect=). With a one-time password the change-password dialog comes first.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Checkbox, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { ChangePasswordModal } from '../admin/ChangePasswordModal';
import { usePortalSite } from '../portal/usePortalSite';

const REMEMBER_KEY = 'fazhi.lastUsername';

/** Only same-site paths under /admin are followed after sign-in. */
function safeRedirect(raw: string | null): string {
  if (!raw || !raw.startsWith('/admin') || raw.startsWith('//')) return '/admin';
  return raw;
}

export default function LoginPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { login, user, load, passwordChanged, mustChangePassword } = useAuth();
  const site = usePortalSite();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = safeRedirect(params.get('redirect'));

  useEffect(() => {
    document.title = `工作人员登录 - ${site?.title ?? '法治政府建设工作平台'}`;
  }, [site]);

  // Already signed in (e.g. the back button): straight on.
  useEffect(() => {
    if (user === undefined) load().catch(() => undefined);
    else if (user && !mustChangePassword) navigate(target, { replace: true });
  }, [user, load, navigate, target, mustChangePassword]);

  const onFinish = async (v: { username: string; password: string; remember?: boolean }) => {
    setLoading(true);
    setError(null);
    try {
      const r = await login(v.username.trim(), v.password);
      if (v.remember) localStorage.setItem(REMEMBER_KEY, v.username.trim());
      else localStorage.removeItem(REMEMBER_KEY);
      if (!r.mustChangePassword) navigate(target, { replace: true });
    } catch (err) {
      // Shown in the card (wrong password, account locked…); validation problems also go onto the fields.
      setError(err instanceof ApiError ? err.message : String((err as Error).message ?? err));
      form.setFieldValue('password', '');
      if (err instanceof ApiError && err.fields.length)
        form.setFields(err.fields.filter((f) => f.field === 'username' || f.field === 'password').map((f) => ({ name: f.field, errors: [f.message] })));
    } finally {
      setLoading(false);
    }
  };

  const remembered = localStorage.getItem(REMEMBER_KEY);

  return (
    <div className="fz-login">
      <div className="fz-login-top">
        <span className="fz-logo-mark fz-logo-mark-lg">法</span>
        <div>
          <div className="fz-login-site">{site?.title ?? '法治政府建设'}</div>
          <div className="fz-login-sub">法治政府建设工作平台</div>
        </div>
      </div>
      <div className="fz-login-card" data-testid="login-card">
        <h2 className="fz-login-title">工作人员登录</h2>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} name="login" size="large" onFinish={onFinish} initialValues={{ username: remembered ?? '', remember: !!remembered }} autoComplete="on">
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus={!remembered} />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" autoFocus={!!remembered} />
          </Form.Item>
          <Form.Item name="remember" valuePropName="checked" style={{ marginBottom: 12 }}>
            <Checkbox>记住用户名</Checkbox>
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={loading} data-testid="login-submit">
              {loading ? '登录中…' : '登录系统'}
            </Button>
          </Form.Item>
        </Form>
        <div className="fz-login-links">
          <Link to="/">返回门户首页</Link>
          <span className="fz-muted">忘记密码请联系本单位管理员重置</span>
        </div>
      </div>
      <div className="fz-login-footer">建议使用 Chrome、Edge、Firefox 或国产浏览器极速模式访问 · Fazhi 开源法治政府建设工作平台</div>
      <ChangePasswordModal
        open={!!user && mustChangePassword}
        forced
        onDone={() => {
          passwordChanged();
          navigate(target, { replace: true });
        }}
      />
    </div>
  );
}
