/**
 * A directive's page: what it implements and the plans that implement it, its tasks (or a programme's topics) with
 * each unit's share: status, late, next deadline, last report; the progress; the plan and the report as Word files.
 */
import { Button, Card, Descriptions, Space, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { RECURRENCE_LABELS, TOPIC_KIND_LABELS } from '../../domain/directives.ts';
import { apiUrl } from '../api/client.ts';
import { useDirective, type Share, type Task } from '../api/directives.ts';
import { TaskModal, TopicModal } from '../components/directives/DirectiveForms.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';

export function ShareStatus({ s }: { s: Pick<Share, 'status' | 'statusLabel' | 'late' | 'dueSoon'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={s.status === 'done' ? 'green' : s.status === 'in_progress' ? 'blue' : 'default'}>{s.statusLabel}</Tag>
      {s.late && <Tag color="red">Quá hạn</Tag>}
      {!s.late && s.dueSoon && <Tag color="orange">Sắp đến hạn</Tag>}
    </Space>
  );
}

const ROLE = { assignee: '', lead: 'Chủ trì', participant: 'Phối hợp' } as const;

function deadline(t: Task): string {
  if (t.recurrence) return `${RECURRENCE_LABELS[t.recurrence]}, ${formatDate(t.dueDates[0])} – ${formatDate(t.dueDates.at(-1))}`;
  if (t.dueOn) return `${formatDate(t.dueOn)}${t.dueWorkingDays ? ` (${t.dueWorkingDays} ngày làm việc)` : ''}`;
  return 'Không thời hạn';
}

function TaskCard({ t }: { t: Task }) {
  const columns: TableColumnsType<Share> = [
    {
      title: 'Đơn vị',
      dataIndex: 'orgName',
      render: (n: string, s) => (
        <Link to={`/directives/shares/${s.id}`} data-testid={`share-link-${s.orgId}`}>
          {s.parentId ? '↳ ' : ''}
          {n}
          {ROLE[s.role] ? ` (${ROLE[s.role]})` : ''}
        </Link>
      ),
    },
    { title: 'Tình trạng', key: 'status', render: (_, s) => <ShareStatus s={s} /> },
    { title: 'Hạn tới', dataIndex: 'nextDueOn', width: 110, render: (d: string | null) => formatDate(d) },
    { title: 'Báo cáo gần nhất', dataIndex: 'lastReportedOn', width: 140, render: (d: string | null) => (d ? formatDate(d) : 'Chưa báo cáo') },
  ];
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={`${t.seq}. ${t.topicKind ? `${TOPIC_KIND_LABELS[t.topicKind]}: ` : ''}${t.title}`}
      extra={<span>Hạn: {deadline(t)}</span>}
      data-testid={`task-${t.seq}`}
    >
      <Table<Share>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={t.shares}
        pagination={false}
        data-testid={`task-${t.seq}-shares`}
      />
    </Card>
  );
}

export function DirectivePage() {
  const { id } = useParams();
  const q = useDirective(id);
  const [modal, setModal] = useState<'task' | 'topic' | null>(null);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  if (!d) return <Card loading />;
  const programme = d.kind === 'chuong_trinh';
  return (
    <Card
      title={`${d.kindLabel} ${d.symbol ?? ''}`}
      extra={
        <Space wrap>
          <Button href={apiUrl(`/directives/${d.id}/document.docx`, { kind: 'plan' })} data-testid="directive-plan-docx">
            Tải văn bản (Word)
          </Button>
          <Button href={apiUrl(`/directives/${d.id}/document.docx`, { kind: 'report' })} data-testid="directive-report-docx">
            Báo cáo kết quả (Word)
          </Button>
          {d.canEdit && (
            <Button type="primary" onClick={() => setModal(programme ? 'topic' : 'task')} data-testid="directive-add-task">
              {programme ? 'Thêm chuyên đề' : 'Giao nhiệm vụ'}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="Trích yếu" span={2}>
          <span data-testid="directive-title-text">{d.title}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Ngày ban hành">{formatDate(d.issuedOn)}</Descriptions.Item>
        <Descriptions.Item label="Cơ quan ban hành">{d.issuerName}</Descriptions.Item>
        <Descriptions.Item label="Đơn vị theo dõi">{d.ownerOrgName}</Descriptions.Item>
        {d.fromYear !== null && <Descriptions.Item label="Giai đoạn">{`${d.fromYear}–${d.toYear ?? ''}`}</Descriptions.Item>}
        {d.implements && (
          <Descriptions.Item label="Triển khai" span={2}>
            <Link
              to={`/directives/${d.implements.id}`}
              data-testid="directive-implements-link"
            >{`${d.implements.kindLabel} ${d.implements.symbol ?? ''} — ${d.implements.title}`}</Link>
          </Descriptions.Item>
        )}
        {d.implementedBy.length > 0 && (
          <Descriptions.Item label="Văn bản triển khai" span={2}>
            <Space direction="vertical" size={0}>
              {d.implementedBy.map((c) => (
                <Link key={c.id} to={`/directives/${c.id}`}>{`${c.kindLabel} ${c.symbol ?? ''} (${c.ownerOrgName})`}</Link>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space size="large" wrap style={{ marginTop: 12 }} data-testid="directive-progress">
        <Statistic title="Lượt giao" value={d.progress.shares} />
        <Statistic title="Đã báo cáo" value={d.progress.reported} />
        <Statistic title="Hoàn thành" value={d.progress.done} />
        <Statistic title="Quá hạn" value={d.progress.late} valueStyle={d.progress.late ? { color: '#cf1322' } : undefined} />
      </Space>
      {d.tasks.map((t) => (
        <TaskCard key={t.id} t={t} />
      ))}
      {d.canEdit && <TaskModal directive={d} open={modal === 'task'} onClose={() => setModal(null)} />}
      {d.canEdit && <TopicModal directive={d} open={modal === 'topic'} onClose={() => setModal(null)} />}
    </Card>
  );
}
