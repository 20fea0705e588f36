/**
 * The compliance tab of «Sinh hoạt chi bộ» (issue 16 part 4): for the chosen organisation's subtree and a year, the
 * cells without a regular meeting in a month, without a topical one in a quarter, the meetings too short, with
 * documents late or without the superior's representative, and the attendance rate; the workbook to download.
 */
import { Button, InputNumber, Space, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatCount, formatPercent } from '../../../domain/numbers.ts';
import type { ComplianceCell } from '../../../contract/meetings.compliance.ts';
import { complianceXlsxUrl, useCompliance } from '../../api/meetings.compliance.ts';
import { QueryError } from '../QueryError.tsx';

const monthVn = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const quarterVn = (q: string) => `Quý ${q.slice(6)}/${q.slice(0, 4)}`;

/** A figure that opens the cells or meetings behind it. */
function Figure({ title, value, to, testId }: { title: string; value: number; to: string; testId: string }) {
  return (
    <Statistic
      title={title}
      value={value}
      formatter={() => (
        <Link to={to} data-testid={testId}>
          {formatCount(value)}
        </Link>
      )}
    />
  );
}

export function CompliancePanel({ orgId }: { orgId: string }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const list = (view: 'cells' | 'meetings', check: string) => `/meetings/compliance?${new URLSearchParams({ orgId, from, to, view, check }).toString()}`;
  const q = useCompliance(orgId, from, to);
  const t = q.data?.totals;
  const columns: TableColumnsType<ComplianceCell> = [
    { title: 'Chi bộ', dataIndex: 'name' },
    {
      title: 'Tháng không sinh hoạt thường kỳ',
      dataIndex: 'monthsMissing',
      render: (ms: string[]) =>
        ms.length ? (
          ms.map((m) => (
            <Tag key={m} color="red">
              {monthVn(m)}
            </Tag>
          ))
        ) : (
          <Tag color="green">Đủ</Tag>
        ),
    },
    {
      title: 'Quý không sinh hoạt chuyên đề',
      dataIndex: 'quartersMissing',
      render: (qs: string[]) =>
        qs.length ? (
          qs.map((x) => (
            <Tag key={x} color="orange">
              {quarterVn(x)}
            </Tag>
          ))
        ) : (
          <Tag color="green">Đủ</Tag>
        ),
    },
    { title: 'Số buổi', dataIndex: 'meetings', align: 'right', render: formatCount },
    { title: 'Không đủ thời gian', dataIndex: 'short', align: 'right', render: formatCount },
    { title: 'Tài liệu gửi chậm', dataIndex: 'docsLate', align: 'right', render: formatCount },
    { title: 'Không có đại diện cấp trên', dataIndex: 'noRepresentative', align: 'right', render: formatCount },
    { title: 'Tỷ lệ dự họp', dataIndex: 'attendanceRate', align: 'right', render: (v: number | null) => (v === null ? '—' : formatPercent(v)) },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="meetings-compliance">
      <Space wrap>
        Năm <InputNumber value={year} min={1930} max={new Date().getFullYear()} onChange={(v) => v && setYear(v)} data-testid="compliance-year" />
        <Button href={complianceXlsxUrl(orgId, from, to)}>Xuất Excel</Button>
      </Space>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          {t && (
            <Space wrap size="large">
              <Figure title="Số chi bộ" value={t.cells} to={list('cells', 'all')} testId="compliance-cells" />
              <Figure title="Chi bộ thiếu sinh hoạt thường kỳ" value={t.cellsMissingRegular} to={list('cells', 'no-regular')} testId="compliance-no-regular" />
              <Figure title="Chi bộ thiếu sinh hoạt chuyên đề" value={t.cellsMissingTopical} to={list('cells', 'no-topical')} testId="compliance-no-topical" />
              <Figure title="Số buổi đã họp" value={t.meetings} to={list('meetings', 'all')} testId="compliance-meetings" />
              <Figure title="Buổi không đủ thời gian" value={t.short} to={list('meetings', 'short')} testId="compliance-short" />
              <Statistic title="Tỷ lệ dự họp" value={t.attendanceRate === null ? '—' : formatPercent(t.attendanceRate)} />
            </Space>
          )}
          <Table<ComplianceCell>
            rowKey="orgId"
            size="small"
            columns={columns}
            dataSource={q.data?.cells ?? []}
            loading={q.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: 'Không có chi bộ nào' }}
            data-testid="compliance-table"
          />
        </>
      )}
    </Space>
  );
}
