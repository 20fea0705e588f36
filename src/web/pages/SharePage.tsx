/**
 * One unit's share of a task: the task and its directive, the share's state, its reports (status, text, attachments,
 * date), the parts it passed to its subordinates; the assignee reports here and splits its share.
 */
import { Button, Card, Descriptions, Form, Input, List, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../../domain/directives.ts';
import { useReport, useShare, useSplit, type ShareResponse } from '../api/directives.ts';
import { DateInput } from '../components/DateInput.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, toIso, validDate } from '../lib/dates.ts';
import { ShareStatus } from './DirectivePage.tsx';

interface ReportValues {
  status: (typeof TASK_STATUSES)[number];
  body: string;
  reportedOn: Dayjs;
  periodDueOn?: string;
  attachments?: string[];
}

function ReportModal({ data, open, onClose }: { data: ShareResponse; open: boolean; onClose: () => void }) {
  const report = useReport(data.share.id);
  const periods = data.task.dueDates;
  return (
    <FormModal<ReportValues>
      open={open}
      title="Báo cáo kết quả thực hiện"
      submitText="Gửi báo cáo"
      testId="report-form"
      initialValues={{ status: 'done', periodDueOn: data.share.nextDueOn ?? periods[0] }}
      onCancel={onClose}
      onSubmit={async (v) => {
        await report.mutateAsync({
          status: v.status,
          body: v.body,
          reportedOn: toIso(v.reportedOn),
          periodDueOn: periods.length > 0 ? (v.periodDueOn ?? null) : null,
          attachments: v.attachments ?? [],
        });
        onClose();
      }}
    >
      <Form.Item name="status" label="Tình trạng">
        <Select options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))} data-testid="report-status" />
      </Form.Item>
      {periods.length > 0 && (
        <Form.Item name="periodDueOn" label="Kỳ báo cáo" rules={[{ required: true, message: 'Vui lòng chọn kỳ.' }]}>
          <Select options={periods.map((p) => ({ value: p, label: `Kỳ hạn ${formatDate(p)}` }))} />
        </Form.Item>
      )}
      <Form.Item name="body" label="Nội dung báo cáo" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung.' }]}>
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={8000} data-testid="report-body" />
      </Form.Item>
      <Form.Item name="reportedOn" label="Ngày báo cáo" rules={[validDate, { required: true, message: 'Vui lòng nhập ngày.' }]}>
        <DateInput testId="report-date" />
      </Form.Item>
      <Form.Item name="attachments" label="Văn bản kèm theo" extra="Số, ký hiệu hoặc tên văn bản; nhấn Enter sau mỗi văn bản">
        <Select mode="tags" open={false} data-testid="report-attachments" />
      </Form.Item>
    </FormModal>
  );
}

function SplitModal({ data, open, onClose }: { data: ShareResponse; open: boolean; onClose: () => void }) {
  const split = useSplit(data.share.id);
  return (
    <FormModal<{ orgIds: string[]; dueOn?: Dayjs; note?: string }>
      open={open}
      title="Phân công cho đơn vị trực thuộc"
      submitText="Phân công"
      testId="split-form"
      onCancel={onClose}
      onSubmit={async (v) => {
        await split.mutateAsync({ orgIds: v.orgIds, dueOn: v.dueOn ? toIso(v.dueOn) : null, note: v.note ?? null });
        onClose();
      }}
    >
      <Form.Item name="orgIds" label="Đơn vị trực thuộc" rules={[{ required: true, message: 'Vui lòng chọn ít nhất một đơn vị.' }]}>
        <OrgSelect multiple data-testid="split-orgs" />
      </Form.Item>
      <Form.Item name="dueOn" label="Hạn" rules={[validDate]}>
        <DateInput testId="split-due" />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

export function SharePage() {
  const { id } = useParams();
  const q = useShare(id);
  const [modal, setModal] = useState<'report' | 'split' | null>(null);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  if (!d) return <Card loading />;
  const s = d.share;
  return (
    <Card
      title={`Nhiệm vụ: ${d.task.title}`}
      extra={
        s.canReport && (
          <Space wrap>
            <Button onClick={() => setModal('split')} data-testid="share-split">
              Phân công tiếp
            </Button>
            <Button type="primary" onClick={() => setModal('report')} data-testid="share-report">
              Báo cáo
            </Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="Văn bản" span={2}>
          <Link to={`/directives/${d.directive.id}`}>{`${d.directive.kindLabel} ${d.directive.symbol ?? ''} — ${d.directive.title}`}</Link>
        </Descriptions.Item>
        <Descriptions.Item label="Đơn vị">{s.orgName}</Descriptions.Item>
        <Descriptions.Item label="Tình trạng">
          <span data-testid="share-status">
            <ShareStatus s={s} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="Hạn tới">{formatDate(s.nextDueOn)}</Descriptions.Item>
        <Descriptions.Item label="Báo cáo gần nhất">{s.lastReportedOn ? formatDate(s.lastReportedOn) : 'Chưa báo cáo'}</Descriptions.Item>
      </Descriptions>
      {d.parts.length > 0 && (
        <Card size="small" title="Đã phân công cho" style={{ marginTop: 12 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.parts}
            columns={[
              { title: 'Đơn vị', dataIndex: 'orgName', render: (n: string, p) => <Link to={`/directives/shares/${p.id}`}>{n}</Link> },
              { title: 'Tình trạng', key: 's', render: (_, p) => <ShareStatus s={p} /> },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="Các báo cáo" style={{ marginTop: 12 }}>
        <List
          data-testid="share-reports"
          dataSource={d.reports}
          locale={{ emptyText: 'Chưa có báo cáo' }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{formatDate(r.reportedOn)}</span>
                    <Tag>{r.statusLabel}</Tag>
                    {r.periodDueOn && <span>Kỳ hạn {formatDate(r.periodDueOn)}</span>}
                    <span>{r.reportedByName}</span>
                  </Space>
                }
                description={
                  <>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{r.body}</div>
                    {r.attachments.length > 0 && <div>Kèm theo: {r.attachments.join('; ')}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <ReportModal data={d} open={modal === 'report'} onClose={() => setModal(null)} />
      <SplitModal data={d} open={modal === 'split'} onClose={() => setModal(null)} />
    </Card>
  );
}
