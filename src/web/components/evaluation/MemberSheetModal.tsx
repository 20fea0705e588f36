/**
 * One member's sheet in the grid: the QĐ 366 score sheet (criteria and points from the period's rule set), the cell's
 * vote as counts (never who voted how) and, for a member disciplined in the year, whether the violation was
 * self-detected and fixed. Saved through the grid's endpoint; the server computes the level from the total.
 */
import { App, Checkbox, Divider, Form, InputNumber, Modal, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useSaveMembers, type GridRow, type MemberEntry, type PeriodRules, type Votes } from '../../api/evaluation.ts';

const VOTE_FIELDS: [keyof Votes, string][] = [
  ['officialMembers', 'Đảng viên chính thức'],
  ['present', 'Có mặt'],
  ['excellent', 'Phiếu HTXSNV'],
  ['good', 'Phiếu HTTNV'],
  ['completed', 'Phiếu HTNV'],
  ['notCompleted', 'Phiếu KHTNV'],
];

interface Values {
  scores?: Record<string, number | null>;
  allTasksDone?: boolean;
  allTasksOnTime?: boolean;
  exceedingPercent?: number | null;
  votes?: Partial<Record<keyof Votes, number | null>>;
  selfDetectedFixed?: boolean;
}

export function MemberSheetModal({
  periodId,
  row,
  rules,
  onClose,
}: {
  periodId: string;
  row: GridRow | null;
  rules: PeriodRules | undefined;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const save = useSaveMembers(periodId);
  const [form] = Form.useForm<Values>();
  const sheet = rules?.scoreSheet ?? null;

  useEffect(() => {
    if (!row) return;
    form.resetFields();
    form.setFieldsValue({
      scores: row.selfScore?.scores ?? {},
      allTasksDone: row.selfScore?.allTasksDone ?? true,
      allTasksOnTime: row.selfScore?.allTasksOnTime ?? true,
      exceedingPercent: row.selfScore ? Math.round(row.selfScore.exceedingShare * 100) : null,
      votes: row.votes ?? {},
      selfDetectedFixed: row.selfDetectedFixed,
    });
  }, [row, form]);

  const onOk = async () => {
    if (!row) return;
    const v = form.getFieldsValue();
    const entry: MemberEntry = { memberId: row.memberId };
    const scores = Object.fromEntries(Object.entries(v.scores ?? {}).filter(([, p]) => typeof p === 'number')) as Record<string, number>;
    if (sheet && Object.keys(scores).length > 0) {
      entry.selfScore = { scores, allTasksDone: !!v.allTasksDone, allTasksOnTime: !!v.allTasksOnTime, exceedingShare: (v.exceedingPercent ?? 0) / 100 };
    }
    const votes = v.votes ?? {};
    if (VOTE_FIELDS.some(([k]) => typeof votes[k] === 'number')) {
      entry.votes = Object.fromEntries(VOTE_FIELDS.map(([k]) => [k, votes[k] ?? 0])) as unknown as Votes;
    }
    if (row.disciplinedInYear) entry.selfDetectedFixed = !!v.selfDetectedFixed;
    try {
      await save.mutateAsync([entry]);
      message.success('Đã lưu phiếu đánh giá.');
      onClose();
    } catch (e) {
      const details = e instanceof ApiError ? e.details.map((d) => d.message) : [];
      message.error([errorMessage(e), ...details.slice(1)].join(' '));
    }
  };

  return (
    <Modal
      open={row !== null}
      title={`Phiếu đánh giá: ${row?.fullName ?? ''}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => void onOk()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={640}
    >
      <Form form={form} layout="vertical" size="small">
        {sheet ? (
          <>
            {sheet.sections.map((s) => (
              <div key={s.code}>
                <Typography.Text strong>
                  {s.title} (tối đa {s.maxPoints} điểm)
                </Typography.Text>
                {s.criteria.map((c) => (
                  <Form.Item key={c.code} name={['scores', c.code]} label={`${c.title} (0–${c.maxPoints})`} style={{ marginBottom: 6 }}>
                    <InputNumber min={0} max={c.maxPoints} step={0.5} style={{ width: 120 }} />
                  </Form.Item>
                ))}
              </div>
            ))}
            <Space wrap>
              <Form.Item name="allTasksDone" valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>Hoàn thành tất cả nhiệm vụ</Checkbox>
              </Form.Item>
              <Form.Item name="allTasksOnTime" valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>Đúng hạn</Checkbox>
              </Form.Item>
              <Form.Item name="exceedingPercent" label="Tỷ lệ nhiệm vụ vượt yêu cầu (%)" style={{ marginBottom: 0 }}>
                <InputNumber min={0} max={100} />
              </Form.Item>
            </Space>
            <Typography.Text type="secondary">
              Mức tự xếp loại được tính từ tổng điểm: HTXSNV từ {sheet.bands[0]?.minScore} điểm (đúng hạn và ít nhất{' '}
              {Math.round(sheet.excellentMinExceedingShare * 100)}% nhiệm vụ vượt yêu cầu).
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">Quy định của kỳ đánh giá này xếp loại theo tiêu chí, không chấm điểm.</Typography.Text>
        )}
        <Divider style={{ margin: '12px 0' }}>Kết quả biểu quyết của chi bộ (chỉ số phiếu)</Divider>
        <Space wrap>
          {VOTE_FIELDS.map(([k, label]) => (
            <Form.Item key={k} name={['votes', k]} label={label} style={{ marginBottom: 0 }}>
              <InputNumber min={0} max={100000} style={{ width: 110 }} />
            </Form.Item>
          ))}
        </Space>
        {row?.disciplinedInYear && (
          <Form.Item name="selfDetectedFixed" valuePropName="checked" style={{ marginTop: 12 }}>
            <Checkbox>Vi phạm do tự phát hiện và đã khắc phục (không áp dụng quy định xếp loại Không hoàn thành nhiệm vụ)</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
