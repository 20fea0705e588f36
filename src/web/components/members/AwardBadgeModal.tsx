/**
 * "Trao Huy hiệu": records a party badge received (domain.md §5): the milestone (30, 40, 45 … 90 years, from the rule
 * set), the day it was presented, the decision, and whether it came early for serious illness or posthumously. The
 * server checks the rules (milestone reached, the early windows, the discipline delay) and its refusal, in the rule's
 * words, shows above the form; a special case the province's standing committee decided is recorded with that
 * decision (number and date). A milestone already received cannot be recorded twice (the server answers 409).
 */
import { App, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useAwardBadge } from '../../api/hooks.ts';
import type { BadgeEarlyReason, MemberFile } from '../../../contract/members.ts';
import { badgeMilestones } from '../../lib/badges.ts';
import { formatDate, fromIso, todayIso, toIso, validDate } from '../../lib/dates.ts';
import { decisionNoRules, optionalText } from '../../lib/forms.ts';
import { BADGE_EARLY_NAMES, badgeName } from '../../lib/labels.ts';
import { FormModal } from '../FormModal.tsx';
import type { FormInstance } from 'antd';
import { DateInput } from '../DateInput.tsx';

interface Values {
  milestone: number;
  awardedOn: Dayjs;
  decisionNo?: string;
  earlyReason?: BadgeEarlyReason | null;
  special?: boolean;
  override?: { decisionNo?: string; decisionDate?: Dayjs };
}

export interface AwardBadgeModalProps {
  file: MemberFile;
  open: boolean;
  onClose: () => void;
}

export function AwardBadgeModal({ file, open, onClose }: AwardBadgeModalProps) {
  const award = useAwardBadge(file.id);
  const { message } = App.useApp();
  const today = todayIso();
  const received = new Set(file.partyAge.awards.map((a) => a.milestone));
  const next = file.partyAge.nextBadge;

  const submit = async (values: Values) => {
    await award.mutateAsync({
      milestone: values.milestone,
      awardedOn: toIso(values.awardedOn),
      decisionNo: optionalText(values.decisionNo),
      earlyReason: values.earlyReason ?? undefined,
      override:
        values.special && values.override?.decisionNo && values.override.decisionDate
          ? { decisionNo: values.override.decisionNo.trim(), decisionDate: toIso(values.override.decisionDate) }
          : undefined,
    });
    message.success(`Đã ghi nhận ${badgeName(values.milestone)} trao ngày ${formatDate(toIso(values.awardedOn))} cho ${file.fields.fullName}.`);
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={`Trao Huy hiệu Đảng · ${file.fields.fullName}`}
      submitText="Ghi nhận"
      onCancel={onClose}
      onSubmit={submit}
      testId="form-member-badge"
      initialValues={{
        milestone: next && !received.has(next.milestone) ? next.milestone : undefined,
        awardedOn: next?.anniversary && next.anniversary <= today ? fromIso(next.anniversary) : undefined,
      }}
      intro={
        next
          ? `Mốc tiếp theo: ${next.milestone} năm tuổi Đảng, đủ ngày ${formatDate(next.reachedOn)}${next.anniversary ? `, xét tặng dịp ${formatDate(next.anniversary)}` : ''}.`
          : undefined
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="milestone" label="Huy hiệu" rules={[{ required: true, message: 'Vui lòng chọn mốc Huy hiệu.' }]}>
            <Select
              placeholder="Chọn"
              data-testid="award-milestone"
              options={badgeMilestones(today).map((m) => ({
                value: m,
                label: received.has(m) ? `${m} năm tuổi Đảng (đã trao)` : `${m} năm tuổi Đảng`,
                disabled: received.has(m),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="awardedOn" label="Ngày trao" rules={[validDate, { required: true, message: 'Vui lòng chọn ngày trao.' }]}>
            <DateInput testId="award-date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="decisionNo" label="Số quyết định" rules={decisionNoRules(false)}>
            <Input placeholder="vd. 1234-QĐ/TU" maxLength={100} data-testid="award-decision-no" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="earlyReason" label="Trao trước thời hạn" extra="Để trống nếu đã đủ tuổi đảng.">
            <Select
              allowClear
              placeholder="Không"
              data-testid="award-early-reason"
              options={(Object.keys(BADGE_EARLY_NAMES) as BadgeEarlyReason[]).map((value) => ({ value, label: BADGE_EARLY_NAMES[value] }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="special" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="award-special">Trường hợp đặc biệt do Ban Thường vụ Tỉnh ủy quyết định</Checkbox>
          </Form.Item>
        </Col>
        <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.special !== b.special}>
          {(form) =>
            (form as FormInstance<Values>).getFieldValue('special') ? (
              <>
                <Col span={12}>
                  <Form.Item name={['override', 'decisionNo']} label="Số quyết định của Ban Thường vụ" rules={decisionNoRules(true)}>
                    <Input placeholder="vd. 15-QĐ/TU" maxLength={100} data-testid="award-override-no" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name={['override', 'decisionDate']}
                    label="Ngày quyết định"
                    rules={[{ required: true, message: 'Vui lòng chọn ngày quyết định.' }]}
                  >
                    <DateInput testId="award-override-date" />
                  </Form.Item>
                </Col>
              </>
            ) : null
          }
        </Form.Item>
      </Row>
    </FormModal>
  );
}
