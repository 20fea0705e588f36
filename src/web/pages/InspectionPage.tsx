/**
 * «Kiểm tra, giám sát» (issue 15 part 7): for an organisation and a year, the plans with their progress (and their
 * items, to record a conclusion), the progress of the subtree by organisation directly below, the coverage lists
 * (đảng ủy and chi bộ that carried out none, or were the subject of none), the cases (opened one at a time, an audited
 * reveal), the discipline decisions (components/discipline) and the statistics table of the reports.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Progress, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { CaseDetail, CaseSummary, ItemView, PlanSummary } from '../../contract/inspection.ts';
import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  CASE_STATUS_LABELS,
  INSPECTION_BODY_LABELS,
  ITEM_KIND_LABELS,
  ITEM_MODE_LABELS,
  ITEM_STATUS_LABELS,
} from '../../contract/inspection.ts';
import { useMe, useOrgRoots } from '../api/hooks.ts';
import {
  inspectionApi,
  useCases,
  useCoverage,
  useCoverageList,
  useInspectionStatistics,
  useInspectionWrite,
  usePlan,
  usePlans,
  useProgress,
} from '../api/inspection.ts';
import { DateInput } from '../components/DateInput.tsx';
import { DisciplineTab } from '../components/discipline/DisciplineTab.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { ReportTableView } from '../components/reports/ReportTableView.tsx';
import { formatDate, todayIso, toIso, validDate } from '../lib/dates.ts';
import { formatCount, formatPercent } from '../lib/labels.ts';
import type { Dayjs } from 'dayjs';

const pct = (p: number | null) => (p === null ? '—' : formatPercent(p));

function PlanItems({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const plan = usePlan(planId);
  const [concluding, setConcluding] = useState<ItemView | null>(null);
  const conclude = useInspectionWrite((v: { id: string; body: unknown }) => inspectionApi.updateItem(v.id, v.body));
  return (
    <>
      <Table<ItemView>
        rowKey="id"
        size="small"
        loading={plan.isFetching}
        dataSource={plan.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="plan-items"
        columns={[
          { title: 'Loại', render: (_, i) => `${ITEM_KIND_LABELS[i.kind]} ${ITEM_MODE_LABELS[i.mode].toLowerCase()}` },
          { title: 'Đối tượng', render: (_, i) => i.subject.name },
          { title: 'Nội dung', dataIndex: 'content' },
          { title: 'Thời hạn', dataIndex: 'dueOn', render: formatDate },
          {
            title: 'Trạng thái',
            render: (_, i) => (
              <Tag color={i.status === 'concluded' ? 'green' : i.status === 'cancelled' ? 'default' : 'blue'}>{ITEM_STATUS_LABELS[i.status]}</Tag>
            ),
          },
          {
            title: '',
            render: (_, i) =>
              canEdit && i.status !== 'concluded' && i.status !== 'cancelled' ? (
                <Button size="small" onClick={() => setConcluding(i)} data-testid={`conclude-${i.id}`}>
                  Kết luận
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<{ concludedOn: Dayjs; conclusion?: string; violationFound?: boolean }>
        open={concluding !== null}
        title="Ghi kết luận"
        submitText="Lưu"
        onCancel={() => setConcluding(null)}
        onSubmit={async (v) => {
          await conclude.mutateAsync({
            id: concluding!.id,
            body: { status: 'concluded', concludedOn: toIso(v.concludedOn), conclusion: v.conclusion || undefined, violationFound: v.violationFound ?? false },
          });
          setConcluding(null);
        }}
        testId="conclude-form"
      >
        <Form.Item name="concludedOn" label="Ngày kết luận" rules={[{ required: true, message: 'Vui lòng nhập ngày kết luận.' }, validDate]}>
          <DateInput testId="conclude-date" />
        </Form.Item>
        <Form.Item name="conclusion" label="Nội dung kết luận">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="violationFound" label="Phát hiện vi phạm">
          <Select
            options={[
              { value: false, label: 'Không' },
              { value: true, label: 'Có' },
            ]}
          />
        </Form.Item>
      </FormModal>
    </>
  );
}

function PlansTab({ orgId, year, canEdit }: { orgId: string; year: number; canEdit: boolean }) {
  const plans = usePlans(orgId, year);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<PlanSummary | null>(null);
  const create = useInspectionWrite(inspectionApi.createPlan);
  const addItem = useInspectionWrite(inspectionApi.createItem);
  return (
    <>
      {canEdit && (
        <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }} data-testid="plan-create">
          Lập kế hoạch năm {year}
        </Button>
      )}
      {plans.isError && <QueryError error={plans.error} />}
      <Table<PlanSummary>
        rowKey="id"
        size="small"
        loading={plans.isFetching}
        dataSource={plans.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="plans"
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (exp, p) => setOpen(exp ? p.id : null),
          expandedRowRender: (p) => <PlanItems planId={p.id} canEdit={canEdit} />,
        }}
        columns={[
          { title: 'Tổ chức', dataIndex: 'orgName' },
          { title: 'Cơ quan', render: (_, p) => INSPECTION_BODY_LABELS[p.body] },
          { title: 'Kế hoạch', render: (_, p) => `${p.title}${p.version > 1 ? ` (điều chỉnh lần ${p.version - 1})` : ''}` },
          { title: 'Số việc', render: (_, p) => formatCount(p.progress.planned) },
          { title: 'Đã kết luận', render: (_, p) => formatCount(p.progress.concluded) },
          {
            title: 'Tiến độ',
            render: (_, p) => (
              <span data-testid={`plan-progress-${p.id}`}>
                <Progress percent={p.progress.percent ?? 0} size="small" format={() => pct(p.progress.percent)} style={{ minWidth: 140 }} />
              </span>
            ),
          },
          {
            title: '',
            render: (_, p) =>
              canEdit ? (
                <Button size="small" onClick={() => setAdding(p)}>
                  Thêm việc
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<{ body: string; title: string }>
        open={creating}
        title={`Lập kế hoạch kiểm tra, giám sát năm ${year}`}
        submitText="Lập kế hoạch"
        initialValues={{ body: 'inspection_committee', title: `Kế hoạch kiểm tra, giám sát năm ${year}` }}
        onCancel={() => setCreating(false)}
        onSubmit={async (v) => {
          await create.mutateAsync({ orgId, year, body: v.body, title: v.title });
          setCreating(false);
        }}
        testId="plan-form"
      >
        <Form.Item name="body" label="Cơ quan thực hiện" rules={[{ required: true }]}>
          <Select options={Object.entries(INSPECTION_BODY_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="Tên kế hoạch" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên kế hoạch.' }]}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
      <FormModal<{ kind: string; mode: string; subjectOrgId: string; content: string; dueOn: Dayjs; inCharge?: string }>
        open={adding !== null}
        title="Thêm việc vào kế hoạch"
        submitText="Thêm"
        initialValues={{ kind: 'inspection', mode: 'regular' }}
        onCancel={() => setAdding(null)}
        onSubmit={async (v) => {
          await addItem.mutateAsync({ ...v, planId: adding!.id, dueOn: toIso(v.dueOn), inCharge: v.inCharge || undefined });
          setAdding(null);
        }}
        testId="item-form"
      >
        <Space wrap>
          <Form.Item name="kind" label="Loại">
            <Select style={{ width: 160 }} options={Object.entries(ITEM_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="mode" label="Hình thức">
            <Select style={{ width: 160 }} options={Object.entries(ITEM_MODE_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Space>
        <Form.Item name="subjectOrgId" label="Tổ chức đảng là đối tượng" rules={[{ required: true, message: 'Vui lòng chọn tổ chức.' }]}>
          <OrgSelect showPath />
        </Form.Item>
        <Form.Item name="content" label="Nội dung" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung.' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="dueOn" label="Thời hạn" rules={[{ required: true, message: 'Vui lòng nhập thời hạn.' }, validDate]}>
          <DateInput testId="item-due" />
        </Form.Item>
        <Form.Item name="inCharge" label="Người phụ trách">
          <Input maxLength={255} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function ProgressTab({ orgId, year }: { orgId: string; year: number }) {
  const p = useProgress(orgId, year);
  if (p.isError) return <QueryError error={p.error} />;
  const t = p.data?.total;
  return (
    <>
      <Space size="large" wrap style={{ marginBottom: 16 }}>
        <Statistic title="Việc trong kế hoạch" value={t ? formatCount(t.planned) : '—'} />
        <Statistic title="Đã kết luận" value={t ? formatCount(t.concluded) : '—'} />
        <Statistic title="Hoàn thành kế hoạch" value={t ? pct(t.percent) : '—'} valueRender={(v) => <span data-testid="progress-total">{v}</span>} />
        <Statistic title="Phát sinh ngoài kế hoạch" value={t ? formatCount(t.arising) : '—'} />
      </Space>
      <Table
        rowKey="orgId"
        size="small"
        loading={p.isFetching}
        dataSource={p.data?.children ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'Tổ chức trực thuộc', dataIndex: 'name' },
          { title: 'Kế hoạch', render: (_, c) => formatCount(c.progress.planned) },
          { title: 'Đã kết luận', render: (_, c) => formatCount(c.progress.concluded) },
          { title: 'Tỷ lệ', render: (_, c) => pct(c.progress.percent) },
        ]}
      />
    </>
  );
}

function CoverageTab({ orgId, year }: { orgId: string; year: number }) {
  const c = useCoverage(orgId, year);
  const [list, setList] = useState<{ group: string; which: string; title: string } | null>(null);
  const rows = useCoverageList(list ? { orgId, year, group: list.group, which: list.which } : null);
  if (c.isError) return <QueryError error={c.error} />;
  return (
    <>
      <Space size="large" wrap>
        {(c.data?.groups ?? []).map((g) => (
          <Card key={g.group} size="small" title={g.label}>
            <Typography.Paragraph>
              Chưa thực hiện kiểm tra, giám sát:{' '}
              <a data-testid={`coverage-${g.group}-own`} onClick={() => setList({ group: g.group, which: 'without_own', title: `${g.label} chưa thực hiện` })}>
                {formatCount(g.withoutOwn)}/{formatCount(g.total)}
              </a>
            </Typography.Paragraph>
            <Typography.Paragraph>
              Chưa được kiểm tra, giám sát:{' '}
              <a onClick={() => setList({ group: g.group, which: 'without_subject', title: `${g.label} chưa được kiểm tra, giám sát` })}>
                {formatCount(g.withoutSubject)}/{formatCount(g.total)}
              </a>
            </Typography.Paragraph>
          </Card>
        ))}
      </Space>
      {list && (
        <Card size="small" title={list.title} style={{ marginTop: 16 }} data-testid="coverage-list">
          <Table
            rowKey="id"
            size="small"
            loading={rows.isFetching}
            dataSource={rows.data?.items ?? []}
            pagination={false}
            columns={[
              { title: 'Tổ chức', dataIndex: 'name' },
              { title: 'Loại', dataIndex: 'kindName' },
            ]}
          />
        </Card>
      )}
    </>
  );
}

function CasesTab({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const cases = useCases(orgId);
  const [shown, setShown] = useState<CaseDetail | null>(null);
  const [opening, setOpening] = useState(false);
  const create = useInspectionWrite(inspectionApi.createCase);
  if (cases.isError) return <Alert type="info" showIcon message="Bạn không có quyền xem vụ việc của tổ chức này." />;
  return (
    <>
      {canEdit && (
        <Button type="primary" onClick={() => setOpening(true)} style={{ marginBottom: 12 }} data-testid="case-open">
          Mở vụ việc
        </Button>
      )}
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={cases.isFetching}
        dataSource={cases.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="cases"
        columns={[
          { title: 'Ngày mở', dataIndex: 'openedOn', render: formatDate },
          { title: 'Nguồn', render: (_, c) => CASE_SOURCE_LABELS[c.source] },
          { title: 'Đối tượng', render: (_, c) => (c.subjectKind === 'member' ? 'Đảng viên' : 'Tổ chức đảng') },
          { title: 'Đơn vị giải quyết', dataIndex: 'orgName' },
          { title: 'Trạng thái', render: (_, c) => CASE_STATUS_LABELS[c.status] },
          {
            title: '',
            render: (_, c) => (
              <Button size="small" onClick={() => void inspectionApi.revealCase(c.id).then(setShown)}>
                Xem (ghi nhật ký)
              </Button>
            ),
          },
        ]}
      />
      <Modal open={shown !== null} title="Vụ việc" footer={null} onCancel={() => setShown(null)}>
        {shown && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="Đối tượng">{shown.subject.name}</Descriptions.Item>
            <Descriptions.Item label="Nội dung">{shown.summary}</Descriptions.Item>
            <Descriptions.Item label="Ngày mở">{formatDate(shown.openedOn)}</Descriptions.Item>
            <Descriptions.Item label="Kết luận">{shown.conclusion ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
      <FormModal<{ subjectMemberId: string; source: string; summary: string; openedOn: Dayjs }>
        open={opening}
        title="Mở vụ việc"
        submitText="Mở vụ việc"
        initialValues={{ source: 'complaint' }}
        onCancel={() => setOpening(false)}
        onSubmit={async (v) => {
          await create.mutateAsync({ ...v, orgId, body: 'inspection_committee', openedOn: toIso(v.openedOn) });
          setOpening(false);
        }}
        testId="case-form"
      >
        <Form.Item name="subjectMemberId" label="Mã đảng viên là đối tượng" rules={[{ required: true, message: 'Vui lòng nhập mã đảng viên.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="source" label="Nguồn">
          <Select options={CASE_SOURCES.map((value) => ({ value, label: CASE_SOURCE_LABELS[value] }))} />
        </Form.Item>
        <Form.Item name="summary" label="Dấu hiệu vi phạm" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung.' }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="openedOn" label="Ngày mở" rules={[{ required: true, message: 'Vui lòng nhập ngày mở.' }, validDate]}>
          <DateInput testId="case-opened" />
        </Form.Item>
      </FormModal>
    </>
  );
}

function StatisticsTab({ orgId, year }: { orgId: string; year: number }) {
  const [kind, setKind] = useState<'12' | '3' | '6' | '9'>('12');
  const to = `${year}-${kind.padStart(2, '0')}-${kind === '12' ? '31' : kind === '6' || kind === '9' ? '30' : '31'}`;
  const stats = useInspectionStatistics(orgId, `${year}-01-01`, to);
  return (
    <>
      <Select
        value={kind}
        onChange={setKind}
        style={{ width: 160, marginBottom: 12 }}
        options={[
          { value: '3', label: 'Quý I' },
          { value: '6', label: '6 tháng' },
          { value: '9', label: '9 tháng' },
          { value: '12', label: 'Cả năm' },
        ]}
      />
      {stats.isError && <QueryError error={stats.error} />}
      {stats.data && <ReportTableView table={stats.data.table} compare={false} />}
    </>
  );
}

export function InspectionPage() {
  const me = useMe();
  const roots = useOrgRoots(todayIso());
  const [params] = useSearchParams();
  const [chosen, setChosen] = useState<string | undefined>(params.get('orgId') ?? undefined);
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const orgId = chosen ?? roots.data?.items[0]?.id;
  const canEdit = Boolean(me.data?.user.roles.some((r) => r.role !== 'viewer'));
  // Discipline is recorded by those who edit members or hold the inspection committee's role (the server decides by scope).
  const canRecordDiscipline = Boolean(me.data?.user.roles.some((r) => ['system_admin', 'org_admin', 'editor', 'inspector'].includes(r.role)));
  return (
    <Card title="Kiểm tra, giám sát" data-testid="inspection-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgSelect value={orgId} onChange={(v) => setChosen(typeof v === 'string' ? v : undefined)} showPath data-testid="inspection-org" />
        <InputNumber min={1930} max={Number(todayIso().slice(0, 4)) + 1} value={year} onChange={(v) => v && setYear(v)} data-testid="inspection-year" />
      </Space>
      {orgId && (
        <Tabs
          defaultActiveKey={params.get('tab') ?? 'plans'}
          items={[
            { key: 'plans', label: 'Kế hoạch', children: <PlansTab orgId={orgId} year={year} canEdit={canEdit} /> },
            { key: 'progress', label: 'Tiến độ', children: <ProgressTab orgId={orgId} year={year} /> },
            { key: 'coverage', label: 'Chưa thực hiện', children: <CoverageTab orgId={orgId} year={year} /> },
            { key: 'cases', label: 'Vụ việc', children: <CasesTab orgId={orgId} canEdit={canEdit} /> },
            {
              key: 'discipline',
              label: <span data-testid="inspection-tab-discipline">Kỷ luật</span>,
              children: <DisciplineTab orgId={orgId} canRecord={canRecordDiscipline} />,
            },
            { key: 'statistics', label: 'Thống kê', children: <StatisticsTab orgId={orgId} year={year} /> },
          ]}
        />
      )}
    </Card>
  );
}
