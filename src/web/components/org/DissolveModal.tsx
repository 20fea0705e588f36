/** "Giải thể": end the organisation from the effective date; asks for confirmation before sending. */
import { Alert, App } from 'antd';
import { useDissolveOrg } from '../../api/hooks.ts';
import { formatDate } from '../../lib/dates.ts';
import { useConfirm } from '../../lib/confirm.ts';
import { toDecision, type DecisionValues } from '../../lib/forms.ts';
import { formatCount } from '../../lib/labels.ts';
import { DecisionFields } from '../DecisionFields.tsx';
import { FormModal } from '../FormModal.tsx';
import type { OrgActionModalProps } from './common.ts';

export function DissolveModal({ org, open, onClose }: OrgActionModalProps) {
  const dissolve = useDissolveOrg(org.id);
  const confirm = useConfirm();
  const { message } = App.useApp();
  const members = org.memberCount.official + org.memberCount.probationary;

  const submit = async (values: DecisionValues) => {
    const decision = toDecision(values);
    const ok = await confirm({
      title: `Giải thể ${org.name}?`,
      content: `Tổ chức sẽ kết thúc từ ngày ${formatDate(decision.effectiveDate)} theo quyết định số ${decision.decisionNo}.`,
      okText: 'Giải thể',
      danger: true,
    });
    if (!ok) return;
    await dissolve.mutateAsync(decision);
    message.success(`Đã giải thể ${org.name} từ ngày ${formatDate(decision.effectiveDate)}.`);
    onClose();
  };

  return (
    <FormModal<DecisionValues>
      open={open}
      title="Giải thể tổ chức"
      submitText="Giải thể"
      danger
      onCancel={onClose}
      onSubmit={submit}
      testId="form-dissolve-org"
      intro={
        <Alert
          type="warning"
          showIcon
          title={
            <>
              Giải thể <b>{org.name}</b>
            </>
          }
          description={
            <>
              {org.childCount > 0 && <div>Tổ chức còn {formatCount(org.childCount)} tổ chức trực thuộc: cần chuyển hoặc giải thể các tổ chức này trước.</div>}
              {members > 0 && <div>Tổ chức còn {formatCount(members)} đảng viên sinh hoạt.</div>}
              <div>Lịch sử của tổ chức vẫn được lưu giữ.</div>
            </>
          }
        />
      }
    >
      <DecisionFields />
    </FormModal>
  );
}
