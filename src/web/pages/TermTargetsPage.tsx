/**
 * «Chỉ tiêu nhiệm kỳ» (issue 17 part 6): the targets of a term's congress resolution, each with its year-by-year
 * table (the actual figure, the cumulative figure, whether it reaches the target, the pace needed), the flag when the
 * target is at risk on the current trend with the reason in words, every actual figure a link to the list or the
 * report behind it. The computations are the server's (src/domain/term-targets.ts).
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { TermTarget } from '../../contract/congress.targets.ts';
import { useOrgRoots } from '../api/hooks.ts';
import { useAddTarget, useOrgTerms, useSetActuals, useTermTargets } from '../api/congress.targets.ts';
import { FormModal } from '../components/FormModal.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { drillDownPath } from '../components/reports/ReportTableView.tsx';
import { formatDate, todayIso } from '../lib/dates.ts';
import { formatCount, formatNumber, formatPercent } from '../lib/labels.ts';

const STATUS_COLORS: Record<TermTarget['status'], string> = { reached: 'green', on_track: 'blue', at_risk: 'red', missed: 'volcano', no_data: 'default' };

const figure = (v: number | null, unit: TermTarget['unit']) => (v === null ? '—' : unit === 'percent' ? formatPercent(v) : formatCount(Math.round(v)));

/** Where a year's figure leads: the list behind it, else the report table it is read from. */
function figureHref(y: TermTarget['years'][number], orgId: string): string | null {
  if (y.link) return drillDownPath(y.link);
  if (!y.report) return null;
  const q = y.report.query;
  const period = q.toYear && !q.fromYear ? { period: 'year', year: q.toYear } : { period: 'term', year: q.fromYear ?? '' };
  return `/reports?${new URLSearchParams({ orgId, table: y.report.table, ...period })}`;
}

function TargetCard({ target, orgId, canEdit, onEnter }: { target: TermTarget; orgId: string; canEdit: boolean; onEnter: () => void }) {
  const cumulative = target.kind === 'cumulative';
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`target-${target.seq}`}
      title={
        <Space wrap>
          <span>
            {target.seq}. {target.title}
          </span>
          <Tag>Chỉ tiêu: {target.targetText}</Tag>
          <Tag color={STATUS_COLORS[target.status]} data-testid={`target-${target.seq}-status`}>
            {target.statusLabel}
          </Tag>
        </Space>
      }
      extra={
        canEdit && target.metric === 'manual' ? (
          <Button size="small" onClick={onEnter} data-testid={`target-${target.seq}-enter`}>
            Nhập số liệu
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {target.metricLabel}
        {target.note ? ` — ${target.note}` : ''}
      </Typography.Paragraph>
      <Alert
        type={target.atRisk || target.status === 'missed' ? 'error' : target.status === 'no_data' ? 'info' : 'success'}
        showIcon
        title={target.reason}
        style={{ marginBottom: 8 }}
        data-testid={`target-${target.seq}-reason`}
      />
      <Table
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={target.years}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'Năm', dataIndex: 'year', render: (y: number, r) => (r.partial ? `${y} (đến nay)` : String(y)) },
          {
            title: 'Thực hiện',
            dataIndex: 'actual',
            render: (v: number | null, r) => {
              const href = v === null ? null : figureHref(r, orgId);
              const text = figure(v, target.unit);
              return href ? (
                <Link to={href} data-testid={`target-${target.seq}-actual-${r.year}`}>
                  {text}
                </Link>
              ) : (
                <span data-testid={`target-${target.seq}-actual-${r.year}`}>{text}</span>
              );
            },
          },
          ...(cumulative ? [{ title: 'Lũy kế', dataIndex: 'cumulative', render: (v: number | null) => figure(v, target.unit) }] : []),
          {
            title: 'So với chỉ tiêu',
            dataIndex: 'meets',
            render: (m: boolean | null) => (m === null ? '—' : m ? <Tag color="green">Đạt</Tag> : <Tag color="red">Chưa đạt</Tag>),
          },
          {
            title: cumulative ? 'Cần bình quân mỗi năm còn lại' : 'Cần đạt mỗi năm còn lại',
            dataIndex: 'neededPerYear',
            render: (v: number | null) => (v === null ? '—' : target.unit === 'percent' ? formatPercent(v) : formatNumber(Math.ceil(v), 0)),
          },
        ]}
      />
    </Card>
  );
}

interface NewTarget {
  title: string;
  metric: TermTarget['metric'];
  kind?: TermTarget['kind'];
  unit?: TermTarget['unit'];
  low: number;
  high?: number | null;
  note?: string;
}

function TermTargets({ termId, orgId }: { termId: string; orgId: string }) {
  const page = useTermTargets(termId);
  const add = useAddTarget(termId);
  const setActuals = useSetActuals(termId);
  const [adding, setAdding] = useState(false);
  const [entering, setEntering] = useState<TermTarget | null>(null);
  const [metric, setMetric] = useState<TermTarget['metric']>('orgs_excellent_share');
  if (page.isError) return <QueryError error={page.error} onRetry={() => void page.refetch()} />;
  const p = page.data;
  if (!p) return null;
  const thisYear = Number(p.asOf.slice(0, 4));
  const enterYears = entering ? Array.from({ length: Math.min(p.term.toYear, thisYear) - p.term.fromYear + 1 }, (_, i) => p.term.fromYear + i) : [];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>
          Nhiệm kỳ {p.term.label}, đại hội ngày {formatDate(p.term.congressOn)}; số liệu tính đến ngày {formatDate(p.asOf)}.
        </Typography.Text>
        {p.canEdit && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="target-add">
            Thêm chỉ tiêu
          </Button>
        )}
      </Space>
      {p.targets.length === 0 && <Empty description="Nhiệm kỳ này chưa có chỉ tiêu." />}
      {p.targets.map((t) => (
        <TargetCard key={t.id} target={t} orgId={orgId} canEdit={p.canEdit} onEnter={() => setEntering(t)} />
      ))}
      <FormModal<NewTarget>
        open={adding}
        title="Thêm chỉ tiêu của nghị quyết đại hội"
        submitText="Lưu"
        onCancel={() => setAdding(false)}
        initialValues={{ metric: 'orgs_excellent_share' }}
        onSubmit={async (v) => {
          const manual = v.metric === 'manual';
          await add.mutateAsync({
            title: v.title,
            metric: v.metric,
            low: v.low,
            high: v.high ?? null,
            note: v.note || null,
            ...(manual ? { kind: v.kind, unit: v.unit } : {}),
          });
          setAdding(false);
        }}
        testId="target-form"
      >
        <Form.Item name="title" label="Chỉ tiêu (theo nghị quyết)" rules={[{ required: true, message: 'Vui lòng nhập nội dung chỉ tiêu.' }]}>
          <Input maxLength={300} data-testid="target-title" />
        </Form.Item>
        <Form.Item name="metric" label="Theo dõi bằng">
          <Select
            data-testid="target-metric"
            onChange={(m: TermTarget['metric']) => setMetric(m)}
            options={p.metrics.map((m) => ({ value: m.key, label: m.label }))}
          />
        </Form.Item>
        {metric === 'manual' && (
          <Space wrap>
            <Form.Item name="kind" label="Loại" rules={[{ required: true, message: 'Vui lòng chọn loại chỉ tiêu.' }]}>
              <Select
                style={{ width: 220 }}
                options={[
                  { value: 'share', label: 'Tỷ lệ hằng năm' },
                  { value: 'cumulative', label: 'Cộng dồn cả nhiệm kỳ' },
                ]}
              />
            </Form.Item>
            <Form.Item name="unit" label="Đơn vị" rules={[{ required: true, message: 'Vui lòng chọn đơn vị.' }]}>
              <Select
                style={{ width: 140 }}
                options={[
                  { value: 'percent', label: '%' },
                  { value: 'count', label: 'Số lượng' },
                ]}
              />
            </Form.Item>
          </Space>
        )}
        <Space wrap>
          <Form.Item name="low" label="Từ (hoặc giá trị)" rules={[{ required: true, message: 'Vui lòng nhập chỉ tiêu.' }]}>
            <InputNumber min={0} decimalSeparator="," data-testid="target-low" />
          </Form.Item>
          <Form.Item name="high" label="Đến (nếu là khoảng)">
            <InputNumber min={0} decimalSeparator="," data-testid="target-high" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </FormModal>
      <FormModal<Record<string, number | null | undefined>>
        open={entering !== null}
        title={`Số liệu thực hiện: ${entering?.title ?? ''}`}
        submitText="Lưu"
        onCancel={() => setEntering(null)}
        initialValues={Object.fromEntries((entering?.years ?? []).map((y) => [`y${y.year}`, y.actual]))}
        onSubmit={async (v) => {
          await setActuals.mutateAsync({
            id: entering!.id,
            body: { actuals: enterYears.map((year) => ({ year, value: v[`y${year}`] ?? null })) },
          });
          setEntering(null);
        }}
        testId="actuals-form"
      >
        {enterYears.map((y) => (
          <Form.Item key={y} name={`y${y}`} label={`Năm ${y}`}>
            <InputNumber min={0} decimalSeparator="," data-testid={`actual-${y}`} />
          </Form.Item>
        ))}
      </FormModal>
    </>
  );
}

export function TermTargetsPage() {
  const roots = useOrgRoots(todayIso());
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? roots.data?.items[0]?.id;
  const terms = useOrgTerms(orgId);
  const thisYear = Number(todayIso().slice(0, 4));
  const items = terms.data?.items ?? [];
  const current = items.find((t) => t.fromYear <= thisYear && thisYear <= t.toYear) ?? items.at(-1);
  const termId = params.get('termId') ?? current?.id;
  const set = (patch: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch))
        if (v === null) next.delete(k);
        else next.set(k, v);
      return next;
    });
  return (
    <Card title="Chỉ tiêu nhiệm kỳ" data-testid="term-targets-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgSelect value={orgId} onChange={(v) => set({ orgId: typeof v === 'string' ? v : null, termId: null })} showPath />
        <Select
          style={{ minWidth: 200 }}
          placeholder="Nhiệm kỳ"
          value={termId}
          onChange={(v: string) => set({ termId: v })}
          options={items.map((t) => ({ value: t.id, label: `Nhiệm kỳ ${t.label}` }))}
          data-testid="term-select"
        />
      </Space>
      {terms.isError && <QueryError error={terms.error} onRetry={() => void terms.refetch()} />}
      {terms.data && items.length === 0 && <Empty description="Tổ chức này chưa có nhiệm kỳ nào được ghi nhận." />}
      {termId && orgId && <TermTargets termId={termId} orgId={orgId} />}
    </Card>
  );
}
