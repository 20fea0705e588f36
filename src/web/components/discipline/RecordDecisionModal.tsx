/**
 * Recording a discipline decision (issue 15 parts 4, 9; domain.md §11): a member or an organisation, the deciding
 * organisation and body, the form, the dates. The body and the form offered are those the deciding level may use (the
 * competence of the rule set of the decision's day, the same data the server checks); the server's refusals (out of
 * time limit with the day it ran out, a form a probationary member cannot receive, a deferral) show above the form.
 */
import { Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DISCIPLINE_BODY_LABELS, DISCIPLINE_FORM_LABELS, type AnyDisciplineForm } from '../../../domain/discipline.ts';
import { kindByCode } from '../../../domain/org-kinds.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import type { DisciplineBodyCode } from '../../../contract/discipline.ts';
import { disciplineApi, useDisciplineWrite } from '../../api/discipline.ts';
import { useMembers, useOrg } from '../../api/hooks.ts';
import { todayIso, toIso, validDate } from '../../lib/dates.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';
import { OrgSelect } from '../OrgSelect.tsx';

interface Values {
  subjectKind: 'member' | 'org';
  memberId?: string;
  orgId?: string;
  decidingOrgId: string;
  decidingBody: DisciplineBodyCode;
  form: AnyDisciplineForm;
  decisionNo: string;
  decidedOn: Dayjs;
  announcedOn?: Dayjs | null;
  violationOn: Dayjs;
  reason?: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A member of the subtree, found by name. */
export function MemberPicker({ orgId, value, onChange }: { orgId: string; value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q, 300);
  const members = useMembers({ orgId, q: query || undefined, pageSize: 20 });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder="Gõ họ tên đảng viên"
      loading={members.isFetching}
      notFoundContent="Không tìm thấy đảng viên"
      data-testid="discipline-member"
      options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} — ${m.orgName}` }))}
    />
  );
}

/** The deciding body and the form, limited to what the deciding level may decide for the subject. */
function CompetenceFields() {
  const form = Form.useFormInstance<Values>();
  const decidingOrgId = Form.useWatch('decidingOrgId', form);
  const subjectKind = Form.useWatch('subjectKind', form) ?? 'member';
  const body = Form.useWatch('decidingBody', form);
  const decidedOn = Form.useWatch('decidedOn', form) as Dayjs | undefined;
  const deciding = useOrg(decidingOrgId, todayIso());
  const day = decidedOn?.isValid() ? toIso(decidedOn) : todayIso();
  const kindCode = deciding.data?.kindCode;
  const competence = kindCode ? ruleSetOn(day).discipline.competence[kindCode] : undefined;
  const isCell = kindCode ? (kindByCode(kindCode)?.isCell ?? false) : false;
  const bodies = competence?.bodies ?? [];
  const forms = ((subjectKind === 'member' ? competence?.member : competence?.org) ?? []) as AnyDisciplineForm[];
  const none = deciding.data && (bodies.length === 0 || forms.length === 0);
  return (
    <>
      <Form.Item name="decidingBody" label="Cơ quan quyết định" rules={[{ required: true, message: 'Vui lòng chọn cơ quan quyết định.' }]}>
        <Select
          data-testid="discipline-body"
          disabled={!deciding.data}
          options={bodies.map((b) => ({ value: b, label: DISCIPLINE_BODY_LABELS[b] }))}
          onChange={() => form.setFieldValue('form', undefined)}
        />
      </Form.Item>
      {isCell && <Typography.Paragraph type="secondary">Chi ủy không có thẩm quyền kỷ luật: hội nghị chi bộ quyết định.</Typography.Paragraph>}
      {none && (
        <Typography.Paragraph type="danger" data-testid="discipline-no-competence">
          {deciding.data!.name} không có thẩm quyền kỷ luật {subjectKind === 'member' ? 'đảng viên' : 'tổ chức đảng cấp dưới'}.
        </Typography.Paragraph>
      )}
      <Form.Item
        name="form"
        label="Hình thức kỷ luật"
        rules={[{ required: true, message: 'Vui lòng chọn hình thức kỷ luật.' }]}
        extra={forms.length > 0 ? `Cấp này được quyết định: ${forms.map((f) => DISCIPLINE_FORM_LABELS[f]).join(', ')}.` : undefined}
      >
        <Select data-testid="discipline-form" disabled={!body} options={forms.map((f) => ({ value: f, label: capital(DISCIPLINE_FORM_LABELS[f]) }))} />
      </Form.Item>
    </>
  );
}

export function RecordDecisionModal({ open, orgId, onClose }: { open: boolean; orgId: string; onClose: () => void }) {
  const create = useDisciplineWrite(disciplineApi.create);
  return (
    <FormModal<Values>
      open={open}
      title="Ghi nhận quyết định kỷ luật"
      submitText="Ghi nhận"
      width={640}
      initialValues={{ subjectKind: 'member' }}
      onCancel={onClose}
      onSubmit={async (v) => {
        await create.mutateAsync({
          ...(v.subjectKind === 'member' ? { memberId: v.memberId } : { orgId: v.orgId }),
          decidingOrgId: v.decidingOrgId,
          decidingBody: v.decidingBody,
          form: v.form,
          decisionNo: v.decisionNo,
          decidedOn: toIso(v.decidedOn),
          announcedOn: v.announcedOn ? toIso(v.announcedOn) : null,
          violationOn: toIso(v.violationOn),
          reason: v.reason ?? null,
        });
        onClose();
      }}
      testId="discipline-record-form"
    >
      <Form.Item name="subjectKind" label="Đối tượng">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'member', label: 'Đảng viên' },
            { value: 'org', label: 'Tổ chức đảng' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.subjectKind !== b.subjectKind}>
        {({ getFieldValue }) =>
          getFieldValue('subjectKind') === 'org' ? (
            <Form.Item name="orgId" label="Tổ chức đảng bị kỷ luật" rules={[{ required: true, message: 'Vui lòng chọn tổ chức đảng.' }]}>
              <OrgSelect showPath data-testid="discipline-subject-org" />
            </Form.Item>
          ) : (
            <Form.Item name="memberId" label="Đảng viên bị kỷ luật" rules={[{ required: true, message: 'Vui lòng chọn đảng viên.' }]}>
              <MemberPicker orgId={orgId} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="decidingOrgId" label="Tổ chức quyết định" rules={[{ required: true, message: 'Vui lòng chọn tổ chức quyết định.' }]}>
        <OrgSelect showPath data-testid="discipline-deciding-org" />
      </Form.Item>
      <CompetenceFields />
      <Form.Item name="decisionNo" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số quyết định.' }]}>
        <Input maxLength={100} data-testid="discipline-no" />
      </Form.Item>
      <Form.Item name="decidedOn" label="Ngày quyết định" rules={[{ required: true, message: 'Vui lòng nhập ngày quyết định.' }, validDate]}>
        <DateInput testId="discipline-decided" />
      </Form.Item>
      <Form.Item
        name="announcedOn"
        label="Ngày công bố"
        rules={[validDate]}
        extra={`Thời hạn ${ruleSetOn(todayIso()).discipline.lapseMonths} tháng tự chấm dứt hiệu lực tính từ ngày công bố.`}
      >
        <DateInput testId="discipline-announced" />
      </Form.Item>
      <Form.Item
        name="violationOn"
        label="Ngày vi phạm"
        rules={[{ required: true, message: 'Vui lòng nhập ngày vi phạm.' }, validDate]}
        extra="Thời hiệu kỷ luật tính từ ngày vi phạm."
      >
        <DateInput testId="discipline-violation" />
      </Form.Item>
      <Form.Item name="reason" label="Nội dung vi phạm">
        <Input.TextArea rows={3} maxLength={2000} data-testid="discipline-reason" />
      </Form.Item>
    </FormModal>
  );
}
