/**
 * The report's actions: the exports (Excel, Word, PDF of what the page shows), the submission upward (offered to who
 * may edit the organisation, as the server decides: docs/modules/reports.md), the organisation's submissions for the
 * period with, per submission, the cells whose live figure now differs from the submitted one, and which of the
 * organisations directly below have submitted.
 */
import { CloudUploadOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Modal, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { apiUrl } from '../../api/client.ts';
import { useOrgPermissions } from '../../api/hooks.ts';
import {
  reportQueryValues,
  useReportSubmission,
  useReportSubmissions,
  useSubmissionStatus,
  useSubmitReport,
  type ReportParams,
  type ReportSubmissionSummary,
} from '../../api/reports.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { formatCount } from '../../lib/labels.ts';
import { QueryError } from '../QueryError.tsx';

/** The period's ends as the submissions are filed: a date is its own end. */
function periodOf(q: ReportParams): { from?: string | undefined; to?: string | undefined; asOf?: string | undefined } {
  return q.from && q.to ? { from: q.from, to: q.to } : { asOf: q.asOf };
}

function SubmissionDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useReportSubmission(id);
  const d = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} title="Báo cáo đã gửi" size={Math.min(720, window.innerWidth - 24)} data-testid="submission-drawer">
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {d && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text>
            {d.submission.orgName}, lần {d.submission.version}, gửi lúc {formatDateTime(d.submission.submittedAt)} bởi {d.submission.submittedBy.name}
            {d.submission.note ? ` — ${d.submission.note}` : ''}
          </Typography.Text>
          <Space wrap>
            {(['xlsx', 'docx', 'pdf'] as const).map((f) => (
              <Button key={f} size="small" href={apiUrl(`/reports/submissions/${d.submission.id}/export.${f}`)} download>
                Tải bản đã gửi ({f === 'xlsx' ? 'Excel' : f === 'docx' ? 'Word' : 'PDF'})
              </Button>
            ))}
          </Space>
          {d.live.differences.length === 0 ? (
            <Typography.Text type="success" data-testid="submission-no-differences">
              Số liệu hiện tại khớp với số liệu đã gửi (tính lúc {formatDateTime(d.live.computedAt)}).
            </Typography.Text>
          ) : (
            <>
              <Typography.Text type="warning" data-testid="submission-differences-count">
                {formatCount(d.live.differences.length)} ô có số liệu hiện tại khác số đã gửi (tính lúc {formatDateTime(d.live.computedAt)}):
              </Typography.Text>
              <Table
                size="small"
                rowKey={(r) => `${r.table}/${r.row}/${r.column}/${r.which}`}
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={d.live.differences}
                data-testid="submission-differences"
                columns={[
                  { title: 'Bảng', dataIndex: 'table', render: (t: string) => d.report.tables.find((x) => x.key === t)?.title ?? t },
                  { title: 'Chỉ tiêu', dataIndex: 'rowLabel' },
                  { title: 'Cột', dataIndex: 'columnLabel', render: (c: string, r) => (r.which === 'previous' ? `${c} (năm trước)` : c) },
                  { title: 'Đã gửi', dataIndex: 'submitted', align: 'right', render: (v: number | null) => (v === null ? '—' : formatCount(v)) },
                  { title: 'Hiện tại', dataIndex: 'live', align: 'right', render: (v: number | null) => (v === null ? '—' : <b>{formatCount(v)}</b>) },
                ]}
              />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}

function SubmitModal({ open, query, onClose }: { open: boolean; query: ReportParams; onClose: (submitted: boolean) => void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const submit = useSubmitReport();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title="Gửi báo cáo lên cấp trên"
      okText="Gửi báo cáo"
      cancelText="Hủy"
      confirmLoading={submit.isPending}
      onCancel={() => onClose(false)}
      okButtonProps={{ 'data-testid': 'submit-confirm' } as ButtonProps}
      onOk={async () => {
        const { note } = await form.validateFields();
        try {
          await submit.mutateAsync({ ...query, note: note?.trim() || undefined });
          void message.success('Đã gửi báo cáo. Số liệu đã gửi được lưu nguyên như lúc gửi.');
          form.resetFields();
          onClose(true);
        } catch (e) {
          void message.error(e instanceof Error ? e.message : 'Không gửi được báo cáo.');
        }
      }}
    >
      <Typography.Paragraph type="secondary">
        Số liệu của mọi bảng được tính và lưu nguyên như lúc gửi; các thay đổi hồ sơ sau đó hiện thành chênh lệch, không sửa số đã gửi.
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label="Ghi chú" rules={[{ max: 2000, message: 'Ghi chú tối đa 2.000 ký tự.' }]}>
          <Input.TextArea rows={3} data-testid="submit-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SubordinatesStatus({ query }: { query: ReportParams }) {
  const status = useSubmissionStatus({ orgId: query.orgId, ...periodOf(query) });
  if (!status.data || status.data.children.length === 0) return null;
  return (
    <Table
      size="small"
      rowKey="orgId"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={status.data.children}
      data-testid="submission-status"
      title={() => `Tổ chức trực thuộc đã gửi báo cáo kỳ này: ${status.data.byKind.map((k) => `${k.kindName} ${k.submitted}/${k.total}`).join('; ')}`}
      columns={[
        { title: 'Tổ chức', dataIndex: 'name' },
        {
          title: 'Tình trạng',
          key: 'latest',
          render: (_v, c) => (c.latest ? <Tag color="green">Đã gửi {formatDateTime(c.latest.submittedAt)}</Tag> : <Tag color="default">Chưa gửi</Tag>),
        },
      ]}
    />
  );
}

export function ReportActions({ query }: { query: ReportParams }) {
  const permissions = useOrgPermissions(query.orgId);
  // Submitting is for who may edit the organisation (its committee or a level above): the server decides the same.
  const canSubmit = permissions.data?.tree.createChild ?? false;
  const [submitting, setSubmitting] = useState(false);
  const [showList, setShowList] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const period = periodOf(query);
  const end = period.to ?? period.asOf;
  const submissions = useReportSubmissions({ orgId: query.orgId, from: end, to: end });
  const items: ReportSubmissionSummary[] = (submissions.data?.items ?? []).filter((s) => (s.periodFrom ?? undefined) === period.from);
  const values = reportQueryValues(query);
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<FileExcelOutlined />} href={apiUrl('/reports/export.xlsx', values)} download data-testid="report-export-xlsx">
          Xuất Excel
        </Button>
        <Button icon={<FileWordOutlined />} href={apiUrl('/reports/export.docx', values)} download data-testid="report-export-docx">
          Xuất Word
        </Button>
        <Button icon={<FilePdfOutlined />} href={apiUrl('/reports/export.pdf', values)} download data-testid="report-export-pdf">
          Xuất PDF
        </Button>
        {canSubmit && (
          <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => setSubmitting(true)} data-testid="report-submit">
            Gửi báo cáo
          </Button>
        )}
        <Button icon={<HistoryOutlined />} onClick={() => setShowList((v) => !v)} data-testid="report-submissions">
          Báo cáo đã gửi kỳ này ({formatCount(items.length)})
        </Button>
      </Space>
      {showList && (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={items}
            data-testid="report-submissions-list"
            locale={{ emptyText: 'Chưa gửi báo cáo nào cho kỳ này' }}
            columns={[
              { title: 'Lần', dataIndex: 'version', width: 60 },
              {
                title: 'Kỳ',
                key: 'period',
                render: (_v, s) => (s.periodFrom ? `${formatDate(s.periodFrom)} – ${formatDate(s.periodTo)}` : formatDate(s.periodTo)),
              },
              { title: 'Gửi lúc', dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
              { title: 'Người gửi', key: 'by', render: (_v, s) => s.submittedBy.name },
              {
                title: '',
                key: 'open',
                render: (_v, s) => (
                  <Button size="small" type="link" onClick={() => setOpened(s.id)} data-testid={`submission-open-${s.version}`}>
                    Xem, so với hiện tại
                  </Button>
                ),
              },
            ]}
          />
          <SubordinatesStatus query={query} />
        </Space>
      )}
      <SubmitModal
        open={submitting}
        query={query}
        onClose={(done) => {
          setSubmitting(false);
          if (done) setShowList(true);
        }}
      />
      <SubmissionDetail id={opened} onClose={() => setOpened(null)} />
    </Space>
  );
}
