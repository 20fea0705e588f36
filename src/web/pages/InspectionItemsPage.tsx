/**
 * The inspection items behind a figure of the statistics (`GET /api/inspection/items` with the cell's query): its total
 * is the cell's number. Reached from a cell of the «Thống kê» tab or of the «Báo cáo» page.
 */
import { useState } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { ItemView } from '../../contract/inspection.ts';
import { ITEM_KIND_LABELS, ITEM_STATUS_LABELS } from '../../contract/inspection.ts';
import { useItems } from '../api/inspection.ts';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';
import { formatCount } from '../lib/labels.ts';

export function InspectionItemsPage() {
  const [params] = useSearchParams();
  const query = Object.fromEntries([...params.entries()].filter(([k]) => k !== 'page'));
  const [page, setPage] = useState(1);
  const items = useItems(query, page);
  return (
    <Card title="Việc kiểm tra, giám sát" data-testid="inspection-items-page">
      {items.isError && <QueryError error={items.error} onRetry={() => void items.refetch()} />}
      {items.data && <Typography.Paragraph data-testid="inspection-items-total">{formatCount(items.data.total)} việc</Typography.Paragraph>}
      <Table<ItemView>
        rowKey="id"
        size="small"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 50, total: items.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: 'Tổ chức thực hiện', dataIndex: 'orgName' },
          { title: 'Loại', render: (_, i) => ITEM_KIND_LABELS[i.kind] },
          { title: 'Đối tượng', render: (_, i) => i.subject.name },
          { title: 'Nội dung', dataIndex: 'content' },
          { title: 'Thời hạn', dataIndex: 'dueOn', render: formatDate },
          { title: 'Kết luận ngày', dataIndex: 'concludedOn', render: formatDate },
          { title: 'Trạng thái', render: (_, i) => <Tag>{ITEM_STATUS_LABELS[i.status]}</Tag> },
        ]}
      />
    </Card>
  );
}
