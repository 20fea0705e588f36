/** "Đổi loại hình": change the kind of organisation and/or its sector type. */
import { App, Form } from 'antd';
import { useReclassifyOrg } from '../../api/hooks.ts';
import { formatDate } from '../../lib/dates.ts';
import { toDecision, type DecisionValues } from '../../lib/forms.ts';
import { OrgKindSelect, SectorSelect } from '../CatalogueSelects.tsx';
import { DecisionFields } from '../DecisionFields.tsx';
import { FormModal } from '../FormModal.tsx';
import type { OrgActionModalProps } from './common.ts';

interface Values extends DecisionValues {
  kindCode?: string;
  sectorCode?: string;
}

export function ReclassifyModal({ org, open, onClose }: OrgActionModalProps) {
  const reclassify = useReclassifyOrg(org.id);
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    const decision = toDecision(values);
    await reclassify.mutateAsync({
      kindCode: values.kindCode !== org.kindCode ? values.kindCode : undefined,
      sectorCode: (values.sectorCode ?? null) !== org.sectorCode ? values.sectorCode : undefined,
      ...decision,
    });
    message.success(`Đã đổi loại hình tổ chức, có hiệu lực từ ngày ${formatDate(decision.effectiveDate)}.`);
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title="Đổi loại tổ chức, loại hình"
      submitText="Lưu thay đổi"
      onCancel={onClose}
      onSubmit={submit}
      initialValues={{ kindCode: org.kindCode, sectorCode: org.sectorCode ?? undefined }}
      testId="form-reclassify-org"
      intro={
        <>
          Hiện tại: <b>{org.kindName}</b>
          {org.sectorName ? `, loại hình ${org.sectorName}` : ''}
        </>
      }
    >
      <Form.Item name="kindCode" label="Loại tổ chức" rules={[{ required: true, message: 'Vui lòng chọn loại tổ chức.' }]}>
        <OrgKindSelect data-testid="org-kind" />
      </Form.Item>
      <Form.Item
        name="sectorCode"
        label="Loại hình"
        dependencies={['kindCode']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              getFieldValue('kindCode') === org.kindCode && (value ?? null) === org.sectorCode
                ? Promise.reject(new Error('Chưa thay đổi loại tổ chức hay loại hình.'))
                : Promise.resolve(),
          }),
        ]}
      >
        <SectorSelect data-testid="org-sector" />
      </Form.Item>
      <DecisionFields />
    </FormModal>
  );
}
