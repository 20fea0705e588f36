/**
 * One organisation as of the chosen date: its place in the tree, status, counts, size warnings, the
 * organisations under it, its history, and (for editors) the actions that change it.
 */
import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useOrgPage, useOrgPermissions } from '../api/hooks.ts';
import type { OrgDetail, OrgSummary } from '../../contract/orgs.ts';
import { useAsOf, useAsOfLink } from '../app/asOf.ts';
import { useCurrentUser } from '../app/auth.tsx';
import { OrgActions } from '../components/org/OrgActions.tsx';
import { OrgHistory } from '../components/org/OrgHistory.tsx';
import { OrgTable } from '../components/OrgTable.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { OrgStatusTag } from '../components/Tags.tsx';
import { formatDate } from '../lib/dates.ts';
import { formatCount } from '../lib/labels.ts';
import { orderedAncestors } from '../lib/orgs.ts';

function OrgBreadcrumb({ org }: { org: OrgDetail }) {
  const link = useAsOfLink();
  const ancestors = orderedAncestors(org.ancestors, org.parentId);
  return (
    <Breadcrumb
      data-testid="org-breadcrumb"
      items={[...ancestors.map((a) => ({ key: a.id, title: <Link to={link(`/orgs/${a.id}`)}>{a.name}</Link> })), { key: org.id, title: org.name }]}
    />
  );
}

function OrgFacts({ org }: { org: OrgDetail }) {
  const link = useAsOfLink();
  const parent = org.ancestors.find((a) => a.id === org.parentId);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="org-facts"
      items={[
        { key: 'kind', label: 'Loại tổ chức', children: org.kindName },
        { key: 'sector', label: 'Loại hình', children: org.sectorName ?? '—' },
        { key: 'code', label: 'Mã tổ chức', children: org.code ?? '—' },
        {
          key: 'parent',
          label: 'Cấp trên trực tiếp',
          children: parent ? (
            <Link to={link(`/orgs/${parent.id}`)} data-testid="org-parent-link">
              {parent.name}
            </Link>
          ) : (
            '—'
          ),
        },
        { key: 'established', label: 'Ngày thành lập', children: formatDate(org.establishedOn) || '—' },
        { key: 'status', label: 'Trạng thái', children: <OrgStatusTag org={org} /> },
        ...(org.status === 'ended' && org.endReason ? [{ key: 'endReason', label: 'Lý do kết thúc', children: org.endReason }] : []),
        { key: 'validFrom', label: 'Thông tin hiện tại áp dụng từ', children: formatDate(org.validFrom) },
        { key: 'asOf', label: 'Số liệu tính tại ngày', children: formatDate(org.asOf) },
        {
          key: 'id',
          label: 'Mã định danh',
          // May be given to an organisation that transfers a member here (the transfer form also finds it by name).
          children: (
            <Typography.Text copyable={{ text: org.id, tooltips: ['Sao chép mã', 'Đã sao chép'] }} className="hn-mono" data-testid="org-id">
              {org.id}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

function OrgCounts({ org }: { org: OrgDetail }) {
  const link = useAsOfLink();
  const { official, probationary } = org.memberCount;
  const cells = [
    { key: 'official', title: 'Đảng viên chính thức', value: official },
    { key: 'probationary', title: 'Đảng viên dự bị', value: probationary },
    { key: 'total', title: 'Tổng số đảng viên', value: official + probationary },
    { key: 'children', title: 'Tổ chức trực thuộc', value: org.childCount },
  ];
  return (
    <Row gutter={12}>
      {cells.map((c) => (
        <Col xs={12} md={6} key={c.key}>
          <Card size="small">
            <Statistic title={c.title} value={c.value} formatter={(v) => formatCount(Number(v))} data-testid={`org-count-${c.key}`} />
            {c.key === 'total' && (
              <Link to={link(`/members?orgId=${org.id}`)} data-testid="org-members-link">
                Danh sách đảng viên
              </Link>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function OrgChildren({ items }: { items: OrgSummary[] }) {
  return <OrgTable items={items} testId="org-children" />;
}

export function OrgPage() {
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const me = useCurrentUser();
  // One request for the organisation, its sub-organisations and their counts (GET /api/orgs/:id/page).
  const query = useOrgPage(id, asOf);
  const permissions = useOrgPermissions(me.can.editOrgs ? id : undefined);

  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { org, children } = query.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <OrgBreadcrumb org={org} />
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="org-title">
          {org.name}
        </Typography.Title>
        <Typography.Text type="secondary">
          {org.kindName}
          {org.sectorName ? ` · ${org.sectorName}` : ''}
        </Typography.Text>
      </div>
      {me.can.editOrgs && permissions.data && <OrgActions org={org} permissions={permissions.data} />}
      {org.warnings.map((w) => (
        <Alert key={w.code} type={w.severity === 'warning' ? 'warning' : 'info'} showIcon title={w.message} data-testid={`org-warning-${w.code}`} />
      ))}
      <Card size="small">
        <OrgFacts org={org} />
      </Card>
      <OrgCounts org={org} />
      <Tabs
        defaultActiveKey="children"
        items={[
          {
            key: 'children',
            label: <span data-testid="tab-children">Tổ chức trực thuộc ({formatCount(org.childCount)})</span>,
            children: <OrgChildren items={children} />,
          },
          {
            key: 'history',
            label: <span data-testid="tab-history">Lịch sử</span>,
            children: <OrgHistory orgId={org.id} />,
          },
        ]}
      />
    </Space>
  );
}
