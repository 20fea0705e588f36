/** "Chuyển cấp trên": put the organisation (with everything under it) under another superior. */
import { App, Form } from 'antd';
import { useMoveOrg } from '../../api/hooks.ts';
import { formatDate } from '../../lib/dates.ts';
import { toDecision, type DecisionValues } from '../../lib/forms.ts';
import { orderedAncestors } from '../../lib/orgs.ts';
import { DecisionFields } from '../DecisionFields.tsx';
import { FormModal } from '../FormModal.tsx';
import { OrgSelect } from '../OrgSelect.tsx';
import type { OrgActionModalProps } from './common.ts';

interface Values extends DecisionValues {
  newParentId: string;
}

export function MoveModal({ org, open, onClose }: OrgActionModalProps) {
  const move = useMoveOrg(org.id);
  const { message } = App.useApp();
  const parent = orderedAncestors(org.ancestors, org.parentId).find((a) => a.id === org.parentId);

  const submit = async (values: Values) => {
    const decision = toDecision(values);
    await move.mutateAsync({ newParentId: values.newParentId, ...decision });
    message.success(`Đã chuyển ${org.name} sang cấp trên mới, có hiệu lực từ ngày ${formatDate(decision.effectiveDate)}.`);
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title="Chuyển cấp trên"
      submitText="Chuyển"
      onCancel={onClose}
      onSubmit={submit}
      testId="form-move-org"
      intro={
        <>
          Chuyển <b>{org.name}</b> cùng toàn bộ tổ chức trực thuộc sang cấp trên mới.
          {parent && (
            <>
              {' '}
              Cấp trên hiện tại: <b>{parent.name}</b>.
            </>
          )}
        </>
      }
    >
      <Form.Item
        name="newParentId"
        label="Cấp trên mới"
        rules={[
          { required: true, message: 'Vui lòng chọn cấp trên mới.' },
          {
            validator: (_rule, value: string | undefined) =>
              value && value === org.parentId ? Promise.reject(new Error('Tổ chức đã trực thuộc cấp trên này.')) : Promise.resolve(),
          },
        ]}
      >
        <OrgSelect excludeIds={[org.id]} placeholder="Gõ tên cấp trên mới để tìm" data-testid="move-new-parent" />
      </Form.Item>
      <DecisionFields />
    </FormModal>
  );
}
