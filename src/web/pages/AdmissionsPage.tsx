/**
 * "Kết nạp đảng viên" (domain.md §6): the candidates and their dossiers by stage (the pipeline), the probationary
 * members admitted through a dossier, and the yearly admission targets with the progress of each organisation. The
 * tab, the organisation and the stage live in the URL.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Progress, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  useCandidates,
  useCreateCandidate,
  useProbation,
  useSetTarget,
  useTargets,
  type CandidateListItem,
  type CandidateListQuery,
  type ProbationItem,
  type ProgressRow,
} from '../api/admissions.ts';
import { useCatalogues } from '../api/hooks.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { useCurrentUser } from '../app/auth.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, todayIso, toIso, validDate } from '../lib/dates.ts';
import { formatCount, formatPercent } from '../lib/labels.ts';
import { NameInput } from '../components/NameInput.tsx';

const STATUS_COLORS: Record<string, string> = { open: 'blue', probation: 'gold', official: 'green', closed: 'default' };

function Pipeline() {
  const [params, setParams] = useSearchParams();
  const link = useAsOfLink();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const orgId = params.get('orgId') || undefined;
  const stage = params.get('stage') || undefined;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  // The stage comes from the address; the server refuses one it does not know.
  const list = useCandidates({ orgId, stage: stage as CandidateListQuery['stage'], q: q || undefined, page, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const create = useCreateCandidate();
  const catalogues = useCatalogues();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };
  const columns: TableColumnsType<CandidateListItem> = [
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      render: (name: string, r) => (
        <Link to={link(`/admissions/dossiers/${r.dossierId}`)} data-testid={`candidate-link-${r.dossierId}`}>
          {name}
        </Link>
      ),
    },
    { title: 'Ngày sinh', dataIndex: 'birthDate', width: 110, render: (d: string | null) => formatDate(d) },
    { title: 'Chi bộ', dataIndex: 'orgName' },
    { title: 'Ngày vào danh sách', dataIndex: 'openedOn', width: 150, render: (d: string) => formatDate(d) },
    {
      title: 'Giai đoạn',
      dataIndex: 'stageLabel',
      render: (label: string, r) => (
        <Space size={4}>
          <Tag color={STATUS_COLORS[r.status]}>{label}</Tag>
          {r.readmission && <Tag>Kết nạp lại</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <OrgSelect
          value={orgId}
          onChange={(v) => set('orgId', typeof v === 'string' ? v : undefined)}
          placeholder="Tất cả tổ chức trong phạm vi"
          data-testid="admissions-org"
        />
        <Input.Search placeholder="Tìm theo họ tên" allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 240 }} data-testid="admissions-search" />
        {me.can.editMembers && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="candidate-add">
            Thêm cảm tình Đảng
          </Button>
        )}
      </Space>
      <Space size={[8, 8]} wrap data-testid="pipeline">
        <Tag.CheckableTag checked={!stage} onChange={() => set('stage', undefined)}>
          Tất cả ({formatCount(list.data?.stages.reduce((s, x) => s + x.count, 0) ?? 0)})
        </Tag.CheckableTag>
        {list.data?.stages
          .filter((s) => s.count > 0 || s.stage === stage)
          .map((s) => (
            <Tag.CheckableTag
              key={s.stage}
              checked={stage === s.stage}
              onChange={(on) => set('stage', on ? s.stage : undefined)}
              data-testid={`pipeline-${s.stage}`}
            >
              {s.label} ({formatCount(s.count)})
            </Tag.CheckableTag>
          ))}
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CandidateListItem>
          rowKey="dossierId"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          data-testid="candidates-table"
          onRow={(r) => ({ 'data-testid': `candidate-row-${r.dossierId}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
            showTotal: (n) => `${formatCount(n)} hồ sơ`,
          }}
          locale={{ emptyText: 'Chưa có người nào trong danh sách cảm tình Đảng' }}
        />
      )}
      <FormModal<{
        orgId: string;
        fullName: string;
        gender: 'nam' | 'nu';
        birthDate?: Dayjs;
        generalEducation?: string;
        listedOn: Dayjs;
        listingResolutionNo?: string;
      }>
        open={creating}
        title="Thêm người vào danh sách cảm tình Đảng"
        submitText="Thêm và mở hồ sơ"
        testId="candidate-form"
        onCancel={() => setCreating(false)}
        onSubmit={async (v) => {
          const d = await create.mutateAsync({
            orgId: v.orgId,
            fullName: v.fullName,
            gender: v.gender,
            birthDate: v.birthDate ? toIso(v.birthDate) : null,
            generalEducation: v.generalEducation ?? null,
            listedOn: toIso(v.listedOn),
            listingResolutionNo: v.listingResolutionNo || null,
          });
          setCreating(false);
          navigate(link(`/admissions/dossiers/${d.id}`));
        }}
      >
        <Form.Item name="orgId" label="Chi bộ" rules={[{ required: true, message: 'Vui lòng chọn chi bộ.' }]}>
          <OrgSelect data-testid="candidate-org" />
        </Form.Item>
        <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên.' }]}>
          <NameInput testId="candidate-name" maxLength={150} />
        </Form.Item>
        <Form.Item name="gender" label="Giới tính" rules={[{ required: true, message: 'Vui lòng chọn giới tính.' }]}>
          <Select
            data-testid="candidate-gender"
            options={[
              { value: 'nam', label: 'Nam' },
              { value: 'nu', label: 'Nữ' },
            ]}
          />
        </Form.Item>
        <Form.Item name="birthDate" label="Ngày sinh" rules={[validDate]}>
          <DateInput testId="candidate-birth" />
        </Form.Item>
        <Form.Item name="generalEducation" label="Giáo dục phổ thông">
          <Select
            data-testid="candidate-education"
            allowClear
            options={(catalogues.data?.general_education ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="listedOn" label="Ngày chi bộ đưa vào danh sách" rules={[validDate, { required: true, message: 'Vui lòng nhập ngày.' }]}>
          <DateInput testId="candidate-listed" />
        </Form.Item>
        <Form.Item name="listingResolutionNo" label="Số nghị quyết của chi bộ">
          <Input data-testid="candidate-resolution" maxLength={100} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function ProbationTab() {
  const list = useProbation();
  const link = useAsOfLink();
  const today = todayIso();
  const columns: TableColumnsType<ProbationItem> = [
    { title: 'Họ và tên', dataIndex: 'fullName', render: (n: string, r) => <Link to={link(`/admissions/dossiers/${r.dossierId}`)}>{n}</Link> },
    { title: 'Chi bộ', dataIndex: 'orgName' },
    { title: 'Lễ kết nạp', dataIndex: 'ceremonyOn', width: 120, render: (d: string | null) => formatDate(d) },
    { title: 'Hết dự bị', dataIndex: 'probationEndsOn', width: 120, render: (d: string | null) => formatDate(d) },
    {
      title: 'Hạn xét chính thức',
      dataIndex: 'recognitionDueOn',
      width: 160,
      render: (d: string | null) => (d && d < today ? <Tag color="red">{formatDate(d)} (quá hạn)</Tag> : formatDate(d)),
    },
    { title: 'Số lần xét', dataIndex: 'votes', width: 100 },
    { title: 'Tình trạng', dataIndex: 'stageLabel' },
  ];
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<ProbationItem>
      rowKey="dossierId"
      size="small"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      data-testid="probation-table"
      locale={{ emptyText: 'Không có đảng viên dự bị' }}
    />
  );
}

function TargetsTab() {
  const [params] = useSearchParams();
  const [orgId, setOrgId] = useState<string | undefined>(params.get('orgId') || undefined);
  const [year, setYear] = useState<number>(Number(todayIso().slice(0, 4)));
  const [period, setPeriod] = useState<'year' | 'h1' | 'h2' | 'term'>('year');
  // A term (nhiệm kỳ) is taken as the five years ending with the chosen one.
  const range = {
    year: { from: `${year}-01-01`, to: `${year}-12-31` },
    h1: { from: `${year}-01-01`, to: `${year}-06-30` },
    h2: { from: `${year}-07-01`, to: `${year}-12-31` },
    term: { from: `${year - 4}-01-01`, to: `${year}-12-31` },
  }[period];
  const targets = useTargets({ orgId, year, ...range });
  const setTarget = useSetTarget();
  const [editing, setEditing] = useState<ProgressRow | null>(null);
  const columns: TableColumnsType<ProgressRow> = [
    {
      title: 'Tổ chức',
      dataIndex: 'name',
      render: (n: string, r) => (r.orgId === targets.data?.org.orgId ? <b>{n}</b> : <a onClick={() => setOrgId(r.orgId)}>{n}</a>),
    },
    { title: 'Chỉ tiêu', dataIndex: 'target', width: 100, render: (t: number | null) => (t === null ? '—' : formatCount(t)) },
    { title: 'Đã kết nạp', dataIndex: 'admitted', width: 110, render: (n: number) => formatCount(n) },
    {
      title: 'Tỷ lệ',
      dataIndex: 'progress',
      width: 200,
      render: (p: number | null) => (p === null ? '—' : <Progress percent={Math.min(100, p)} format={() => formatPercent(p, 1)} size="small" />),
    },
    { title: 'Đang trong quy trình', dataIndex: 'inPipeline', width: 170, render: (n: number) => formatCount(n) },
    {
      title: '',
      width: 110,
      render: (_: unknown, r) =>
        r.canSet ? (
          <Button size="small" onClick={() => setEditing(r)} data-testid={`target-set-${r.orgId}`}>
            Giao chỉ tiêu
          </Button>
        ) : null,
    },
  ];
  const data = targets.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <OrgSelect value={orgId} onChange={(v) => setOrgId(typeof v === 'string' ? v : undefined)} placeholder="Tổ chức của tôi" data-testid="targets-org" />
        <InputNumber value={year} min={2004} max={2100} onChange={(v) => v && setYear(v)} data-testid="targets-year" addonBefore="Năm" />
        <Select
          value={period}
          onChange={setPeriod}
          style={{ width: 220 }}
          data-testid="targets-period"
          options={[
            { value: 'year', label: 'Cả năm' },
            { value: 'h1', label: '6 tháng đầu năm' },
            { value: 'h2', label: '6 tháng cuối năm' },
            { value: 'term', label: 'Nhiệm kỳ (5 năm đến năm đã chọn)' },
          ]}
        />
      </Space>
      {targets.isError ? (
        <QueryError error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <>
          {data && (
            <Typography.Text type="secondary">
              Kỳ {formatDate(data.from)} – {formatDate(data.to)}. Đã giao cho các tổ chức trực thuộc: {data.childrenTargetSum}
              {data.org.target !== null ? ` / ${data.org.target}` : ''}.
            </Typography.Text>
          )}
          <Table<ProgressRow>
            rowKey="orgId"
            size="small"
            columns={columns}
            dataSource={data ? [data.org, ...data.children] : []}
            loading={targets.isFetching}
            pagination={false}
            data-testid="targets-table"
            onRow={(r) => ({ 'data-testid': `target-row-${r.orgId}` }) as HTMLAttributes<HTMLElement>}
          />
        </>
      )}
      <FormModal<{ target: number }>
        open={editing !== null}
        title={`Giao chỉ tiêu năm ${year}: ${editing?.name ?? ''}`}
        submitText="Lưu"
        testId="target-form"
        initialValues={{ target: editing?.target ?? 0 }}
        onCancel={() => setEditing(null)}
        onSubmit={async (v) => {
          await setTarget.mutateAsync({ orgId: editing!.orgId, year, target: v.target });
          setEditing(null);
        }}
      >
        <Form.Item name="target" label="Số đảng viên kết nạp" rules={[{ required: true, message: 'Vui lòng nhập chỉ tiêu.' }]}>
          <InputNumber min={0} max={1000000} data-testid="target-value" style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

export function AdmissionsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'pipeline';
  return (
    <Card title="Kết nạp đảng viên">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(new URLSearchParams({ tab: key }), { replace: true })}
        items={[
          { key: 'pipeline', label: 'Cảm tình Đảng và hồ sơ', children: <Pipeline /> },
          { key: 'probation', label: 'Đảng viên dự bị', children: <ProbationTab /> },
          { key: 'targets', label: 'Chỉ tiêu phát triển đảng viên', children: <TargetsTab /> },
        ]}
      />
    </Card>
  );
}
