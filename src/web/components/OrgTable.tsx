/** A table of organisations (the children of one, or the roots of the user's scope). */
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { OrgSummary } from '../../contract/orgs.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { byVietnamese, formatCount } from '../lib/labels.ts';

export function OrgTable({ items, loading, testId }: { items: OrgSummary[]; loading?: boolean; testId?: string }) {
  const link = useAsOfLink();
  const columns: TableColumnsType<OrgSummary> = [
    {
      title: 'Tên tổ chức',
      dataIndex: 'name',
      sorter: byVietnamese((o: OrgSummary) => o.name),
      render: (_v, org) => (
        <Link to={link(`/orgs/${org.id}`)} data-testid={`org-link-${org.id}`}>
          {org.name}
        </Link>
      ),
    },
    { title: 'Loại tổ chức', dataIndex: 'kindName', width: 190, sorter: byVietnamese((o: OrgSummary) => o.kindName) },
    {
      title: 'Đảng viên chính thức',
      key: 'official',
      width: 120,
      align: 'right',
      sorter: (a, b) => a.memberCount.official - b.memberCount.official,
      render: (_v, org) => formatCount(org.memberCount.official),
    },
    {
      title: 'Đảng viên dự bị',
      key: 'probationary',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.memberCount.probationary - b.memberCount.probationary,
      render: (_v, org) => formatCount(org.memberCount.probationary),
    },
    {
      title: 'Tổ chức trực thuộc',
      dataIndex: 'childCount',
      width: 120,
      align: 'right',
      sorter: (a, b) => a.childCount - b.childCount,
      render: (value: number) => formatCount(value),
    },
  ];
  return (
    <Table<OrgSummary>
      rowKey="id"
      size="small"
      data-testid={testId}
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: 'Không có tổ chức trực thuộc' }}
    />
  );
}
