/**
 * Results of the annual evaluation for an organisation and its subtree: the distribution by level for members and
 * for grassroots organisations (counts and percentages), the breakdown per subordinate organisation, the shares over
 * a span of years (min–max), the organisations excellent N years in a row (commendation candidates) and the
 * consolidation list of weak organisations. Exported to Excel.
 * The distribution of the year and the shares over the span are also drawn as ECharts charts (SVG).
 */
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, InputNumber, Modal, Row, Select, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { apiUrl } from '../api/client.ts';
import {
  LEVEL_COLORS,
  useConsolidation,
  useLatestResults,
  useResultRecords,
  useResults,
  useStreaks,
  useUpdateConsolidation,
  type ConsolidationItem,
  type Distribution,
  type Level,
  type RecordsQuery,
  type Results,
} from '../api/evaluation.ts';
import { EChart, type EChartOption } from '../components/EChart.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';
import { EVALUATION_RULE_SETS, LEVEL_LABELS, streakCriterion } from '../../domain/evaluation.ts';
import { formatCount, formatPercent } from '../lib/labels.ts';

const pct = (n: number) => formatPercent(n);

/** Short names of the ratings a streak may count, as the seed reports write them. */
const STREAK_SHORT: Record<string, string> = { excellent: 'HTXSNV', tsvm: 'TSVM', tsvm_tieu_bieu: 'TSVM tiêu biểu' };

/** The ratings a streak over [fromYear, toYear] may count: excellent, and the original labels every year of the span rated with. */
function streakLabelOptions(fromYear: number, toYear: number): { value: string; label: string; short: string }[] {
  const codes = [
    'excellent',
    ...new Set(EVALUATION_RULE_SETS.flatMap((s) => (s.scheme === 'legacy' ? s.labels.org.filter((l) => l.level === 'excellent').map((l) => l.code) : []))),
  ];
  return codes
    .filter((code) => 'criterion' in streakCriterion('org', code, fromYear, toYear))
    .map((code) => {
      const found = streakCriterion('org', code, fromYear, toYear);
      const label = 'criterion' in found ? found.criterion.text : LEVEL_LABELS.excellent;
      return { value: code, label, short: STREAK_SHORT[code] ?? label };
    });
}

/** The members or organisations behind a figure, paged. */
function RecordsModal({ query, onClose, onPage }: { query: RecordsQuery | null; onClose: () => void; onPage: (p: number) => void }) {
  const records = useResultRecords(query);
  return (
    <Modal open={query !== null} title={query?.subject === 'member' ? 'Đảng viên' : 'Tổ chức cơ sở đảng'} footer={null} onCancel={onClose} width={760}>
      <Table
        rowKey="id"
        size="small"
        loading={records.isFetching}
        dataSource={records.data?.items ?? []}
        data-testid="results-records"
        pagination={{
          current: query?.page ?? 1,
          pageSize: 20,
          total: records.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: onPage,
        }}
        columns={[
          { title: query?.subject === 'member' ? 'Họ và tên' : 'Tổ chức', dataIndex: 'name' },
          { title: query?.subject === 'member' ? 'Chi bộ' : 'Cấp trên', dataIndex: 'orgName' },
          { title: 'Xếp loại (nguyên văn)', dataIndex: 'labelText' },
        ]}
      />
    </Modal>
  );
}

function DistributionTable({ d, what, testId, onOpen }: { d: Distribution; what: string; testId: string; onOpen: (level: Level) => void }) {
  return (
    <Table
      rowKey="level"
      size="small"
      pagination={false}
      data-testid={testId}
      dataSource={d.levels}
      columns={[
        { title: 'Mức xếp loại', dataIndex: 'label', render: (v: string, l) => <Tag color={LEVEL_COLORS[l.level]}>{v}</Tag> },
        {
          title: `Số ${what}`,
          dataIndex: 'count',
          width: 110,
          align: 'right',
          render: (n: number, l) =>
            n > 0 ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(l.level)} data-testid={`${testId}-open-${l.level}`}>
                {formatCount(n)}
              </Button>
            ) : (
              formatCount(n)
            ),
        },
        { title: 'Tỷ lệ', dataIndex: 'percent', width: 100, align: 'right', render: (v: number) => pct(v) },
        {
          title: '',
          key: 'bar',
          width: 160,
          render: (_v, l) => <div style={{ height: 10, width: `${l.percent}%`, backgroundColor: barColor(l.level), borderRadius: 2 }} />,
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>Tổng số</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {formatCount(d.total)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {d.total ? '100%' : ''}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} />
        </Table.Summary.Row>
      )}
    />
  );
}

function barColor(level: string): string {
  return { excellent: '#52c41a', good: '#1677ff', completed: '#faad14', not_completed: '#ff4d4f' }[level] ?? '#999';
}

/** The data points a tooltip receives, one or many (axis trigger). */
type TipParams = { seriesName?: string; marker?: unknown; dataIndex: number } | { seriesName?: string; marker?: unknown; dataIndex: number }[];
const tipList = (p: TipParams) => (Array.isArray(p) ? p : [p]);
const marker = (m: unknown) => (typeof m === 'string' ? m : '');

/** The year's distribution by level, organisations and members side by side, as percentages with the counts. */
function distributionOption(r: Results): EChartOption {
  const series = [
    { name: 'Tổ chức cơ sở đảng', d: r.orgs, color: '#1677ff' },
    { name: 'Đảng viên', d: r.members, color: '#52c41a' },
  ];
  return {
    title: { text: `Cơ cấu xếp loại năm ${r.year}`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: TipParams) => {
        const list = tipList(params);
        const i = list[0]?.dataIndex ?? 0;
        const rows = list.map((p) => {
          const d = series.find((s) => s.name === p.seriesName)?.d;
          const l = d?.levels[p.dataIndex];
          return l ? `${marker(p.marker)}${p.seriesName}: ${formatCount(l.count)} / ${formatCount(d.total)} (${pct(l.percent)})` : '';
        });
        return [r.orgs.levels[i]?.label ?? '', ...rows].join('<br/>');
      },
    },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 72 },
    xAxis: { type: 'category', data: r.orgs.levels.map((l) => l.label), axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', name: 'Tỷ lệ (%)', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      itemStyle: { color: s.color },
      data: s.d.levels.map((l) => l.percent),
      label: {
        show: true,
        position: 'top',
        formatter: (p: { dataIndex: number }) => `${formatCount(s.d.levels[p.dataIndex]?.count ?? 0)} (${pct(s.d.levels[p.dataIndex]?.percent ?? 0)})`,
        fontSize: 11,
      },
    })),
  };
}

/** Over the span: the share of excellent organisations and of members good or better, per year with results. */
function yearsOption(r: Results): EChartOption {
  const years = (r.span?.years ?? []).filter((y) => y.members.total + y.orgs.total > 0);
  const series = [
    { name: 'TCCSĐ HTXSNV', color: '#1677ff', value: (y: (typeof years)[number]) => (y.orgs.total ? y.orgs.levels[0]!.percent : null) },
    { name: 'Đảng viên HTTNV trở lên', color: '#52c41a', value: (y: (typeof years)[number]) => (y.members.total ? y.members.goodOrBetter.percent : null) },
  ];
  return {
    title: { text: `Tỷ lệ qua các năm ${years[0]?.year ?? r.year}–${r.year}`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {
      trigger: 'axis',
      formatter: (params: TipParams) => {
        const list = tipList(params);
        const y = years[list[0]?.dataIndex ?? 0];
        if (!y) return '';
        const rows = list.map((p) => {
          const v = series.find((s) => s.name === p.seriesName)?.value(y);
          return `${marker(p.marker)}${p.seriesName}: ${v == null ? '—' : pct(v)}`;
        });
        return [`Năm ${y.year}`, ...rows].join('<br/>');
      },
    },
    legend: { bottom: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 56 },
    xAxis: { type: 'category', name: 'Năm', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', name: 'Tỷ lệ (%)', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      itemStyle: { color: s.color },
      lineStyle: { color: s.color },
      connectNulls: true,
      data: years.map(s.value),
      label: { show: true, position: 'top', formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? pct(p.value) : ''), fontSize: 11 },
    })),
  };
}

export function EvaluationResultsPage() {
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const chosenOrg = params.get('orgId') || undefined;
  const chosenYear = Number(params.get('year')) || undefined;
  // Unless the address says otherwise, the page opens on the user's own organisation and its latest published year.
  const latest = useLatestResults(chosenOrg);
  const settled = chosenOrg !== undefined || !latest.isPending;
  const orgId = settled ? (chosenOrg ?? latest.data?.orgId) : undefined;
  const latestYear = latest.data && latest.data.orgId === orgId ? latest.data.year : null;
  const year = chosenYear ?? latestYear ?? thisYear;
  const waitingForYear = chosenYear === undefined && latest.isPending;
  const fromYear = Number(params.get('fromYear')) || year - 4;
  const streakYears = Number(params.get('streak')) || 3;
  // The streak counts a level, or an original pre-2018 label when every year of the span was rated with it (§8).
  const streakOptions = useMemo(() => streakLabelOptions(year - streakYears + 1, year), [year, streakYears]);
  const streakLabel = streakOptions.find((o) => o.value === params.get('streakLabel'))?.value ?? 'excellent';
  const results = useResults({ orgId: waitingForYear ? undefined : orgId, year, fromYear: Math.min(fromYear, year) });
  const streaks = useStreaks({
    orgId: waitingForYear ? undefined : orgId,
    years: streakYears,
    toYear: year,
    ...(streakLabel !== 'excellent' ? { label: streakLabel } : {}),
  });
  const consolidation = useConsolidation(orgId);
  const updateConsolidation = useUpdateConsolidation();
  const [drill, setDrill] = useState<RecordsQuery | null>(null);
  const open = (subject: 'member' | 'org', level: Level, childId?: string) => orgId && setDrill({ orgId, year, subject, level, childId, page: 1 });
  const set = (k: string, v: string | undefined) =>
    setParams(
      (prev) => {
        const n = new URLSearchParams(prev);
        if (v) n.set(k, v);
        else n.delete(k);
        return n;
      },
      { replace: true },
    );

  const r: Results | undefined = results.data;
  const distributionChart = useMemo(() => (r ? distributionOption(r) : null), [r]);
  const yearsChart = useMemo(() => (r?.span ? yearsOption(r) : null), [r]);
  const childColumns: TableColumnsType<Results['children'][number]> = [
    { title: 'Đơn vị', dataIndex: 'name' },
    { title: 'Đảng viên', key: 'mt', width: 100, align: 'right', render: (_v, c) => formatCount(c.members.total) },
    {
      title: 'ĐV HTXSNV',
      key: 'me',
      width: 120,
      align: 'right',
      render: (_v, c) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open('member', 'excellent', c.orgId)}>
          {formatCount(c.members.levels[0]!.count)} ({pct(c.members.levels[0]!.percent)})
        </Button>
      ),
    },
    { title: 'ĐV HTTNV trở lên', key: 'mg', width: 150, align: 'right', render: (_v, c) => pct(c.members.goodOrBetter.percent) },
    { title: 'TCCSĐ', key: 'ot', width: 90, align: 'right', render: (_v, c) => formatCount(c.orgs.total) },
    {
      title: 'TCCSĐ HTXSNV',
      key: 'oe',
      width: 140,
      align: 'right',
      render: (_v, c) => `${formatCount(c.orgs.levels[0]!.count)} (${pct(c.orgs.levels[0]!.percent)})`,
    },
    {
      title: 'TCCSĐ KHTNV',
      key: 'on',
      width: 120,
      align: 'right',
      render: (_v, c) =>
        c.orgs.levels[3]!.count > 0 ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open('org', 'not_completed', c.orgId)}>
            {formatCount(c.orgs.levels[3]!.count)}
          </Button>
        ) : (
          0
        ),
    },
  ];
  const consolidationColumns: TableColumnsType<ConsolidationItem> = [
    { title: 'Tổ chức', dataIndex: 'orgName' },
    { title: 'Năm', dataIndex: 'year', width: 70 },
    { title: 'Lý do', dataIndex: 'reason' },
    { title: 'Kế hoạch', dataIndex: 'plan', render: (v: string | null) => v ?? '—' },
    { title: 'Người phụ trách', dataIndex: 'responsible', render: (v: string | null) => v ?? '—' },
    { title: 'Thời hạn', dataIndex: 'deadline', width: 110, render: (v: string | null) => formatDate(v) || '—' },
    { title: 'Kết quả', dataIndex: 'outcome', render: (v: string | null) => v ?? '—' },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 150,
      render: (s: string, c) =>
        s === 'done' ? (
          <Tag color="green">Đã củng cố</Tag>
        ) : (
          <Button size="small" onClick={() => updateConsolidation.mutate({ id: c.id, status: 'done' })}>
            Đánh dấu đã củng cố
          </Button>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Kết quả đánh giá, xếp loại
      </Typography.Title>
      <Form layout="vertical" component="div">
        <Row gutter={[12, 8]} align="bottom">
          <Col xs={24} md={12} xl={8}>
            <Form.Item label="Tổ chức đảng" style={{ marginBottom: 0 }}>
              <OrgSelect
                value={orgId}
                onChange={(v) => set('orgId', typeof v === 'string' ? v : undefined)}
                placeholder="Chọn tổ chức"
                data-testid="results-org"
              />
            </Form.Item>
          </Col>
          <Col xs={8} md={4} xl={2}>
            <Form.Item label="Năm" style={{ marginBottom: 0 }}>
              <InputNumber
                value={year}
                min={1990}
                max={2100}
                onChange={(v) => set('year', v ? String(v) : undefined)}
                style={{ width: '100%' }}
                data-testid="results-year"
              />
            </Form.Item>
          </Col>
          <Col xs={8} md={4} xl={2}>
            <Form.Item label="Từ năm" style={{ marginBottom: 0 }}>
              <InputNumber value={fromYear} min={1990} max={year} onChange={(v) => set('fromYear', v ? String(v) : undefined)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8} md={4} xl={3}>
            <Form.Item label="Số năm liền" style={{ marginBottom: 0 }}>
              <Select
                value={streakYears}
                onChange={(v: number) => set('streak', String(v))}
                options={[2, 3, 4, 5].map((n) => ({ value: n, label: `${n} năm liền` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} xl={9}>
            <Space wrap size={8}>
              <Button
                icon={<DownloadOutlined />}
                disabled={!orgId}
                href={orgId ? apiUrl('/evaluation/results/export.xlsx', { orgId, year, fromYear: Math.min(fromYear, year) }) : undefined}
                download
                data-testid="results-xlsx"
              >
                Xuất Excel
              </Button>
              <Button
                icon={<FileWordOutlined />}
                disabled={!orgId}
                href={
                  orgId
                    ? apiUrl('/evaluation/results/report.docx', {
                        orgId,
                        year,
                        fromYear: Math.min(fromYear, year),
                        years: streakYears,
                        ...(streakLabel !== 'excellent' ? { label: streakLabel } : {}),
                      })
                    : undefined
                }
                download
                data-testid="results-docx"
              >
                Báo cáo Word
              </Button>
            </Space>
          </Col>
        </Row>
      </Form>
      {!orgId ? (
        settled && <Typography.Text type="secondary">Chọn tổ chức đảng để xem kết quả.</Typography.Text>
      ) : results.isError ? (
        <QueryError error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        r && (
          <>
            {r.members.total + r.orgs.total === 0 && (
              <Alert
                type="info"
                showIcon
                data-testid="results-none"
                title={`Chưa có kết quả xếp loại được công bố năm ${r.year}.`}
                description={latestYear && latestYear !== r.year ? `Năm gần nhất đã công bố: ${latestYear}.` : undefined}
              />
            )}
            <Row gutter={[12, 12]}>
              <Col xs={24} sm={12} xl={6}>
                <Card size="small">
                  <Statistic title="TCCSĐ được xếp loại" value={formatCount(r.orgs.total)} data-testid="results-orgs-total" />
                </Card>
              </Col>
              <Col xs={24} sm={12} xl={6}>
                <Card size="small">
                  <Statistic
                    title="TCCSĐ hoàn thành xuất sắc nhiệm vụ"
                    value={pct(r.orgs.levels[0]!.percent)}
                    suffix={`(${formatCount(r.orgs.levels[0]!.count)})`}
                    data-testid="results-orgs-excellent"
                  />
                </Card>
              </Col>
              <Col xs={24} sm={12} xl={6}>
                <Card size="small">
                  <Statistic title="Đảng viên được xếp loại" value={formatCount(r.members.total)} data-testid="results-members-total" />
                </Card>
              </Col>
              <Col xs={24} sm={12} xl={6}>
                <Card size="small">
                  <Statistic
                    title="Đảng viên HTTNV trở lên"
                    value={pct(r.members.goodOrBetter.percent)}
                    suffix={`(${formatCount(r.members.goodOrBetter.count)})`}
                    data-testid="results-members-good"
                  />
                </Card>
              </Col>
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={12}>
                <Card size="small" title={`Tổ chức cơ sở đảng năm ${r.year}`}>
                  <DistributionTable d={r.orgs} what="TCCSĐ" testId="results-orgs" onOpen={(l) => open('org', l)} />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={`Đảng viên năm ${r.year}`}>
                  <DistributionTable d={r.members} what="đảng viên" testId="results-members" onOpen={(l) => open('member', l)} />
                </Card>
              </Col>
            </Row>
            {distributionChart && (
              <Card size="small">
                <EChart option={distributionChart} height={320} data-testid="eval-chart-distribution" />
              </Card>
            )}
            <Card size="small" title="Theo đơn vị trực thuộc">
              <Table
                rowKey="orgId"
                size="small"
                pagination={false}
                dataSource={r.children}
                columns={childColumns}
                scroll={{ x: 'max-content' }}
                data-testid="results-children"
              />
            </Card>
            {r.span && (
              <Card
                size="small"
                title={`Qua các năm ${r.span.years[0]?.year}–${r.year}`}
                extra={
                  r.span.orgsExcellent && (
                    <span data-testid="results-span">
                      TCCSĐ HTXSNV hằng năm: {pct(r.span.orgsExcellent.min)} – {pct(r.span.orgsExcellent.max)}
                    </span>
                  )
                }
              >
                {yearsChart && <EChart option={yearsChart} height={300} data-testid="eval-chart-years" />}
                <Table
                  rowKey="year"
                  size="small"
                  pagination={false}
                  dataSource={r.span.years.filter((y) => y.members.total + y.orgs.total > 0)}
                  columns={[
                    { title: 'Năm', dataIndex: 'year', width: 80 },
                    { title: 'TCCSĐ', key: 'ot', align: 'right', render: (_v, y) => formatCount(y.orgs.total) },
                    { title: 'TCCSĐ HTXSNV', key: 'oe', align: 'right', render: (_v, y) => pct(y.orgs.levels[0]!.percent) },
                    { title: 'Đảng viên', key: 'mt', align: 'right', render: (_v, y) => formatCount(y.members.total) },
                    { title: 'ĐV HTTNV trở lên', key: 'mg', align: 'right', render: (_v, y) => pct(y.members.goodOrBetter.percent) },
                  ]}
                />
              </Card>
            )}
          </>
        )
      )}
      <RecordsModal query={drill} onClose={() => setDrill(null)} onPage={(p) => setDrill((d) => (d ? { ...d, page: p } : d))} />
      {orgId && (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={8}>
            <Card
              size="small"
              title={`${streakOptions.find((o) => o.value === streakLabel)?.short ?? 'HTXSNV'} ${streakYears} năm liền (${year - streakYears + 1}–${year})`}
              extra={
                streakOptions.length > 1 && (
                  <Select
                    size="small"
                    value={streakLabel}
                    onChange={(v: string) => set('streakLabel', v === 'excellent' ? undefined : v)}
                    options={streakOptions.map((o) => ({ value: o.value, label: o.label }))}
                    style={{ minWidth: 180 }}
                    data-testid="results-streak-label"
                  />
                )
              }
            >
              <Table
                rowKey="orgId"
                size="small"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={streaks.data?.items ?? []}
                loading={streaks.isFetching}
                data-testid="results-streaks"
                locale={{ emptyText: 'Không có tổ chức nào' }}
                columns={[{ title: 'Tổ chức cơ sở đảng', dataIndex: 'name' }]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={16}>
            <Card size="small" title="Tổ chức đảng yếu kém cần củng cố">
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={consolidation.data?.items ?? []}
                columns={consolidationColumns}
                scroll={{ x: 'max-content' }}
                data-testid="results-consolidation"
                locale={{ emptyText: 'Không có tổ chức nào' }}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
