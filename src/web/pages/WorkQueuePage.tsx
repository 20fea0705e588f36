/**
 * "Việc cần làm" for the user's scope (admissions): ceremonies to hold, probation ending, recognition votes due or
 * late, awareness certificates about to expire, member background forms to declare after the ceremony («Khai lý lịch
 * đảng viên»). Late items first; each links to its dossier.
 */
import { Card, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useWorkQueue, type WorkItem } from '../api/admissions.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { QueryError } from '../components/QueryError.tsx';
import { DirectiveQueueCard } from '../components/directives/DirectiveQueueCard.tsx';
import { AbsenceAlerts } from '../components/meetings/AbsenceAlerts.tsx';
import { formatDate } from '../lib/dates.ts';

export function WorkQueuePage() {
  const queue = useWorkQueue();
  const link = useAsOfLink();
  const columns: TableColumnsType<WorkItem> = [
    { title: 'Việc', dataIndex: 'label', render: (label: string, r) => <Tag color={r.late ? 'red' : 'blue'}>{label}</Tag> },
    { title: 'Họ và tên', dataIndex: 'fullName', render: (n: string, r) => <Link to={link(`/admissions/dossiers/${r.dossierId}`)}>{n}</Link> },
    { title: 'Chi bộ', dataIndex: 'orgName' },
    { title: 'Hạn', dataIndex: 'dueOn', width: 120, render: (d: string) => formatDate(d) },
  ];
  return (
    <>
      <Card title="Việc cần làm">
        {queue.isError ? (
          <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <Table<WorkItem>
            rowKey={(r) => `${r.kind}-${r.dossierId}`}
            size="small"
            columns={columns}
            dataSource={queue.data?.items ?? []}
            loading={queue.isFetching}
            data-testid="work-queue-table"
            onRow={(r) => ({ 'data-testid': `work-${r.kind}-${r.dossierId}` }) as HTMLAttributes<HTMLElement>}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: 'Không có việc nào đến hạn' }}
          />
        )}
        <AbsenceAlerts />
      </Card>
      <DirectiveQueueCard />
    </>
  );
}
