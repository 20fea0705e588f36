/**
 * "Huy hiệu Đảng" (domain.md §5): for one of the coming presentation days (3/2, 19/5, 2/9, 7/11), the members who
 * reach a badge milestone by then, eligible or with the reason they are not (discipline, suspension…), and the
 * members who reached a milestone and never received it: the committee's backlog, paged by the server (a province's
 * can run to thousands). The anniversary, the organisation and the backlog page live in the URL so a list can be
 * shared and reloaded; both lists export whole to Excel. A date in the URL that is not a presentation day is refused,
 * in the server's words, instead of showing a list.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Row, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { apiUrl } from '../api/client.ts';
import { useBadgeList } from '../api/hooks.ts';
import type { BadgeDueItem, BadgeOverdueItem } from '../../contract/members.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { anniversaryRefusal } from '../../domain/badges.ts';
import { nextAnniversaries } from '../lib/badges.ts';
import { formatDate, isIsoDate, todayIso } from '../lib/dates.ts';
import { badgeEarlyName, byVietnamese, formatCount } from '../lib/labels.ts';

const PAGE_SIZE = 20;

function MemberLink({ id, name }: { id: string; name: string }) {
  const link = useAsOfLink();
  return (
    <Link to={link(`/members/${id}`)} style={{ fontWeight: 500 }}>
      {name}
    </Link>
  );
}

function EligibilityCell({ item }: { item: BadgeDueItem }) {
  if (!item.eligible) {
    return (
      <Space orientation="vertical" size={2}>
        <Tag color="orange">Chưa đủ điều kiện</Tag>
        {item.reason && <span>{item.reason}</span>}
      </Space>
    );
  }
  return (
    <Space size={[0, 4]} wrap>
      <Tag color="green">Đủ điều kiện</Tag>
      {typeof item.early === 'string' && <Tag color="blue">{badgeEarlyName(item.early)}</Tag>}
    </Space>
  );
}

const milestoneColumn = { title: 'Mốc', dataIndex: 'milestone', width: 90, render: (m: number) => `${m} năm` };
const reachedColumn = { title: 'Ngày đủ tuổi đảng', dataIndex: 'reachedOn', width: 140, render: (d: string) => formatDate(d) };

export function BadgesPage() {
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const upcoming = useMemo(() => nextAnniversaries(today, 4), [today]);
  const raw = params.get('anniversary');
  // A list is asked for a presentation day only (the server refuses any other date in the same words).
  const refusal = raw ? (isIsoDate(raw) ? anniversaryRefusal(raw) : `«${raw}» không phải một ngày hợp lệ (DD/MM/YYYY).`) : null;
  const anniversary = raw && !refusal ? raw : (upcoming[0] ?? today);
  const orgId = params.get('orgId') || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useBadgeList({ anniversary, orgId, page, pageSize: PAGE_SIZE }, !refusal);

  const set = (key: 'anniversary' | 'orgId' | 'page', value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        // Another anniversary or organisation is another list: back to its first page.
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );

  const options = (upcoming.includes(anniversary) ? upcoming : [anniversary, ...upcoming]).map((d) => ({ value: d, label: formatDate(d) }));
  const selected = refusal ? undefined : anniversary;
  const due = list.data?.due ?? [];
  const overdue = list.data?.reachedNeverAwarded ?? [];
  const overdueTotal = list.data?.reachedNeverAwardedTotal ?? 0;
  const eligible = due.filter((d) => d.eligible).length;
  const shownAnniversary = list.data?.anniversary ?? anniversary;
  /** "(91)", or "(…)" until the first answer: a province takes a moment, and 0 would be a wrong answer meanwhile. */
  const count = (n: number) => (list.data ? `(${formatCount(n)})` : '(…)');

  const dueColumns: TableColumnsType<BadgeDueItem> = [
    { title: 'Họ và tên', dataIndex: 'fullName', render: (v: string, d) => <MemberLink id={d.memberId} name={v} /> },
    { title: 'Chi bộ', dataIndex: 'orgName', render: (v: string) => v || '—', sorter: byVietnamese((d: BadgeDueItem) => d.orgName) },
    { ...milestoneColumn, sorter: (a: BadgeDueItem, b: BadgeDueItem) => a.milestone - b.milestone },
    reachedColumn,
    { title: 'Xét tặng', key: 'eligible', width: 320, render: (_v, d) => <EligibilityCell item={d} /> },
  ];
  const overdueColumns: TableColumnsType<BadgeOverdueItem> = [
    { title: 'Họ và tên', dataIndex: 'fullName', render: (v: string, d) => <MemberLink id={d.memberId} name={v} /> },
    { title: 'Chi bộ', dataIndex: 'orgName', render: (v: string) => v || '—' },
    milestoneColumn,
    reachedColumn,
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Huy hiệu Đảng
      </Typography.Title>
      <Form layout="vertical" component="div" data-testid="badges-filters">
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item label="Dịp trao Huy hiệu" style={{ marginBottom: 0 }} tooltip="Huy hiệu Đảng được trao vào các dịp 03/02, 19/05, 02/09 và 07/11.">
              <Select
                value={selected}
                placeholder="Chọn dịp"
                options={options}
                onChange={(v: string) => set('anniversary', v)}
                data-testid="badges-anniversary"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Tổ chức đảng" tooltip="Đảng viên của tổ chức này và các tổ chức trực thuộc." style={{ marginBottom: 0 }}>
              <OrgSelect
                value={orgId}
                onChange={(v) => set('orgId', typeof v === 'string' ? v : undefined)}
                placeholder="Tất cả tổ chức trong phạm vi"
                data-testid="badges-org"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} style={{ display: 'flex', alignItems: 'flex-end' }}>
            <Button
              disabled={Boolean(refusal)}
              icon={<DownloadOutlined />}
              href={apiUrl('/badges/export.xlsx', { anniversary, orgId })}
              download
              data-testid="badges-export"
            >
              Xuất Excel
            </Button>
          </Col>
        </Row>
      </Form>
      {refusal ? (
        <Alert type="error" showIcon title={refusal} description="Chọn một dịp trao Huy hiệu trong danh sách." data-testid="badges-refusal" />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Card
            size="small"
            title={
              <span data-testid="badges-due-title">
                Đến dịp {formatDate(shownAnniversary)} đủ tuổi đảng nhận Huy hiệu {count(due.length)}
              </span>
            }
            extra={list.data && <Typography.Text type="secondary">{formatCount(eligible)} đủ điều kiện</Typography.Text>}
          >
            <Table<BadgeDueItem>
              rowKey="memberId"
              size="small"
              columns={dueColumns}
              dataSource={due}
              loading={list.isFetching}
              data-testid="badges-due"
              pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => `${formatCount(total)} đảng viên` }}
              locale={{ emptyText: 'Không có đảng viên nào đủ mốc tuổi đảng vào dịp này' }}
            />
          </Card>
          <Card size="small" title={<span data-testid="badges-overdue-title">Đã đủ mốc nhưng chưa được trao {count(overdueTotal)}</span>}>
            <Table<BadgeOverdueItem>
              rowKey="memberId"
              size="small"
              columns={overdueColumns}
              dataSource={overdue}
              loading={list.isFetching}
              data-testid="badges-overdue"
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: overdueTotal,
                hideOnSinglePage: true,
                showSizeChanger: false,
                showTotal: (total) => `${formatCount(total)} đảng viên`,
                onChange: (p) => set('page', p > 1 ? String(p) : undefined),
              }}
              locale={{ emptyText: 'Không có đảng viên nào đã đủ mốc mà chưa được trao' }}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
