/**
 * The drawer of one user: edit the full name, disable or enable the account, reset the password, add and remove
 * role assignments.
 */
import { Alert, App, Button, Divider, Drawer, Form, Input, Popconfirm, Select, Space, Spin, Typography } from 'antd';
import { useAddRole, useRemoveRole, useResetPassword, useUpdateUser, useUser } from '../../api/hooks.ts';
import type { RoleCode } from '../../../contract/auth.ts';
import type { User } from '../../../contract/users.ts';
import { useConfirm } from '../../lib/confirm.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { PASSWORD_MIN, sameAs } from '../../lib/forms.ts';
import { ROLE_CODES, ROLE_NAMES } from '../../lib/labels.ts';
import { OrgSelect } from '../OrgSelect.tsx';
import { QueryError } from '../QueryError.tsx';
import { RoleTag } from '../Tags.tsx';
import { useFormAction } from './useFormAction.ts';
import { UserStateTag } from './userState.tsx';
import { NameInput } from '../NameInput.tsx';

function ErrorAlert({ message }: { message: string | undefined }) {
  return message ? <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} /> : null;
}

function ProfileSection({ user }: { user: User }) {
  const update = useUpdateUser(user.id);
  const { message } = App.useApp();
  const { form, busy, error, run } = useFormAction<{ fullName: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ fullName: user.fullName }}
      onFinish={(v) =>
        void run(async () => {
          await update.mutateAsync({ fullName: v.fullName.trim() });
          message.success('Đã lưu họ và tên.');
        })
      }
    >
      <ErrorAlert message={error?.message} />
      <Form.Item
        name="fullName"
        label="Họ và tên"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên.' },
          { max: 150, message: 'Họ và tên tối đa 150 ký tự.' },
        ]}
      >
        <NameInput testId="user-edit-fullname" />
      </Form.Item>
      <Button htmlType="submit" loading={busy} data-testid="user-save">
        Lưu
      </Button>
    </Form>
  );
}

function StatusSection({ user }: { user: User }) {
  const update = useUpdateUser(user.id);
  const confirm = useConfirm();
  const { message } = App.useApp();

  const toggle = async () => {
    const disabling = !user.disabled;
    const ok = await confirm({
      title: disabling ? `Vô hiệu hóa tài khoản ${user.username}?` : `Kích hoạt lại tài khoản ${user.username}?`,
      content: disabling ? 'Người dùng sẽ không đăng nhập được cho đến khi được kích hoạt lại.' : undefined,
      okText: disabling ? 'Vô hiệu hóa' : 'Kích hoạt',
      danger: disabling,
    });
    if (!ok) return;
    try {
      await update.mutateAsync({ disabled: disabling });
      message.success(disabling ? 'Đã vô hiệu hóa tài khoản.' : 'Đã kích hoạt lại tài khoản.');
    } catch (e) {
      message.error(e instanceof Error ? e.message : 'Không thực hiện được.');
    }
  };

  return (
    <Space wrap>
      <UserStateTag user={user} />
      <Button danger={!user.disabled} loading={update.isPending} onClick={() => void toggle()} data-testid="user-toggle-disabled">
        {user.disabled ? 'Kích hoạt lại' : 'Vô hiệu hóa'}
      </Button>
    </Space>
  );
}

interface ResetValues {
  newPassword: string;
  confirmPassword: string;
}

function ResetPasswordSection({ user }: { user: User }) {
  const reset = useResetPassword(user.id);
  const { message } = App.useApp();
  const { form, busy, error, run } = useFormAction<ResetValues>();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        void run(async () => {
          await reset.mutateAsync({ newPassword: v.newPassword });
          form.resetFields();
          message.success('Đã đặt lại mật khẩu. Người dùng phải đổi mật khẩu ở lần đăng nhập tới.');
        })
      }
    >
      <ErrorAlert message={error?.message} />
      <Space align="start" wrap>
        <Form.Item
          name="newPassword"
          label="Mật khẩu mới"
          rules={[
            { required: true, message: 'Vui lòng nhập mật khẩu mới.' },
            { min: PASSWORD_MIN, message: `Ít nhất ${PASSWORD_MIN} ký tự.` },
          ]}
        >
          <Input.Password autoComplete="new-password" style={{ width: 220 }} data-testid="user-reset-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="Nhập lại"
          dependencies={['newPassword']}
          rules={[{ required: true, message: 'Vui lòng nhập lại mật khẩu.' }, sameAs('newPassword')]}
        >
          <Input.Password autoComplete="new-password" style={{ width: 220 }} data-testid="user-reset-confirm" />
        </Form.Item>
      </Space>
      <Button htmlType="submit" loading={busy} data-testid="user-reset-password">
        Đặt lại mật khẩu
      </Button>
    </Form>
  );
}

interface RoleValues {
  role: Exclude<RoleCode, 'member'>;
  orgId?: string;
}

function RolesSection({ user }: { user: User }) {
  const add = useAddRole(user.id);
  const remove = useRemoveRole(user.id);
  const { message } = App.useApp();
  const { form, busy, error, run } = useFormAction<RoleValues>();
  const role = Form.useWatch('role', form);
  const needsOrg = role !== 'system_admin';

  return (
    <>
      {user.roles.length === 0 ? (
        <Typography.Text type="secondary">Chưa có vai trò nào.</Typography.Text>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="user-roles">
          {user.roles.map((r) => (
            <div key={r.id} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
              <RoleTag assignment={r} />
              <Popconfirm
                title="Gỡ vai trò này?"
                okText="Gỡ"
                cancelText="Hủy"
                okButtonProps={{ danger: true, ...({ 'data-testid': 'confirm-ok' } as object) }}
                onConfirm={async () => {
                  try {
                    await remove.mutateAsync(r.id);
                    message.success('Đã gỡ vai trò.');
                  } catch (e) {
                    message.error(e instanceof Error ? e.message : 'Không thực hiện được.');
                  }
                }}
              >
                <Button size="small" danger type="link" data-testid={`user-role-remove-${r.id}`}>
                  Gỡ
                </Button>
              </Popconfirm>
            </div>
          ))}
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={(v) =>
          void run(async () => {
            await add.mutateAsync({ role: v.role, orgId: v.role === 'system_admin' ? null : (v.orgId ?? null) });
            form.resetFields();
            message.success('Đã thêm vai trò.');
          })
        }
      >
        <ErrorAlert message={error?.message} />
        <Form.Item name="role" label="Vai trò" rules={[{ required: true, message: 'Vui lòng chọn vai trò.' }]}>
          <Select options={ROLE_CODES.map((c) => ({ value: c, label: ROLE_NAMES[c] }))} placeholder="Chọn vai trò" data-testid="user-role-select" />
        </Form.Item>
        {needsOrg && (
          <Form.Item name="orgId" label="Phạm vi (tổ chức và các tổ chức trực thuộc)" rules={[{ required: true, message: 'Vui lòng chọn tổ chức.' }]}>
            <OrgSelect data-testid="user-role-org" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="user-role-add">
          Thêm vai trò
        </Button>
      </Form>
    </>
  );
}

export function UserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const query = useUser(userId);
  const user = query.data;
  return (
    <Drawer
      open={Boolean(userId)}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={user ? `${user.fullName} (${user.username})` : 'Người dùng'}
      data-testid="user-drawer"
    >
      {query.isPending && <Spin />}
      {query.isError && <QueryError error={query.error} />}
      {user && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            Đơn vị: {user.homeOrg?.name ?? '—'} · Tạo lúc {formatDateTime(user.createdAt)}
          </Typography.Paragraph>
          <Divider titlePlacement="start">Thông tin</Divider>
          <ProfileSection key={`p-${user.id}`} user={user} />
          <Divider titlePlacement="start">Trạng thái tài khoản</Divider>
          <StatusSection user={user} />
          <Divider titlePlacement="start">Đặt lại mật khẩu</Divider>
          <ResetPasswordSection key={`r-${user.id}`} user={user} />
          <Divider titlePlacement="start">Vai trò</Divider>
          <RolesSection key={`v-${user.id}`} user={user} />
        </>
      )}
    </Drawer>
  );
}
