/**
 * «Cấp ủy, nhiệm kỳ»: an organisation's terms with their congress dates, the committee of a term on any date (posts,
 * since when, a member temporarily away), the changes during the term and the size warnings; the superior's staff
 * record a term, a change, a seat that ends; the list of the committee as Word.
 */
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatCount } from '../../domain/numbers.ts';
import { apiUrl } from '../api/client.ts';
import { useCommittee, useTerms, type Seat, type TermListResponse } from '../api/congress.ts';
import { EndSeatModal, SeatModal, TermModal } from '../components/congress/CongressForms.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, fromIso, isInvalidDateValue, toIso } from '../lib/dates.ts';

type Term = TermListResponse['items'][number];

export function TermsPage() {
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const termId = params.get('termId') ?? undefined;
  const terms = useTerms(orgId);
  const current = termId ?? terms.data?.items.at(-1)?.id;
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v) p.set(k, v);
      else p.delete(k);
    setParams(p, { replace: true });
  };
  const [adding, setAdding] = useState(false);
  const columns: TableColumnsType<Term> = [
    { title: 'Nhiệm kỳ', dataIndex: 'label', width: 110, render: (l: string, t) => (t.id === current ? <b>{l}</b> : l) },
    { title: 'Ngày đại hội', dataIndex: 'congressOn', width: 120, render: (d: string) => formatDate(d) },
    {
      title: 'Quyết định chuẩn y',
      key: 'decision',
      render: (_, t) => (t.decisionNo ? `${t.decisionNo}${t.decisionOn ? ` ngày ${formatDate(t.decisionOn)}` : ''}` : ''),
    },
    { title: 'Đại hội tiếp theo', dataIndex: 'nextDueOn', width: 140, render: (d: string) => formatDate(d) },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="Cấp ủy, nhiệm kỳ"
        extra={
          terms.data?.canEdit && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="term-add">
              Ghi nhận nhiệm kỳ
            </Button>
          )
        }
      >
        <div style={{ maxWidth: 420, marginBottom: 12 }}>
          <OrgSelect
            value={orgId}
            onChange={(v) => set({ orgId: typeof v === 'string' ? v : undefined, termId: undefined })}
            placeholder="Chọn tổ chức đảng"
            data-testid="term-org"
          />
        </div>
        {!orgId ? (
          <Empty description="Chọn một tổ chức đảng để xem các nhiệm kỳ" />
        ) : terms.isError ? (
          <QueryError error={terms.error} onRetry={() => void terms.refetch()} />
        ) : (
          <Table<Term>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={terms.data?.items ?? []}
            loading={terms.isFetching}
            pagination={false}
            data-testid="term-table"
            onRow={(t) => ({ onClick: () => set({ termId: t.id }), style: { cursor: 'pointer' } })}
            locale={{ emptyText: 'Chưa ghi nhận nhiệm kỳ nào' }}
          />
        )}
      </Card>
      {current && <CommitteeCard termId={current} />}
      {orgId && (
        <TermModal
          open={adding}
          orgId={orgId}
          onClose={(id) => {
            setAdding(false);
            if (id) set({ termId: id });
          }}
        />
      )}
    </Space>
  );
}

function CommitteeCard({ termId }: { termId: string }) {
  const [asOf, setAsOf] = useState<string | undefined>();
  const c = useCommittee(termId, asOf);
  const [addingSeat, setAddingSeat] = useState(false);
  const [ending, setEnding] = useState<Seat | null>(null);
  const canEdit = c.data?.term.canEdit ?? false;
  const columns: TableColumnsType<Seat> = [
    { title: 'Chức vụ', dataIndex: 'postLabel', width: 190 },
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      render: (n: string, s) =>
        s.rollNote ? (
          <Space size={4} wrap>
            {n}
            <Tag color="gold">{s.rollNote}</Tag>
          </Space>
        ) : (
          n
        ),
    },
    { title: 'Từ ngày', dataIndex: 'fromOn', width: 110, render: (d: string) => formatDate(d) },
    { title: 'Hình thức', dataIndex: 'howLabel', width: 150, responsive: ['md'] },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'end',
            width: 140,
            render: (_: unknown, s: Seat) => (
              <Button size="small" onClick={() => setEnding(s)} data-testid={`seat-end-${s.id}`}>
                Thôi giữ chức vụ
              </Button>
            ),
          },
        ]
      : []),
  ];
  const changes = (c.data?.history ?? []).filter((s) => s.how !== 'elected' || s.endedOn);
  if (c.isError) return <QueryError error={c.error} onRetry={() => void c.refetch()} />;
  const d = c.data;
  return (
    <Card
      title={d ? `Cấp ủy ${d.orgNameOn} nhiệm kỳ ${d.term.label}` : 'Cấp ủy'}
      loading={!d}
      extra={
        <Space wrap>
          <Button href={apiUrl(`/congress/terms/${termId}/document.docx`, asOf ? { asOf } : {})} data-testid="committee-docx">
            Danh sách (Word)
          </Button>
          {canEdit && (
            <Button onClick={() => setAddingSeat(true)} data-testid="seat-add">
              Bổ sung, thay đổi
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <span>Tại ngày</span>
        <DateInput
          testId="committee-as-of"
          value={fromIso(asOf ?? d?.asOf) ?? null}
          allowClear={false}
          onChange={(v) => {
            if (v && !isInvalidDateValue(v)) setAsOf(toIso(v));
          }}
          style={{ width: 160 }}
        />
        {d && <Typography.Text type="secondary">{formatCount(d.officialMembers)} đảng viên chính thức</Typography.Text>}
      </Space>
      {d?.warnings.map((w) => (
        <Alert key={w.code} type="warning" showIcon title={w.message} style={{ marginBottom: 8 }} data-testid="committee-warning" />
      ))}
      <Table<Seat>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={d?.seats ?? []}
        pagination={false}
        data-testid="committee-table"
        locale={{ emptyText: 'Chưa có cấp ủy viên' }}
      />
      {changes.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Thay đổi trong nhiệm kỳ
          </Typography.Title>
          <Table<Seat>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={false}
            data-testid="committee-changes"
            dataSource={changes}
            columns={[
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Chức vụ', dataIndex: 'postLabel' },
              { title: 'Bổ sung', key: 'from', render: (_, s) => (s.how !== 'elected' ? `${s.howLabel} từ ${formatDate(s.fromOn)}` : '') },
              { title: 'Thôi giữ chức vụ', key: 'end', render: (_, s) => (s.endedOn ? `${s.endReasonLabel ?? ''} từ ${formatDate(s.endedOn)}` : '') },
            ]}
          />
        </>
      )}
      <SeatModal open={addingSeat} termId={termId} onClose={() => setAddingSeat(false)} />
      <EndSeatModal seat={ending} onClose={() => setEnding(null)} />
    </Card>
  );
}
