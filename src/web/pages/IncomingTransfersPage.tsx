/**
 * "Chuyển sinh hoạt đến" (domain.md §7): members whom another organisation has introduced to one of the user's
 * organisations and who are in transit until the receiving side confirms. Confirming puts the member on the roll of
 * the chosen cell; the member then leaves this list and enters the user's scope, so the file can be opened.
 */
import { CheckOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useIncomingTransfers } from '../api/hooks.ts';
import type { IncomingTransfer, MemberFile } from '../../contract/members.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { RequirePermission, useCurrentUser } from '../app/auth.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { ConfirmTransferModal } from '../components/transfers/ConfirmTransferModal.tsx';
import { formatDate } from '../lib/dates.ts';
import { formatCount } from '../lib/labels.ts';

interface Confirmed {
  memberId: string;
  fullName: string;
  cellName: string;
}

function IncomingTransfers() {
  const link = useAsOfLink();
  const incoming = useIncomingTransfers();
  const [confirming, setConfirming] = useState<IncomingTransfer | null>(null);
  const [confirmed, setConfirmed] = useState<Confirmed[]>([]);

  const columns: TableColumnsType<IncomingTransfer> = [
    { title: 'Họ và tên', dataIndex: 'fullName', render: (v: string) => <span style={{ fontWeight: 500 }}>{v}</span> },
    { title: 'Từ tổ chức', dataIndex: 'fromOrg', render: (v: string) => v || '—' },
    { title: 'Đến tổ chức', dataIndex: 'toOrg', render: (v: string) => v || '—' },
    { title: 'Ngày đi', dataIndex: 'startedOn', width: 110, render: (v: string) => formatDate(v) },
    { title: 'Số quyết định', dataIndex: 'decisionNo', width: 150, render: (v: string | null) => v ?? '—' },
    {
      title: '',
      key: 'action',
      width: 170,
      align: 'right',
      render: (_v, t) => (
        <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setConfirming(t)} data-testid={`incoming-confirm-${t.memberId}`}>
          Xác nhận tiếp nhận
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to={link('/members')}>Đảng viên</Link> },
          { key: 'incoming', title: 'Chuyển sinh hoạt đến' },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        Chuyển sinh hoạt đến
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Đảng viên được tổ chức nơi đi giới thiệu chuyển sinh hoạt đảng chính thức đến tổ chức thuộc phạm vi quản lý của bạn. Khi đảng viên nộp giới thiệu, xác
        nhận tiếp nhận để đưa vào danh sách chi bộ; đến lúc đó hồ sơ vẫn thuộc tổ chức nơi đi.
      </Typography.Paragraph>
      {confirmed.map((c) => (
        <Alert
          key={c.memberId}
          type="success"
          showIcon
          closable={{ onClose: () => setConfirmed((list) => list.filter((x) => x.memberId !== c.memberId)) }}
          data-testid={`incoming-confirmed-${c.memberId}`}
          title={
            <>
              Đã tiếp nhận đảng viên {c.fullName} vào «{c.cellName}».{' '}
              <Link to={link(`/members/${c.memberId}`)} data-testid={`incoming-open-${c.memberId}`}>
                Mở hồ sơ đảng viên
              </Link>
            </>
          }
        />
      ))}
      {incoming.isError ? (
        <QueryError error={incoming.error} onRetry={() => void incoming.refetch()} />
      ) : (
        <Table<IncomingTransfer>
          rowKey="memberId"
          size="small"
          columns={columns}
          dataSource={incoming.data?.items ?? []}
          loading={incoming.isFetching}
          data-testid="incoming-table"
          onRow={(t) => ({ 'data-testid': `incoming-row-${t.memberId}` }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `${formatCount(total)} đảng viên` }}
          locale={{ emptyText: 'Không có đảng viên nào đang chuyển sinh hoạt đến' }}
        />
      )}
      <ConfirmTransferModal
        transfer={confirming}
        onClose={() => setConfirming(null)}
        onConfirmed={(file: MemberFile, t) => {
          setConfirming(null);
          setConfirmed((list) => [
            { memberId: t.memberId, fullName: file.fields.fullName, cellName: file.org.name },
            ...list.filter((x) => x.memberId !== t.memberId),
          ]);
        }}
      />
    </Space>
  );
}

export function IncomingTransfersPage() {
  const me = useCurrentUser();
  return (
    <RequirePermission allowed={me.can.editMembers}>
      <IncomingTransfers />
    </RequirePermission>
  );
}
