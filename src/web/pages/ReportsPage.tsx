/**
 * «Báo cáo» (issue 14 part 8): the standard tables of an organisation's subtree (any organisation in scope) for a
 * date or a period (a month, Q1, 6 months, 9 months, a year, a term, any two dates), beside the same date or period a
 * year earlier and, on demand, broken down by the organisations directly below. Every number opens the list behind
 * it. The export and the submission are offered to who may do them (docs/modules/web-reports.md).
 *
 * Everything the page shows is in the URL (organisation, period, comparison, breakdown, table), so a report can be
 * shared, reloaded, and reached from the dashboard.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Select, Space, Spin, Switch, Tabs, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useOrgRoots } from '../api/hooks.ts';
import { useReport, type ReportParams } from '../api/reports.ts';
import { DateInput } from '../components/DateInput.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { ReportTableView } from '../components/reports/ReportTableView.tsx';
import { ReportActions } from '../components/reports/ReportActions.tsx';
import { formatDate, fromIso, todayIso, toIso } from '../lib/dates.ts';
import { PERIOD_CHOICE_KINDS, periodChoiceParams, periodQuery, readPeriodChoice, type PeriodChoice } from '../lib/report-period.ts';
import { REPORT_PERIOD_LABELS } from '../../domain/report-periods.ts';

const KIND_OPTIONS = PERIOD_CHOICE_KINDS.map((k) => ({ value: k, label: k === 'date' ? 'Tại một ngày' : REPORT_PERIOD_LABELS[k] }));
const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `Tháng ${i + 1}` }));

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (c: PeriodChoice) => void }) {
  const set = (patch: Partial<PeriodChoice>) => onChange({ ...value, ...patch });
  const date = (key: 'date' | 'from' | 'to', label: string) => (
    <Field label={label}>
      <DateInput
        testId={`report-${key}`}
        value={fromIso(value[key]) ?? null}
        allowClear={false}
        onChange={(d) => d && d.isValid() && set({ [key]: toIso(d) })}
        style={{ width: 140 }}
      />
    </Field>
  );
  return (
    <Space wrap align="end">
      <Field label="Kỳ báo cáo">
        <Select value={value.kind} options={KIND_OPTIONS} onChange={(kind) => set({ kind })} style={{ width: 160 }} data-testid="report-period" />
      </Field>
      {value.kind === 'date' && date('date', 'Ngày')}
      {value.kind === 'range' && (
        <>
          {date('from', 'Từ ngày')}
          {date('to', 'Đến ngày')}
        </>
      )}
      {value.kind === 'month' && (
        <Field label="Tháng">
          <Select value={value.month} options={MONTH_OPTIONS} onChange={(month) => set({ month })} style={{ width: 110 }} data-testid="report-month" />
        </Field>
      )}
      {value.kind !== 'date' && value.kind !== 'range' && (
        <Field label={value.kind === 'term' ? 'Năm đầu nhiệm kỳ' : 'Năm'}>
          <InputNumber
            value={value.year}
            min={1930}
            max={Number(todayIso().slice(0, 4)) + 1}
            controls
            onChange={(year) => typeof year === 'number' && set({ year })}
            style={{ width: 100 }}
            data-testid="report-year"
          />
        </Field>
      )}
    </Space>
  );
}

export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const roots = useOrgRoots(today);
  const orgId = params.get('orgId') || roots.data?.items[0]?.id;
  const choice = readPeriodChoice(params, today);
  const compare = params.get('compare') === '1';
  const breakdown = params.get('breakdown') === '1';
  const query: ReportParams | null = useMemo(
    () => (orgId ? { orgId, ...periodQuery(choice), compare: compare || undefined, breakdown: breakdown ? 'children' : undefined } : null),
    // The choice is rebuilt from the URL on every render: its fields, not its identity, are the dependencies.
    [orgId, choice.kind, choice.year, choice.month, choice.date, choice.from, choice.to, compare, breakdown],
  );
  const report = useReport(query);

  const update = (patch: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  const setChoice = (c: PeriodChoice) => update({ period: null, year: null, month: null, date: null, from: null, to: null, ...periodChoiceParams(c) });

  const data = report.data;
  const tableKey = params.get('table') ?? data?.tables[0]?.key;
  const scope = data?.scope;
  const span = scope ? (scope.from && scope.to ? `từ ${formatDate(scope.from)} đến ${formatDate(scope.to)}` : `tại ngày ${formatDate(scope.asOf)}`) : '';
  const previous = scope?.previous
    ? scope.previous.from && scope.previous.to
      ? `cùng kỳ năm trước: ${formatDate(scope.previous.from)} – ${formatDate(scope.previous.to)}`
      : `cùng ngày năm trước: ${formatDate(scope.previous.asOf)}`
    : null;

  return (
    <Card title="Báo cáo thống kê" data-testid="reports-page">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap align="end">
          <Field label="Tổ chức">
            <div style={{ width: 300, maxWidth: 'calc(100vw - 64px)' }}>
              <OrgSelect value={orgId} onChange={(v) => typeof v === 'string' && v && update({ orgId: v })} data-testid="report-org" />
            </div>
          </Field>
          <PeriodPicker value={choice} onChange={setChoice} />
          <Field label="So sánh cùng kỳ">
            <Switch checked={compare} onChange={(on) => update({ compare: on ? '1' : null })} data-testid="report-compare" />
          </Field>
          <Field label="Chia theo tổ chức trực thuộc">
            <Switch checked={breakdown} onChange={(on) => update({ breakdown: on ? '1' : null })} data-testid="report-breakdown" />
          </Field>
          <Button icon={<ReloadOutlined />} onClick={() => void report.refetch()} loading={report.isFetching} data-testid="report-refresh">
            Tính lại
          </Button>
        </Space>
        {query && <ReportActions query={query} />}
        {report.isPending && query && <Spin style={{ display: 'block', margin: 48 }} />}
        {report.isError && <QueryError error={report.error} onRetry={() => void report.refetch()} />}
        {!orgId && roots.data && <Alert type="info" showIcon message="Chọn một tổ chức đảng để xem báo cáo." />}
        {data && (
          <>
            <Typography.Text data-testid="report-scope">
              <b>{data.scope.org.name}</b> — số liệu {span}
              {previous ? `; ${previous}` : ''}
            </Typography.Text>
            <Tabs
              activeKey={tableKey}
              onChange={(table) => update({ table })}
              data-testid="report-tabs"
              items={data.tables.map((t) => ({
                key: t.key,
                label: <span data-testid={`report-tab-${t.key}`}>{t.title}</span>,
                children: <ReportTableView table={t} compare={compare} />,
              }))}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
