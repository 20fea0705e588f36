/**
 * The organisations behind a count of the report (organisations by kind, by sector): the list `GET /api/reports/orgs`
 * answers for the cell's query, its total the cell's number. Reached from a cell of the «Báo cáo» page.
 */
import { Card, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { ReportOrgList } from '../../contract/reports.ts';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';
import { formatCount } from '../lib/labels.ts';

type OrgListAnswer = ReportOrgList;

const PAGE_SIZE = 50;

export function ReportOrgsPage() {
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries([...params.entries()].filter(([k]) => k !== 'page'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useQuery({
    queryKey: ['reports', 'orgs', query, page],
    queryFn: ({ signal }) => api.get<OrgListAnswer>('/reports/orgs', { ...query, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="Danh sách tổ chức đảng" data-testid="report-orgs-page">
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <Typography.Paragraph data-testid="report-orgs-total">
          {formatCount(list.data.total)} tổ chức{query.asOf ? ` tại ngày ${formatDate(query.asOf)}` : ''}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (p) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              next.set('page', String(p));
              return next;
            }),
        }}
        columns={[
          {
            title: 'Tổ chức',
            dataIndex: 'name',
            render: (name: string, o) => <Link to={`/orgs/${o.id}${query.asOf ? `?asOf=${query.asOf}` : ''}`}>{name}</Link>,
          },
          { title: 'Loại tổ chức', dataIndex: 'kindName' },
          { title: 'Loại hình', dataIndex: 'sectorName', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
