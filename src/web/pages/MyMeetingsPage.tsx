/**
 * A member's own page (issue 16 part 7): the meetings of his cell for a year, the documents sent to the members (a
 * link downloads the file, when one was uploaded) and his own attendance.
 */
import { Card, InputNumber, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ATTENDANCE_LABELS, MEETING_KIND_LABELS, formatTimeOfDay } from '../../domain/meetings.ts';
import type { MyMeetings } from '../../contract/meetings.compliance.ts';
import { useMyMeetings } from '../api/meetings.compliance.ts';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, formatDateTime } from '../lib/dates.ts';
import { apiUrl } from '../api/client.ts';

type Row = MyMeetings['meetings'][number];
const COLORS = { present: 'green', excused: 'blue', absent: 'red' } as const;

export function MyMeetingsPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useMyMeetings(year);
  const columns: TableColumnsType<Row> = [
    { title: 'Ngày', render: (_: unknown, r) => formatDate(r.heldOn ?? r.plannedOn) },
    { title: 'Loại', dataIndex: 'kind', render: (k: Row['kind']) => MEETING_KIND_LABELS[k] },
    { title: 'Nội dung', dataIndex: 'topic' },
    { title: 'Giờ', render: (_: unknown, r) => (r.startMinute === null ? '' : `${formatTimeOfDay(r.startMinute)}–${formatTimeOfDay(r.endMinute)}`) },
    {
      title: 'Tài liệu đã gửi',
      render: (_: unknown, r) =>
        r.documents.map((d) => (
          <div key={d.id}>
            {d.fileName ? (
              <a href={apiUrl(`/me/meetings/documents/${d.id}/file`)} data-testid="my-document">
                {d.title}
              </a>
            ) : (
              d.title
            )}{' '}
            <Typography.Text type="secondary">({formatDateTime(d.sentAt)})</Typography.Text>
          </div>
        )),
    },
    {
      title: 'Dự họp',
      render: (_: unknown, r) => (r.attendance ? <Tag color={COLORS[r.attendance]}>{ATTENDANCE_LABELS[r.attendance]}</Tag> : ''),
    },
  ];
  return (
    <Card title={q.data ? `Sinh hoạt chi bộ của tôi — ${q.data.member.orgName ?? ''}` : 'Sinh hoạt chi bộ của tôi'}>
      <Space style={{ marginBottom: 12 }}>
        Năm <InputNumber value={year} min={1930} max={new Date().getFullYear()} onChange={(v) => v && setYear(v)} />
        {q.data && `Có mặt ${q.data.summary.present}, vắng có lý do ${q.data.summary.excused}, vắng không lý do ${q.data.summary.absent}`}
      </Space>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={q.data?.meetings ?? []}
          loading={q.isFetching}
          pagination={false}
          data-testid="my-meetings"
        />
      )}
    </Card>
  );
}
