/**
 * One admission dossier: the candidate, the deadlines, every step recorded (with the checks let through and their
 * reasons) and the form of the next step. A step the rules refuse shows each failed check in Vietnamese; an
 * organisation administrator may let the overridable ones through with a written reason.
 */
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, apiUrl, errorMessage } from '../api/client.ts';
import { useDenominator, useDossier, useRecordStep, type Dossier, type StepBody } from '../api/admissions.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { DateInput } from '../components/DateInput.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, todayIso, toIso, validDate } from '../lib/dates.ts';
import { STEP_LABELS, type AdmissionStepKind } from '../../domain/admission.ts';

interface FailedCheck {
  code: string;
  message: string;
  overridable: boolean;
}

function failedChecks(error: unknown): FailedCheck[] {
  if (!(error instanceof ApiError) || error.status !== 422 || !Array.isArray(error.rawDetails)) return [];
  return (error.rawDetails as FailedCheck[]).filter((d) => typeof d.code === 'string');
}

type StepValues = Record<string, unknown> & { kind: string; date?: Dayjs };

function StepForm({ dossier }: { dossier: Dossier }) {
  const [form] = Form.useForm<StepValues>();
  const record = useRecordStep(dossier.id);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  // The first step not recorded yet; earlier ones stay offered for a correction until the cell votes.
  const firstKind = dossier.nextSteps.find((k) => !dossier.steps.some((s) => s.kind === k)) ?? dossier.nextSteps[0];
  const kind = Form.useWatch('kind', form) ?? firstKind;
  const date = Form.useWatch('date', form);
  const denominator = useDenominator(dossier.id, date ? toIso(date) : todayIso());
  const memberOptions = (denominator.data?.members ?? []).map((m) => ({ value: m.memberId, label: `${m.name}${m.official ? '' : ' (dự bị)'}` }));
  const failures = failedChecks(error);
  const canOverride = dossier.canOverride && failures.length > 0 && failures.every((f) => f.overridable);

  const body = (v: StepValues, override?: { checks: string[]; reason: string }): StepBody => {
    const out: Record<string, unknown> = { kind: v.kind, date: v.date ? toIso(v.date) : '' };
    for (const [k, val] of Object.entries(v)) {
      if (k === 'kind' || k === 'date' || val === undefined || val === null || val === '') continue;
      if (k === 'introducer1' || k === 'introducer2' || k === 'months1' || k === 'months2') continue;
      out[k] = typeof (val as Dayjs)?.format === 'function' ? toIso(val as Dayjs) : val;
    }
    if (v.kind === 'introduction') {
      out.introducers = [
        ...(v.introducer1 ? [{ memberId: v.introducer1, monthsTogether: v.months1 ?? 12 }] : []),
        ...(v.introducer2 ? [{ memberId: v.introducer2, monthsTogether: v.months2 ?? 12 }] : []),
      ];
    }
    if (override) out.override = override;
    return out as StepBody;
  };

  const submit = async (override?: { checks: string[]; reason: string }) => {
    const values = await form.validateFields();
    setError(null);
    try {
      await record.mutateAsync(body(values, override));
      form.resetFields();
      setReason('');
    } catch (e) {
      setError(e);
    }
  };

  if (dossier.nextSteps.length === 0) return null;
  return (
    <Card title="Ghi nhận bước tiếp theo" size="small" data-testid="step-card">
      <Form<StepValues> form={form} layout="vertical" initialValues={{ kind: firstKind }} data-testid="step-form">
        <Space wrap align="start">
          <Form.Item name="kind" label="Bước" rules={[{ required: true }]}>
            <Select
              style={{ width: 320 }}
              data-testid="step-kind"
              options={dossier.nextSteps.map((k) => ({ value: k, label: STEP_LABELS[k as AdmissionStepKind] ?? k }))}
              onChange={() => setError(null)}
            />
          </Form.Item>
          <Form.Item name="date" label="Ngày" rules={[validDate, { required: true, message: 'Vui lòng nhập ngày.' }]}>
            <DateInput testId="step-date" />
          </Form.Item>
          {kind === 'decision' ? (
            <Form.Item name="decisionNo" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số quyết định.' }]}>
              <Input data-testid="step-decision-no" maxLength={100} />
            </Form.Item>
          ) : (
            <Form.Item name="decisionNo" label="Số văn bản">
              <Input data-testid="step-decision-no" maxLength={100} />
            </Form.Item>
          )}
        </Space>
        {kind === 'course' && (
          <Form.Item name="certificateNo" label="Số giấy chứng nhận">
            <Input data-testid="step-certificate" maxLength={100} />
          </Form.Item>
        )}
        {kind === 'verification' && (
          <Form.Item name="conclusion" label="Kết luận thẩm tra">
            <Input.TextArea data-testid="step-conclusion" maxLength={2000} />
          </Form.Item>
        )}
        {kind === 'introduction' && (
          <>
            <Form.Item name="route" label="Hình thức giới thiệu" initialValue="members">
              <Select
                data-testid="step-route"
                options={[
                  { value: 'members', label: 'Hai đảng viên chính thức' },
                  { value: 'youth_union', label: 'Ban Chấp hành Đoàn cơ sở và một đảng viên chính thức' },
                ]}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item name="introducer1" label="Người giới thiệu thứ nhất" rules={[{ required: true, message: 'Vui lòng chọn người giới thiệu.' }]}>
                <Select style={{ width: 280 }} showSearch optionFilterProp="label" options={memberOptions} data-testid="step-introducer1" />
              </Form.Item>
              <Form.Item name="months1" label="Số tháng cùng công tác" initialValue={12}>
                <InputNumber min={0} max={1200} data-testid="step-months1" />
              </Form.Item>
              <Form.Item name="introducer2" label="Người giới thiệu thứ hai">
                <Select style={{ width: 280 }} showSearch allowClear optionFilterProp="label" options={memberOptions} data-testid="step-introducer2" />
              </Form.Item>
              <Form.Item name="months2" label="Số tháng cùng công tác" initialValue={12}>
                <InputNumber min={0} max={1200} data-testid="step-months2" />
              </Form.Item>
            </Space>
            <Form.Item name="youthUnionResolutionOn" label="Ngày nghị quyết giới thiệu của Đoàn (nếu có)" rules={[validDate]}>
              <DateInput testId="step-youth-union" />
            </Form.Item>
          </>
        )}
        {(kind === 'cell_vote' || kind === 'recognition_vote') && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="step-denominator"
              title={
                denominator.data
                  ? `Đảng viên chính thức của chi bộ vào ngày ${formatDate(denominator.data.date)}: ${denominator.data.officialMembers}; không tính ${denominator.data.excluded.length} (${denominator.data.excluded.map((e) => `${e.name}: ${e.label}`).join('; ') || 'không có'}); mẫu số ${denominator.data.denominator}, trước khi trừ người vắng có lý do và người bị truy tố, tạm giam khai dưới đây.`
                  : 'Chọn ngày để tính số đảng viên chính thức.'
              }
            />
            <Space wrap>
              {kind === 'cell_vote' ? (
                <Form.Item name="inFavour" label="Số phiếu tán thành" rules={[{ required: true, message: 'Vui lòng nhập số phiếu.' }]}>
                  <InputNumber min={0} data-testid="step-in-favour" />
                </Form.Item>
              ) : (
                <>
                  <Form.Item name="forRecognition" label="Tán thành công nhận" rules={[{ required: true, message: 'Vui lòng nhập số phiếu.' }]}>
                    <InputNumber min={0} data-testid="step-for-recognition" />
                  </Form.Item>
                  <Form.Item name="forStrikingOff" label="Tán thành xóa tên" initialValue={0} rules={[{ required: true }]}>
                    <InputNumber min={0} data-testid="step-for-striking" />
                  </Form.Item>
                </>
              )}
            </Space>
            <Form.Item name="absentWithReason" label="Vắng cả buổi có lý do được chấp thuận">
              <Select mode="multiple" options={memberOptions} optionFilterProp="label" data-testid="step-absent-reason" />
            </Form.Item>
            <Form.Item name="absent" label="Đảng viên miễn sinh hoạt vắng mặt">
              <Select mode="multiple" options={memberOptions} optionFilterProp="label" data-testid="step-absent" />
            </Form.Item>
            <Form.Item name="prosecuted" label="Bị truy tố, tạm giam">
              <Select mode="multiple" options={memberOptions} optionFilterProp="label" data-testid="step-prosecuted" />
            </Form.Item>
            {kind === 'cell_vote' && (
              <Space wrap>
                <Form.Item name="provinceDecisionNo" label="Quyết định của tỉnh ủy (người trên 60 tuổi)">
                  <Input maxLength={100} data-testid="step-province" />
                </Form.Item>
                {dossier.readmission && (
                  <Form.Item name="criminalRecordClearedOn" label="Ngày được xóa án tích (nếu có)" rules={[validDate]}>
                    <DateInput testId="step-record-cleared" />
                  </Form.Item>
                )}
                <Form.Item name="difficultAreaException" valuePropName="checked" label=" ">
                  <Checkbox data-testid="step-difficult-area">Vùng khó khăn (ngoại lệ về trình độ học vấn)</Checkbox>
                </Form.Item>
              </Space>
            )}
          </>
        )}
        {kind === 'grassroots_resolution' && (
          <Space wrap>
            <Form.Item name="inFavour" label="Số cấp ủy viên tán thành" rules={[{ required: true, message: 'Vui lòng nhập số.' }]}>
              <InputNumber min={0} data-testid="step-in-favour" />
            </Form.Item>
            <Form.Item name="committeeSize" label="Tổng số cấp ủy viên" rules={[{ required: true, message: 'Vui lòng nhập số.' }]}>
              <InputNumber min={1} data-testid="step-committee" />
            </Form.Item>
          </Space>
        )}
        {kind === 'decision' && (
          <Space wrap>
            <Form.Item name="decidingBody" label="Cấp ủy quyết định">
              <Input maxLength={255} data-testid="step-deciding-body" />
            </Form.Item>
            <Form.Item name="receivedOn" label="Ngày chi bộ nhận quyết định" rules={[validDate, { required: true, message: 'Vui lòng nhập ngày nhận.' }]}>
              <DateInput testId="step-received" />
            </Form.Item>
          </Space>
        )}
        {kind === 'ceremony' && (
          <Form.Item name="superiorConsentNo" label="Văn bản đồng ý của cấp ủy cấp trên (nếu quá 30 ngày làm việc)">
            <Input maxLength={100} data-testid="step-consent" />
          </Form.Item>
        )}
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea maxLength={1000} data-testid="step-note" />
        </Form.Item>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="step-error"
            title={failures.length > 0 ? 'Chưa đạt điều kiện theo quy định:' : errorMessage(error)}
            description={
              failures.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {failures.map((f) => (
                    <li key={f.code} data-testid={`check-${f.code}`}>
                      {f.message}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {canOverride && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="Lý do bỏ qua kiểm tra (ít nhất 10 ký tự, được ghi nhật ký)"
              maxLength={2000}
              data-testid="override-reason"
            />
            <Button
              danger
              disabled={reason.trim().length < 10}
              onClick={() => void submit({ checks: failures.map((f) => f.code), reason: reason.trim() })}
              data-testid="override-submit"
            >
              Bỏ qua kiểm tra và ghi nhận
            </Button>
          </Space>
        )}
        <Button type="primary" loading={record.isPending} onClick={() => void submit()} data-testid="step-submit">
          Ghi nhận
        </Button>
      </Form>
    </Card>
  );
}

function stepSummary(s: Dossier['steps'][number]): string {
  const d = s.data as Record<string, unknown>;
  const parts: string[] = [];
  if (s.decisionNo) parts.push(`Số ${s.decisionNo}`);
  if (Array.isArray(d.introducers)) parts.push(`Giới thiệu: ${(d.introducers as { name: string }[]).map((i) => i.name).join(', ')}`);
  if (typeof d.inFavour === 'number' && d.denominator && typeof d.denominator === 'object')
    parts.push(`Tán thành ${d.inFavour}/${(d.denominator as { denominator: number }).denominator}`);
  if (typeof d.inFavour === 'number' && typeof d.committeeSize === 'number') parts.push(`Tán thành ${d.inFavour}/${d.committeeSize} cấp ủy viên`);
  if (typeof d.receivedOn === 'string') parts.push(`Nhận ngày ${formatDate(d.receivedOn)}`);
  if (typeof d.outcome === 'string')
    parts.push({ recognized: 'Công nhận chính thức', strike_off_proposed: 'Đề nghị xóa tên', inconclusive: 'Chưa đủ 2/3' }[d.outcome] ?? d.outcome);
  if (typeof d.officialOn === 'string') parts.push(`Chính thức từ ${formatDate(d.officialOn)}`);
  if (s.kind === 'member_form' && typeof d.dueOn === 'string')
    parts.push(d.late === true ? `Khai muộn (hạn ${formatDate(d.dueOn)})` : `Đúng hạn (hạn ${formatDate(d.dueOn)})`);
  return parts.join(' · ');
}

export function AdmissionDossierPage() {
  const { id } = useParams();
  const dossier = useDossier(id);
  const link = useAsOfLink();
  if (dossier.isError) return <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  const d = dossier.data;
  if (!d) return <Card loading />;
  const f = d.candidate.fields;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="dossier-name">{String(f.fullName ?? '')}</span>
            <Tag color={{ open: 'blue', probation: 'gold', official: 'green', closed: 'default' }[d.status]} data-testid="dossier-stage">
              {d.stageLabel}
            </Tag>
            {d.readmission && <Tag>Kết nạp lại</Tag>}
          </Space>
        }
        extra={
          <Space>
            {(
              [
                ['checklist', 'Danh mục hồ sơ', true],
                ['cell_resolution', 'Nghị quyết chi bộ', d.steps.some((s) => s.kind === 'cell_vote')],
                ['decision', 'Quyết định kết nạp', d.steps.some((s) => s.kind === 'decision')],
                ['recognition_resolution', 'Nghị quyết công nhận chính thức', d.status === 'official'],
              ] as const
            )
              .filter(([, , ready]) => ready)
              .map(([kind, label]) => (
                <Button
                  key={kind}
                  size="small"
                  href={apiUrl(`/admissions/dossiers/${d.id}/document.docx`, { kind })}
                  download
                  data-testid={`dossier-doc-${kind}`}
                >
                  {label} (Word)
                </Button>
              ))}
            <Link to={link('/admissions')}>Danh sách</Link>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="Chi bộ">{d.org.name}</Descriptions.Item>
          <Descriptions.Item label="Ngày sinh">{formatDate(f.birthDate as string | null)}</Descriptions.Item>
          <Descriptions.Item label="Vào danh sách">{formatDate(d.openedOn)}</Descriptions.Item>
          <Descriptions.Item label="Người giúp đỡ">{d.candidate.helper?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Quy định áp dụng">{d.ruleSet.basis}</Descriptions.Item>
          {d.dates.certificateValidUntil && (
            <Descriptions.Item label="Giấy chứng nhận còn hạn đến">{formatDate(d.dates.certificateValidUntil)}</Descriptions.Item>
          )}
          {d.dates.ceremonyDueOn && <Descriptions.Item label="Hạn tổ chức lễ kết nạp">{formatDate(d.dates.ceremonyDueOn)}</Descriptions.Item>}
          {d.dates.ceremonyOn && <Descriptions.Item label="Lễ kết nạp">{formatDate(d.dates.ceremonyOn)}</Descriptions.Item>}
          {d.dates.probationEndsOn && <Descriptions.Item label="Hết thời hạn dự bị">{formatDate(d.dates.probationEndsOn)}</Descriptions.Item>}
          {d.dates.recognitionDueOn && <Descriptions.Item label="Hạn xét công nhận chính thức">{formatDate(d.dates.recognitionDueOn)}</Descriptions.Item>}
          {d.dates.officialOn && (
            <Descriptions.Item label="Ngày chính thức">
              <span data-testid="dossier-official-on">{formatDate(d.dates.officialOn)}</span>
            </Descriptions.Item>
          )}
          {d.memberId && (
            <Descriptions.Item label="Hồ sơ đảng viên">
              <Link to={link(`/members/${d.memberId}`)} data-testid="dossier-member-link">
                Mở hồ sơ
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title="Các bước đã ghi nhận" size="small">
        {d.steps.length === 0 ? (
          <Typography.Text type="secondary">Chưa ghi nhận bước nào.</Typography.Text>
        ) : (
          <Timeline
            data-testid="dossier-steps"
            items={d.steps.map((s) => ({
              key: s.id,
              color: s.overrides.length > 0 ? 'orange' : 'green',
              content: (
                <div data-testid={`step-${s.kind}`}>
                  <b>{s.label}</b> — {formatDate(s.date)}
                  <div>{stepSummary(s)}</div>
                  {s.overrides.map((o) => (
                    <Typography.Text key={o.checkCode} type="warning" style={{ display: 'block' }}>
                      Bỏ qua kiểm tra: {o.message} Lý do: {o.reason} ({o.by ?? ''})
                    </Typography.Text>
                  ))}
                  <Typography.Text type="secondary">Người ghi: {s.recordedBy ?? ''}</Typography.Text>
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {d.canEdit && <StepForm key={d.steps.length} dossier={d} />}
    </Space>
  );
}
