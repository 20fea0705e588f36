/**
 * "Kỷ luật": the member's discipline decisions (domain.md §11), shown only to readers of sensitive groups (the server
 * sends them to no one else): the form, the deciding level, the dates, whether each is in force, lapsed or revoked
 * (read from the discipline module, issue 15), its complaints and the decision as a Word file.
 */
import { Button, Empty, Table, Tag } from 'antd';
import type { DisciplineDecisionView } from '../../../contract/discipline.ts';
import { disciplineDocumentUrl, useDisciplineDecisions } from '../../api/discipline.ts';
import { formatDate } from '../../lib/dates.ts';
import { DecisionState } from '../discipline/DisciplineTab.tsx';

const FORM_COLORS: Record<string, string> = { reprimand: 'gold', warning: 'orange', removal: 'volcano', expulsion: 'red' };

export function DisciplineList({ memberId }: { memberId: string }) {
  const list = useDisciplineDecisions({ memberId, pageSize: 200 });
  return (
    <Table<DisciplineDecisionView>
      rowKey="id"
      size="small"
      pagination={false}
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      data-testid="member-disciplines"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có quyết định kỷ luật nào" /> }}
      columns={[
        { title: 'Hình thức', dataIndex: 'formName', width: 120, render: (v: string, d) => <Tag color={FORM_COLORS[d.form] ?? 'default'}>{v}</Tag> },
        { title: 'Cấp quyết định', dataIndex: 'decidingLabel' },
        { title: 'Số quyết định', dataIndex: 'decisionNo', width: 150 },
        { title: 'Ngày quyết định', dataIndex: 'decidedOn', width: 130, render: (d: string) => formatDate(d) },
        { title: 'Ngày công bố', dataIndex: 'announcedOn', width: 120, render: (d: string | null) => (d ? formatDate(d) : '—') },
        { title: 'Hiệu lực', render: (_, d) => <DecisionState d={d} /> },
        { title: 'Nội dung vi phạm, lý do', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
        {
          title: '',
          render: (_, d) =>
            d.kind === 'party' ? (
              <Button size="small" href={disciplineDocumentUrl(d.id)}>
                Word
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
