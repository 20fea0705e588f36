/** "Thêm người dùng": username, full name, initial password and home organisation. */
import { App, Form, Input } from 'antd';
import { useCreateUser } from '../../api/hooks.ts';
import type { User } from '../../../contract/users.ts';
import { PASSWORD_MIN, sameAs } from '../../lib/forms.ts';
import { FormModal } from '../FormModal.tsx';
import { OrgSelect } from '../OrgSelect.tsx';
import { NameInput } from '../NameInput.tsx';

interface Values {
  username: string;
  fullName: string;
  password: string;
  confirmPassword: string;
  homeOrgId: string;
}

export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const create = useCreateUser();
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    const user = await create.mutateAsync({
      username: values.username.trim(),
      fullName: values.fullName.trim(),
      password: values.password,
      homeOrgId: values.homeOrgId,
    });
    message.success(`Đã tạo tài khoản ${user.username}. Người dùng sẽ phải đổi mật khẩu ở lần đăng nhập đầu tiên.`);
    onCreated(user);
  };

  return (
    <FormModal<Values> open={open} title="Thêm người dùng" submitText="Tạo tài khoản" onCancel={onClose} onSubmit={submit} testId="form-create-user">
      <Form.Item
        name="username"
        label="Tên đăng nhập"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập.' },
          { min: 3, max: 50, message: 'Tên đăng nhập dài từ 3 đến 50 ký tự.' },
          { pattern: /^[A-Za-z0-9._-]+$/u, message: 'Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự . _ -' },
        ]}
      >
        <Input autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="fullName"
        label="Họ và tên"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên.' },
          { max: 150, message: 'Họ và tên tối đa 150 ký tự.' },
        ]}
      >
        <NameInput testId="user-fullname" />
      </Form.Item>
      <Form.Item
        name="homeOrgId"
        label="Đơn vị công tác"
        tooltip="Người dùng thuộc phạm vi quản lý của đơn vị này."
        rules={[{ required: true, message: 'Vui lòng chọn đơn vị công tác.' }]}
      >
        <OrgSelect data-testid="user-home-org" />
      </Form.Item>
      <Form.Item
        name="password"
        label="Mật khẩu ban đầu"
        extra={`Ít nhất ${PASSWORD_MIN} ký tự. Người dùng phải đổi ở lần đăng nhập đầu tiên.`}
        rules={[
          { required: true, message: 'Vui lòng nhập mật khẩu ban đầu.' },
          { min: PASSWORD_MIN, message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.` },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="Nhập lại mật khẩu"
        dependencies={['password']}
        rules={[{ required: true, message: 'Vui lòng nhập lại mật khẩu.' }, sameAs('password')]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-password-confirm" />
      </Form.Item>
    </FormModal>
  );
}
