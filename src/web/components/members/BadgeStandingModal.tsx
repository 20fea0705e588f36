/**
 * "Ốm đau, truy tặng": what the badge rules read besides the history (domain.md §5). Serious illness, from the day it
 * was recorded and with the document behind it, lets the badge come early (12 months for 30–65 years, 24 for 70–90);
 * for a deceased member, the proposal of a posthumous award (truy tặng) puts him on the lists when his milestone falls
 * at most 12 months after the death. Unticking a part clears it.
 */
import { App, Checkbox, Col, Form, Input, Row, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSetBadgeStanding } from '../../api/hooks.ts';
import type { MemberFile } from '../../../contract/members.ts';
import { fromIso, toIso } from '../../lib/dates.ts';
import { FormModal } from '../FormModal.tsx';
import { DateInput } from '../DateInput.tsx';

interface Part {
  date?: Dayjs;
  document?: string;
}

interface Values {
  ill?: boolean;
  illness?: Part;
  proposed?: boolean;
  proposal?: Part;
}

export interface BadgeStandingModalProps {
  file: MemberFile;
  open: boolean;
  onClose: () => void;
}

const documentRules = [
  { required: true, whitespace: true, message: 'Vui lòng nhập văn bản làm căn cứ.' },
  { max: 200, message: 'Tối đa 200 ký tự.' },
];

function PartFields({ name, dateLabel, testId }: { name: 'illness' | 'proposal'; dateLabel: string; testId: string }) {
  return (
    <>
      <Col span={10}>
        <Form.Item name={[name, 'date']} label={dateLabel} rules={[{ required: true, message: 'Vui lòng chọn ngày.' }]}>
          <DateInput testId={`${testId}-date`} />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item name={[name, 'document']} label="Văn bản làm căn cứ" rules={documentRules}>
          <Input maxLength={200} placeholder="Số, ngày, nơi ban hành" data-testid={`${testId}-document`} />
        </Form.Item>
      </Col>
    </>
  );
}

export function BadgeStandingModal({ file, open, onClose }: BadgeStandingModalProps) {
  const save = useSetBadgeStanding(file.id);
  const { message } = App.useApp();
  const { seriousIllness, posthumousProposal } = file.partyAge.badgeStanding;
  const deceased = file.status === 'deceased';

  const submit = async (values: Values) => {
    const part = (p: Part | undefined) => (p?.date && p.document ? { date: toIso(p.date), document: p.document.trim() } : null);
    const illness = values.ill ? part(values.illness) : null;
    const proposal = values.proposed ? part(values.proposal) : null;
    await save.mutateAsync({
      seriousIllness: illness && { since: illness.date, document: illness.document },
      posthumousProposal: proposal && { proposedOn: proposal.date, document: proposal.document },
    });
    message.success('Đã ghi nhận.');
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={`Ốm đau nặng, truy tặng · ${file.fields.fullName}`}
      submitText="Ghi nhận"
      onCancel={onClose}
      onSubmit={submit}
      testId="form-member-badge-standing"
      initialValues={{
        ill: Boolean(seriousIllness),
        illness: { date: fromIso(seriousIllness?.since), document: seriousIllness?.document ?? undefined },
        proposed: Boolean(posthumousProposal),
        proposal: { date: fromIso(posthumousProposal?.proposedOn), document: posthumousProposal?.document ?? undefined },
      }}
      intro="Đảng viên ốm đau nặng được xét tặng Huy hiệu Đảng sớm (tối đa 12 tháng với Huy hiệu 30–65 năm, 24 tháng với Huy hiệu 70–90 năm). Đảng viên đã từ trần được xét truy tặng khi có đề nghị, nếu đủ mốc tuổi Đảng trong vòng 12 tháng sau ngày từ trần."
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="ill" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox data-testid="standing-ill">Ốm đau nặng</Checkbox>
          </Form.Item>
        </Col>
        <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.ill !== b.ill}>
          {(form) =>
            (form as FormInstance<Values>).getFieldValue('ill') ? <PartFields name="illness" dateLabel="Ghi nhận từ ngày" testId="standing-ill" /> : null
          }
        </Form.Item>
        {(deceased || posthumousProposal) && (
          <>
            <Col span={24}>
              <Form.Item name="proposed" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="standing-posthumous">Đề nghị truy tặng Huy hiệu Đảng</Checkbox>
              </Form.Item>
            </Col>
            <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.proposed !== b.proposed}>
              {(form) =>
                (form as FormInstance<Values>).getFieldValue('proposed') ? (
                  <PartFields name="proposal" dateLabel="Ngày đề nghị" testId="standing-posthumous" />
                ) : null
              }
            </Form.Item>
          </>
        )}
      </Row>
    </FormModal>
  );
}
