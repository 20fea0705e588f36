/**
 * "Thêm đảng viên": a member recorded after the fact (domain.md §4): identity, the cell of activity, the admission
 * date and, if already recognised, the official date, plus ethnicity, religion and political theory level. The rest
 * of the file is completed on the member's page. The server refuses an organisation that is not a cell; its message
 * lands on the "Chi bộ" field.
 */
import { App, Col, Form, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCreateMember } from '../../api/hooks.ts';
import type { CreateMemberBody, MemberFieldName, MemberFile } from '../../../contract/members.ts';
import { memberFileProblems } from '../../../domain/plausibility.ts';
import { todayIso, toIso, validDate } from '../../lib/dates.ts';
import { DateInput } from '../DateInput.tsx';
import { fieldValue, groupFields, MEMBER_GROUPS, type FieldSpec } from '../../lib/member-fields.ts';
import { FormModal } from '../FormModal.tsx';
import { OrgSelect } from '../OrgSelect.tsx';
import { MemberFieldItem } from './MemberFieldItem.tsx';
import { PlausibilityAlert } from './PlausibilityAlert.tsx';

const CREATE_FIELDS = ['fullName', 'gender', 'birthDate', 'cccd', 'ethnicity', 'religion', 'theoryLevel'] as const satisfies readonly MemberFieldName[];
type CreateField = (typeof CREATE_FIELDS)[number];

const SPECS = new Map<MemberFieldName, FieldSpec>(MEMBER_GROUPS.flatMap(groupFields).map((s) => [s.name, s]));
const spec = (name: CreateField): FieldSpec => {
  const found = SPECS.get(name);
  if (!found) throw new Error(`No field spec for ${name}`);
  return found;
};

interface Values {
  fullName: string;
  gender: 'nam' | 'nu';
  birthDate: Dayjs;
  cccd?: string;
  orgId: string;
  admittedOn: Dayjs;
  officialOn?: Dayjs | null;
  ethnicity?: string;
  religion?: string;
  theoryLevel?: string;
}

export interface CreateMemberModalProps {
  open: boolean;
  /** Proposed cell (the organisation the list is filtered on). */
  orgId?: string;
  onClose: () => void;
  onCreated: (file: MemberFile) => void;
}

/** The body the form would send (what is filled so far). */
function bodyOf(values: Partial<Values>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    orgId: values.orgId,
    admittedOn: values.admittedOn ? toIso(values.admittedOn) : undefined,
    officialOn: values.officialOn ? toIso(values.officialOn) : undefined,
  };
  for (const name of CREATE_FIELDS) body[name] = fieldValue(spec(name), values[name]);
  return body;
}

/** Dates after today and an admission under the age of its date's rules, said before saving. */
function CreatePlausibility() {
  const form = Form.useFormInstance<Values>();
  const values = Form.useWatch((v: Values) => v, form) as Partial<Values> | undefined;
  return <PlausibilityAlert problems={values ? memberFileProblems(bodyOf(values), todayIso()) : []} testId="member-plausibility" />;
}

export function CreateMemberModal({ open, orgId, onClose, onCreated }: CreateMemberModalProps) {
  const create = useCreateMember();
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    const body = bodyOf(values);
    const file = await create.mutateAsync(body as CreateMemberBody);
    message.success(`Đã thêm hồ sơ đảng viên ${file.fields.fullName}.`);
    onCreated(file);
  };

  return (
    <FormModal<Values>
      open={open}
      title="Thêm đảng viên"
      submitText="Thêm đảng viên"
      width={760}
      onCancel={onClose}
      onSubmit={submit}
      initialValues={{ orgId }}
      testId="form-create-member"
      intro="Ghi nhận hồ sơ một đảng viên đã được kết nạp. Các thông tin khác bổ sung trong hồ sơ sau khi thêm."
    >
      <Row gutter={16}>
        <Col span={12}>
          <MemberFieldItem spec={spec('fullName')} />
        </Col>
        <Col span={12}>
          <MemberFieldItem spec={spec('gender')} />
        </Col>
        <Col span={12}>
          <MemberFieldItem spec={spec('birthDate')} required />
        </Col>
        <Col span={12}>
          <MemberFieldItem spec={spec('cccd')} placeholder="12 chữ số" />
        </Col>
        <Col span={24}>
          <Form.Item
            name="orgId"
            label="Chi bộ sinh hoạt"
            tooltip="Đảng viên sinh hoạt tại một chi bộ (chi bộ cơ sở hoặc chi bộ trực thuộc)."
            rules={[{ required: true, message: 'Vui lòng chọn chi bộ.' }]}
          >
            <OrgSelect placeholder="Gõ tên chi bộ để tìm" data-testid="member-field-orgId" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="admittedOn" label="Ngày kết nạp" rules={[validDate, { required: true, message: 'Vui lòng chọn ngày kết nạp.' }]}>
            <DateInput testId="member-field-admittedOn" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="officialOn"
            label="Ngày chính thức"
            extra="Để trống nếu còn là đảng viên dự bị."
            dependencies={['admittedOn']}
            rules={[
              validDate,
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | null | undefined) => {
                  const admitted = getFieldValue('admittedOn') as Dayjs | undefined;
                  return !value || !admitted || toIso(value) > toIso(admitted)
                    ? Promise.resolve()
                    : Promise.reject(new Error('Ngày chính thức phải sau ngày kết nạp.'));
                },
              }),
            ]}
          >
            <DateInput testId="member-field-officialOn" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <MemberFieldItem spec={spec('ethnicity')} />
        </Col>
        <Col span={12}>
          <MemberFieldItem spec={spec('religion')} />
        </Col>
        <Col span={12}>
          <MemberFieldItem spec={spec('theoryLevel')} label="Trình độ lý luận chính trị" />
        </Col>
      </Row>
      <CreatePlausibility />
    </FormModal>
  );
}
