/**
 * The home page: the dashboard of the user's scope (issue 14 part 5). The figures of one organisation's subtree
 * today (by default the first of the scope; another one is picked above), each a link to the report or the list it
 * comes from, the charts of the composition and of five years, and, as before, the top organisations of the scope
 * for a user who holds more than one.
 */
import { Alert, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useOrgRoots } from '../api/hooks.ts';
import { useDashboard, type DashboardResponse } from '../api/reports.ts';
import { useAsOf, useAsOfLink } from '../app/asOf.ts';
import { useCurrentUser } from '../app/auth.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { OrgTable } from '../components/OrgTable.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';
import { byVietnamese, formatCount, formatPercent } from '../lib/labels.ts';

/** The charts carry ECharts: loaded after the figures, not with every page. */
const DashboardCharts = lazy(() => import('../components/reports/DashboardCharts.tsx').then((m) => ({ default: m.DashboardCharts })));

interface Tile {
  key: string;
  title: string;
  value: string;
  detail: ReactNode;
  to: string;
}

function tilesOf(d: DashboardResponse): Tile[] {
  const org = d.org.id;
  const a = d.admissions;
  const tiles: Tile[] = [
    {
      key: 'orgs',
      title: 'Tổ chức đảng trực thuộc',
      value: formatCount(d.orgs.total),
      detail: `trong đó ${formatCount(d.orgs.grassroots)} tổ chức cơ sở đảng`,
      to: `/reports?orgId=${org}&table=orgs-by-kind`,
    },
    {
      key: 'members',
      title: 'Đảng viên',
      value: formatCount(d.members.total),
      detail: `${formatCount(d.members.official)} chính thức, ${formatCount(d.members.probationary)} dự bị`,
      to: `/members?orgId=${org}`,
    },
    {
      key: 'admissions',
      title: `Kết nạp năm ${a.year}`,
      value: a.target === null ? formatCount(a.admitted) : `${formatCount(a.admitted)} / ${formatCount(a.target)}`,
      detail:
        a.target === null
          ? `Chưa giao chỉ tiêu; ${formatCount(a.inPipeline)} hồ sơ đang làm`
          : `đạt ${formatPercent(a.progress ?? 0, 1)} chỉ tiêu; ${formatCount(a.inPipeline)} hồ sơ đang làm`,
      to: `/admissions?tab=targets&orgId=${org}`,
    },
  ];
  if (d.ratings) {
    const r = d.ratings;
    tiles.push({
      key: 'ratings',
      title: `Xếp loại năm ${r.year}`,
      value: `${formatCount(r.orgs.excellent)} / ${formatCount(r.orgs.total)}`,
      detail: `tổ chức cơ sở HTXSNV; ${formatCount(r.members.excellent + r.members.good)} đảng viên HTTNV trở lên, ${formatCount(r.members.notCompleted)} không hoàn thành`,
      to: `/evaluation/results?orgId=${org}&year=${r.year}`,
    });
  } else {
    tiles.push({ key: 'ratings', title: 'Xếp loại', value: '—', detail: 'Chưa có kết quả đã công bố', to: `/evaluation/results?orgId=${org}` });
  }
  tiles.push(
    {
      key: 'badges',
      title: `Huy hiệu Đảng dịp ${formatDate(d.badges.anniversary)}`,
      value: formatCount(d.badges.due),
      detail: 'đảng viên đến hạn xét tặng',
      to: `/badges?orgId=${org}&anniversary=${d.badges.anniversary}`,
    },
    {
      key: 'work',
      title: 'Việc cần làm',
      value: formatCount(d.work.total),
      detail: d.work.late > 0 ? `${formatCount(d.work.late)} việc quá hạn` : 'không có việc quá hạn',
      to: '/work',
    },
    {
      key: 'consolidation',
      title: 'Tổ chức yếu kém đang củng cố',
      value: formatCount(d.consolidation.open),
      detail: d.consolidation.overdue > 0 ? `${formatCount(d.consolidation.overdue)} quá hạn củng cố` : 'không có tổ chức quá hạn',
      to: `/evaluation/results?orgId=${org}`,
    },
  );
  return tiles;
}

function Tiles({ d }: { d: DashboardResponse }) {
  const link = useAsOfLink();
  return (
    <Row gutter={[12, 12]} data-testid="dashboard-tiles">
      {tilesOf(d).map((t) => (
        <Col key={t.key} xs={12} md={8} xl={6}>
          <Link to={link(t.to)} data-testid={`dashboard-${t.key}`} style={{ display: 'block', height: '100%' }}>
            <Card size="small" hoverable style={{ height: '100%' }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t.title}
              </Typography.Text>
              <div style={{ fontSize: 24, fontWeight: 600, color: 'rgba(0,0,0,0.88)' }} data-testid={`dashboard-${t.key}-value`}>
                {t.value}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.detail}
              </Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

export function HomePage() {
  const me = useCurrentUser();
  const { asOf } = useAsOf();
  const link = useAsOfLink();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('orgId') || undefined;
  const dashboard = useDashboard(chosen);
  const roots = useOrgRoots(asOf);
  const d = dashboard.data;

  return (
    <div>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', alignItems: 'flex-start', marginBottom: 8 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">Xin chào, {me.fullName}</Typography.Text>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 0 }} data-testid="org-title">
            {d ? d.org.name : ' '}
          </Typography.Title>
          {d && (
            <Typography.Text type="secondary">
              Số liệu ngày {formatDate(d.asOf)} · <Link to={link(`/orgs/${d.org.id}`)}>Mở trang tổ chức</Link> ·{' '}
              <Link to={link(`/reports?orgId=${d.org.id}`)} data-testid="dashboard-open-report">
                Xem báo cáo
              </Link>
            </Typography.Text>
          )}
        </div>
        <div style={{ width: 320, maxWidth: '100%' }}>
          <OrgSelect
            value={chosen}
            allowClear
            placeholder="Xem tổ chức khác…"
            onChange={(v) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (typeof v === 'string' && v) next.set('orgId', v);
                  else next.delete('orgId');
                  return next;
                },
                { replace: true },
              )
            }
            data-testid="dashboard-org"
          />
        </div>
      </Space>
      {dashboard.isPending && <Spin style={{ display: 'block', margin: 48 }} />}
      {dashboard.isError && <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {d && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Tiles d={d} />
          <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
            <DashboardCharts d={d} />
          </Suspense>
          {d.composition === null && <Alert type="info" showIcon message="Cơ cấu đảng viên theo giới tính và độ tuổi có trong báo cáo «Đảng viên»." />}
        </Space>
      )}
      {roots.data && roots.data.items.length > 1 && (
        <Card title="Tổ chức thuộc phạm vi quản lý" size="small" style={{ marginTop: 12 }}>
          <OrgTable items={[...roots.data.items].sort(byVietnamese((o) => o.name))} testId="roots-table" />
        </Card>
      )}
      {roots.data && roots.data.items.length === 1 && roots.data.items[0] && chosen && chosen !== roots.data.items[0].id && (
        <Button type="link" style={{ paddingLeft: 0 }} onClick={() => setParams(new URLSearchParams(), { replace: true })}>
          Trở về tổ chức của tôi
        </Button>
      )}
    </div>
  );
}
