/**
 * What stands behind a figure of the meetings' compliance (issue 16 part 4): the cells (all of the subtree, those with
 * a month without a regular meeting, those with a quarter without a topical one) or the held meetings (all, too short,
 * documents late, no superior representative) of an organisation's subtree and a period. Opened from the compliance
 * tab of «Sinh hoạt chi bộ» and from the report table `meetings-compliance` (LinkKind `meetings`), with the query that
 * reproduces the number: `orgId, from, to, view = cells | meetings, check`.
 */
import { Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { MEETING_KIND_LABELS } from '../../domain/meetings.ts';
import { formatCount, formatPercent } from '../../domain/numbers.ts';
import type { ComplianceCell, ComplianceMeetings } from '../../contract/meetings.compliance.ts';
import { useCompliance, useComplianceMeetings } from '../api/meetings.compliance.ts';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';

const CELL_CHECKS: Record<string, { title: string; keep: (c: ComplianceCell) => boolean }> = {
  all: { title: 'Các chi bộ', keep: () => true },
  'no-regular': { title: 'Chi bộ có tháng không sinh hoạt thường kỳ', keep: (c) => c.monthsMissing.length > 0 },
  'no-topical': { title: 'Chi bộ có quý không sinh hoạt chuyên đề', keep: (c) => c.quartersMissing.length > 0 },
};
const MEETING_CHECKS = {
  all: 'Các buổi sinh hoạt đã họp',
  short: 'Buổi sinh hoạt không đủ thời gian theo quy định',
  'docs-late': 'Buổi sinh hoạt gửi tài liệu chậm',
  'no-representative': 'Buổi sinh hoạt không có đại diện cấp ủy cấp trên',
} as const;
type MeetingCheck = keyof typeof MEETING_CHECKS;

const period = (from: string, to: string) => `từ ${formatDate(from)} đến ${formatDate(to)}`;
const monthVn = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

function Cells({ orgId, from, to, check }: { orgId: string; from: string; to: string; check: string }) {
  const q = useCompliance(orgId, from, to);
  const spec = CELL_CHECKS[check] ?? CELL_CHECKS.all!;
  const rows = (q.data?.cells ?? []).filter(spec.keep);
  const columns: TableColumnsType<ComplianceCell> = [
    { title: 'Chi bộ', dataIndex: 'name', render: (name: string, c) => <Link to={`/meetings?org=${c.orgId}`}>{name}</Link> },
    { title: 'Tháng không sinh hoạt thường kỳ', dataIndex: 'monthsMissing', render: (ms: string[]) => ms.map((m) => <Tag key={m}>{monthVn(m)}</Tag>) },
    {
      title: 'Quý không sinh hoạt chuyên đề',
      dataIndex: 'quartersMissing',
      render: (qs: string[]) => qs.map((x) => <Tag key={x}>{`Quý ${x.slice(6)}/${x.slice(0, 4)}`}</Tag>),
    },
    { title: 'Số buổi', dataIndex: 'meetings', align: 'right', render: formatCount },
    { title: 'Tỷ lệ dự họp', dataIndex: 'attendanceRate', align: 'right', render: (v: number | null) => (v === null ? '—' : formatPercent(v)) },
  ];
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Card title={`${spec.title} — ${q.data?.org.name ?? ''}, ${period(from, to)}`}>
      <Typography.Paragraph data-testid="compliance-list-total">{q.data ? `${formatCount(rows.length)} chi bộ` : ''}</Typography.Paragraph>
      <Table<ComplianceCell>
        rowKey="orgId"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={q.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="compliance-list"
      />
    </Card>
  );
}

type MeetingRow = ComplianceMeetings['items'][number];

function Meetings({ orgId, from, to, check }: { orgId: string; from: string; to: string; check: MeetingCheck }) {
  const [page, setPage] = useState(1);
  const q = useComplianceMeetings({ orgId, from, to, check, page, pageSize: 50 });
  const columns: TableColumnsType<MeetingRow> = [
    { title: 'Ngày họp', dataIndex: 'heldOn', render: (d: string, m) => <Link to={`/meetings/${m.id}`}>{formatDate(d)}</Link> },
    { title: 'Chi bộ', dataIndex: 'orgName' },
    { title: 'Loại', dataIndex: 'kind', render: (k: MeetingRow['kind']) => MEETING_KIND_LABELS[k] },
    { title: 'Thời lượng (phút)', dataIndex: 'minutes', align: 'right', render: (v: number | null) => (v === null ? '—' : formatCount(v)) },
    { title: 'Dự họp', render: (_: unknown, m) => `${formatCount(m.present)}/${formatCount(m.roll)}` },
    {
      title: 'Ghi chú',
      render: (_: unknown, m) => (
        <Space size={4} wrap>
          {m.short && <Tag color="red">Không đủ thời gian</Tag>}
          {m.docsLate && <Tag color="orange">Tài liệu chậm</Tag>}
          {m.noRepresentative && <Tag>Không có đại diện cấp trên</Tag>}
        </Space>
      ),
    },
  ];
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Card title={`${MEETING_CHECKS[check]}, ${period(from, to)}`}>
      <Typography.Paragraph data-testid="compliance-list-total">{q.data ? `${formatCount(q.data.total)} buổi sinh hoạt` : ''}</Typography.Paragraph>
      <Table<MeetingRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={q.data?.items ?? []}
        loading={q.isFetching}
        pagination={{ current: page, pageSize: 50, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="compliance-list"
      />
    </Card>
  );
}

export function ComplianceListPage() {
  const [params] = useSearchParams();
  const orgId = params.get('orgId') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const check = params.get('check') ?? 'all';
  if (!orgId || !from || !to) return <Typography.Text>Thiếu tổ chức hoặc kỳ báo cáo.</Typography.Text>;
  return params.get('view') === 'meetings' ? (
    <Meetings orgId={orgId} from={from} to={to} check={check in MEETING_CHECKS ? (check as MeetingCheck) : 'all'} />
  ) : (
    <Cells orgId={orgId} from={from} to={to} check={check} />
  );
}
