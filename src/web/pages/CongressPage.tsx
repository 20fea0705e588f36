/**
 * «Đại hội»: the rounds of congresses the user sees; for one round, its summary ("Đã tổ chức đại hội 51.985/52.105
 * TCCSĐ") on a date, the organisations due in its window (from their last congress and the rules on terms) with the
 * congress held and the progress of their preparation checklist; the drill-down lists exactly the organisations
 * counted; a row opens that organisation's checklist.
 */
import { Button, Card, Drawer, Empty, Form, Input, Progress, Segmented, Select, Space, Statistic, Switch, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatCount } from '../../domain/numbers.ts';
import { usePrep, useRound, useRounds, useSavePrep, type PrepResponse, type RoundResponse } from '../api/congress.ts';
import { RoundModal } from '../components/congress/CongressForms.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, fromIso, isInvalidDateValue, toIso, validDate } from '../lib/dates.ts';

type Row = RoundResponse['items'][number];

export function CongressPage() {
  const [params, setParams] = useSearchParams();
  const rounds = useRounds();
  const roundId = params.get('roundId') ?? rounds.data?.items[0]?.id;
  const [asOf, setAsOf] = useState<string | undefined>();
  const [state, setState] = useState<'all' | 'held' | 'pending'>('all');
  const [grassrootsOnly, setGrassrootsOnly] = useState(false);
  const [adding, setAdding] = useState(false);
  const [prepOrg, setPrepOrg] = useState<string | null>(null);
  const round = useRound(roundId, { asOf, state, grassrootsOnly });
  const r = round.data;
  const columns: TableColumnsType<Row> = [
    { title: 'Tổ chức', dataIndex: 'orgName', render: (n: string, x) => <a onClick={() => setPrepOrg(x.orgId)}>{n}</a> },
    { title: 'Loại', dataIndex: 'kindName', width: 140, responsive: ['md'] },
    { title: 'Đại hội trước', dataIndex: 'lastCongressOn', width: 120, render: (d: string) => formatDate(d) },
    { title: 'Đến kỳ', dataIndex: 'dueOn', width: 110, render: (d: string) => formatDate(d) },
    { title: 'Đã đại hội', dataIndex: 'heldOn', width: 120, render: (d: string | null) => (d ? <Tag color="green">{formatDate(d)}</Tag> : <Tag>Chưa</Tag>) },
    {
      title: 'Chuẩn bị',
      key: 'prep',
      width: 150,
      render: (_, x) => <Progress percent={x.total ? Math.round((100 * x.done) / x.total) : 0} size="small" format={() => `${x.done}/${x.total}`} />,
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="Đại hội"
        extra={
          <Button type="primary" onClick={() => setAdding(true)} data-testid="round-add">
            Mở đợt đại hội
          </Button>
        }
      >
        {rounds.isError ? (
          <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />
        ) : (rounds.data?.items.length ?? 0) === 0 ? (
          <Empty description="Chưa có đợt đại hội nào" />
        ) : (
          <Space wrap>
            <Select
              style={{ width: 360, maxWidth: '100%' }}
              value={roundId}
              onChange={(v) => setParams({ roundId: v }, { replace: true })}
              options={(rounds.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.title} (${formatDate(x.fromOn)}–${formatDate(x.toOn)})` }))}
              data-testid="round-select"
            />
            <span>Tính đến ngày</span>
            <DateInput
              testId="round-as-of"
              value={fromIso(asOf ?? r?.summary.asOf) ?? null}
              allowClear={false}
              onChange={(v) => {
                if (v && !isInvalidDateValue(v)) setAsOf(toIso(v));
              }}
              style={{ width: 160 }}
            />
          </Space>
        )}
      </Card>
      {roundId && round.isError && <QueryError error={round.error} onRetry={() => void round.refetch()} />}
      {r && (
        <Card title={`${r.round.title} — ${r.underOrgName}`} size="small">
          <Space wrap size="large" style={{ marginBottom: 12 }}>
            <Statistic
              title={`Kết quả tính đến ${formatDate(r.summary.asOf)}`}
              value={r.summary.text}
              styles={{ content: { fontSize: 18 } }}
              data-testid="round-summary"
            />
            <Statistic
              title="Tổ chức đến kỳ đại hội (mọi cấp)"
              value={`${formatCount(r.summary.held)}/${formatCount(r.summary.due)}`}
              styles={{ content: { fontSize: 18 } }}
            />
            {r.summary.withoutTerm > 0 && (
              <Statistic title="Chưa có dữ liệu nhiệm kỳ" value={formatCount(r.summary.withoutTerm)} styles={{ content: { fontSize: 18 } }} />
            )}
          </Space>
          <Space wrap style={{ marginBottom: 12 }}>
            <Segmented
              value={state}
              onChange={(v) => setState(v as typeof state)}
              options={[
                { value: 'all', label: 'Tất cả' },
                { value: 'held', label: 'Đã đại hội' },
                { value: 'pending', label: 'Chưa đại hội' },
              ]}
              data-testid="round-state"
            />
            <Space>
              <Switch checked={grassrootsOnly} onChange={setGrassrootsOnly} data-testid="round-grassroots" />
              <span>Chỉ TCCSĐ</span>
            </Space>
          </Space>
          <Table<Row>
            rowKey="orgId"
            size="small"
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={r.items}
            loading={round.isFetching}
            data-testid="round-table"
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `${formatCount(n)} tổ chức` }}
            locale={{ emptyText: 'Không có tổ chức nào' }}
          />
        </Card>
      )}
      <RoundModal
        open={adding}
        onClose={(id) => {
          setAdding(false);
          if (id) setParams({ roundId: id }, { replace: true });
        }}
      />
      <Drawer open={prepOrg !== null} onClose={() => setPrepOrg(null)} title="Chuẩn bị đại hội" size={640} destroyOnHidden>
        {roundId && prepOrg && <PrepForm roundId={roundId} orgId={prepOrg} />}
      </Drawer>
    </Space>
  );
}

type PrepValues = Record<string, { plannedOn?: Dayjs | null; doneOn?: Dayjs | null; note?: string }>;

function PrepForm({ roundId, orgId }: { roundId: string; orgId: string }) {
  const prep = usePrep(roundId, orgId);
  const save = useSavePrep(roundId, orgId);
  const [form] = Form.useForm<PrepValues>();
  if (prep.isError) return <QueryError error={prep.error} onRetry={() => void prep.refetch()} />;
  const p: PrepResponse | undefined = prep.data;
  if (!p) return null;
  const initial = Object.fromEntries(
    p.items.map((i) => [i.key, { plannedOn: fromIso(i.plannedOn) ?? null, doneOn: fromIso(i.doneOn) ?? null, note: i.note ?? '' }]),
  );
  return (
    <Form<PrepValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={!p.canEdit}
      data-testid="prep-form"
      onFinish={(v) =>
        void save.mutateAsync({
          items: p.items.map((i) => ({
            key: i.key,
            plannedOn: v[i.key]?.plannedOn ? toIso(v[i.key]!.plannedOn!) : null,
            doneOn: v[i.key]?.doneOn ? toIso(v[i.key]!.doneOn!) : null,
            note: v[i.key]?.note ?? null,
          })),
        })
      }
    >
      <p>
        <b>{p.orgName}</b>: đã hoàn thành {p.done}/{p.total} việc
      </p>
      {p.items.map((i) => (
        <Card key={i.key} size="small" title={`${i.groupLabel}: ${i.label}`} style={{ marginBottom: 8 }}>
          <Space wrap>
            <Form.Item name={[i.key, 'plannedOn']} label="Dự kiến" rules={[validDate]} style={{ marginBottom: 0 }}>
              <DateInput testId={`prep-${i.key}-planned`} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name={[i.key, 'doneOn']} label="Hoàn thành" rules={[validDate]} style={{ marginBottom: 0 }}>
              <DateInput testId={`prep-${i.key}-done`} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name={[i.key, 'note']} label="Ghi chú" style={{ marginBottom: 0 }}>
              <Input maxLength={1000} style={{ width: 220 }} />
            </Form.Item>
          </Space>
        </Card>
      ))}
      {p.canEdit && (
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="prep-save">
          Lưu
        </Button>
      )}
      {save.isError && <QueryError error={save.error} />}
    </Form>
  );
}
