/**
 * «Kỷ luật» of the «Kiểm tra, giám sát» page (issue 15 part 9): the decisions about the members and organisations of
 * the subtree (the subject, the form, the dates, in force / lapsed / revoked), the Word file of each; to those who may
 * record (the server decides; the buttons follow the user's roles): a new decision, a complaint and its outcome, a
 * revocation, a deferral. Decisions are sensitive: a user without the right sees a notice, not the list.
 */
import { Alert, Button, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { DisciplineDecisionView } from '../../../contract/discipline.ts';
import { DEFERRAL_REASON_LABELS } from '../../../domain/discipline.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import { disciplineApi, disciplineDocumentUrl, useDisciplineDecisions, useDisciplineWrite } from '../../api/discipline.ts';
import { addDays, formatDate, todayIso, toIso, validDate } from '../../lib/dates.ts';
import { DateInput } from '../DateInput.tsx';
import { FormModal } from '../FormModal.tsx';
import { MemberPicker, RecordDecisionModal } from './RecordDecisionModal.tsx';

const FORM_COLORS: Record<string, string> = { reprimand: 'gold', warning: 'orange', removal: 'volcano', expulsion: 'red', dissolution: 'red' };

/** In force, lapsed, revoked, as the list says it. */
export function DecisionState({ d }: { d: DisciplineDecisionView }) {
  if (d.kind === 'state') return <Tag>Kỷ luật chính quyền, đoàn thể</Tag>;
  if (d.revokedOn) return <Tag color="default">Đã hủy bỏ từ {formatDate(d.revokedOn)}</Tag>;
  if (d.inForce) return <Tag color="red">Đang có hiệu lực{d.lapsesOn ? ` đến hết ${formatDate(addDays(d.lapsesOn, -1))}` : ''}</Tag>;
  if (d.lapsesOn && d.lapsesOn <= todayIso()) return <Tag color="green">Đã chấm dứt hiệu lực từ {formatDate(d.lapsesOn)}</Tag>;
  return <Tag>Chưa có hiệu lực</Tag>;
}

type Acting = { kind: 'complaint' | 'outcome' | 'revoke'; d: DisciplineDecisionView } | { kind: 'record' | 'defer' } | null;

function DecisionActions({ d, canRecord, act }: { d: DisciplineDecisionView; canRecord: boolean; act: (a: Acting) => void }) {
  const open = d.complaints.find((c) => c.outcome === null);
  return (
    <Space size={4} wrap>
      {d.kind === 'party' && (
        <Button size="small" href={disciplineDocumentUrl(d.id)} data-testid={`discipline-docx-${d.id}`}>
          Word
        </Button>
      )}
      {canRecord && !d.revokedOn && !open && (
        <Button size="small" onClick={() => act({ kind: 'complaint', d })} data-testid={`discipline-complain-${d.id}`}>
          Khiếu nại
        </Button>
      )}
      {canRecord && open && (
        <Button size="small" onClick={() => act({ kind: 'outcome', d })} data-testid={`discipline-outcome-${d.id}`}>
          Kết quả khiếu nại
        </Button>
      )}
      {canRecord && !d.revokedOn && (
        <Button size="small" danger onClick={() => act({ kind: 'revoke', d })} data-testid={`discipline-revoke-${d.id}`}>
          Hủy bỏ
        </Button>
      )}
    </Space>
  );
}

function ChangeModals({ acting, close, orgId }: { acting: Acting; close: () => void; orgId: string }) {
  const complain = useDisciplineWrite(disciplineApi.complain);
  const outcome = useDisciplineWrite(disciplineApi.outcome);
  const revoke = useDisciplineWrite(disciplineApi.revoke);
  const defer = useDisciplineWrite(disciplineApi.defer);
  const d = acting && 'd' in acting ? acting.d : null;
  const openComplaint = d?.complaints.find((c) => c.outcome === null);
  const subject = d ? `${d.formName} — ${d.subjectName} (quyết định số ${d.decisionNo} ngày ${formatDate(d.decidedOn)})` : null;
  return (
    <>
      <RecordDecisionModal open={acting?.kind === 'record'} orgId={orgId} onClose={close} />
      <FormModal<{ receivedOn: Dayjs; filedOn: Dayjs; content?: string }>
        open={acting?.kind === 'complaint'}
        title="Ghi nhận khiếu nại"
        submitText="Ghi nhận"
        intro={
          <Typography.Text>
            {subject}. Khiếu nại trong {ruleSetOn(todayIso()).discipline.complaintDays} ngày kể từ ngày nhận quyết định.
          </Typography.Text>
        }
        onCancel={close}
        onSubmit={async (v) => {
          await complain.mutateAsync({ id: d!.id, body: { receivedOn: toIso(v.receivedOn), filedOn: toIso(v.filedOn), content: v.content ?? null } });
          close();
        }}
        testId="discipline-complaint-form"
      >
        <Form.Item name="receivedOn" label="Ngày nhận quyết định" rules={[{ required: true, message: 'Vui lòng nhập ngày nhận.' }, validDate]}>
          <DateInput testId="complaint-received" />
        </Form.Item>
        <Form.Item name="filedOn" label="Ngày gửi khiếu nại" rules={[{ required: true, message: 'Vui lòng nhập ngày gửi.' }, validDate]}>
          <DateInput testId="complaint-filed" />
        </Form.Item>
        <Form.Item name="content" label="Nội dung">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ outcome: 'upheld' | 'changed' | 'revoked'; outcomeOn: Dayjs; note?: string }>
        open={acting?.kind === 'outcome'}
        title="Kết quả giải quyết khiếu nại"
        submitText="Ghi nhận"
        intro={<Typography.Text>{subject}</Typography.Text>}
        initialValues={{ outcome: 'upheld' }}
        onCancel={close}
        onSubmit={async (v) => {
          await outcome.mutateAsync({
            id: d!.id,
            complaintId: openComplaint!.id,
            body: { outcome: v.outcome, outcomeOn: toIso(v.outcomeOn), note: v.note ?? null },
          });
          close();
        }}
        testId="discipline-outcome-form"
      >
        <Form.Item name="outcome" label="Kết quả">
          <Select
            options={[
              { value: 'upheld', label: 'Giữ nguyên quyết định' },
              { value: 'changed', label: 'Thay đổi hình thức (ghi nhận quyết định mới)' },
              { value: 'revoked', label: 'Hủy bỏ quyết định' },
            ]}
          />
        </Form.Item>
        <Form.Item name="outcomeOn" label="Ngày giải quyết" rules={[{ required: true, message: 'Vui lòng nhập ngày giải quyết.' }, validDate]}>
          <DateInput testId="outcome-on" />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ revokedOn: Dayjs; reason: string }>
        open={acting?.kind === 'revoke'}
        title="Hủy bỏ quyết định kỷ luật"
        submitText="Hủy bỏ"
        danger
        intro={<Typography.Text>{subject}</Typography.Text>}
        onCancel={close}
        onSubmit={async (v) => {
          await revoke.mutateAsync({ id: d!.id, body: { revokedOn: toIso(v.revokedOn), reason: v.reason } });
          close();
        }}
        testId="discipline-revoke-form"
      >
        <Form.Item name="revokedOn" label="Ngày hủy bỏ" rules={[{ required: true, message: 'Vui lòng nhập ngày hủy bỏ.' }, validDate]}>
          <DateInput testId="revoke-on" />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập lý do.' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ memberId: string; reason: 'pregnant' | 'nursing' | 'hospital'; fromOn: Dayjs; toOn?: Dayjs | null; note?: string }>
        open={acting?.kind === 'defer'}
        title="Tạm hoãn xem xét kỷ luật"
        submitText="Ghi nhận"
        intro="Đảng viên đang mang thai, nuôi con dưới 12 tháng tuổi hoặc điều trị nội trú tại bệnh viện chưa bị xem xét kỷ luật."
        initialValues={{ reason: 'hospital' }}
        onCancel={close}
        onSubmit={async (v) => {
          await defer.mutateAsync({
            memberId: v.memberId,
            reason: v.reason,
            fromOn: toIso(v.fromOn),
            toOn: v.toOn ? toIso(v.toOn) : null,
            note: v.note ?? null,
          });
          close();
        }}
        testId="discipline-deferral-form"
      >
        <DeferralFields orgId={orgId} />
      </FormModal>
    </>
  );
}

function DeferralFields({ orgId }: { orgId: string }) {
  const form = Form.useFormInstance();
  const reason = Form.useWatch('reason', form);
  return (
    <>
      <Form.Item name="memberId" label="Đảng viên" rules={[{ required: true, message: 'Vui lòng chọn đảng viên.' }]}>
        <MemberPicker orgId={orgId} />
      </Form.Item>
      <Form.Item name="reason" label="Lý do">
        <Select options={(['pregnant', 'nursing', 'hospital'] as const).map((r) => ({ value: r, label: DEFERRAL_REASON_LABELS[r] }))} />
      </Form.Item>
      <Form.Item
        name="fromOn"
        label={reason === 'nursing' ? 'Ngày sinh con' : 'Từ ngày'}
        rules={[{ required: true, message: 'Vui lòng nhập ngày.' }, validDate]}
        extra={reason === 'nursing' ? 'Tạm hoãn đến ngày con tròn 12 tháng tuổi.' : undefined}
      >
        <DateInput testId="deferral-from" />
      </Form.Item>
      {reason !== 'nursing' && (
        <Form.Item name="toOn" label="Đến ngày (không tính ngày này; để trống nếu chưa biết)" rules={[validDate]}>
          <DateInput testId="deferral-to" />
        </Form.Item>
      )}
      <Form.Item name="note" label="Ghi chú">
        <Input maxLength={1000} />
      </Form.Item>
    </>
  );
}

export function DisciplineTab({ orgId, canRecord }: { orgId: string; canRecord: boolean }) {
  const [page, setPage] = useState(1);
  const [onlyInForce, setOnlyInForce] = useState(false);
  const [acting, setActing] = useState<Acting>(null);
  const list = useDisciplineDecisions({ orgId, page, pageSize: 20, ...(onlyInForce ? { inForceOn: todayIso() } : {}) });
  if (list.isError) return <Alert type="info" showIcon message="Bạn không có quyền xem quyết định kỷ luật của tổ chức này." />;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canRecord && (
          <Button type="primary" onClick={() => setActing({ kind: 'record' })} data-testid="discipline-record">
            Ghi nhận quyết định kỷ luật
          </Button>
        )}
        {canRecord && (
          <Button onClick={() => setActing({ kind: 'defer' })} data-testid="discipline-defer">
            Tạm hoãn xem xét kỷ luật
          </Button>
        )}
        <Space>
          <Switch
            checked={onlyInForce}
            onChange={(v) => {
              setOnlyInForce(v);
              setPage(1);
            }}
            data-testid="discipline-in-force"
          />
          Chỉ quyết định đang có hiệu lực
        </Space>
      </Space>
      <Table<DisciplineDecisionView>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="discipline-decisions"
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: 'Không có quyết định kỷ luật nào' }}
        columns={[
          {
            title: 'Đối tượng',
            render: (_, d) => (
              <>
                {d.subjectName} <Typography.Text type="secondary">{d.subjectKind === 'member' ? '(đảng viên)' : '(tổ chức đảng)'}</Typography.Text>
              </>
            ),
          },
          { title: 'Hình thức', render: (_, d) => <Tag color={FORM_COLORS[d.form] ?? 'default'}>{d.formName}</Tag> },
          { title: 'Cấp quyết định', dataIndex: 'decidingLabel' },
          { title: 'Số quyết định', dataIndex: 'decisionNo' },
          { title: 'Ngày quyết định', dataIndex: 'decidedOn', render: formatDate },
          { title: 'Ngày vi phạm', dataIndex: 'violationOn', render: (v: string | null) => (v ? formatDate(v) : '—') },
          { title: 'Hiệu lực', render: (_, d) => <DecisionState d={d} /> },
          {
            title: 'Khiếu nại',
            render: (_, d) =>
              d.complaints.length === 0
                ? '—'
                : d.complaints.map((c) => `${formatDate(c.filedOn)}: ${c.outcome === null ? 'đang giải quyết' : OUTCOME_LABELS[c.outcome]}`).join('; '),
          },
          { title: '', render: (_, d) => <DecisionActions d={d} canRecord={canRecord} act={setActing} /> },
        ]}
      />
      <ChangeModals acting={acting} close={() => setActing(null)} orgId={orgId} />
    </>
  );
}

const OUTCOME_LABELS = { upheld: 'giữ nguyên', changed: 'thay đổi hình thức', revoked: 'hủy bỏ' } as const;
