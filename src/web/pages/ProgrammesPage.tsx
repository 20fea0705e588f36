/**
 * «Chương trình»: the programmes the user reads (directives of kind chương trình, e.g. "Chương trình 01-CTr/TU
 * 2016–2020"), each with its topics' count, those done and those late; a programme's page lists its topics.
 */
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useProgrammes, type Programme } from '../api/directives.ts';
import { DirectiveModal } from '../components/directives/DirectiveForms.tsx';
import { QueryError } from '../components/QueryError.tsx';

export function ProgrammesPage() {
  const q = useProgrammes();
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const columns: TableColumnsType<Programme> = [
    { title: 'Chương trình', dataIndex: 'title', render: (t: string, r) => <Link to={`/directives/${r.id}`}>{`${r.symbol ?? ''} ${t}`}</Link> },
    { title: 'Giai đoạn', key: 'years', width: 120, render: (_, r) => (r.fromYear ? `${r.fromYear}–${r.toYear ?? ''}` : '') },
    { title: 'Đơn vị theo dõi', dataIndex: 'ownerOrgName', responsive: ['md'] },
    { title: 'Chuyên đề', dataIndex: 'topics', width: 100 },
    {
      title: 'Kết quả',
      key: 'done',
      width: 200,
      render: (_, r) => (
        <>
          <Tag color="green">{`${r.done}/${r.topics} hoàn thành`}</Tag>
          {r.late > 0 && <Tag color="red">{`${r.late} quá hạn`}</Tag>}
        </>
      ),
    },
  ];
  return (
    <Card
      title="Chương trình"
      extra={
        <Button type="primary" onClick={() => setAdding(true)} data-testid="programme-add">
          Ghi nhận chương trình
        </Button>
      }
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Programme>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          data-testid="programme-table"
          pagination={false}
          locale={{ emptyText: 'Chưa có chương trình nào' }}
        />
      )}
      <DirectiveModal
        open={adding}
        defaultKind="chuong_trinh"
        onClose={(id) => {
          setAdding(false);
          if (id) navigate(`/directives/${id}`);
        }}
      />
    </Card>
  );
}
