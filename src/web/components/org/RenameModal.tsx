/** "Đổi tên": a new name (and optionally code) from the effective date of a decision. */
import { App, Form, Input } from 'antd';
import { useRenameOrg } from '../../api/hooks.ts';
import { formatDate } from '../../lib/dates.ts';
import { optionalText, toDecision, type DecisionValues } from '../../lib/forms.ts';
import { DecisionFields } from '../DecisionFields.tsx';
import { FormModal } from '../FormModal.tsx';
import type { OrgActionModalProps } from './common.ts';

interface Values extends DecisionValues {
  name: string;
  code?: string;
}

export function RenameModal({ org, open, onClose }: OrgActionModalProps) {
  const rename = useRenameOrg(org.id);
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    const decision = toDecision(values);
    await rename.mutateAsync({ name: values.name.trim(), code: optionalText(values.code), ...decision });
    message.success(`Đã đổi tên tổ chức, có hiệu lực từ ngày ${formatDate(decision.effectiveDate)}.`);
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title="Đổi tên tổ chức"
      submitText="Đổi tên"
      onCancel={onClose}
      onSubmit={submit}
      initialValues={{ name: org.name, code: org.code ?? undefined }}
      testId="form-rename-org"
      intro={
        <>
          Tên hiện tại: <b>{org.name}</b>
        </>
      }
    >
      <Form.Item
        name="name"
        label="Tên mới"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập tên mới.' },
          { max: 255, message: 'Tên tổ chức tối đa 255 ký tự.' },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              value?.trim() === org.name && (optionalText(getFieldValue('code') as string) ?? null) === org.code
                ? Promise.reject(new Error('Tên mới trùng với tên hiện tại.'))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input data-testid="org-name" />
      </Form.Item>
      <Form.Item name="code" label="Mã tổ chức" rules={[{ max: 50, message: 'Mã tổ chức tối đa 50 ký tự.' }]}>
        <Input placeholder="Có thể để trống" data-testid="org-code" />
      </Form.Item>
      <DecisionFields />
    </FormModal>
  );
}
