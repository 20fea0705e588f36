/**
 * "Sửa" for one field group of the member file: a form with that group's fields only, sent as a PATCH of just those
 * fields. A blank input clears its field (null); a CCCD the form only knows masked is kept when left blank.
 */
import { App, Col, Form, Row, Typography } from 'antd';
import { useUpdateMember } from '../../api/hooks.ts';
import type { MemberFile } from '../../../contract/members.ts';
import { groupFields, groupInitialValues, groupPatch, type GroupFormValues, type GroupSpec } from '../../lib/member-fields.ts';
import { FormModal } from '../FormModal.tsx';
import { MemberFieldItem } from './MemberFieldItem.tsx';
import { PlausibilityAlert } from './PlausibilityAlert.tsx';
import { memberFileChangeProblems } from '../../../domain/plausibility.ts';
import { todayIso } from '../../lib/dates.ts';

/** What the correction changes would make implausible (a date after today, the admission under age), said before saving. */
function EditPlausibility({ file, group, cccdKnown }: { file: MemberFile; group: GroupSpec; cccdKnown: boolean }) {
  const form = Form.useFormInstance<GroupFormValues>();
  const values = Form.useWatch((v: GroupFormValues) => v, form) as GroupFormValues | undefined;
  if (!values) return null;
  const before: Record<string, unknown> = { ...file.fields, admittedOn: file.admittedOn, officialOn: file.officialOn };
  const changed = Object.fromEntries(Object.entries(groupPatch(group, values, cccdKnown)).filter(([k, v]) => v !== undefined && (before[k] ?? null) !== v));
  return <PlausibilityAlert problems={memberFileChangeProblems(before, changed, todayIso())} testId="member-plausibility" />;
}

export interface EditGroupModalProps {
  file: MemberFile;
  group: GroupSpec | null;
  /** The full CCCD when the user has revealed it on the page; null otherwise. */
  revealedCccd: string | null;
  onClose: () => void;
  onSaved: (file: MemberFile) => void;
}

export function EditGroupModal({ file, group, revealedCccd, onClose, onSaved }: EditGroupModalProps) {
  const update = useUpdateMember(file.id);
  const { message } = App.useApp();
  const cccdKnown = revealedCccd !== null || file.cccdMasked === null;

  const submit = async (values: GroupFormValues) => {
    if (!group) return;
    const saved = await update.mutateAsync(groupPatch(group, values, cccdKnown));
    message.success(`Đã cập nhật mục «${group.title}» của hồ sơ ${saved.fields.fullName}.`);
    onSaved(saved);
  };

  const fields = group ? groupFields(group) : [];
  return (
    <FormModal<GroupFormValues>
      open={group !== null}
      title={group ? `Sửa ${group.title.toLowerCase()} · ${file.fields.fullName}` : ''}
      submitText="Lưu"
      width={760}
      onCancel={onClose}
      onSubmit={submit}
      initialValues={group ? groupInitialValues(group, file, revealedCccd) : {}}
      intro={<Typography.Text type="secondary">{group?.intro ? `${group.intro} ` : ''}Để trống một ô là xóa thông tin đó khỏi hồ sơ.</Typography.Text>}
      testId={group ? `form-member-${group.key}` : undefined}
    >
      <Row gutter={16}>
        {fields.map((spec) => {
          const keepsMaskedCccd = spec.name === 'cccd' && !cccdKnown;
          return (
            <Col span={spec.wide ? 24 : 12} key={spec.name}>
              <MemberFieldItem
                spec={spec}
                placeholder={keepsMaskedCccd ? `Giữ nguyên ${file.cccdMasked ?? ''}` : undefined}
                extra={keepsMaskedCccd ? 'Để trống để giữ số đang lưu; muốn xóa số này, bấm «Xem» số CCCD trước.' : undefined}
              />
            </Col>
          );
        })}
      </Row>
      {group && <EditPlausibility file={file} group={group} cccdKnown={cccdKnown} />}
    </FormModal>
  );
}
