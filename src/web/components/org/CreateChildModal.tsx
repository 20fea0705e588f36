/** "Thêm tổ chức trực thuộc": a new organisation under this one, by decision. */
import { App, Form, Input } from 'antd';
import { useCreateOrg } from '../../api/hooks.ts';
import { formatDate } from '../../lib/dates.ts';
import { optionalText, toDecision, type DecisionValues } from '../../lib/forms.ts';
import { OrgKindSelect, SectorSelect } from '../CatalogueSelects.tsx';
import { DecisionFields } from '../DecisionFields.tsx';
import { FormModal } from '../FormModal.tsx';
import type { OrgActionModalProps } from './common.ts';

interface Values extends DecisionValues {
  name: string;
  code?: string;
  kindCode: string;
  sectorCode?: string;
}

export function CreateChildModal({ org, open, onClose }: OrgActionModalProps) {
  const create = useCreateOrg();
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    const decision = toDecision(values);
    const created = await create.mutateAsync({
      parentId: org.id,
      name: values.name.trim(),
      code: optionalText(values.code),
      kindCode: values.kindCode,
      sectorCode: values.sectorCode || undefined,
      ...decision,
    });
    message.success(`Đã thành lập ${created.name}, có hiệu lực từ ngày ${formatDate(decision.effectiveDate)}.`);
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title="Thêm tổ chức trực thuộc"
      submitText="Thành lập"
      onCancel={onClose}
      onSubmit={submit}
      testId="form-create-org"
      intro={
        <>
          Tổ chức cấp trên: <b>{org.name}</b>
        </>
      }
    >
      <Form.Item
        name="name"
        label="Tên tổ chức"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập tên tổ chức.' },
          { max: 255, message: 'Tên tổ chức tối đa 255 ký tự.' },
        ]}
      >
        <Input placeholder="vd. Chi bộ Thôn Đông" data-testid="org-name" />
      </Form.Item>
      <Form.Item name="kindCode" label="Loại tổ chức" rules={[{ required: true, message: 'Vui lòng chọn loại tổ chức.' }]}>
        <OrgKindSelect data-testid="org-kind" />
      </Form.Item>
      <Form.Item name="sectorCode" label="Loại hình" tooltip="Dùng cho thống kê tổ chức cơ sở đảng. Có thể để trống.">
        <SectorSelect data-testid="org-sector" />
      </Form.Item>
      <Form.Item name="code" label="Mã tổ chức" rules={[{ max: 50, message: 'Mã tổ chức tối đa 50 ký tự.' }]}>
        <Input placeholder="Có thể để trống" data-testid="org-code" />
      </Form.Item>
      <DecisionFields />
    </FormModal>
  );
}
