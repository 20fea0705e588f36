/** The work queue's part of directives: the shares late or due soon, late first, each linking to its page. */
import { Card, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useDirectiveQueue, type DirectiveWorkItem } from '../../api/directives.ts';
import { formatDate } from '../../lib/dates.ts';
import { QueryError } from '../QueryError.tsx';

export function DirectiveQueueCard() {
  const q = useDirectiveQueue();
  const columns: TableColumnsType<DirectiveWorkItem> = [
    { title: 'Việc', dataIndex: 'label', render: (label: string, r) => <Tag color={r.late ? 'red' : 'blue'}>{label}</Tag> },
    { title: 'Nhiệm vụ', dataIndex: 'taskTitle', render: (t: string, r) => <Link to={`/directives/shares/${r.shareId}`}>{`${r.directiveLabel}: ${t}`}</Link> },
    { title: 'Đơn vị', dataIndex: 'orgName' },
    { title: 'Hạn', dataIndex: 'dueOn', width: 120, render: (d: string) => formatDate(d) },
  ];
  return (
    <Card title="Nhiệm vụ theo văn bản" style={{ marginTop: 16 }}>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<DirectiveWorkItem>
          rowKey="shareId"
          size="small"
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          data-testid="directive-queue-table"
          onRow={(r) => ({ 'data-testid': `directive-work-${r.shareId}` }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: 'Không có nhiệm vụ nào đến hạn' }}
        />
      )}
    </Card>
  );
}
