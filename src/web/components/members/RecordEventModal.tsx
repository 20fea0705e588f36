/**
 * "Ghi nhận biến động": one life event of a member (domain.md §4 status history, §6 readmission, §7 transfers): the
 * kinds that can follow the current status (lib/member-events.ts), the date, the decision, a note and the kind's own
 * fields. The server checks the event against the history (src/domain/member-status.ts) and answers 409 with the
 * Vietnamese reasons, shown above the form.
 *
 * A transfer or a temporary stay may go to an organisation outside the user's scope: it is found by name in the whole
 * of today's tree (DestinationSelect); an id given by the receiving side may still be pasted.
 */
import { Alert, App, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { useCellKindCodes, useRecordMemberEvent } from '../../api/hooks.ts';
import type { MemberEventBody, MemberEventKind, MemberFile } from '../../../contract/members.ts';
import type { OrgSearchItem } from '../../../contract/orgs.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import { memberEventProblems } from '../../../domain/plausibility.ts';
import { PlausibilityAlert } from './PlausibilityAlert.tsx';
import { formatDate, todayIso, toIso, validDate } from '../../lib/dates.ts';
import { optionalText, remapErrorFields, decisionNoRules } from '../../lib/forms.ts';
import { eventKindName } from '../../lib/labels.ts';
import { EVENT_DATE_LABELS, eventKindsFor, pastedOrgId } from '../../lib/member-events.ts';
import { isUuid } from '../../lib/orgs.ts';
import { FormModal } from '../FormModal.tsx';
import { OrgSelect } from '../OrgSelect.tsx';
import { DestinationSelect } from '../DestinationSelect.tsx';
import { DateInput } from '../DateInput.tsx';

interface Values {
  kind: MemberEventKind;
  date: Dayjs;
  decisionNo?: string;
  decisionDate?: Dayjs | null;
  note?: string;
  officialOn?: Dayjs | null;
  toOrgId?: string;
  toOrgIdText?: string;
  hostOrgId?: string;
  hostOrgIdText?: string;
  until?: Dayjs;
  training?: boolean;
  orgId?: string;
  ceremonyOn?: Dayjs | null;
  criminalRecordClearedOn?: Dayjs | null;
  noReadmission?: boolean;
  moveDecisionDate?: Dayjs | null;
  moveDecisionNo?: string;
  lateReason?: string;
}

const iso = (d: Dayjs | null | undefined) => (d ? toIso(d) : undefined);

/** The organisation given either way: the pasted id wins (the form refuses both at once when they differ). */
function chosenOrg(picked: string | undefined, pasted: string | undefined): string {
  const text = pastedOrgId(pasted);
  return text || picked || '';
}

function toBody(v: Values): MemberEventBody {
  const base = { date: toIso(v.date), decisionNo: optionalText(v.decisionNo), decisionDate: iso(v.decisionDate), note: optionalText(v.note) };
  switch (v.kind) {
    case 'recognized_official':
      return { ...base, kind: v.kind, officialOn: iso(v.officialOn) };
    case 'transfer_out_started':
      return {
        ...base,
        kind: v.kind,
        toOrgId: chosenOrg(v.toOrgId, v.toOrgIdText),
        moveDecisionDate: iso(v.moveDecisionDate),
        moveDecisionNo: optionalText(v.moveDecisionNo),
        lateReason: optionalText(v.lateReason),
      };
    case 'temporary_out':
      return { ...base, kind: v.kind, hostOrgId: chosenOrg(v.hostOrgId, v.hostOrgIdText), until: iso(v.until) ?? '', training: v.training === true };
    case 'struck_off':
    case 'allowed_to_leave':
    case 'expelled':
      return { ...base, kind: v.kind, noReadmission: v.noReadmission === true };
    case 'readmitted':
      return { ...base, kind: v.kind, orgId: v.orgId ?? '', ceremonyOn: iso(v.ceremonyOn), criminalRecordClearedOn: iso(v.criminalRecordClearedOn) };
    case 'expulsion_annulled':
      return { ...base, kind: v.kind, orgId: v.orgId || undefined };
    case 'transfer_in_confirmed':
      // Confirmed by the receiving organisation from "Chuyển sinh hoạt đến", never offered here.
      return { ...base, kind: v.kind, orgId: v.orgId ?? '' };
    default:
      return { ...base, kind: v.kind };
  }
}

/** Only cells can hold a member on their roll. */
function useCellFilter() {
  const cells = useCellKindCodes();
  return useCallback((item: OrgSearchItem) => !cells || cells.has(item.kindCode), [cells]);
}

/** An organisation picked by name anywhere in today's tree, or given by its pasted id. */
function OrgPickOrPaste({ name, label, testId }: { name: 'toOrgId' | 'hostOrgId'; label: string; testId: string }) {
  const textName = `${name}Text` as const;
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item
          name={name}
          label={label}
          required
          dependencies={[textName]}
          extra="Tìm theo tên trong toàn bộ hệ thống tổ chức đảng hiện nay (tỉnh, thành phố; xã, phường, đặc khu; cơ sở), kể cả ngoài phạm vi quản lý của bạn."
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value || pastedOrgId(getFieldValue(textName))
                  ? Promise.resolve()
                  : Promise.reject(new Error('Vui lòng chọn tổ chức đảng, hoặc dán mã tổ chức ở ô bên cạnh.')),
            }),
          ]}
        >
          <DestinationSelect placeholder="Gõ tên tổ chức để tìm" data-testid={testId} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={textName}
          label="Hoặc dán mã tổ chức (ID)"
          normalize={pastedOrgId}
          dependencies={[name]}
          extra="Không bắt buộc: khi nơi đến đã gửi mã tổ chức (dòng «Mã định danh» trên trang của tổ chức đó), có thể dán vào đây thay cho tìm theo tên."
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve();
                if (!isUuid(value)) return Promise.reject(new Error('Mã tổ chức không đúng dạng (36 ký tự, ví dụ 0197a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b).'));
                const picked = getFieldValue(name) as string | undefined;
                return picked && picked !== value
                  ? Promise.reject(new Error('Đã chọn một tổ chức ở ô bên trái: chỉ dùng một trong hai cách.'))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <Input className="hn-mono" allowClear autoComplete="off" placeholder="Dán mã hoặc địa chỉ trang của tổ chức" data-testid={`${testId}-id`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The fields the chosen kind needs beyond date, decision and note. */
function KindFields({ file }: { file: MemberFile }) {
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch('kind', form);
  const cellFilter = useCellFilter();
  const rules = ruleSetOn(todayIso());

  switch (kind) {
    case 'recognized_official':
      return (
        <Form.Item
          rules={[validDate]}
          name="officialOn"
          label="Ngày chính thức"
          extra={`Để trống để tính đúng ngày hết ${rules.probation.months} tháng dự bị, kể từ ngày lễ kết nạp.`}
        >
          <DateInput testId="event-official-on" />
        </Form.Item>
      );
    case 'transfer_out_started':
      return (
        <>
          <OrgPickOrPaste name="toOrgId" label="Tổ chức đảng nơi đến" testId="event-to-org" />
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="moveDecisionDate"
                rules={[validDate]}
                label="Ngày quyết định điều động, nghỉ hưu, chuyển nơi ở"
                extra={`Chuyển sinh hoạt đảng chính thức trong ${rules.transfer.startWithinWorkingDays} ngày làm việc kể từ quyết định này; có ngày này thì hệ thống mới tính được việc chậm.`}
              >
                <DateInput testId="event-move-decision-date" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="moveDecisionNo" label="Số quyết định điều động" rules={decisionNoRules(false)}>
                <Input placeholder="vd. 45/QĐ-UBND" maxLength={100} data-testid="event-move-decision-no" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="lateReason"
            label="Lý do chậm (nếu có)"
            extra={`Bắt buộc khi chuyển sinh hoạt sau ${rules.transfer.startWithinWorkingDays} ngày làm việc kể từ quyết định; được ghi cùng biến động.`}
            rules={[{ max: 1000, message: 'Lý do tối đa 1.000 ký tự.' }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="event-late-reason" />
          </Form.Item>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`Đảng viên ở tình trạng «Đang chuyển sinh hoạt» cho đến khi tổ chức nơi đến xác nhận tiếp nhận; giới thiệu sinh hoạt đảng phải nộp cho nơi đến trong ${rules.transfer.presentLetterWithinWorkingDays} ngày làm việc kể từ ngày giới thiệu.`}
          />
        </>
      );
    case 'temporary_out':
      return (
        <>
          <OrgPickOrPaste name="hostOrgId" label="Tổ chức đảng nơi sinh hoạt tạm thời" testId="event-host-org" />
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="until"
                label="Đến ngày"
                dependencies={['date']}
                extra={`Từ ${rules.transfer.temporaryMinMonths} tháng đến dưới ${rules.transfer.temporaryMaxMonths} tháng; đi học tập trung đến ${rules.transfer.temporaryTrainingMaxMonths} tháng.`}
                rules={[
                  validDate,
                  { required: true, message: 'Vui lòng chọn ngày kết thúc sinh hoạt tạm thời.' },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: Dayjs | undefined) => {
                      const from = getFieldValue('date') as Dayjs | undefined;
                      return !value || !from || toIso(value) > toIso(from)
                        ? Promise.resolve()
                        : Promise.reject(new Error('Ngày kết thúc phải sau ngày bắt đầu.'));
                    },
                  }),
                ]}
              >
                <DateInput testId="event-until" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="training" label=" " valuePropName="checked">
                <Checkbox data-testid="event-training">Đi học tập trung</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </>
      );
    case 'struck_off':
    case 'allowed_to_leave':
    case 'expelled':
      return (
        <Form.Item
          name="noReadmission"
          valuePropName="checked"
          extra="Ra khỏi Đảng do bỏ sinh hoạt, xin ra khỏi Đảng, tham nhũng hoặc phạm tội nghiêm trọng: không được xét kết nạp lại."
        >
          <Checkbox data-testid="event-no-readmission">Không được kết nạp lại</Checkbox>
        </Form.Item>
      );
    case 'readmitted':
      return (
        <>
          <Form.Item
            name="orgId"
            label="Chi bộ sinh hoạt"
            tooltip="Đảng viên sinh hoạt tại một chi bộ (chi bộ cơ sở hoặc chi bộ trực thuộc)."
            rules={[{ required: true, message: 'Vui lòng chọn chi bộ.' }]}
          >
            <OrgSelect placeholder="Gõ tên chi bộ để tìm" filter={cellFilter} data-testid="event-org" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="ceremonyOn"
                label="Ngày lễ kết nạp lại"
                extra={`Thời hạn dự bị ${rules.probation.months} tháng tính từ ngày này.`}
                rules={[validDate]}
              >
                <DateInput testId="event-ceremony-on" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                rules={[validDate]}
                name="criminalRecordClearedOn"
                label="Ngày được xóa án tích"
                extra={`Nếu có: kết nạp lại sau ít nhất ${rules.admission.readmissionAfterCriminalRecordMonths} tháng kể từ ngày này.`}
              >
                <DateInput testId="event-criminal-record-cleared-on" />
              </Form.Item>
            </Col>
          </Row>
        </>
      );
    case 'expulsion_annulled':
      return (
        <Form.Item
          name="orgId"
          label="Chi bộ sinh hoạt trở lại"
          extra={`Để trống: trở lại ${file.org.name ? `«${file.org.name}»` : 'chi bộ trước khi bị khai trừ'}.`}
        >
          <OrgSelect placeholder="Gõ tên chi bộ để tìm" filter={cellFilter} data-testid="event-org" />
        </Form.Item>
      );
    default:
      return null;
  }
}

/** Dates after today (the event's, its decision's…), said before saving with the server's own rule. */
function EventPlausibility() {
  const form = Form.useFormInstance<Values>();
  const values = Form.useWatch((v: Values) => v, form) as Partial<Values> | undefined;
  if (!values?.kind) return null;
  const dates: Record<string, string | undefined> = {
    date: iso(values.date),
    decisionDate: iso(values.decisionDate),
    officialOn: iso(values.officialOn),
    ceremonyOn: iso(values.ceremonyOn),
    criminalRecordClearedOn: iso(values.criminalRecordClearedOn),
    moveDecisionDate: iso(values.moveDecisionDate),
  };
  return <PlausibilityAlert problems={memberEventProblems({ kind: values.kind, ...dates }, todayIso())} testId="event-plausibility" />;
}

function DateLabel() {
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch('kind', form);
  return <>{(kind && EVENT_DATE_LABELS[kind]) ?? 'Ngày hiệu lực'}</>;
}

export interface RecordEventModalProps {
  file: MemberFile;
  open: boolean;
  onClose: () => void;
}

export function RecordEventModal({ file, open, onClose }: RecordEventModalProps) {
  const record = useRecordMemberEvent(file.id);
  const { message } = App.useApp();
  const kinds = eventKindsFor(file);

  const submit = async (values: Values) => {
    const body = toBody(values);
    try {
      await record.mutateAsync(body);
    } catch (error) {
      // A refused event comes back on the field "kind" with the reasons the message already lists; an organisation
      // given by its pasted id is refused on the id field the server knows.
      throw remapErrorFields(error, {
        kind: null,
        toOrgId: values.toOrgIdText ? 'toOrgIdText' : 'toOrgId',
        hostOrgId: values.hostOrgIdText ? 'hostOrgIdText' : 'hostOrgId',
      });
    }
    message.success(`Đã ghi nhận «${eventKindName(body.kind)}» ngày ${formatDate(body.date)} cho đảng viên ${file.fields.fullName}.`);
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={`Ghi nhận biến động · ${file.fields.fullName}`}
      submitText="Ghi nhận"
      width={760}
      onCancel={onClose}
      onSubmit={submit}
      initialValues={kinds.length === 1 ? { kind: kinds[0] } : {}}
      testId="form-member-event"
      intro="Mỗi biến động được ghi vào quá trình của đảng viên, kèm quyết định. Tình trạng, chi bộ sinh hoạt và tuổi đảng được tính lại từ quá trình."
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="kind" label="Loại biến động" rules={[{ required: true, message: 'Vui lòng chọn loại biến động.' }]}>
            <Select
              placeholder="Chọn"
              options={kinds.map((k) => ({ value: k, label: eventKindName(k) }))}
              data-testid="event-kind"
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="date" label={<DateLabel />} rules={[validDate, { required: true, message: 'Vui lòng chọn ngày.' }]}>
            <DateInput testId="event-date" />
          </Form.Item>
        </Col>
      </Row>
      <KindFields file={file} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="decisionNo" label="Số quyết định" rules={decisionNoRules(false)}>
            <Input placeholder="vd. 15-QĐ/ĐU" maxLength={100} data-testid="event-decision-no" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[validDate]}>
            <DateInput testId="event-decision-date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label="Ghi chú" rules={[{ max: 1000, message: 'Ghi chú tối đa 1.000 ký tự.' }]}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="event-note" />
      </Form.Item>
      <EventPlausibility />
    </FormModal>
  );
}
