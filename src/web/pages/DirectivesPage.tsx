/**
 * «Văn bản, nhiệm vụ»: the directives the user reads (recorded by his organisations or with a task given to them),
 * searched by number, symbol or words without accents, with the progress of each; a directive is recorded here.
 */
import { Button, Card, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DIRECTIVE_KINDS, DIRECTIVE_KIND_LABELS } from '../../domain/directives.ts';
import { formatCount } from '../../domain/numbers.ts';
import { useDirectives, type DirectiveListResponse } from '../api/directives.ts';
import { DirectiveModal } from '../components/directives/DirectiveForms.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';
import { useDebouncedValue } from '../lib/debounce.ts';

type Row = DirectiveListResponse['items'][number];

export function DirectivesPage() {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const q = useDebouncedValue(text.trim(), 300);
  const list = useDirectives({ q: q || undefined, kind, page });
  const navigate = useNavigate();
  const columns: TableColumnsType<Row> = [
    { title: 'Số, ký hiệu', dataIndex: 'symbol', width: 140, render: (s: string | null, r) => <Link to={`/directives/${r.id}`}>{s ?? '(không số)'}</Link> },
    { title: 'Loại', dataIndex: 'kindLabel', width: 110 },
    { title: 'Ngày', dataIndex: 'issuedOn', width: 110, render: (d: string) => formatDate(d) },
    { title: 'Trích yếu', dataIndex: 'title', render: (t: string, r) => <Link to={`/directives/${r.id}`}>{t}</Link> },
    { title: 'Cơ quan ban hành', dataIndex: 'issuerName', responsive: ['md'] },
    {
      title: 'Tiến độ',
      key: 'progress',
      width: 190,
      render: (_, r) =>
        r.progress.shares === 0 ? (
          ''
        ) : (
          <Space size={4} wrap>
            <Tag>
              {formatCount(r.progress.reported)}/{formatCount(r.progress.shares)} đã báo cáo
            </Tag>
            {r.progress.late > 0 && <Tag color="red">{formatCount(r.progress.late)} quá hạn</Tag>}
          </Space>
        ),
    },
  ];
  return (
    <Card
      title="Văn bản, nhiệm vụ"
      extra={
        <Button type="primary" onClick={() => setAdding(true)} data-testid="directive-add">
          Ghi nhận văn bản
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="Tìm theo số, ký hiệu, trích yếu (không cần dấu)"
          style={{ width: 320, maxWidth: '100%' }}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
          data-testid="directive-search"
        />
        <Select
          allowClear
          placeholder="Loại văn bản"
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={DIRECTIVE_KINDS.map((k) => ({ value: k, label: DIRECTIVE_KIND_LABELS[k] }))}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          data-testid="directive-table"
          pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          locale={{ emptyText: 'Chưa có văn bản nào' }}
        />
      )}
      <DirectiveModal
        open={adding}
        onClose={(id) => {
          setAdding(false);
          if (id) navigate(`/directives/${id}`);
        }}
      />
    </Card>
  );
}
