/**
 * "Đổi mật khẩu": asked first after a login with an initial or reset password, and reachable from the user menu.
 */
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { queryKeys, useChangePassword } from '../api/hooks.ts';
import { useCurrentUser } from '../app/auth.tsx';
import { useSignOut } from '../app/signOut.ts';
import { applyServerError, PASSWORD_MIN, type ServerErrorResult, sameAs } from '../lib/forms.ts';
import { AuthCard } from '../components/AuthCard.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const change = useChangePassword();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ServerErrorResult | null>(null);

  const submit = async (values: Values) => {
    setError(null);
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      await client.invalidateQueries({ queryKey: queryKeys.me });
      message.success('Đã đổi mật khẩu.');
      navigate('/', { replace: true });
    } catch (e) {
      setError(applyServerError(form, e));
    }
  };

  return (
    <AuthCard title="Đổi mật khẩu">
      {me.mustChangePassword && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Bạn cần đổi mật khẩu trước khi tiếp tục."
          description="Mật khẩu hiện tại là mật khẩu được cấp ban đầu hoặc vừa được đặt lại."
        />
      )}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="currentPassword" label="Mật khẩu hiện tại" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại.' }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="Mật khẩu mới"
          extra={`Ít nhất ${PASSWORD_MIN} ký tự.`}
          rules={[
            { required: true, message: 'Vui lòng nhập mật khẩu mới.' },
            { min: PASSWORD_MIN, message: `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN} ký tự.` },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error('Mật khẩu mới phải khác mật khẩu hiện tại.'))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="Nhập lại mật khẩu mới"
          dependencies={['newPassword']}
          rules={[{ required: true, message: 'Vui lòng nhập lại mật khẩu mới.' }, sameAs('newPassword')]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          {me.mustChangePassword ? (
            <Button onClick={() => void signOut()} data-testid="password-logout">
              Đăng xuất
            </Button>
          ) : (
            <Button onClick={() => navigate(-1)}>Quay lại</Button>
          )}
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
            Đổi mật khẩu
          </Button>
        </Space>
      </Form>
    </AuthCard>
  );
}
