/**
 * The shares of directives' tasks behind a count of the reports' table of directives (given, reported, done, late in a
 * period): the list `GET /api/directives/due-shares` answers for the cell's query, its total the cell's number.
 */
import { Card, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { DueSharesResponse } from '../../contract/directives.ts';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';
import { formatCount } from '../lib/labels.ts';

const PAGE_SIZE = 50;
const CHECK_TITLES: Record<string, string> = {
  assigned: 'Nhiệm vụ giao cho đơn vị có hạn trong kỳ',
  reported: 'Nhiệm vụ đã báo cáo',
  done: 'Nhiệm vụ đã hoàn thành',
  late: 'Nhiệm vụ quá hạn chưa hoàn thành',
};

export function DueSharesPage() {
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries([...params.entries()].filter(([k]) => k !== 'page'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useQuery({
    queryKey: ['directives', 'due-shares', query, page],
    queryFn: ({ signal }) => api.get<DueSharesResponse>('/directives/due-shares', { ...query, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={CHECK_TITLES[query.check ?? 'assigned'] ?? CHECK_TITLES.assigned} data-testid="due-shares-page">
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <Typography.Paragraph data-testid="due-shares-total">
          {formatCount(list.data.total)} lượt nhiệm vụ
          {query.from && query.to ? `, hạn từ ${formatDate(query.from)} đến ${formatDate(query.to)}` : ''}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="shareId"
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
          { title: 'Văn bản', dataIndex: 'directiveLabel', render: (v: string, s) => <Link to={`/directives/${s.directiveId}`}>{v}</Link> },
          { title: 'Nhiệm vụ', dataIndex: 'taskTitle', render: (v: string, s) => <Link to={`/directives/shares/${s.shareId}`}>{v}</Link> },
          { title: 'Đơn vị', dataIndex: 'orgName' },
          { title: 'Hạn', dataIndex: 'dueOn', render: (v: string) => formatDate(v) },
          {
            title: 'Tình trạng',
            dataIndex: 'label',
            render: (v: string, s) => <Tag color={s.late ? 'red' : s.status === 'done' ? 'green' : 'default'}>{v}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
