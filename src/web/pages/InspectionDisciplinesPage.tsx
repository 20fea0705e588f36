/**
 * The party disciplines (or the complaints against them) behind a figure of the inspection statistics
 * (`GET /api/inspection/disciplines` with the cell's query): its total is the cell's number. Sensitive: the server
 * answers only to those who read sensitive records of the organisation.
 */
import { useState } from 'react';
import { Card, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { DisciplineFigureRow } from '../../contract/inspection.ts';
import { useDisciplineFigure } from '../api/inspection.ts';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';
import { formatCount } from '../lib/labels.ts';

const FORMS: Record<DisciplineFigureRow['form'], string> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  removal: 'Cách chức',
  expulsion: 'Khai trừ',
  dissolution: 'Giải tán',
};
const OUTCOMES = { upheld: 'Giữ nguyên', changed: 'Thay đổi hình thức', revoked: 'Xóa, hủy bỏ' } as const;

export function InspectionDisciplinesPage() {
  const [params] = useSearchParams();
  const query = Object.fromEntries([...params.entries()].filter(([k]) => k !== 'page'));
  const complaints = query.complaint !== undefined;
  const [page, setPage] = useState(1);
  const list = useDisciplineFigure(query, page);
  return (
    <Card title={complaints ? 'Khiếu nại kỷ luật đảng' : 'Quyết định kỷ luật đảng'} data-testid="inspection-disciplines-page">
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <Typography.Paragraph data-testid="inspection-disciplines-total">
          {formatCount(list.data.total)} {complaints ? 'khiếu nại' : 'quyết định'}
        </Typography.Paragraph>
      )}
      <Table<DisciplineFigureRow>
        rowKey={(r) => r.complaint?.id ?? r.decisionId}
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: 'Đối tượng', render: (_, r) => `${r.subjectKind === 'org' ? 'Tổ chức: ' : ''}${r.subjectName}` },
          { title: 'Tổ chức đảng', dataIndex: 'orgName' },
          { title: 'Hình thức', render: (_, r) => FORMS[r.form] },
          { title: 'Số quyết định', dataIndex: 'decisionNo' },
          { title: 'Ngày quyết định', dataIndex: 'decidedOn', render: formatDate },
          { title: 'Cấp quyết định', dataIndex: 'decidingLabel' },
          ...(complaints
            ? [
                { title: 'Ngày khiếu nại', render: (_: unknown, r: DisciplineFigureRow) => formatDate(r.complaint?.filedOn ?? null) },
                {
                  title: 'Kết quả giải quyết',
                  render: (_: unknown, r: DisciplineFigureRow) =>
                    r.complaint?.outcome ? `${OUTCOMES[r.complaint.outcome]} (${formatDate(r.complaint.outcomeOn)})` : 'Đang giải quyết',
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
