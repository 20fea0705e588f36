/**
 * "Kỷ luật": a party discipline decision for a member (domain.md §11): the form, the deciding level, the decision and
 * the day it was announced (its lapse counts from then), the violation date and the reason. A
 * probationary member can only be reprimanded or warned; the server checks it against the decision date.
 */
import { App, AutoComplete, Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useAddDiscipline } from '../../api/hooks.ts';
import type { DisciplineForm, MemberFile } from '../../../contract/members.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import { formatDate, todayIso, toIso, validDate } from '../../lib/dates.ts';
import { decisionNoRules, optionalText } from '../../lib/forms.ts';
import { DISCIPLINE_FORM_NAMES } from '../../lib/labels.ts';
import { FormModal } from '../FormModal.tsx';
import { DateInput } from '../DateInput.tsx';

interface Values {
  form: DisciplineForm;
  decidingLevel: string;
  decisionNo: string;
  decisionDate: Dayjs;
  announcedOn: Dayjs;
  violationOn?: Dayjs | null;
  reason?: string;
}

/** Forms a probationary member can receive (domain.md §6, §11). */
const PROBATIONARY_FORMS: readonly DisciplineForm[] = ['reprimand', 'warning'];

/** The bodies that usually decide, offered as suggestions; any other text is accepted. */
const DECIDING_LEVELS = [
  'Chi bộ',
  'Đảng ủy cơ sở',
  'Ban Thường vụ Đảng ủy cơ sở',
  'Ủy ban kiểm tra Đảng ủy cơ sở',
  'Ban Thường vụ cấp ủy cấp trên trực tiếp',
  'Ủy ban kiểm tra cấp ủy cấp trên trực tiếp',
  'Ban Thường vụ Tỉnh ủy',
  'Ủy ban kiểm tra Tỉnh ủy',
].map((value) => ({ value }));

export interface DisciplineModalProps {
  file: MemberFile;
  open: boolean;
  onClose: () => void;
}

export function DisciplineModal({ file, open, onClose }: DisciplineModalProps) {
  const add = useAddDiscipline(file.id);
  const { message } = App.useApp();
  const probationary = file.membership === 'probationary';

  const submit = async (values: Values) => {
    await add.mutateAsync({
      form: values.form,
      decidingLevel: values.decidingLevel.trim(),
      decisionNo: values.decisionNo.trim(),
      decisionDate: toIso(values.decisionDate),
      announcedOn: toIso(values.announcedOn),
      violationOn: values.violationOn ? toIso(values.violationOn) : undefined,
      reason: optionalText(values.reason),
    });
    message.success(
      `Đã ghi nhận kỷ luật ${DISCIPLINE_FORM_NAMES[values.form].toLowerCase()} đối với ${file.fields.fullName} (quyết định ngày ${formatDate(toIso(values.decisionDate))}).`,
    );
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={`Ghi nhận kỷ luật · ${file.fields.fullName}`}
      submitText="Ghi nhận kỷ luật"
      danger
      width={680}
      onCancel={onClose}
      onSubmit={submit}
      testId="form-member-discipline"
      intro={
        probationary
          ? 'Đảng viên dự bị chỉ có thể bị khiển trách hoặc cảnh cáo. Quyết định còn hiệu lực thì chưa chuyển sinh hoạt đảng, chưa xét tặng Huy hiệu Đảng.'
          : `Quyết định kỷ luật còn hiệu lực thì chưa chuyển sinh hoạt đảng, chưa xét tặng Huy hiệu Đảng; hết hiệu lực sau ${ruleSetOn(todayIso()).discipline.lapseMonths} tháng kể từ ngày công bố nếu không vi phạm mới (trừ khai trừ).`
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="form" label="Hình thức kỷ luật" rules={[{ required: true, message: 'Vui lòng chọn hình thức kỷ luật.' }]}>
            <Select
              placeholder="Chọn"
              data-testid="discipline-form"
              options={(Object.keys(DISCIPLINE_FORM_NAMES) as DisciplineForm[]).map((value) => ({
                value,
                label: DISCIPLINE_FORM_NAMES[value],
                disabled: probationary && !PROBATIONARY_FORMS.includes(value),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="decidingLevel"
            label="Cấp quyết định"
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng nhập cấp quyết định.' },
              { max: 100, message: 'Tối đa 100 ký tự.' },
            ]}
          >
            <AutoComplete options={DECIDING_LEVELS} placeholder="vd. Chi bộ" maxLength={100} data-testid="discipline-level" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="decisionNo" label="Số quyết định" rules={decisionNoRules(true)}>
            <Input placeholder="vd. 05-QĐ/UBKT" maxLength={100} data-testid="discipline-decision-no" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[validDate, { required: true, message: 'Vui lòng chọn ngày quyết định.' }]}>
            <DateInput testId="discipline-decision-date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="announcedOn"
            label="Ngày công bố"
            dependencies={['decisionDate']}
            rules={[
              validDate,
              { required: true, message: 'Vui lòng chọn ngày công bố quyết định.' },
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | undefined) => {
                  const decided = getFieldValue('decisionDate') as Dayjs | undefined;
                  return !value || !decided || toIso(value) >= toIso(decided)
                    ? Promise.resolve()
                    : Promise.reject(new Error('Ngày công bố không được trước ngày quyết định.'));
                },
              }),
            ]}
          >
            <DateInput testId="discipline-announced-on" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="violationOn" label="Ngày vi phạm" rules={[validDate]}>
            <DateInput testId="discipline-violation-on" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label="Nội dung vi phạm, lý do" rules={[{ max: 2000, message: 'Tối đa 2.000 ký tự.' }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="discipline-reason" />
      </Form.Item>
    </FormModal>
  );
}
