/**
 * "Kỷ luật": the member's party discipline decisions (domain.md §11), shown only to readers of sensitive groups (the
 * server sends them to no one else).
 */
import { Empty, Table, Tag } from 'antd';
import type { MemberDiscipline } from '../../../contract/members.ts';
import { formatDate } from '../../lib/dates.ts';

const FORM_COLORS: Record<string, string> = { reprimand: 'gold', warning: 'orange', removal: 'volcano', expulsion: 'red' };

export function DisciplineList({ items }: { items: MemberDiscipline[] }) {
  return (
    <Table<MemberDiscipline>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      data-testid="member-disciplines"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có quyết định kỷ luật nào" /> }}
      columns={[
        { title: 'Hình thức', dataIndex: 'formName', width: 120, render: (v: string, d) => <Tag color={FORM_COLORS[d.form] ?? 'default'}>{v}</Tag> },
        { title: 'Cấp quyết định', dataIndex: 'decidingLevel' },
        { title: 'Số quyết định', dataIndex: 'decisionNo', width: 150 },
        { title: 'Ngày quyết định', dataIndex: 'decisionDate', width: 130, render: (d: string) => formatDate(d) },
        { title: 'Ngày công bố', dataIndex: 'announcedOn', width: 120, render: (d: string) => formatDate(d) },
        { title: 'Nội dung vi phạm, lý do', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
