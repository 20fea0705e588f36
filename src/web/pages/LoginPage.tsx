/** "Đăng nhập": username and password; the server's message on failure (wrong password, locked account). */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { setCsrfToken } from '../api/client.ts';
import { queryKeys, useLogin, useMe } from '../api/hooks.ts';
import type { AuthSession, LoginBody } from '../../contract/auth.ts';
import { FullPageSpin } from '../app/auth.tsx';
import { applyServerError, type ServerErrorResult } from '../lib/forms.ts';
import { AuthCard } from '../components/AuthCard.tsx';

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const login = useLogin();
  const [form] = Form.useForm<LoginBody>();
  const [error, setError] = useState<ServerErrorResult | null>(null);
  const next = safeNext(params.get('next'));

  if (me.isPending) return <FullPageSpin />;
  if (me.data) return <Navigate to={me.data.user.mustChangePassword ? '/change-password' : next} replace />;

  const submit = async (values: LoginBody) => {
    setError(null);
    try {
      const session: AuthSession = await login.mutateAsync({ username: values.username.trim(), password: values.password });
      setCsrfToken(session.csrfToken);
      client.setQueryData(queryKeys.me, session);
      navigate(session.user.mustChangePassword ? '/change-password' : next, { replace: true });
    } catch (e) {
      setError(applyServerError(form, e));
      form.setFieldValue('password', '');
    }
  };

  return (
    <AuthCard title="Đăng nhập">
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginBody> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="username" label="Tên đăng nhập" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập.' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label="Mật khẩu" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu.' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          Đăng nhập
        </Button>
      </Form>
    </AuthCard>
  );
}
